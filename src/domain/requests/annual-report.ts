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
export const REMEDY_RESULTS = ['upheld', 'corrected', 'other', 'pending'] as const;
export type RemedyResult = (typeof REMEDY_RESULTS)[number];
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

/** Labels of the result codes as recorded in case files (维持/纠正/其他/尚未审结). */
export const REMEDY_RESULT_LABELS: Record<RemedyResult, string> = {
  upheld: '维持',
  corrected: '纠正',
  other: '其他',
  pending: '尚未审结',
};

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
// Validation (§2.4, AR-3..AR-6, §2.2 plausibility)
// ---------------------------------------------------------------------------------------------------------------

export type IssueSeverity = 'error' | 'warning';
export type IssueRule =
  | 'column_balance' // 一 + 二 = （七） + 四, per column (printed in the table)
  | 'applicant_sum' // 总计 = sum of the six applicant columns, per row
  | 'result_sum' // （七） = sum of the 21 sub-rows, per column
  | 'table4_total' // 总计 = 维持 + 纠正 + 其他 + 尚未审结
  | 'not_integer'
  | 'negative'
  | 'in_force_plausibility' // §2.2 [I]
  | 'carry_over' // §2.4 [I]
  | 'empty_section';

export interface ValidationIssue {
  severity: IssueSeverity;
  rule: IssueRule;
  /** Cell path, e.g. "table3.r7.total", "table2.art20_1.regulations.in_force", "section.problems". */
  cell?: string;
  message: string;
}

/**
 * Severity settings. Rules that REGULATIONS tags [I] are settings with the listed defaults:
 * the applicant-sum, result-sum, table-四 total and integer rules are [I] but AR-4..AR-6 make them errors by
 * default; the plausibility check (§2.2) and the carry-over check (§2.4) are [I] and may only warn.
 */
export interface ValidationSettings {
  applicantSum: IssueSeverity | 'off';
  resultSum: IssueSeverity | 'off';
  table4Total: IssueSeverity | 'off';
  inForcePlausibility: 'warning' | 'off';
  carryOver: 'warning' | 'off';
}

export const DEFAULT_VALIDATION_SETTINGS: ValidationSettings = {
  applicantSum: 'error',
  resultSum: 'error',
  table4Total: 'error',
  inForcePlausibility: 'warning',
  carryOver: 'warning',
};

/** Previous year's figures, for the two cross-year warnings. */
export interface PreviousYearFigures {
  table2?: Table2;
  table3?: Table3;
}

/** A getter so that the same checks run on a complete table and on a partly parsed published report. */
export type Table3Getter = (row: string, col: Table3ColumnKey) => number | undefined;

export interface Table3CheckOptions {
  /** Sub-rows that add up to （七）. The 2019 trial format has one row r6 instead of r6_1..r6_3. */
  resultRows?: readonly string[];
  rowLabel?: (row: string) => string;
  settings?: ValidationSettings;
}

const T3 = '第三部分表格';
const T4 = '第四部分表格';

function sumDefined(values: readonly (number | undefined)[]): number | undefined {
  let sum = 0;
  for (const v of values) {
    if (v === undefined) return undefined;
    sum += v;
  }
  return sum;
}

function table3RowLabel(row: string): string {
  if (row === 'r6') return OUTCOME_GROUP_LABELS.r6;
  if ((OUTCOME_CODES as readonly string[]).includes(row)) return outcomeFullLabel(row as OutcomeCode);
  return TABLE3_ROW_LABELS[row as Table3RowKey] ?? row;
}

/** The identity rules of §2.4 on table 三; skips a rule whose operands are missing. */
export function checkTable3Identities(
  get: Table3Getter,
  options: Table3CheckOptions = {},
): ValidationIssue[] {
  const settings = options.settings ?? DEFAULT_VALIDATION_SETTINGS;
  const resultRows = options.resultRows ?? OUTCOME_CODES;
  const label = options.rowLabel ?? table3RowLabel;
  const issues: ValidationIssue[] = [];
  const rows = ['new', 'carried_in', ...resultRows, 'r7', 'carried_out'];

  // Per column: 一 + 二 = （七） + 四 — printed in the table itself, always an error (AR-3).
  for (const col of TABLE3_COLUMNS) {
    const left = sumDefined([get('new', col), get('carried_in', col)]);
    const right = sumDefined([get('r7', col), get('carried_out', col)]);
    if (left !== undefined && right !== undefined && left !== right) {
      issues.push({
        severity: 'error',
        rule: 'column_balance',
        cell: `table3.r7.${col}`,
        message: `${T3}「${TABLE3_COLUMN_LABELS[col]}」列：一+二=${left}，（七）总计+四=${right}，不相等`,
      });
    }
  }
  // 总计 = the six applicant columns, every row (AR-4).
  if (settings.applicantSum !== 'off') {
    for (const row of rows) {
      const sum = sumDefined(APPLICANT_KINDS.map((c) => get(row, c)));
      const total = get(row, 'total');
      if (sum !== undefined && total !== undefined && sum !== total) {
        issues.push({
          severity: settings.applicantSum,
          rule: 'applicant_sum',
          cell: `table3.${row}.total`,
          message: `${T3}「${label(row)}」行：六类申请人之和=${sum}，「总计」列=${total}，不相等`,
        });
      }
    }
  }
  // （七） = sum of the result sub-rows, every column (AR-4).
  if (settings.resultSum !== 'off') {
    for (const col of TABLE3_COLUMNS) {
      const sum = sumDefined(resultRows.map((r) => get(r, col)));
      const total = get('r7', col);
      if (sum !== undefined && total !== undefined && sum !== total) {
        issues.push({
          severity: settings.resultSum,
          rule: 'result_sum',
          cell: `table3.r7.${col}`,
          message: `${T3}「${TABLE3_COLUMN_LABELS[col]}」列：（一）至（六）各项之和=${sum}，（七）总计=${total}，不相等`,
        });
      }
    }
  }
  return issues;
}

export type Table4Getter = (group: Table4Group, cell: Table4Cell) => number | undefined;

export function checkTable4Identities(
  get: Table4Getter,
  settings: ValidationSettings = DEFAULT_VALIDATION_SETTINGS,
): ValidationIssue[] {
  if (settings.table4Total === 'off') return [];
  const issues: ValidationIssue[] = [];
  for (const g of TABLE4_GROUPS) {
    const sum = sumDefined(REMEDY_RESULTS.map((r) => get(g, r)));
    const total = get(g, 'total');
    if (sum !== undefined && total !== undefined && sum !== total) {
      issues.push({
        severity: settings.table4Total,
        rule: 'table4_total',
        cell: `table4.${g}.total`,
        message: `${T4}「${table4GroupLabel(g)}」：结果维持+结果纠正+其他结果+尚未审结=${sum}，总计=${total}，不相等`,
      });
    }
  }
  return issues;
}

export function table4GroupLabel(g: Table4Group): string {
  return g === 'reconsideration' ? TABLE4_LABELS.reconsideration : `行政诉讼-${TABLE4_LABELS.groups[g]}`;
}

function checkCount(value: number, cell: string, name: string, issues: ValidationIssue[]): void {
  if (!Number.isFinite(value) || !Number.isInteger(value)) {
    issues.push({ severity: 'error', rule: 'not_integer', cell, message: `${name}：值“${value}”不是整数` });
  } else if (value < 0) {
    issues.push({ severity: 'error', rule: 'negative', cell, message: `${name}：值${value}为负数` });
  }
}

const ISSUED_KEYS = ['issued', 'abolished', 'in_force'] as const;

function table2Cells(t: Table2): { cell: string; name: string; value: number; decimal: boolean }[] {
  const L = TABLE2_LABELS;
  const out: { cell: string; name: string; value: number; decimal: boolean }[] = [];
  for (const row of ['regulations', 'normative_docs'] as const) {
    for (const k of ISSUED_KEYS) {
      out.push({
        cell: `table2.art20_1.${row}.${k}`,
        name: `第二部分表格「${L.rows[row]}」行「${L[k]}」`,
        value: t.art20_1[row][k],
        decimal: false,
      });
    }
  }
  out.push({
    cell: 'table2.art20_5.licensing.decisions',
    name: `第二部分表格「${L.rows.licensing}」行「${L.decisions}」`,
    value: t.art20_5.licensing.decisions,
    decimal: false,
  });
  for (const row of ['penalty', 'compulsion'] as const) {
    out.push({
      cell: `table2.art20_6.${row}.decisions`,
      name: `第二部分表格「${L.rows[row]}」行「${L.decisions}」`,
      value: t.art20_6[row].decisions,
      decimal: false,
    });
  }
  out.push({
    cell: 'table2.art20_8.fees.amount_wan_yuan',
    name: `第二部分表格「${L.rows.fees}」行「${L.amount_wan_yuan}」`,
    value: t.art20_8.fees.amount_wan_yuan,
    decimal: true,
  });
  return out;
}

export function validateReport(
  report: AnnualReport,
  options: { previous?: PreviousYearFigures; settings?: Partial<ValidationSettings> } = {},
): { errors: ValidationIssue[]; warnings: ValidationIssue[]; issues: ValidationIssue[] } {
  const settings: ValidationSettings = { ...DEFAULT_VALIDATION_SETTINGS, ...options.settings };
  const issues: ValidationIssue[] = [];

  // AR-6: table 二 cells are integers ≥ 0, except 收费金额 (万元) which may be a decimal ≥ 0.
  for (const c of table2Cells(report.table2)) {
    if (c.decimal) {
      if (!Number.isFinite(c.value)) {
        issues.push({
          severity: 'error',
          rule: 'not_integer',
          cell: c.cell,
          message: `${c.name}：值“${c.value}”不是数字`,
        });
      } else if (c.value < 0) {
        issues.push({
          severity: 'error',
          rule: 'negative',
          cell: c.cell,
          message: `${c.name}：值${c.value}为负数`,
        });
      }
    } else {
      checkCount(c.value, c.cell, c.name, issues);
    }
  }
  for (const row of TABLE3_ROWS) {
    for (const col of TABLE3_COLUMNS) {
      checkCount(
        report.table3[row][col],
        `table3.${row}.${col}`,
        `${T3}「${table3RowLabel(row)}」行「${TABLE3_COLUMN_LABELS[col]}」列`,
        issues,
      );
    }
  }
  for (const g of TABLE4_GROUPS) {
    for (const c of TABLE4_CELLS) {
      checkCount(
        report.table4[g][c],
        `table4.${g}.${c}`,
        `${T4}「${table4GroupLabel(g)}」「${TABLE4_LABELS.cells[c]}」`,
        issues,
      );
    }
  }

  issues.push(...checkTable3Identities((r, c) => report.table3[r as Table3RowKey]?.[c], { settings }));
  issues.push(...checkTable4Identities((g, c) => report.table4[g][c], settings));

  // §2.2 [I]: 现行有效 ≈ last year's 现行有效 + 本年制发 − 本年废止. Never blocks.
  const prev = options.previous;
  if (settings.inForcePlausibility === 'warning' && prev?.table2) {
    for (const row of ['regulations', 'normative_docs'] as const) {
      const now = report.table2.art20_1[row];
      const expected = prev.table2.art20_1[row].in_force + now.issued - now.abolished;
      if (expected !== now.in_force) {
        issues.push({
          severity: 'warning',
          rule: 'in_force_plausibility',
          cell: `table2.art20_1.${row}.in_force`,
          message: `第二部分表格「${TABLE2_LABELS.rows[row]}」行：上年现行有效${prev.table2.art20_1[row].in_force}+本年制发${now.issued}-本年废止${now.abolished}=${expected}，本年现行有效=${now.in_force}，请核实`,
        });
      }
    }
  }
  // §2.4 [I]: this year's 二 should equal last year's 四, per column; organisational changes can break it.
  if (settings.carryOver === 'warning' && prev?.table3) {
    for (const col of TABLE3_COLUMNS) {
      const before = prev.table3.carried_out[col];
      const now = report.table3.carried_in[col];
      if (before !== now) {
        issues.push({
          severity: 'warning',
          rule: 'carry_over',
          cell: `table3.carried_in.${col}`,
          message: `${T3}「${TABLE3_COLUMN_LABELS[col]}」列：本年“二、上年结转”=${now}，上年报告“四、结转下年度继续办理”=${before}，不一致，请核实`,
        });
      }
    }
  }
  // Art. 50 / §2.1: narrative sections must not be left out ("不能遗漏").
  const narratives: [SectionKey, string][] = [
    ['overview', report.overview],
    ['problems', report.problems],
    ['other', report.otherMatters],
  ];
  for (const [key, text] of narratives) {
    if (text.trim() === '') {
      issues.push({
        severity: 'warning',
        rule: 'empty_section',
        cell: `section.${key}`,
        message: `「${SECTION_TITLES[key]}」没有内容`,
      });
    }
  }
  return {
    errors: issues.filter((i) => i.severity === 'error'),
    warnings: issues.filter((i) => i.severity === 'warning'),
    issues,
  };
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

// ---------------------------------------------------------------------------------------------------------------
// Layout for exporters (§2.2, §2.3, §2.5): rows of cells with their spans, as in the official tables
// ---------------------------------------------------------------------------------------------------------------

export interface LayoutCell {
  text: string;
  rowSpan?: number;
  colSpan?: number;
  /** Header/label cell (rendered as <th> or bold). */
  header?: boolean;
  /** Path of a numeric cell, e.g. "table3.r1.natural_person". */
  key?: string;
}
export interface LayoutTable {
  /** Number of grid columns once spans are expanded. */
  columns: number;
  rows: LayoutCell[][];
}
export interface LayoutSection {
  key: SectionKey;
  title: string;
  paragraphs: string[];
  table?: LayoutTable;
}
export interface ReportLayout {
  title: string;
  sections: LayoutSection[];
}

function num(value: number, key: string, colSpan?: number): LayoutCell {
  return colSpan ? { text: String(value), key, colSpan } : { text: String(value), key };
}
function head(text: string, rowSpan?: number, colSpan?: number): LayoutCell {
  const cell: LayoutCell = { text, header: true };
  if (rowSpan && rowSpan > 1) cell.rowSpan = rowSpan;
  if (colSpan && colSpan > 1) cell.colSpan = colSpan;
  return cell;
}

export function table2Layout(t: Table2): LayoutTable {
  const L = TABLE2_LABELS;
  const rows: LayoutCell[][] = [];
  rows.push([head(L.blocks.art20_1, 1, 4)]);
  rows.push([head(L.content), head(L.issued), head(L.abolished), head(L.in_force)]);
  for (const r of ['regulations', 'normative_docs'] as const) {
    rows.push([head(L.rows[r]), ...ISSUED_KEYS.map((k) => num(t.art20_1[r][k], `table2.art20_1.${r}.${k}`))]);
  }
  rows.push([head(L.blocks.art20_5, 1, 4)]);
  rows.push([head(L.content), head(L.decisions, 1, 3)]);
  rows.push([
    head(L.rows.licensing),
    num(t.art20_5.licensing.decisions, 'table2.art20_5.licensing.decisions', 3),
  ]);
  rows.push([head(L.blocks.art20_6, 1, 4)]);
  rows.push([head(L.content), head(L.decisions, 1, 3)]);
  for (const r of ['penalty', 'compulsion'] as const) {
    rows.push([head(L.rows[r]), num(t.art20_6[r].decisions, `table2.art20_6.${r}.decisions`, 3)]);
  }
  rows.push([head(L.blocks.art20_8, 1, 4)]);
  rows.push([head(L.content), head(L.amount_wan_yuan, 1, 3)]);
  rows.push([
    head(L.rows.fees),
    num(t.art20_8.fees.amount_wan_yuan, 'table2.art20_8.fees.amount_wan_yuan', 3),
  ]);
  return { columns: 4, rows };
}

const GROUP_SUBROWS: Record<'r3' | 'r4' | 'r5' | 'r6', readonly OutcomeCode[]> = {
  r3: ['r3_1', 'r3_2', 'r3_3', 'r3_4', 'r3_5', 'r3_6', 'r3_7', 'r3_8'],
  r4: ['r4_1', 'r4_2', 'r4_3'],
  r5: ['r5_1', 'r5_2', 'r5_3', 'r5_4', 'r5_5'],
  r6: ['r6_1', 'r6_2', 'r6_3'],
};

/** Table 三: 3 label columns + 7 numeric columns; no 小计 column, no subtotal rows (§2.3, AR-2). */
export function table3Layout(t: Table3): LayoutTable {
  const values = (row: Table3RowKey): LayoutCell[] =>
    TABLE3_COLUMNS.map((c) => num(t[row][c], `table3.${row}.${c}`));
  const rows: LayoutCell[][] = [];
  rows.push([head(TABLE3_NOTE, 3, 3), head(TABLE3_HEADER_LABELS.applicants, 1, 7)]);
  rows.push([
    head(TABLE3_COLUMN_LABELS.natural_person, 2),
    head(TABLE3_HEADER_LABELS.organisations, 1, 5),
    head(TABLE3_COLUMN_LABELS.total, 2),
  ]);
  rows.push(
    (['commercial', 'research', 'public_interest', 'legal_service', 'other'] as const).map((c) =>
      head(TABLE3_COLUMN_LABELS[c]),
    ),
  );
  rows.push([head(TABLE3_ROW_LABELS.new, 1, 3), ...values('new')]);
  rows.push([head(TABLE3_ROW_LABELS.carried_in, 1, 3), ...values('carried_in')]);
  // 三、本年度办理结果 spans r1, r2, the 19 sub-rows of （三）–（六） and （七）: 22 rows.
  rows.push([head(TABLE3_RESULTS_LABEL, 22), head(OUTCOME_LABELS.r1, 1, 2), ...values('r1')]);
  rows.push([head(OUTCOME_LABELS.r2, 1, 2), ...values('r2')]);
  for (const g of ['r3', 'r4', 'r5', 'r6'] as const) {
    GROUP_SUBROWS[g].forEach((code, i) => {
      const label = head(OUTCOME_LABELS[code]);
      rows.push(
        i === 0
          ? [head(OUTCOME_GROUP_LABELS[g], GROUP_SUBROWS[g].length), label, ...values(code)]
          : [label, ...values(code)],
      );
    });
  }
  rows.push([head(TABLE3_ROW_LABELS.r7, 1, 2), ...values('r7')]);
  rows.push([head(TABLE3_ROW_LABELS.carried_out, 1, 3), ...values('carried_out')]);
  return { columns: 10, rows };
}

export function table4Layout(t: Table4): LayoutTable {
  const C = TABLE4_LABELS.cells;
  const resultHeads = TABLE4_CELLS.map((c) => head(C[c]));
  return {
    columns: 15,
    rows: [
      [head(TABLE4_LABELS.reconsideration, 1, 5), head(TABLE4_LABELS.litigation, 1, 10)],
      [
        ...TABLE4_CELLS.map((c) => head(C[c], 2)),
        head(TABLE4_LABELS.groups.litigation_direct, 1, 5),
        head(TABLE4_LABELS.groups.litigation_after_reconsideration, 1, 5),
      ],
      [...resultHeads, ...resultHeads.map((c) => ({ ...c }))],
      TABLE4_GROUPS.flatMap((g) => TABLE4_CELLS.map((c) => num(t[g][c], `table4.${g}.${c}`))),
    ],
  };
}

function paragraphs(text: string): string[] {
  return text
    .split('\n')
    .map((p) => p.trim())
    .filter((p) => p !== '');
}

export function reportTitle(report: Pick<AnnualReport, 'year' | 'unit'>): string {
  return `${report.unit ?? ''}${report.year}年政府信息公开工作年度报告`;
}

/** The whole report as sections; tables only in 二, 三 and 四 (AR-1). */
export function reportLayout(report: AnnualReport): ReportLayout {
  return {
    title: reportTitle(report),
    sections: [
      { key: 'overview', title: SECTION_TITLES.overview, paragraphs: paragraphs(report.overview) },
      {
        key: 'proactive',
        title: SECTION_TITLES.proactive,
        paragraphs: [],
        table: table2Layout(report.table2),
      },
      {
        key: 'applications',
        title: SECTION_TITLES.applications,
        paragraphs: [],
        table: table3Layout(report.table3),
      },
      { key: 'remedies', title: SECTION_TITLES.remedies, paragraphs: [], table: table4Layout(report.table4) },
      { key: 'problems', title: SECTION_TITLES.problems, paragraphs: paragraphs(report.problems) },
      { key: 'other', title: SECTION_TITLES.other, paragraphs: paragraphs(report.otherMatters) },
    ],
  };
}

/**
 * Plain text in the flattened form used across the project (seeds/README.md): one table cell per
 * tab-indented line, a blank line between table rows; a merged cell appears once.
 */
export function renderReportText(report: AnnualReport): string {
  const layout = reportLayout(report);
  const lines: string[] = [layout.title, ''];
  for (const s of layout.sections) {
    lines.push(s.title, ...s.paragraphs);
    if (s.table) {
      lines.push('');
      for (const row of s.table.rows) lines.push(...row.map((c) => `\t${c.text}`), '');
    }
    lines.push('');
  }
  return `${lines.join('\n').trimEnd()}\n`;
}

function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** A minimal HTML body (tables with rowspan/colspan) for previews and round-trip tests; exporters may style it. */
export function renderLayoutHtml(layout: ReportLayout): string {
  const out: string[] = [`<h1>${escapeHtml(layout.title)}</h1>`];
  for (const s of layout.sections) {
    out.push(`<h2>${escapeHtml(s.title)}</h2>`);
    for (const p of s.paragraphs) out.push(`<p>${escapeHtml(p)}</p>`);
    if (s.table) {
      out.push('<table border="1">');
      for (const row of s.table.rows) {
        const cells = row.map((c) => {
          const tag = c.header ? 'th' : 'td';
          const attrs = `${c.rowSpan ? ` rowspan="${c.rowSpan}"` : ''}${c.colSpan ? ` colspan="${c.colSpan}"` : ''}`;
          return `<${tag}${attrs}>${escapeHtml(c.text)}</${tag}>`;
        });
        out.push(`<tr>${cells.join('')}</tr>`);
      }
      out.push('</table>');
    }
  }
  return out.join('\n');
}
