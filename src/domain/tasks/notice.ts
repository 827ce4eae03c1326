// Reading a 任务分工 notice (工作要点任务分工 / 工作方案) into tasks: issue 3 part 1.
// Input is document blocks (from .docx/.xlsx/.html readers) or plain text (seed form or copied from a web
// page). Pure: no I/O, no clock.

import { unifiedIdeographs } from '../text/radicals';
import { type DocBlock, textToBlocks } from './blocks';
import { guessedColumns, previewTables } from './notice-columns';
import { Context } from './notice-context';
import { readItems } from './notice-items';
import { readMetadata } from './notice-meta';
import { readProse, tablesAsParagraphs, unitsFromSubjects } from './notice-prose';
import { readTables } from './notice-tables';
import { compact } from './notice-text';
import {
  COLUMN_ROLE_LABELS,
  type NoticeInput,
  type ParsedPlan,
  type ParseNoticeOptions,
  type TablePreview,
} from './notice-types';
import { cleanPageText } from './page-text';
import { COMMA_LEAD_BELOW, FIRST_LISTED_LEADS } from './units';

export { splitMeasures } from './notice-text';
export type {
  ColumnRole,
  ManualColumns,
  NoticeInput,
  ParsedPlan,
  ParseNoticeOptions,
  PlanTask,
  PlanWarning,
  TablePreview,
} from './notice-types';
export { COLUMN_ROLE_LABELS, COLUMN_ROLES } from './notice-types';

const DEFAULT_MAX_TASKS = 5000;

/** What was looked for, so that the officer can tell why a text gave no task. */
export const NOTHING_FOUND =
  '未读出任何任务。已查找：① 任务分工表（表头含“工作任务/具体要求/贯彻举措/工作措施”等任务列，以及“牵头单位/责任单位/责任科室/责任主体”等单位列）；② 条目后的单位括注，如“（牵头单位：…；责任单位：…）”“（X牵头，Y配合）”“（X负责落实）”；③ 标题下单独一行的“牵头单位：…”。请确认导入的是任务分工正文，或改为上传原件（.docx/.xlsx）';

/**
 * Full-width digits ("２０２２年６月底前", typed in some Word notices) read as the digits they are, so that dates,
 * item numbers and row numbers are recognised as in half-width; and the Kangxi radicals and compatibility
 * ideographs that PDF fonts map some characters to ("⼯作", "⼈⺠政府" from a printed PDF) as the characters
 * they stand for ("工作", "人民政府").
 */
const plainChars = (s: string) =>
  unifiedIdeographs(s.replace(/[\uff10-\uff19]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0)));

function withPlainChars(blocks: DocBlock[]): DocBlock[] {
  return blocks.map((b) =>
    b.type === 'p'
      ? { ...b, text: plainChars(b.text) }
      : { ...b, rows: b.rows.map((r) => r.map((c) => ({ ...c, text: plainChars(c.text) }))) },
  );
}

/** The blocks the parser reads: text split into paragraphs and tables, digits half-width, radicals plain. */
function noticeBlocks(input: NoticeInput): DocBlock[] {
  return 'text' in input ? textToBlocks(cleanPageText(plainChars(input.text))) : withPlainChars(input.blocks);
}

/** The notice's tables, for the officer to name their columns (ParseNoticeOptions.columns). */
export function noticeTables(input: NoticeInput): TablePreview[] {
  return previewTables(noticeBlocks(input));
}

export function parseNotice(input: NoticeInput, opts: ParseNoticeOptions = {}): ParsedPlan {
  const blocks = noticeBlocks(input);
  const meta = readMetadata(blocks);
  const year = opts.year ?? meta.year;
  const ctx = new Context(year ?? 0, opts.maxTasks ?? DEFAULT_MAX_TASKS, meta.date);
  const says = (re: RegExp) =>
    blocks.some((b) =>
      b.type === 'p' ? re.test(compact(b.text)) : b.rows.some((r) => r.some((c) => re.test(compact(c.text)))),
    );
  ctx.firstListedLeads = says(FIRST_LISTED_LEADS);
  ctx.commaLeads = says(COMMA_LEAD_BELOW);
  if (year === null) {
    ctx.warn('', '', '未能从通知中识别年度，不带年份的日期无法换算；请用 --year 指定');
  } else if (opts.year === undefined && meta.date && year > Number(meta.date.slice(0, 4))) {
    ctx.warn(
      '',
      '',
      `通知成文于${Number(meta.date.slice(0, 4))}年12月${Number(meta.date.slice(8, 10))}日（12月15日及以后），标题未写年度，按${year}年的工作计划读取；如不是，请指定年度`,
    );
  }
  if (opts.columns) {
    // The officer named the columns: that table (and its continuations) only, nothing guessed from prose.
    const { tables } = readTables(blocks, ctx, opts.columns);
    if (ctx.tasks.length === 0)
      ctx.warn(
        '',
        '',
        opts.columns.table > tables
          ? `通知中没有表${opts.columns.table}（共 ${tables} 个表格）`
          : `按指定的列未读出任务：表${opts.columns.table}表头以下的“工作任务”列都是空的，请核对所选的列和表头行数`,
      );
    return { ...meta, year, tasks: ctx.tasks, warnings: ctx.warnings };
  }
  if (opts.items) {
    // The officer asked for the numbered items, the units to be filled in by hand.
    readItems(blocks, ctx);
    ctx.warn(
      '',
      '',
      ctx.tasks.length === 0
        ? '未找到编号条目（“一、”“（一）”“1.”等），未读出任务'
        : `已按编号条目读出 ${ctx.tasks.length} 项任务（最末一级条目），通知未写明承担单位：请逐项填写牵头单位或责任单位，不是任务的条目可“不导入”`,
    );
    return { ...meta, year, tasks: ctx.tasks, warnings: ctx.warnings };
  }
  const tableCount = readTables(blocks, ctx);
  if (ctx.tasks.length === 0) readProse(blocks, ctx);
  const unknownTables = tableCount.tables > 0 && tableCount.recognised === 0;
  if (ctx.tasks.length === 0 && unknownTables) {
    // No header known, no task in the prose: read the table by what its cells hold (long text, unit names, dates),
    // as the import page would preselect its columns, and say so; the officer corrects the columns if need be.
    const guessed = guessedColumns(blocks);
    if (guessed) readTables(blocks, ctx, guessed);
    if (guessed && ctx.tasks.length > 0)
      ctx.warn(
        '',
        '',
        `表${guessed.table}的表头未能识别，已按各列内容推测读取（${guessed.roles.map((r) => COLUMN_ROLE_LABELS[r]).join('｜')}）：请逐项核对，如有误请手动指定各列`,
      );
  }
  // A table without unit columns whose task cells name their units in brackets: its rows read as prose; a
  // table of rows that name no unit (contacts, a plan left to 按编号条目读取) gives nothing.
  if (ctx.tasks.length === 0 && tableCount.tables > 0) {
    const warnings = ctx.warnings.length;
    readProse(tablesAsParagraphs(blocks), ctx);
    if (!ctx.tasks.some((t) => t.leadUnits.length + t.responsibleUnits.length > 0)) {
      ctx.tasks.length = 0;
      ctx.warnings.length = warnings;
    }
  }
  unitsFromSubjects(ctx);
  if (ctx.tasks.length === 0) {
    ctx.warn(
      '',
      '',
      unknownTables
        ? '文件中的表格没有可识别的表头（应包含“工作任务/具体要求/贯彻举措/工作措施”等任务列和“牵头单位/责任单位/责任科室”等单位列），未读出任务'
        : NOTHING_FOUND,
    );
  }
  return { ...meta, year, tasks: ctx.tasks, warnings: ctx.warnings };
}
