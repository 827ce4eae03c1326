import {
  headerRoles,
  isHeaderRoles,
  isIndicatorLevel,
  isLeaderHeader,
  isUnitCell,
  kindOf,
  looksLikeUnitName,
  roleOf,
} from './cells';

// Document blocks: the common shape every reader (.docx, .xlsx, .html, plain text) produces and the notice
// parser consumes. Defined here (pure domain) so that domain code never imports from server/; the document
// readers in src/server/platform/documents re-export these types.

/** A table cell placed on the table's grid. */
export interface Cell {
  text: string;
  /** Grid row and column (0-based) of the cell's top-left corner. */
  row: number;
  col: number;
  colSpan: number;
  /** For a merge origin: how many rows it covers (1 when not merged). */
  rowSpan: number;
  /** Set on cells that continue a vertical merge: the origin's grid position. */
  mergedFrom?: { row: number; col: number };
  /** 1-based line in the source text, when the table came from text. */
  line?: number;
}

export interface ParagraphBlock {
  type: 'p';
  text: string;
  style?: string;
  /** 1-based line in the source text, when known. */
  line?: number;
}

export interface TableBlock {
  type: 'table';
  rows: Cell[][];
  /**
   * True when the source cannot tell an empty cell from a merged one (flattened text, where a merged cell
   * "appears once and is followed by empty lines where the merged rows continue"): readers of the table
   * must decide per column whether an empty cell continues the cell above.
   */
  emptyMayBeMerged?: boolean;
  /** Name of the sheet (xlsx) or caption, when any. */
  name?: string;
  /**
   * A table rebuilt from copied text, whose grid cannot be trusted: 'rows' when each line is a row but cells
   * may be omitted or shifted; 'stream' when every cell is on its own line and row ends are lost.
   */
  loose?: 'rows' | 'stream';
}

export type DocBlock = ParagraphBlock | TableBlock;

/** The cells of a table rebuilt from text: one unmerged cell per text, with the source line it came from. */
function textCells(rows: readonly (readonly { text: string; line: number }[])[]): Cell[][] {
  return rows.map((r, ri) =>
    r.map((c, ci) => ({ text: c.text, row: ri, col: ci, colSpan: 1, rowSpan: 1, line: c.line })),
  );
}

/** A table rebuilt from copied text that ends before line `end`; fewer than two rows are no table. */
function looseTable(
  rows: { text: string; line: number }[][],
  loose: 'rows' | 'stream',
  end: number,
): { block: TableBlock; end: number } | null {
  if (rows.length < 2) return null;
  return { end, block: { type: 'table', loose, rows: textCells(rows) } };
}

/** Rows read one line each: every cell takes its row's line. */
const lineRows = (rows: readonly { cells: string[]; line: number }[]) =>
  rows.map((r) => r.cells.map((text) => ({ text, line: r.line })));

/** Cells indexed by grid position; a merged area maps every covered position to its origin cell. */
export function tableGrid(table: TableBlock): (Cell | undefined)[][] {
  const grid: (Cell | undefined)[][] = [];
  const origins = new Map<string, Cell>();
  for (const row of table.rows) for (const c of row) if (!c.mergedFrom) origins.set(`${c.row}:${c.col}`, c);
  table.rows.forEach((row, r) => {
    const line: (Cell | undefined)[] = [];
    for (const c of row) {
      const origin = c.mergedFrom ? (origins.get(`${c.mergedFrom.row}:${c.mergedFrom.col}`) ?? c) : c;
      for (let k = 0; k < c.colSpan; k++) line[c.col + k] = origin;
    }
    grid[r] = line;
  });
  return grid;
}

/** Paragraphs and table cells as lines (tables: one line per cell, in reading order, merged areas once). */
export function blocksToText(blocks: DocBlock[]): string {
  const out: string[] = [];
  for (const b of blocks) {
    if (b.type === 'p') {
      out.push(b.text);
      continue;
    }
    for (const row of b.rows) {
      for (const c of row) if (!c.mergedFrom && c.text.trim() !== '') out.push(c.text);
    }
  }
  return out.join('\n');
}

const CELL_SEP = /\t|\|/;

/** A line of only pipes: a cell or row separator of a table copied from a web page. */
function isPipesOnly(line: string): boolean {
  return /^\s*[|｜]+\s*$/.test(line);
}

/** A cell written on its own line, as web pages copy: "工作任务 |", "工作任务" or "一、… | ||". */
function ownLineCell(line: string): string {
  return line
    .trim()
    .replace(/(?:\s*[|｜])+\s*$/, '')
    .trim();
}

/**
 * "2.权力清单信息公开 | ||", "各设区市 | |": a cell line ending in more than one pipe is the last cell its row
 * shows; the pipes after it stand for the row's other cells, left out because they are merged with the cells
 * above.
 */
function closesRow(line: string): boolean {
  return /[^|｜\s](?:\s*[|｜]){2,}\s*$/.test(line.trim());
}

/**
 * A table whose cells are each on their own line (copied from a web page), recognised by its header: a run
 * of short column labels naming at least the task and the units ("工作任务 / 具体要求 / 责任科室 / 时限要求";
 * a label broken over two lines, "目标 / 任务", is still a label). Lines of two or more pipes end a row.
 * The table runs to the end of the text, or to a line that starts what follows a table (附件, 联系人, a date).
 */
function streamTable(lines: string[], start: number): { block: TableBlock; end: number } | null {
  const header: RawCell[] = [];
  let spaced = false;
  let dueByCells = false;
  let i = start;
  while (i < lines.length) {
    const l = lines[i] ?? '';
    if (isPipesOnly(l)) {
      if (header.length > 0 && l.replace(/[^|｜]/g, '').length >= 2) break;
      i++;
      continue;
    }
    const cell = ownLineCell(l);
    // A page that puts a blank line after every cell ("工作任务 / (blank) / 具体要求 / (blank) / …"): the blank
    // after the first label says so, and then only known column labels continue the header.
    // (a first label of its own, "领域", counts when the header turns out to name its units)
    const firstIsLabel = header.length === 1 && isColumnLabel(header[0]?.lines[0] ?? '', true);
    if (cell === '' && (spaced || firstIsLabel) && ownLineCell(lines[i + 1] ?? '') !== '') {
      spaced = true;
      i++;
      continue;
    }
    // A label may be spaced out letter by letter ("主 要 工 作 任 务"): its length is that of its letters.
    const letters = cell.replace(/[\s\u00a0\u3000]+/g, '');
    // "责任科室、单位" joins two names of one column; a 、 in any other short cell makes it content.
    const role = roleOf(cell);
    const named = role !== null && role !== 'other';
    // (a line of cells separated by pipes or tabs is a row of another kind of table)
    if (cell === '' || letters.length > 10 || /[，。；：:,;|｜\t]/.test(cell) || role === null) break;
    if (cell.includes('、') && !named) break;
    // A unit's name or a date is the signature above a table ("区政府办公室" / "2023年3月1日"), never a label.
    if (role === 'other' && (looksLikeUnitName(letters) || /\d{4}年/.test(letters))) break;
    // spaced throughout: every label after the first stands after a blank line
    // Before the units are named, a label of the table's own ("实施要点") may stand among them.
    const sofar = headerRoles(header.map((h) => h.lines[0] ?? ''));
    const unitsNamed = sofar.some((r) => r === 'lead' || r === 'responsible');
    if (spaced && (!isColumnLabel(cell, !unitsNamed) || ownLineCell(lines[i - 1] ?? '') !== '')) break;
    // Once the header has named its deadline column, only known labels (完成情况, 备注) may follow: a short
    // unknown cell ("加强行政执法信息公开") is the first row's. After the units, a label of what a column says
    // about the row ("进展情况", "督办人", "考核标准") may still come; other short text ("政策解读") is the first
    // row's.
    // A label of the table's own ("推进节奏") heads the deadline column when the rows below end in deadlines
    // (one such label: the cell after it is the first row's).
    const known = isColumnLabel(cell) || isLeaderHeader(cell);
    const tail = LABEL_TAIL.test(cell);
    const due = !known && !tail && unitsNamed && !dueByCells && deadlinesFollowUnits(lines, i + 1);
    if ((sofar.includes('deadline') || (unitsNamed && !tail && !due)) && isHeaderRoles(sofar) && !known)
      break;
    if (due) dueByCells = true;
    header.push({ lines: [cell], line: i + 1 });
    i++;
  }
  const roles = headerRoles(header.map((h) => h.lines[0] ?? ''));
  // Two labels are enough when they name the task and the units ("任务内容 / 责任科室").
  if (header.length < 2 || !isHeaderRoles(roles)) return null;
  const rows: RawCell[][] = [header];
  let row: RawCell[] = [];
  for (; i < lines.length; i++) {
    const l = lines[i] ?? '';
    const t = l.trim();
    if (/^(附件|联系人|联系电话|抄送|主送|印发)/.test(t) || /^\d{4}年\d{1,2}月\d{1,2}日$/.test(t)) break;
    if (isPipesOnly(l)) {
      if (t.replace(/[^|｜]/g, '').length >= 2 && row.length > 0) {
        rows.push(row);
        row = [];
      }
      continue;
    }
    const cell = ownLineCell(l);
    if (cell !== '') row.push({ lines: [cell], line: i + 1 });
    if (cell !== '' && closesRow(l)) {
      rows.push(row);
      row = [];
    }
  }
  if (row.length > 0) rows.push(row);
  return looseTable(
    rows.map((r) => r.map((c) => ({ text: c.lines.join('\n'), line: c.line }))),
    'stream',
    i,
  );
}

/**
 * Whether the cells on the lines from `from` on show a deadline after a row's units (a unit cell followed by a
 * deadline; a "/" may be a unit column's) at least as often as a unit cell followed by the next row's text: the
 * table has a deadline column its header did not name.
 */
function deadlinesFollowUnits(lines: string[], from: number): boolean {
  const kinds = lines
    .slice(from, from + 400)
    .map(ownLineCell)
    .filter((c) => c !== '')
    .map(kindOf);
  let due = 0;
  let text = 0;
  kinds.forEach((k, n) => {
    if (k !== 'unit') return;
    const next = kinds[n + 1];
    if (next === 'deadline') due++;
    else if (next === 'text' || next === 'heading' || next === 'seq') text++;
  });
  return due >= 1 && due >= text;
}

/** How the labels of columns that say something about a row end ("进展情况", "督办人", "考核标准", "分值"). */
const LABEL_TAIL = /(?:情况|人|说明|标准|要求|方式|形式|依据|分值|成效|类型|备注|进度|节点)$/;

/** Column labels a header may be made of, longest first (a glued header is split on them). */
const COLUMN_LABELS = [
  '工作任务',
  '任务内容',
  '具体要求',
  '具体任务',
  '工作要求',
  '工作措施',
  '贯彻举措',
  '细化分工',
  '主要内容',
  '牵头单位',
  '责任单位',
  '配合单位',
  '责任科室',
  '责任处室',
  '责任部门',
  '责任主体',
  '完成时限',
  '时限要求',
  '完成时间',
  '完成情况',
  '序号',
  '备注',
  '其他',
];

/**
 * A short cell that names a known column ("落实科室(部门)", "备注"), not just any short text; with `own`, also a
 * short label of letters only ("领域", "实施要点"), which the header's unit label must then confirm.
 */
function isColumnLabel(cell: string, own = false): boolean {
  const role = roleOf(cell);
  return (
    (role !== null && role !== 'other') ||
    COLUMN_LABELS.includes(cell) ||
    isIndicatorLevel(cell) ||
    (own && role === 'other' && /^[\u4e00-\u9fff]{2,6}$/.test(cell))
  );
}

/** "工作要求具体任务具体要求责任科室完成时限其他" → its labels; null when the line is not made of labels only. */
function gluedHeader(line: string): string[] | null {
  const t = line.replace(/[\s\u00a0\u3000]+/g, '');
  if (t.length < 8 || t.length > 60) return null;
  const labels: string[] = [];
  let rest = t;
  while (rest !== '') {
    const label = COLUMN_LABELS.find((l) => rest.startsWith(l));
    if (!label) return null;
    labels.push(label);
    rest = rest.slice(label.length);
  }
  return labels.length >= 3 && isHeaderRoles(headerRoles(labels)) ? labels : null;
}

/**
 * One row of a glued table: "一、…（一）…。1. 任务…。办公室、政策法规科常态化开展" → its cells: the headings in
 * front, the numbered task up to its last full stop, the units after it, and a deadline closing the units.
 * Null when the line does not end in units (and, when the table has a deadline column, optionally a deadline).
 */
function gluedRow(line: string, withDeadline: boolean): string[] | null {
  const t = line.trim();
  const stop = Math.max(t.lastIndexOf('。'), t.lastIndexOf('；'));
  if (stop < 0) return null;
  const body = t.slice(0, stop + 1);
  const tail = t.slice(stop + 1).trim();
  let units = tail;
  let deadline = '';
  if (withDeadline) {
    // the longest closing phrase that reads as a deadline, leaving units in front of it
    for (let k = Math.min(tail.length - 2, 20); k >= 2; k--) {
      const d = tail.slice(-k);
      const u = tail.slice(0, -k);
      if (kindOf(d) === 'deadline' && isUnitCell(u)) {
        units = u;
        deadline = d;
        break;
      }
    }
  }
  if (!isUnitCell(units)) return null;
  // headings glued in front of the numbered task: "一、…" and "(一)…。"
  const num = /(?:^|[。：:）)])\s*(\d{1,2}\s*[.．、](?!\d))/.exec(body);
  const lead = num ? body.slice(0, num.index + num[0].length - (num[1] ?? '').length) : '';
  const task = body.slice(lead.length).trim();
  const headings = lead
    .split(/(?=[一二三四五六七八九十]+、)|(?=[（(][一二三四五六七八九十]+[）)])/)
    .map((h) => h.trim())
    .filter(Boolean);
  return [...headings, task, units, ...(deadline ? [deadline] : [])];
}

/**
 * A table copied without any separator between cells: its header is the column labels run together on one line
 * ("工作要求具体任务具体要求责任科室完成时限其他"), and each row line runs its cells together. Rows are read
 * while their lines end in units (and a deadline); the table stops at the first line that does not.
 */
function gluedTable(lines: string[], start: number): { block: TableBlock; end: number } | null {
  const labels = gluedHeader(lines[start] ?? '');
  if (!labels) return null;
  const withDeadline = labels.some((l) => roleOf(l) === 'deadline');
  const rows: { cells: string[]; line: number }[] = [{ cells: labels, line: start + 1 }];
  let i = start + 1;
  for (; i < lines.length; i++) {
    const l = lines[i] ?? '';
    if (l.trim() === '') continue;
    const cells = gluedRow(l, withDeadline);
    if (!cells) break;
    rows.push({ cells, line: i + 1 });
  }
  return looseTable(lineRows(rows), 'rows', i);
}

/** A line without its surrounding spaces; tabs stay (a leading tab is an empty first cell). */
const trimSpaces = (line: string) => line.replace(/^[ \u00a0\u3000]+|[ \u00a0\u3000\r]+$/g, '');

function isRowLine(line: string): boolean {
  // "a\tb\tc" or "| a | b |" copied from a web page: at least two separators between non-empty text.
  const trimmed = trimSpaces(line);
  if (trimmed.includes('\t'))
    return trimmed.split('\t').length >= 3 && trimmed.replace(/\t/g, '').trim() !== '';
  return (
    (trimmed.match(/\|/g) ?? []).length >= 2 &&
    trimmed.replace(/[|\s-]/g, '') !== '' &&
    /\|.*\S.*\|/.test(trimmed)
  );
}

function splitRowLine(line: string): string[] {
  let t = trimSpaces(line);
  if (!t.includes('\t')) {
    t = t.trim();
    if (t.startsWith('|')) t = t.slice(1);
    if (t.endsWith('|')) t = t.slice(0, -1);
  }
  return t.split(CELL_SEP).map((s) => s.trim());
}

/** "工作任务\t责任单位", "工作任务 | 责任单位": a table of two columns starts with a header of a task and a unit label. */
function isTwoColumnHeader(line: string): boolean {
  return CELL_SEP.test(line) && isHeaderRoles(headerRoles(splitRowLine(line)));
}

/** A row of a table already started: two cells are enough once the header said what the columns are. */
function isRowIn(line: string): boolean {
  return isRowLine(line) || (CELL_SEP.test(line) && splitRowLine(line).some((c) => c !== ''));
}

/**
 * A line inside a table copied row by row that shows fewer cells: a heading written across the table
 * ("一、…" alone), or a row whose other cells are merged with those above and so left out ("…\t县财政局",
 * "政府采购信息公开"). It is a row when a full row line follows within three lines (three heading levels).
 */
function betweenRows(lines: string[], i: number): boolean {
  for (let k = i; k < Math.min(lines.length, i + 4); k++) {
    const l = lines[k] ?? '';
    if (trimSpaces(l).replace(/\t/g, '').trim() === '') return false;
    if (k > i && isRowIn(l)) return true;
  }
  return false;
}

function isMarkdownRule(line: string): boolean {
  return /^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$/.test(line);
}

interface RawCell {
  lines: string[];
  line: number;
}

/**
 * "工作任务 | 具体要求" / "| 责任单位 |": a row copied with a line break inside it. A line that separates cells
 * with a pipe but does not close with one continues on the next line when that line opens with a pipe. The
 * joined line takes the first line's place; the second becomes a bare pipe (a separator, ignored), so line
 * numbers stay those of the page.
 */
function joinBrokenRows(lines: string[]): string[] {
  const out = [...lines];
  for (let i = 0; i + 1 < out.length; i++) {
    const a = trimSpaces(out[i] ?? '');
    const b = trimSpaces(out[i + 1] ?? '');
    if (!/[^|｜\s][ \u3000]*[|｜][ \u3000]*[^|｜\s]/.test(a) || /[|｜]$/.test(a)) continue;
    if (!/^[|｜]/.test(b) || isPipesOnly(b)) continue;
    out[i] = `${a} ${b}`;
    out[i + 1] = '|';
  }
  return out;
}

/**
 * Plain text to blocks. Two table forms are recognised:
 *  - the seeds' flattened Word form: each cell is a tab-indented line, rows are separated by blank lines,
 *    a multi-line cell continues on lines that are not indented, a merged cell appears once and is followed
 *    by empty tab lines;
 *  - one row per line, cells separated by tabs or `|` (copied from a web page or a spreadsheet).
 * Everything else becomes paragraphs (one per non-empty line).
 */
export function textToBlocks(text: string): DocBlock[] {
  const lines = joinBrokenRows(text.replace(/\r\n?/g, '\n').split('\n'));
  const blocks: DocBlock[] = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i] ?? '';
    if (line.startsWith('\t') && !isRowLine(line)) {
      const end = flattenedTableEnd(lines, i);
      blocks.push(flattenedTable(lines, i, end));
      i = end;
      continue;
    }
    if (isRowLine(line) || isTwoColumnHeader(line)) {
      const start = i;
      const rows: { cells: string[]; line: number }[] = [];
      while (
        i < lines.length &&
        (isRowLine(lines[i] ?? '') ||
          isMarkdownRule(lines[i] ?? '') ||
          isPipesOnly(lines[i] ?? '') ||
          (i === start && isTwoColumnHeader(lines[i] ?? '')) ||
          (i > start && (isRowIn(lines[i] ?? '') || betweenRows(lines, i))))
      ) {
        const l = lines[i] ?? '';
        if (!isMarkdownRule(l) && !isPipesOnly(l)) rows.push({ cells: splitRowLine(l), line: i + 1 });
        i++;
      }
      if (rows.length >= 2) {
        blocks.push({
          type: 'table',
          loose: 'rows',
          emptyMayBeMerged: true,
          rows: textCells(lineRows(rows)),
        });
        continue;
      }
      i = start;
    }
    const glued = gluedTable(lines, i);
    if (glued) {
      blocks.push(glued.block);
      i = glued.end;
      continue;
    }
    const stream = streamTable(lines, i);
    if (stream) {
      blocks.push(stream.block);
      i = stream.end;
      continue;
    }
    const t = line.replace(/\u00a0/g, ' ').trim();
    if (t !== '' && !isPipesOnly(t)) blocks.push({ type: 'p', text: t, line: i + 1 });
    i++;
  }
  // The line breaks of cells Excel quoted (joinQuotedCells) are line breaks again, inside their cells.
  if (!text.includes(CELL_BREAK)) return blocks;
  const back = (s: string) => s.replaceAll(CELL_BREAK, '\n');
  return blocks.map((b) =>
    b.type === 'p'
      ? { ...b, text: back(b.text) }
      : { ...b, rows: b.rows.map((r) => r.map((c) => ({ ...c, text: back(c.text) }))) },
  );
}

/** Stands for a line break inside a quoted cell while the text is handled line by line (a private-use character). */
export const CELL_BREAK = '\ue000';

/**
 * Cells copied from Excel or WPS: the clipboard's text is tab-separated, and a cell holding line breaks, tabs or
 * quotes is written in double quotes (a quote inside doubled). Such a cell becomes one line, its breaks marked by
 * CELL_BREAK, so that each row of the sheet is one line of text. A quote that does not open a cell so written (text
 * typed with quotes, "免申即享") is left as it is.
 */
export function joinQuotedCells(text: string): string {
  if (!text.includes('\t') || !text.includes('"')) return text;
  let out = '';
  let i = 0;
  while (i < text.length) {
    const ch = text[i] ?? '';
    const atCellStart = i === 0 || text[i - 1] === '\t' || text[i - 1] === '\n';
    if (ch === '"' && atCellStart) {
      let cell = '';
      let j = i + 1;
      let closed = false;
      while (j < text.length) {
        const c = text[j] ?? '';
        if (c === '"' && text[j + 1] === '"') {
          cell += '"';
          j += 2;
          continue;
        }
        if (c === '"') {
          closed = j + 1 >= text.length || /[\t\r\n]/.test(text[j + 1] ?? '');
          break;
        }
        cell += c;
        j++;
      }
      if (closed && /[\n\t"]/.test(cell)) {
        out += cell.replace(/\r?\n/g, CELL_BREAK).replace(/\t/g, ' ');
        i = j + 1;
        continue;
      }
    }
    out += ch;
    i++;
  }
  return out;
}

/** A flattened table runs until a non-indented line that follows a blank line (a paragraph after the table). */
function flattenedTableEnd(lines: string[], start: number): number {
  let i = start;
  let blank = false;
  while (i < lines.length) {
    const l = lines[i] ?? '';
    if (l.startsWith('\t')) blank = false;
    else if (l.trim() === '') blank = true;
    else if (blank) {
      // Step back over the blank lines so they are not part of the table.
      let j = i;
      while (j > start && (lines[j - 1] ?? '').trim() === '') j--;
      return j;
    }
    i++;
  }
  return i;
}

function flattenedTable(lines: string[], start: number, end: number): TableBlock {
  // Group cells into blank-line separated groups.
  const groups: RawCell[][] = [];
  let cur: RawCell[] = [];
  for (let i = start; i < end; i++) {
    const l = lines[i] ?? '';
    if (l.startsWith('\t')) {
      cur.push({ lines: [l.slice(1)], line: i + 1 });
    } else if (l.trim() === '') {
      if (cur.length > 0) groups.push(cur);
      cur = [];
    } else {
      const last = cur[cur.length - 1];
      if (last) last.lines.push(l);
      else cur.push({ lines: [l], line: i + 1 }); // cannot happen after a tab line; keep the text anyway
    }
  }
  if (cur.length > 0) groups.push(cur);
  // The row width is the most frequent group size. A group shorter than that followed by a group that
  // completes it is one row whose cell held an empty paragraph (seed 001 shows this once).
  const counts = new Map<number, number>();
  for (const g of groups) counts.set(g.length, (counts.get(g.length) ?? 0) + 1);
  let width = 0;
  let best = 0;
  for (const [w, n] of counts) if (n > best || (n === best && w > width)) [width, best] = [w, n];
  const rows: RawCell[][] = [];
  for (let g = 0; g < groups.length; g++) {
    let row = groups[g] ?? [];
    while (
      row.length < width &&
      g + 1 < groups.length &&
      row.length + (groups[g + 1]?.length ?? 0) <= width
    ) {
      row = row.concat(groups[g + 1] ?? []);
      g++;
    }
    rows.push(row);
  }
  return {
    type: 'table',
    emptyMayBeMerged: true,
    rows: textCells(
      rows.map((r) =>
        r.map((c) => ({
          text: c.lines
            .map((x) => x.replace(/\u00a0/g, ' ').trim())
            .filter((x) => x !== '')
            .join('\n'),
          line: c.line,
        })),
      ),
    ),
  };
}
