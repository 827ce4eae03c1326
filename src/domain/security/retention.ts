// Retention of logs and personal data (SECURITY.md 18 and 38): the settings' defaults and bounds, and the cut-offs
// the daily purge applies. Pure: the clock is a parameter.
//
// - Audit and login logs: 等保2.0 三级 (8.1.4.3 安全审计 c) and 网络安全法 Art. 21 require at least six months; the
//   minimum here is 180 days and the default is the minimum. A shorter value is refused.
// - Personal data of closed 依申请公开 cases, replied 信箱 letters, answered consultations and hotline calls:
//   个人信息保护法 Art. 19 asks for the shortest period the purpose needs. [I] The default of 3 years after closing is
//   ours, not from REGULATIONS.md: it outlasts the 行政复议 (60 days) and 行政诉讼 (6 months, at most 1 year when the
//   remedy was not stated) periods and the next annual reports, and matches the shortest 档案 保管期限 band (短期)
//   commonly used for case files. The case, the letter and their statistics stay; only the person's data go.
// - Expired sessions and one-time tokens: deleted once they have been expired for this many days (default 1).

import { maskLetterText } from '../interaction/letter';

export interface RetentionSettings {
  /** Audit log and login log rows older than this many days are deleted (≥ 180). */
  logDays: number;
  /** Years after closing that an applicant's personal data are kept (依申请公开). */
  requestYears: number;
  /** Years after the reply that a 信箱 letter writer's data are kept. */
  letterYears: number;
  /** Years after the answer that a consultation asker's name and contact are kept. */
  consultationYears: number;
  /** Years after the call that a hotline caller's name and phone are kept (answered or handed over calls). */
  callYears: number;
  /** Days an expired session or one-time token is kept before it is deleted. */
  expiredSessionDays: number;
}

export const MIN_LOG_DAYS = 180;

/** Bounds of each setting (inclusive) and its label, for the contract, the console and the messages. */
export const RETENTION_FIELDS: Record<
  keyof RetentionSettings,
  { min: number; max: number; unit: '天' | '年'; label: string }
> = {
  logDays: { min: MIN_LOG_DAYS, max: 3650, unit: '天', label: '审计日志与登录日志保存期限' },
  requestYears: { min: 1, max: 30, unit: '年', label: '依申请公开申请人信息保存期限' },
  letterYears: { min: 1, max: 30, unit: '年', label: '信箱来信人信息保存期限' },
  consultationYears: { min: 1, max: 30, unit: '年', label: '政策咨询人信息保存期限' },
  callYears: { min: 1, max: 30, unit: '年', label: '来电人信息保存期限' },
  expiredSessionDays: { min: 0, max: 30, unit: '天', label: '过期会话与令牌保留天数' },
};

export const DEFAULT_RETENTION: RetentionSettings = {
  logDays: MIN_LOG_DAYS,
  requestYears: 3,
  letterYears: 3,
  consultationYears: 3,
  callYears: 3,
  expiredSessionDays: 1,
};

/** The Chinese refusal of one value, or null when it is within its bounds. */
export function retentionError(key: keyof RetentionSettings, value: number): string | null {
  const f = RETENTION_FIELDS[key];
  if (!Number.isInteger(value)) return `${f.label}应为整数`;
  if (key === 'logDays' && value < MIN_LOG_DAYS)
    return `${f.label}不能少于 ${MIN_LOG_DAYS} 天（等保三级要求审计记录至少保存六个月）`;
  if (value < f.min) return `${f.label}不能少于 ${f.min} ${f.unit}`;
  if (value > f.max) return `${f.label}不能超过 ${f.max} ${f.unit}`;
  return null;
}

/** Stored values that no longer fit fall back to the defaults, key by key. */
export function retentionWithDefaults(stored: Record<string, unknown> | null | undefined): RetentionSettings {
  const out = { ...DEFAULT_RETENTION };
  for (const key of Object.keys(out) as (keyof RetentionSettings)[]) {
    const v = stored?.[key];
    if (typeof v === 'number' && retentionError(key, v) === null) out[key] = v;
  }
  return out;
}

const DAY_MS = 86_400_000;

/** Log rows with `at` strictly before this instant are old enough to delete (a row exactly N days old stays). */
export function logCutoff(now: Date, logDays: number): Date {
  return new Date(now.getTime() - logDays * DAY_MS);
}

/** Expired sessions and tokens are deleted when they expired before this instant. */
export function expiredCutoff(now: Date, days: number): Date {
  return new Date(now.getTime() - days * DAY_MS);
}

/**
 * The closing date (YYYY-MM-DD, China time) before which a record's personal data go: `today` minus `years`
 * calendar years (29 February becomes 28 February). A record closed exactly `years` ago today stays.
 */
export function closedCutoff(today: string, years: number): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(today);
  if (!m) throw new Error(`日期格式无效：${today}`);
  const y = Number(m[1]) - years;
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  const day = m[2] === '02' && m[3] === '29' && !leap ? '28' : m[3]!;
  return `${String(y).padStart(4, '0')}-${m[2]}-${day}`;
}

/** The cut-offs of one purge run. */
export interface RetentionCutoffs {
  logsBefore: Date;
  expiredBefore: Date;
  requestsClosedBefore: string;
  lettersRepliedBefore: string;
  consultationsAnsweredBefore: string;
  callsBefore: string;
}

export function retentionCutoffs(now: Date, today: string, s: RetentionSettings): RetentionCutoffs {
  return {
    logsBefore: logCutoff(now, s.logDays),
    expiredBefore: expiredCutoff(now, s.expiredSessionDays),
    requestsClosedBefore: closedCutoff(today, s.requestYears),
    lettersRepliedBefore: closedCutoff(today, s.letterYears),
    consultationsAnsweredBefore: closedCutoff(today, s.consultationYears),
    callsBefore: closedCutoff(today, s.callYears),
  };
}

/** What a purged personal-data field holds instead (names; numbers and addresses are emptied). */
export const PURGED_MARK = '（已按保存期限清除）';

/**
 * A citizen's free text (a request's description, a letter, a question) once its retention has passed: every
 * personal-data finding masked as a published letter is (names, ID, phone and other long numbers, e-mail, house
 * numbers), so the record keeps what it was about and no longer says who. Null when nothing changes.
 */
export function anonymiseFreeText(text: string): string | null {
  const out = maskLetterText(text, { writerName: null, writerPhone: null, writerIdNo: null }).text;
  return out === text ? null : out;
}
