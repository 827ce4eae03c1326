// The parsed plan's shape (the contract of issue 3 part 2), shared by the parser's parts.

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
