// ---------------------------------------------------------------------------------------------------------------
// Sections (§2.1)
// ---------------------------------------------------------------------------------------------------------------

import { escapeHtml } from '../text/html';
import {
  type AnnualReport,
  OUTCOME_GROUP_LABELS,
  SECTION_TITLES,
  type SectionKey,
  TABLE2_LABELS,
  TABLE3_COLUMN_LABELS,
  TABLE3_COLUMNS,
  TABLE3_HEADER_LABELS,
  TABLE3_NOTE,
  TABLE3_RESULTS_LABEL,
  TABLE3_ROW_LABELS,
  TABLE4_CELLS,
  TABLE4_GROUPS,
  TABLE4_LABELS,
  type Table2,
  type Table3,
  type Table3RowKey,
  type Table4,
} from './annual-report';
import { ISSUED_KEYS } from './annual-report-check';
import { OUTCOME_LABELS, type OutcomeCode } from './outcomes';

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

/** The report as a stand-alone HTML file (the .html download): every text escaped, the title included. */
export function renderLayoutDocument(layout: ReportLayout): string {
  return `<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>${escapeHtml(layout.title)}</title></head><body>${renderLayoutHtml(layout)}</body></html>`;
}
