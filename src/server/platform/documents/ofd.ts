// OFD (GB/T 33190, the fixed-layout format of 电子公文 and of many portals' downloads): a zip of XML pages whose text
// objects place each character (TextCode X/Y and DeltaX in millimetres, within the object's Boundary, through its
// CTM) and whose path objects draw the table rules. Read into the same printed pages as a PDF (pdf.ts `laidOut`),
// so a notice's table is read by the same rules whichever of the two formats it came in. Fonts, images, seals and
// signatures are not read.

import { XMLParser, XMLValidator } from 'fast-xml-parser';
import type { DocBlock } from '../../../domain/tasks/blocks';
import { unifiedIdeographs } from '../../../domain/text/radicals';
import { documentError } from './errors';
import { type Item, laidOut, linesToBlocks, MAX_PDF_PAGES, type PrintedPage } from './pdf';
import type { Box } from './pdf-covered';
import { DEFAULT_ZIP_LIMITS, safeUnzip, xmlText, type ZipLimits } from './zip';

/** Points per millimetre: OFD measures in millimetres, the page reader in points. */
const PT = 72 / 25.4;
/** A path's line width when it names none (GB/T 33190: 0.353 mm). */
const LINE_WIDTH = 0.353;

type Node = Record<string, unknown>;
type Matrix = [number, number, number, number, number, number];

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '',
  removeNSPrefix: true,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  processEntities: true,
  htmlEntities: false,
  isArray: (name) =>
    [
      'Page',
      'TemplatePage',
      'Template',
      'Layer',
      'PageBlock',
      'TextObject',
      'PathObject',
      'TextCode',
      'DocBody',
    ].includes(name),
});

const list = (v: unknown): Node[] => (Array.isArray(v) ? (v as Node[]) : v ? [v as Node] : []);
const numbers = (v: unknown): number[] =>
  String(v ?? '')
    .trim()
    .split(/[\s,]+/)
    .filter((t) => t !== '')
    .map(Number);
const textOf = (v: unknown): string =>
  typeof v === 'string' ? v : typeof v === 'object' && v ? String((v as Node)['#text'] ?? '') : '';

/**
 * "g 3 0.975" is the same gap three times (GB/T 33190 §11.3). At most `max` gaps (one fewer than the characters
 * they space): a hostile "g 99999999 1" must not fill the memory.
 */
export function gaps(v: unknown, max = 100_000): number[] {
  const tokens = String(v ?? '')
    .trim()
    .split(/\s+/)
    .filter((t) => t !== '');
  const out: number[] = [];
  for (let i = 0; i < tokens.length && out.length < max; i++) {
    if (tokens[i] === 'g') {
      const n = Number(tokens[i + 1]);
      const gap = Number(tokens[i + 2]);
      for (let k = 0; k < n && out.length < max; k++) out.push(gap);
      i += 2;
    } else out.push(Number(tokens[i]));
  }
  return out.map((g) => (Number.isFinite(g) ? g : 0));
}

const apply = ([a, b, c, d, e, f]: Matrix, x: number, y: number): [number, number] => [
  a * x + c * y + e,
  b * x + d * y + f,
];
const matrixOf = (v: unknown): Matrix => {
  const m = numbers(v);
  return m.length === 6 && m.every(Number.isFinite) ? (m as Matrix) : [1, 0, 0, 1, 0, 0];
};

/** Wide (CJK, full-width) characters advance a whole em, others about half. */
const widthOf = (ch: string) => (/[\u2e80-\uffef]/.test(ch) ? 1 : 0.55);

/** A file's path as a package entry: absolute from the root, else beside the file that names it. */
function resolve(from: string, loc: string): string {
  const path = loc.replace(/\\/g, '/');
  if (path.startsWith('/')) return path.slice(1);
  const dir = from.includes('/') ? from.slice(0, from.lastIndexOf('/') + 1) : '';
  const parts: string[] = [];
  for (const p of `${dir}${path}`.split('/')) {
    if (p === '..') parts.pop();
    else if (p !== '.' && p !== '') parts.push(p);
  }
  return parts.join('/');
}

/** What one page's layers draw: its characters as items and its rules, in points from the page's bottom left. */
function drawPage(layers: Node[], height: number, out: PrintedPage): void {
  const toPt = (x: number, y: number): [number, number] => [x * PT, (height - y) * PT];
  const walk = (holder: Node) => {
    for (const t of list(holder.TextObject)) drawText(t, toPt, out.items);
    for (const p of list(holder.PathObject)) drawPath(p, toPt, out.rules);
    for (const b of list(holder.PageBlock)) walk(b);
  };
  for (const layer of layers) walk(layer);
}

function drawText(t: Node, toPt: (x: number, y: number) => [number, number], items: Item[]): void {
  const [bx = 0, by = 0] = numbers(t.Boundary);
  const ctm = matrixOf(t.CTM);
  const size = (Number(t.Size) || 3.5) * Math.hypot(ctm[0], ctm[1]);
  let x = 0;
  let y = 0;
  for (const code of list(t.TextCode)) {
    const chars = [...textOf(code)];
    // (a TextCode without X or Y goes on where the one before it placed its first character)
    if (code.X !== undefined) x = Number(code.X) || 0;
    if (code.Y !== undefined) y = Number(code.Y) || 0;
    const dx = gaps(code.DeltaX, chars.length);
    const dy = gaps(code.DeltaY, chars.length);
    // Characters placed one after another form a run, as a PDF's text items do (spaces kept inside it); a gap of
    // more than an em, or a change of line, starts another.
    let run: Item | null = null;
    let cx = x;
    let cy = y;
    chars.forEach((ch, i) => {
      const [ox, oy] = apply(ctm, cx, cy);
      const [px, py] = toPt(bx + ox, by + oy);
      const end = px + widthOf(ch) * size * PT;
      if (run && Math.abs(run.y - py) < 0.5 && px - run.end <= size * PT) {
        run.str += ch;
        run.end = Math.max(run.end, end);
      } else {
        if (run && run.str.trim() !== '') items.push({ ...run, str: unifiedIdeographs(run.str) });
        run = { x: px, y: py, end, size: size * PT, str: ch };
      }
      cx += dx[i] ?? (Number(t.Size) || 3.5) * widthOf(ch);
      cy += dy[i] ?? 0;
    });
    const last = run as Item | null;
    if (last && last.str.trim() !== '') items.push({ ...last, str: unifiedIdeographs(last.str) });
  }
}

/**
 * A path's rules: each straight segment of a stroked path as a line as wide as the pen, and a filled path's box (a
 * thin filled bar is a rule; a cell's shading is no rule, and the page reader passes over it).
 */
function drawPath(p: Node, toPt: (x: number, y: number) => [number, number], rules: Box[]): void {
  const [bx = 0, by = 0] = numbers(p.Boundary);
  const ctm = matrixOf(p.CTM);
  const stroke = p.Stroke !== 'false';
  const fill = p.Fill === 'true';
  const half = ((Number(p.LineWidth) || LINE_WIDTH) * PT) / 2;
  const at = (x: number, y: number) => {
    const [ox, oy] = apply(ctm, x, y);
    return toPt(bx + ox, by + oy);
  };
  const tokens = String(textOf(p.AbbreviatedData)).trim().split(/\s+/);
  const points: [number, number][] = [];
  let start: [number, number] | null = null;
  let here: [number, number] | null = null;
  const line = (a: [number, number], b: [number, number]) => {
    if (stroke)
      rules.push({
        x0: Math.min(a[0], b[0]) - half,
        x1: Math.max(a[0], b[0]) + half,
        y0: Math.min(a[1], b[1]) - half,
        y1: Math.max(a[1], b[1]) + half,
      });
  };
  const ARGS: Record<string, number> = { S: 2, M: 2, L: 2, Q: 4, B: 6, A: 7, C: 0 };
  for (let i = 0; i < tokens.length; ) {
    const op = tokens[i] ?? '';
    const n = ARGS[op];
    if (n === undefined) {
      i++;
      continue;
    }
    const v = tokens.slice(i + 1, i + 1 + n).map(Number);
    i += 1 + n;
    if (v.some((k) => !Number.isFinite(k))) return;
    if (op === 'C') {
      if (here && start) line(here, start);
      here = start;
      continue;
    }
    const to = at(v[n - 2] ?? 0, v[n - 1] ?? 0);
    points.push(to);
    if (op === 'L' && here) line(here, to);
    if (op === 'S' || op === 'M') start = to;
    here = to;
  }
  if (fill && points.length >= 3) {
    const xs = points.map((q) => q[0]);
    const ys = points.map((q) => q[1]);
    rules.push({ x0: Math.min(...xs), x1: Math.max(...xs), y0: Math.min(...ys), y1: Math.max(...ys) });
  }
}

/** The pages of an OFD file's first document, as printed pages. */
export function readOfdPages(
  bytes: Uint8Array,
  limits: ZipLimits = DEFAULT_ZIP_LIMITS,
  maxPages = MAX_PDF_PAGES,
): PrintedPage[] {
  // (only the XML: fonts, images and signatures are not read)
  const files = safeUnzip(bytes, (name) => /\.xml$/i.test(name), limits);
  const xml = (path: string): Node => {
    const entry = files[path] ?? files[`/${path}`];
    if (!entry) throw documentError('CORRUPT');
    const text = xmlText(entry); // refuses entity declarations (XML_ENTITY) before anything parses them
    // (the parser takes a cut-off page for a short one: a broken file must say so, not read as a scan)
    if (XMLValidator.validate(text) !== true) throw documentError('CORRUPT');
    try {
      return parser.parse(text) as Node;
    } catch {
      throw documentError('CORRUPT');
    }
  };
  const root = xml('OFD.xml').OFD as Node | undefined;
  const docRoot = textOf(list(root?.DocBody)[0]?.DocRoot).trim();
  if (!docRoot) throw documentError('CORRUPT');
  const docPath = resolve('', docRoot);
  const doc = xml(docPath).Document as Node | undefined;
  const common = (doc?.CommonData ?? {}) as Node;
  const defaultBox = numbers((common.PageArea as Node | undefined)?.PhysicalBox);
  const pages = list((doc?.Pages as Node | undefined)?.Page);
  if (pages.length > maxPages)
    throw documentError('PDF_TOO_LONG', `共 ${pages.length} 页，上限 ${maxPages} 页`);
  const templates = new Map(
    list(common.TemplatePage).map((t) => [String(t.ID), resolve(docPath, String(t.BaseLoc ?? ''))]),
  );
  const layersOf = (page: Node) => list((page.Content as Node | undefined)?.Layer);
  const printed = pages.map((entry) => {
    const path = resolve(docPath, String(entry.BaseLoc ?? ''));
    // (a page's root is a Page, like the entries that list pages: an array to the parser)
    const page = list(xml(path).Page)[0] ?? {};
    const box = numbers((page?.Area as Node | undefined)?.PhysicalBox);
    const height = box[3] ?? defaultBox[3] ?? 297;
    const out: PrintedPage = { items: [], rules: [] };
    // (a template holds what every page shows: a 版头, a running header, the page number)
    for (const t of list(page?.Template)) {
      const tp = templates.get(String(t.TemplateID));
      if (tp) drawPage(layersOf(list(xml(tp).Page)[0] ?? {}), height, out);
    }
    drawPage(layersOf(page), height, out);
    return out;
  });
  if (printed.reduce((n, p) => n + p.items.length, 0) < 10) throw documentError('PDF_SCANNED');
  return printed;
}

/** A notice in OFD as document blocks: ruled tables with their cells, paragraphs joined, as from a PDF. */
export function readOfdBlocks(bytes: Uint8Array, limits: ZipLimits = DEFAULT_ZIP_LIMITS): DocBlock[] {
  return linesToBlocks(laidOut(readOfdPages(bytes, limits)));
}
