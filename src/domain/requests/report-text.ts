// The published annual report read as text: label normalisation, cell numbers, HTML flattened to one cell per
// line, and the token stream the check walks (REGULATIONS.md §2, §9.4).
import type { SectionKey } from './annual-report';

export type ReportTemplate = '2021' | 'pre-2021' | 'unknown';
export type FindingKind =
  | 'missing_section'
  | 'missing_row'
  | 'identity'
  | 'wrong_template'
  | 'negative'
  | 'not_integer';

export interface CheckFinding {
  kind: FindingKind;
  message: string;
  /** Cell or row path, e.g. "table3.r7.total", "table3.r5_3", "section.other". */
  cell?: string;
}

export interface PublishedReportCheck {
  year?: number;
  unit?: string;
  template: ReportTemplate;
  /** Sections found, in document order. */
  sections: SectionKey[];
  findings: CheckFinding[];
  /** Numbers read from the tables, by cell path (blank cells read as 0). */
  cells: Record<string, number>;
}

export interface PublishedReportInput {
  kind: 'text' | 'html';
  content: string;
}

// ---------------------------------------------------------------------------------------------------------------
// Text normalisation
// ---------------------------------------------------------------------------------------------------------------

/** Compare labels without whitespace, quotes or half/full-width differences. */
export function normalizeLabel(s: string): string {
  return s
    .replace(/[\s\u00a0\u3000]+/g, '')
    .replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))
    .replace(/\(/g, '（')
    .replace(/\)/g, '）')
    .replace(/．/g, '.')
    .replace(/[“”"'‘’「」]/g, '');
}

export const PREFIX = /^(?:（([一二三四五六七八九十\d]+)）|([一二三四五六七八九十]+)[、.]|(\d+)[、.])/;

export function splitPrefix(norm: string): { prefix: string; body: string } {
  const m = PREFIX.exec(norm);
  if (!m) return { prefix: '', body: norm };
  return { prefix: m[1] ?? m[2] ?? m[3] ?? '', body: norm.slice(m[0].length) };
}

export const BLANK = new Set(['', '-', '—', '－', '/', '／', '无', '——']);

type CellValue = { ok: true; value: number; blank: boolean } | { ok: false; raw: string };

/** Blank cells (and dash placeholders) count as 0, as government sites often leave zero cells empty. */
export function parseCellNumber(raw: string): CellValue {
  const s = raw
    .replace(/[\s\u00a0\u3000]+/g, '')
    .replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))
    .replace(/[−－]/g, '-')
    .replace(/．/g, '.');
  if (BLANK.has(s)) return { ok: true, value: 0, blank: true };
  if (/^[+-]?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?$/.test(s)) {
    return { ok: true, value: Number(s.replace(/,/g, '')), blank: false };
  }
  return { ok: false, raw };
}

export function isNumberLike(s: string): boolean {
  const v = parseCellNumber(s);
  return v.ok && !v.blank;
}

// ---------------------------------------------------------------------------------------------------------------
// HTML → flattened text (one cell per tab-indented line, blank line after each table row)
// ---------------------------------------------------------------------------------------------------------------

export const ENTITIES: Record<string, string> = {
  nbsp: ' ',
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  ldquo: '“',
  rdquo: '”',
  lsquo: '‘',
  rsquo: '’',
  mdash: '—',
  ndash: '–',
  middot: '·',
  hellip: '…',
};

export function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code =
        name[1] === 'x' || name[1] === 'X' ? Number.parseInt(name.slice(2), 16) : Number(name.slice(1));
      return Number.isFinite(code) ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

export const BLOCK_TAGS = new Set([
  'p',
  'div',
  'br',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'li',
  'section',
  'article',
  'title',
  'table',
  'caption',
]);

/** Rowspan/colspan need no expansion here: a merged cell appears once, where its first row is, as in Word. */
export function htmlToFlatText(html: string): string {
  const src = html.replace(/<!--[\s\S]*?-->/g, '').replace(/<(script|style|head)\b[\s\S]*?<\/\1\s*>/gi, '');
  const lines: string[] = [];
  let line = '';
  let cell: string | null = null;
  let row: string[] | null = null;
  const flush = (): void => {
    const t = line.replace(/\s+/g, ' ').trim();
    if (t) lines.push(t);
    line = '';
  };
  const re = /<(\/?)([a-zA-Z][a-zA-Z0-9]*)\b[^>]*>|([^<]+)/g;
  for (let m = re.exec(src); m !== null; m = re.exec(src)) {
    if (m[3] !== undefined) {
      const text = decodeEntities(m[3]);
      if (cell !== null) cell += text;
      else line += text;
      continue;
    }
    const closing = m[1] === '/';
    const tag = (m[2] ?? '').toLowerCase();
    // An unclosed <td> is closed by the next <td> or </tr>, as browsers do.
    const endCell = (): void => {
      if (cell === null) return;
      if (!row) row = [];
      row.push(cell);
      cell = null;
    };
    if (tag === 'td' || tag === 'th') {
      endCell();
      if (!closing) cell = '';
    } else if (tag === 'tr') {
      endCell();
      if (!closing) {
        flush();
        row = [];
      } else if (row) {
        for (const c of row) lines.push(`\t${c.replace(/\s+/g, ' ').trim()}`);
        lines.push('');
        row = null;
      }
    } else if (cell !== null) {
      if (BLOCK_TAGS.has(tag)) cell += ' ';
    } else if (BLOCK_TAGS.has(tag)) {
      flush();
      if (tag === 'table' && !closing) lines.push('');
    }
  }
  flush();
  return lines.join('\n');
}

// ---------------------------------------------------------------------------------------------------------------
// Tokens: table cells and text pieces; SEP marks the end of a table row (blank line or end of a multi-cell line)
// ---------------------------------------------------------------------------------------------------------------

export interface Token {
  text: string;
  norm: string;
  line: number;
}
export const SEP = null;
export type Tok = Token | typeof SEP;

export const BARE_PREFIX = /^(?:[（(][一二三四五六七八九十\d]+[)）]|[一二三四五六七八九十\d]+[、.．])$/;

/** Splits one line into cells: tabs, '|' (Markdown), runs of 2+ spaces; single spaces too, except after a bare number prefix. */
export function lineCells(line: string): string[] {
  const body = line.startsWith('\t') ? line.slice(1) : line;
  if (body.trim() === '') return [''];
  const pipe = body.includes('|');
  const pieces = body.split(/\t|\||[ \u00a0]{2,}|\u3000+/).map((p) => p.trim());
  const out: string[] = [];
  pieces.forEach((piece, i) => {
    if (piece === '') {
      // Markdown pipes at both ends and around cells leave empty pieces that are not cells.
      if (!pipe && i > 0) out.push('');
      return;
    }
    if (/^[-:]+$/.test(piece) && pipe) return; // Markdown separator row
    // Words are separate cells, except that a bare number prefix ("1.", "（一）") joins the word after it.
    let label = '';
    for (const word of piece.split(/\s+/)) {
      if (label && !BARE_PREFIX.test(label)) {
        out.push(label);
        label = '';
      }
      if (isNumberLike(word) && !label) out.push(word);
      else label += word;
    }
    if (label) out.push(label);
  });
  return out;
}

export function tokenize(lines: readonly string[], from: number, to: number): Tok[] {
  const toks: Tok[] = [];
  for (let i = from; i < to; i++) {
    const line = lines[i] ?? '';
    if (line.trim() === '' && !line.includes('\t')) {
      toks.push(SEP);
      continue;
    }
    const cells = lineCells(line);
    for (const c of cells) toks.push({ text: c, norm: normalizeLabel(c), line: i });
    if (cells.length > 1) toks.push(SEP);
  }
  return toks;
}
