// Task tables with a known grid (.docx, .xlsx, HTML, the seeds' flattened Word text).

import { type Cell, type DocBlock, type TableBlock, tableGrid } from './blocks';
import {
  type CellKind,
  headerRoles,
  headingLevel,
  isHeaderRoles,
  isLeaderHeader,
  isNoneMark,
  kindOf,
  type Role,
  roleOf,
} from './cells';
import type { Context } from './notice-context';
import { readLooseTable } from './notice-loose';
import { compact, normSpaces } from './notice-text';
import type { ColumnRole, ManualColumns, PlanTask, TablePreview } from './notice-types';
import { splitUnits } from './units';

// ---------------------------------------------------------------------------------------------------------
// Task tables

interface ColumnMap {
  sections: number[];
  text: number;
  lead: number[];
  responsible: number[];
  deadline: number[];
  width: number;
}

/** Recognises a header row; null when the row is not one. */
function headerMap(row: Cell[], width: number): ColumnMap | null {
  const cells = row.filter((c) => !c.mergedFrom);
  const roles = headerRoles(cells.map((c) => c.text));
  const taskIdx = roles.lastIndexOf('task');
  if (taskIdx < 0) return null;
  if (!roles.some((r) => r === 'lead' || r === 'responsible')) return null;
  if (roles.filter((r) => r !== null && r !== 'other').length < 2) return null;
  // Grid ranges of the header cells. A header with fewer grid columns than the body (flattened text, where
  // spans are lost) is aligned from both ends: the columns left of the text column keep their place, the
  // ones after it align to the right, and the gap belongs to the sections (seeds 001, 003, 004).
  const ranges: [number, number][] = cells.map((c) => [c.col, c.col + c.colSpan]);
  const headerWidth = cells.reduce((n, c) => Math.max(n, c.col + c.colSpan), 0);
  if (headerWidth < width) {
    const shift = width - headerWidth;
    for (let k = taskIdx; k < cells.length; k++) {
      const r = ranges[k];
      if (r) ranges[k] = k === taskIdx ? [r[0], r[1] + shift] : [r[0] + shift, r[1] + shift];
    }
  }
  const textRange = ranges[taskIdx] ?? [0, 1];
  const map: ColumnMap = {
    sections: [],
    text: textRange[1] - 1,
    lead: [],
    responsible: [],
    deadline: [],
    width,
  };
  cells.forEach((cell, k) => {
    const role = roles[k];
    const [a, b] = ranges[k] ?? [0, 0];
    // A column before the task's that names none of its parts ("类别", "领域", "一级指标") holds its category;
    // a column of leaders' names does not.
    const category = role === 'other' && k < taskIdx && !isLeaderHeader(cell.text);
    for (let col = a; col < b; col++) {
      if ((role === 'task' || category) && col !== map.text) map.sections.push(col);
      else if (role === 'lead') map.lead.push(col);
      else if (role === 'responsible') map.responsible.push(col);
      else if (role === 'deadline') map.deadline.push(col);
    }
  });
  map.sections.sort((x, y) => x - y);
  return map;
}

/** The officer's roles as a column map (the task column is the one marked 工作任务; roles past the grid ignored). */
function manualMap(roles: readonly ColumnRole[], width: number): ColumnMap {
  const cols = (role: ColumnRole) => roles.flatMap((r, col) => (r === role && col < width ? [col] : []));
  return {
    sections: cols('section'),
    text: cols('task')[0] ?? 0,
    lead: cols('lead'),
    responsible: cols('responsible'),
    deadline: cols('deadline'),
    width,
  };
}

/** The officer's roles as the header roles the copied-text reader takes (分类 columns are 任务 columns before it). */
const looseRoles = (roles: readonly ColumnRole[]): Role[] =>
  roles.map((r) => (r === 'section' ? 'task' : r === 'ignore' ? 'other' : r));

/** A column map as the roles of the grid's columns (what the officer sees preselected). */
function rolesOf(map: ColumnMap): ColumnRole[] {
  return Array.from({ length: map.width }, (_, col): ColumnRole => {
    if (col === map.text) return 'task';
    if (map.sections.includes(col)) return 'section';
    if (map.lead.includes(col)) return 'lead';
    if (map.responsible.includes(col)) return 'responsible';
    if (map.deadline.includes(col)) return 'deadline';
    return 'ignore';
  });
}

/** The header of a grid table as the parser reads it: its column map and the first row under it. */
function findHeader(block: TableBlock, width: number): { map: ColumnMap; start: number } | null {
  const grid = tableGrid(block);
  for (let r = 0; r < Math.min(block.rows.length, 5); r++) {
    const two = twoRowHeader(grid, r, width);
    const both = two ? headerMap(two, width) : null;
    const m = both ?? headerMap(block.rows[r] ?? [], width);
    if (m) return { map: m, start: r + (both ? 2 : 1) };
  }
  return null;
}

/**
 * The header of a table rebuilt from copied text, as roles of its columns (the last 任务 column is the task's,
 * the ones before it and the unnamed ones before it are its sections), so that the officer starts from it.
 */
function looseHeader(block: TableBlock, width: number): { map: ColumnMap; start: number } | null {
  const r = block.rows.slice(0, 5).findIndex((row) => isHeaderRoles(headerRoles(row.map((c) => c.text))));
  if (r < 0) return null;
  const roles = headerRoles((block.rows[r] ?? []).map((c) => c.text));
  const taskIdx = roles.lastIndexOf('task');
  const named: ColumnRole[] = Array.from({ length: width }, (_, col): ColumnRole => {
    const role = roles[col];
    if (col === taskIdx) return 'task';
    if (col < taskIdx && (role === 'task' || role === 'other')) return 'section';
    return role === 'lead' || role === 'responsible' || role === 'deadline' ? role : 'ignore';
  });
  return { map: manualMap(named, width), start: r + 1 };
}

const rowTexts = (grid: (Cell | undefined)[][], r: number, width: number): string[] =>
  Array.from({ length: width }, (_, col) => {
    const c = grid[r]?.[col];
    // A merged cell is shown where it starts; the columns and rows it covers stay empty.
    return c && c.row === r && c.col === col ? normSpaces(c.text) : '';
  });

/**
 * What a table's columns hold, judged by their cells below the first row (for a header the parser does not know):
 * the column of text right before the units (or the longest) is the task's, text or headings before it its sections, a column of unit names
 * 责任单位 (the first of two 牵头单位), a column of dates 完成时限. Null when no column holds text. The rows on top
 * are header rows while their cell over the task column is short ("事项", or empty under a title) beside the
 * task texts below them, or the row has one cell only (a title).
 */
function guessRoles(
  grid: (Cell | undefined)[][],
  width: number,
  copied: boolean,
): { roles: ColumnRole[]; headerRows: number } | null {
  const rows = grid.slice(1, 40);
  // In copied text, rows with every cell filled are surely aligned (the cells a group shares are dropped and the
  // rest shift); a Word or Excel grid is aligned throughout.
  const full = rows.filter((row, k) =>
    Array.from({ length: width }, (_, col) => row[col]).every(
      (c) => c && c.row === k + 1 && c.text.trim() !== '',
    ),
  );
  const body = copied && full.length >= 2 ? full : rows;
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
 * A table copied as lines of cells ('rows') omits the cells a group shares with the rows above (a merged 工作任务
 * cell is copied once): a row with fewer cells lost its first ones, so its cells are placed from the right, the
 * missing ones empty (continued from above, as copied text's empty cells are). Other tables are as they are.
 */
function aligned(block: TableBlock): TableBlock {
  if (block.loose !== 'rows') return block;
  const width = tableWidth(block);
  return {
    ...block,
    rows: block.rows.map((row, r) => {
      const shift = width - row.length;
      if (shift <= 0) return row;
      const pad: Cell[] = Array.from({ length: shift }, (_, col) => ({
        text: '',
        row: r,
        col,
        colSpan: 1,
        rowSpan: 1,
      }));
      return [...pad, ...row.map((c) => ({ ...c, col: c.col + shift }))];
    }),
  };
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

/** A unit role written alone under a parent heading ("责任单位" over "牵头 | 配合"): the label it stands for. */
const BARE_ROLE = /^(?:牵头|主责|主办|配合|责任|参与|协办|协同|协助|落实)$/;

/**
 * A header of two rows: a cell spanning several columns ("责任单位", "责任分工") over the labels of its columns
 * ("牵头单位 | 配合单位", "牵头 | 配合"), the other labels spanning both rows. Returns one header row made of the
 * lower labels where there are any and the upper ones elsewhere; null when row `r` spans nothing over short labels.
 */
function twoRowHeader(grid: (Cell | undefined)[][], r: number, width: number): Cell[] | null {
  const top = grid[r] ?? [];
  const sub = grid[r + 1] ?? [];
  const label = (c: Cell) => normSpaces(c.text);
  const spans = top.some(
    (c, col) =>
      c &&
      c.row === r &&
      c.colSpan >= 2 &&
      col === c.col &&
      sub.slice(col, col + c.colSpan).some((s) => s && s.row === r + 1),
  );
  if (!spans) return null;
  const out: Cell[] = [];
  for (let col = 0; col < width; col++) {
    const below = sub[col];
    const own = below && below.row === r + 1 && below !== top[col] ? below : top[col];
    if (!own || out.some((c) => c.col === own.col && c.colSpan === own.colSpan)) continue;
    const text = label(own);
    // The lower labels must name columns themselves ("牵头", "牵头单位", "具体措施"): a first data row of short
    // cells under a spanning header cell is not a header.
    const role = roleOf(text);
    if (own.row === r + 1 && !BARE_ROLE.test(text) && (role === null || role === 'other')) return null;
    out.push({ ...own, row: r, rowSpan: 1, text: BARE_ROLE.test(text) ? `${text}单位` : text });
  }
  return out;
}

function tableWidth(t: TableBlock): number {
  let w = 0;
  for (const row of t.rows) for (const c of row) w = Math.max(w, c.col + c.colSpan);
  return w;
}

function sameSection(a: string, b: string): boolean {
  const norm = (s: string) => compact(s).replace(/[。．.：:；;，,]+$/, '');
  return norm(a) === norm(b);
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
      if (block.loose) {
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
      readLooseTable(block, r, headerRoles((block.rows[r] ?? []).map((c) => c.text)), ctx, tableNo);
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
      const heading = headingAcross(row, cols);
      if (heading !== null) {
        const level = headingLevel(heading) ?? 1;
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
