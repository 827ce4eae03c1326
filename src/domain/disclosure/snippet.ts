// Highlighted snippets for search results: a window of the plain text around the first query term, with the
// terms wrapped in <mark>. Returns HTML-escaped text so the portal can insert it as is.

const esc = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

export function highlight(text: string, terms: readonly string[]): string {
  const ts = [...new Set(terms.filter((t) => t.trim().length > 0))].sort((a, b) => b.length - a.length);
  if (ts.length === 0) return esc(text);
  const re = new RegExp(ts.map((t) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'), 'giu');
  let out = '';
  let last = 0;
  for (const m of text.matchAll(re)) {
    out += `${esc(text.slice(last, m.index))}<mark>${esc(m[0])}</mark>`;
    last = m.index + m[0].length;
  }
  return out + esc(text.slice(last));
}

export function snippet(text: string, terms: readonly string[], width = 120): string {
  const flat = text.replace(/\s+/gu, ' ').trim();
  const lower = flat.toLowerCase();
  let first = -1;
  for (const t of terms) {
    const i = lower.indexOf(t.toLowerCase());
    if (i >= 0 && (first < 0 || i < first)) first = i;
  }
  const start = first < 0 ? 0 : Math.max(0, first - Math.floor(width / 4));
  const end = Math.min(flat.length, start + width);
  return `${start > 0 ? '…' : ''}${highlight(flat.slice(start, end), terms)}${end < flat.length ? '…' : ''}`;
}
