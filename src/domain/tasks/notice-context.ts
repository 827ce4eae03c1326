// The parser's state while reading one notice: the tasks so far, warnings, the bound on their number.

import { type Deadline, parseDeadline } from './deadlines';
import { cleanText, dedupe, dedupeBy, splitMeasures } from './notice-text';
import type { PlanTask, PlanWarning } from './notice-types';
import { parseDisclosurePaths } from './paths';
import { splitUnits } from './units';

export type UnitCell = { text: string; role: 'lead' | 'responsible' };

export class Context {
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
