// .docx reading straight from OOXML: paragraphs and tables with exact merged cells (w:gridSpan, w:vMerge), and the
// labels of Word's automatic numbering (docx-numbering.ts) written in front of their paragraphs.

import { XMLParser } from 'fast-xml-parser';
import type { Cell, DocBlock, ParagraphBlock, TableBlock } from '../../../domain/tasks/blocks';
import { ListCounter, parseNumbering } from './docx-numbering';
import { documentError } from './errors';
import { attr, child, kids, tagOf, type XNode } from './ooxml';
import { DEFAULT_ZIP_LIMITS, safeUnzip, xmlText, type ZipLimits } from './zip';

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  processEntities: true,
  htmlEntities: false,
});

// Wrappers whose content belongs to the enclosing level.
const TRANSPARENT = new Set([
  'w:sdt',
  'w:sdtContent',
  'w:customXml',
  'w:smartTag',
  'w:ins',
  'w:hyperlink',
  'w:fldSimple',
  'w:moveTo',
  'w:dir',
  'w:bdo',
]);
// Content that is not the document's visible text (deleted revisions, field codes, drawings).
const SKIP = new Set([
  'w:del',
  'w:moveFrom',
  'w:instrText',
  'w:delText',
  'w:drawing',
  'w:pict',
  'w:object',
  'mc:AlternateContent',
  'w:pPr',
  'w:rPr',
  'w:sdtPr',
  'w:sdtEndPr',
  'w:tcPr',
  'w:trPr',
  'w:tblPr',
  'w:tblGrid',
  'w:footnoteReference',
  'w:commentReference',
]);

function runText(nodes: XNode[], out: string[]): void {
  for (const n of nodes) {
    const tag = tagOf(n);
    if (tag === '#text') continue;
    if (SKIP.has(tag)) continue;
    if (tag === 'w:t') {
      for (const k of kids(n)) {
        const t = k['#text'];
        if (typeof t === 'string' || typeof t === 'number') out.push(String(t));
      }
    } else if (tag === 'w:tab' || tag === 'w:ptab') out.push('\t');
    else if (tag === 'w:br' || tag === 'w:cr') out.push('\n');
    else if (tag === 'w:noBreakHyphen' || tag === 'w:softHyphen') out.push('-');
    else runText(kids(n), out);
  }
}

/** The document's automatic numbering, counted in reading order; paragraph styles that carry a list (a heading). */
interface Lists {
  counter: ListCounter;
  styleLists: Map<string, { numId: string; ilvl: number }>;
}

/** The w:numPr of a paragraph's properties (or of its style): its list and level; numId 0 means "no list". */
function numPrOf(pPr: XNode | undefined): { numId: string; ilvl: number } | null {
  const numPr = pPr ? child(pPr, 'w:numPr') : undefined;
  if (!numPr) return null;
  const numId = attr(child(numPr, 'w:numId') ?? {}, 'w:val');
  const ilvl = Number(attr(child(numPr, 'w:ilvl') ?? {}, 'w:val') ?? 0);
  return numId === undefined ? null : { numId, ilvl: Number.isFinite(ilvl) ? ilvl : 0 };
}

function paragraph(p: XNode, lists: Lists): ParagraphBlock {
  const out: string[] = [];
  runText(kids(p), out);
  const pPr = child(p, 'w:pPr');
  const style = pPr ? attr(child(pPr, 'w:pStyle') ?? {}, 'w:val') : undefined;
  let text = out.join('');
  const list = numPrOf(pPr) ?? (style ? lists.styleLists.get(style) : undefined) ?? null;
  const label = list && list.numId !== '0' ? lists.counter.next(list.numId, list.ilvl) : null;
  // "1" + "做好…" would run the number into the text; "1." and "（一）" stand as typed ("1.做好…").
  if (label) text = `${label}${/[0-9A-Za-z]$/.test(label) ? ' ' : ''}${text}`;
  const block: ParagraphBlock = { type: 'p', text };
  if (style) block.style = style;
  return block;
}

/** Paragraphs and nested tables of a cell as text lines. */
function cellText(tc: XNode, lists: Lists): string {
  const lines: string[] = [];
  const walk = (nodes: XNode[]) => {
    for (const n of nodes) {
      const tag = tagOf(n);
      if (tag === 'w:p') lines.push(paragraph(n, lists).text);
      else if (tag === 'w:tbl') {
        for (const row of table(n, lists).rows)
          for (const c of row) if (!c.mergedFrom && c.text !== '') lines.push(c.text);
      } else if (TRANSPARENT.has(tag)) walk(kids(n));
    }
  };
  walk(kids(tc));
  // Empty paragraphs inside a cell carry no content.
  return lines
    .map((l) => l.trim())
    .filter((l) => l !== '')
    .join('\n');
}

function flatten(nodes: XNode[], tag: string): XNode[] {
  const out: XNode[] = [];
  for (const n of nodes) {
    const t = tagOf(n);
    if (t === tag) out.push(n);
    else if (TRANSPARENT.has(t)) out.push(...flatten(kids(n), tag));
  }
  return out;
}

function intAttr(n: XNode | undefined, name: string, dflt: number): number {
  const v = n ? attr(n, name) : undefined;
  const k = v === undefined ? Number.NaN : Number.parseInt(v, 10);
  return Number.isFinite(k) && k > 0 ? k : dflt;
}

function table(tbl: XNode, lists: Lists): TableBlock {
  const rows: Cell[][] = [];
  flatten(kids(tbl), 'w:tr').forEach((tr, r) => {
    const trPr = child(tr, 'w:trPr');
    let col = intAttr(trPr ? child(trPr, 'w:gridBefore') : undefined, 'w:val', 0);
    const cells: Cell[] = [];
    for (const tc of flatten(kids(tr), 'w:tc')) {
      const tcPr = child(tc, 'w:tcPr');
      const colSpan = intAttr(tcPr ? child(tcPr, 'w:gridSpan') : undefined, 'w:val', 1);
      const vMerge = tcPr ? child(tcPr, 'w:vMerge') : undefined;
      const cell: Cell = { text: cellText(tc, lists), row: r, col, colSpan, rowSpan: 1 };
      if (vMerge && attr(vMerge, 'w:val') !== 'restart') {
        // Continue the merge of the cell above at the same grid column.
        const above = rows[r - 1]?.find((c) => c.col <= col && col < c.col + c.colSpan);
        if (above) {
          const originPos = above.mergedFrom ?? { row: above.row, col: above.col };
          const origin = rows[originPos.row]?.find((c) => c.col === originPos.col);
          if (origin) origin.rowSpan++;
          cell.mergedFrom = originPos;
          cell.text = '';
        }
      }
      cells.push(cell);
      col += colSpan;
    }
    rows.push(cells);
  });
  return { type: 'table', rows };
}

export interface DocxOptions {
  limits?: ZipLimits;
}

/** Paragraphs and tables of the document body, in order. */
const PARTS = new Set(['word/document.xml', 'word/numbering.xml', 'word/styles.xml']);

function parsed(data: Uint8Array | undefined): XNode[] | undefined {
  if (!data) return undefined;
  const xml = xmlText(data); // refuses entity declarations (XML_ENTITY) before anything parses them
  try {
    return parser.parse(xml) as XNode[];
  } catch (e) {
    throw documentError('CORRUPT', e instanceof Error ? e.message : undefined);
  }
}

/** Paragraph styles that put their paragraphs in a list (w:style/w:pPr/w:numPr), by style id. */
function styleLists(tree: XNode[] | undefined): Map<string, { numId: string; ilvl: number }> {
  const out = new Map<string, { numId: string; ilvl: number }>();
  const root = tree?.find((n) => tagOf(n) === 'w:styles');
  for (const st of root ? kids(root).filter((k) => tagOf(k) === 'w:style') : []) {
    const list = numPrOf(child(st, 'w:pPr'));
    const id = attr(st, 'w:styleId');
    if (list && id) out.set(id, list);
  }
  return out;
}

export function readDocx(bytes: Uint8Array, opts: DocxOptions = {}): DocBlock[] {
  const files = safeUnzip(bytes, (n) => PARTS.has(n), opts.limits ?? DEFAULT_ZIP_LIMITS);
  const doc = files['word/document.xml'];
  if (!doc) throw documentError('CORRUPT', '缺少 word/document.xml，不是 Word 文档');
  const tree = parsed(doc) ?? [];
  const lists: Lists = {
    counter: new ListCounter(parseNumbering(parsed(files['word/numbering.xml']))),
    styleLists: styleLists(parsed(files['word/styles.xml'])),
  };
  const root = tree.find((n) => tagOf(n) === 'w:document');
  const body = root ? child(root, 'w:body') : undefined;
  if (!body) throw documentError('CORRUPT', '找不到文档正文');
  const blocks: DocBlock[] = [];
  const walk = (nodes: XNode[]) => {
    for (const n of nodes) {
      const tag = tagOf(n);
      if (tag === 'w:p') blocks.push(paragraph(n, lists));
      else if (tag === 'w:tbl') blocks.push(table(n, lists));
      else if (TRANSPARENT.has(tag)) walk(kids(n));
    }
  };
  walk(kids(body));
  return blocks;
}
