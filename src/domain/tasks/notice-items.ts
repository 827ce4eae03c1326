// A plan that names no units (工作要点 of a city or province, before the district assigns its own): its numbered
// items read as tasks, the units left for the officer to fill in on the preview. Only when the officer asks
// (ParseNoticeOptions.items): a notice read this way has no unit to check the reading against.

import type { DocBlock } from './blocks';
import type { Context } from './notice-context';
import { levelOf } from './notice-prose';
import { compact, normSpaces } from './notice-text';

interface Node {
  level: number;
  text: string;
  body: string[];
  path: string[];
  children: number;
  source: string;
}

/** The date under the signature ("2023年8月7日"): the plan starts after it (the cover letter is above). */
const SIGNED = /^\d{4}年\d{1,2}月\d{1,2}日$/;
/** The end of the plan's text: its attachments list, the distribution lines. */
const END = /^(?:附件[:：\d]|抄送[:：]|附[:：])/;
/** Parts of a plan that set out its aims, not work to be done. */
const AIMS = /^(?:总体要求|指导思想|基本原则|工作目标|主要目标|目标任务|总体目标)[。.]?$/;

/** An item's own number ("1.", "（一）", "一、"): its place under its heading, which the section path keeps. */
const OWN_NUMBER =
  /^\s*(?:第[一二三四五六七八九十]+(?:部分|篇|章)\s*|[一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]{1,3}[）)]|\d{1,2}\s*[.．、](?!\d)|[①-⑳])\s*/;
const headingWords = (text: string) => compact(text).replace(OWN_NUMBER, '');

export function readItems(blocks: DocBlock[], ctx: Context): void {
  const paras = blocks
    .map((b, i) => ({ b, index: i + 1 }))
    .filter((x): x is { b: Extract<DocBlock, { type: 'p' }>; index: number } => x.b.type === 'p');
  const signed = paras.findLastIndex((p) => SIGNED.test(compact(p.b.text)));
  const top = (after: number) =>
    paras.findIndex((p, i) => i > after && (levelOf(compact(p.b.text)) ?? 9) <= 1);
  // (a plan signed at its end has no cover letter above it)
  const startsAt = top(signed) >= 0 ? top(signed) : top(-1);
  if (startsAt < 0) return;
  // A signature below the plan ends it, the issuer's line above its date too.
  const signedBelow = paras.findIndex((p, i) => i > startsAt && SIGNED.test(compact(p.b.text)));
  const issuer = compact(paras[signedBelow - 1]?.b.text ?? '');
  const endsAt =
    signedBelow < 0
      ? paras.length
      : signedBelow - (issuer.length <= 30 && !/[。；;，,]/.test(issuer) ? 1 : 0);
  const leaves: Node[] = [];
  const stack: Node[] = [];
  let skipping: number | null = null; // the level of an aims part being passed over
  for (const { b, index } of paras.slice(startsAt, endsAt)) {
    const t = normSpaces(b.text);
    if (END.test(compact(t))) break;
    const level = levelOf(compact(t));
    if (level === null) {
      // A paragraph under an item: part of its text.
      if (skipping === null) stack.at(-1)?.body.push(t);
      continue;
    }
    if (skipping !== null && level > skipping) continue;
    skipping = null;
    while ((stack.at(-1)?.level ?? -1) >= level) stack.pop();
    if (level <= 1 && AIMS.test(headingWords(t))) {
      skipping = level;
      continue;
    }
    const parent = stack.at(-1);
    if (parent) parent.children++;
    const node: Node = {
      level,
      text: t,
      body: [],
      path: [...(parent ? [...parent.path, parent.text] : [])],
      children: 0,
      source: `第${index}段${b.line !== undefined ? `（文本第${b.line}行）` : ''}`,
    };
    stack.push(node);
    leaves.push(node);
  }
  for (const n of leaves) {
    if (n.children > 0 || ctx.full()) continue;
    // Without its own number the text is not taken for a list of one measure.
    const text = [n.text.replace(OWN_NUMBER, ''), ...n.body].join('\n');
    ctx.addTask({ section: n.path, text, unitCells: [], source: n.source });
  }
}
