// Full-width forms (０-９, Ｘ, －, ＋, …) written in Chinese text: personal-data rules match on the half-width
// copy. One UTF-16 unit maps to one, so offsets found in the copy are offsets in the original.

/** The half-width form of one full-width ASCII character (U+FF01–U+FF5E); other characters unchanged. */
export function halfWidthChar(c: string): string {
  const code = c.charCodeAt(0);
  return c.length === 1 && code >= 0xff01 && code <= 0xff5e ? String.fromCharCode(code - 0xfee0) : c;
}

/** `text` with every full-width ASCII form made half-width; same length, same offsets. */
export function toHalfWidth(text: string): string {
  return text.replace(/[\uff01-\uff5e]/g, halfWidthChar);
}
