// Plans written as prose: items followed by "(牵头单位：…)" annotations.

import {
  bracketOpen,
  CLOSE_BRACKETS,
  closingBracket,
  OPEN_BRACKETS,
  splitOutsideBrackets,
} from '../text/brackets';
import type { DocBlock } from './blocks';
import {
  DEADLINE_LABEL,
  headerRoles,
  isUnitCell,
  kindOf,
  looksLikeUnitName,
  splitOutside,
  UNIT_LABEL,
} from './cells';
import { parseDeadline } from './deadlines';
import type { Context, UnitCell } from './notice-context';
import { compact, dedupeBy, normSpaces, splitMeasures } from './notice-text';
import { NO_UNITS_WARNING, type PlanTask } from './notice-types';
import { parseDisclosurePaths } from './paths';
import { cleanUnitName, splitLabelled } from './units';

// ---------------------------------------------------------------------------------------------------------
// Prose plans (seed 002): "(1)围绕…。(牵头单位:区发展改革委、区政务服务管理办)"

const HEADING_LEVEL: [number, RegExp][] = [
  // "第一部分 …" over "一、…" in a long plan.
  [0, /^第[一二三四五六七八九十]+(?:部分|篇|章)/],
  [1, /^[一二三四五六七八九十]+、/],
  [2, /^[（(][一二三四五六七八九十]+[）)]/],
  [3, /^\d{1,2}\s*[.．、](?!\d)/],
  [4, /^[（(]\d{1,2}[）)]/],
  [5, /^[①-⑳]/],
];

export function levelOf(text: string): number | null {
  for (const [level, re] of HEADING_LEVEL) if (re.test(text)) return level;
  return null;
}

/** A heading line: numbered, short, no sentence inside ("1.深化营商环境信息公开:", "三、保障措施"). */
function isHeading(text: string): boolean {
  const t = compact(text);
  if (levelOf(t) === null) return false;
  if (/[:：]$/.test(t)) return t.length <= 60;
  const body = t.replace(/[。.]$/, '');
  // A section heading ("一、抓好常态化疫情防控,全面恢复生产生活秩序") may pause at a comma; a numbered item
  // with a comma is a sentence.
  const pauses = (levelOf(t) ?? 9) <= 2 ? /[。；;]/ : /[。；;，,]/;
  return body.length <= 40 && !pauses.test(body);
}

// In a bracket, "牵头：X；配合：Y" label units as "牵头单位：" does.
const SHORT_LABEL = '(?:牵头|主责|主办|责任|配合|协办|协同|参与)';
/**
 * Unit labels read inside an item's bracket only ("（承办单位：…）", "（责任主体：各单位）"): outside one, "主办单位："
 * and "承办单位：" are a web page's footer. 主办 names the lead units, the others responsible ones.
 */
const BRACKET_UNIT_LABEL = '(?:主办|承办)(?:单位|部门)|(?:责任|落实|实施)主体';
const ANNOTATION_LABEL = new RegExp(
  `^\\s*(${UNIT_LABEL}|${DEADLINE_LABEL}|${SHORT_LABEL}|${BRACKET_UNIT_LABEL})\\s*[:：]`,
);
const LATER_LABEL = new RegExp(
  `[，,；;\\s]\\s*(${UNIT_LABEL}|${DEADLINE_LABEL}|${SHORT_LABEL}|${BRACKET_UNIT_LABEL})\\s*[:：]`,
);
const UNIT_LINE = new RegExp(`^\\s*[（(]?\\s*${UNIT_LABEL}\\s*[:：]`);
const LABEL_COLON = new RegExp(`${UNIT_LABEL}\\s*[:：]`);

/**
 * What a bracket says when it names units without labels: "市交通委负责落实", "X牵头，Y配合", "各部门按职责分工负责";
 * `bare`: at the end of an item a bracket of names alone says who does it too ("（区财政局、区审计局）").
 */
function unlabelled(inner: string, bare = false): string | null {
  // A labelled list is not unlabelled: "…；配合单位：各镇街）" read as a closing sentence would cut its bracket.
  if (LABEL_COLON.test(inner)) return null;
  // A bracket of names alone may space its names and deadline apart ("（区财政局 2022年6月底前）").
  const clauses = splitOutside(inner, bare ? '，,；; \u3000' : '，,；;');
  if (clauses.length === 0 || !(bare || /(牵头|配合|负责|落实|参与|协助)/.test(inner))) return null;
  const units: string[] = [];
  const deadlines: string[] = [];
  for (const clause of clauses) {
    // "此项工作由区发改委负责": the work is the item's; who does it follows 由.
    const c = clause.replace(/^(?:此项|该项|本项|这项)?(?:工作|任务)?由(?=\S{2})/, '');
    if (isUnitCell(c)) units.push(c);
    else if (kindOf(c) === 'deadline') deadlines.push(c);
    else return null;
  }
  if (units.length === 0) return null;
  return deadlines.length > 0 ? `${units.join('，')}，完成时限：${deadlines.join('，')}` : units.join('，');
}

interface Annotated {
  /** The paragraph's text with the annotations removed. */
  text: string;
  annotations: string[];
  /** Text before each annotation since the one before it (a paragraph may hold several items). */
  segments: { text: string; annotation: string }[];
  rest: string;
}

const ITEM_NUMBER =
  /^\s*(?:\d{1,2}\s*[.．、](?!\d)|[（(](?:\d{1,2}|[一二三四五六七八九十]{1,3})[）)]|[①-⑳])\s*/;

/**
 * "1.区发改委：做好…" / "2.区财政局牵头，区审计局配合：公开…" / "（一）区财政局：…": the units named before a numbered
 * item, ended by a colon (a list of who does what, unit first). A label ("牵头单位：") is not.
 */
function unitsFirst(text: string): { units: string; text: string } | null {
  // Numbered items only: an unnumbered "各镇人民政府：…" opens a letter (its addressees).
  const num = ITEM_NUMBER.exec(text)?.[0];
  if (!num) return null;
  // "1.【区财政局】公开…": the units in a black-lenticular bracket before the item.
  const m =
    /^【([^【】]{2,80})】\s*(.+)$/s.exec(text.slice(num.length)) ??
    /^([^：:。；;]{2,80}?)[：:](.+)$/s.exec(text.slice(num.length));
  if (!m) return null;
  const [, units = '', body = ''] = m;
  if (new RegExp(`${UNIT_LABEL}|时限|时间`).test(units) || compact(body).length < 8) return null;
  return isUnitCell(units) ? { units: units.trim(), text: `${num}${body.trim()}` } : null;
}

/**
 * "…做好政策解读。区发改委、区财政局负责。" / "…。区政府办牵头；各部门配合。": a closing sentence that only says
 * which units do the work, as a bracket would: the last sentence whole (its clauses may be joined by ；), else its
 * last clause ("…；区财政局负责。"). Sentences and clauses are cut outside brackets only: a bracket at the end is an
 * annotation, read as one.
 */
function unitsSentence(text: string): { units: string; text: string } | null {
  const body = text.trimEnd().replace(/[。.]$/, '');
  const sentence = splitOutsideBrackets(body, '。！!').at(-1) ?? '';
  const clause = splitOutsideBrackets(sentence, '；;').at(-1) ?? '';
  for (const last of [sentence, clause]) {
    const n = last.trim().length;
    if (n < 2 || n > 300) continue;
    const plain = unlabelled(last.trim());
    const before = body.slice(0, body.length - last.length);
    if (plain && compact(before) !== '') return { units: plain, text: before.trim() };
  }
  return null;
}

const IN_CHARGE_CLAUSE = /^\s*由(?=\S{2}).{2,80}?(?:牵头负责|牵头|负责)\s*$|^\s*\S{2,80}?牵头\s*$/;
const ASSISTING_CLAUSE = /^\s*\S{2,120}?(?:配合落实|配合|参与|协助|协办|协同)\s*$/;

/**
 * "1.由区发改委牵头，区财政局配合，加强政策解读…" / "…工作，由X负责，Y配合，提升…": the units named in the item's
 * own sentence, one clause "由X牵头/负责" (or "X牵头") and the clause of those who assist after it. "X负责" alone,
 * without 由 and without a clause of assisting units, says nothing certain ("各级领导负责") and is left as text.
 */
function unitsInline(text: string): { units: string; text: string } | null {
  const num = ITEM_NUMBER.exec(text)?.[0] ?? '';
  // Clause bounds outside brackets: [start, end) of each, the separator after it left in the text.
  const bounds: [number, number][] = [];
  let depth = 0;
  let from = num.length;
  for (let i = num.length; i <= text.length; i++) {
    const ch = text[i] ?? '，';
    if (OPEN_BRACKETS.includes(ch)) depth++;
    else if (CLOSE_BRACKETS.includes(ch)) depth = Math.max(0, depth - 1);
    else if (depth === 0 && '，,；;。'.includes(ch)) {
      bounds.push([from, i]);
      from = i + 1;
    }
  }
  for (let k = 0; k < bounds.length; k++) {
    const [a0, a1] = bounds[k] ?? [0, 0];
    const a = text.slice(a0, a1);
    if (!IN_CHARGE_CLAUSE.test(a)) continue;
    const next = bounds[k + 1];
    const b = next && text[a1] !== '。' ? text.slice(next[0], next[1]) : undefined;
    const assisted = b !== undefined && ASSISTING_CLAUSE.test(b);
    if (!assisted && !/^\s*由/.test(a)) continue;
    const units = unlabelled(assisted ? `${a.trim()}，${b.trim()}` : a.trim());
    if (!units) continue;
    // The run and the separator after it leave the sentence: "加强解读，由X牵头，Y配合，提升…" → "加强解读，提升…".
    const end = (assisted && next ? next[1] : a1) + 1;
    const body = `${num}${text.slice(num.length, a0)}${text.slice(end)}`.trim();
    if (compact(body).length - compact(num).length < 6) return null;
    return { units, text: /[，,；;]$/.test(body) ? `${body.slice(0, -1)}。` : body };
  }
  return null;
}

/**
 * "…公开预算。责任单位：区财政局。完成时限：6月底前。": labels written after the item's sentences on its line, outside
 * brackets, make the rest of the line its annotation (its sentences its clauses).
 */
function labelledTail(text: string): { annotation: string; text: string } | null {
  const m = new RegExp(`[。；;，,\\s]\\s*(?:${UNIT_LABEL})\\s*[:：]`).exec(text);
  if (!m || compact(text.slice(0, m.index)).length < 4) return null;
  const before = text.slice(0, m.index + 1);
  // A unit line itself ("牵头单位：X；责任单位：Y") has labels before, not text.
  if (bracketOpen(before) || ANNOTATION_LABEL.test(before) || LABEL_COLON.test(before)) return null;
  return {
    annotation: text
      .slice(m.index + 1)
      .trim()
      .replace(/[。]/g, '；'),
    text: before.trim(),
  };
}

/**
 * Whether a bracket of names alone (text[i..j]) can annotate: it ends the item, and stands after its full stop or
 * after words that are not a name ("…各乡镇（街道）", "…服务股(行政审批服务股)" are a name's own bracket; so is
 * any bracket on a unit line).
 */
function bareAt(text: string, i: number, j: number): boolean {
  if (!/^[\s。．.；;，,]*$/.test(text.slice(j + 1))) return false;
  const before = text.slice(0, i);
  if (/[。；;]\s*$/.test(before)) return true;
  const words = splitOutside(before, '，,；;、：:').at(-1) ?? '';
  return compact(text.slice(i + 1, j)).length >= 4 && !LABEL_COLON.test(before) && !looksLikeUnitName(words);
}

/** Bracketed annotations "(牵头单位:…,责任单位:…)", "(X牵头，Y配合)" anywhere in the paragraph. */
function takeAnnotations(raw: string): Annotated {
  const annotations: string[] = [];
  const segments: { text: string; annotation: string }[] = [];
  let text = raw;
  let first = '';
  let closing = '';
  const head = unitsFirst(text);
  if (head) {
    first = `责任单位：${head.units}`;
    text = head.text;
  } else {
    const tail = unitsSentence(text);
    const labels = tail ? null : labelledTail(text);
    if (tail) {
      closing = `责任单位：${tail.units}`;
      text = tail.text;
    } else if (labels) {
      closing = labels.annotation;
      text = labels.text;
    } else if (!ANNOTATION_LABEL.test(text)) {
      const inline = unitsInline(text);
      if (inline) {
        closing = `责任单位：${inline.units}`;
        text = inline.text;
      }
    }
  }
  let out = '';
  let seg = '';
  let i = 0;
  while (i < text.length) {
    const ch = text[i] ?? '';
    if (OPEN_BRACKETS.includes(ch)) {
      const j = closingBracket(text, i + 1);
      const inner = text.slice(i + 1, j);
      const labelled = ANNOTATION_LABEL.test(inner) || LATER_LABEL.test(inner);
      // A bracket of names alone annotates when it ends the item, after its full stop or of whole names (not
      // "…各乡镇（街道）", a name's own bracket).
      const plain = labelled
        ? null
        : (unlabelled(inner) ?? (bareAt(text, i, j) ? unlabelled(inner, true) : null));
      const last = segments[segments.length - 1];
      const follows = last !== undefined && seg.trim() === '' && annotations.length > 0;
      // "（责任单位：X）（2022年6月底前）": a date alone right after an annotation is its deadline.
      const date = !labelled && !plain && follows && kindOf(inner) === 'deadline' ? inner : null;
      if (labelled || plain || date) {
        const a = labelled ? inner : date ? `完成时限：${date}` : `责任单位：${plain}`;
        if (last && follows) {
          // "（牵头单位：X）（完成时限：…）": a second bracket right after the first annotates the same item.
          last.annotation = `${last.annotation}；${a}`;
          annotations[annotations.length - 1] = last.annotation;
        } else {
          annotations.push(a);
          // "…（X负责）；二是…", "…（X牵头）、打造…": the separator after the last annotation is not the next item's text.
          segments.push({ text: seg.trim().replace(/^[；;，,。、]\s*/, ''), annotation: a });
        }
        seg = '';
        i = j + 1;
        continue;
      }
    }
    out += ch;
    seg += ch;
    i++;
  }
  if (annotations.length === 0 && (first || closing)) {
    const a = first || closing;
    return { text: out.trim(), annotations: [a], segments: [{ text: seg.trim(), annotation: a }], rest: '' };
  }
  return { text: out.trim(), annotations, segments, rest: seg.trim() };
}

/** "牵头单位：X；责任单位：Y" on a line of its own: the units of the whole heading group. */
function groupUnitLine(text: string): boolean {
  return UNIT_LINE.test(text) && compact(text).length <= 200;
}

const DEADLINE_LINE = new RegExp(`^\\s*[（(]?\\s*${DEADLINE_LABEL}\\s*[:：]`);

/** A unit line, or "完成时限：…" on a line of its own beside unit lines or under an item. */
function statementLine(text: string): boolean {
  return groupUnitLine(text) || (DEADLINE_LINE.test(text) && compact(text).length <= 80);
}

/**
 * "以上工作由区财政局牵头，区审计局配合。" below a group's items: the units of the items above it, read as the unit
 * line "责任单位：区财政局牵头，区审计局配合" is.
 */
function aboveStatement(text: string): string {
  const m = /^\s*(?:以上|上述)(?:各项|几项)?(?:工作|任务|事项|内容|措施)?均?由?(.{2,200}?)[。.]?\s*$/.exec(
    text,
  );
  const units = m ? unlabelled(m[1] ?? '') : null;
  return units ? `责任单位：${units}` : text;
}

/** "…信息。【牵头单位】X【责任单位】Y【完成时限】Z": labels in 【】 are written as "牵头单位：X；责任单位：Y；…". */
function squareLabels(text: string): string {
  const label = new RegExp(`\\s*【\\s*(${UNIT_LABEL}|${DEADLINE_LABEL})\\s*】\\s*`, 'g');
  return text.replace(label, (_all, name: string, at: number) =>
    at === 0 || /[。；;，,]$/.test(text.slice(0, at).trimEnd()) ? `${name}：` : `；${name}：`,
  );
}

/**
 * Tables as paragraphs, a row a paragraph, for a table without unit columns whose task cells carry their units
 * as prose does ("公开预算。（责任单位：区财政局）"): the header row and row numbers left out, a heading cell its
 * own paragraph, a deadline cell "（完成时限：…）" after the row's text.
 */
export function tablesAsParagraphs(blocks: DocBlock[]): DocBlock[] {
  return blocks.flatMap((b): DocBlock[] => {
    if (b.type !== 'table') return [b];
    return b.rows.flatMap((row): DocBlock[] => {
      const texts = row
        .filter((c) => !c.mergedFrom)
        .map((c) => normSpaces(c.text))
        .filter((t) => t !== '');
      const roles = headerRoles(texts);
      if (roles.includes('task') && roles.every((r) => r !== null)) return [];
      const out: DocBlock[] = [];
      let text = '';
      for (const t of texts) {
        const kind = kindOf(t);
        if (kind === 'seq' || kind === 'none') continue;
        if (kind === 'heading' && text === '') out.push({ type: 'p', text: t });
        else text += kind === 'deadline' ? `（完成时限：${t}）` : t;
      }
      return text === '' ? out : [...out, { type: 'p', text }];
    });
  });
}

export function readProse(blocks: DocBlock[], ctx: Context): void {
  const paras = blocks
    .filter((b) => b.type === 'p')
    // "1\t做好…": a row number copied from a table of two columns numbers the item.
    .map((b, i) => ({
      ...b,
      text: aboveStatement(squareLabels(b.text.replace(/^\s*(\d{1,3})\t+(?=\S)/, '$1.'))),
      index: i + 1,
    }));
  const firstAnnotated = paras.findIndex(
    (p) => takeAnnotations(p.text).annotations.length > 0 || groupUnitLine(p.text),
  );
  if (firstAnnotated < 0) return;
  // The plan body starts at the headings right above the first annotated item (the cover letter before it,
  // with its own "一、…" paragraphs, is not part of the plan): look back a few paragraphs for headings of
  // ever higher level, up to a top-level "一、".
  let start = firstAnnotated;
  let minLevel = levelOf(compact(paras[firstAnnotated]?.text ?? '')) ?? 99;
  if (groupUnitLine(paras[firstAnnotated]?.text ?? '')) {
    // A unit line below its items: the numbered items right above it are part of the plan.
    for (let i = firstAnnotated - 1; i >= 0; i--) {
      const t = compact(paras[i]?.text ?? '');
      const lv = levelOf(t);
      // (the line right above may be short enough to look like a heading: its unit line makes it an item)
      if (lv === null || (isHeading(t) && i < firstAnnotated - 1)) break;
      start = i;
      minLevel = Math.min(minLevel, lv);
    }
  }
  for (let i = start - 1; i >= Math.max(0, start - 8); i--) {
    const t = compact(paras[i]?.text ?? '');
    const lv = levelOf(t);
    if (lv !== null && lv < minLevel && isHeading(t)) {
      start = i;
      minLevel = lv;
      if (lv === 0) break;
    }
  }
  // A heading's own annotation ("一、推进决策公开（牵头单位：X）") names the units of the items under it.
  const stack: { level: number; text: string; units?: UnitCell[]; deadline?: string }[] = [];
  let open: { task: PlanTask; level: number } | null = null;
  // `closes`: the group's unit statement came after items and named their units; it does not reach the
  // items written after it.
  let group: { level: number; from: number; units: UnitCell[]; deadline?: string; closes?: boolean } = {
    level: 0,
    from: 0,
    units: [],
  };
  let afterUnitLine = false;
  /** The items the current unit statement (one or more consecutive lines) gives its units to. */
  let given: PlanTask[] = [];
  for (let i = start; i < paras.length; i++) {
    const p = paras[i];
    if (!p) continue;
    if (ctx.full()) return;
    const raw = p.text.trim();
    // The distribution lines (版记: "抄送：…") close the document: nothing after them is a task.
    if (ctx.tasks.length > 0 && DISTRIBUTION.test(compact(raw))) return;
    const source = `第${p.index}段${p.line !== undefined ? `（文本第${p.line}行）` : ''}`;
    const { text, annotations, segments, rest } = takeAnnotations(raw);
    const level = levelOf(compact(text));
    // A short numbered item ("1.地区生产总值增长7%以上。") with nothing under it — the next line is numbered at its
    // level or above — or following an item of its level is an item, not a heading; a heading ending in a colon
    // announces items.
    // Numbered below an item that has its units, without units of its own: one of that item's measures.
    const openUnits = open ? open.task.leadUnits.length + open.task.responsibleUnits.length : 0;
    if (open && openUnits > 0 && annotations.length === 0 && level !== null && level > open.level) {
      appendToTask(open.task, text, ctx.year);
      continue;
    }
    const bareItem: boolean =
      annotations.length === 0 &&
      (level ?? 0) >= 3 &&
      !/[:：]$/.test(compact(raw)) &&
      (nextNumbered(paras, i + 1, level ?? 0) || open?.level === level);
    if (bareItem && isHeading(raw)) {
      const deepest = stack.length > 0 ? (stack[stack.length - 1]?.level ?? 0) : 0;
      const task = ctx.addTask({
        section: stack.filter((s) => s.level < (level ?? deepest + 0.5)).map((s) => s.text),
        text: normSpaces(raw),
        unitCells: group.closes ? [] : group.units,
        deadlineCell: group.closes ? '' : group.deadline,
        source,
      });
      open = task ? { task, level: level ?? 0 } : null;
      afterUnitLine = false;
      continue;
    }
    const titleLevel = annotations.length === 0 && !groupUnitLine(raw) ? unnumberedTitle(paras, i) : null;
    // A section heading with its units in a bracket, numbered items under it: the units are the items'. A
    // title has no full stop ("（一）公开年度预算和决算。（牵头单位：X）" is an item, its sub-items its measures).
    const annotatedHeading =
      annotations.length > 0 &&
      segments.length === 1 &&
      level !== null &&
      level <= 2 &&
      isHeading(text) &&
      !/[。.；;]$/.test(compact(text)) &&
      deeperNext(paras, i + 1, level);
    if ((annotations.length === 0 && isHeading(raw)) || titleLevel !== null || annotatedHeading) {
      const lv = level ?? titleLevel ?? 1;
      while (stack.length > 0 && (stack[stack.length - 1]?.level ?? 0) >= lv) stack.pop();
      const own = annotatedHeading ? unitCellsOf(annotations, ctx) : null;
      stack.push({
        level: lv,
        text: normSpaces(annotatedHeading ? text : raw),
        ...(own ? { units: own.units, deadline: own.deadline } : {}),
      });
      const inherited = [...stack].reverse().find((s) => s.units);
      open = null;
      group = {
        level: lv,
        from: ctx.tasks.length,
        units: inherited?.units ?? [],
        deadline: inherited?.deadline,
      };
      // A unit statement never runs across a heading.
      afterUnitLine = false;
      given = [];
      continue;
    }
    if (statementLine(raw) && (annotations.length === 0 || compact(text) === '')) {
      const statement = unitCellsOf(annotations.length > 0 ? annotations : [raw.trim()], ctx);
      const cells = statement.units;
      if (cells.length === 0 && !afterUnitLine) {
        // "完成时限：…" on its own line right under an item: that item's deadline.
        if (open) ctx.giveDeadline(open.task, statement.deadline);
        continue;
      }
      // One unit line for the whole heading group: every item of the group without units of its own.
      // "牵头单位：X", "责任单位：Y" and "完成时限：…" on consecutive lines are one statement.
      group.units = afterUnitLine ? [...group.units, ...cells] : cells;
      group.deadline = [afterUnitLine ? group.deadline : '', statement.deadline].filter(Boolean).join('\n');
      if (!afterUnitLine) {
        given = ctx.tasks.slice(group.from).filter((t) => !t.leadUnits.length && !t.responsibleUnits.length);
        group.closes = given.length > 0;
      }
      afterUnitLine = true;
      for (const t of given) {
        giveUnits(t, cells, ctx);
        ctx.giveDeadline(t, statement.deadline);
      }
      if (mergeUnderItem(stack[stack.length - 1], group, given, ctx, endsGroup(paras, i + 1, group.level))) {
        group = { ...group, from: ctx.tasks.length, units: [], deadline: '' };
        open = null;
        continue;
      }
      // A numbered line with its own unit lines and no items under it ("1.努力实现…。" then 牵头单位/责任单位,
      // then "2.…") is itself the task.
      const heading = stack[stack.length - 1];
      if (heading && ctx.tasks.length === group.from && endsGroup(paras, i + 1, group.level)) {
        const task = ctx.addTask({
          section: stack.slice(0, -1).map((s) => s.text),
          text: heading.text,
          unitCells: group.units,
          deadlineCell: group.deadline,
          source,
        });
        open = task ? { task, level: heading.level } : null;
        group = { ...group, from: ctx.tasks.length, units: [], deadline: '' };
      }
      continue;
    }
    afterUnitLine = false;
    const deepest = stack.length > 0 ? (stack[stack.length - 1]?.level ?? 0) : 0;
    const ownLevel = level ?? deepest + 0.5;
    const section = stack.filter((s) => s.level < ownLevel).map((s) => s.text);
    if (segments.length > 1 || (segments.length === 1 && rest !== '' && substantive(rest))) {
      // Several items in one paragraph, each followed by its own annotation; a short numbered first
      // sentence ("（一）围绕…做好信息公开。") is their heading.
      const items = segments.map((sg) => ({ text: sg.text, annotations: [sg.annotation] }));
      if (rest !== '' && substantive(rest)) items.push({ text: rest, annotations: [] });
      let sec = section;
      const first = items[0];
      const lead = first ? /^(.{2,60}?[。：:])(.+)$/s.exec(first.text) : null;
      if (first && lead && level !== null && compact(lead[1] ?? '').length <= 40) {
        sec = [...section, normSpaces(lead[1] ?? '')];
        first.text = lead[2] ?? '';
      }
      for (const it of items) {
        const { units, deadline } = unitCellsOf(it.annotations, ctx);
        const task = ctx.addTask({
          section: sec,
          text: it.text,
          unitCells: units,
          deadlineCell: deadline,
          source,
        });
        open = task ? { task, level: ownLevel } : null;
      }
      continue;
    }
    if (annotations.length > 0) {
      const { units, deadline } = unitCellsOf(annotations, ctx);
      const task = ctx.addTask({ section, text, unitCells: units, deadlineCell: deadline, source });
      open = task ? { task, level: ownLevel } : null;
      continue;
    }
    // An unannotated paragraph: a sub-item of the open task when it is numbered below it (the annotation at
    // the head of a section covers the items under it), else a task without units (kept, with a warning).
    if (open && level !== null && level > open.level) {
      appendToTask(open.task, text, ctx.year);
      continue;
    }
    // (a short numbered item is one when its unit line follows: "1.推进政策解读。" / "责任单位：…")
    const unitLineNext = level !== null && statementLine(paras[i + 1]?.text.trim() ?? '');
    if (!substantive(text) && !unitLineNext) continue;
    const task = ctx.addTask({
      section,
      text,
      unitCells: group.closes ? [] : group.units,
      deadlineCell: group.closes ? '' : group.deadline,
      source,
    });
    open = task ? { task, level: ownLevel } : null;
  }
}

/**
 * "1.完善应急预案体系" / "(1)…" … "(4)…" / "(责任单位:…)": the sub-items of a numbered item, closed by one unit
 * statement for them all, are that item's measures, not tasks of their own. When every task read under the
 * item is such a sub-item and the statement ends the item, they become one task with the item as its text.
 */
function mergeUnderItem(
  heading: { level: number; text: string } | undefined,
  group: { from: number; units: UnitCell[]; deadline?: string },
  given: PlanTask[],
  ctx: Context,
  ended: boolean,
): boolean {
  if (!heading || heading.level < 3 || !ended || given.length === 0) return false;
  const under = ctx.tasks.slice(group.from);
  if (under.length !== given.length) return false;
  if (
    !under.every((t) => (levelOf(compact(t.text)) ?? 0) > heading.level && t.section.at(-1) === heading.text)
  )
    return false;
  const refs = new Set(under.map((t) => t.ref));
  ctx.tasks.splice(group.from);
  ctx.warnings = ctx.warnings.filter((w) => !refs.has(w.ref));
  const first = under[0];
  const task = ctx.addTask({
    section: first?.section.slice(0, -1) ?? [],
    text: [heading.text, ...under.map((t) => t.text)].join('\n'),
    unitCells: group.units,
    deadlineCell: group.deadline,
    source: first?.source ?? '',
  });
  if (task) task.measures = splitMeasures(under.map((t) => t.text).join('\n'));
  return true;
}

/**
 * Whether the paragraphs from `from` on close the heading group of `level` without items of their own: the
 * next paragraph is numbered at the same or a higher level, or there is none (false while unit lines go on).
 */
function endsGroup(paras: readonly { text: string }[], from: number, level: number): boolean {
  for (let j = from; j < paras.length; j++) {
    const t = paras[j]?.text ?? '';
    if (compact(t) === '') continue;
    if (statementLine(t)) return false; // the statement goes on: decide at its last line
    // The next numbered line at the same or a higher level, heading or item, closes the group; so does an
    // unnumbered heading.
    const lv = levelOf(compact(t)) ?? unnumberedTitle(paras, j);
    return lv !== null && lv <= level;
  }
  return true;
}

/**
 * "切实提高群众关切回应实效" between items: a short unnumbered line without punctuation, followed by a numbered
 * item or a unit line, is a heading (written in bold, its number left out); its level is just above the items
 * that follow it. Null when the line is not one.
 */
function unnumberedTitle(paras: readonly { text: string }[], i: number): number | null {
  const t = compact(paras[i]?.text ?? '');
  if (t.length < 4 || t.length > 30 || levelOf(t) !== null || /[。；;，,：:！!？?、]/.test(t)) return null;
  for (let j = i + 1; j < paras.length; j++) {
    const next = compact(paras[j]?.text ?? '');
    if (next === '') continue;
    if (groupUnitLine(next)) return 2.5;
    const lv = levelOf(next);
    if (lv !== null && !isHeading(next)) return lv - 0.5;
    // titles in a row ("加大主动公开力度" / "深入推进…信息公开"): the first is the higher one
    if (lv === null && unnumberedTitle(paras, j) !== null) return (unnumberedTitle(paras, j) ?? 3) - 0.5;
    return null;
  }
  return null;
}

/** The next non-empty paragraph is numbered below `level`. */
function deeperNext(paras: readonly { text: string }[], from: number, level: number): boolean {
  const next = paras.slice(from).find((p) => compact(p.text) !== '');
  const lv = next ? levelOf(compact(next.text)) : null;
  return lv !== null && lv > level;
}

/** The next non-empty paragraph is numbered at `level` or above (or there is none). */
function nextNumbered(paras: readonly { text: string }[], from: number, level: number): boolean {
  for (let j = from; j < paras.length; j++) {
    const t = compact(paras[j]?.text ?? '');
    if (t === '') continue;
    const lv = levelOf(t);
    return lv !== null && lv <= level;
  }
  return true;
}

const DISTRIBUTION = /^(?:抄送|抄报)[:：]/;

function substantive(text: string): boolean {
  return compact(text).length >= 15 && /[。；;]/.test(text);
}

function unitCellsOf(annotations: string[], ctx: Context): { units: UnitCell[]; deadline: string } {
  const units: UnitCell[] = [];
  const deadlines: string[] = [];
  for (const a of annotations) {
    for (const [role, part] of labelledParts(a, ctx.commaLeads)) {
      if (role === 'deadline') deadlines.push(part);
      else units.push({ text: part, role });
    }
  }
  return { units, deadline: deadlines.join('\n') };
}

/** A numbered item whose sentence starts with its units as the subject: "2.区发展改革委要…", "3.区教委负责…". */
const SUBJECT =
  /^(?:\d{1,2}\s*[.．、]|[（(][一二三四五六七八九十\d]{1,3}[）)])\s*([^，,。；;：:（(]{2,40}?)(牵头|负责|要|应当|应)/;

/**
 * A numbered item read without units — no bracket, no unit line above or below its group — whose sentence names
 * its units as the subject ("2.区发展改革委要加强…", "3.区教委负责做好…") gets them (牵头: lead; 要/负责/应: responsible),
 * with a warning to check. After every other rule, so a group's unit line still wins; an unnumbered paragraph
 * ("区政府办公室将定期通报…" under 保障措施) gets nothing.
 */
export function unitsFromSubjects(ctx: Context): void {
  for (const task of ctx.tasks) {
    if (task.leadUnits.length + task.responsibleUnits.length > 0) continue;
    const [, subject = '', verb = ''] = SUBJECT.exec(task.text) ?? [];
    const names = splitOutside(subject, '、，,');
    // (a named unit: "各单位要…", "各部门要…" says what everyone must do, as a 保障措施 paragraph does)
    if (
      names.length === 0 ||
      !names.every((n) => looksLikeUnitName(n) && !/^(?:各|有关|相关|其他|其它)/.test(n))
    )
      continue;
    const role = verb === '牵头' ? 'lead' : 'responsible';
    giveUnits(
      task,
      names.map((text) => ({ text, role })),
      ctx,
    );
    ctx.warn(task.ref, task.source, `单位取自条目的主语“${subject}${verb}”，请核对`);
  }
}

/** Units given to a task after it was read (a group's unit line below its items). */
function giveUnits(task: PlanTask, units: UnitCell[], ctx: Context): void {
  const s = ctx.unitsOf(units, { lead: task.leadUnits, responsible: task.responsibleUnits });
  task.leadUnits = s.lead;
  task.responsibleUnits = s.responsible;
  // The task was read without units: its warning no longer holds.
  ctx.warnings = ctx.warnings.filter((w) => !(w.ref === task.ref && w.message === NO_UNITS_WARNING));
}

/** `commaLeads`: the notice's "逗号前为牵头单位，下同" holds for this annotation's 责任单位 list. */
function labelledParts(
  annotation: string,
  commaLeads: boolean,
): ['lead' | 'responsible' | 'deadline', string][] {
  const out: ['lead' | 'responsible' | 'deadline', string][] = [];
  annotation = withKnownLabels(annotation);
  // The deadline runs from its label to the next unit label (it may stand first: "完成时限：…；牵头单位：…").
  const m = new RegExp(`(${DEADLINE_LABEL})\\s*[:：]`).exec(annotation);
  const from = m ? m.index + m[0].length : annotation.length;
  const next = m ? annotation.slice(from).search(LABEL_COLON) : -1;
  const to = next >= 0 ? from + next : annotation.length;
  const unitsPart = m ? `${annotation.slice(0, m.index)}；${annotation.slice(to)}` : annotation;
  const dates: string[] = [];
  for (const [role, part] of splitLabelled(unitsPart, commaLeads) ?? []) {
    // "（责任单位：区财政局，2022年6月底前完成）": a clause of the list that is a deadline is the deadline.
    const clauses = splitOutside(part, '，,；;');
    dates.push(...clauses.filter((c) => kindOf(c) === 'deadline'));
    const cleaned = clauses.filter((c) => kindOf(c) !== 'deadline').join('，');
    if (cleanUnitName(cleaned) !== '') out.push([role, cleaned]);
  }
  if (m) dates.unshift(annotation.slice(from, to).replace(/^[\s，,；;]+|[\s，,；;]+$/g, ''));
  if (dates.length > 0) out.push(['deadline', dates.join('，')]);
  return out;
}

const KNOWN_LABEL = new RegExp(`^(?:${UNIT_LABEL}|${DEADLINE_LABEL})$`);

/**
 * An annotation's labels as the unit and deadline readers know them: "牵头：X；配合：Y" are 牵头单位 and 配合单位,
 * "时间：6月底前" a deadline; the labels of persons and anything else ("责任人：张三", "联系电话：…") go with their value.
 */
function withKnownLabels(annotation: string): string {
  return annotation.replace(
    /(^|[\s，,；;])([\u4e00-\u9fff]{2,6})\s*[:：]\s*([^，,；;\s]*)/g,
    (all, sep: string, label: string, value: string) => {
      if (KNOWN_LABEL.test(label)) return all;
      if (new RegExp(`^(?:${BRACKET_UNIT_LABEL})$`).test(label))
        return `${sep}${label.startsWith('主办') ? '牵头单位' : '责任单位'}：${value}`;
      if (new RegExp(`^${SHORT_LABEL}$`).test(label)) return `${sep}${label}单位：${value}`;
      if (/^(?:时间|期限|日期|完成|进度)/.test(label) && !/人$/.test(label))
        return `${sep}完成时限：${value}`;
      return sep;
    },
  );
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
