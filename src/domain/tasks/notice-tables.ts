// Task tables with a known grid (.docx, .xlsx, HTML, the seeds' flattened Word text).

import { type Cell, type DocBlock, type TableBlock, tableGrid } from './blocks';
import { headerRoles, headingLevel, isHeaderRoles, isNoneMark } from './cells';
import type { Context } from './notice-context';
import {
  aligned,
  type ColumnMap,
  findHeader,
  headerMap,
  looseRoles,
  looseRolesByCells,
  manualMap,
  rowTexts,
  tableWidth,
} from './notice-header';
import { readLooseTable } from './notice-loose';
import { compact, normSpaces } from './notice-text';
import type { ManualColumns, PlanTask } from './notice-types';
import { splitUnits } from './units';

// ---------------------------------------------------------------------------------------------------------
// Task tables

/**
 * A row whose only cell spans the task column and the unit columns ("一、深化重点领域信息公开" merged across the
 * table): a heading over the rows below, not a task. Its text, or null.
 */
function headingAcross(row: Cell[], cols: ColumnMap): string | null {
  const shown = row.filter((c) => !c.mergedFrom && c.text.trim() !== '');
  const only = shown[0];
  const firstUnit = Math.min(...cols.lead, ...cols.responsible);
  if (shown.length !== 1 || !only || only.colSpan < 2) return null;
  const end = only.col + only.colSpan;
  return only.col <= cols.text && end > cols.text && end > firstUnit ? normSpaces(only.text) : null;
}

/**
 * A row of a Word or Excel grid that fills its task cell only (and its 序号) and names no unit and no deadline,
 * where the author wrote a heading without merging the row: "一、深化…" or "（一）…", a title under a 序号 of
 * Chinese numerals ("一" | "深化…"), or a short title without a full stop right above a row that names its units.
 * Its text and level, or null. (Text whose empty cells may be merged ones is not judged so.)
 */
function headingInTaskCell(
  grid: (Cell | undefined)[][],
  r: number,
  cols: ColumnMap,
): { text: string; level: number } | null {
  const row = grid[r] ?? [];
  const cell = row[cols.text];
  if (!cell || cell.row !== r || cell.col !== cols.text) return null;
  const text = normSpaces(cell.text);
  const filled = (c: Cell | undefined, col: number) =>
    c !== undefined && c.col === col && c.text.trim() !== '';
  const unitCols = [...cols.lead, ...cols.responsible];
  if (text === '' || [...unitCols, ...cols.deadline].some((col) => filled(row[col], col))) return null;
  const others = row.flatMap((c, col) =>
    col !== cols.text && !cols.sections.includes(col) && filled(c, col) ? [normSpaces(c?.text ?? '')] : [],
  );
  if (others.length > 1) return null;
  const seq = others[0];
  const byNumber = headingLevel(text);
  if (byNumber !== null)
    return seq === undefined || /^[一二三四五六七八九十]+、?$/.test(seq) ? { text, level: byNumber } : null;
  if (seq !== undefined && /^[一二三四五六七八九十]+、?$/.test(seq)) return { text, level: 1 };
  const next = grid[r + 1] ?? [];
  const titled = text.length <= 30 && !/[。；;]$/.test(text) && seq === undefined;
  return titled && unitCols.some((col) => filled(next[col], col)) ? { text, level: 1 } : null;
}

function sameSection(a: string, b: string): boolean {
  const norm = (s: string) => compact(s).replace(/[。．.：:；;，,]+$/, '');
  return norm(a) === norm(b);
}

/**
 * Copied text whose rows below the header all keep every cell (tabs around the empty ones), the last one filled, is
 * a grid: read column by column as the officer named them, even cells that do not look like what they hold ("财政"
 * for 区财政局). A heading written across the table (one cell) may stand between them. A row ending in an empty cell
 * is not trusted: a browser's copy ends rows with "| |" after the cells it dropped.
 */
function keptEveryCell(block: TableBlock, start: number, width: number): boolean {
  const filled = (row: Cell[]) => row.filter((c) => c.text.trim() !== '');
  const heading = (row: Cell[]) =>
    filled(row).length === 1 && headingLevel(filled(row)[0]?.text ?? '') !== null;
  const body = block.rows.slice(start).filter((row) => !heading(row));
  return body.length > 0 && body.every((row) => row.length === width && row[width - 1]?.text.trim() !== '');
}

export function readTables(
  blocks: DocBlock[],
  ctx: Context,
  manual?: ManualColumns,
): { tables: number; recognised: number } {
  let tableNo = 0;
  // With columns named by hand: the chosen table's width and header rows (repeated at page breaks below).
  let manualCols: ColumnMap | null = null;
  let manualHeader = new Set<string>();
  let recognised = 0;
  let map: ColumnMap | null = null;
  // Values carried down the columns (merged cells) and the last section path.
  let carried = new Map<number, string>();
  let lastTask: PlanTask | null = null;
  // Headings written across the table (one cell spanning the task and unit columns), by level.
  let across: string[] = [];
  for (const block of blocks) {
    if (block.type !== 'table') continue;
    tableNo++;
    if (manual) {
      const table = aligned(block);
      const width = tableWidth(table);
      const grid = tableGrid(table);
      const chosen = tableNo === manual.table;
      if (chosen) {
        const top = Math.min(manual.headerRows, table.rows.length);
        manualHeader = new Set(
          Array.from({ length: top }, (_, r) => rowTexts(grid, r, width).join('|')).filter(
            (t) => t.replace(/\|/g, '') !== '',
          ),
        );
        manualCols = manualMap(manual.roles, width);
        recognised++;
      } else if (!(manualCols && tableNo > manual.table && width === manualCols.width)) continue;
      const cols = manualCols as ColumnMap;
      // Rows to skip: the chosen table's header rows, or the header repeated atop a continuation.
      let start = chosen ? Math.min(manual.headerRows, table.rows.length) : 0;
      while (!chosen && start < table.rows.length && manualHeader.has(rowTexts(grid, start, width).join('|')))
        start++;
      if (block.loose && !keptEveryCell(block, start, width)) {
        // Copied text omits the cells a group shares and shifts the rest: cells are placed by what they hold, as
        // under a known header; the officer's columns say which unit roles and deadline the header would name.
        readLooseTable(block, start - 1, looseRoles(manual.roles), ctx, tableNo);
      } else readRows(table, start, cols, manualHeader);
      if (ctx.full()) break;
      continue;
    }
    if (block.loose) {
      // Copied from a web page: find the header by its labels, then place cells by what they hold.
      const r = block.rows.slice(0, 5).findIndex((row) => isHeaderRoles(headerRoles(row.map((c) => c.text))));
      if (r < 0) continue;
      recognised++;
      const labels = (block.rows[r] ?? []).map((c) => c.text);
      const roles = looseRolesByCells(headerRoles(labels), labels, block.rows.slice(r + 1));
      readLooseTable(block, r, roles, ctx, tableNo);
      map = null;
      continue;
    }
    const width = tableWidth(block);
    const found = findHeader(block, width);
    if (found) {
      map = found.map;
      recognised++;
      carried = new Map();
      lastTask = null;
      across = [];
    } else if (!(map && map.width === width)) {
      continue; // a table of something else (contacts, a signature block)
    }
    readRows(block, found?.start ?? 0, found?.map ?? map);
    if (ctx.full()) break;
  }
  return { tables: tableNo, recognised };

  /** The task rows of one table from row `start`, with the columns `cols`; `repeated`: header rows to skip. */
  function readRows(block: TableBlock, start: number, cols: ColumnMap, repeated?: Set<string>): void {
    const width = tableWidth(block);
    const grid = tableGrid(block);
    for (let r = start; r < block.rows.length; r++) {
      const row = block.rows[r] ?? [];
      if (ctx.full()) return;
      // Header rows repeated at page breaks.
      if (repeated ? repeated.has(rowTexts(grid, r, width).join('|')) : headerMap(row, width)) continue;
      const inCell = block.emptyMayBeMerged || block.loose ? null : headingInTaskCell(grid, r, cols);
      const heading = headingAcross(row, cols) ?? inCell?.text ?? null;
      if (heading !== null) {
        const level = inCell?.level ?? headingLevel(heading) ?? 1;
        across = [...across.slice(0, level - 1), heading];
        // A heading across the table closes the groups above it: an empty section cell below it continues nothing.
        for (const col of cols.sections) carried.delete(col);
        continue;
      }
      const line = row.find((c) => c.line !== undefined)?.line;
      const source = `表${tableNo}第${r + 1}行${line !== undefined ? `（文本第${line}行）` : ''}`;
      const gridRow = grid[r] ?? [];
      const inherited: string[] = [];
      const value = (col: number, carry: boolean): string => {
        const cell = gridRow[col];
        // "/", "—": the row has none (and the empty cells below continue nothing).
        if (cell && isNoneMark(cell.text)) return '';
        let text = cell ? cell.text.trim() : '';
        if (text === '' && carry && block.emptyMayBeMerged) {
          const prev = carried.get(col);
          if (prev !== undefined && prev !== '') {
            text = prev;
            inherited.push(prev);
          }
        }
        return text;
      };
      // Sections: a new value in a higher column resets the columns below it.
      const section: string[] = [];
      let reset = false;
      for (const col of cols.sections) {
        const cell = gridRow[col];
        if (cell && cell === gridRow[cols.text]) {
          // The task's cell spans this section column: the row has no section at this level.
          carried.set(col, '');
          continue;
        }
        const own = cell ? normSpaces(cell.text) : '';
        const prev = carried.get(col);
        let v: string;
        if (reset) v = own;
        // An empty section cell continues the section above (merged, or simply left blank by the author).
        else if (own === '') v = prev ?? '';
        else v = own;
        if (own !== '' && !(prev !== undefined && sameSection(prev, own))) reset = true;
        else if (own !== '' && prev !== undefined) v = prev; // restated at a page break: keep the first form
        carried.set(col, v);
        if (v !== '') section.push(v);
      }
      const textCell = gridRow[cols.text];
      const isContinuation = textCell !== undefined && textCell.row !== r;
      const text = textCell && !isContinuation ? textCell.text : '';
      const unitValue = (col: number) => {
        const before = inherited.length;
        const v = value(col, true);
        if (inherited.length > before && text.trim() !== '') {
          ctx.warn(ctx.nextRef(), source, `单元格为空，按合并单元格沿用上一行的“${compact(v)}”，请核对`);
        }
        return v;
      };
      const unitCells: { text: string; role: 'lead' | 'responsible' }[] = [];
      for (const col of cols.lead) unitCells.push({ text: unitValue(col), role: 'lead' });
      for (const col of cols.responsible) unitCells.push({ text: unitValue(col), role: 'responsible' });
      const deadlineCell = cols.deadline.map((c) => value(c, true)).join('\n');
      // Remember this row's own values for the rows below.
      for (const col of [...cols.lead, ...cols.responsible, ...cols.deadline]) {
        const own = gridRow[col]?.text.trim() ?? '';
        if (own !== '') carried.set(col, isNoneMark(own) ? '' : own);
      }
      if (text.trim() === '') {
        const hasUnits = unitCells.some((u) => compact(u.text) !== '');
        if (isContinuation && lastTask && hasUnits) {
          // One measure cell merged over rows with different units: the units belong to the same task.
          for (const u of unitCells) {
            const s = splitUnits(u.text, u.role);
            lastTask.leadUnits = [...new Set([...lastTask.leadUnits, ...s.lead])];
            lastTask.responsibleUnits = [...new Set([...lastTask.responsibleUnits, ...s.responsible])];
          }
        } else if (hasUnits && gridRow.some((c) => c && c.row === r && c.text.trim() !== '')) {
          ctx.warn('', source, '该行没有任务内容，已跳过');
        }
        // Drop "inherited" warnings recorded for a row that produced no task.
        while (ctx.warnings.length > 0 && ctx.warnings[ctx.warnings.length - 1]?.ref === ctx.nextRef()) {
          ctx.warnings.pop();
        }
        continue;
      }
      lastTask = ctx.addTask({ section: [...across, ...section], text, unitCells, deadlineCell, source });
    }
  }
}
