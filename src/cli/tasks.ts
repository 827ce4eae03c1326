// `gongkai import tasks FILE --json [--year N] [--commit]`: reads a 任务分工 notice (also `--text '…'` or
// `--stdin` for text pasted from a browser instead of a file). --json prints the parsed plan
// in the stable shape of issue 3 part 2 without touching the database; --commit stores it (every unit name must
// resolve without a person's choice, otherwise nothing is stored and the doubtful names are listed).
// The import page's two ways of reading again are here too: --tables shows the notice's tables, --columns names a
// table's columns by hand, --items reads the numbered items of a plan that names no unit.
import type { Command } from 'commander';
import { manualColumnsSchema } from '../contracts/tasks';
import type { DocBlock } from '../domain/tasks/blocks';
import { CADENCES } from '../domain/tasks/ledger';
import { noticeTables, type ParsedPlan } from '../domain/tasks/notice';
import {
  COLUMN_ROLE_LABELS,
  COLUMN_ROLES,
  type ColumnRole,
  type ManualColumns,
} from '../domain/tasks/notice-types';
import { bootstrap } from '../server/bootstrap';
import { autoCommitBody, commitPlan, parsePlan, previewImport } from '../server/modules/tasks';
import { systemActor } from '../server/platform/context';
import { fileToBlocks, pastedToBlocks } from '../server/platform/documents/text';
import { say, withDb } from './shared';

/** The CLI's JSON: the contract's fields only, in its order (other tools read it). */
export function planJson(plan: ParsedPlan) {
  return {
    title: plan.title,
    issuer: plan.issuer,
    docNumber: plan.docNumber,
    date: plan.date,
    year: plan.year,
    tasks: plan.tasks.map((t) => ({
      ref: t.ref,
      section: t.section,
      text: t.text,
      measures: t.measures,
      leadUnits: t.leadUnits,
      responsibleUnits: t.responsibleUnits,
      deadlines: t.deadlines,
      disclosurePaths: t.disclosurePaths,
    })),
    warnings: plan.warnings.map((w) => ({
      ref: w.ref,
      message: w.source ? `${w.message}（${w.source}）` : w.message,
    })),
  };
}

/** A column's role as typed: the page's label (分类 for short), or the code's name. */
const ROLE_WORDS = new Map<string, ColumnRole>([
  ...COLUMN_ROLES.map((r) => [r, r] as const),
  ...COLUMN_ROLES.map((r) => [COLUMN_ROLE_LABELS[r], r] as const),
  ['分类', 'section'],
]);

/** `--columns 分类,工作任务,牵头单位` with `--table` and `--header-rows`, checked as the page's are. */
export function columnsOption(spec: string, table = '1', headerRows = '1'): ManualColumns {
  const roles = spec.split(/[,，、]/).map((w) => {
    const role = ROLE_WORDS.get(w.trim());
    if (!role)
      throw new Error(
        `--columns 中的「${w.trim()}」无法识别：每列写 ${COLUMN_ROLES.map((r) => COLUMN_ROLE_LABELS[r]).join('、')} 之一（分类也可）`,
      );
    return role;
  });
  const parsed = manualColumnsSchema.safeParse({
    table: Number(table),
    headerRows: Number(headerRows),
    roles,
  });
  if (!parsed.success) throw new Error(parsed.error.issues.map((i) => i.message).join('；'));
  return parsed.data;
}

/** The notice's tables as the page shows them under 手动指定表格的列: first rows, and the columns read or guessed. */
export function tablesText(blocks: DocBlock[]): string {
  const tables = noticeTables({ blocks });
  if (!tables.length) return '通知中没有可以指定列的表格（可试用 --items 按编号条目读取）。';
  return tables
    .map((t) => {
      const roles = t.roles ?? t.guess;
      const head = `表格 ${t.table}${t.name ? `「${t.name}」` : ''}：${t.width} 列，${t.rowCount} 行，表头 ${t.headerRows} 行`;
      const named = roles
        ? `  ${t.roles ? '读出的列' : '推测的列'}：${roles.map((r) => COLUMN_ROLE_LABELS[r]).join(',')}`
        : '';
      const rows = t.rows.map((r, i) => `  ${i + 1}｜${r.join(' ｜ ')}`);
      return [head, named, ...rows].filter(Boolean).join('\n');
    })
    .join('\n\n');
}

export function register(program: Command): void {
  const imp = program.commands.find((c) => c.name() === 'import') ?? program.command('import');
  imp
    .command('tasks [file]')
    .description(
      '读取任务分工通知（.docx/.xlsx/.pdf/.ofd/.txt/.html/.doc/.wps，或 --text/--stdin 粘贴的网页文字）：--json 只打印读到的内容，--commit 保存为工作任务台账',
    )
    .option('--text <text>', '直接给出通知文字（从网页复制的文字、表格）')
    .option('--stdin', '从标准输入读取通知文字')
    .option('--json', '以 JSON 打印读到的内容，不写数据库')
    .option('--year <year>', '计划年度（通知中未写明或写错时）')
    .option('--commit', '保存到数据库（所有单位名称须能确定对应单位）')
    .option('--cadence <cadence>', '持续性任务的报送周期：week/month/quarter/year（默认 quarter）', 'quarter')
    .option('--replace', '与 --commit 一起使用：替换已导入的同一通知（尚无进展报送时）')
    .option('--tables', '列出通知中的表格（前几行及读出或推测的各列），供 --columns 参考')
    .option(
      '--columns <roles>',
      '手动指定表格各列（逗号分隔，自左至右）：不导入/分类/工作任务/牵头单位/责任单位/完成时限',
    )
    .option('--table <n>', '与 --columns 一起使用：第几个表格（默认 1）')
    .option('--header-rows <n>', '与 --columns 一起使用：表头行数（默认 1）')
    .option('--items', '按编号条目读取（通知未写明任何单位时；单位需在管理后台补填）')
    .action(
      async (
        file: string | undefined,
        opts: {
          json?: boolean;
          year?: string;
          commit?: boolean;
          cadence: string;
          replace?: boolean;
          text?: string;
          stdin?: boolean;
          tables?: boolean;
          columns?: string;
          table?: string;
          headerRows?: string;
          items?: boolean;
        },
      ) => {
        const year = opts.year ? Number(opts.year) : undefined;
        if (opts.year && !(Number.isInteger(year) && year! >= 2000 && year! <= 2100))
          throw new Error('--year 应为 2000–2100 之间的年份');
        if (!(CADENCES as readonly string[]).includes(opts.cadence))
          throw new Error('--cadence 只能是 week、month、quarter 或 year');
        const sources = [file !== undefined, opts.text !== undefined, !!opts.stdin].filter(Boolean).length;
        if (sources !== 1) throw new Error('请给出通知文件，或用 --text / --stdin 给出通知文字（三者选一）');
        if ((opts.table || opts.headerRows) && !opts.columns)
          throw new Error('--table 和 --header-rows 须与 --columns 一起使用');
        if (opts.columns && opts.items) throw new Error('--columns 与 --items 只能选一种读法');
        const columns = opts.columns ? columnsOption(opts.columns, opts.table, opts.headerRows) : undefined;
        const read = { year, columns, items: opts.items };
        const blocks =
          file !== undefined ? await fileToBlocks(file) : pastedToBlocks(opts.text ?? (await readStdin()));
        if (opts.tables) {
          console.log(tablesText(blocks));
          return;
        }
        if (!opts.commit) {
          const plan = parsePlanOrMessage(blocks, read);
          console.log(JSON.stringify(planJson(plan), null, 2));
          if (plan.tasks.length === 0) process.exitCode = 2;
          return;
        }
        await withDb(async (d, config) => {
          await bootstrap(d.database, { ...config, demo: false }, say);
          const preview = await previewImport(d.database.db, config.districtName, blocks, read);
          if (!preview.plan.year) throw new Error('未能识别计划年度，请用 --year 指定');
          const body = {
            ...autoCommitBody(preview, opts.cadence as (typeof CADENCES)[number]),
            replace: !!opts.replace,
          };
          const doubtful = preview.units.filter(
            (u) => u.status === 'suggestion' || u.status === 'unknown' || u.needsChoice,
          );
          if (doubtful.length) {
            for (const u of doubtful)
              say(
                `  未能确定：${u.written}${u.suggestions[0] ? `（是否为「${u.suggestions[0].unitName}」？）` : u.needsChoice ? '（需要选择具体单位）' : ''}`,
              );
            throw new Error(
              `有 ${doubtful.length} 个单位名称无法自动确定对应单位，未保存。请在管理后台「导入任务分工」中逐一确认`,
            );
          }
          const plan = await commitPlan(d.database, systemActor('cli'), body, config.districtName);
          console.log(
            `已导入：${plan.title}（${plan.year} 年），任务 ${plan.taskCount} 项，分解到单位 ${plan.assignmentCount} 项次`,
          );
        });
      },
    );
}

function parsePlanOrMessage(blocks: DocBlock[], read: Parameters<typeof parsePlan>[1]): ParsedPlan {
  try {
    return parsePlan(blocks, read);
  } catch (e) {
    const details = (e as { details?: { warnings?: ParsedPlan['warnings']; tables?: unknown[] } }).details;
    if (details?.warnings) {
      // The page's two offers, said for the command line.
      const next = details.tables?.length
        ? '。可用 --tables 查看通知中的表格，再用 --columns 指定各列'
        : read?.items
          ? ''
          : '。通知未写明单位时，可用 --items 按编号条目读取';
      throw new Error(details.warnings.map((w) => w.message).join('；') + next);
    }
    throw e;
  }
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of process.stdin) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}
