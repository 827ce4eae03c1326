// 错别字 and 严重表述错误 (19号 veto 安全、泄密事故等严重问题 → serious misstatement): a dictionary of wrong forms with
// optional context, plus party-congress ordinals that cannot be right for the page's date.
import starter from './wording-dictionary.json';

export interface WordingEntry {
  wrong: string;
  right: string;
  why?: string;
  /** The text right after the wrong form must match this (e.g. 截止 only before a date: 截至 is meant). */
  before?: string;
  /** Not an error when the text right before matches this. */
  notAfter?: string;
}

export interface WordingDictionary {
  typos: WordingEntry[];
  serious: WordingEntry[];
  /** Party congresses held, with the day each opened: an ordinal not yet held at the page's date is an error. */
  congresses: { n: number; opened: string }[];
}

export const STARTER_DICTIONARY: WordingDictionary = starter as WordingDictionary;

export interface WordingIssue {
  kind: 'typo' | 'serious_error';
  text: string;
  detail: string;
}

const DIGITS: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** 十八 → 18, 二十一 → 21, 二十 → 20 (ordinals below 100). */
export function chineseNumber(s: string): number | undefined {
  if (/^\d+$/.test(s)) return Number(s);
  const m = /^([一二三四五六七八九])?(十)?([一二三四五六七八九])?$/.exec(s);
  if (!m || !s) return undefined;
  if (!m[2]) return m[1] && !m[3] ? DIGITS[m[1]] : undefined;
  return (m[1] ? DIGITS[m[1]]! : 1) * 10 + (m[3] ? DIGITS[m[3]]! : 0);
}

const NUM = '([一二三四五六七八九十]{1,4}|\\d{1,2})';
const CONGRESS_RES = [
  new RegExp(`中国共产党第${NUM}次全国代表大会`, 'g'),
  new RegExp(`党的第?${NUM}大`, 'g'),
  new RegExp(`第?${NUM}届(?:中央)?[一二三四五六七八九十]中全会`, 'g'),
];
// Looking forward to a congress is not a misstatement: 迎接党的二十大胜利召开.
const FORWARD = /(迎接|喜迎|筹备|召开前|前夕)$/;

function heldAt(date: string, dict: WordingDictionary): number {
  let held = 0;
  for (const c of dict.congresses) if (c.opened <= date && c.n > held) held = c.n;
  return held;
}

function matchesAt(entry: WordingEntry, text: string, at: number): boolean {
  if (entry.before && !new RegExp(entry.before).test(text.slice(at + entry.wrong.length))) return false;
  if (entry.notAfter && new RegExp(`(?:${entry.notAfter})$`).test(text.slice(0, at))) return false;
  return true;
}

/** Every wording issue in `text` of a page dated `pageDate` (one per distinct wrong form). */
export function findWordingIssues(
  text: string,
  pageDate: string,
  dict: WordingDictionary = STARTER_DICTIONARY,
): WordingIssue[] {
  const out: WordingIssue[] = [];
  const seen = new Set<string>();
  const add = (i: WordingIssue) => {
    if (seen.has(i.text)) return;
    seen.add(i.text);
    out.push(i);
  };
  for (const [kind, list] of [
    ['serious_error', dict.serious],
    ['typo', dict.typos],
  ] as const) {
    for (const e of list) {
      if (!e.wrong) continue;
      for (let at = text.indexOf(e.wrong); at >= 0; at = text.indexOf(e.wrong, at + 1)) {
        if (!matchesAt(e, text, at)) continue;
        const why = e.why ? `${e.why}：` : '';
        add({ kind, text: e.wrong, detail: `${why}“${e.wrong}”应为“${e.right}”` });
        break;
      }
    }
  }
  const held = heldAt(pageDate, dict);
  if (held > 0)
    for (const re of CONGRESS_RES)
      for (const m of text.matchAll(re)) {
        const n = chineseNumber(m[1]!);
        if (n === undefined || n <= held) continue;
        if (FORWARD.test(text.slice(Math.max(0, m.index - 6), m.index).replace(/党的$/, ''))) continue;
        add({
          kind: 'serious_error',
          text: m[0],
          detail: `届次错误：截至${pageDate}，党的全国代表大会最近一次为第${held}次`,
        });
      }
  return out;
}
