// 公开路径 inside a measure: "（公开路径：1．政府网站>政府信息公开>法定主动公开内容>规划信息>专项规划，2．其他渠道）".

import { closingBracket } from '../text/brackets';

const OPEN = '（(';
const CLOSE = '）)';
const LABEL = /公开路径\s*[:：]/g;

/**
 * Every disclosure path written in `text`, each as its list of levels. Levels are separated by ">" (also
 * "＞", "》", "→"); numbered alternatives "1．…，2．…" are separate paths. Each path is kept as written
 * ("预算/决算" stays one level); a channel without levels ("其他渠道") is a one-level path.
 */
export function parseDisclosurePaths(text: string): string[][] {
  const out: string[][] = [];
  for (const m of text.matchAll(LABEL)) {
    const start = (m.index ?? 0) + m[0].length;
    // The label sits inside "（公开路径：…）": read until the bracket that closes it, or the end of the
    // sentence when the notice forgot to close it (seed 001 row 1).
    const end = closingBracket(text, start, { open: OPEN, close: CLOSE, stops: '。\n' });
    const body = text.slice(start, end);
    for (const alt of splitAlternatives(body)) {
      const levels = alt
        .split(/\s*(?:>|＞|》|→|&gt;)\s*/)
        .map((s) => s.trim())
        .filter((s) => s !== '');
      if (levels.length > 0) out.push(levels);
    }
  }
  return out;
}

/** "1．A>B，2．C" → ["A>B", "C"]; split only at a separator followed by the next number. */
function splitAlternatives(body: string): string[] {
  const parts = body.split(/[，,；;、]\s*(?=\d+\s*[．.、])/);
  return parts
    .map((p) =>
      p
        .trim()
        .replace(/^\d+\s*[．.、]\s*/, '')
        .replace(/[。；;，,]+$/, '')
        .trim(),
    )
    .filter((p) => p !== '');
}
