// Text PDFs of notices: the text layer read with pdfjs-dist (items on one baseline form a line, a wide gap or a
// table's vertical rule separates cells). Tables drawn with rules are rebuilt from the rules (ruledPage, with the
// bands' rules in pdf-bands.ts: rows a page break cut joined again); other tables from the positions of the text
// (a line that fills few columns under a header continues the row above); lines of text are joined back into the
// paragraphs they were wrapped from (paragraphs). A notice is given to the parser as blocks, ruled tables with
// their exact cells (readPdfBlocks); the attachment checks read text, tables in the copied-table form
// ("| a | b | c |", readPdfText). Scans (no text layer) and very long files are refused.

import { CELL_BREAK, type DocBlock, textToBlocks } from '../../../domain/tasks/blocks';
import { headerRoles, isHeaderRoles } from '../../../domain/tasks/cells';
import { cleanPageText } from '../../../domain/tasks/page-text';
import { unifiedIdeographs } from '../../../domain/text/radicals';
import { documentError } from './errors';
import {
  type Band,
  bandsToTable,
  headWidth,
  isBand,
  isHeaderBand,
  joinAcrossPages,
  NUMBERED,
  positions,
  sameFrame,
  wrapsOn,
} from './pdf-bands';
import { type Box, replayPage } from './pdf-covered';
import { type Grid, runningLines, virtualRules } from './pdf-grid';

export const MAX_PDF_PAGES = 200;

/** A run of text as a fixed-layout file places it, in points from the page's bottom left (y: its baseline). */
export interface Item {
  x: number;
  y: number;
  end: number;
  size: number;
  str: string;
}

/** One printed page as a fixed-layout file (PDF, OFD) gives it: its runs of text and its rules. */
export interface PrintedPage {
  items: Item[];
  rules: Box[];
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
  /** The rules of a table printed without them, found from its white space (pdf-grid.ts). */
  implied?: boolean;
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
      implied: page.implied,
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
        // (a table printed without rules shows no merge: its empty cell atop a page is empty)
        first.pageTop = !first.implied;
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
  return linesToText(laidOut(await readPrintedPages(bytes, maxPages)));
}

/** A notice PDF as document blocks (ruled tables with their exact cells). */
export async function readPdfBlocks(bytes: Uint8Array, maxPages = MAX_PDF_PAGES): Promise<DocBlock[]> {
  return linesToBlocks(laidOut(await readPrintedPages(bytes, maxPages)));
}

/** A PDF's pages as printed: each page's runs of text and the rules its tables are drawn with. */
export async function readPrintedPages(bytes: Uint8Array, maxPages = MAX_PDF_PAGES): Promise<PrintedPage[]> {
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
    const printed: PrintedPage[] = [];
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
      printed.push({ items, rules: replayPage(await page.getOperatorList(), OPS).rules });
      page.cleanup();
    }
    // A scan has pictures of pages and no text layer.
    if (chars < 10) throw documentError('PDF_SCANNED');
    return printed;
  } finally {
    await task.destroy();
  }
}

/**
 * Printed pages as lines and rules: a table printed without vertical rules gets the rules it would have had, over
 * pages too, below the running header a printer puts atop each page.
 */
export function laidOut(printed: PrintedPage[]): Page[] {
  const running = runningLines(printed.map((p) => p.items));
  let grid: Grid | null = null;
  const pages = printed.map(({ items, rules }, p) => {
    const virtual = virtualRules(items, rules, grid, running[p]);
    grid = virtual.grid;
    const drawn = [...rules, ...virtual.rules];
    // The running header and footer stand above and below the page's tables: left out, a row a page break cuts
    // joins up across it (paragraphs drop them anyway; a page without rules keeps them for paragraphs to see).
    const ys = drawn.filter(isHorizontal).map((r) => (r.y0 + r.y1) / 2);
    const [top, bottom] = [Math.max(...ys), Math.min(...ys)];
    const furniture = (it: Item) =>
      ys.length > 0 &&
      (it.y > top || it.y < bottom) &&
      (running[p] ?? []).some((y) => Math.abs(it.y - y) <= 2);
    const kept = items.filter((it) => !furniture(it));
    return { lines: pageLines(kept, drawn), rules: drawn, implied: virtual.rules.length > 0 };
  });
  return pages;
}
