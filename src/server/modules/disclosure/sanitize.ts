// Rich-text bodies are sanitised on the way in (issue 5 "a script tag in the body"): an allow-list of tags
// and attributes, only http(s)/mailto links, no event handlers or styles. The console's editor (TipTap, see
// src/admin/components/richText.ts) emits a subset of this list; what it emits beyond it is `style` (table and
// column widths, cell alignment), which is dropped here. Older bodies pasted as HTML may use the other tags.
import sanitizeHtml from 'sanitize-html';

const OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: [
    'p',
    'br',
    'h2',
    'h3',
    'h4',
    'strong',
    'b',
    'em',
    'i',
    'u',
    's',
    'hr',
    'ul',
    'ol',
    'li',
    'blockquote',
    'table',
    'colgroup',
    'col',
    'thead',
    'tbody',
    'tr',
    'th',
    'td',
    'a',
    'img',
    'span',
    'div',
    'sup',
    'sub',
  ],
  allowedAttributes: {
    a: ['href', 'title'],
    // Not `type` (a. / i. numbering): sanitize-html keeps a disallowed value as an empty attribute, and the
    // toolbar only makes 1. 2. 3. lists.
    ol: ['start'],
    colgroup: ['span'],
    col: ['span'],
    img: ['src', 'alt', 'width', 'height'],
    td: ['colspan', 'rowspan'],
    th: ['colspan', 'rowspan', 'scope'],
  },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesByTag: { img: ['https', 'data'] },
  disallowedTagsMode: 'discard',
  // Void elements are written `<br />`; <col> is void too (otherwise it would get a stray </col>).
  selfClosing: [...sanitizeHtml.defaults.selfClosing, 'col'],
};

export function sanitizeBody(html: string): string {
  return sanitizeHtml(html, OPTIONS);
}

/** Plain text of a sanitised body: block ends become line breaks, entities decoded. */
export function bodyToText(html: string): string {
  const withBreaks = html
    .replace(/<\/(p|h[2-4]|li|tr|div|blockquote)>|<br\s*\/?>/gi, '\n')
    .replace(/<\/t[dh]>/gi, '\t');
  const text = sanitizeHtml(withBreaks, { allowedTags: [], allowedAttributes: {} });
  return text
    .replace(/&nbsp;/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Replaces every occurrence of `text` (as it appears in HTML) by `masked`: the one-click mask of the body. */
export function maskInHtml(html: string, text: string, masked: string): string {
  if (!text) return html;
  return html.split(escapeHtml(text)).join(escapeHtml(masked));
}
