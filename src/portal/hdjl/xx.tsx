/** @jsxImportSource hono/jsx */
// 信箱 and 统计 on the portal (issue 11 parts 4 and 7): /hdjl/xx lists the published letters (the masked text stored
// at publication) with search; /hdjl/xx/write is the letter form (mailbox, type, subject, text, the writer's name
// and phone, 同意公开; the signed arithmetic question, attempts capped, the limit counting accepted letters, a
// duplicate of an unreplied letter refused); /hdjl/xx/query reads a letter and its reply by query code; /hdjl/tj
// publishes the monthly statistics of consultations and letters. Server-rendered, no JavaScript.
import type { Context, Hono } from 'hono';
import { z } from 'zod';
import {
  type InteractionStats,
  LETTER_TYPE_LABELS,
  zLetterBody,
  zLetterSubject,
  zLetterType,
} from '../../contracts/interaction';
import { chinaDate } from '../../domain/calendar';
import {
  interactionStats,
  letterByQueryCode,
  PUBLIC_LETTERS_PAGE,
  type PublicLetter,
  type PublicLetterStatus,
  portalMailboxes,
  priorPortalLetter,
  publicLetters,
  type WrittenLetter,
  writeOnPortal,
} from '../../server/modules/interaction';
import type { AppEnv, Platform } from '../../server/platform/context';
import { parseWith } from '../../server/platform/http/route';
import { RateLimiter } from '../../server/platform/ratelimit';
import { guardedSubmit, portalLimit } from '../guard';
import { CardLinks, Options, QueryCodeNotice } from '../layout';
import { framedPage } from '../routes';
import { type Challenge, newChallenge } from '../ysqgk/challenge';
import { ChallengeField, CodeForm, type FormValues } from '../ysqgk/views';
import { Choice, Errors, type Fact, Facts, Field, Pager, SearchForm, Submit, TextField } from './parts';

/** At most 3 accepted letters per hour per address [I]; setting `interaction.letterLimit` overrides it. */
/** Letters accepted per address and hour, per phone number and day (setting `interaction.letterLimit`). */
const DEFAULT_LIMIT = { perHour: 3, perPhonePerDay: 5 };

const hub = { label: '互动交流', href: '/hdjl' };
const xx = { label: '信箱', href: '/hdjl/xx' };

export const zLetter = z.object({
  mailboxId: z.string().uuid('请选择信箱'),
  type: zLetterType,
  subject: zLetterSubject,
  body: zLetterBody,
  writerName: z.string({ message: '请填写姓名' }).trim().min(1, '请填写姓名').max(50, '姓名不超过 50 字'),
  writerPhone: z
    .string({ message: '请填写联系电话' })
    .trim()
    .regex(/^[0-9\-\s+]{7,20}$/, '联系电话格式不正确'),
  writerIdNo: z
    .string()
    .trim()
    .max(18, '身份证号码不超过 18 位')
    .regex(/^(\d{15}|\d{17}[\dXx])?$/, '身份证号码格式不正确')
    .optional(),
  consent: z
    .string()
    .optional()
    .transform((v) => v === 'yes'),
});

function LetterList(props: { items: PublicLetter[] }) {
  return (
    <ul class="letters" data-testid="letters">
      {props.items.map((l) => (
        <li>
          <h3>{l.subject}</h3>
          <p class="meta">
            {l.letterNo} · {l.typeLabel} · {l.mailboxName} · 来信日期 {l.receivedOn}
          </p>
          <p class="text">{l.body}</p>
          <p class="meta">
            答复单位：{l.unitName} · 答复日期 {l.repliedOn}
          </p>
          <p class="text">答复：{l.reply}</p>
        </li>
      ))}
    </ul>
  );
}

export function LettersPage(props: { search: string; page: number; items: PublicLetter[]; total: number }) {
  const pages = Math.max(1, Math.ceil(props.total / PUBLIC_LETTERS_PAGE));
  const href = (n: number) => {
    const q = new URLSearchParams();
    if (props.search) q.set('search', props.search);
    if (n > 1) q.set('page', String(n));
    const s = q.toString();
    return s ? `/hdjl/xx?${s}` : '/hdjl/xx';
  };
  return (
    <>
      <h1>信箱</h1>
      <p class="lead">
        写信给区长信箱或部门信箱，承办单位在 15
        个工作日内答复。经写信人同意公开的来信及答复选登如下，个人信息已隐去。
      </p>
      <CardLinks
        links={[
          ['/hdjl/xx/write', '我要写信'],
          ['/hdjl/xx/query', '查询办理情况'],
          ['/hdjl/tj', '办理情况统计'],
        ]}
      />
      <SearchForm action="/hdjl/xx" label="搜索来信" value={props.search} />
      <h2>选登来信（共 {props.total} 封）</h2>
      {props.items.length ? <LetterList items={props.items} /> : <p>没有符合条件的来信。</p>}
      <Pager page={props.page} pages={pages} href={href} />
    </>
  );
}

export function WritePage(props: {
  values: FormValues;
  errors: string[];
  mailboxes: { id: string; name: string }[];
  challenge: Challenge;
}) {
  const v = props.values;
  return (
    <>
      <h1>我要写信</h1>
      <p class="lead">请如实填写。承办单位应在 15 个工作日内答复，您可凭查询码查看办理情况和答复。</p>
      <Errors errors={props.errors} title="信件未提交，请修改以下内容：" />
      <form method="post" action="/hdjl/xx/write" class="form-grid" novalidate>
        <Choice
          id="f-box"
          name="mailboxId"
          label="信箱（必填）"
          placeholder="请选择信箱"
          options={props.mailboxes}
          value={v.mailboxId}
        />
        <Field id="f-type" label="来信类型（必填）">
          <select id="f-type" name="type" required>
            <Options options={Object.entries(LETTER_TYPE_LABELS)} selected={v.type ?? 'consult'} />
          </select>
        </Field>
        <TextField id="f-subject" name="subject" label="标题（必填）" value={v.subject} required />
        <Field id="f-body" label="来信内容（必填，不超过 5000 字）">
          <textarea id="f-body" name="body" required>
            {v.body ?? ''}
          </textarea>
        </Field>
        <TextField
          id="f-name"
          name="writerName"
          label="姓名（必填，不会公开）"
          value={v.writerName}
          autocomplete="name"
          required
        />
        <TextField
          id="f-phone"
          name="writerPhone"
          label="联系电话（必填，不会公开）"
          type="tel"
          value={v.writerPhone}
          autocomplete="tel"
          required
        />
        <TextField
          id="f-id"
          name="writerIdNo"
          label="身份证号码（选填，不会公开）"
          value={v.writerIdNo}
          autocomplete="off"
        />
        <div class="field check">
          <input id="f-consent" name="consent" type="checkbox" value="yes" checked={v.consent === 'yes'} />{' '}
          <label for="f-consent">
            同意公开：允许选登本信及答复（姓名、电话、证件号码、住址等个人信息将隐去）
          </label>
        </div>
        <ChallengeField challenge={props.challenge} />
        <Submit label="提交信件" />
      </form>
    </>
  );
}

function Written(props: { letterNo: string; queryCode: string; replyDue: string; mailboxName: string }) {
  return (
    <>
      <h1>信件已提交</h1>
      <QueryCodeNotice
        received={`${props.mailboxName}已收到您的信件（编号 ${props.letterNo}）`}
        queryCode={props.queryCode}
      >
        <p>请妥善保存查询码。承办单位应于 {props.replyDue} 前答复。</p>
      </QueryCodeNotice>
      <p>
        <a href={`/hdjl/xx/query?code=${props.queryCode}`}>查询办理情况</a>
      </p>
    </>
  );
}

/** A writer's alike letter within the window: added to the earlier one, whose query code the writer holds. */
function Linked(props: { letterNo: string; receivedOn: string }) {
  return (
    <>
      <h1>信件已并入原件办理</h1>
      <p role="status" data-testid="letter-linked">
        您于 {props.receivedOn} 写过内容相近的信件（编号 <strong>{props.letterNo}</strong>
        ），尚在办理中。本次来信已并入该件，由承办单位一并办理答复，不另行编号。
      </p>
      <p>请使用首次来信时获得的查询码查询办理情况；为保护您的信息，查询码不在此重复显示。</p>
      <p>
        <a href="/hdjl/xx/query">查询办理情况</a>
      </p>
    </>
  );
}

function QueryPage(props: { code: string; l: PublicLetterStatus | null }) {
  const { code, l } = props;
  return (
    <>
      <h1>查询信件办理情况</h1>
      <CodeForm action="/hdjl/xx/query" code={code} />
      {code && !l && <p role="alert">没有找到该查询码对应的信件，请核对后重试。</p>}
      {l && (
        <section aria-labelledby="l-title" data-testid="letter">
          <h2 id="l-title">信件 {l.letterNo}</h2>
          <Facts
            facts={[
              ['信箱', l.mailboxName],
              ['类型', l.typeLabel],
              ['标题', l.subject],
              ['承办单位', l.unitName],
              ['来信日期', l.receivedOn],
              ['答复期限', l.replyDue],
              ['办理状态', l.statusLabel, 'status'],
              ...(l.reply
                ? ([
                    ['答复', l.reply, 'reply'],
                    ['答复日期', l.repliedOn],
                  ] satisfies Fact[])
                : []),
            ]}
          />
        </section>
      )}
    </>
  );
}

type Count = { received: number; replied: number; onTime: number };

function Counts(props: { c: Count }) {
  const { c } = props;
  return (
    <>
      <td>{c.received}</td>
      <td>{c.replied}</td>
      <td>{c.onTime}</td>
    </>
  );
}

const Head3 = (props: { what: string }) => (
  <>
    <th scope="col">{props.what}收到</th>
    <th scope="col">{props.what}已答复</th>
    <th scope="col">{props.what}按时答复</th>
  </>
);

/** One table of the statistics: per row, for each group (咨询, 来信), 收到 / 已答复 / 按时答复. */
function CountsTable(props: {
  label: string;
  testid: string;
  rowHead: string;
  groups: string[];
  rows: { head: string; counts: Count[] }[];
}) {
  return (
    <section class="table-scroll" tabindex={0} aria-label={props.label}>
      <table data-testid={props.testid}>
        <thead>
          <tr>
            <th scope="col">{props.rowHead}</th>
            {props.groups.map((g) => (
              <Head3 what={g} />
            ))}
          </tr>
        </thead>
        <tbody>
          {props.rows.map((r) => (
            <tr>
              <th scope="row">{r.head}</th>
              {r.counts.map((c) => (
                <Counts c={c} />
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

export function StatsPage(props: { s: InteractionStats; years: number[]; months: number }) {
  const { s } = props;
  const period = s.month ? `${s.month.slice(0, 4)} 年 ${Number(s.month.slice(5))} 月` : `${s.year} 年`;
  return (
    <>
      <h1>政策咨询和信箱办理情况统计</h1>
      <p class="lead">
        按收到日期所在月份统计：收到件数、其中已答复件数、其中在期限内答复件数。数据随办理自动更新。
      </p>
      <form method="get" action="/hdjl/tj" class="form-grid">
        <div class="field">
          <label for="f-year">年份</label>
          <select id="f-year" name="year">
            {props.years.map((y) => (
              <option value={String(y)} selected={y === s.year}>
                {y} 年
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="f-month">月份（分类统计的期间）</label>
          <select id="f-month" name="month">
            <option value="" selected={!s.month}>
              全年
            </option>
            {Array.from({ length: props.months }, (_, i) => (
              <option
                value={String(i + 1)}
                selected={s.month?.endsWith(`-${String(i + 1).padStart(2, '0')}`)}
              >
                {i + 1} 月
              </option>
            ))}
          </select>
        </div>
        <Submit label="查看" />
      </form>
      <h2>逐月情况（{s.year} 年）</h2>
      <CountsTable
        label="逐月情况表"
        testid="by-month"
        rowHead="月份"
        groups={['咨询', '来信']}
        rows={s.byMonth.slice(0, props.months).map((m) => ({ head: m.month, counts: [m.consult, m.letter] }))}
      />
      <h2>来信按类型（{period}）</h2>
      <CountsTable
        label="来信按类型统计表"
        testid="by-type"
        rowHead="类型"
        groups={['']}
        rows={s.letterByType.map((t) => ({ head: LETTER_TYPE_LABELS[t.type], counts: [t] }))}
      />
      <h2>按承办单位（{period}）</h2>
      {s.byUnit.length ? (
        <CountsTable
          label="按承办单位统计表"
          testid="by-unit"
          rowHead="承办单位"
          groups={['咨询', '来信']}
          rows={s.byUnit.map((u) => ({ head: u.unitName, counts: [u.consult, u.letter] }))}
        />
      ) : (
        <p>该期间没有收到咨询和来信。</p>
      )}
      <p class="meta" data-testid="totals">
        合计：咨询收到 {s.totals.consult.received} 件、答复 {s.totals.consult.replied} 件、按时{' '}
        {s.totals.consult.onTime} 件；来信收到 {s.totals.letter.received} 件、答复 {s.totals.letter.replied}{' '}
        件、按时 {s.totals.letter.onTime} 件。
      </p>
    </>
  );
}

export function mailboxPortal(app: Hono<AppEnv>, p: Platform, districtName: () => Promise<string>): void {
  const db = p.database.db;
  const limiter = new RateLimiter(p.database, () => p.clock.now().getTime());

  const render = framedPage(districtName);

  app.get('/hdjl/xx', async (c) => {
    const search = (c.req.query('search') ?? '').trim().slice(0, 100);
    const pageNo = Math.min(10_000, Math.max(1, Number.parseInt(c.req.query('page') ?? '1', 10) || 1));
    const { items, total } = await publicLetters(db, { search: search || undefined, page: pageNo });
    c.header('Cache-Control', 'public, max-age=60');
    return render(
      c,
      '信箱',
      [hub, { label: '信箱' }],
      <LettersPage {...{ search, page: pageNo, items, total }} />,
    );
  });

  const writePage = async (c: Context<AppEnv>, values: FormValues, errors: string[], status = 200) =>
    render(
      c,
      '我要写信',
      [hub, xx, { label: '我要写信' }],
      <WritePage
        values={values}
        errors={errors}
        mailboxes={await portalMailboxes(db)}
        challenge={await newChallenge(p)}
      />,
      status,
    );

  app.get('/hdjl/xx/write', (c) => writePage(c, {}, []));

  /** The page after a letter is accepted (`status`: 201 the first time, 200 when a resubmission replays it). */
  const submitted = (c: Context<AppEnv>, r: WrittenLetter, status: number) =>
    r.linked
      ? render(c, '信件已并入原件', [hub, xx, { label: '信件已提交' }], <Linked {...r} />, 200)
      : render(c, '信件已提交', [hub, xx, { label: '信件已提交' }], <Written {...r} />, status);

  app.post('/hdjl/xx/write', async (c) => {
    return guardedSubmit(c, p, limiter, {
      name: 'xx',
      limit: await portalLimit(p, 'interaction.letterLimit', DEFAULT_LIMIT),
      fields: Object.keys(zLetter.shape),
      form: (values, errors, status) => writePage(c, values, errors, status),
      parse: (values) => parseWith(zLetter, values),
      phoneOf: (input) => input.writerPhone,
      accept: async (input, actor, requestKey) => {
        const r = await writeOnPortal(
          p.database,
          p.clock,
          p.fieldKeys,
          actor,
          { ...input, writerIdNo: input.writerIdNo || null },
          requestKey,
        );
        return submitted(c, r, 201);
      },
      replay: async (requestKey) => {
        const r = await priorPortalLetter(p.database, requestKey);
        return r ? submitted(c, r, 200) : null;
      },
    });
  });

  app.get('/hdjl/xx/query', async (c) => {
    const code = (c.req.query('code') ?? '').trim().slice(0, 40);
    const l = code ? await letterByQueryCode(db, p.clock, code) : null;
    c.header('Cache-Control', 'no-store');
    return render(
      c,
      '查询信件办理情况',
      [hub, xx, { label: '查询办理情况' }],
      <QueryPage code={code} l={l} />,
    );
  });

  app.get('/hdjl/tj', async (c) => {
    const asOf = chinaDate(p.clock.now());
    const thisYear = Number(asOf.slice(0, 4));
    const y = Number.parseInt(c.req.query('year') ?? '', 10);
    const year = y >= thisYear - 5 && y <= thisYear ? y : thisYear;
    const months = year === thisYear ? Number(asOf.slice(5, 7)) : 12;
    const m = Number.parseInt(c.req.query('month') ?? '', 10);
    const month = m >= 1 && m <= months ? m : undefined;
    const s = await interactionStats(db, null, year, month);
    const years = Array.from({ length: 6 }, (_, i) => thisYear - i);
    c.header('Cache-Control', 'public, max-age=300');
    return render(
      c,
      '办理情况统计',
      [hub, { label: '办理情况统计' }],
      <StatsPage s={s} years={years} months={months} />,
    );
  });
}
