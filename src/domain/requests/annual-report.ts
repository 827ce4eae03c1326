// The national annual report (政府信息公开工作年度报告) in the format of 国办公开办函〔2021〕30号.
// Pure domain code: no I/O, no clock. See REGULATIONS.md §2 (format), §1.3 (Art. 49 deadlines), §9.4 (AR-1..AR-9).
import { codesOf } from '../codes';

// ---------------------------------------------------------------------------------------------------------------
// Sections (§2.1)
// ---------------------------------------------------------------------------------------------------------------

import {
  APPLICANT_KIND_LABELS,
  APPLICANT_KINDS,
  type ApplicantKind,
  OUTCOME_CODES,
  OUTCOME_LABELS,
  type OutcomeCode,
} from './outcomes';
/** The six fixed titles, in order (§2.1). Export always uses these. */
export const SECTION_TITLES = {
  overview: '一、总体情况',
  proactive: '二、主动公开政府信息情况',
  applications: '三、收到和处理政府信息公开申请情况',
  remedies: '四、政府信息公开行政复议、行政诉讼情况',
  problems: '五、存在的主要问题及改进情况',
  other: '六、其他需要报告的事项',
};
export type SectionKey = keyof typeof SECTION_TITLES;
export const SECTION_KEYS = codesOf(SECTION_TITLES);

/** Titles accepted on import besides the official one (AR-8; one Hangzhou-style report uses it, §2.1). */
export const SECTION_TITLE_ALIASES: Partial<Record<SectionKey, readonly string[]>> = {
  problems: ['五、存在问题及改进情况'],
};

/** Only sections 二, 三 and 四 carry tables (AR-1). */
export const SECTIONS_WITH_TABLE: readonly SectionKey[] = ['proactive', 'applications', 'remedies'];

// ---------------------------------------------------------------------------------------------------------------
// Table 二: 主动公开政府信息情况 (§2.2)
// ---------------------------------------------------------------------------------------------------------------

export interface IssuedCounts {
  issued: number; // 本年制发件数
  abolished: number; // 本年废止件数
  in_force: number; // 现行有效件数
}

export interface Table2 {
  art20_1: { regulations: IssuedCounts; normative_docs: IssuedCounts };
  art20_5: { licensing: { decisions: number } };
  art20_6: { penalty: { decisions: number }; compulsion: { decisions: number } };
  /** 万元; the only cell where decimals are allowed (AR-6). */
  art20_8: { fees: { amount_wan_yuan: number } };
}

export const TABLE2_LABELS = {
  blocks: {
    art20_1: '第二十条第（一）项',
    art20_5: '第二十条第（五）项',
    art20_6: '第二十条第（六）项',
    art20_8: '第二十条第（八）项',
  },
  content: '信息内容',
  issued: '本年制发件数',
  abolished: '本年废止件数',
  in_force: '现行有效件数',
  decisions: '本年处理决定数量',
  amount_wan_yuan: '本年收费金额（单位：万元）',
  rows: {
    regulations: '规章',
    normative_docs: '行政规范性文件',
    licensing: '行政许可',
    penalty: '行政处罚',
    compulsion: '行政强制',
    fees: '行政事业性收费',
  },
} as const;

// ---------------------------------------------------------------------------------------------------------------
// Table 三: 收到和处理政府信息公开申请情况 (§2.3)
// ---------------------------------------------------------------------------------------------------------------

// The 21 outcome codes and their row labels live in outcomes.ts (one dictionary for cases and the report).
export { OUTCOME_CODES, OUTCOME_LABELS, type OutcomeCode };

/** Group label cells; （三）–（六） span their sub-rows, （一）（二） are rows of their own. */
export const OUTCOME_GROUP_LABELS = {
  r1: '（一）予以公开',
  r2: '（二）部分公开（区分处理的，只计这一情形，不计其他情形）',
  r3: '（三）不予公开',
  r4: '（四）无法提供',
  r5: '（五）不予处理',
  r6: '（六）其他处理',
};
export type OutcomeGroup = keyof typeof OUTCOME_GROUP_LABELS;
export const OUTCOME_GROUPS = codesOf(OUTCOME_GROUP_LABELS);

export function outcomeGroup(code: OutcomeCode): OutcomeGroup {
  return code.slice(0, 2) as OutcomeGroup;
}

/** Label that names the cell unambiguously in messages, e.g. "（三）不予公开-1.属于国家秘密". */
export function outcomeFullLabel(code: OutcomeCode): string {
  const group = outcomeGroup(code);
  if (group === 'r1' || group === 'r2') return OUTCOME_LABELS[code];
  return `${OUTCOME_GROUP_LABELS[group]}-${OUTCOME_LABELS[code]}`;
}

export const TABLE3_ROW_LABELS = {
  new: '一、本年新收政府信息公开申请数量',
  carried_in: '二、上年结转政府信息公开申请数量',
  ...OUTCOME_LABELS,
  r7: '（七）总计',
  carried_out: '四、结转下年度继续办理',
};
export type Table3RowKey = keyof typeof TABLE3_ROW_LABELS;
export const TABLE3_ROWS = codesOf(TABLE3_ROW_LABELS);

export const TABLE3_RESULTS_LABEL = '三、本年度办理结果';
export const TABLE3_NOTE = '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）';

// The six applicant columns and their labels live in outcomes.ts (one list for cases and the report).
export { APPLICANT_KINDS, type ApplicantKind };
/** The official table has no 法人小计 column (§2.3, correction 5). */
export const TABLE3_COLUMN_LABELS = {
  ...APPLICANT_KIND_LABELS,
  total: '总计',
};
export type Table3ColumnKey = keyof typeof TABLE3_COLUMN_LABELS;
export const TABLE3_COLUMNS = codesOf(TABLE3_COLUMN_LABELS);
export const TABLE3_HEADER_LABELS = {
  applicants: '申请人情况',
  organisations: '法人或其他组织',
} as const;

export type Table3Row = Record<Table3ColumnKey, number>;
export type Table3 = Record<Table3RowKey, Table3Row>;

// ---------------------------------------------------------------------------------------------------------------
// Table 四: 行政复议、行政诉讼 (§2.5)
// ---------------------------------------------------------------------------------------------------------------

export const TABLE4_GROUPS = [
  'reconsideration',
  'litigation_direct',
  'litigation_after_reconsideration',
] as const;
export type Table4Group = (typeof TABLE4_GROUPS)[number];
/** Labels of the result codes as recorded in case files (维持/纠正/其他/尚未审结). */
export const REMEDY_RESULT_LABELS = {
  upheld: '维持',
  corrected: '纠正',
  other: '其他',
  pending: '尚未审结',
} as const;
export type RemedyResult = keyof typeof REMEDY_RESULT_LABELS;
export const REMEDY_RESULTS = codesOf(REMEDY_RESULT_LABELS);
export type Table4Cell = RemedyResult | 'total';
export const TABLE4_CELLS: readonly Table4Cell[] = [...REMEDY_RESULTS, 'total'];
export type Table4 = Record<Table4Group, Record<Table4Cell, number>>;

export const TABLE4_LABELS = {
  reconsideration: '行政复议',
  litigation: '行政诉讼',
  groups: {
    reconsideration: '行政复议',
    litigation_direct: '未经复议直接起诉',
    litigation_after_reconsideration: '复议后起诉',
  } satisfies Record<Table4Group, string>,
  cells: {
    upheld: '结果维持',
    corrected: '结果纠正',
    other: '其他结果',
    pending: '尚未审结',
    total: '总计',
  } satisfies Record<Table4Cell, string>,
} as const;

// ---------------------------------------------------------------------------------------------------------------
// The report
// ---------------------------------------------------------------------------------------------------------------

export interface AnnualReport {
  year: number;
  /** Reporting body, e.g. "某某区人民政府办公室". */
  unit?: string;
  /** Narrative sections 一, 五, 六; paragraphs separated by "\n". */
  overview: string;
  problems: string;
  otherMatters: string;
  table2: Table2;
  table3: Table3;
  table4: Table4;
}

// ---------------------------------------------------------------------------------------------------------------
// Prefill: table 三 from applications (AR-9)
// ---------------------------------------------------------------------------------------------------------------

export interface ApplicationForReport {
  /** Art. 31 receipt date, 'YYYY-MM-DD'. */
  receivedOn: string;
  applicantKind: ApplicantKind;
  /** Date the case was closed; null while open. */
  closedOn: string | null;
  /** Exactly one outcome code for every closed application (APP-15). */
  outcome: OutcomeCode | null;
}

export function emptyTable3(): Table3 {
  const table = {} as Table3;
  for (const row of TABLE3_ROWS) {
    const cells = {} as Table3Row;
    for (const col of TABLE3_COLUMNS) cells[col] = 0;
    table[row] = cells;
  }
  return table;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Builds table 三 for `year` (AR-9). ISO dates compare correctly as strings, so no Date object is needed.
 * - 一 new: received in the year;
 * - 二 carried_in: received before 1 Jan and still open on 1 Jan (not closed before it);
 * - outcome rows: closed in the year, counted under their outcome code;
 * - 四 carried_out: received by 31 Dec and still open on 31 Dec (a case closed on 31 Dec is not carried over).
 * The 总计 column and （七）总计 row are sums, so the per-column identity 一+二 = （七）+四 holds by construction.
 * Throws on a case that is closed without an outcome or closed before it was received: such data would silently
 * break the identity, and APP-15 requires exactly one outcome per closed case.
 */
export function computeTable3(cases: readonly ApplicationForReport[], year: number): Table3 {
  const first = `${year}-01-01`;
  const last = `${year}-12-31`;
  const table = emptyTable3();
  cases.forEach((c, i) => {
    if (!ISO_DATE.test(c.receivedOn) || (c.closedOn !== null && !ISO_DATE.test(c.closedOn))) {
      throw new RangeError(`第${i + 1}件申请：日期格式应为 YYYY-MM-DD`);
    }
    if (c.receivedOn > last) return;
    if (c.closedOn !== null && c.closedOn < c.receivedOn) {
      throw new RangeError(`第${i + 1}件申请：办结日期 ${c.closedOn} 早于收到日期 ${c.receivedOn}`);
    }
    if (c.closedOn !== null && c.closedOn < first) return; // closed in an earlier year
    const col = c.applicantKind;
    if (c.receivedOn >= first) table.new[col] += 1;
    else table.carried_in[col] += 1;
    if (c.closedOn !== null && c.closedOn <= last) {
      if (c.outcome === null) {
        throw new RangeError(`第${i + 1}件申请：已办结（${c.closedOn}）但没有办理结果代码`);
      }
      table[c.outcome][col] += 1;
    } else {
      table.carried_out[col] += 1;
    }
  });
  for (const code of OUTCOME_CODES) {
    for (const col of APPLICANT_KINDS) table.r7[col] += table[code][col];
  }
  for (const row of TABLE3_ROWS) {
    table[row].total = APPLICANT_KINDS.reduce((sum, col) => sum + table[row][col], 0);
  }
  return table;
}

// ---------------------------------------------------------------------------------------------------------------
// Prefill: table 四 from reconsideration / litigation records
// ---------------------------------------------------------------------------------------------------------------

export type RemedyRecord =
  | { kind: 'reconsideration'; result: RemedyResult }
  | { kind: 'litigation'; afterReconsideration: boolean; result: RemedyResult };

export function emptyTable4(): Table4 {
  const table = {} as Table4;
  for (const g of TABLE4_GROUPS) table[g] = { upheld: 0, corrected: 0, other: 0, pending: 0, total: 0 };
  return table;
}

/** Counts the records of the report year (the caller selects them) into the 15 cells of table 四. */
export function computeTable4(records: readonly RemedyRecord[]): Table4 {
  const table = emptyTable4();
  for (const r of records) {
    const group: Table4Group =
      r.kind === 'reconsideration'
        ? 'reconsideration'
        : r.afterReconsideration
          ? 'litigation_after_reconsideration'
          : 'litigation_direct';
    table[group][r.result] += 1;
    table[group].total += 1;
  }
  return table;
}

// ---------------------------------------------------------------------------------------------------------------
// Publication deadline (Art. 49, AR-7)
// ---------------------------------------------------------------------------------------------------------------

export type ReportBodyType = 'department' | 'government' | 'township';

function isoToUtcDay(iso: string): number {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return Date.UTC(y, m - 1, d) / 86_400_000;
}
function utcDayToIso(day: number): string {
  return new Date(day * 86_400_000).toISOString().slice(0, 10);
}
/** Default working-day test when no holiday calendar is given: Monday–Friday. */
export function isWeekday(iso: string): boolean {
  const dow = new Date(isoToUtcDay(iso) * 86_400_000).getUTCDay();
  return dow !== 0 && dow !== 6;
}

/**
 * Art. 49 (§1.3): 县级以上政府部门 publish by 1月31日; the government's own report (by its 主管部门) by 3月31日.
 * The 条例 sets no date for 乡镇/街道: `townshipDefault` ('MM-DD') is a setting, default '01-31' [I] (provinces
 * vary, often 1月底 or 2月20日). The due date is a calendar date and does not move for weekends [I]; `warnFrom`
 * is the last working day on or before it, the day by which the system must be warning (2026-01-31 is a
 * Saturday → 2026-01-30). Pass `isWorkingDay` from the holiday calendar; the fallback knows only weekends.
 */
export function publicationDeadline(
  bodyType: ReportBodyType,
  reportYear: number,
  townshipDefault = '01-31',
  isWorkingDay: (iso: string) => boolean = isWeekday,
): { due: string; warnFrom: string } {
  if (!validMonthDay(townshipDefault)) throw new RangeError('townshipDefault 应为 MM-DD');
  const monthDay =
    bodyType === 'department' ? '01-31' : bodyType === 'government' ? '03-31' : townshipDefault;
  const due = `${reportYear + 1}-${monthDay}`;
  let day = isoToUtcDay(due);
  // A bounded walk: even the Spring Festival break is shorter than 15 days.
  for (let i = 0; i < 15 && !isWorkingDay(utcDayToIso(day)); i++) day -= 1;
  return { due, warnFrom: utcDayToIso(day) };
}

// ---------------------------------------------------------------------------------------------------------------
// Report settings: whose cases the 区人民政府's tables count, the 镇街 deadline
// ---------------------------------------------------------------------------------------------------------------

/**
 * Whose figures the 区人民政府's report counts: `own` — the government's own cases and documents (tables 三/四 as
 * table 二, each department and 镇街 reporting its own); `district` — the whole district (every unit's cases and
 * normative documents), the variant some districts publish.
 */
export const GOVERNMENT_SCOPES = ['own', 'district'] as const;
export type GovernmentScope = (typeof GOVERNMENT_SCOPES)[number];

export interface ReportSettings {
  governmentScope: GovernmentScope;
  /** 'MM-DD': the 镇街 report's deadline in the following year (the 条例 sets none, a setting [I]). */
  townshipDeadline: string;
}

export const DEFAULT_REPORT_SETTINGS: ReportSettings = { governmentScope: 'own', townshipDeadline: '01-31' };

/** Which cases and documents a report counts: the unit alone or the unit with every unit under it. */
export type FigureScope = 'unit' | 'tree';

/**
 * A department or 镇街 counts its own cases with those of its sub-units (下属单位); the government counts its own
 * (consistent with table 二) unless the setting asks for the whole district.
 */
export function figureScope(body: ReportBodyType, governmentScope: GovernmentScope): FigureScope {
  return body === 'government' && governmentScope === 'own' ? 'unit' : 'tree';
}

/** Whether 'MM-DD' is a day every year has (02-29 is refused: the deadline must exist every year). */
export function validMonthDay(md: string): boolean {
  const m = /^(\d{2})-(\d{2})$/.exec(md);
  if (!m) return false;
  const month = Number(m[1]);
  const day = Number(m[2]);
  const days = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
  return days !== undefined && day >= 1 && day <= days;
}
