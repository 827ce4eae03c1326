// The annual report's tables 二, 三 and 四 as the check reads them: row labels and the cell counts (REGULATIONS.md §2).
import {
  OUTCOME_CODES,
  OUTCOME_GROUP_LABELS,
  type OutcomeCode,
  type OutcomeGroup,
  outcomeFullLabel,
  TABLE2_LABELS,
  TABLE3_ROW_LABELS,
  TABLE4_CELLS,
  TABLE4_GROUPS,
  TABLE4_LABELS,
  type Table4Cell,
  type Table4Group,
} from './annual-report';
import { checkTable4Identities, table4GroupLabel } from './annual-report-check';
import {
  type CheckFinding,
  normalizeLabel,
  parseCellNumber,
  SEP,
  splitPrefix,
  type Tok,
  type Token,
} from './report-text';

// ---------------------------------------------------------------------------------------------------------------
// Table 三 labels
// ---------------------------------------------------------------------------------------------------------------

/** A phrase that identifies each sub-row in any of the common spellings. */
export const SUBROW_PHRASES: [OutcomeCode, string][] = [
  ['r3_1', '国家秘密'],
  ['r3_2', '其他法律行政法规禁止公开'],
  ['r3_3', '三安全一稳定'],
  ['r3_4', '第三方合法权益'],
  ['r3_5', '三类内部事务信息'],
  ['r3_6', '四类过程性信息'],
  ['r3_7', '行政执法案卷'],
  ['r3_8', '行政查询事项'],
  ['r4_1', '本机关不掌握'],
  ['r4_2', '没有现成信息'],
  ['r4_3', '补正后申请内容仍不明确'],
  ['r5_1', '信访举报投诉'],
  ['r5_2', '重复申请'],
  ['r5_3', '公开出版物'],
  ['r5_4', '大量反复申请'],
  ['r5_5', '确认或重新出具'],
  ['r6_1', '逾期不补正'],
  ['r6_2', '缴纳费用'],
];

type T3Label =
  | { kind: 'row'; key: string }
  | { kind: 'group'; group: 'r3' | 'r4' | 'r5' | 'r6' }
  | { kind: 'results' };

export function classifyTable3(norm: string, group: OutcomeGroup | null): T3Label | null {
  const { prefix, body } = splitPrefix(norm);
  if (body.startsWith('本年新收')) return { kind: 'row', key: 'new' };
  if (body.startsWith('上年结转')) return { kind: 'row', key: 'carried_in' };
  if (body.startsWith('本年度办理结果') || body === '办理结果') return { kind: 'results' };
  if (body.startsWith('结转下年度')) return { kind: 'row', key: 'carried_out' };
  if ((body === '总计' || body === '合计') && prefix === '七') return { kind: 'row', key: 'r7' };
  if (body === '予以公开') return { kind: 'row', key: 'r1' };
  if (body.startsWith('部分公开')) return { kind: 'row', key: 'r2' };
  if (body === '不予公开') return { kind: 'group', group: 'r3' };
  if (body === '无法提供') return { kind: 'group', group: 'r4' };
  if (body === '不予处理') return { kind: 'group', group: 'r5' };
  if (body === '其他处理') return { kind: 'group', group: 'r6' };
  for (const [code, phrase] of SUBROW_PHRASES) if (body.includes(phrase)) return { kind: 'row', key: code };
  // "3.其他" is a sub-row only inside （六）; a bare "其他" is the column header.
  if (body === '其他' && prefix !== '' && group === 'r6') return { kind: 'row', key: 'r6_3' };
  return null;
}

export function table3Label(row: string): string {
  if (row === 'r6') return OUTCOME_GROUP_LABELS.r6;
  if ((OUTCOME_CODES as readonly string[]).includes(row)) return outcomeFullLabel(row as OutcomeCode);
  return TABLE3_ROW_LABELS[row as keyof typeof TABLE3_ROW_LABELS] ?? row;
}

interface ParsedRow {
  cells: Token[];
}

/** Reads label-led rows: after a label, up to `max` cells until the next label or the end of the row. */
export function readRows(
  toks: readonly Tok[],
  classify: (norm: string, state: { group: OutcomeGroup | null }) => string | null,
  max: (key: string) => number,
  state: { group: OutcomeGroup | null },
): Map<string, ParsedRow> {
  const rows = new Map<string, ParsedRow>();
  let current: { key: string; row: ParsedRow } | null = null;
  for (const t of toks) {
    if (t === SEP) {
      current = null;
      continue;
    }
    const key = t.norm === '' ? null : classify(t.norm, state);
    if (key !== null) {
      current = null;
      if (key !== '' && !rows.has(key)) {
        current = { key, row: { cells: [] } };
        rows.set(key, current.row);
      }
      continue;
    }
    if (current && current.row.cells.length < max(current.key)) current.row.cells.push(t);
  }
  return rows;
}

export function readCount(
  raw: string,
  cell: string,
  name: string,
  findings: CheckFinding[],
  decimal = false,
): number | undefined {
  const v = parseCellNumber(raw);
  if (!v.ok) {
    findings.push({
      kind: 'not_integer',
      cell,
      message: `${name}：值“${raw}”不是${decimal ? '数字' : '非负整数'}`,
    });
    return undefined;
  }
  if (!decimal && !Number.isInteger(v.value)) {
    findings.push({ kind: 'not_integer', cell, message: `${name}：值“${raw}”不是整数` });
    return undefined;
  }
  if (v.value < 0) {
    findings.push({ kind: 'negative', cell, message: `${name}：值${v.value}为负数` });
    return undefined;
  }
  return v.value;
}

type T2Row = keyof typeof TABLE2_LABELS.rows;
export const T2_ROWS: {
  key: T2Row;
  labels: string[];
  cells: { path: string; name: string }[];
  decimal: boolean;
}[] = [
  {
    key: 'regulations',
    labels: ['规章'],
    cells: (['issued', 'abolished', 'in_force'] as const).map((k) => ({
      path: `table2.art20_1.regulations.${k}`,
      name: TABLE2_LABELS[k],
    })),
    decimal: false,
  },
  {
    key: 'normative_docs',
    labels: ['行政规范性文件', '规范性文件'],
    cells: (['issued', 'abolished', 'in_force'] as const).map((k) => ({
      path: `table2.art20_1.normative_docs.${k}`,
      name: TABLE2_LABELS[k],
    })),
    decimal: false,
  },
  ...(['licensing', 'penalty', 'compulsion'] as const).map((key) => ({
    key,
    labels: [TABLE2_LABELS.rows[key]],
    cells: [
      {
        path: `table2.${key === 'licensing' ? 'art20_5' : 'art20_6'}.${key}.decisions`,
        name: TABLE2_LABELS.decisions,
      },
    ],
    decimal: false,
  })),
  {
    key: 'fees',
    labels: ['行政事业性收费'],
    cells: [{ path: 'table2.art20_8.fees.amount_wan_yuan', name: TABLE2_LABELS.amount_wan_yuan }],
    decimal: true,
  },
];

export function checkTable2(
  toks: readonly Tok[],
  findings: CheckFinding[],
  cells: Record<string, number>,
): void {
  const byLabel = new Map<string, T2Row>();
  for (const r of T2_ROWS) for (const l of r.labels) byLabel.set(l, r.key);
  const rows = readRows(
    toks,
    (norm) => byLabel.get(norm) ?? null,
    (key) => T2_ROWS.find((r) => r.key === key)?.cells.length ?? 0,
    { group: null },
  );
  for (const r of T2_ROWS) {
    const label = TABLE2_LABELS.rows[r.key];
    const parsed = rows.get(r.key);
    if (!parsed || parsed.cells.length === 0) {
      findings.push({
        kind: 'missing_row',
        cell: r.cells[0]?.path,
        message: `第二部分表格缺少「${label}」行`,
      });
      continue;
    }
    parsed.cells.forEach((tok, i) => {
      const c = r.cells[i];
      if (!c) return;
      const v = readCount(tok.text, c.path, `第二部分表格「${label}」行「${c.name}」`, findings, r.decimal);
      if (v !== undefined) cells[c.path] = v;
    });
  }
}

export const T4_HEADER = new Set(
  [
    TABLE4_LABELS.reconsideration,
    TABLE4_LABELS.litigation,
    ...Object.values(TABLE4_LABELS.groups),
    ...Object.values(TABLE4_LABELS.cells),
  ].map(normalizeLabel),
);

export function checkTable4(
  toks: readonly Tok[],
  findings: CheckFinding[],
  cells: Record<string, number>,
): void {
  let lastHeader = -1;
  toks.forEach((t, i) => {
    if (t !== SEP && T4_HEADER.has(t.norm)) lastHeader = i;
  });
  if (lastHeader < 0) {
    findings.push({
      kind: 'missing_row',
      cell: 'table4',
      message: '第四部分表格（行政复议、行政诉讼）未找到',
    });
    return;
  }
  const values: Token[] = [];
  for (let i = lastHeader + 1; i < toks.length && values.length < 15; i++) {
    const t = toks[i];
    if (t === SEP || t === undefined) continue;
    // A short token with a digit ("12.5", "3件") is a bad cell of the row; longer text ends the table.
    if (!parseCellNumber(t.text).ok && !(t.text.length <= 10 && /\d/.test(t.text))) break;
    values.push(t);
  }
  if (values.length < 15) {
    findings.push({
      kind: 'missing_row',
      cell: 'table4',
      message: `第四部分表格只找到${values.length}个数据单元格，应为15个`,
    });
  }
  const got = new Map<string, number>();
  values.forEach((tok, i) => {
    const g = TABLE4_GROUPS[Math.floor(i / 5)] as Table4Group;
    const c = TABLE4_CELLS[i % 5] as Table4Cell;
    const path = `table4.${g}.${c}`;
    const v = readCount(
      tok.text,
      path,
      `第四部分表格「${table4GroupLabel(g)}」「${TABLE4_LABELS.cells[c]}」`,
      findings,
    );
    if (v !== undefined) {
      got.set(`${g}.${c}`, v);
      cells[path] = v;
    }
  });
  for (const issue of checkTable4Identities((g, c) => got.get(`${g}.${c}`))) {
    findings.push({ kind: 'identity', message: issue.message, ...(issue.cell ? { cell: issue.cell } : {}) });
  }
}
