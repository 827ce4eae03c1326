// 行政执法公示 (REGULATIONS.md §8, 国办发〔2018〕118号 "谁执法谁公示"): enforcement decisions and their publication
// clock. 行政许可 and 行政处罚 decisions are published within 7 working days of the decision, 行政强制 and the other
// decisions within 20 [M: settings with these defaults]; a published decision that is revoked or found unlawful is
// withdrawn within 3 working days (行政处罚法 §48). Natural persons are published masked (姓名 with the surname only,
// ID numbers masked); organisations by their full name and 统一社会信用代码.
import type { WorkingDayCalendar } from '../calendar/calendar';
import { isIsoDate } from '../calendar/dates';
import { maskIdCard, maskName } from '../privacy/mask';

export const ENFORCEMENT_KINDS = ['license', 'penalty', 'coercion', 'other'] as const;
export type EnforcementKind = (typeof ENFORCEMENT_KINDS)[number];
export const ENFORCEMENT_KIND_LABELS: Record<EnforcementKind, string> = {
  license: '行政许可',
  penalty: '行政处罚',
  coercion: '行政强制',
  other: '其他行政执法',
};

export const PARTY_TYPES = ['person', 'organization'] as const;
export type PartyType = (typeof PARTY_TYPES)[number];
export const PARTY_TYPE_LABELS: Record<PartyType, string> = {
  person: '自然人',
  organization: '法人或其他组织',
};

export const ENFORCEMENT_STATUSES = ['draft', 'published', 'withdrawn'] as const;
export type EnforcementStatus = (typeof ENFORCEMENT_STATUSES)[number];

/** Working days from the decision date to its publication, per kind (settings; these are the defaults). */
export type PublicationDays = Record<EnforcementKind, number>;
export const DEFAULT_PUBLICATION_DAYS: PublicationDays = { license: 7, penalty: 7, coercion: 20, other: 20 };
/** Working days to withdraw a published decision once it is revoked (行政处罚法 §48). */
export const WITHDRAW_DAYS = 3;

export interface Due {
  date: string;
  /** The period crosses into a year without a holiday notice. */
  provisional: boolean;
}

/** The last day to publish a decision of `kind` made on `decisionDate` (the decision day itself not counted). */
export function publicationDue(
  cal: WorkingDayCalendar,
  kind: EnforcementKind,
  decisionDate: string,
  days: PublicationDays = DEFAULT_PUBLICATION_DAYS,
): Due {
  const r = cal.addWorkingDays(decisionDate, days[kind]);
  return { date: r.date, provisional: r.provisional };
}

export type PublicationState = 'pending' | 'overdue' | 'on_time' | 'late';
export const PUBLICATION_STATE_LABELS: Record<PublicationState, string> = {
  pending: '待公示',
  overdue: '逾期未公示',
  on_time: '按时公示',
  late: '逾期公示',
};

/** Where a decision stands against its due date on `today` (all dates YYYY-MM-DD, China dates). */
export function publicationState(due: string, publishedOn: string | null, today: string): PublicationState {
  if (publishedOn) return publishedOn <= due ? 'on_time' : 'late';
  return today > due ? 'overdue' : 'pending';
}

export interface PartyFields {
  partyType: PartyType;
  partyName: string;
  /** 身份证号 of a person, 统一社会信用代码 of an organisation; may be empty. */
  partyCode: string | null;
}

/** The party as the public sees it. */
export function publicParty(p: PartyFields): { name: string; code: string | null } {
  if (p.partyType === 'organization') return { name: p.partyName, code: p.partyCode || null };
  return { name: maskName(p.partyName), code: p.partyCode ? maskIdCard(p.partyCode) : null };
}

// ---------- import rows ----------

/** Column headers of the import sheet (the export writes the same). */
export const ENFORCEMENT_HEADERS = {
  required: ['执法类别', '决定文书号', '当事人', '决定日期', '执法结论'],
  optional: ['当事人类型', '证件号码', '执法依据', '执法机关', '公示日期'],
} as const;

const KIND_BY_LABEL = new Map<string, EnforcementKind>([
  ...Object.entries(ENFORCEMENT_KIND_LABELS).map(([k, v]) => [v, k as EnforcementKind] as const),
  ['许可', 'license'],
  ['处罚', 'penalty'],
  ['强制', 'coercion'],
  ['行政检查', 'other'],
  ['其他', 'other'],
]);
const PARTY_BY_LABEL = new Map<string, PartyType>([
  ['自然人', 'person'],
  ['个人', 'person'],
  ['法人或其他组织', 'organization'],
  ['法人', 'organization'],
  ['其他组织', 'organization'],
  ['单位', 'organization'],
  ['个体工商户', 'organization'],
]);

/** 2026-03-02, 2026/3/2, 2026.3.2, 2026年3月2日 → 2026-03-02; anything else null. */
export function readDate(s: string): string | null {
  const m = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/.exec(s.trim());
  if (!m) return null;
  const d = `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`;
  return isIsoDate(d) ? d : null;
}

/** An 18-character 统一社会信用代码 (no check-digit test: old registrations carry other codes) or ID number. */
const looksLikeOrgCode = (s: string) => /^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/.test(s);

export interface EnforcementInput extends PartyFields {
  kind: EnforcementKind;
  docNumber: string;
  decisionDate: string;
  conclusion: string;
  basis: string | null;
  /** The enforcing unit as written in the sheet (resolved by the caller); null = the importer's unit. */
  unitName: string | null;
  publishedOn: string | null;
}

/** One sheet row → a decision, or the Chinese reasons it cannot be one. */
export function readEnforcementRow(
  v: Readonly<Record<string, string | undefined>>,
): { ok: true; value: EnforcementInput } | { ok: false; errors: string[] } {
  const errors: string[] = [];
  const text = (k: string) => (v[k] ?? '').trim();
  const kind = KIND_BY_LABEL.get(text('执法类别'));
  if (!kind)
    errors.push(
      text('执法类别')
        ? `执法类别「${text('执法类别')}」无效，应为：${Object.values(ENFORCEMENT_KIND_LABELS).join('、')}`
        : '执法类别为空',
    );
  if (!text('决定文书号')) errors.push('决定文书号为空');
  if (!text('当事人')) errors.push('当事人为空');
  if (!text('执法结论')) errors.push('执法结论为空');
  const decisionDate = readDate(text('决定日期'));
  if (!text('决定日期')) errors.push('决定日期为空');
  else if (!decisionDate) errors.push(`决定日期「${text('决定日期')}」不是有效日期（如 2026-03-02）`);
  const publishedOn = text('公示日期') ? readDate(text('公示日期')) : null;
  if (text('公示日期') && !publishedOn) errors.push(`公示日期「${text('公示日期')}」不是有效日期`);
  if (publishedOn && decisionDate && publishedOn < decisionDate) errors.push('公示日期早于决定日期');
  const code = text('证件号码').toUpperCase() || null;
  let partyType = PARTY_BY_LABEL.get(text('当事人类型'));
  if (text('当事人类型') && !partyType)
    errors.push(`当事人类型「${text('当事人类型')}」无效，应为：自然人、法人或其他组织`);
  // Without a type: a 统一社会信用代码 or a name ending like an organisation's says organisation.
  partyType ??=
    (code && looksLikeOrgCode(code)) ||
    /(公司|厂|店|部|中心|合作社|医院|学校|协会|委员会|局|所|馆)$/.test(text('当事人'))
      ? 'organization'
      : 'person';
  if (errors.length || !kind || !decisionDate) return { ok: false, errors };
  return {
    ok: true,
    value: {
      kind,
      docNumber: text('决定文书号'),
      partyType,
      partyName: text('当事人'),
      partyCode: code,
      decisionDate,
      conclusion: text('执法结论'),
      basis: text('执法依据') || null,
      unitName: text('执法机关') || null,
      publishedOn,
    },
  };
}
