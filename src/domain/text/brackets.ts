// Written lists split on separators that stand outside brackets: "区财政局（含所属单位、科室）、区审计局" is two
// names, not three; and where a bracket that a notice opened closes again.

/** Brackets of notices: full-width and ASCII round and square, lenticular 【】 and tortoise-shell 〔〕. */
export const OPEN_BRACKETS = '（(［[【〔';
export const CLOSE_BRACKETS = '）)］]】〕';

/** The pieces of `text` between the separators `seps` met at bracket depth 0, as written (untrimmed, empty kept). */
export function splitOutsideBrackets(
  text: string,
  seps: string,
  open = OPEN_BRACKETS,
  close = CLOSE_BRACKETS,
): string[] {
  const out: string[] = [];
  let depth = 0;
  let cur = '';
  for (const ch of text) {
    if (open.includes(ch)) depth++;
    else if (close.includes(ch)) depth = Math.max(0, depth - 1);
    if (depth === 0 && seps.includes(ch)) {
      out.push(cur);
      cur = '';
    } else cur += ch;
  }
  out.push(cur);
  return out;
}

/** Whether a bracket opened in `text` is still open at its end ("（牵头单位：X；" continues on the next line). */
export function bracketOpen(text: string): boolean {
  let depth = 0;
  for (const ch of text) {
    if (OPEN_BRACKETS.includes(ch)) depth++;
    else if (CLOSE_BRACKETS.includes(ch)) depth = Math.max(0, depth - 1);
  }
  return depth > 0;
}

/**
 * Where the bracket left open before `from` closes: the index of its closing bracket (brackets opened and closed
 * inside it skipped), of the first character of `stops` met outside those inner brackets, or `text.length`.
 */
export function closingBracket(
  text: string,
  from: number,
  { open = OPEN_BRACKETS, close = CLOSE_BRACKETS, stops = '' } = {},
): number {
  let depth = 0;
  let i = from;
  for (; i < text.length; i++) {
    const ch = text[i] ?? '';
    if (open.includes(ch)) depth++;
    else if (close.includes(ch)) {
      if (depth === 0) break;
      depth--;
    } else if (depth === 0 && stops.includes(ch)) break;
  }
  return i;
}
