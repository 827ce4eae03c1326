// Plans written as prose: items followed by "(牵头单位：…)" annotations.

import type { DocBlock } from './blocks';
import { parseDeadline } from './deadlines';
import type { Context } from './notice-context';
import { compact, dedupeBy, normSpaces, splitMeasures } from './notice-text';
import type { PlanTask } from './notice-types';
import { parseDisclosurePaths } from './paths';
import { cleanUnitName, splitLabelled } from './units';

// ---------------------------------------------------------------------------------------------------------
// Prose plans (seed 002): "(1)围绕…。(牵头单位:区发展改革委、区政务服务管理办)"

const HEADING_LEVEL: [number, RegExp][] = [
  [1, /^[一二三四五六七八九十]+、/],
  [2, /^[（(][一二三四五六七八九十]+[）)]/],
  [3, /^\d{1,2}\s*[.．、](?!\d)/],
  [4, /^[（(]\d{1,2}[）)]/],
  [5, /^[①-⑳]/],
];

function levelOf(text: string): number | null {
  for (const [level, re] of HEADING_LEVEL) if (re.test(text)) return level;
  return null;
}

/** A heading line: numbered, short, no sentence inside ("1.深化营商环境信息公开:", "三、保障措施"). */
function isHeading(text: string): boolean {
  const t = compact(text);
  if (levelOf(t) === null) return false;
  if (/[:：]$/.test(t)) return t.length <= 60;
  const body = t.replace(/[。.]$/, '');
  return body.length <= 40 && !/[。；;，,]/.test(body);
}

const ANNOTATION_LABEL =
  /^\s*(牵头单位|责任单位|配合单位|主责单位|参与单位|完成时限|时限要求|完成时间|时限)\s*[:：]/;

/** Bracketed annotations "(牵头单位:…,责任单位:…)" anywhere in the paragraph; the text without them. */
function takeAnnotations(text: string): { text: string; annotations: string[] } {
  const annotations: string[] = [];
  let out = '';
  let i = 0;
  while (i < text.length) {
    const ch = text[i] ?? '';
    if (ch === '（' || ch === '(') {
      let depth = 0;
      let j = i;
      for (; j < text.length; j++) {
        const c = text[j] ?? '';
        if (c === '（' || c === '(') depth++;
        else if (c === '）' || c === ')') {
          depth--;
          if (depth === 0) break;
        }
      }
      const inner = text.slice(i + 1, j);
      if (ANNOTATION_LABEL.test(inner) || /[，,；;]\s*(牵头单位|责任单位|完成时限)\s*[:：]/.test(inner)) {
        annotations.push(inner);
        i = j + 1;
        continue;
      }
    }
    out += ch;
    i++;
  }
  return { text: out.trim(), annotations };
}

export function readProse(blocks: DocBlock[], ctx: Context): void {
  const paras = blocks.filter((b) => b.type === 'p').map((b, i) => ({ ...b, index: i + 1 }));
  const firstAnnotated = paras.findIndex((p) => takeAnnotations(p.text).annotations.length > 0);
  if (firstAnnotated < 0) return;
  // The plan body starts at the headings right above the first annotated item (the cover letter before it,
  // with its own "一、…" paragraphs, is not part of the plan): look back a few paragraphs for headings of
  // ever higher level, up to a top-level "一、".
  let start = firstAnnotated;
  let minLevel = levelOf(compact(paras[firstAnnotated]?.text ?? '')) ?? 99;
  for (let i = firstAnnotated - 1; i >= Math.max(0, firstAnnotated - 8); i--) {
    const t = compact(paras[i]?.text ?? '');
    const lv = levelOf(t);
    if (lv !== null && lv < minLevel && isHeading(t)) {
      start = i;
      minLevel = lv;
      if (lv === 1) break;
    }
  }
  const stack: { level: number; text: string }[] = [];
  let open: { task: PlanTask; level: number } | null = null;
  for (let i = start; i < paras.length; i++) {
    const p = paras[i];
    if (!p) continue;
    if (ctx.full()) return;
    const raw = p.text.trim();
    const source = `第${p.index}段${p.line !== undefined ? `（文本第${p.line}行）` : ''}`;
    const { text, annotations } = takeAnnotations(raw);
    const level = levelOf(compact(text));
    if (annotations.length === 0 && isHeading(raw)) {
      const lv = level ?? 1;
      while (stack.length > 0 && (stack[stack.length - 1]?.level ?? 0) >= lv) stack.pop();
      stack.push({ level: lv, text: normSpaces(raw) });
      open = null;
      continue;
    }
    const deepest = stack.length > 0 ? (stack[stack.length - 1]?.level ?? 0) : 0;
    const ownLevel = level ?? deepest + 0.5;
    const section = stack.filter((s) => s.level < ownLevel).map((s) => s.text);
    if (annotations.length > 0) {
      const unitCells: { text: string; role: 'lead' | 'responsible' }[] = [];
      const deadlineParts: string[] = [];
      for (const a of annotations) {
        for (const [role, part] of labelledParts(a)) {
          if (role === 'deadline') deadlineParts.push(part);
          else unitCells.push({ text: part, role });
        }
      }
      const task = ctx.addTask({ section, text, unitCells, deadlineCell: deadlineParts.join('\n'), source });
      open = task ? { task, level: ownLevel } : null;
      continue;
    }
    // An unannotated paragraph: a sub-item of the open task when it is numbered below it (the annotation at
    // the head of a section covers the items under it), else a task without units (kept, with a warning).
    const substantive = compact(text).length >= 15 && /[。；;]/.test(text);
    if (open && level !== null && level > open.level) {
      appendToTask(open.task, text, ctx.year);
      continue;
    }
    if (!substantive) continue;
    const task = ctx.addTask({ section, text, unitCells: [], source });
    open = task ? { task, level: ownLevel } : null;
  }
}

function labelledParts(annotation: string): ['lead' | 'responsible' | 'deadline', string][] {
  const out: ['lead' | 'responsible' | 'deadline', string][] = [];
  const m = /(完成时限|时限要求|完成时间|时限)\s*[:：]/.exec(annotation);
  const unitsPart = m ? annotation.slice(0, m.index) : annotation;
  for (const [role, part] of splitLabelled(unitsPart) ?? []) {
    const cleaned = part.replace(/[，,；;\s]+$/, '');
    if (cleanUnitName(cleaned) !== '') out.push([role, cleaned]);
  }
  if (m)
    out.push(['deadline', annotation.slice(m.index + m[0].length).replace(/^[\s，,；;]+|[\s，,；;]+$/g, '')]);
  return out;
}

function appendToTask(task: PlanTask, more: string, year: number): void {
  task.text = `${task.text}\n${more}`;
  task.measures = splitMeasures(task.text);
  const ds = [...task.deadlines, ...parseDeadline(more, year)];
  task.deadlines = dedupeBy(ds, (d) => `${d.kind}|${d.raw}`);
  task.disclosurePaths = dedupeBy([...task.disclosurePaths, ...parseDisclosurePaths(more)], (p) =>
    p.join('>'),
  );
}
