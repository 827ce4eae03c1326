// Item rules: 索引号 by a configurable rule, Art. 26 timeliness, normative-document validity and counts.

import type { WorkingDayCalendar } from '../calendar';
import { codesOf } from '../codes';

// ---------- 索引号 ----------

/**
 * Default 索引号 rule [I]: no national format exists; common practice is unit code - category - year - sequence,
 * e.g. "11500223MB1234567X/2026-00012". Placeholders: {unit} unit code (统一社会信用代码 or short code), {year},
 * {cat} Art. 20 number (01–15; 21 for any Art. 21 topic, the article itself, as the township and county lists
 * share codes; 00 for none), {seq} / {seq:N} zero-padded sequence within unit and year.
 */
export const DEFAULT_INDEX_RULE = '{unit}-{cat}-{year}-{seq:5}';

export function formatIndexNumber(
  rule: string,
  v: { unit: string; year: number; category?: string | null; seq: number },
): string {
  const c = v.category ?? '';
  const cat = c.startsWith('art20_') ? c.slice(6).padStart(2, '0') : c.startsWith('art21') ? '21' : '00';
  return rule.replace(/\{(unit|year|cat|seq)(?::(\d+))?\}/g, (_m, key: string, width?: string) => {
    const raw =
      key === 'unit' ? v.unit : key === 'year' ? String(v.year) : key === 'cat' ? cat : String(v.seq);
    return width ? raw.padStart(Number(width), '0') : raw;
  });
}

// ---------- Art. 26 timeliness ----------

/** 条例 Art. 26 (REGULATIONS.md §1.1): publish within 20 working days of forming or changing the information. */
export const PROACTIVE_WORKING_DAYS = 20;

export const TIMELINESS_LABELS = {
  on_time: '按时公开',
  late: '超期公开',
  pending: '待公开',
  overdue: '已超期未公开',
};
export type Timeliness = keyof typeof TIMELINESS_LABELS;

export interface TimelinessResult {
  status: Timeliness;
  deadline: string;
  provisional: boolean;
}

/** `published` and `today` are China calendar dates 'YYYY-MM-DD'. */
export function timeliness(
  formed: string,
  published: string | null,
  today: string,
  calendar: WorkingDayCalendar,
  workingDays = PROACTIVE_WORKING_DAYS,
): TimelinessResult {
  const d = calendar.addWorkingDays(formed, workingDays);
  const status: Timeliness = published
    ? published <= d.date
      ? 'on_time'
      : 'late'
    : today <= d.date
      ? 'pending'
      : 'overdue';
  return { status, deadline: d.date, provisional: d.provisional };
}

// ---------- normative documents (行政规范性文件) ----------

export const VALIDITY_LABELS = {
  in_force: '现行有效',
  expired: '失效',
  repealed: '废止',
};
export type Validity = keyof typeof VALIDITY_LABELS;
export const VALIDITIES = codesOf(VALIDITY_LABELS);

export interface NormativeDoc {
  validity: Validity;
  /** 生效日期 / 施行日期. */
  effectiveDate: string | null;
  /** 有效期至: the document expires after this day (automatic expiry). */
  expiryDate: string | null;
  /** Date the repeal took effect (废止日期). */
  repealedDate: string | null;
  /** 成文日期 / date issued. */
  issuedDate: string | null;
}

/** Validity on `today`: an in-force document whose expiry date has passed is 失效 (automatic expiry). */
export function validityOn(doc: NormativeDoc, today: string): Validity {
  if (doc.validity === 'repealed') return 'repealed';
  if (doc.validity === 'in_force' && doc.expiryDate !== null && doc.expiryDate < today) return 'expired';
  return doc.validity;
}

export interface NormativeCounts {
  issued: number;
  repealed: number;
  inForce: number;
}

/**
 * Counts for the annual report's table 二, row 行政规范性文件 (REGULATIONS.md §2.2): 本年制发件数 (issued in the
 * year), 本年废止件数 (repealed in the year), 现行有效件数 (in force at the end of the year, i.e. on 12-31:
 * issued by then, not repealed by then, not expired before then).
 */
export function normativeCounts(docs: readonly NormativeDoc[], year: number): NormativeCounts {
  const start = `${year}-01-01`;
  const end = `${year}-12-31`;
  let issued = 0;
  let repealed = 0;
  let inForce = 0;
  for (const d of docs) {
    if (d.issuedDate && d.issuedDate >= start && d.issuedDate <= end) issued++;
    if (d.validity === 'repealed' && d.repealedDate && d.repealedDate >= start && d.repealedDate <= end)
      repealed++;
    const issuedByEnd = d.issuedDate !== null && d.issuedDate <= end;
    const repealedByEnd = d.validity === 'repealed' && (d.repealedDate === null || d.repealedDate <= end);
    const expiredByEnd =
      (d.validity === 'expired' && d.expiryDate === null) || (d.expiryDate !== null && d.expiryDate < end);
    if (issuedByEnd && !repealedByEnd && !expiredByEnd) inForce++;
  }
  return { issued, repealed, inForce };
}

// ---------- policy interpretations (政策解读) ----------

export const INTERPRETATION_FORM_LABELS = {
  text: '文字解读',
  graphic: '图解',
  video: '视频解读',
  qa: '问答',
};
export type InterpretationForm = keyof typeof INTERPRETATION_FORM_LABELS;
export const INTERPRETATION_FORMS = codesOf(INTERPRETATION_FORM_LABELS);

export const ITEM_KIND_LABELS = {
  general: '一般信息',
  normative: '行政规范性文件',
  interpretation: '政策解读',
};
export type ItemKind = keyof typeof ITEM_KIND_LABELS;
export const ITEM_KINDS = codesOf(ITEM_KIND_LABELS);

/**
 * 三同步 (issue 5 part 4): a published policy that the office marked as needing an interpretation, with no
 * published interpretation linked, is flagged.
 */
export function missingInterpretation(
  policy: { needsInterpretation: boolean; status: string },
  interpretations: readonly { status: string }[],
): boolean {
  return (
    policy.needsInterpretation &&
    policy.status === 'published' &&
    !interpretations.some((i) => i.status === 'published')
  );
}
