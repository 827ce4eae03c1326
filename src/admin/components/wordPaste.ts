// Microsoft Word (desktop) does not put numbered or bulleted lists on the clipboard as <ol>/<ul>: every item is a
// <p class="MsoListParagraph…" style="…mso-list:l0 level1 lfo1"> whose marker ("1.", "一、", "·") sits in a
// conditional comment <![if !supportLists]>…<![endif]>. ProseMirror would keep those as plain paragraphs with the
// marker typed into the text. This string-level pass (no DOM, so it is unit-tested in Node) turns each run of such
// paragraphs into nested <ol>/<ul> before the editor parses the paste. Everything else is left to the editor's schema.

const LIST_PARAGRAPH = /<p\b([^>]*?\bmso-list:\s*l\d+\s+level(\d+)[^>]*)>([\s\S]*?)<\/p>/gi;
// Word for Windows writes <![if !supportLists]>; Word for Mac and Outlook write <!--[if !supportLists]-->.
const MARKER = /<!(?:--)?\[if !supportLists\](?:--)?>([\s\S]*?)<!(?:--)?\[endif\](?:--)?>/i;
const BULLET_FONTS = /font-family:\s*["']?(Symbol|Wingdings)/i;
const BULLET_CHARS =
  /^[\u00b7\u2022\u2023\u25aa\u25ab\u25cf\u25cb\u25a0\u25a1\u25c6\u25c7\u2666\u27a2\u2713\u2714o§Ø\u00d8\uf0b7\uf0a7\uf0d8\uf0fc\uf076-]$/;

interface WordItem {
  level: number;
  type: 'ol' | 'ul';
  content: string;
}

function decodeMarker(html: string): string {
  return html
    .replace(/<[^>]*>/g, '')
    .replace(/&nbsp;|&#160;/gi, ' ')
    .replace(/&amp;/gi, '&')
    .replace(/\s+/g, ' ')
    .trim();
}

function listItem(attrs: string, level: string, inner: string): WordItem {
  const m = MARKER.exec(inner);
  const markerHtml = m?.[1] ?? '';
  const marker = decodeMarker(markerHtml);
  const bullet = BULLET_FONTS.test(markerHtml) || BULLET_FONTS.test(attrs) || BULLET_CHARS.test(marker);
  return {
    level: Math.max(1, Number.parseInt(level, 10) || 1),
    type: bullet ? 'ul' : 'ol',
    content: m ? inner.replace(m[0], '') : inner,
  };
}

/** Nested lists from one run of consecutive Word list paragraphs. */
function renderRun(items: readonly WordItem[]): string {
  let out = '';
  const open: { level: number; type: 'ol' | 'ul' }[] = [];
  for (const it of items) {
    while (open.length > 0 && open[open.length - 1]!.level > it.level) out += `</li></${open.pop()!.type}>`;
    const top = open[open.length - 1];
    if (top && top.level === it.level) {
      if (top.type === it.type) out += '</li>';
      else out += `</li></${open.pop()!.type}>`;
    }
    const cur = open[open.length - 1];
    if (!cur || cur.level < it.level) {
      out += `<${it.type}>`;
      open.push({ level: it.level, type: it.type });
    }
    out += `<li><p>${it.content}</p>`;
  }
  while (open.length > 0) out += `</li></${open.pop()!.type}>`;
  return out;
}

/** Word clipboard HTML with its list paragraphs turned into <ol>/<ul>; other HTML is returned unchanged. */
export function wordListsToHtml(html: string): string {
  if (!/mso-list:\s*l\d+\s+level\d+/i.test(html)) return html;
  let out = '';
  let last = 0;
  let run: WordItem[] = [];
  for (const m of html.matchAll(LIST_PARAGRAPH)) {
    const between = html.slice(last, m.index);
    // Paragraphs separated only by whitespace (or empty Word comments) belong to the same list.
    if (run.length > 0 && between.replace(/<!--[\s\S]*?-->/g, '').trim() !== '') {
      out += renderRun(run);
      run = [];
    }
    if (run.length === 0) out += between;
    run.push(listItem(m[1]!, m[2]!, m[3]!));
    last = m.index + m[0].length;
  }
  if (run.length > 0) out += renderRun(run);
  return out + html.slice(last);
}

const STYLE_BLOCK = /<style\b[\s\S]*?<\/style\s*>/gi;
const STYLED_SPAN = /<span\b([^>]*?)\sstyle\s*=\s*(?:"([^"]*)"|'([^']*)')([^>]*)>([^<]*)<\/span>/gi;
const STYLE_ATTR = /(<[a-z][^>]*?)\sstyle\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]+)/gi;

/**
 * Pasted HTML without <style> blocks and style attributes. The console's CSP allows no inline style, and the
 * editor parses a paste in a document that shares it: each one would be refused (a CSP violation) and read as
 * nothing. What the editor's schema keeps of a span's inline style — bold, italic, underline, strike-through (how
 * Google Docs and WPS mark them) — becomes tags first. Run after wordListsToHtml, which reads Word's mso-list styles.
 */
export function withoutInlineStyles(html: string): string {
  return html
    .replace(STYLE_BLOCK, '')
    .replace(STYLED_SPAN, (_m, before: string, dq = '', sq = '', after: string, text: string) => {
      const style = `${dq}${sq}`;
      const tags = [
        /font-weight\s*:\s*(bold|[6-9]00)/i.test(style) ? 'strong' : '',
        /font-style\s*:\s*italic/i.test(style) ? 'em' : '',
        /text-decoration[^;]*underline/i.test(style) ? 'u' : '',
        /text-decoration[^;]*line-through/i.test(style) ? 's' : '',
      ].filter(Boolean);
      const open = tags.map((t) => `<${t}>`).join('');
      const close = [...tags]
        .reverse()
        .map((t) => `</${t}>`)
        .join('');
      return `<span${before}${after}>${open}${text}${close}</span>`;
    })
    .replace(STYLE_ATTR, '$1');
}
