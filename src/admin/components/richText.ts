// The rich-text body editor's document model: which TipTap extensions it uses and which links it accepts. Kept
// apart from the React component so tests can check the schema against the server's sanitiser without a browser.
// Only RichTextEditor.tsx (loaded lazily) imports this file: importing it elsewhere would pull TipTap into that chunk.
import type { Extensions } from '@tiptap/core';
import { TableKit } from '@tiptap/extension-table';
import StarterKit from '@tiptap/starter-kit';

const SCHEMES = /^(https?:\/\/|mailto:)/i;

/**
 * The link an officer typed, made absolute and checked: http(s) and mailto only (the server's allow-list).
 * "www.gov.cn" becomes "https://www.gov.cn", "a@b.cn" becomes "mailto:a@b.cn"; anything else is null.
 */
export function safeLinkHref(input: string): string | null {
  // Control characters and whitespace inside a scheme ("java\tscript:") are how filters get fooled: reject them.
  const s = input.trim();
  if (!s || /\s/.test(s) || [...s].some((c) => c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f))
    return null;
  if (SCHEMES.test(s)) {
    if (/^mailto:/i.test(s)) return /^mailto:[^@\s]+@[^@\s]+$/i.test(s) ? s : null;
    try {
      const u = new URL(s);
      return u.hostname ? s : null;
    } catch {
      return null;
    }
  }
  if (/^[^@/:]+@[^@/:]+\.[^@/:]+$/.test(s)) return `mailto:${s}`;
  // A bare host ("www.gov.cn/xxgk"): no scheme-like prefix, a dot in the host part.
  if (/^[a-z0-9-]+(\.[a-z0-9-]+)+(:\d+)?([/?#].*)?$/i.test(s)) return `https://${s}`;
  return null;
}

/**
 * Headings are 二级/三级 only (the page title is the 一级 heading), no code blocks. Links keep just href: the portal
 * decides how links open. Tables come from the table kit (Word pastes keep merged cells).
 */
export function editorExtensions(): Extensions {
  return [
    StarterKit.configure({
      heading: { levels: [2, 3] },
      code: false,
      codeBlock: false,
      link: {
        openOnClick: false,
        // No autolink: it also makes links "inclusive" (typing after a link would extend it), unlike Word.
        autolink: false,
        defaultProtocol: 'https',
        protocols: [],
        HTMLAttributes: { target: null, rel: null, class: null },
        isAllowedUri: (url) => SCHEMES.test(url.trim()) && safeLinkHref(url) !== null,
      },
    }),
    TableKit.configure({ table: { resizable: false } }),
  ];
}
