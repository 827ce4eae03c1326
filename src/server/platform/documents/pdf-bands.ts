// The bands of a table a PDF draws with rules (a row from one horizontal rule to the next, its cells between the
// vertical rules that cross it), as pdf.ts reads them: when a cell's line was wrapped, how a row a page break cut
// in two joins again, and the bands of one table as a table block with exact cells, as a .docx gives them.

import { CELL_BREAK, type Cell, type TableBlock } from '../../../domain/tasks/blocks';
import { headerRoles, isHeaderRoles, looksLikeUnitName, splitOutside } from '../../../domain/tasks/cells';

/** A line that starts a numbered item or heading ("一、", "（二）", "3.", "（4）"): it never continues a paragraph. */
export const NUMBERED =
  /^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]{1,3}[）)]|\d{1,2}[.．、](?!\d))/;

/** Positions (rules' middles) within 2 points of each other are one; sorted ascending. */
export function positions(values: number[]): number[] {
  const out: number[] = [];
  for (const v of [...values].sort((a, b) => a - b))
    if (out.length === 0 || v - (out[out.length - 1] ?? 0) > 2) out.push(v);
  return out;
}

export interface Span {
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

export interface Band {
  /** The cells between the vertical rules that cross the band, left to right. */
  spans: Span[];
  /** The first row under the header on a page after the first: an empty cell there may be merged from above. */
  pageTop?: boolean;
  /** Its rules are implied by white space (pdf-grid.ts): an empty cell atop a page is empty, not a merge going on. */
  implied?: boolean;
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
export const wrapsOn = (s: Span, next: string, nextPad = s.pad) =>
  s.text !== '' &&
  s.end >= s.b - Math.min(s.pad, nextPad, 6) - headWidth(next, s.size) - 1.5 * s.size &&
  // (the next numbered item or heading starts a paragraph: "…栏目。" / "2．认真…", "二、…公开" / "三、…"; a
  // sentence may run on into a list, "（公开路径：" / "1．政府网站…", and a word may break before "一、": "集中统" /
  // "一、共享共用")
  !(
    NUMBERED.test(next.trim()) &&
    (/[。；;！？]$/.test(s.text) || nextItem(s.text.split(CELL_BREAK).at(-1) ?? '', next))
  );

export const isHeaderBand = (b: Band) =>
  b.spans.length >= 2 && isHeaderRoles(headerRoles(b.spans.map((s) => s.text)));
export const isBand = (o: unknown): o is Band => typeof o === 'object' && o !== null && 'spans' in o;

/**
 * A row that a page break cut in two (a word processor lets a row break across pages): the first row under the
 * repeated header of the new page goes on with the last row of the page before when that row ended its page and
 * was cut — a cell's last line at the bottom of the table ran to the cell's side, a unit's name was cut in two
 * ("区规划自然" / "资源局"), a numbered list goes on — and nothing on the new page starts afresh. A merged cell's text
 * that ran on goes back to where it started; one printed again on the new page is not repeated. True when `next`
 * was joined to `prev` (or had nothing left of its own).
 */
export function joinAcrossPages(prev: Band, next: Band, above: Band[]): boolean {
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

/** Two bands of one table: its left and right sides stand where they stood. */
export const sameFrame = (x: Band, y: Band) =>
  Math.abs((x.spans[0]?.a ?? 0) - (y.spans[0]?.a ?? 0)) <= 6 &&
  Math.abs((x.spans.at(-1)?.b ?? 0) - (y.spans.at(-1)?.b ?? 0)) <= 6;

export function bandsToTable(bands: Band[]): TableBlock {
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
  const rows: Cell[][] = [];
  for (const band of bands) {
    // (the header a word processor repeats atop each page)
    if (band !== header && headerKey !== null && band.spans.map((s) => s.text).join('|') === headerKey)
      continue;
    const r = rows.length;
    const cells: Cell[] = band.spans.map((s) => {
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
