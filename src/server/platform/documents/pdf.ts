// Text PDFs of notices: the text layer read with pdfjs-dist (items on one baseline form a line, a wide gap or a
// table's vertical rule separates cells). Tables drawn with rules are rebuilt from the rules (ruledPage); other
// tables from the positions of the text (a line that fills few columns under a header continues the row above);
// lines of text are joined back into the paragraphs they were wrapped from (paragraphs). The result is text in
// the copied-table form ("| a | b | c |") that the notice parser reads. Scans (no text layer) and very long files
// are refused.

import {
  type Cell as BlockCell,
  CELL_BREAK,
  type DocBlock,
  type TableBlock,
  textToBlocks,
} from '../../../domain/tasks/blocks';
import { headerRoles, isHeaderRoles, looksLikeUnitName, splitOutside } from '../../../domain/tasks/cells';
import { cleanPageText } from '../../../domain/tasks/page-text';
import { unifiedIdeographs } from '../../../domain/text/radicals';
import { documentError } from './errors';
import { type Box, replayPage } from './pdf-covered';

export const MAX_PDF_PAGES = 200;

interface Item {
  x: number;
  y: number;
  end: number;
  size: number;
  str: string;
}

interface Cell {
  x: number;
  end: number;
  text: string;
}

/** A line of a page: its baseline and its cells, left to right. */
export interface Line {
  y: number;
  /** The font size of its first item. */
  size: number;
  cells: Cell[];
}

/** A line of text outside tables, with where it starts and ends: wrapped lines are joined into paragraphs. */
interface TextLine {
  x: number;
  end: number;
  size: number;
  text: string;
  page: number;
}

const textLine = (line: Line, page: number): TextLine => ({
  x: line.cells[0]?.x ?? 0,
  end: Math.max(0, ...line.cells.map((c) => c.end)),
  size: line.size,
  text: line.cells.map((c) => c.text).join(' '),
  page,
});

const isHorizontal = (b: Box) => b.y1 - b.y0 <= 3 && b.x1 - b.x0 >= 8;
const isVertical = (b: Box) => b.x1 - b.x0 <= 3 && b.y1 - b.y0 >= 8;

/** A page's lines (top to bottom) and the rules its tables are drawn with (pdf-covered `replayPage`). */
export interface Page {
  lines: Line[];
  rules: Box[];
}

/**
 * Items of one page grouped into lines (top to bottom), each line split into cells at wide gaps and at the
 * vertical rules of a table (narrow cells such as "序号" stand close to the next).
 */
function pageLines(items: Item[], rules: Box[] = []): Line[] {
  const walls = rules.filter(isVertical);
  const wallBetween = (a: number, b: number, y: number) =>
    walls.some((w) => w.x0 >= a - 1 && w.x1 <= b + 1 && w.y0 <= y && w.y1 >= y);
  const sorted = [...items].sort((a, b) => b.y - a.y || a.x - b.x);
  const lines: Item[][] = [];
  for (const it of sorted) {
    const line = lines[lines.length - 1];
    const ref = line?.[0];
    if (line && ref && Math.abs(ref.y - it.y) <= Math.max(2, ref.size * 0.4)) line.push(it);
    else lines.push([it]);
  }
  return lines.map((line) => {
    const cells: Cell[] = [];
    for (const it of line.sort((a, b) => a.x - b.x)) {
      const last = cells[cells.length - 1];
      // A gap wider than about one and a half characters separates table cells.
      if (last && it.x - last.end <= Math.max(6, it.size * 1.5) && !wallBetween(last.end, it.x, it.y)) {
        // (a space the text layer left out shows as a gap: kept after a Latin stop, "2. 积极"; the gap a word
        // processor puts between digits and Chinese, "2021 年", is no space)
        const spaced = it.x - last.end >= 0.2 * it.size && /[.,:;!?)]$/.test(last.text);
        last.text += `${spaced ? ' ' : ''}${it.str}`;
        last.end = Math.max(last.end, it.end);
      } else cells.push({ x: it.x, end: it.end, text: it.str });
    }
    return {
      y: line[0]?.y ?? 0,
      size: line[0]?.size ?? 10,
      cells: cells.filter((c) => c.text.trim() !== ''),
    };
  });
}

/** Index of the header column a cell starts under. */
function columnOf(x: number, starts: number[]): number {
  let k = 0;
  for (let i = 0; i < starts.length; i++) if (x >= (starts[i] ?? 0) - 4) k = i;
  return k;
}

const pipeRow = (cells: string[]) => `| ${cells.map((c) => c.trim().replace(/\|/g, '｜')).join(' | ')} |`;

/** Positions (rules' middles) within 2 points of each other are one; sorted ascending. */
function positions(values: number[]): number[] {
  const out: number[] = [];
  for (const v of [...values].sort((a, b) => a - b))
    if (out.length === 0 || v - (out[out.length - 1] ?? 0) > 2) out.push(v);
  return out;
}

interface Span {
  a: number;
  b: number;
  text: string;
  /** No top rule: merged with the cell above. */
  continues: boolean;
  /** Where its last line ends, that line's size and baseline; how far its lines start from its left side. */
  end: number;
  size: number;
  y: number;
  pad: number;
}

interface Band {
  /** The cells between the vertical rules that cross the band, left to right. */
  spans: Span[];
  /** The first row under the header on a page after the first: an empty cell there may be merged from above. */
  pageTop?: boolean;
  /** Where its bottom rule stands. */
  bottom: number;
}

const OPENING = '《「『“‘（(【〔〈';
const CLOSING = '》」』”’）)】〕〉，。、；：！？…%·,.;:!?';

/**
 * How much of a line's start would have gone down with its first letter: a word processor never ends a line with
 * an opening mark nor starts one with a closing mark or a comma, and keeps a number or a Latin word whole, so the
 * line above may stop that much (and a little) short of the cell's side although it was wrapped ("…目标纲" over
 * "要》，做好…").
 */
export function headWidth(next: string, size: number): number {
  const t = next.trim();
  const latin = /^[A-Za-z0-9.:/_%-]+/.exec(t)?.[0].length ?? 0;
  let k = 0;
  while (k < t.length && OPENING.includes(t[k] ?? '')) k++;
  const width = latin > 0 ? latin * 0.55 * size : (k + 1) * size;
  let i = latin > 0 ? latin : k + 1;
  let closing = 0;
  while (i < t.length && CLOSING.includes(t[i] ?? '')) {
    closing++;
    i++;
  }
  return width + closing * size;
}

/**
 * A cell's last line ran to its right side, so its paragraph goes on in `next`: it ended within the width of
 * `next`'s unbreakable start (and a letter and a half) of the text's right edge, the cell's side less its padding
 * (taken as the left one, as far as a word processor pads: a centred line is not "wrapped").
 */
const wrapsOn = (s: Span, next: string, nextPad = s.pad) =>
  s.text !== '' &&
  s.end >= s.b - Math.min(s.pad, nextPad, 6) - headWidth(next, s.size) - 1.5 * s.size &&
  // (the next numbered item or heading starts a paragraph: "…栏目。" / "2．认真…", "二、…公开" / "三、…"; a
  // sentence may run on into a list, "（公开路径：" / "1．政府网站…", and a word may break before "一、": "集中统" /
  // "一、共享共用")
  !(
    NUMBERED.test(next.trim()) &&
    (/[。；;！？]$/.test(s.text) || nextItem(s.text.split(CELL_BREAK).at(-1) ?? '', next))
  );

/**
 * A page whose tables are drawn with rules, read band by band: a band runs from one horizontal rule to the next,
 * its cells lie between the vertical rules that cross it, and each cell's text is every line inside it (a cell
 * centred, wrapped, or a header label broken over two lines). A cell whose top rule is missing is merged with the
 * one above: its text, wherever it was centred, goes to the first cell of the merge and the rest are left empty,
 * as the parser reads empty cells of copied tables. Under a header, a unit or deadline cell with its own top rule
 * and nothing in it is "/" (none). Lines outside the bands are lines of text. Null when the page has no table
 * drawn with rules both ways.
 */
function ruledPage(page: Page, pageNo: number): (TextLine | Band)[] | null {
  const vs = page.rules.filter(isVertical);
  // A table's horizontal rule runs from one vertical rule to another; an underline (a link, a title) does not.
  const onWall = (x: number) => vs.some((w) => Math.abs((w.x0 + w.x1) / 2 - x) <= 3);
  const hs = page.rules.filter((r) => isHorizontal(r) && onWall(r.x0) && onWall(r.x1));
  if (hs.length < 2 || vs.length < 2) return null;
  const ys = positions(hs.map((r) => (r.y0 + r.y1) / 2)).reverse();
  const bandOf = (y: number) => {
    for (let k = 0; k + 1 < ys.length; k++) {
      const [top = 0, bottom = 0] = [ys[k], ys[k + 1]];
      if (y < top && y > bottom) return k;
    }
    return -1;
  };
  const bands = new Map<number, Band>();
  const band = (k: number): Band | null => {
    const found = bands.get(k);
    if (found) return found;
    const [top = 0, bottom = 0] = [ys[k], ys[k + 1]];
    const mid = (top + bottom) / 2;
    const xs = positions(vs.filter((r) => r.y0 <= mid && r.y1 >= mid).map((r) => (r.x0 + r.x1) / 2));
    if (xs.length < 2) return null;
    const covers = (x: number) =>
      hs.some((r) => Math.abs((r.y0 + r.y1) / 2 - top) <= 2 && r.x0 <= x && r.x1 >= x);
    const made: Band = {
      spans: xs.slice(1).map((b, i) => {
        const a = xs[i] ?? 0;
        return { a, b, text: '', continues: !covers((a + b) / 2), end: a, size: 0, y: 0, pad: 99 };
      }),
      bottom,
    };
    bands.set(k, made);
    return made;
  };
  // In reading order: lines of text, and each band once, where its first line stands.
  const order: (TextLine | Band)[] = [];
  for (const line of page.lines) {
    const { y, cells } = line;
    const k = bandOf(y);
    const b = k >= 0 ? band(k) : null;
    if (!b) {
      order.push(textLine(line, pageNo));
      continue;
    }
    if (!order.includes(b)) order.push(b);
    for (const c of cells) {
      const span = b.spans.find((s) => (c.x + c.end) / 2 >= s.a && (c.x + c.end) / 2 <= s.b);
      if (!span) continue;
      // A line that stopped short of the cell's right side ended its paragraph ("区财政局" over "区审计局", one
      // measure over the next): a line break inside the cell; a line that ran to it was wrapped.
      const piece = c.text.trim();
      const pad = Math.min(span.pad, c.x - span.a);
      const sameLine = span.text !== '' && Math.abs(span.y - line.y) <= 2;
      const wrapped = sameLine || span.text === '' || wrapsOn(span, piece, pad);
      span.text += `${wrapped ? '' : CELL_BREAK}${piece}`;
      span.end = c.end;
      span.size = line.size;
      span.y = line.y;
      span.pad = pad;
    }
  }
  // A merged cell's text goes to the first of its cells (the band above with the same column).
  const list = order.filter((o): o is Band => 'spans' in o);
  list.forEach((b, i) => {
    for (const s of b.spans) {
      if (!s.continues || s.text === '') continue;
      const centre = (s.a + s.b) / 2;
      for (let j = i - 1; j >= 0; j--) {
        const up = list[j]?.spans.find((u) => u.a <= centre && u.b >= centre);
        if (!up) break;
        if (!up.continues) {
          up.text += s.text;
          s.text = '';
          break;
        }
      }
    }
  });
  return order;
}

const isHeaderBand = (b: Band) =>
  b.spans.length >= 2 && isHeaderRoles(headerRoles(b.spans.map((s) => s.text)));
const isBand = (o: unknown): o is Band => typeof o === 'object' && o !== null && 'spans' in o;

/**
 * A row that a page break cut in two (a word processor lets a row break across pages): the first row under the
 * repeated header of the new page goes on with the last row of the page before when that row ended its page and
 * was cut — a cell's last line at the bottom of the table ran to the cell's side, a unit's name was cut in two
 * ("区规划自然" / "资源局"), a numbered list goes on — and nothing on the new page starts afresh. A merged cell's text
 * that ran on goes back to where it started; one printed again on the new page is not repeated. True when `next`
 * was joined to `prev` (or had nothing left of its own).
 */
function joinAcrossPages(prev: Band, next: Band, above: Band[]): boolean {
  const same =
    prev.spans.length === next.spans.length &&
    prev.spans.every(
      (s, k) =>
        Math.abs(s.a - (next.spans[k]?.a ?? -99)) <= 3 && Math.abs(s.b - (next.spans[k]?.b ?? -99)) <= 3,
    );
  if (!same) return false;
  // The cell a column's text on the new page would go on from: the row's own, or the first of a merged cell
  // (whose text was moved there).
  const owner = (k: number): Span | undefined => {
    for (const b of [prev, ...above]) {
      const u = b.spans[k];
      if (!u) return undefined;
      if (u.text !== '' || !u.continues) return u.text !== '' || b === prev ? u : undefined;
    }
    return undefined;
  };
  const lastParagraph = (s: Span) => s.text.split(CELL_BREAK).at(-1) ?? '';
  // A paragraph goes on in the new page's cell. Between unit names only when the line stopped inside a name: a
  // cell one name wide is full with "县财政局" over "县市场监管局" ("区财政局、区级" / "各部门（单位）", "各乡镇街" /
  // "委。" go on). A narrow cell that says again what it said ("及时公开") is the next row's.
  const named = (last: string, n: string) =>
    looksLikeUnitName(splitOutside(last).at(-1) ?? '') || looksLikeUnitName(splitOutside(n)[0] ?? '');
  const goesOn = (k: number) => {
    const o = owner(k);
    const n = next.spans[k]?.text ?? '';
    if (!o || n === '' || n === lastParagraph(o)) return false;
    // (a cell the break cut is full to the bottom of the page's table, one that ended above it was whole; a
    // merged cell's text, which a word processor may break off a few lines short, runs on only from more than one
    // line near the bottom: "执法信息" centred in its merge is not continued by the next group's "平台建设")
    const gap = o.y - prev.bottom;
    const own = o === prev.spans[k];
    if (own ? gap > 1.5 * o.size + 6 : gap > 4 * o.size || o.text.length * o.size < 1.5 * (o.b - o.a))
      return false;
    return (!named(lastParagraph(o), n) || cutName(lastParagraph(o), n)) && wrapsOn(o, n, next.spans[k]?.pad);
  };
  const append = (o: Span, n: Span, wrapped: boolean) => {
    o.text += `${o.text === '' || wrapped ? '' : CELL_BREAK}${n.text}`;
    o.end = n.end;
    o.size = n.size;
    n.text = '';
  };
  // A merged cell's text that ran on to the new page goes back to the cell it started in, whether or not the
  // row was cut ("一、围绕…加" / "强用权公开").
  next.spans.forEach((n, k) => {
    const o = owner(k);
    if (o && o !== prev.spans[k] && goesOn(k)) append(o, n, true);
  });
  if (next.spans.every((n) => n.text === '')) return true;
  const shown = (k: number) => owner(k)?.text;
  const widths = prev.spans.map((u) => u.b - u.a);
  const taskColumn = widths.indexOf(Math.max(...widths));
  // The row was cut: a cell's paragraph goes on, or its numbered list does ("3．…" / "4．…") while the task's and
  // later cells show nothing else (a notice may number its rows too, each with its units)…
  const listGoesOn = (k: number) =>
    nextItem(lastParagraph(prev.spans[k] as Span), next.spans[k]?.text ?? '') &&
    next.spans.every((n, j) => j === k || j < taskColumn || n.text === '');
  const evidence = prev.spans.findIndex(
    (_, k) => (next.spans[k]?.text ?? '') !== '' && (goesOn(k) || listGoesOn(k)),
  );
  // …and nothing on the new page starts afresh: a group's cell (left of the widest column, the task's) goes on,
  // is empty or repeats a merged cell's text; the task's and later cells go on or are empty (a new row brings its
  // own units: "…职责" at the bottom then "建设政策咨询库…" with units is a row of its own).
  // (a unit's name cut in two or a list going on is sure: the task's cell may start a new paragraph there)
  const byName = prev.spans.some(
    (u, k) => listGoesOn(k) || (goesOn(k) && named(lastParagraph(u), next.spans[k]?.text ?? '')),
  );
  const fits = next.spans.every(
    (n, k) =>
      n.text === '' ||
      k === evidence ||
      goesOn(k) ||
      (k < taskColumn ? n.text === shown(k) : k === taskColumn && byName),
  );
  if (evidence < 0 || !fits) return false;
  prev.spans.forEach((s, k) => {
    const n = next.spans[k];
    if (!n || n.text === '') return;
    const wrapped = goesOn(k);
    if (!wrapped && n.text === shown(k)) return;
    append(s, n, wrapped);
  });
  return true;
}

/** Two lines of a unit cell that split one name between them: either side is no whole name ("各乡镇街" / "委。",
 *  "区公共资源交易中心" / "等部门（单位）", "…交易中心等" / "部门（单位）"). */
export function cutName(last: string, next: string): boolean {
  const tail = splitOutside(last).at(-1) ?? '';
  const head = splitOutside(next)[0] ?? '';
  // (a list closed by a full stop is whole: "…各乡镇街委。" / "通川生态环境局、…"; one that ends on a comma goes on)
  if (/[。；;]$/.test(last)) return false;
  if (/[、，,]$/.test(last)) return true;
  // (a level without its body is half a name: "各县(市、区)" / "人民政府(管委会)")
  if (/^各.*(?:县|市|区|乡|镇|旗|街道)$/.test(tail.replace(/[（(][^）)]*[）)]$/, ''))) return true;
  // (a government's office or departments are one name: "区政府" / "办公室", "县政府" / "各部门")
  if (/(?:政府|委员会|党委)$/.test(tail) && /^(?:办公室|各|有关|所属|直属)/.test(head)) return true;
  // (two letters ending as a name does are the end of one: "街道办" / "事处")
  const whole = (name: string) => looksLikeUnitName(name) && name.length >= 3;
  return !whole(tail) || !whole(head.replace(/[。；;]$/, '')) || /等$/.test(tail) || /^等/.test(head);
}

const ITEM =
  /^(?:([（(])(\d{1,2}|[一二三四五六七八九十]{1,3})[）)]|(\d{1,2}|[一二三四五六七八九十]{1,3})([.．、]))/;
const CHINESE_DIGITS = '一二三四五六七八九';

/** 1–99 from "3" or "三", "十二", "二十一". */
function itemNumber(s: string): number {
  if (/^\d+$/.test(s)) return Number(s);
  const [tens = '', ones = ''] = s.includes('十') ? s.split('十') : ['', s];
  const digit = (c: string) => CHINESE_DIGITS.indexOf(c) + 1;
  return (s.includes('十') ? (tens === '' ? 1 : digit(tens)) * 10 : 0) + (ones === '' ? 0 : digit(ones));
}

/** `next` starts the item after the one `last` starts, numbered alike ("3．" then "4．", "（二）" then "（三）"). */
export function nextItem(last: string, next: string): boolean {
  const a = ITEM.exec(last.trim());
  const b = ITEM.exec(next.trim());
  if (!a || !b) return false;
  const n = (m: RegExpExecArray) => itemNumber(m[2] ?? m[3] ?? '');
  const form = (m: RegExpExecArray) =>
    `${m[1] ? 'bracket' : (m[4] ?? '')}${/\d/.test(m[2] ?? m[3] ?? '') ? 'digits' : 'chinese'}`;
  return n(b) === n(a) + 1 && form(a) === form(b);
}

/**
 * Bands to copied-table rows ("| a | b | c |"), in order. Under a header, a unit or deadline cell with its own
 * top rule and nothing in it is "/" (none), except in a page's first row, where it may be merged from the page
 * before (its top rule is the repeated header's).
 */
function bandRows(entries: (string | TextLine | Band)[]): (string | TextLine)[] {
  let roles: ReturnType<typeof headerRoles> | null = null;
  return entries.map((o) => {
    if (!isBand(o)) return o;
    const texts = o.spans.map((s) => s.text);
    if (isHeaderBand(o)) {
      roles = headerRoles(texts);
      return pipeRow(texts);
    }
    const valued = (k: number) => ['lead', 'responsible', 'deadline'].includes(roles?.[k] ?? '');
    const aligned = roles?.length === texts.length && texts.some((t) => t !== '') && !o.pageTop;
    return pipeRow(
      o.spans.map((s, k) => (aligned && s.text === '' && !s.continues && valued(k) ? '/' : s.text)),
    );
  });
}

/**
 * Lines of all pages to text. Pages whose tables are drawn with rules are read by them (ruledPage). Elsewhere,
 * under a table header, a line that fills few columns continues the row above, as a wrapped cell does.
 */
export function linesToText(pages: Page[]): string {
  return paragraphs(bandRows(pageEntries(pages))).join('\n');
}

/**
 * The PDF as document blocks: a table drawn with rules with its exact cells, as a .docx gives them (merged cells
 * continue their origin; a header cell spans the columns of the rows below it), the rest as text read the way
 * pasted text is. A repeated header at a page break is left out; an empty cell in a page's first row, or one
 * that repeats the cell above it, continues the merge from the page before.
 */
export function linesToBlocks(pages: Page[]): DocBlock[] {
  const bands: Band[] = [];
  const MARK = '\u0000band:';
  const marked = pageEntries(pages).map((e) => (isBand(e) ? `${MARK}${bands.push(e) - 1}` : e));
  const blocks: DocBlock[] = [];
  let text: string[] = [];
  let table: Band[] = [];
  const flushText = () => {
    if (text.length > 0) blocks.push(...textToBlocks(cleanPageText(text.join('\n'))));
    text = [];
  };
  const flushTable = () => {
    if (table.length > 0) blocks.push(bandsToTable(table));
    table = [];
  };
  for (const line of paragraphs(marked)) {
    const band = line.startsWith(MARK) ? bands[Number(line.slice(MARK.length))] : undefined;
    if (!band) {
      flushTable();
      text.push(line);
      continue;
    }
    flushText();
    const last = table[table.length - 1];
    if (last && !sameFrame(last, band)) flushTable();
    table.push(band);
  }
  flushTable();
  flushText();
  return blocks;
}

/** Two bands of one table: its left and right sides stand where they stood. */
const sameFrame = (x: Band, y: Band) =>
  Math.abs((x.spans[0]?.a ?? 0) - (y.spans[0]?.a ?? 0)) <= 6 &&
  Math.abs((x.spans.at(-1)?.b ?? 0) - (y.spans.at(-1)?.b ?? 0)) <= 6;

function bandsToTable(bands: Band[]): TableBlock {
  // The table's grid: every place a vertical rule stands in one of its bands.
  const xs = positions(bands.flatMap((b) => b.spans.flatMap((s) => [s.a, s.b])));
  const column = (x: number) => {
    let k = 0;
    xs.forEach((v, i) => {
      if (Math.abs(v - x) < Math.abs((xs[k] ?? 0) - x)) k = i;
    });
    return k;
  };
  const header = bands.find(isHeaderBand);
  const headerKey = header ? header.spans.map((s) => s.text).join('|') : null;
  const rows: BlockCell[][] = [];
  for (const band of bands) {
    // (the header a word processor repeats atop each page)
    if (band !== header && headerKey !== null && band.spans.map((s) => s.text).join('|') === headerKey)
      continue;
    const r = rows.length;
    const cells: BlockCell[] = band.spans.map((s) => {
      const col = column(s.a);
      return {
        text: s.text.replaceAll(CELL_BREAK, '\n'),
        row: r,
        col,
        colSpan: Math.max(1, column(s.b) - col),
        rowSpan: 1,
      };
    });
    for (const cell of cells) {
      const above = rows[r - 1]?.find((c) => c.col === cell.col && c.colSpan === cell.colSpan);
      const from = above?.mergedFrom ?? above;
      const origin = from && rows[from.row]?.find((c) => c.col === from.col);
      const span = band.spans[cells.indexOf(cell)];
      if (!origin || !span) continue;
      const merged =
        (span.continues && cell.text === '') ||
        (band.pageTop === true && (cell.text === '' || cell.text === origin.text));
      if (!merged) continue;
      origin.rowSpan++;
      cell.mergedFrom = { row: origin.row, col: origin.col };
      cell.text = '';
    }
    rows.push(cells);
  }
  return { type: 'table', rows };
}

/** Entries of all pages in reading order: lines of text, rows of tables found from text positions ("| a | b |"),
 *  and the bands of tables drawn with rules. */
function pageEntries(pages: Page[]): (string | TextLine | Band)[] {
  const out: (string | TextLine | Band)[] = [];
  let starts: number[] | null = null;
  let row: string[] | null = null;
  const flushRow = () => {
    if (row) out.push(pipeRow(row));
    row = null;
  };
  pages.forEach((page, pageNo) => {
    const byRules = ruledPage(page, pageNo);
    if (byRules) {
      flushRow();
      starts = null;
      // The table goes on from the page before when that page ended with a row (page numbers aside) and this one
      // starts with one (under the repeated header).
      const furniture = (o: unknown) =>
        !isBand(o) && typeof o !== 'string' && PAGE_NUMBER.test((o as TextLine).text.trim());
      const last = out.findLastIndex((o) => !furniture(o));
      const prev = out[last];
      const first = byRules.find((o) => !furniture(o) && !(isBand(o) && isHeaderBand(o)));
      if (isBand(prev) && !isHeaderBand(prev) && isBand(first)) {
        first.pageTop = true;
        const above = out.slice(0, last).filter(isBand).reverse();
        // (joined: the header repeated above it goes too, so that a row cut over three pages joins again below)
        if (joinAcrossPages(prev, first, above))
          byRules.splice(
            0,
            byRules.indexOf(first) + 1,
            ...byRules.slice(0, byRules.indexOf(first)).filter((o) => !isBand(o)),
          );
      }
      out.push(...byRules);
      return;
    }
    for (const line of page.lines) {
      const { cells } = line;
      if (cells.length === 0) continue;
      const roles = headerRoles(cells.map((c) => c.text));
      if (cells.length >= 2 && isHeaderRoles(roles)) {
        flushRow();
        starts = cells.map((c) => c.x);
        out.push(pipeRow(cells.map((c) => c.text)));
        continue;
      }
      if (!starts) {
        out.push(textLine(line, pageNo));
        continue;
      }
      const cols: number[] = starts;
      const placed = new Map<number, string>();
      for (const c of cells) {
        const k = columnOf(c.x, cols);
        placed.set(k, (placed.get(k) ?? '') + c.text.trim());
      }
      // A row starts where its number is, or where it fills half the columns; else a wrapped line continues it.
      if (placed.has(0) || placed.size * 2 >= cols.length || row === null) {
        flushRow();
        row = cols.map((_, k) => placed.get(k) ?? '');
      } else {
        const r: string[] = row;
        for (const [k, t] of placed) r[k] = `${r[k] ?? ''}${t}`;
      }
    }
  });
  flushRow();
  return out;
}

/** A page number printed in the footer ("- 3 -", "— 3 —", "第3页"): page furniture, never text of the notice. */
const PAGE_NUMBER =
  /^(?:[-—－–]\s*\d{1,3}\s*[-—－–]|第\s*\d{1,3}\s*页(?:\s*[,，/]?\s*共\s*\d{1,3}\s*页)?|\d{1,3})$/;
/** A line that starts a numbered item or heading ("一、", "（二）", "3.", "（4）"): it never continues a paragraph. */
const NUMBERED =
  /^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]{1,3}[）)]|\d{1,2}[.．、](?!\d))/;

/** The value most lines share (within `tolerance`), and the cluster's members: a page's margin or right edge. */
function commonEdge(values: number[], tolerance: number): number[] {
  const sorted = [...values].sort((a, b) => a - b);
  let best: number[] = [];
  for (let i = 0; i < sorted.length; i++) {
    const cluster = sorted.filter((v) => v >= (sorted[i] ?? 0) && v <= (sorted[i] ?? 0) + tolerance);
    if (cluster.length > best.length) best = cluster;
  }
  return best;
}

/**
 * The running header and footer a browser or word processor prints on every page ("2026/12/7 09:30 …通知",
 * "file:///…/page.html 1/4"): the first or last line of a page whose words (digits aside) stand first or last
 * on another page too.
 */
function furniture(texts: TextLine[]): Set<TextLine> {
  const key = (t: TextLine) => t.text.replace(/\d+/g, '#').replace(/\s+/g, '');
  const ends = new Map<string, Set<number>>();
  const byPage = new Map<number, TextLine[]>();
  for (const t of texts) byPage.set(t.page, [...(byPage.get(t.page) ?? []), t]);
  const edgeLines = [...byPage.values()].flatMap((lines) => [lines[0], lines[lines.length - 1]]);
  for (const t of edgeLines) if (t) ends.set(key(t), (ends.get(key(t)) ?? new Set()).add(t.page));
  return new Set(edgeLines.filter((t): t is TextLine => !!t && (ends.get(key(t))?.size ?? 0) >= 2));
}

/**
 * Lines of text joined back into the paragraphs they were wrapped from: a line continues the one before when
 * that one ran to the page's right edge of text (where most lines end) from the margin or an indent, in the same
 * size, and this one starts at the left margin (a paragraph's first line is indented, a heading starts with its
 * number), also across a page break. Page numbers and running headers and footers are dropped.
 */
function paragraphs(entries: (string | TextLine)[]): string[] {
  const all = entries.filter((e): e is TextLine => typeof e !== 'string');
  const dropped = furniture(all);
  const skip = (t: TextLine) => dropped.has(t) || PAGE_NUMBER.test(t.text.trim());
  const texts = all.filter((t) => !skip(t));
  const left = new Map<number, number>();
  const right = new Map<number, number>();
  for (const page of new Set(texts.map((t) => t.page))) {
    const lines = texts.filter((t) => t.page === page);
    const size = lines[0]?.size ?? 10;
    // The margin: the leftmost start that two lines share (a centred title starts alone); the right edge: where
    // most lines end (a justified text's full lines).
    const starts = lines.map((t) => t.x).sort((a, b) => a - b);
    const margin = starts.find((x) => starts.filter((v) => Math.abs(v - x) <= size / 2).length >= 2);
    left.set(page, margin ?? starts[0] ?? 0);
    // (an edge no two lines share is the widest line's: "附件" over a title does not run to the edge)
    const edge = commonEdge(
      lines.map((t) => t.end),
      size,
    );
    right.set(page, Math.max(...(edge.length >= 2 ? edge : lines.map((t) => t.end))));
  }
  const out: string[] = [];
  let open: TextLine | null = null;
  for (const e of entries) {
    if (typeof e === 'string') {
      if (open) out.push(open.text);
      open = null;
      out.push(e);
      continue;
    }
    if (skip(e)) continue;
    // (a centred title may be the widest line of its page: it starts far from the margin, often in a larger size)
    const full =
      open !== null &&
      open.end >=
        (right.get(open.page) ?? 0) -
          Math.max(1.5 * open.size, headWidth(e.text, open.size) + 0.5 * open.size) &&
      open.x <= (left.get(open.page) ?? 0) + 3 * open.size &&
      Math.abs(open.size - e.size) <= 1;
    const atMargin = e.x <= (left.get(e.page) ?? 0) + 0.5 * e.size;
    if (open && full && atMargin && !NUMBERED.test(e.text.trim())) {
      open = { ...e, text: `${open.text}${e.text}` };
      continue;
    }
    if (open) out.push(open.text);
    open = e;
  }
  if (open) out.push(open.text);
  return out;
}

/** The one way Gongkai opens a PDF: a copy of the bytes (pdfjs may detach the buffer it is given), no eval,
 *  no font faces, no network. */
export async function openPdf(bytes: Uint8Array) {
  const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  return getDocument({
    data: bytes.slice(),
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    useWorkerFetch: false,
    stopAtErrors: false,
    verbosity: 0,
  });
}

/** The text of a PDF (attachment checks, search): tables as copied-table rows. */
export async function readPdfText(bytes: Uint8Array, maxPages = MAX_PDF_PAGES): Promise<string> {
  return linesToText(await readPages(bytes, maxPages));
}

/** A notice PDF as document blocks (ruled tables with their exact cells). */
export async function readPdfBlocks(bytes: Uint8Array, maxPages = MAX_PDF_PAGES): Promise<DocBlock[]> {
  return linesToBlocks(await readPages(bytes, maxPages));
}

async function readPages(bytes: Uint8Array, maxPages: number): Promise<Page[]> {
  const task = await openPdf(bytes);
  try {
    let doc: Awaited<typeof task.promise>;
    try {
      doc = await task.promise;
    } catch {
      throw documentError('CORRUPT');
    }
    if (doc.numPages > maxPages)
      throw documentError('PDF_TOO_LONG', `共 ${doc.numPages} 页，上限 ${maxPages} 页`);
    const { OPS } = await import('pdfjs-dist/legacy/build/pdf.mjs');
    const pages: Page[] = [];
    let chars = 0;
    for (let p = 1; p <= doc.numPages; p++) {
      const page = await doc.getPage(p);
      const content = await page.getTextContent();
      const items: Item[] = [];
      for (const it of content.items) {
        if (!('str' in it) || it.str.trim() === '') continue;
        const [a = 1, b = 0, , , x = 0, y = 0] = it.transform as number[];
        const size = Math.hypot(a, b) || 10;
        // (radicals a font maps characters to, "⼯作", read as the characters: headers and numbers are found)
        items.push({
          x,
          y,
          end: x + (it.width || size * it.str.length),
          size,
          str: unifiedIdeographs(it.str),
        });
        chars += it.str.trim().length;
      }
      const { rules } = replayPage(await page.getOperatorList(), OPS);
      pages.push({ lines: pageLines(items, rules), rules });
      page.cleanup();
    }
    // A scan has pictures of pages and no text layer.
    if (chars < 10) throw documentError('PDF_SCANNED');
    return pages;
  } finally {
    await task.destroy();
  }
}
