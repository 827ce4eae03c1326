// Text PDFs of notices: the text layer read with pdfjs-dist, table rows rebuilt from the positions of the
// text (items on one baseline form a line; a wide gap between items separates cells; a line that fills few
// columns under a table header continues the row above, as a wrapped cell does). The result is text in the
// copied-table form ("| a | b | c |") that the notice parser reads. Scans (no text layer) and very long
// files are refused.

import { headerRoles, isHeaderRoles } from '../../../domain/tasks/cells';
import { documentError } from './errors';

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

/** Items of one page grouped into lines (top to bottom), each line split into cells at wide gaps. */
function pageLines(items: Item[]): Cell[][] {
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
      if (last && it.x - last.end <= Math.max(6, it.size * 1.5)) {
        last.text += it.str;
        last.end = Math.max(last.end, it.end);
      } else cells.push({ x: it.x, end: it.end, text: it.str });
    }
    return cells.filter((c) => c.text.trim() !== '');
  });
}

/** Index of the header column a cell starts under. */
function columnOf(x: number, starts: number[]): number {
  let k = 0;
  for (let i = 0; i < starts.length; i++) if (x >= (starts[i] ?? 0) - 4) k = i;
  return k;
}

/** Lines of all pages to text; under a table header, wrapped lines are joined back into their row. */
export function linesToText(lines: Cell[][]): string {
  const out: string[] = [];
  let starts: number[] | null = null;
  let row: string[] | null = null;
  const flushRow = () => {
    if (row) out.push(`| ${row.map((c) => c.replace(/\|/g, '｜')).join(' | ')} |`);
    row = null;
  };
  for (const cells of lines) {
    if (cells.length === 0) continue;
    const roles = headerRoles(cells.map((c) => c.text));
    if (cells.length >= 2 && isHeaderRoles(roles)) {
      flushRow();
      starts = cells.map((c) => c.x);
      out.push(`| ${cells.map((c) => c.text.trim()).join(' | ')} |`);
      continue;
    }
    if (!starts) {
      out.push(cells.map((c) => c.text).join(' '));
      continue;
    }
    const cols = starts;
    const placed = new Map<number, string>();
    for (const c of cells) {
      const k = columnOf(c.x, cols);
      placed.set(k, (placed.get(k) ?? '') + c.text.trim());
    }
    // A row starts where its number is, or where it fills half the columns; else a wrapped line continues it.
    const startsRow = placed.has(0) || placed.size * 2 >= cols.length || row === null;
    if (startsRow) {
      flushRow();
      row = cols.map((_, k) => placed.get(k) ?? '');
    } else {
      const r: string[] = row ?? [];
      for (const [k, t] of placed) r[k] = `${r[k] ?? ''}${t}`;
    }
  }
  flushRow();
  return out.join('\n');
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

export async function readPdfText(bytes: Uint8Array, maxPages = MAX_PDF_PAGES): Promise<string> {
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
    const lines: Cell[][] = [];
    let chars = 0;
    for (let p = 1; p <= doc.numPages; p++) {
      const page = await doc.getPage(p);
      const content = await page.getTextContent();
      const items: Item[] = [];
      for (const it of content.items) {
        if (!('str' in it) || it.str.trim() === '') continue;
        const [a = 1, b = 0, , , x = 0, y = 0] = it.transform as number[];
        const size = Math.hypot(a, b) || 10;
        items.push({ x, y, end: x + (it.width || size * it.str.length), size, str: it.str });
        chars += it.str.trim().length;
      }
      lines.push(...pageLines(items));
      page.cleanup();
    }
    // A scan has pictures of pages and no text layer.
    if (chars < 10) throw documentError('PDF_SCANNED');
    return linesToText(lines);
  } finally {
    await task.destroy();
  }
}
