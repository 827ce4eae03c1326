// Word's automatic numbering (word/numbering.xml): a paragraph whose "一、", "（一）" or "1." Word draws from a list
// definition holds no such text in its runs. The reader writes the label in front of the paragraph as Word shows
// it, so that headings, items and measures are numbered as in the notice on screen.

import { attr, child, kids, tagOf, type XNode } from './ooxml';

interface Level {
  format: string;
  text: string;
  start: number;
}

/** The list definitions of a document: each list (w:num) with its levels (w:lvl, from its w:abstractNum). */
export interface Numbering {
  lists: Map<string, Map<number, Level>>;
}

const HAN = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** 1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 105 → 一百零五 (as far as a list counts). */
export function hanNumber(n: number): string {
  if (n <= 0 || n >= 1000) return String(n);
  const h = Math.floor(n / 100);
  const t = Math.floor((n % 100) / 10);
  const u = n % 10;
  let out = h ? `${HAN[h]}百` : '';
  if (t) out += `${h || t > 1 ? HAN[t] : ''}十`;
  else if (h && u) out += '零';
  return out + (u ? HAN[u] : '');
}

const TIANGAN = '甲乙丙丁戊己庚辛壬癸';
const ROMAN: [number, string][] = [
  [1000, 'M'],
  [900, 'CM'],
  [500, 'D'],
  [400, 'CD'],
  [100, 'C'],
  [90, 'XC'],
  [50, 'L'],
  [40, 'XL'],
  [10, 'X'],
  [9, 'IX'],
  [5, 'V'],
  [4, 'IV'],
  [1, 'I'],
];

function roman(n: number): string {
  let out = '';
  for (const [v, s] of ROMAN)
    while (n >= v) {
      out += s;
      n -= v;
    }
  return out;
}

function letters(n: number): string {
  // A, B, … Z, AA, BB … as Word counts
  const ch = String.fromCharCode(65 + ((n - 1) % 26));
  return ch.repeat(Math.floor((n - 1) / 26) + 1);
}

/** The counter `n` in a list format (w:numFmt); null for a bullet or a format that draws no number. */
export function formatCounter(format: string, n: number): string | null {
  switch (format) {
    case 'decimal':
      return String(n);
    case 'decimalZero':
      return String(n).padStart(2, '0');
    case 'decimalFullWidth':
    case 'decimalFullWidth2':
      return String(n).replace(/\d/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));
    case 'chineseCounting':
    case 'chineseCountingThousand':
    case 'ideographDigital':
    case 'japaneseCounting':
      return hanNumber(n);
    case 'ideographTraditional':
      return TIANGAN[(n - 1) % 10] ?? String(n);
    case 'decimalEnclosedCircle':
    case 'decimalEnclosedCircleChinese':
      return n >= 1 && n <= 20 ? String.fromCharCode(0x2460 + n - 1) : String(n);
    case 'upperLetter':
      return letters(n);
    case 'lowerLetter':
      return letters(n).toLowerCase();
    case 'upperRoman':
      return roman(n);
    case 'lowerRoman':
      return roman(n).toLowerCase();
    default:
      return null;
  }
}

export function parseNumbering(tree: XNode[] | undefined): Numbering {
  const lists = new Map<string, Map<number, Level>>();
  const root = tree?.find((n) => tagOf(n) === 'w:numbering');
  if (!root) return { lists };
  const val = (n: XNode | undefined) => (n ? attr(n, 'w:val') : undefined);
  const levelsOf = (nodes: XNode[], into: Map<number, Level>) => {
    for (const lvl of nodes.filter((k) => tagOf(k) === 'w:lvl')) {
      const ilvl = Number(attr(lvl, 'w:ilvl') ?? 0);
      const start = Number(val(child(lvl, 'w:start')) ?? 1);
      into.set(ilvl, {
        format: val(child(lvl, 'w:numFmt')) ?? 'decimal',
        text: val(child(lvl, 'w:lvlText')) ?? '',
        start: Number.isFinite(start) ? start : 1,
      });
    }
  };
  const abstracts = new Map<string, Map<number, Level>>();
  for (const a of kids(root).filter((k) => tagOf(k) === 'w:abstractNum')) {
    const levels = new Map<number, Level>();
    levelsOf(kids(a), levels);
    abstracts.set(attr(a, 'w:abstractNumId') ?? '', levels);
  }
  for (const num of kids(root).filter((k) => tagOf(k) === 'w:num')) {
    const levels = new Map(abstracts.get(val(child(num, 'w:abstractNumId')) ?? '') ?? []);
    // A list may restate a level (w:lvlOverride with its own w:lvl or a new start).
    for (const o of kids(num).filter((k) => tagOf(k) === 'w:lvlOverride')) {
      const ilvl = Number(attr(o, 'w:ilvl') ?? 0);
      const restated = new Map<number, Level>();
      const lvl = child(o, 'w:lvl');
      levelsOf(lvl ? [lvl] : [], restated);
      const base = restated.get(ilvl) ?? levels.get(ilvl);
      const start = val(child(o, 'w:startOverride'));
      if (base) levels.set(ilvl, start === undefined ? base : { ...base, start: Number(start) || 1 });
    }
    lists.set(attr(num, 'w:numId') ?? '', levels);
  }
  return { lists };
}

/** Counts a document's lists as Word does while reading its paragraphs in order. */
export class ListCounter {
  private readonly counts = new Map<string, number[]>();
  constructor(private readonly numbering: Numbering) {}

  /** The label of the next paragraph of list `numId` at level `ilvl` ("（一）", "1."); null when it draws none. */
  next(numId: string, ilvl: number): string | null {
    const levels = this.numbering.lists.get(numId);
    const level = levels?.get(ilvl);
    if (!levels || !level) return null;
    const counts = this.counts.get(numId) ?? [];
    counts[ilvl] = (counts[ilvl] ?? level.start - 1) + 1;
    // A deeper level starts again under each new item above it.
    counts.length = ilvl + 1;
    this.counts.set(numId, counts);
    let drawn = true;
    const label = level.text.replace(/%(\d)/g, (_, k: string) => {
      const at = Number(k) - 1;
      const l = levels.get(at);
      const text = l ? formatCounter(l.format, counts[at] ?? l.start) : null;
      if (text === null) drawn = false;
      return text ?? '';
    });
    return drawn && label.trim() !== '' && formatCounter(level.format, 1) !== null ? label : null;
  }
}
