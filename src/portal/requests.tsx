/** @jsxImportSource hono/jsx */
// Portal pages of 依申请公开: the application form (no JavaScript), the result with the query code, and the
// status page by query code, which shows no personal data.
import { createHmac, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';
import { asc, inArray, isNull } from 'drizzle-orm';
import type { Context, Hono } from 'hono';
import { z } from 'zod';
import { CASE_STATUS_LABELS, DELIVERY_CHANNEL_LABELS, DELIVERY_FORM_LABELS } from '../contracts/requests';
import { APPLICANT_KIND_LABELS, APPLICANT_KINDS } from '../domain/requests/outcomes';
import { units } from '../server/db/schema';
import { zApplicant, zIntake } from '../server/modules/requests/requests.routes';
import { publicStatus, submitOnline } from '../server/modules/requests/requests.service';
import { audit } from '../server/platform/audit/audit';
import { type AppEnv, type Platform, systemActor } from '../server/platform/context';
import { AppError } from '../server/platform/errors';
import { storeFile } from '../server/platform/files/service';
import { parseWith } from '../server/platform/http/route';
import { RateLimiter } from '../server/platform/ratelimit';
import { getSetting, putSetting } from '../server/platform/settings';
import { Layout } from './layout';
import { page } from './routes';

const FORM_CSS = `
.form-grid{display:grid;gap:14px;max-width:720px}
.field label,.field legend{display:block;font-weight:600;margin-bottom:4px}
.field input[type=text],.field input[type=tel],.field input[type=email],.field select,.field textarea{width:100%;padding:8px;border:1px solid #6b7280;border-radius:4px;font:inherit}
.field textarea{min-height:110px}
.field .help{font-size:.9rem;color:#444;margin:2px 0 0}
fieldset.field{border:1px solid #c9ced6;border-radius:6px;padding:10px 14px}
.errors{background:#fdecea;border-left:4px solid #b3261e;padding:10px 14px}
.ok{background:#e8f5e9;border-left:4px solid #1b5e20;padding:10px 14px}
button.primary{background:#0b4f9c;color:#fff;border:0;border-radius:4px;padding:10px 22px;font:inherit;cursor:pointer}
.code{font-size:1.4rem;font-weight:700;letter-spacing:2px}
dl.status{display:grid;grid-template-columns:max-content 1fr;gap:6px 16px}
dl.status dt{font-weight:600}
`;

/**
 * Anti-spam (REGULATIONS has no rule; [I]): at most 5 portal applications per IP per hour, and an arithmetic
 * question signed with a server secret (valid 30 minutes). Setting `requests.portalLimit` overrides the limit.
 */
const DEFAULT_LIMIT = { perHour: 5 };
const CHALLENGE_TTL_MS = 30 * 60 * 1000;

async function secret(p: Platform): Promise<string> {
  const s = await getSetting<string>(p.database, 'requests.challengeSecret');
  if (s) return s;
  const fresh = randomBytes(32).toString('hex');
  await p.database.db.transaction((tx) => putSetting(tx, 'requests.challengeSecret', fresh));
  return (await getSetting<string>(p.database, 'requests.challengeSecret')) ?? fresh;
}

function sign(key: string, payload: string): string {
  return createHmac('sha256', key).update(payload).digest('hex').slice(0, 32);
}

async function newChallenge(p: Platform): Promise<{ question: string; token: string }> {
  const a = randomInt(2, 10);
  const b = randomInt(2, 10);
  const exp = p.clock.now().getTime() + CHALLENGE_TTL_MS;
  const payload = `${a + b}.${exp}`;
  return { question: `${a} 加 ${b} 等于几？`, token: `${exp}.${sign(await secret(p), payload)}` };
}

async function checkChallenge(p: Platform, token: string, answer: string): Promise<boolean> {
  const [expRaw, sig] = token.split('.');
  const exp = Number(expRaw);
  if (!sig || !Number.isFinite(exp) || exp < p.clock.now().getTime()) return false;
  const expected = sign(await secret(p), `${answer.trim()}.${exp}`);
  return expected.length === sig.length && timingSafeEqual(Buffer.from(expected), Buffer.from(sig));
}

type FormValues = Record<string, string>;

function Field(props: {
  name: string;
  label: string;
  values: FormValues;
  type?: string;
  help?: string;
  required?: boolean;
}) {
  const id = `f-${props.name}`;
  return (
    <div class="field">
      <label for={id}>
        {props.label}
        {props.required ? '（必填）' : ''}
      </label>
      <input
        id={id}
        name={props.name}
        type={props.type ?? 'text'}
        value={props.values[props.name] ?? ''}
        required={props.required}
        aria-describedby={props.help ? `${id}-help` : undefined}
      />
      {props.help && (
        <p class="help" id={`${id}-help`}>
          {props.help}
        </p>
      )}
    </div>
  );
}

function Select(props: {
  name: string;
  label: string;
  values: FormValues;
  options: [string, string][];
  placeholder?: string;
}) {
  const id = `f-${props.name}`;
  return (
    <div class="field">
      <label for={id}>{props.label}（必填）</label>
      <select id={id} name={props.name} required>
        {props.placeholder ? (
          <option value="" selected={!props.values[props.name]}>
            {props.placeholder}
          </option>
        ) : null}
        {props.options.map(([v, l]) => (
          <option value={v} selected={props.values[props.name] === v}>
            {l}
          </option>
        ))}
      </select>
    </div>
  );
}

const KIND_ORDER = ['government', 'department', 'township', 'subdivision'];

export function requestsPortal(app: Hono<AppEnv>, p: Platform, districtName: () => Promise<string>): void {
  const limiter = new RateLimiter(p.database, () => p.clock.now().getTime());
  const crumbs = [
    { label: '政府信息公开', href: '/xxgk' },
    { label: '依申请公开', href: '/ysqgk' },
  ];

  const agencies = async () =>
    p.database.db
      .select({ id: units.id, name: units.name, kind: units.kind, sort: units.sort })
      .from(units)
      .where(inArray(units.kind, ['government', 'department', 'township']))
      .orderBy(asc(units.sort), asc(units.name))
      // The government first, then departments, then 镇街; names in pinyin order as citizens expect.
      .then((rows) =>
        rows.sort(
          (a, b) =>
            KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind) ||
            a.sort - b.sort ||
            a.name.localeCompare(b.name, 'zh-Hans-CN'),
        ),
      );

  const form = async (c: Context<AppEnv>, values: FormValues, errors: string[], status = 200) => {
    const district = await districtName();
    const challenge = await newChallenge(p);
    const list = await agencies();
    return page(
      c,
      <Layout title="政府信息公开申请" district={district} crumbs={[...crumbs, { label: '在线申请' }]}>
        <style>{FORM_CSS}</style>
        <h1>政府信息公开申请</h1>
        <p class="lead">
          依据《中华人民共和国政府信息公开条例》第二十九条，请如实填写以下内容。行政机关收到申请之日起 20
          个工作日内答复；网上申请以双方确认之日为收到申请之日。
        </p>
        {errors.length > 0 && (
          <div class="errors" role="alert" id="form-errors">
            <h2>申请未提交，请修改以下内容：</h2>
            <ul>
              {errors.map((e) => (
                <li>{e}</li>
              ))}
            </ul>
          </div>
        )}
        <form method="post" action="/ysqgk/apply" enctype="multipart/form-data" class="form-grid" novalidate>
          <Select
            name="unitId"
            label="受理机关"
            placeholder="请选择受理机关"
            values={values}
            options={list.map((u) => [u.id, u.name])}
          />
          <fieldset class="field">
            <legend>申请人信息</legend>
            <Select
              name="kind"
              label="申请人类型"
              values={values}
              options={APPLICANT_KINDS.map((k) => [
                k,
                k === 'natural_person' ? '自然人' : `法人或其他组织：${APPLICANT_KIND_LABELS[k]}`,
              ])}
            />
            <Field name="name" label="姓名或者名称" values={values} required />
            <Select
              name="idType"
              label="证件类型"
              values={values}
              options={[
                ['id_card', '居民身份证'],
                ['other', '其他有效身份证件'],
                ['credit_code', '统一社会信用代码（法人或其他组织）'],
              ]}
            />
            <Field name="idNumber" label="证件号码" values={values} required />
            <Field name="contactPerson" label="联系人（法人或其他组织填写）" values={values} />
            <Field name="phone" label="联系电话" type="tel" values={values} required />
            <Field name="email" label="电子邮箱" type="email" values={values} />
            <Field name="address" label="通信地址" values={values} />
            <div class="field">
              <label for="f-idProof">身份证明（PDF、JPG 或 PNG，不超过 5 MB）</label>
              <input id="f-idProof" name="idProof" type="file" accept=".pdf,.jpg,.jpeg,.png" />
            </div>
          </fieldset>
          <div class="field">
            <label for="f-description">所需政府信息的名称、文号或者便于查询的其他特征性描述（必填）</label>
            <textarea id="f-description" name="description" required>
              {values.description ?? ''}
            </textarea>
          </div>
          <div class="field">
            <label for="f-purpose">申请用途（选填）</label>
            <textarea id="f-purpose" name="purpose">
              {values.purpose ?? ''}
            </textarea>
          </div>
          <Select
            name="deliveryForm"
            label="获取信息的形式"
            values={values}
            options={Object.entries(DELIVERY_FORM_LABELS)}
          />
          <Select
            name="deliveryChannel"
            label="获取信息的途径"
            values={values}
            options={Object.entries(DELIVERY_CHANNEL_LABELS)}
          />
          <div class="field">
            <label for="f-answer">验证问题：{challenge.question}（必填）</label>
            <input id="f-answer" name="answer" type="text" inputmode="numeric" autocomplete="off" required />
            <input type="hidden" name="token" value={challenge.token} />
          </div>
          <p>
            <button class="primary" type="submit">
              提交申请
            </button>
          </p>
        </form>
      </Layout>,
      status,
    );
  };

  app.get('/ysqgk', async (c) => {
    const district = await districtName();
    return page(
      c,
      <Layout title="依申请公开" district={district} crumbs={[crumbs[0]!, { label: '依申请公开' }]}>
        <h1>依申请公开</h1>
        <p>
          公民、法人或者其他组织可以向行政机关申请获取相关政府信息（《中华人民共和国政府信息公开条例》第二十七条）。
        </p>
        <ul class="grid">
          <li>
            <a class="card" href="/ysqgk/apply">
              在线提交申请
            </a>
          </li>
          <li>
            <a class="card" href="/ysqgk/query">
              查询办理进度
            </a>
          </li>
        </ul>
      </Layout>,
    );
  });

  app.get('/ysqgk/apply', (c) => form(c, {}, []));

  app.post('/ysqgk/apply', async (c) => {
    // Not under /api: the platform's CSRF check does not run here, so refuse cross-site posts by Origin.
    const origin = c.req.header('origin');
    const host = c.req.header('host');
    if (origin && host && new URL(origin).host !== host) return c.text('请求来源不明', 403);
    const limit =
      (await getSetting<{ perHour: number }>(p.database, 'requests.portalLimit')) ?? DEFAULT_LIMIT;
    const wait = await limiter.hit(`ysqgk:${c.get('ip')}`, limit.perHour, 3600_000);
    let raw: Record<string, string | File | (string | File)[]>;
    try {
      raw = await c.req.parseBody();
    } catch {
      return form(c, {}, ['提交内容无法读取，请重新填写'], 400);
    }
    const values: FormValues = {};
    for (const [k, v] of Object.entries(raw)) if (typeof v === 'string') values[k] = v;
    if (wait > 0) return form(c, values, [`提交过于频繁，请 ${Math.ceil(wait / 60)} 分钟后再试`], 429);
    if (!(await checkChallenge(p, values.token ?? '', values.answer ?? ''))) {
      return form(c, values, ['验证问题回答不正确或已过期，请重新回答'], 400);
    }
    const file = raw.idProof;
    try {
      const input = parseWith(z.object({ ...zIntake, applicant: zApplicant }), {
        unitId: values.unitId,
        applicant: {
          kind: values.kind,
          name: values.name,
          idType: values.idType,
          idNumber: values.idNumber,
          phone: values.phone,
          email: values.email || null,
          address: values.address || null,
          contactPerson: values.contactPerson || null,
        },
        description: values.description,
        purpose: values.purpose || null,
        deliveryForm: values.deliveryForm,
        deliveryChannel: values.deliveryChannel,
      });
      const result = await p.database.db.transaction(async (tx) => {
        let idProofFileId: string | null = null;
        if (file instanceof File && file.size > 0) {
          const stored = await storeFile(
            tx,
            { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()), uploadedBy: null },
            { allowed: ['pdf', 'jpeg', 'png'], maxBytes: 5 * 1024 * 1024 },
          );
          idProofFileId = stored.id;
        }
        const actor = { ...systemActor('portal'), ip: c.get('ip'), requestId: c.get('requestId') };
        const r = await submitOnline(tx, p.clock, actor, { ...input, idProofFileId });
        await audit(tx, actor, { action: 'requests.portal', objectType: 'request_case', objectId: r.id });
        return r;
      });
      const district = await districtName();
      return page(
        c,
        <Layout title="申请已提交" district={district} crumbs={[...crumbs, { label: '申请已提交' }]}>
          <style>{FORM_CSS}</style>
          <h1>申请已提交</h1>
          <div class="ok" role="status">
            <p>
              申请编号 {result.caseNo}。您的查询码是：
              <span class="code" data-testid="query-code">
                {result.queryCode}
              </span>
            </p>
            <p>
              请妥善保存查询码，凭查询码查询办理进度。工作人员将与您确认收到申请的日期，答复期限自该日起计算。
            </p>
          </div>
          <p>
            <a href={`/ysqgk/query?code=${result.queryCode}`}>查询办理进度</a>
          </p>
        </Layout>,
        201,
      );
    } catch (e) {
      if (e instanceof AppError && (e.code === 'VALIDATION' || e.code === 'PAYLOAD_TOO_LARGE')) {
        const fields = (e.details as { fields?: Record<string, string> } | undefined)?.fields;
        const msgs = fields ? Object.values(fields) : [e.message];
        return form(c, values, msgs.length ? msgs : [e.message], 400);
      }
      throw e;
    }
  });

  app.get('/ysqgk/query', async (c) => {
    const district = await districtName();
    const code = (c.req.query('code') ?? '').trim();
    const st = code ? await publicStatus(p.database.db, code) : null;
    c.header('Cache-Control', 'no-store');
    return page(
      c,
      <Layout title="查询办理进度" district={district} crumbs={[...crumbs, { label: '查询办理进度' }]}>
        <style>{FORM_CSS}</style>
        <h1>查询办理进度</h1>
        <form method="get" action="/ysqgk/query" class="form-grid">
          <div class="field">
            <label for="f-code">查询码</label>
            <input id="f-code" name="code" type="text" value={code} autocomplete="off" />
          </div>
          <p>
            <button class="primary" type="submit">
              查询
            </button>
          </p>
        </form>
        {code && !st && (
          <p class="errors" role="alert">
            未找到该查询码对应的申请，请核对后重试。
          </p>
        )}
        {st && (
          <section aria-labelledby="st-title">
            <h2 id="st-title">申请编号 {st.caseNo}</h2>
            <dl class="status" data-testid="case-status">
              <dt>受理机关</dt>
              <dd>{st.unitName}</dd>
              <dt>提交日期</dt>
              <dd>{st.submittedOn ?? '—'}</dd>
              <dt>收到申请日期</dt>
              <dd>{st.receivedOn ?? '待确认'}</dd>
              <dt>办理状态</dt>
              <dd>{CASE_STATUS_LABELS[st.status]}</dd>
              <dt>答复期限</dt>
              <dd>{st.replyDue ?? '—'}</dd>
              {st.closedOn && (
                <>
                  <dt>办结日期</dt>
                  <dd>{st.closedOn}</dd>
                  <dt>办理结果</dt>
                  <dd>{st.outcomeFamily}</dd>
                </>
              )}
            </dl>
          </section>
        )}
      </Layout>,
    );
  });
}

/** District name for portal pages (the root unit without 人民政府). */
export function districtNameOf(p: Platform): () => Promise<string> {
  return async () => {
    const root = await p.database.db
      .select({ name: units.name })
      .from(units)
      .where(isNull(units.parentId))
      .orderBy(asc(units.sort))
      .limit(1);
    return root[0]?.name.replace(/人民政府$/, '') || p.config.districtName;
  };
}
