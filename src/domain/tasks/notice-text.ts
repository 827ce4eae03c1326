// Text helpers of the notice parser: whitespace, a task's text and its numbered measures.

export function dedupe(xs: string[]): string[] {
  return [...new Set(xs)];
}

export function dedupeBy<T>(xs: T[], key: (x: T) => string): T[] {
  const seen = new Set<string>();
  return xs.filter((x) => {
    const k = key(x);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/** Exotic spaces (U+2002 in seed 002, NBSP, ideographic space) become one ASCII space. */
export function normSpaces(s: string): string {
  return s
    .replace(/[\u00a0\u2000-\u200b\u202f\u205f\u3000]/g, ' ')
    .replace(/ {2,}/g, ' ')
    .trim();
}

export function compact(s: string): string {
  return s.replace(/[\s\u00a0\u3000]+/g, '');
}

// ---------------------------------------------------------------------------------------------------------
// Text of a task and its numbered measures

const RESIDUE = /^[.．·•\s]+$/;

/** Lines trimmed, empty lines and lines that are only the residue of a lost list number (".") dropped. */
export function cleanText(raw: string): { text: string; lostNumbers: boolean } {
  let lostNumbers = false;
  const lines: string[] = [];
  for (const l of raw.split('\n')) {
    const t = normSpaces(l);
    if (t === '') continue;
    if (RESIDUE.test(t)) lostNumbers = true;
    else lines.push(t);
  }
  return { text: lines.join('\n'), lostNumbers };
}

type MarkerStyle = 'cn' | 'paren-cn' | 'num' | 'paren-num' | 'circled';

const MARKERS: [MarkerStyle, RegExp][] = [
  ['cn', /^[一二三四五六七八九十]+、\s*/],
  ['paren-cn', /^[（(][一二三四五六七八九十]+[）)]\s*/],
  ['num', /^\d{1,2}\s*[.．、](?!\d)\s*/],
  ['paren-num', /^[（(]\d{1,2}[）)]\s*/],
  ['circled', /^[①-⑳]\s*/],
];

function markerOf(line: string): { style: MarkerStyle; length: number } | null {
  for (const [style, re] of MARKERS) {
    const m = re.exec(line);
    if (m) return { style, length: m[0].length };
  }
  return null;
}

/**
 * The numbered measures of a task text. The numbering style of the first numbered line is the top level;
 * lines of other styles ("（1）" under "1．") stay inside their item. Text before the first number is not a
 * measure, unless list numbers were lost (seed 001: lines of "."), when every such line is one.
 */
export function splitMeasures(raw: string): string[] {
  const lines = raw
    .split('\n')
    .map((l) => l.replace(/[\u00a0\u3000]/g, ' ').trim())
    .filter((l) => l !== '');
  let top: MarkerStyle | null = null;
  for (const l of lines) {
    const m = markerOf(l);
    if (m) {
      top = m.style;
      break;
    }
  }
  const lost = lines.some((l) => RESIDUE.test(l));
  const items: string[][] = [];
  let current: string[] | null = null;
  let numbered = false;
  let boundary = true;
  for (const l of lines) {
    if (RESIDUE.test(l)) {
      // A list number lost in conversion: the next line starts an item (until real numbers begin).
      if (!numbered) boundary = true;
      continue;
    }
    const m = markerOf(l);
    if (top && m && m.style === top) {
      numbered = true;
      current = [l.slice(m.length).trim()];
      items.push(current);
    } else if (!numbered && lost && (boundary || current === null)) {
      current = [l];
      items.push(current);
    } else if (current !== null && (numbered || lost)) {
      current.push(l);
    }
    boundary = false;
  }
  return items.map((it) => it.join('\n').trim()).filter((s) => s !== '');
}
