// Reading a 任务分工 notice (工作要点任务分工 / 工作方案) into tasks: issue 3 part 1.
// Input is document blocks (from .docx/.xlsx/.html readers) or plain text (seed form or copied from a web
// page). Pure: no I/O, no clock.

import { type Cell, type DocBlock, type TableBlock, tableGrid, textToBlocks } from './blocks';
import { type Deadline, parseDeadline } from './deadlines';
import { parseDisclosurePaths } from './paths';
import { cleanUnitName, splitLabelled, splitUnits } from './units';

export interface PlanTask {
  /** Stable reference in reading order: T001, T002, … */
  ref: string;
  /** Section headings above the task, as written: ["一、…", "（一）…"]. */
  section: string[];
  text: string;
  /** Numbered measures of the task's text, numbers removed. Empty when the text is not numbered. */
  measures: string[];
  leadUnits: string[];
  responsibleUnits: string[];
  deadlines: Deadline[];
  disclosurePaths: string[][];
  /** Where the task was read: "表1第3行（文本第52行）", "第12段（文本第40行）". */
  source: string;
}

export interface PlanWarning {
  /** The task the warning is about, or '' for the whole document. */
  ref: string;
  source: string;
  message: string;
}

export interface ParsedPlan {
  title: string | null;
  issuer: string | null;
  docNumber: string | null;
  /** 成文日期 'YYYY-MM-DD' (the date under the signature), when found. */
  date: string | null;
  year: number | null;
  tasks: PlanTask[];
  warnings: PlanWarning[];
}

export type NoticeInput = { blocks: DocBlock[] } | { text: string };

export interface ParseNoticeOptions {
  /** The plan's year when the notice does not say it (or says it wrongly). */
  year?: number;
  /** Stop after this many tasks (a runaway document must stay bounded). */
  maxTasks?: number;
}

const DEFAULT_MAX_TASKS = 5000;

export function parseNotice(input: NoticeInput, opts: ParseNoticeOptions = {}): ParsedPlan {
  const blocks = 'text' in input ? textToBlocks(input.text) : input.blocks;
  const meta = readMetadata(blocks);
  const year = opts.year ?? meta.year;
  const ctx = new Context(year ?? 0, opts.maxTasks ?? DEFAULT_MAX_TASKS);
  if (year === null) {
    ctx.warn('', '', '未能从通知中识别年度，不带年份的日期无法换算；请用 --year 指定');
  }
  const tableCount = readTables(blocks, ctx);
  if (ctx.tasks.length === 0) readProse(blocks, ctx);
  if (ctx.tasks.length === 0) {
    ctx.warn(
      '',
      '',
      tableCount.tables > 0 && tableCount.recognised === 0
        ? '文件中的表格没有可识别的表头（应包含“工作任务/重点任务/贯彻举措”和“牵头单位/责任单位”等列），未读出任务'
        : '未读出任何任务：既没有任务分工表，也没有带“（牵头单位：…）”“（责任单位：…）”的条目',
    );
  }
  return { ...meta, year, tasks: ctx.tasks, warnings: ctx.warnings };
}

class Context {
  tasks: PlanTask[] = [];
  warnings: PlanWarning[] = [];
  truncated = false;
  constructor(
    readonly year: number,
    readonly maxTasks: number,
  ) {}

  warn(ref: string, source: string, message: string): void {
    this.warnings.push({ ref, source, message });
  }

  nextRef(): string {
    return `T${String(this.tasks.length + 1).padStart(3, '0')}`;
  }

  full(): boolean {
    if (this.tasks.length < this.maxTasks) return false;
    if (!this.truncated) {
      this.truncated = true;
      this.warn('', '', `任务超过 ${this.maxTasks} 条，其余内容未读取`);
    }
    return true;
  }

  /** Builds a task from its text and unit/deadline cells; warnings go to the task's ref. */
  addTask(t: {
    section: string[];
    text: string;
    unitCells: { text: string; role: 'lead' | 'responsible' }[];
    deadlineCell?: string;
    source: string;
  }): PlanTask | null {
    if (this.full()) return null;
    const ref = this.nextRef();
    const { text, lostNumbers } = cleanText(t.text);
    if (lostNumbers) {
      this.warn(ref, t.source, '贯彻举措中有丢失编号的列表行（只剩“.”），已按条拆分，请核对');
    }
    const leadUnits: string[] = [];
    const responsibleUnits: string[] = [];
    for (const c of t.unitCells) {
      const s = splitUnits(c.text, c.role);
      leadUnits.push(...s.lead);
      responsibleUnits.push(...s.responsible);
    }
    const deadlines: Deadline[] = [];
    if (t.deadlineCell && t.deadlineCell.trim() !== '') {
      const ds = parseDeadline(t.deadlineCell, this.year);
      if (ds.length === 0) this.warn(ref, t.source, `无法识别的完成时限“${t.deadlineCell.trim()}”`);
      deadlines.push(...ds);
    }
    deadlines.push(...parseDeadline(text, this.year));
    const task: PlanTask = {
      ref,
      section: t.section,
      text,
      measures: splitMeasures(t.text),
      leadUnits: dedupe(leadUnits),
      responsibleUnits: dedupe(responsibleUnits),
      deadlines: dedupeBy(deadlines, (d) => `${d.kind}|${d.raw}`),
      disclosurePaths: dedupeBy(parseDisclosurePaths(text), (p) => p.join('>')),
      source: t.source,
    };
    if (task.leadUnits.length === 0 && task.responsibleUnits.length === 0) {
      this.warn(ref, t.source, '未写明牵头单位或责任单位');
    }
    if (text === '') this.warn(ref, t.source, '任务内容为空');
    this.tasks.push(task);
    return task;
  }
}

function dedupe(xs: string[]): string[] {
  return [...new Set(xs)];
}

function dedupeBy<T>(xs: T[], key: (x: T) => string): T[] {
  const seen = new Set<string>();
  return xs.filter((x) => {
    const k = key(x);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

// ---------------------------------------------------------------------------------------------------------
// Text of a task and its numbered measures

const RESIDUE = /^[.．·•\s]+$/;

/** Lines trimmed, empty lines and lines that are only the residue of a lost list number (".") dropped. */
function cleanText(raw: string): { text: string; lostNumbers: boolean } {
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

// ---------------------------------------------------------------------------------------------------------
// Metadata

const DOC_NUMBER = /^[\u4e00-\u9fa5]{1,16}[〔［[（(]\d{4}[〕］\]）)]\s*\d{1,4}\s*号$/;
const DATE_LINE = /^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日$/;
const ISSUER_LIKE = /(人民政府办公室|人民政府|政府办公室|办公厅|办公室|委员会|领导小组)$/;
const DOC_TYPE_END = /(通知|意见|方案|决定|函|要点|分工|计划|通报|报告)$/;
const PLAN_TITLE = /(要点|分工|方案|计划|任务|清单)/;

interface Metadata {
  title: string | null;
  issuer: string | null;
  docNumber: string | null;
  date: string | null;
  year: number | null;
}

/** Exotic spaces (U+2002 in seed 002, NBSP, ideographic space) become one ASCII space. */
function normSpaces(s: string): string {
  return s
    .replace(/[\u00a0\u2000-\u200b\u202f\u205f\u3000]/g, ' ')
    .replace(/ {2,}/g, ' ')
    .trim();
}

function compact(s: string): string {
  return s.replace(/[\s\u00a0\u3000]+/g, '');
}

function isNavigation(s: string): boolean {
  return /^(您当前的位置|当前位置|首页\s*[>＞])/.test(s) || (s.match(/[>＞]/g) ?? []).length >= 2;
}

function readMetadata(blocks: DocBlock[]): Metadata {
  // Only the paragraphs before the first table and the first 60 paragraphs can hold the title block.
  const paras: string[] = [];
  for (const b of blocks) {
    if (b.type === 'table') break;
    paras.push(b.text.trim());
  }
  const head = paras.slice(0, 60);
  let docNumber: string | null = null;
  for (const p of head.slice(0, 20)) {
    const c = compact(p);
    if (DOC_NUMBER.test(c)) {
      docNumber = c;
      break;
    }
  }
  let title: string | null = null;
  let issuer: string | null = null;
  for (let i = 0; i < Math.min(head.length, 25); i++) {
    const p = compact(head[i] ?? '');
    const at = p.indexOf('关于');
    if (at < 0 || p.length > 120 || /[。；]/.test(p) || isNavigation(p) || /[:：]$/.test(p)) continue;
    // A title may run over several lines ("关于印发…2020年" / "政务公开工作要点任务分工的通知").
    let t = p;
    let j = i;
    while (!DOC_TYPE_END.test(t) && j + 1 < head.length && j - i < 3) {
      const next = compact(head[j + 1] ?? '');
      if (next === '' || /[。；：:]/.test(next)) break;
      t += next;
      j++;
    }
    if (at > 0) issuer = p.slice(0, at);
    else {
      const prev = compact(head[i - 1] ?? '');
      if (ISSUER_LIKE.test(prev) && prev.length <= 40) {
        issuer = prev;
        t = prev + t;
      }
    }
    title = t;
    break;
  }
  if (title === null) {
    for (const p0 of head.slice(0, 25)) {
      const p = compact(p0);
      if (
        p.length >= 6 &&
        p.length <= 80 &&
        PLAN_TITLE.test(p) &&
        !/[。，；：:]/.test(p) &&
        !isNavigation(p)
      ) {
        title = p;
        break;
      }
    }
  }
  let date: string | null = null;
  let signatureIndex = -1;
  for (let i = 0; i < paras.length; i++) {
    const m = DATE_LINE.exec(compact(paras[i] ?? ''));
    if (m) {
      date = `${m[1]}-${(m[2] ?? '').padStart(2, '0')}-${(m[3] ?? '').padStart(2, '0')}`;
      signatureIndex = i;
      break;
    }
  }
  if (date === null) {
    for (const p of head) {
      const m = /(?:成文日期|发布日期|日期)\s*[:：]\s*(\d{4})[-./年](\d{1,2})[-./月](\d{1,2})/.exec(p);
      if (m) {
        date = `${m[1]}-${(m[2] ?? '').padStart(2, '0')}-${(m[3] ?? '').padStart(2, '0')}`;
        break;
      }
    }
  }
  if (issuer === null && signatureIndex > 0) {
    const prev = compact(paras[signatureIndex - 1] ?? '');
    if (ISSUER_LIKE.test(prev) && prev.length <= 40) issuer = prev;
  }
  let year: number | null = null;
  const ty = title ? /(20\d{2}|19\d{2})\s*年/.exec(title) : null;
  if (ty) year = Number(ty[1]);
  else if (date) year = Number(date.slice(0, 4));
  return { title, issuer, docNumber, date, year };
}

// ---------------------------------------------------------------------------------------------------------
// Task tables

type Role = 'seq' | 'task' | 'lead' | 'responsible' | 'deadline' | 'other';

function roleOf(header: string): Role | null {
  const h = compact(header);
  // Header cells are short labels; a long cell is content even when it mentions "责任单位" or "时限".
  if (h === '' || h.length > 16) return null;
  if (/^(序号|编号|序)$/.test(h)) return 'seq';
  if (/牵头|主责单位/.test(h)) return 'lead';
  if (/责任单位|责任部门|配合单位|配合部门|参与单位|协办单位|责任主体|实施单位|承办单位/.test(h))
    return 'responsible';
  if (/时限|完成时间|时间要求|时间节点|完成期限|进度安排/.test(h)) return 'deadline';
  if (/任务|举措|措施|工作要点|工作内容|事项|主要内容/.test(h)) return 'task';
  return 'other';
}

interface ColumnMap {
  sections: number[];
  text: number;
  lead: number[];
  responsible: number[];
  deadline: number[];
  width: number;
}

/** Recognises a header row; null when the row is not one. */
function headerMap(row: Cell[], width: number): ColumnMap | null {
  const cells = row.filter((c) => !c.mergedFrom);
  const roles = cells.map((c) => roleOf(c.text));
  const taskIdx = roles.lastIndexOf('task');
  if (taskIdx < 0) return null;
  if (!roles.some((r) => r === 'lead' || r === 'responsible')) return null;
  if (roles.filter((r) => r !== null && r !== 'other').length < 2) return null;
  // Grid ranges of the header cells. A header with fewer grid columns than the body (flattened text, where
  // spans are lost) is aligned from both ends: the columns left of the text column keep their place, the
  // ones after it align to the right, and the gap belongs to the sections (seeds 001, 003, 004).
  const ranges: [number, number][] = cells.map((c) => [c.col, c.col + c.colSpan]);
  const headerWidth = cells.reduce((n, c) => Math.max(n, c.col + c.colSpan), 0);
  if (headerWidth < width) {
    const shift = width - headerWidth;
    for (let k = taskIdx; k < cells.length; k++) {
      const r = ranges[k];
      if (r) ranges[k] = k === taskIdx ? [r[0], r[1] + shift] : [r[0] + shift, r[1] + shift];
    }
  }
  const textRange = ranges[taskIdx] ?? [0, 1];
  const map: ColumnMap = {
    sections: [],
    text: textRange[1] - 1,
    lead: [],
    responsible: [],
    deadline: [],
    width,
  };
  cells.forEach((_, k) => {
    const role = roles[k];
    const [a, b] = ranges[k] ?? [0, 0];
    for (let col = a; col < b; col++) {
      if (role === 'task' && col !== map.text) map.sections.push(col);
      else if (role === 'lead') map.lead.push(col);
      else if (role === 'responsible') map.responsible.push(col);
      else if (role === 'deadline') map.deadline.push(col);
    }
  });
  map.sections.sort((x, y) => x - y);
  return map;
}

function tableWidth(t: TableBlock): number {
  let w = 0;
  for (const row of t.rows) for (const c of row) w = Math.max(w, c.col + c.colSpan);
  return w;
}

function sameSection(a: string, b: string): boolean {
  const norm = (s: string) => compact(s).replace(/[。．.：:；;，,]+$/, '');
  return norm(a) === norm(b);
}

function readTables(blocks: DocBlock[], ctx: Context): { tables: number; recognised: number } {
  let tableNo = 0;
  let recognised = 0;
  let map: ColumnMap | null = null;
  // Values carried down the columns (merged cells) and the last section path.
  let carried = new Map<number, string>();
  let lastTask: PlanTask | null = null;
  for (const block of blocks) {
    if (block.type !== 'table') continue;
    tableNo++;
    const width = tableWidth(block);
    const grid = tableGrid(block);
    let start = 0;
    let found: ColumnMap | null = null;
    for (let r = 0; r < Math.min(block.rows.length, 5); r++) {
      const m = headerMap(block.rows[r] ?? [], width);
      if (m) {
        found = m;
        start = r + 1;
        break;
      }
    }
    if (found) {
      map = found;
      recognised++;
      carried = new Map();
      lastTask = null;
    } else if (!(map && map.width === width)) {
      continue; // a table of something else (contacts, a signature block)
    }
    const cols = map as ColumnMap;
    for (let r = start; r < block.rows.length; r++) {
      const row = block.rows[r] ?? [];
      if (ctx.full()) return { tables: tableNo, recognised };
      // Header rows repeated at page breaks.
      if (headerMap(row, width)) continue;
      const line = row.find((c) => c.line !== undefined)?.line;
      const source = `表${tableNo}第${r + 1}行${line !== undefined ? `（文本第${line}行）` : ''}`;
      const gridRow = grid[r] ?? [];
      const inherited: string[] = [];
      const value = (col: number, carry: boolean): string => {
        const cell = gridRow[col];
        let text = cell ? cell.text.trim() : '';
        if (text === '' && carry && block.emptyMayBeMerged) {
          const prev = carried.get(col);
          if (prev !== undefined && prev !== '') {
            text = prev;
            inherited.push(prev);
          }
        }
        return text;
      };
      // Sections: a new value in a higher column resets the columns below it.
      const section: string[] = [];
      let reset = false;
      for (const col of cols.sections) {
        const cell = gridRow[col];
        const own = cell ? normSpaces(cell.text) : '';
        const prev = carried.get(col);
        let v: string;
        if (reset) v = own;
        // An empty section cell continues the section above (merged, or simply left blank by the author).
        else if (own === '') v = prev ?? '';
        else v = own;
        if (own !== '' && !(prev !== undefined && sameSection(prev, own))) reset = true;
        else if (own !== '' && prev !== undefined) v = prev; // restated at a page break: keep the first form
        carried.set(col, v);
        if (v !== '') section.push(v);
      }
      const textCell = gridRow[cols.text];
      const isContinuation = textCell !== undefined && textCell.row !== r;
      const text = textCell && !isContinuation ? textCell.text : '';
      const unitValue = (col: number) => {
        const before = inherited.length;
        const v = value(col, true);
        if (inherited.length > before && text.trim() !== '') {
          ctx.warn(ctx.nextRef(), source, `单元格为空，按合并单元格沿用上一行的“${compact(v)}”，请核对`);
        }
        return v;
      };
      const unitCells: { text: string; role: 'lead' | 'responsible' }[] = [];
      for (const col of cols.lead) unitCells.push({ text: unitValue(col), role: 'lead' });
      for (const col of cols.responsible) unitCells.push({ text: unitValue(col), role: 'responsible' });
      const deadlineCell = cols.deadline.map((c) => value(c, true)).join('\n');
      // Remember this row's own values for the rows below.
      for (const col of [...cols.lead, ...cols.responsible, ...cols.deadline]) {
        const own = gridRow[col]?.text.trim() ?? '';
        if (own !== '') carried.set(col, own);
      }
      if (text.trim() === '') {
        const hasUnits = unitCells.some((u) => compact(u.text) !== '');
        if (isContinuation && lastTask && hasUnits) {
          // One measure cell merged over rows with different units: the units belong to the same task.
          for (const u of unitCells) {
            const s = splitUnits(u.text, u.role);
            lastTask.leadUnits = [...new Set([...lastTask.leadUnits, ...s.lead])];
            lastTask.responsibleUnits = [...new Set([...lastTask.responsibleUnits, ...s.responsible])];
          }
        } else if (hasUnits && gridRow.some((c) => c && c.row === r && c.text.trim() !== '')) {
          ctx.warn('', source, '该行没有任务内容，已跳过');
        }
        // Drop "inherited" warnings recorded for a row that produced no task.
        while (ctx.warnings.length > 0 && ctx.warnings[ctx.warnings.length - 1]?.ref === ctx.nextRef()) {
          ctx.warnings.pop();
        }
        continue;
      }
      lastTask = ctx.addTask({ section, text, unitCells, deadlineCell, source });
    }
  }
  return { tables: tableNo, recognised };
}

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

function readProse(blocks: DocBlock[], ctx: Context): void {
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
