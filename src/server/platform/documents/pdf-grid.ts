// A task table printed without vertical rules — a 三线表 (rules above and below the header and at the table's end)
// or a table with no rules at all, as a web page's or a plain Word table prints — read by the rules it would have
// had. Its columns are the header's labels (a label broken over lines, "序/号", "牵头/单位", is one column); a
// column's sides lie in the white space between two labels that no line of the table crosses; a row ends between
// two task cells where most columns are open (cells are padded). One table keeps one grid over its pages, with or
// without its header repeated, and below the running header a printer puts atop each page (runningLines). The rules
// found are handed to the ruled-table reader (pdf.ts ruledPage) as if drawn.
// Nothing is found — and the page is read by text positions as before — when the page has vertical rules, neither a
// header nor the table of the page before going on, rows not set apart (two row numbers in one row), or a column
// side that text crosses.

import { headerRoles, isHeaderRoles } from '../../../domain/tasks/cells';
import type { Box } from './pdf-covered';

export interface GridItem {
  x: number;
  y: number;
  end: number;
  size: number;
  str: string;
}

const isVertical = (b: Box) => b.x1 - b.x0 <= 3 && b.y1 - b.y0 >= 8;

/**
 * Items on one baseline, top to bottom (PDF y grows upwards), each line's touching items joined into runs: a
 * printer may place every character by itself, and a paragraph below the table must show as one run across columns.
 */
function baselines(items: GridItem[]): GridItem[][] {
  const lines: GridItem[][] = [];
  for (const it of [...items].sort((a, b) => b.y - a.y || a.x - b.x)) {
    const ref = lines[lines.length - 1]?.[0];
    if (ref && Math.abs(ref.y - it.y) <= Math.max(2, ref.size * 0.4)) lines[lines.length - 1]?.push(it);
    else lines.push([it]);
  }
  return lines.map((line) => {
    const runs: GridItem[] = [];
    for (const it of line.sort((a, b) => a.x - b.x)) {
      const last = runs[runs.length - 1];
      if (last && it.x - last.end <= 0.25 * it.size) {
        last.str += it.str;
        last.end = Math.max(last.end, it.end);
      } else runs.push({ ...it });
    }
    return runs;
  });
}

/**
 * The running header and footer lines a printer puts on every page (a browser's date and title, its file address
 * and "1/4"; a word processor's header): per page, the baselines of its top and bottom lines whose words (digits
 * aside) stand at the same end of another page too.
 */
export function runningLines(pages: GridItem[][]): number[][] {
  const ends = pages.map((items) => {
    const lines = baselines(items);
    const key = (line: GridItem[] | undefined) =>
      line
        ?.map((it) => it.str)
        .join('')
        .replace(/\d+/g, '#')
        .replace(/\s+/g, '') ?? '';
    const first = lines[0];
    const last = lines.length > 1 ? lines[lines.length - 1] : undefined;
    return [
      first && { key: `top:${key(first)}`, y: first[0]?.y ?? 0 },
      last && { key: `bottom:${key(last)}`, y: last[0]?.y ?? 0 },
    ].filter((e) => !!e);
  });
  const pagesOf = new Map<string, number>();
  for (const page of ends) for (const e of page) pagesOf.set(e.key, (pagesOf.get(e.key) ?? 0) + 1);
  return ends.map((page) => page.filter((e) => (pagesOf.get(e.key) ?? 0) >= 2).map((e) => e.y));
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 10;

/**
 * The spacing of a cell's wrapped lines: the most common distance from a line to the next one below it in the same
 * column (x ranges that overlap), among distances of one to two lines' height.
 */
function linePitch(lines: GridItem[][], size: number): number {
  const counts = new Map<number, number>();
  lines.forEach((line, i) => {
    for (const it of line) {
      for (const below of lines.slice(i + 1)) {
        const gap = (line[0]?.y ?? 0) - (below[0]?.y ?? 0);
        if (gap > 2.2 * size) break;
        if (!below.some((b) => b.x < it.end && b.end > it.x)) continue;
        if (gap >= 0.9 * size) {
          const bin = Math.round(gap * 2) / 2;
          counts.set(bin, (counts.get(bin) ?? 0) + 1);
        }
        break;
      }
    }
  });
  let best = 1.3 * size;
  let most = 0;
  for (const [gap, n] of counts) if (n > most || (n === most && gap < best)) [best, most] = [gap, n];
  return best;
}

/** Items whose x ranges overlap form one column, left to right; its text read top to bottom. */
function columnsOf(items: GridItem[]): { x: number; end: number; text: string }[] {
  const cols: { x: number; end: number; items: GridItem[] }[] = [];
  for (const it of [...items].sort((a, b) => a.x - b.x)) {
    const last = cols[cols.length - 1];
    if (last && it.x < last.end) {
      last.items.push(it);
      last.end = Math.max(last.end, it.end);
    } else cols.push({ x: it.x, end: it.end, items: [it] });
  }
  return cols.map((c) => ({
    x: c.x,
    end: c.end,
    text: c.items
      .sort((a, b) => b.y - a.y || a.x - b.x)
      .map((i) => i.str)
      .join('')
      .replace(/\s+/g, ''),
  }));
}

const ROW_NUMBER = /^\d{1,3}[.．、]?$/;

/** A table's columns, carried to the next page when the table goes on there without its header repeated. */
export interface Grid {
  walls: number[];
  roles: ReturnType<typeof headerRoles>;
}

/**
 * The rules of a task table on this page that is printed without vertical rules; none when there is no such table.
 * `carried`: the columns of such a table on the page before, for a page that goes on with its rows (Word repeats
 * a header only when told to). Returns the columns for the next page: those of the table that ends the page.
 */
export function virtualRules(
  items: GridItem[],
  rules: Box[],
  carried: Grid | null = null,
  running: number[] = [],
): { rules: Box[]; grid: Grid | null } {
  if (rules.filter(isVertical).length >= 2 || items.length === 0) return NONE;
  const size = median(items.map((i) => i.size));
  const lines = baselines(items);
  const isRunning = (line: GridItem[]) => running.some((y) => Math.abs((line[0]?.y ?? 0) - y) <= 1);
  const found = gridOf(lines, size, carried, isRunning);
  // (a running header atop the page joins the table's header, or the rows going on, to a block of its own: read
  // again without it — only then, as a table's header repeated atop each page stands there the same way)
  if (found.grid || found.rules.length > 0 || !lines.some(isRunning)) return found;
  return gridOf(
    lines.filter((line) => !isRunning(line)),
    size,
    carried,
    isRunning,
  );
}

const NONE: { rules: Box[]; grid: Grid | null } = { rules: [], grid: null };

/** virtualRules on a page's lines. */
function gridOf(
  lines: GridItem[][],
  size: number,
  carried: Grid | null,
  isRunning: (line: GridItem[]) => boolean,
): { rules: Box[]; grid: Grid | null } {
  const pitch = linePitch(lines, size);
  // Blocks: lines no further apart than a cell's wrapped lines (a centred cell's lines stand between them).
  const blocks: GridItem[][][] = [];
  lines.forEach((line, i) => {
    const gap = i === 0 ? Number.POSITIVE_INFINITY : (lines[i - 1]?.[0]?.y ?? 0) - (line[0]?.y ?? 0);
    if (gap > 1.2 * pitch) blocks.push([line]);
    else blocks[blocks.length - 1]?.push(line);
  });
  const h = blocks.findIndex((b) => {
    const cols = columnsOf(b.flat());
    return cols.length >= 3 && isHeaderRoles(headerRoles(cols.map((c) => c.text)));
  });
  if (h < 0) {
    if (!carried) return NONE;
    const mids = carried.walls.slice(1).map((w, k) => (w + (carried.walls[k] ?? 0)) / 2);
    const { body, cutRest } = rowsBelow(blocks, mids);
    const drawn = body.length ? gridRules(body, [], carried, pitch, size, cutRest) : null;
    return drawn ? { rules: drawn, grid: carried } : NONE;
  }
  const header = columnsOf(blocks[h]?.flat() ?? []);
  const roles = headerRoles(header.map((c) => c.text));
  const centres = header.map((c) => (c.x + c.end) / 2);
  const { body, cutRest } = rowsBelow(blocks.slice(h + 1), centres);
  if (body.length === 0) return NONE;
  const table = [...(blocks[h] ?? []).flat(), ...body.flat()];
  // A column's side: the middle of the widest stretch between two labels' centres that no item of the table covers.
  const sides: number[] = [];
  for (let k = 0; k + 1 < centres.length; k++) {
    const [a = 0, b = 0] = [centres[k], centres[k + 1]];
    const covered = table
      .filter((it) => it.end > a && it.x < b)
      .map((it) => [Math.max(a, it.x), Math.min(b, it.end)] as const)
      .sort((p, q) => p[0] - q[0]);
    let best: [number, number] | null = null;
    let from = a;
    for (const [x0, x1] of [...covered, [b, b] as const]) {
      if (x0 > from && (!best || x0 - from > best[1] - best[0])) best = [from, x0];
      from = Math.max(from, x1);
    }
    if (!best || best[1] - best[0] < 1) return NONE;
    sides.push((best[0] + best[1]) / 2);
  }
  const left = Math.min(...table.map((i) => i.x)) - 2;
  const right = Math.max(...table.map((i) => i.end)) + 2;
  // The same table under its repeated header keeps the columns of the page before: each page's white space puts
  // the sides a few points apart ("100" is wider than "1"), and one table's rows must share one grid.
  const walls = [left, ...sides, right];
  const same =
    carried?.walls.length === walls.length &&
    carried.walls.every((w, k) => Math.abs(w - (walls[k] ?? 0)) <= 12);
  const grid = same && carried ? carried : { walls, roles };
  const drawn = gridRules(body, blocks[h] ?? [], grid, pitch, size, cutRest);
  // (the table goes on over the page when it ends the page: nothing but a page number or running footer below it)
  const below =
    blocks
      .slice(h + 1)
      .flat()
      .filter((line) => !isRunning(line)).length - body.length;
  return drawn ? { rules: drawn, grid: below <= 1 ? grid : null } : NONE;
}

/**
 * The lines of a table's rows: the blocks from the top until a line runs across a column (the text after the
 * table), or a block fills one column only ("附件2" at the margin below it) — unless that block stands first with
 * rows below it: the rest of a row the page break cut. `centres`: the columns' middles.
 */
function rowsBelow(blocks: GridItem[][][], centres: number[]): { body: GridItem[][]; cutRest: boolean } {
  const nearest = (it: GridItem) => {
    const mid = (it.x + it.end) / 2;
    return centres.reduce((k, c, i) => (Math.abs(c - mid) < Math.abs((centres[k] ?? 0) - mid) ? i : k), 0);
  };
  const across = (its: GridItem[]) =>
    its.some((it) => centres.filter((c) => c > it.x && c < it.end).length >= 2);
  const columns = (its: GridItem[]) => new Set(its.map(nearest)).size;
  const isRow = (block: GridItem[][] | undefined) =>
    !!block && !across(block.flat()) && columns(block.flat()) >= 2;
  const body: GridItem[][] = [];
  for (const [i, block] of blocks.entries()) {
    const its = block.flat();
    if (across(its) || (columns(its) < 2 && !(i === 0 && isRow(blocks[1])))) break;
    body.push(...block);
  }
  const first = blocks[0]?.flat() ?? [];
  return { body, cutRest: body.length > 0 && columns(first) < 2 };
}

/** The rules of the rows below a header (or at the top of a page the table goes on to); null when rows run together. */
function gridRules(
  body: GridItem[][],
  headLines: GridItem[][],
  { walls, roles }: Grid,
  pitch: number,
  size: number,
  cutRest = false,
): Box[] | null {
  const sides = walls.slice(1, -1);
  const left = walls[0] ?? 0;
  const right = walls[walls.length - 1] ?? 0;
  const task = roles.indexOf('task');
  const columnOf = (it: GridItem) => {
    const mid = (it.x + it.end) / 2;
    const k = sides.findIndex((x) => mid < x);
    return k < 0 ? sides.length : k;
  };
  // Rows. A task cell is never merged: each run of task lines no further apart than a cell's wrapped lines is one
  // row's. Between two such runs the row ends where most columns are open — where a column's text stands further
  // apart than a cell's wrapped lines, or is on one side only. A column closed there holds a cell merged over both
  // rows (its text centred across them): its rule is left out, and the reader joins the cell's text.
  if (task < 0) return null;
  const ys = body.map((line) => line[0]?.y ?? 0);
  const inColumn = (c: number) => ys.filter((_, i) => body[i]?.some((it) => columnOf(it) === c));
  const open = (c: number, cut: number) => {
    const at = inColumn(c);
    const above = Math.min(...at.filter((y) => y > cut));
    const below = Math.max(...at.filter((y) => y < cut));
    return !(Number.isFinite(above) && Number.isFinite(below) && above - below <= 1.2 * pitch);
  };
  const taskLines = body.flatMap((line, i) => (line.some((it) => columnOf(it) === task) ? [i] : []));
  const cuts: { y: number; open: boolean[] }[] = [];
  for (let k = 0; k + 1 < taskLines.length; k++) {
    const [from = 0, to = 0] = [taskLines[k], taskLines[k + 1]];
    if ((ys[from] ?? 0) - (ys[to] ?? 0) <= 1.2 * pitch) continue;
    let best: { y: number; open: boolean[]; score: number; gap: number } | null = null;
    for (let i = from; i < to; i++) {
      const y = ((ys[i] ?? 0) + (ys[i + 1] ?? 0)) / 2;
      const columns = walls.slice(1).map((_, c) => open(c, y));
      const score = columns.filter(Boolean).length;
      const gap = (ys[i] ?? 0) - (ys[i + 1] ?? 0);
      if (!best || score > best.score || (score === best.score && gap > best.gap))
        best = { y, open: columns, score, gap };
    }
    if (best) cuts.push({ y: best.y, open: best.open });
  }
  const bottom = (ys[ys.length - 1] ?? 0) - 0.25 * size - 1;
  // (on a page the table goes on to, the rows start at the top: the first row's top rule is the page's top rule)
  const first = (ys[0] ?? 0) + 0.9 * size + 1;
  const underHeader = headLines.length
    ? ((headLines[headLines.length - 1]?.[0]?.y ?? 0) + (ys[0] ?? 0)) / 2
    : first;
  // A category column (before the task, "重点领域") merges a cell over the rows of a group and centres its text:
  // each of its texts (lines no further apart than wrapped lines) heads the rows from where the text above ended
  // to the row that puts the text nearest the middle of its cell; no rule is drawn inside a cell.
  const bandsAt = [underHeader, ...cuts.map((c) => c.y), bottom];
  const rowOf = (y: number) => bandsAt.findIndex((b, r) => y < b && y >= (bandsAt[r + 1] ?? 0));
  roles.forEach((role, c) => {
    if (c >= task || role === 'seq') return;
    const texts: number[][] = [];
    for (const y of inColumn(c)) {
      const last = texts[texts.length - 1];
      if (last && (last[last.length - 1] ?? 0) - y <= 1.2 * pitch) last.push(y);
      else texts.push([y]);
    }
    const centres = texts.map((t) => ((t[0] ?? 0) + (t[t.length - 1] ?? 0)) / 2);
    // (the rest of a row cut at the page break, atop the rows, has no category: the first category is the next row's)
    let start = cutRest ? 1 : 0;
    centres.forEach((t, k) => {
      const next = centres[k + 1];
      const lastRow = next === undefined ? cuts.length : Math.max(rowOf(t), rowOf(next) - 1);
      let end = Math.max(start, rowOf(t));
      for (let e = end; e <= lastRow; e++) {
        const mid = (e: number) => ((bandsAt[start] ?? 0) + (bandsAt[e + 1] ?? 0)) / 2;
        if (Math.abs(mid(e) - t) < Math.abs(mid(end) - t)) end = e;
      }
      for (let r = start; r < end; r++) {
        const cut = cuts[r];
        if (cut) cut.open[c] = false;
      }
      const after = cuts[end];
      if (after && next !== undefined) after.open[c] = true;
      start = end + 1;
    });
  });
  // Two row numbers in one row: rows not set apart (no padding), which white space cannot tell apart.
  const seq = roles.indexOf('seq');
  const bounds = [Number.POSITIVE_INFINITY, ...cuts.map((c) => c.y), Number.NEGATIVE_INFINITY];
  for (let r = 0; r + 1 < bounds.length; r++) {
    const [hi = 0, lo = 0] = [bounds[r], bounds[r + 1]];
    const numbers = body
      .filter((line) => (line[0]?.y ?? 0) < hi && (line[0]?.y ?? 0) > lo)
      .flat()
      .filter((it) => columnOf(it) === Math.max(0, seq) && ROW_NUMBER.test(it.str.trim()));
    if (numbers.length >= 2) return null;
  }
  const top = headLines.length ? (headLines[0]?.[0]?.y ?? 0) + 0.9 * size + 1 : first;
  const across = (y: number) => ({ x0: left, x1: right, y0: y - 0.25, y1: y + 0.25 });
  return [
    across(top),
    ...(headLines.length ? [across(underHeader)] : []),
    ...cuts.flatMap(({ y, open: o }) =>
      o.flatMap((isOpen, c) =>
        isOpen ? [{ x0: walls[c] ?? 0, x1: walls[c + 1] ?? 0, y0: y - 0.25, y1: y + 0.25 }] : [],
      ),
    ),
    across(bottom),
    ...walls.map((x) => ({ x0: x - 0.25, x1: x + 0.25, y0: bottom, y1: top })),
  ];
}
