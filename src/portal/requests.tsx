/** @jsxImportSource hono/jsx */
// Portal pages of 依申请公开: the application form (no JavaScript), the result with the query code, and the
// status page by query code, which shows no personal data. Views in ysqgk/views.tsx; data from the modules' faces.
import type { Context, Hono } from 'hono';
import { applicantOf, DELIVERY_CHANNEL_LABELS, DELIVERY_FORM_LABELS, zIntake } from '../contracts/requests';
import { chinaDate } from '../domain/calendar';
import { portalFormErrors } from '../domain/requests/portal-form';
import { districtName, listUnits } from '../server/modules/org';
import {
  hashedApplicantKey,
  priorPortalSubmission,
  publicStatus,
  submitFromPortal,
} from '../server/modules/requests';
import type { AppEnv, Platform } from '../server/platform/context';
import { AppError } from '../server/platform/errors';
import { parseWith } from '../server/platform/http/route';
import { requestKeyOf } from '../server/platform/idempotency';
import { RateLimiter } from '../server/platform/ratelimit';
import {
  CHALLENGE_FIELDS,
  crossSite,
  portalActor,
  portalLimit,
  submissionLimits,
  takeLimits,
  tooManyMessage,
  unknownFormFields,
} from './guard';
import { CardLinks } from './layout';
import { framedPage } from './routes';
import { checkChallenge, newChallenge } from './ysqgk/challenge';
import {
  ApplicationForm,
  FORM_FIELDS,
  type FormErrors,
  type FormValues,
  NO_ERRORS,
  StatusPage,
  Submitted,
} from './ysqgk/views';

/**
 * Applications accepted: at most 5 per hour per address and per applicant (ID number) [I] and 10 per phone number
 * and day; the setting `requests.portalLimit` overrides them. Attempts (typos included) are capped at 10 times the
 * hourly figure per address.
 */
const DEFAULT_LIMIT = { perHour: 5, perPhonePerDay: 10 };
const TRIES_PER_SUBMISSION = 10;

const KIND_ORDER = ['government', 'department', 'township', 'subdivision'];

/** The agencies an application may go to: the government first, then departments, then 镇街. */
async function agencies(p: Platform) {
  const rows = await listUnits(p.database.db, ['government', 'department', 'township']);
  // Names in pinyin order as citizens expect.
  return rows.sort(
    (a, b) =>
      KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind) ||
      a.sort - b.sort ||
      a.name.localeCompare(b.name, 'zh-Hans-CN'),
  );
}

/** The form's fields as the contract's intake shape. */
function intakeOf(values: FormValues) {
  return parseWith(zIntake, {
    unitId: values.unitId,
    applicant: applicantOf(values as Parameters<typeof applicantOf>[0]),
    description: values.description,
    purpose: values.purpose || null,
    deliveryForm: values.deliveryForm,
    deliveryChannel: values.deliveryChannel,
  });
}

export function requestsPortal(app: Hono<AppEnv>, p: Platform, districtName: () => Promise<string>): void {
  const limiter = new RateLimiter(p.database, () => p.clock.now().getTime());
  const render = framedPage(districtName);
  const crumbs = [
    { label: '政府信息公开', href: '/xxgk' },
    { label: '依申请公开', href: '/ysqgk' },
  ];

  const form = async (c: Context<AppEnv>, values: FormValues, errors: FormErrors, status = 200) => {
    const challenge = await newChallenge(p);
    const list = await agencies(p);
    return render(
      c,
      '政府信息公开申请',
      [...crumbs, { label: '在线申请' }],
      <ApplicationForm values={values} errors={errors} challenge={challenge} agencies={list} />,
      status,
    );
  };

  const submitted = async (
    c: Context<AppEnv>,
    result: { queryCode: string; caseNo: string },
    status: 200 | 201,
  ) => render(c, '申请已提交', [...crumbs, { label: '申请已提交' }], <Submitted result={result} />, status);

  app.get('/ysqgk', async (c) => {
    return render(
      c,
      '依申请公开',
      [crumbs[0]!, { label: '依申请公开' }],
      <>
        <h1>依申请公开</h1>
        <p>
          公民、法人或者其他组织可以向行政机关申请获取相关政府信息（《中华人民共和国政府信息公开条例》第二十七条）。
        </p>
        <CardLinks
          links={[
            ['/ysqgk/apply', '在线提交申请'],
            ['/ysqgk/query', '查询办理进度'],
          ]}
        />
      </>,
    );
  });

  app.get('/ysqgk/apply', (c) => form(c, {}, NO_ERRORS));

  // The application form's fields (ysqgk/views.tsx); any other is refused.
  const APPLY_FIELDS = [
    'unitId',
    'kind',
    'name',
    'idType',
    'idNumber',
    'contactPerson',
    'phone',
    'email',
    'address',
    'description',
    'purpose',
    'deliveryForm',
    'deliveryChannel',
    'idProof',
  ];

  app.post('/ysqgk/apply', async (c) => {
    if (crossSite(c)) return c.text('请求来源不明', 403);
    const limit = await portalLimit(p, 'requests.portalLimit', DEFAULT_LIMIT);
    const ip = c.get('ip');
    // Attempts are capped generously (each also costs a challenge); the limit itself counts accepted submissions.
    const tries = await limiter.hit(`ysqgk:try:${ip}`, limit.perHour * TRIES_PER_SUBMISSION, 3600_000);
    let raw: Record<string, string | File | (string | File)[]>;
    try {
      raw = await c.req.parseBody();
    } catch {
      return form(c, {}, general('提交内容无法读取，请重新填写'), 400);
    }
    // What was typed comes back in the form; the answer belongs to a question that is replaced.
    const values: FormValues = {};
    for (const [k, v] of Object.entries(raw)) if (typeof v === 'string' && k !== 'answer') values[k] = v;
    const tooMany = (wait: number) => form(c, values, general(tooManyMessage(wait)), 429);
    // The same form posted again (a retry after a lost answer): its case, not a second one.
    const rid = requestKeyOf(values.rid);
    const prior = await priorPortalSubmission(p.database, rid);
    if (prior) return submitted(c, prior, 200);
    if (tries > 0) return tooMany(tries);
    const unknown = await unknownFormFields(c, [...APPLY_FIELDS, ...CHALLENGE_FIELDS]);
    if (unknown) return form(c, values, general(unknown), 400);
    // Every problem at once: the fields and the question together.
    const answer = typeof raw.answer === 'string' ? raw.answer : '';
    // Text fields only: a file sent where text goes counts as not filled in (it was a 500).
    const fields = portalFormErrors(
      { ...values, answer },
      {
        unitIds: (await agencies(p)).map((u) => u.id),
        deliveryForms: Object.keys(DELIVERY_FORM_LABELS),
        deliveryChannels: Object.keys(DELIVERY_CHANNEL_LABELS),
        today: chinaDate(p.clock.now()),
      },
    );
    if (answer && !(await checkChallenge(p, values.token ?? '', answer)))
      fields.answer = '验证问题回答不正确或已过期，请回答下面的新问题';
    if (Object.keys(fields).length > 0) return form(c, values, { fields, general: [] }, 400);
    const file = raw.idProof;
    let taken: string[] = [];
    try {
      const input = intakeOf(values);
      // Per address, per phone number and per applicant (keyed hashes: no number in the limiter's table), taken
      // before the submission and given back when it is not accepted, so concurrent posts cannot pass together.
      const key = hashedApplicantKey(p.fieldKeys, input.applicant.idNumber, input.applicant.name);
      const took = await takeLimits(limiter, [
        ...submissionLimits(p, 'ysqgk', ip, input.applicant.phone, limit),
        { key: `ysqgk:id:${key}`, limit: limit.perHour, windowMs: 3600_000, message: tooManyMessage },
      ]);
      if (took.refused) return form(c, values, general(took.refused), 429);
      taken = took.taken;
      // The upload is read here, before the submission's transaction.
      const idProof =
        file instanceof File && file.size > 0
          ? { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) }
          : null;
      const result = await submitFromPortal(
        p.database,
        p.clock,
        p.fieldKeys,
        portalActor(c),
        input,
        idProof,
        rid,
      );
      return submitted(c, result, 201);
    } catch (e) {
      // A submission that was not accepted costs nothing.
      await Promise.all(taken.map((t) => limiter.refund(t)));
      if (e instanceof AppError && (e.code === 'VALIDATION' || e.code === 'PAYLOAD_TOO_LARGE'))
        return form(c, values, serverErrors(e), 400);
      throw e;
    }
  });

  app.get('/ysqgk/query', async (c) => {
    const code = (c.req.query('code') ?? '').trim();
    const st = code ? await publicStatus(p.database.db, code) : null;
    c.header('Cache-Control', 'no-store');
    return render(
      c,
      '查询办理进度',
      [...crumbs, { label: '查询办理进度' }],
      <StatusPage code={code} st={st} />,
    );
  });
}

const general = (message: string): FormErrors => ({ fields: {}, general: [message] });

/** A refusal of the server (the same rules for every channel) as the form's fields: applicant.x → x. */
function serverErrors(e: AppError): FormErrors {
  if (e.code === 'PAYLOAD_TOO_LARGE') return { fields: { idProof: e.message }, general: [] };
  const given = (e.details as { fields?: Record<string, string> } | undefined)?.fields ?? {};
  const out: FormErrors = { fields: {}, general: [] };
  for (const [k, m] of Object.entries(given)) {
    const name = k.replace(/^applicant\./, '');
    if (FORM_FIELDS.has(name)) out.fields[name] = m;
    else out.general.push(m);
  }
  return Object.keys(given).length ? out : general(e.message);
}

/** District name for portal pages (the root unit without 人民政府). */
export function districtNameOf(p: Platform): () => Promise<string> {
  return () => districtName(p.database.db, p.config.districtName);
}
