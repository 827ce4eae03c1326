// ---------------------------------------------------------------------------------------------------------------
// Sections (§2.1)
// ---------------------------------------------------------------------------------------------------------------

import {
  type AnnualReport,
  OUTCOME_GROUP_LABELS,
  outcomeFullLabel,
  REMEDY_RESULTS,
  SECTION_TITLES,
  type SectionKey,
  TABLE2_LABELS,
  TABLE3_COLUMN_LABELS,
  TABLE3_COLUMNS,
  TABLE3_ROW_LABELS,
  TABLE3_ROWS,
  TABLE4_CELLS,
  TABLE4_GROUPS,
  TABLE4_LABELS,
  type Table2,
  type Table3,
  type Table3ColumnKey,
  type Table3RowKey,
  type Table4Cell,
  type Table4Group,
} from './annual-report';
import { APPLICANT_KINDS, OUTCOME_CODES, type OutcomeCode } from './outcomes';

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

/** One identity of a table, `left` = `right`: an issue when both sides are known and differ. */
function checkIdentity(
  issues: ValidationIssue[],
  left: number | undefined,
  right: number | undefined,
  issue: Omit<ValidationIssue, 'message'> & { message: (left: number, right: number) => string },
): void {
  if (left !== undefined && right !== undefined && left !== right) {
    issues.push({ ...issue, message: issue.message(left, right) });
  }
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
    checkIdentity(issues, left, right, {
      severity: 'error',
      rule: 'column_balance',
      cell: `table3.r7.${col}`,
      message: (l, r) => `${T3}「${TABLE3_COLUMN_LABELS[col]}」列：一+二=${l}，（七）总计+四=${r}，不相等`,
    });
  }
  // 总计 = the six applicant columns, every row (AR-4).
  if (settings.applicantSum !== 'off') {
    for (const row of rows) {
      const sum = sumDefined(APPLICANT_KINDS.map((c) => get(row, c)));
      checkIdentity(issues, sum, get(row, 'total'), {
        severity: settings.applicantSum,
        rule: 'applicant_sum',
        cell: `table3.${row}.total`,
        message: (s, t) => `${T3}「${label(row)}」行：六类申请人之和=${s}，「总计」列=${t}，不相等`,
      });
    }
  }
  // （七） = sum of the result sub-rows, every column (AR-4).
  if (settings.resultSum !== 'off') {
    for (const col of TABLE3_COLUMNS) {
      const sum = sumDefined(resultRows.map((r) => get(r, col)));
      checkIdentity(issues, sum, get('r7', col), {
        severity: settings.resultSum,
        rule: 'result_sum',
        cell: `table3.r7.${col}`,
        message: (s, t) =>
          `${T3}「${TABLE3_COLUMN_LABELS[col]}」列：（一）至（六）各项之和=${s}，（七）总计=${t}，不相等`,
      });
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
    checkIdentity(issues, sum, get(g, 'total'), {
      severity: settings.table4Total,
      rule: 'table4_total',
      cell: `table4.${g}.total`,
      message: (s, t) =>
        `${T4}「${table4GroupLabel(g)}」：结果维持+结果纠正+其他结果+尚未审结=${s}，总计=${t}，不相等`,
    });
  }
  return issues;
}

export function table4GroupLabel(g: Table4Group): string {
  return g === 'reconsideration' ? TABLE4_LABELS.reconsideration : `行政诉讼-${TABLE4_LABELS.groups[g]}`;
}

/** A count is an integer ≥ 0; a `decimal` one (收费金额, 万元) any number ≥ 0. */
function checkCount(
  value: number,
  cell: string,
  name: string,
  issues: ValidationIssue[],
  decimal = false,
): void {
  if (!Number.isFinite(value) || (!decimal && !Number.isInteger(value))) {
    const what = decimal ? '数字' : '整数';
    issues.push({
      severity: 'error',
      rule: 'not_integer',
      cell,
      message: `${name}：值“${value}”不是${what}`,
    });
  } else if (value < 0) {
    issues.push({ severity: 'error', rule: 'negative', cell, message: `${name}：值${value}为负数` });
  }
}

export const ISSUED_KEYS = ['issued', 'abolished', 'in_force'] as const;

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
  for (const c of table2Cells(report.table2)) checkCount(c.value, c.cell, c.name, issues, c.decimal);
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
      const last = prev.table2.art20_1[row].in_force;
      const expected = last + now.issued - now.abolished;
      checkIdentity(issues, expected, now.in_force, {
        severity: 'warning',
        rule: 'in_force_plausibility',
        cell: `table2.art20_1.${row}.in_force`,
        message: () =>
          `第二部分表格「${TABLE2_LABELS.rows[row]}」行：上年现行有效${last}+本年制发${now.issued}-本年废止${now.abolished}=${expected}，本年现行有效=${now.in_force}，请核实`,
      });
    }
  }
  // §2.4 [I]: this year's 二 should equal last year's 四, per column; organisational changes can break it.
  if (settings.carryOver === 'warning' && prev?.table3) {
    for (const col of TABLE3_COLUMNS) {
      const before = prev.table3.carried_out[col];
      const now = report.table3.carried_in[col];
      checkIdentity(issues, now, before, {
        severity: 'warning',
        rule: 'carry_over',
        cell: `table3.carried_in.${col}`,
        message: () =>
          `${T3}「${TABLE3_COLUMN_LABELS[col]}」列：本年“二、上年结转”=${now}，上年报告“四、结转下年度继续办理”=${before}，不一致，请核实`,
      });
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
