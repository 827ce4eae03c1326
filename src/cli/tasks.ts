// `gongkai import tasks FILE --json [--year N] [--commit]`: reads a 任务分工 notice (also `--text '…'` or
// `--stdin` for text pasted from a browser instead of a file). --json prints the parsed plan
// in the stable shape of issue 3 part 2 without touching the database; --commit stores it (every unit name must
// resolve without a person's choice, otherwise nothing is stored and the doubtful names are listed).
import type { Command } from 'commander';
import type { ParsedPlan } from '../domain/tasks/notice';
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

const CADENCES = ['week', 'month', 'quarter', 'year'] as const;

export function register(program: Command): void {
  const imp = program.commands.find((c) => c.name() === 'import') ?? program.command('import');
  imp
    .command('tasks [file]')
    .description(
      '读取任务分工通知（.docx/.xlsx/.pdf/.txt/.html/.doc/.wps，或 --text/--stdin 粘贴的网页文字）：--json 只打印读到的内容，--commit 保存为工作任务台账',
    )
    .option('--text <text>', '直接给出通知文字（从网页复制的文字、表格）')
    .option('--stdin', '从标准输入读取通知文字')
    .option('--json', '以 JSON 打印读到的内容，不写数据库')
    .option('--year <year>', '计划年度（通知中未写明或写错时）')
    .option('--commit', '保存到数据库（所有单位名称须能确定对应单位）')
    .option('--cadence <cadence>', '持续性任务的报送周期：week/month/quarter/year（默认 quarter）', 'quarter')
    .option('--replace', '与 --commit 一起使用：替换已导入的同一通知（尚无进展报送时）')
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
        },
      ) => {
        const year = opts.year ? Number(opts.year) : undefined;
        if (opts.year && !(Number.isInteger(year) && year! >= 2000 && year! <= 2100))
          throw new Error('--year 应为 2000–2100 之间的年份');
        if (!(CADENCES as readonly string[]).includes(opts.cadence))
          throw new Error('--cadence 只能是 week、month、quarter 或 year');
        const sources = [file !== undefined, opts.text !== undefined, !!opts.stdin].filter(Boolean).length;
        if (sources !== 1) throw new Error('请给出通知文件，或用 --text / --stdin 给出通知文字（三者选一）');
        const blocks =
          file !== undefined ? await fileToBlocks(file) : pastedToBlocks(opts.text ?? (await readStdin()));
        if (!opts.commit) {
          const plan = parsePlanOrMessage(blocks, year);
          console.log(JSON.stringify(planJson(plan), null, 2));
          if (plan.tasks.length === 0) process.exitCode = 2;
          return;
        }
        await withDb(async (d, config) => {
          await bootstrap(d.database, { ...config, demo: false }, say);
          const preview = await previewImport(d.database.db, config.districtName, blocks, { year });
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

function parsePlanOrMessage(blocks: Parameters<typeof parsePlan>[0], year: number | undefined): ParsedPlan {
  try {
    return parsePlan(blocks, { year });
  } catch (e) {
    const details = (e as { details?: { warnings?: ParsedPlan['warnings'] } }).details;
    if (details?.warnings) throw new Error(details.warnings.map((w) => w.message).join('；'));
    throw e;
  }
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of process.stdin) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}
