// Types and labels of the automatic pre-publication checks (issue 5 part 6).

const PERSONAL = [
  'id_card',
  'mobile',
  'landline',
  'bank_card',
  'email',
  'passport',
  'address',
  'personal_name',
] as const;

export const FINDING_KINDS = [
  ...PERSONAL,
  'secrecy_mark',
  'sensitive_word',
  'unit_name',
  'invalid_date',
  'date_order',
  'insecure_link',
  'broken_link',
  'unreadable_attachment',
  'covered_text',
] as const;
export type FindingKind = (typeof FINDING_KINDS)[number];

/** Kinds that are personal data (个人信息): masked with the conventions of mask.ts. */
export const PERSONAL_DATA_KINDS: readonly FindingKind[] = PERSONAL;

export const FINDING_KIND_LABELS: Record<FindingKind, string> = {
  id_card: '身份证号码',
  mobile: '手机号码',
  landline: '固定电话',
  bank_card: '银行卡号',
  email: '电子邮箱',
  passport: '护照号码',
  address: '姓名及详细住址',
  personal_name: '姓名（紧邻证件号码或电话）',
  secrecy_mark: '密级标志',
  sensitive_word: '敏感词',
  unit_name: '单位名称',
  invalid_date: '日期不存在',
  date_order: '发布日期早于成文日期',
  insecure_link: '非 HTTPS 链接',
  broken_link: '无效链接',
  unreadable_attachment: '附件无法打开',
  covered_text: 'PDF 中被遮盖的文字',
};

export interface Finding {
  kind: FindingKind;
  /** The matched text, exactly `text.slice(start, end)` of the checked text. */
  text: string;
  /** UTF-16 offsets into the checked text (end exclusive). */
  start: number;
  end: number;
  /** What the one-click mask writes in place of `text`; equal to `text` when the kind cannot be masked. */
  masked: string;
  blocking: boolean;
  /** Chinese message for the author and reviewers. */
  message: string;
  suggestion?: string;
  /** Which attachment/sheet the text came from, e.g. "附件 名单.xlsx › 工作表 Sheet2（隐藏）". */
  source?: string;
}

export interface UnitResolution {
  known: boolean;
  /** Registered name to use instead (typo or alias). */
  suggestion?: string;
  /** 0..1, how sure the registry is of the suggestion. */
  confidence?: number;
}

export interface CheckOptions {
  /** Configurable sensitive words (敏感词), matched literally; Latin letters case-insensitively. */
  sensitiveWords?: readonly string[];
  /** Kinds that block publication; defaults to DEFAULT_BLOCKING_KINDS. */
  blockingKinds?: readonly FindingKind[];
  /** Registry look-up, injected by the caller (the unit registry lives in `org`). */
  resolveUnit?: (name: string) => UnitResolution;
  /** Report unit-like names the registry does not know and has no suggestion for (noisy; off by default). */
  reportUnknownUnits?: boolean;
  /** Suggestions below this confidence are not shown. Default 0.5. */
  minUnitConfidence?: number;
  /** 成文日期 and 发布日期, 'YYYY-MM-DD'. When absent they are read from "成文日期：…"/"发布日期：…" in the text. */
  writtenDate?: string;
  publishedDate?: string;
  /** URLs the caller found unreachable (link probing is I/O and happens outside domain/). */
  brokenLinks?: readonly string[];
  /** Source label copied onto every finding. */
  source?: string;
}

/**
 * Default blocking kinds. Issue 5: personal data and secrecy marks block; unit names, links and dates warn.
 * Legal grounds: state secrets may not be disclosed (条例 Art. 14, REGULATIONS.md §2.3 row r3_1), leaking one is a
 * website veto (§5 "安全、泄密事故"); personal data are third-party rights (Art. 15, §2.3 row r3_4).
 * Choices beyond the issue text [I], all settings through `blockingKinds`:
 * - landline and email warn: an office's phone and e-mail must be published (条例 Art. 12 指南 and Art. 20(二),
 *   REGULATIONS.md §1.1), so blocking every landline would stop ordinary notices; a reviewer decides.
 * - sensitive words block: the unit configured them precisely to stop publication.
 * - an unreadable attachment blocks: nothing inside it could be checked.
 */
export const DEFAULT_BLOCKING_KINDS: readonly FindingKind[] = [
  'id_card',
  'mobile',
  'bank_card',
  'passport',
  'address',
  'secrecy_mark',
  'sensitive_word',
  'unreadable_attachment',
  'covered_text',
];

/**
 * Kinds that block whatever the settings say and that no reviewer may override: text under a redaction box is
 * still in the file (anyone can copy or search it), so publishing it is a leak, never a judgement call.
 */
export const ALWAYS_BLOCKING_KINDS: readonly FindingKind[] = ['covered_text'];
