// .docx reading straight from OOXML: paragraphs and tables with exact merged cells (w:gridSpan, w:vMerge).

import { XMLParser } from 'fast-xml-parser';
import type { Cell, DocBlock, ParagraphBlock, TableBlock } from '../../../domain/tasks/blocks';
import { documentError } from './errors';
import { DEFAULT_ZIP_LIMITS, safeUnzip, xmlText, type ZipLimits } from './zip';

type XNode = Record<string, unknown>;

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

function tagOf(n: XNode): string {
  for (const k of Object.keys(n)) if (k !== ':@') return k;
  return '';
}

function kids(n: XNode): XNode[] {
  const v = n[tagOf(n)];
  return Array.isArray(v) ? (v as XNode[]) : [];
}

function attr(n: XNode, name: string): string | undefined {
  const a = n[':@'] as Record<string, unknown> | undefined;
  const v = a?.[name];
  return typeof v === 'string' ? v : undefined;
}

function child(n: XNode, tag: string): XNode | undefined {
  return kids(n).find((k) => tagOf(k) === tag);
}

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

function paragraph(p: XNode): ParagraphBlock {
  const out: string[] = [];
  runText(kids(p), out);
  const pPr = child(p, 'w:pPr');
  const style = pPr ? attr(child(pPr, 'w:pStyle') ?? {}, 'w:val') : undefined;
  const block: ParagraphBlock = { type: 'p', text: out.join('') };
  if (style) block.style = style;
  return block;
}

/** Paragraphs and nested tables of a cell as text lines. */
function cellText(tc: XNode): string {
  const lines: string[] = [];
  const walk = (nodes: XNode[]) => {
    for (const n of nodes) {
      const tag = tagOf(n);
      if (tag === 'w:p') lines.push(paragraph(n).text);
      else if (tag === 'w:tbl') {
        for (const row of table(n).rows)
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

function table(tbl: XNode): TableBlock {
  const rows: Cell[][] = [];
  flatten(kids(tbl), 'w:tr').forEach((tr, r) => {
    const trPr = child(tr, 'w:trPr');
    let col = intAttr(trPr ? child(trPr, 'w:gridBefore') : undefined, 'w:val', 0);
    const cells: Cell[] = [];
    for (const tc of flatten(kids(tr), 'w:tc')) {
      const tcPr = child(tc, 'w:tcPr');
      const colSpan = intAttr(tcPr ? child(tcPr, 'w:gridSpan') : undefined, 'w:val', 1);
      const vMerge = tcPr ? child(tcPr, 'w:vMerge') : undefined;
      const cell: Cell = { text: cellText(tc), row: r, col, colSpan, rowSpan: 1 };
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
export function readDocx(bytes: Uint8Array, opts: DocxOptions = {}): DocBlock[] {
  const files = safeUnzip(bytes, (n) => n === 'word/document.xml', opts.limits ?? DEFAULT_ZIP_LIMITS);
  const doc = files['word/document.xml'];
  if (!doc) throw documentError('CORRUPT', '缺少 word/document.xml，不是 Word 文档');
  const xml = xmlText(doc);
  let tree: XNode[];
  try {
    tree = parser.parse(xml) as XNode[];
  } catch (e) {
    throw documentError('CORRUPT', e instanceof Error ? e.message : undefined);
  }
  const root = tree.find((n) => tagOf(n) === 'w:document');
  const body = root ? child(root, 'w:body') : undefined;
  if (!body) throw documentError('CORRUPT', '找不到文档正文');
  const blocks: DocBlock[] = [];
  const walk = (nodes: XNode[]) => {
    for (const n of nodes) {
      const tag = tagOf(n);
      if (tag === 'w:p') blocks.push(paragraph(n));
      else if (tag === 'w:tbl') blocks.push(table(n));
      else if (TRANSPARENT.has(tag)) walk(kids(n));
    }
  };
  walk(kids(body));
  return blocks;
}
