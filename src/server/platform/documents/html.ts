// HTML (a web page or a saved notice): paragraphs and tables with rowspan/colspan placed on an exact grid.
// A table whose cells hold other tables is page layout, not data: its cells are read as ordinary flow.

import { parse } from 'parse5';
import type { Cell, DocBlock, TableBlock } from '../../../domain/tasks/blocks';

interface HNode {
  nodeName: string;
  tagName?: string;
  value?: string;
  attrs?: { name: string; value: string }[];
  childNodes?: HNode[];
  content?: HNode;
}

const SKIP = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'head',
  'select',
  'button',
  'svg',
  'iframe',
]);
const BLOCK = new Set([
  'p',
  'div',
  'section',
  'article',
  'header',
  'footer',
  'nav',
  'aside',
  'main',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'li',
  'ul',
  'ol',
  'dl',
  'dt',
  'dd',
  'blockquote',
  'pre',
  'form',
  'fieldset',
  'address',
  'figure',
  'figcaption',
  'center',
  'hr',
  'caption',
]);

function attr(n: HNode, name: string): string | undefined {
  return n.attrs?.find((a) => a.name === name)?.value;
}

function inlineText(n: HNode, out: string[]): void {
  if (n.nodeName === '#text') {
    out.push((n.value ?? '').replace(/[ \t\r\n\f]+/g, ' '));
    return;
  }
  const tag = n.tagName ?? '';
  if (SKIP.has(tag)) return;
  if (tag === 'br') {
    out.push('\n');
    return;
  }
  const block = BLOCK.has(tag) || tag === 'tr';
  if (block) out.push('\n');
  for (const c of n.childNodes ?? []) inlineText(c, out);
  if (tag === 'td' || tag === 'th') out.push('\t');
  if (block) out.push('\n');
}

function textOf(n: HNode): string {
  const out: string[] = [];
  for (const c of n.childNodes ?? []) inlineText(c, out);
  return out
    .join('')
    .split('\n')
    .map((l) => l.replace(/\u00a0/g, ' ').trim())
    .filter((l) => l !== '')
    .join('\n');
}

function elements(n: HNode, tag: string, stopAt: Set<string>): HNode[] {
  const out: HNode[] = [];
  for (const c of n.childNodes ?? []) {
    if (c.tagName === tag) out.push(c);
    else if (c.tagName && !stopAt.has(c.tagName)) out.push(...elements(c, tag, stopAt));
  }
  return out;
}

function hasNestedTable(table: HNode): boolean {
  const search = (n: HNode): boolean =>
    (n.childNodes ?? []).some((c) => c.tagName === 'table' || (c.tagName !== undefined && search(c)));
  return search(table);
}

function readTable(table: HNode): TableBlock {
  const trs = elements(table, 'tr', new Set(['table']));
  const rows: Cell[][] = [];
  // Grid positions already taken by a rowspan from above: "r:c" → origin.
  const taken = new Map<string, { row: number; col: number; colSpan: number }>();
  trs.forEach((tr, r) => {
    const cells: Cell[] = [];
    let col = 0;
    const place = () => {
      while (taken.has(`${r}:${col}`)) {
        const o = taken.get(`${r}:${col}`);
        if (!o) break;
        cells.push({
          text: '',
          row: r,
          col,
          colSpan: o.colSpan,
          rowSpan: 1,
          mergedFrom: { row: o.row, col: o.col },
        });
        col += o.colSpan;
      }
    };
    for (const td of (tr.childNodes ?? []).filter((c) => c.tagName === 'td' || c.tagName === 'th')) {
      place();
      const colSpan = Math.min(Math.max(Number.parseInt(attr(td, 'colspan') ?? '1', 10) || 1, 1), 1000);
      const rowSpan = Math.min(Math.max(Number.parseInt(attr(td, 'rowspan') ?? '1', 10) || 1, 1), 65534);
      const span = Math.min(rowSpan, trs.length - r);
      cells.push({ text: textOf(td), row: r, col, colSpan, rowSpan: span });
      for (let k = 1; k < span; k++) taken.set(`${r + k}:${col}`, { row: r, col, colSpan });
      col += colSpan;
    }
    place();
    rows.push(cells);
  });
  return { type: 'table', rows };
}

/** Paragraphs and data tables of an HTML document, in order. */
export function readHtmlTables(html: string): DocBlock[] {
  const doc = parse(html) as unknown as HNode;
  const blocks: DocBlock[] = [];
  let inline: string[] = [];
  const flush = () => {
    const text = inline.join('');
    for (const l of text.split('\n')) {
      const t = l.replace(/\u00a0/g, ' ').trim();
      if (t !== '') blocks.push({ type: 'p', text: t });
    }
    inline = [];
  };
  const walk = (n: HNode) => {
    if (n.nodeName === '#text') {
      inline.push((n.value ?? '').replace(/[ \t\r\n\f]+/g, ' '));
      return;
    }
    const tag = n.tagName ?? '';
    if (SKIP.has(tag) || n.nodeName === '#comment') return;
    if (tag === 'table' && !hasNestedTable(n)) {
      flush();
      blocks.push(readTable(n));
      return;
    }
    if (tag === 'br') {
      inline.push('\n');
      return;
    }
    const block = BLOCK.has(tag) || tag === 'tr' || tag === 'td' || tag === 'th' || tag === 'table';
    if (block) inline.push('\n');
    for (const c of n.childNodes ?? []) walk(c);
    if (block) inline.push('\n');
  };
  walk(doc);
  flush();
  return blocks;
}
