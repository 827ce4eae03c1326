// A table's first rows and what its columns seem to hold, for the officer to name them when the parser did not
// know the header (or read it wrongly): 手动指定表格的列 on the import page.

import { type Cell, type DocBlock, tableGrid } from './blocks';
import { type CellKind, headingLevel, kindOf } from './cells';
import { aligned, findHeader, looseHeader, rolesOf, rowTexts, tableWidth } from './notice-header';
import { compact } from './notice-text';
import type { ColumnRole, ManualColumns, TablePreview } from './notice-types';

/**
 * What a table's columns hold, judged by their cells below the first row (for a header the parser does not know):
 * the column of text right before the units (without units, the longest) is the task's, text or headings before
 * it its sections, a column of unit names 责任单位 (the first of two: 牵头单位), a column of dates 完成时限. Null
 * when no column holds text. The rows on top are header rows while their cell over the task column is short
 * ("事项", or empty under a title) beside the task texts below them, or the row has one cell only (a title).
 */
function guessRoles(
  grid: (Cell | undefined)[][],
  width: number,
  copied: boolean,
): { roles: ColumnRole[]; headerRows: number } | null {
  const rows = grid.slice(1, 40);
  /** How many cells a row fills itself (not covered by a merge from above). */
  const filled = (row: (Cell | undefined)[], k: number) =>
    Array.from({ length: width }, (_, col) => row[col]).filter(
      (c) => c && c.row === k + 1 && c.text.trim() !== '',
    ).length;
  // In copied text, rows with every cell filled are surely aligned (the cells a group shares are dropped and the
  // rest shift); a Word or Excel grid is aligned throughout.
  const full = rows.filter((row, k) => filled(row, k) === width);
  // A row with one cell filled is a heading across the table ("一、深化重点领域信息公开"), not a column's content.
  const several = rows.filter((row, k) => filled(row, k) >= 2);
  const body = copied && full.length >= 2 ? full : several.length ? several : rows;
  const kinds: CellKind[] = [];
  const lengths: number[] = [];
  for (let col = 0; col < width; col++) {
    const count = new Map<CellKind, number>();
    let chars = 0;
    for (const row of body) {
      const c = row[col];
      if (!c || c.col !== col || c.text.trim() === '') continue;
      const k = kindOf(c.text);
      if (k === 'empty' || k === 'none') continue;
      count.set(k, (count.get(k) ?? 0) + 1);
      chars += compact(c.text).length;
    }
    const top = [...count].sort((a, b) => b[1] - a[1])[0];
    kinds.push(top?.[0] ?? 'empty');
    lengths.push(top ? chars / [...count.values()].reduce((n, v) => n + v, 0) : 0);
  }
  // The task is the text right before the units (the columns before it its sections); without units, the longest.
  const unitCols = kinds.flatMap((k, col) => (k === 'unit' ? [col] : []));
  const firstUnit = unitCols[0] ?? width;
  let task = -1;
  kinds.forEach((k, col) => {
    if (k !== 'text') return;
    if (unitCols.length ? col < firstUnit : task < 0 || (lengths[col] ?? 0) > (lengths[task] ?? 0))
      task = col;
  });
  if (task < 0) return null;
  const roles = kinds.map((k, col): ColumnRole => {
    if (col === task) return 'task';
    if (col < task && (k === 'text' || k === 'heading')) return 'section';
    if (k === 'unit') return unitCols.length > 1 && col === unitCols[0] ? 'lead' : 'responsible';
    return k === 'deadline' ? 'deadline' : 'ignore';
  });
  // Header rows (and a title row above them): the rows on top whose cell over the task column is short or empty.
  const short = (r: number) => {
    const texts = rowTexts(grid, r, width);
    const n = compact(texts[task] ?? '').length;
    // A title written in one cell of the row is no task either (a heading "一、…" across the table is no title).
    const shown = texts.filter((t) => t !== '');
    return (
      (n <= 8 && n * 2 < (lengths[task] ?? 0)) ||
      (shown.length === 1 && headingLevel(shown[0] ?? '') === null)
    );
  };
  let headerRows = 0;
  while (headerRows < Math.min(5, grid.length - 1) && short(headerRows)) headerRows++;
  return { roles, headerRows };
}

/**
 * Every table's first rows (cells cut to `cellChars`), for the officer to say what its columns hold when the
 * parser did not know the header or read it wrongly.
 */
export function previewTables(
  blocks: DocBlock[],
  { maxTables = 20, maxRows = 8, cellChars = 120 } = {},
): TablePreview[] {
  const out: TablePreview[] = [];
  let tableNo = 0;
  for (const found of blocks) {
    if (found.type !== 'table') continue;
    tableNo++;
    const block = aligned(found);
    const width = tableWidth(block);
    // One row or one column: nothing to map. Cells one per line (a stream) have no grid to name columns of.
    if (block.rows.length < 2 || width < 2 || block.loose === 'stream') continue;
    const grid = tableGrid(block);
    const header = block.loose ? looseHeader(block, width) : findHeader(block, width);
    const guess = header ? null : guessRoles(grid, width, block.loose !== undefined);
    out.push({
      table: tableNo,
      name: block.name ?? null,
      width,
      rowCount: block.rows.length,
      rows: block.rows
        .slice(0, maxRows)
        .map((_, r) =>
          rowTexts(grid, r, width).map((t) => (t.length > cellChars ? `${t.slice(0, cellChars)}…` : t)),
        ),
      headerRows: header?.start ?? guess?.headerRows ?? 1,
      roles: header ? rolesOf(header.map) : null,
      guess: guess?.roles ?? null,
    });
    if (out.length >= maxTables) break;
  }
  return out;
}

/** A task is a sentence: a column whose cells average fewer letters holds names or headings, not tasks. */
const TASK_MIN_CHARS = 6;

/**
 * The columns to read a notice by when no table header was known and nothing else gave a task: the longest table
 * whose cells show a header row above a column of tasks and a column of unit names. A table of contacts or of
 * figures has none; a plan that names no unit is left to 按编号条目读取; a guess with no header row, or with short
 * cells for tasks (units written as "财政" "发改" look like text), is left to the officer. Null when there is none.
 */
export function guessedColumns(blocks: DocBlock[]): ManualColumns | null {
  const sure = (t: TablePreview) => {
    const task = t.guess?.indexOf('task') ?? -1;
    if (task < 0 || t.headerRows < 1 || !t.guess?.some((r) => r === 'lead' || r === 'responsible'))
      return false;
    const cells = t.rows
      .slice(t.headerRows)
      .map((r) => compact(r[task] ?? ''))
      .filter(Boolean);
    return cells.length > 0 && cells.reduce((n, c) => n + c.length, 0) / cells.length >= TASK_MIN_CHARS;
  };
  const best = previewTables(blocks)
    .filter(sure)
    .sort((a, b) => b.rowCount - a.rowCount)[0];
  return best?.guess ? { table: best.table, headerRows: best.headerRows, roles: best.guess } : null;
}
