// Portal forms post outside /api, where the platform's CSRF check does not run: cross-site posts are refused by
// their Origin header. The anti-abuse steps the public forms share live here too (one guard, not one per form).
import type { Context } from 'hono';
import { unknownFieldsMessage } from '../contracts/unknown-fields';
import { type Actor, type AppEnv, type Platform, systemActor } from '../server/platform/context';
import { type FieldKeys, keyedHash } from '../server/platform/crypto/fields';
import { AppError } from '../server/platform/errors';
import { requestKeyOf } from '../server/platform/idempotency';
import type { RateLimiter } from '../server/platform/ratelimit';
import { getSetting } from '../server/platform/settings';
import { checkChallenge } from './ysqgk/challenge';

type FormValues = Record<string, string>;

/** Attempts (typos included, each also costs a challenge) are capped at this many times the accepted limit. */
const TRIES_PER_SUBMISSION = 10;
const HOUR_MS = 3600_000;
const DAY_MS = 24 * HOUR_MS;

/** A public form's limits (a setting per form, SECURITY.md 39): accepted submissions per address and hour, per phone number and day. */
export interface PortalLimit {
  perHour: number;
  perPhonePerDay: number;
}

/** The form's stored limits over its defaults (a missing or invalid value keeps the default). */
export async function portalLimit(p: Platform, key: string, defaults: PortalLimit): Promise<PortalLimit> {
  const stored = (await getSetting<Partial<PortalLimit>>(p.database, key)) ?? {};
  const ok = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v > 0;
  return {
    perHour: ok(stored.perHour) ? stored.perHour : defaults.perHour,
    perPhonePerDay: ok(stored.perPhonePerDay) ? stored.perPhonePerDay : defaults.perPhonePerDay,
  };
}

/** The limiter's key of a phone number (its digits, +86 dropped; keyed hash: no number in the table), or null. */
export function phoneKey(keys: FieldKeys, phone: string | null | undefined): string | null {
  let digits = (phone ?? '').normalize('NFKC').replace(/\D/g, '');
  if (digits.length === 13 && digits.startsWith('86')) digits = digits.slice(2);
  return digits.length >= 7 ? keyedHash(keys, `phone:${digits}`) : null;
}

export const phoneLimitMessage = '该电话号码今日提交次数已达上限，请明日再试';

/** One accepted-submission limit: its key, how many, in what window, and what a refusal says. */
export interface Limit {
  key: string;
  limit: number;
  windowMs: number;
  message: (waitSeconds: number) => string;
}

/**
 * Takes every limit in turn; when one is exceeded, gives back those taken and returns its message. The keys taken
 * are returned to be refunded when the write is refused after all.
 */
export async function takeLimits(
  limiter: RateLimiter,
  limits: readonly Limit[],
): Promise<{ refused: string | null; taken: string[] }> {
  const taken: string[] = [];
  for (const l of limits) {
    const wait = await limiter.hit(l.key, l.limit, l.windowMs);
    if (wait > 0) {
      await limiter.refund(l.key);
      await Promise.all(taken.map((k) => limiter.refund(k)));
      return { refused: l.message(wait), taken: [] };
    }
    taken.push(l.key);
  }
  return { refused: null, taken };
}

/** The address limit of a form, and its phone limit when the submission gives a phone number. */
export function submissionLimits(
  p: Platform,
  name: string,
  ip: string | null | undefined,
  phone: string | null | undefined,
  limit: PortalLimit,
): Limit[] {
  const byPhone = phoneKey(p.fieldKeys, phone);
  return [
    { key: `${name}:ip:${ip}`, limit: limit.perHour, windowMs: HOUR_MS, message: tooManyMessage },
    ...(byPhone
      ? [
          {
            key: `${name}:phone:${byPhone}`,
            limit: limit.perPhonePerDay,
            windowMs: DAY_MS,
            message: () => phoneLimitMessage,
          },
        ]
      : []),
  ];
}

export function crossSite(c: Context): boolean {
  const origin = c.req.header('origin');
  const host = c.req.header('host');
  return !!origin && !!host && new URL(origin).host !== host;
}

/** The string fields of a posted form (files and repeated fields left out); null when the body cannot be read. */
export async function formFields(c: Context): Promise<Record<string, string> | null> {
  try {
    const raw = await c.req.parseBody();
    const out: Record<string, string> = {};
    for (const [k, v] of Object.entries(raw)) if (typeof v === 'string') out[k] = v;
    return out;
  } catch {
    return null;
  }
}

/** The fields of the signed question every public form carries (ChallengeField), with its one-time request id. */
export const CHALLENGE_FIELDS = ['token', 'answer', 'rid'] as const;

/**
 * 「不支持的字段：…」 when a posted form has a field (text or file) its page does not have, else null: as on the API
 * (SECURITY.md 20), a field is refused rather than ignored. An unreadable body is left to the caller.
 */
export async function unknownFormFields(c: Context, fields: readonly string[]): Promise<string | null> {
  let raw: Record<string, unknown>;
  try {
    raw = await c.req.parseBody();
  } catch {
    return null;
  }
  const extra = Object.keys(raw).filter((k) => !fields.includes(k));
  return extra.length ? unknownFieldsMessage(extra) : null;
}

/** The audit actor of a citizen's submission: no user, the address and request id of the post. */
export const portalActor = (c: Context<AppEnv>): Actor => ({
  ...systemActor('portal'),
  ip: c.get('ip'),
  requestId: c.get('requestId'),
});

export const tooManyMessage = (wait: number) => `提交过于频繁，请 ${Math.ceil(wait / 60)} 分钟后再试`;

/** A VALIDATION refusal as the list of its field messages (or its message when it names no field). */
export const fieldMessages = (e: AppError): string[] => {
  const fields = (e.details as { fields?: Record<string, string> } | undefined)?.fields;
  const list = fields ? Object.values(fields) : [];
  return list.length ? list : [e.message];
};

/** What a public form gives the shared guard. */
export interface GuardedForm<I> {
  /** The limiter's keys: `<name>:try:<ip>` counts attempts, `<name>:ip:<ip>` and `<name>:phone:<hash>` accepted submissions. */
  name: string;
  /** Accepted submissions per address and hour, per phone number and day. */
  limit: PortalLimit;
  /** The phone number the submission gives, if any (limited per day). */
  phoneOf?: (input: I) => string | null | undefined;
  /** The form's own fields (the challenge's are added); any other is refused. */
  fields: readonly string[];
  /** The form again with what was typed and the errors. */
  form: (values: FormValues, errors: string[], status: number) => Promise<Response>;
  /** The fields as the write's input; throws a VALIDATION AppError. */
  parse: (values: FormValues) => I;
  /** The write (passing on the form's one-time request id) and the page that confirms it. */
  accept: (input: I, actor: Actor, requestKey: string | null) => Promise<Response>;
  /** The confirmation of what the form's request id already created, or null: a resubmitted form. */
  replay?: (requestKey: string | null) => Promise<Response | null>;
  /** A refusal of the write as a page, undefined to rethrow; by default VALIDATION shows its messages (400). */
  refused?: (e: AppError, values: FormValues) => Promise<Response> | undefined;
}

/**
 * A public form's post: cross-site refused, the form read, attempts capped, the signed question checked, then the
 * accepted-submission limit taken before the write and given back when the write is refused, so concurrent posts
 * cannot pass the limit together and a refused one costs nothing.
 */
export async function guardedSubmit<I>(
  c: Context<AppEnv>,
  p: Platform,
  limiter: RateLimiter,
  spec: GuardedForm<I>,
): Promise<Response> {
  if (crossSite(c)) return c.text('请求来源不明', 403);
  const values = await formFields(c);
  if (!values) return spec.form({}, ['提交内容无法读取，请重新填写'], 400);
  // The same form posted again (a retry after a lost answer) shows what it created, and costs nothing.
  const requestKey = requestKeyOf(values.rid);
  const replayed = await spec.replay?.(requestKey);
  if (replayed) return replayed;
  const ip = c.get('ip');
  const tooMany = (wait: number) => spec.form(values, [tooManyMessage(wait)], 429);
  const tries = await limiter.hit(
    `${spec.name}:try:${ip}`,
    spec.limit.perHour * TRIES_PER_SUBMISSION,
    HOUR_MS,
  );
  if (tries > 0) return tooMany(tries);
  const unknown = await unknownFormFields(c, [...spec.fields, ...CHALLENGE_FIELDS]);
  if (unknown) return spec.form(values, [unknown], 400);
  if (!(await checkChallenge(p, values.token ?? '', values.answer ?? '')))
    return spec.form(values, ['验证问题回答不正确或已过期，请重新回答'], 400);
  let taken: string[] = [];
  try {
    const input = spec.parse(values);
    const limits = submissionLimits(p, spec.name, ip, spec.phoneOf?.(input), spec.limit);
    const took = await takeLimits(limiter, limits);
    if (took.refused) return spec.form(values, [took.refused], 429);
    taken = took.taken;
    return await spec.accept(input, portalActor(c), requestKey);
  } catch (e) {
    await Promise.all(taken.map((k) => limiter.refund(k)));
    const refused = spec.refused ?? defaultRefused(spec);
    const shown = e instanceof AppError ? refused(e, values) : undefined;
    if (shown) return shown;
    throw e;
  }
}

const defaultRefused =
  <I>(spec: GuardedForm<I>) =>
  (e: AppError, values: FormValues) =>
    e.code === 'VALIDATION' ? spec.form(values, fieldMessages(e), 400) : undefined;
