// The parsed plan's shape (the contract of issue 3 part 2), shared by the parser's parts.

import { codesOf } from '../codes';
import type { DocBlock } from './blocks';
import type { Deadline } from './deadlines';

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

/** The warning on a task that names no unit; it no longer holds once the officer gives the task one. */
export const NO_UNITS_WARNING = '未写明牵头单位或责任单位';

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
  /** The officer's reading of a table whose header the parser did not know (or read wrongly). */
  columns?: ManualColumns;
  /** Read the numbered items as tasks, without units (a plan that names none): the officer asked for it. */
  items?: boolean;
}

/**
 * What an officer can say a table column holds. 分类 columns give the task's section path (left to right, a
 * merged or blank cell continues the one above); 不导入 covers 序号, 备注 and anything else.
 */
export const COLUMN_ROLE_LABELS = {
  ignore: '不导入',
  section: '分类（上级任务）',
  task: '工作任务',
  lead: '牵头单位',
  responsible: '责任单位',
  deadline: '完成时限',
} as const;
export type ColumnRole = keyof typeof COLUMN_ROLE_LABELS;
export const COLUMN_ROLES = codesOf(COLUMN_ROLE_LABELS);

/**
 * Columns named by hand: table `table` (1-based, in reading order) has `headerRows` rows above its first task
 * and its grid columns hold `roles` (left to right; missing ones are 不导入). Later tables of the same width
 * continue it (a table broken at page ends), their repeated header rows skipped.
 */
export interface ManualColumns {
  table: number;
  headerRows: number;
  roles: ColumnRole[];
}

/**
 * A table's first rows as text, for the officer to name its columns: `roles` as the parser read its header, if it
 * did; else `guess`, what its cells look like (long text, unit names, dates), to start from.
 */
export interface TablePreview {
  table: number;
  name: string | null;
  width: number;
  rowCount: number;
  rows: string[][];
  headerRows: number;
  roles: ColumnRole[] | null;
  guess: ColumnRole[] | null;
}
