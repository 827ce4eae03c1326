// Character bigrams for search recall (issue 15 part 2). Every text that contains a query word of two characters or
// more contains all of that word's bigrams, so "all the word's bigrams are in the item" finds every item a
// substring scan finds, whatever jieba makes of the word (秸秆禁烧 outside its dictionary). A bigram is stored as
// one int4 (two UTF-16 code units), compared case-insensitively like ILIKE.

// Whitespace and control characters end a bigram; a control character never starts one, which leaves the codes
// with U+0001 as first character free for the month marks below.
const BREAK = /[\s\p{Cc}]/u;

/** The int4 of the bigram at `i` of an already lower-cased string. */
const codeAt = (s: string, i: number): number => (s.charCodeAt(i) << 16) | s.charCodeAt(i + 1) | 0;

/** Distinct bigram codes of `text` (bigrams across whitespace are left out: a query word never holds a space). */
export function bigramCodes(text: string): number[] {
  const s = text.toLowerCase();
  const out = new Set<number>();
  for (let i = 0; i + 1 < s.length; i++) {
    if (BREAK.test(s[i]!) || BREAK.test(s[i + 1]!)) continue;
    out.add(codeAt(s, i));
  }
  return [...out].sort((a, b) => a - b);
}

/** The words of a query as typed: split on whitespace, lower-cased, each once. */
export function queryWords(q: string): string[] {
  return [
    ...new Set(
      q
        .toLowerCase()
        .split(/\s+/u)
        .filter((w) => w.length > 0),
    ),
  ];
}

/**
 * What an item must contain to match: the bigrams of every query word of two characters or more. A one-character
 * word adds no condition (the index holds no single characters), so the match stays a superset of the substring
 * scan's. Empty when no word is long enough.
 */
export function queryGrams(q: string): number[] {
  return [...new Set(queryWords(q).flatMap((w) => (w.length >= 2 ? bigramCodes(w) : [])))].sort(
    (a, b) => a - b,
  );
}

/**
 * The publication month as one more element of the array (U+0001 + month number): "matches published since" is then
 * a second key of the same GIN scan, so a word in every item ranks only its recent matches without reading the
 * others.
 */
export function monthCode(at: Date): number {
  return (1 << 16) | ((at.getUTCFullYear() - 2000) * 12 + at.getUTCMonth());
}

/** The month codes from `from` to `to`, both included (empty when `from` is later). */
export function monthCodes(from: Date, to: Date): number[] {
  const out: number[] = [];
  for (let c = monthCode(from), end = monthCode(to); c <= end; c++) out.push(c);
  return out;
}
