// The editor's document model against the server's sanitiser, without a browser: every node and mark the editor's
// schema can produce is rendered through its own toDOM (TipTap's renderHTML) and must come back from sanitizeBody
// unchanged but for the stated normalisation. Adding an extension without allowing its HTML on the server fails here.
import { getSchema } from '@tiptap/core';
import type { DOMOutputSpec, Mark, Node } from '@tiptap/pm/model';
import { describe, expect, it } from 'vitest';
import { normaliseEditorHtml } from '../../../test/editor-html';
import { eachReturns } from '../../../test/table';
import { sanitizeBody } from '../../server/modules/disclosure/sanitize';
import { editorExtensions, safeLinkHref } from './richText';

const esc = (s: string) =>
  s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\u00a0/g, '&nbsp;');
const VOID = new Set(['br', 'hr', 'col', 'img']);

/** DOMOutputSpec arrays → HTML, as ProseMirror's DOMSerializer + innerHTML would write them. */
function specToHtml(spec: DOMOutputSpec, inner: string): string {
  if (typeof spec === 'string') return esc(spec);
  if (!Array.isArray(spec)) throw new Error('toDOM returned a DOM node: not renderable without a browser');
  const [tag, ...rest] = spec as readonly unknown[];
  let attrs = '';
  let children = rest;
  const first = rest[0];
  if (first && typeof first === 'object' && !Array.isArray(first)) {
    for (const [k, v] of Object.entries(first))
      if (v != null) attrs += ` ${k}="${esc(String(v)).replace(/"/g, '&quot;')}"`;
    children = rest.slice(1);
  }
  if (VOID.has(String(tag))) return `<${tag}${attrs}>`;
  const body = children.map((c) => (c === 0 ? inner : specToHtml(c as DOMOutputSpec, inner))).join('');
  return `<${tag}${attrs}>${body}</${tag}>`;
}

const used = new Set<string>();
function render(node: Node): string {
  used.add(node.type.name);
  if (node.isText) {
    return node.marks.reduceRight(
      (html: string, m: Mark) => {
        used.add(m.type.name);
        return specToHtml(m.type.spec.toDOM!(m, true), html);
      },
      esc(node.text ?? ''),
    );
  }
  let inner = '';
  node.forEach((c) => {
    inner += render(c);
  });
  return node.type.name === 'doc' ? inner : specToHtml(node.type.spec.toDOM!(node), inner);
}

const t = (text: string, marks: object[] = []) => ({ type: 'text', text, marks });
const p = (...content: object[]) => ({ type: 'paragraph', content });
const cell = (type: string, text: string, attrs: object = {}) => ({ type, attrs, content: [p(t(text))] });

describe('every node and mark of the editor survives the sanitiser', () => {
  const schema = getSchema(editorExtensions());
  const doc = schema.nodeFromJSON({
    type: 'doc',
    content: [
      { type: 'heading', attrs: { level: 2 }, content: [t('二级标题')] },
      { type: 'heading', attrs: { level: 3 }, content: [t('三级标题')] },
      p(
        t('粗', [{ type: 'bold' }]),
        t('斜', [{ type: 'italic' }]),
        t('下', [{ type: 'underline' }]),
        t('删', [{ type: 'strike' }]),
        t('全部', [{ type: 'bold' }, { type: 'italic' }, { type: 'underline' }]),
        t('政府网', [{ type: 'link', attrs: { href: 'https://www.gov.cn', title: '中国政府网' } }]),
        t('信箱', [{ type: 'link', attrs: { href: 'mailto:gk@example.gov.cn' } }]),
        { type: 'hardBreak' },
        t('a < b & c\u00a0d'),
      ),
      { type: 'blockquote', content: [p(t('引用'))] },
      {
        type: 'orderedList',
        attrs: { start: 3 },
        content: [{ type: 'listItem', content: [p(t('第三项'))] }],
      },
      {
        type: 'bulletList',
        content: [
          {
            type: 'listItem',
            content: [
              p(t('要点')),
              { type: 'orderedList', content: [{ type: 'listItem', content: [p(t('子项'))] }] },
            ],
          },
        ],
      },
      { type: 'horizontalRule' },
      {
        type: 'table',
        content: [
          { type: 'tableRow', content: [cell('tableHeader', '事项'), cell('tableHeader', '单位')] },
          { type: 'tableRow', content: [cell('tableCell', '合并', { colspan: 2, rowspan: 1 })] },
          {
            type: 'tableRow',
            content: [cell('tableCell', '竖并', { rowspan: 2, align: 'center' }), cell('tableCell', '格')],
          },
          { type: 'tableRow', content: [cell('tableCell', '末格')] },
        ],
      },
    ],
  });
  doc.check();
  const html = render(doc);

  it('the sample covers every node and mark type of the schema', () => {
    expect([...used].sort()).toEqual([...Object.keys(schema.nodes), ...Object.keys(schema.marks)].sort());
  });

  it('sanitizeBody(editor HTML) = the editor HTML after the stated normalisation', () => {
    expect(html).toContain('style='); // the table and the aligned cell: otherwise this test proves less
    expect(sanitizeBody(html)).toBe(normaliseEditorHtml(html));
  });

  it('headings are 二级/三级 only (the page title is the 一级), no code marks or blocks', () => {
    const tags = (schema.nodes.heading!.spec.parseDOM ?? []).map((r) => ('tag' in r ? r.tag : ''));
    expect(tags).toEqual(['h2', 'h3']);
    expect(schema.nodes.codeBlock).toBeUndefined();
    expect(schema.marks.code).toBeUndefined();
  });
});

describe('safeLinkHref (the 链接 dialog)', () => {
  eachReturns(
    safeLinkHref,
    [
      ['https://www.gov.cn/zhengce/', 'https://www.gov.cn/zhengce/'],
      ['http://example.gov.cn', 'http://example.gov.cn'],
      ['  www.gov.cn/xxgk?id=1  ', 'https://www.gov.cn/xxgk?id=1'],
      ['gk@example.gov.cn', 'mailto:gk@example.gov.cn'],
      ['mailto:gk@example.gov.cn', 'mailto:gk@example.gov.cn'],
      ['javascript:alert(1)', null],
      ['JavaScript:alert(1)//www.gov.cn', null],
      ['java\tscript:alert(1)', null],
      ['data:text/html,<script>alert(1)</script>', null],
      ['vbscript:msgbox', null],
      ['ftp://example.gov.cn/a', null],
      ['tel:12345', null],
      ['/xxgk/info/1', null],
      ['#_Toc123', null],
      ['https://', null],
      ['mailto:', null],
      ['政府网', null],
      ['', null],
    ],
    '%j → %j',
  );

  it('the link extension refuses what the dialog refuses (pasted links included)', () => {
    const schema = getSchema(editorExtensions());
    const rule = schema.marks.link!.spec.parseDOM![0]!;
    const fakeAnchor = (href: string) => ({ getAttribute: (n: string) => (n === 'href' ? href : null) });
    const accepts = (href: string) =>
      (rule as { getAttrs: (d: unknown) => unknown }).getAttrs(fakeAnchor(href)) !== false;
    expect(accepts('https://www.gov.cn')).toBe(true);
    expect(accepts('mailto:gk@example.gov.cn')).toBe(true);
    expect(accepts('javascript:alert(1)')).toBe(false);
    expect(accepts('tel:12345')).toBe(false);
    expect(accepts('#_Toc123')).toBe(false);
  });
});
