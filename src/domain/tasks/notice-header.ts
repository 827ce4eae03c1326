// Task table headers: the labels that name a table's columns (or the officer's naming of them), as a column map
// the table readers follow.

import { type Cell, type TableBlock, tableGrid } from './blocks';
import {
  headerRoles,
  isHeaderRoles,
  isLeaderHeader,
  isOverseerHeader,
  kindOf,
  type Role,
  roleOf,
} from './cells';
import { normSpaces } from './notice-text';
import type { ColumnRole } from './notice-types';

export interface ColumnMap {
  sections: number[];
  text: number;
  lead: number[];
  responsible: number[];
  deadline: number[];
  width: number;
}

/** Recognises a header row; null when the row is not one. */
export function headerMap(row: Cell[], width: number): ColumnMap | null {
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

export function tableWidth(t: TableBlock): number {
  let w = 0;
  for (const row of t.rows) for (const c of row) w = Math.max(w, c.col + c.colSpan);
  return w;
}

/** The officer's roles as a column map (the task column is the one marked 工作任务; roles past the grid ignored). */
export function manualMap(roles: readonly ColumnRole[], width: number): ColumnMap {
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
export const looseRoles = (roles: readonly ColumnRole[]): Role[] =>
  roles.map((r) => (r === 'section' ? 'task' : r === 'ignore' ? 'other' : r));

/** A column map as the roles of the grid's columns (what the officer sees preselected). */
export function rolesOf(map: ColumnMap): ColumnRole[] {
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
export function findHeader(block: TableBlock, width: number): { map: ColumnMap; start: number } | null {
  const grid = tableGrid(block);
  for (let r = 0; r < Math.min(block.rows.length, 5); r++) {
    const two = twoRowHeader(grid, r, width);
    const both = two ? headerMap(two, width) : null;
    const m = both ?? headerMap(block.rows[r] ?? [], width);
    if (!m) continue;
    const start = r + (both ? 2 : 1);
    byCells(m, grid, r, start);
    return { map: m, start };
  }
  return null;
}

/**
 * The columns after the task's that the header names no part of ("主抓", "推进节奏"), placed by their cells: a
 * column of unit names is the lead's when it stands before the other unit columns and no lead is named (else
 * 责任单位); a column of deadlines is the deadline's when no deadline is named. A leaders' column stays out.
 */
function byCells(m: ColumnMap, grid: (Cell | undefined)[][], r: number, start: number): void {
  const own = (row: (Cell | undefined)[] | undefined, col: number) =>
    row?.[col]?.col === col ? (row[col]?.text ?? '') : '';
  const named = new Set([m.text, ...m.sections, ...m.lead, ...m.responsible, ...m.deadline]);
  for (let col = m.text + 1; col < m.width; col++) {
    if (named.has(col) || !byCellsLabel(own(grid[r], col))) continue;
    const cells = grid.slice(start, start + 60).map((row) => own(row, col));
    if (m.deadline.length === 0 && mostly(cells, 'deadline')) m.deadline.push(col);
    else if (mostly(cells, 'unit')) {
      if (leadsByPlace(col, m.lead.length > 0, m.responsible)) m.lead.push(col);
      else m.responsible.push(col);
      m.responsible.sort((a, b) => a - b);
    }
  }
}

/** An unnamed column of unit names leads when no lead is named and it stands before the named unit columns. */
const leadsByPlace = (col: number, leadNamed: boolean, unitCols: number[]) =>
  !leadNamed && unitCols.every((c) => c > col);

/**
 * A label whose column may be placed by its cells: not a leaders' column, and not one that names units in
 * another part ("督办单位", "考核部门", "联系单位": who supervises or is asked, not who does the work).
 */
function byCellsLabel(label: string): boolean {
  const l = label.replace(/[\s\u3000]+/g, '');
  return !isLeaderHeader(l) && !isOverseerHeader(l) && !/(?:单位|部门|科室|处室|股室)$/.test(l);
}

/** Most of the filled cells (70 %, one at least) are of this kind; "/" and empty cells count for none. */
function mostly(cells: string[], kind: 'deadline' | 'unit'): boolean {
  const kinds = cells.map(kindOf);
  const hits = kinds.filter((k) => k === kind).length;
  const filled = kinds.filter((k) => k !== 'empty' && k !== 'none').length;
  return hits >= 1 && hits >= filled * 0.7;
}

/**
 * Unit columns under labels of the table's own ("工作任务 | 主抓 | 配合 | 完成时限"), judged by the copied rows that
 * kept every cell (only they can be read by place): an unnamed column after the task's whose cells there are
 * mostly unit names is the lead's when it stands before the named unit columns and no lead is named, else a
 * 责任单位 column.
 */
function unitsByFullRows(header: (Role | null)[], labels: string[], body: Cell[][]): (Role | null)[] {
  const roles = [...header];
  const task = roles.lastIndexOf('task');
  const full = body.slice(0, 200).filter((row) => row.length === roles.length);
  if (task < 0 || full.length === 0) return roles;
  for (let col = task + 1; col < roles.length; col++) {
    if (roles[col] !== 'other' || !byCellsLabel(labels[col] ?? '')) continue;
    if (
      !mostly(
        full.map((row) => row[col]?.text ?? ''),
        'unit',
      )
    )
      continue;
    const unitCols = roles.flatMap((r, c) => (r === 'lead' || r === 'responsible' ? [c] : []));
    roles[col] = leadsByPlace(col, roles.includes('lead'), unitCols) ? 'lead' : 'responsible';
  }
  return roles;
}

/**
 * The roles of a copied table's header with its deadline column found by its cells when no label names one: the
 * last label after the units that names no part ("推进节奏") is the deadline's when the body's deadline cells (or
 * "/" cells, which say "none" in any column) are about as many as the cells that name units. Rows copied with
 * their cells shifted cannot be read by place, so the cells are counted by kind.
 */
export function looseRolesByCells(
  header: (Role | null)[],
  labels: string[],
  body: Cell[][],
): (Role | null)[] {
  const roles = unitsByFullRows(header, labels, body);
  if (roles.includes('deadline')) return roles;
  const lastUnit = roles.findLastIndex((r) => r === 'lead' || r === 'responsible');
  const k = roles.findLastIndex(
    (r, col) => r === 'other' && col > lastUnit && byCellsLabel(labels[col] ?? ''),
  );
  if (lastUnit < 0 || k < 0) return roles;
  const kinds = body
    .slice(0, 200)
    .flat()
    .map((c) => kindOf(c.text));
  const due = kinds.filter((x) => x === 'deadline' || x === 'none').length;
  const units = kinds.filter((x) => x === 'unit').length;
  if (due < 1 || due * 2 < units) return roles;
  return roles.map((r, col) => (col === k ? 'deadline' : r));
}

/**
 * The header of a table rebuilt from copied text, as roles of its columns (the last 任务 column is the task's,
 * the ones before it and the unnamed ones before it are its sections), so that the officer starts from it.
 */
export function looseHeader(block: TableBlock, width: number): { map: ColumnMap; start: number } | null {
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

export const rowTexts = (grid: (Cell | undefined)[][], r: number, width: number): string[] =>
  Array.from({ length: width }, (_, col) => {
    const c = grid[r]?.[col];
    // A merged cell is shown where it starts; the columns and rows it covers stay empty.
    return c && c.row === r && c.col === col ? normSpaces(c.text) : '';
  });

/**
 * A table copied as lines of cells ('rows') omits the cells a group shares with the rows above (a merged 工作任务
 * cell is copied once): a row with fewer cells lost its first ones, so its cells are placed from the right, the
 * missing ones empty (continued from above, as copied text's empty cells are). Other tables are as they are.
 */
export function aligned(block: TableBlock): TableBlock {
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
