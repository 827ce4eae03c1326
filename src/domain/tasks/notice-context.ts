// The parser's state while reading one notice: the tasks so far, warnings, the bound on their number.

import { unitsAndDeadline } from './cells';
import { type Deadline, lastDayOfMonth, parseDeadline, parseSmallNumber } from './deadlines';
import { cleanText, dedupe, dedupeBy, splitMeasures } from './notice-text';
import { NO_UNITS_WARNING, type PlanTask, type PlanWarning } from './notice-types';
import { parseDisclosurePaths } from './paths';
import { splitUnits } from './units';

export type UnitCell = { text: string; role: 'lead' | 'responsible' };

export class Context {
  tasks: PlanTask[] = [];
  warnings: PlanWarning[] = [];
  truncated = false;
  /** The notice says the first unit of each list leads ("首位单位为牵头单位，下同"). */
  firstListedLeads = false;
  /** The notice says the units before the comma of each 责任单位 list lead ("逗号前为牵头单位，下同"). */
  commaLeads = false;
  constructor(
    readonly year: number,
    readonly maxTasks: number,
    /** 成文日期 'YYYY-MM-DD': the day "印发后3个月内" counts from; null when the notice does not give it. */
    readonly noticeDate: string | null = null,
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

  /** A deadline counted from the notice's date gets that date, or stays 待定 with a warning. */
  private dateRelative(d: Deadline, ref: string, source: string): void {
    if (d.kind !== 'relative' || !FROM_ISSUE.test(d.raw)) return;
    const date = this.noticeDate ? dateFromIssue(d.raw, this.noticeDate) : null;
    if (date) d.date = date;
    else
      this.warn(
        ref,
        source,
        `时限“${d.raw}”从通知印发之日起算，但通知中没有成文日期：完成日期待定，请核对后填写`,
      );
  }

  /** Lead and responsible units named by a task's unit cells (the first listed leads when the notice says so). */
  unitsOf(
    cells: UnitCell[],
    already: { lead: string[]; responsible: string[] } = { lead: [], responsible: [] },
  ) {
    const lead = [...already.lead];
    const responsible = [...already.responsible];
    for (const c of cells) {
      const s = splitUnits(c.text, c.role, { commaLeads: this.commaLeads });
      lead.push(...s.lead);
      responsible.push(...s.responsible);
    }
    if (this.firstListedLeads && lead.length === 0 && responsible.length > 0)
      lead.push(responsible.shift() ?? '');
    return { lead: dedupe(lead), responsible: dedupe(responsible) };
  }

  /** The deadlines a 完成时限 cell (or "完成时限：…" annotation) names; a warning when it names none. */
  private cellDeadlines(cell: string, ref: string, source: string): Deadline[] {
    if (cell.trim() === '') return [];
    const ds = parseDeadline(cell, this.year, { cell: true });
    if (ds.length === 0) this.warn(ref, source, `无法识别的完成时限“${cell.trim()}”`);
    return ds;
  }

  /** A deadline given to a task after it was read ("完成时限：…" on a line below the item). */
  giveDeadline(task: PlanTask, cell: string): void {
    const ds = this.cellDeadlines(cell, task.ref, task.source);
    for (const d of ds) this.dateRelative(d, task.ref, task.source);
    task.deadlines = dedupeBy([...task.deadlines, ...ds], (d) => `${d.kind}|${d.raw}`);
  }

  /** Builds a task from its text and unit/deadline cells; warnings go to the task's ref. */
  addTask(t: {
    section: string[];
    text: string;
    unitCells: UnitCell[];
    deadlineCell?: string;
    source: string;
  }): PlanTask | null {
    if (this.full()) return null;
    const ref = this.nextRef();
    const { text, lostNumbers } = cleanText(t.text);
    if (lostNumbers) {
      this.warn(ref, t.source, '贯彻举措中有丢失编号的列表行（只剩“.”），已按条拆分，请核对');
    }
    // A unit cell may say when as well ("区财政局，年底前"): that part is the row's deadline.
    const split = t.unitCells.map((c) => ({ ...unitsAndDeadline(c.text), role: c.role }));
    const { lead: leadUnits, responsible: responsibleUnits } = this.unitsOf(
      split.map((c) => ({ text: c.units, role: c.role })),
    );
    const deadlines = [
      ...this.cellDeadlines(t.deadlineCell ?? '', ref, t.source),
      ...split.flatMap((c) => c.due.flatMap((d) => parseDeadline(d, this.year, { cell: true }))),
      ...parseDeadline(text, this.year),
    ];
    for (const d of deadlines) this.dateRelative(d, ref, t.source);
    const task: PlanTask = {
      ref,
      section: t.section,
      text,
      measures: splitMeasures(t.text),
      leadUnits,
      responsibleUnits,
      deadlines: dedupeBy(deadlines, (d) => `${d.kind}|${d.raw}`),
      disclosurePaths: dedupeBy(parseDisclosurePaths(text), (p) => p.join('>')),
      source: t.source,
    };
    if (task.leadUnits.length === 0 && task.responsibleUnits.length === 0) {
      this.warn(ref, t.source, NO_UNITS_WARNING);
    }
    if (text === '') this.warn(ref, t.source, '任务内容为空');
    this.tasks.push(task);
    return task;
  }
}

// "印发后3个月内", "本方案印发之日起30日内": counted from the notice's own date.
const FROM_ISSUE =
  /(?:印发|下发|发布|出台)(?:之日)?(?:起|后)?\s*(\d+|[一二两三四五六七八九十]+)\s*(个月|个工作日|工作日|日|天|周)(?:内|以内)/;

/** The last day for a phrase counted from the notice's date; working days count as calendar days + weekends. */
export function dateFromIssue(raw: string, noticeDate: string): string | null {
  const m = FROM_ISSUE.exec(raw);
  if (!m) return null;
  const n = parseSmallNumber(m[1] ?? '');
  if (Number.isNaN(n)) return null;
  const [y, mo, d] = noticeDate.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, mo - 1, d));
  const unit = m[2] ?? '';
  if (unit === '个月') {
    const target = new Date(Date.UTC(y, mo - 1 + n, 1));
    const last = lastDayOfMonth(target.getUTCFullYear(), target.getUTCMonth() + 1);
    date.setUTCFullYear(target.getUTCFullYear(), target.getUTCMonth(), Math.min(d, last));
  } else if (unit === '周') date.setUTCDate(date.getUTCDate() + 7 * n);
  else if (unit.includes('工作日')) {
    let left = n;
    while (left > 0) {
      date.setUTCDate(date.getUTCDate() + 1);
      const wd = date.getUTCDay();
      if (wd !== 0 && wd !== 6) left--;
    }
  } else date.setUTCDate(date.getUTCDate() + n);
  return date.toISOString().slice(0, 10);
}
