// Reading a 任务分工 notice (工作要点任务分工 / 工作方案) into tasks: issue 3 part 1.
// Input is document blocks (from .docx/.xlsx/.html readers) or plain text (seed form or copied from a web
// page). Pure: no I/O, no clock.

import { textToBlocks } from './blocks';
import { Context } from './notice-context';
import { readMetadata } from './notice-meta';
import { readProse } from './notice-prose';
import { readTables } from './notice-tables';
import type { NoticeInput, ParsedPlan, ParseNoticeOptions } from './notice-types';
import { cleanPageText } from './page-text';

export { splitMeasures } from './notice-text';
export type { NoticeInput, ParsedPlan, ParseNoticeOptions, PlanTask, PlanWarning } from './notice-types';

const DEFAULT_MAX_TASKS = 5000;

export function parseNotice(input: NoticeInput, opts: ParseNoticeOptions = {}): ParsedPlan {
  const blocks = 'text' in input ? textToBlocks(cleanPageText(input.text)) : input.blocks;
  const meta = readMetadata(blocks);
  const year = opts.year ?? meta.year;
  const ctx = new Context(year ?? 0, opts.maxTasks ?? DEFAULT_MAX_TASKS, meta.date);
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
