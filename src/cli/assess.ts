// `gongkai assess compute --year YYYY [--kind department|township] --json` (issue 12 part 6): the year's assessment
// computed from the platform's live data (the configured database), each unit with its total, rank (within its
// unit kind) and indicators; the same computation as the console's ranking page.
import type { Command } from 'commander';
import { ASSESSED_KIND_LABELS, ASSESSED_KINDS, type AssessedKind } from '../domain/assessment/tree';
import { withDb } from './shared';

function today(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
}

export interface AssessOutputRow {
  unit: string;
  total: number;
  rank: number;
  indicators: { code: string; name: string; weight: number; score: number; source: string }[];
}

export function register(program: Command): void {
  const assess = program.command('assess').description('政务公开考核评估');
  assess
    .command('compute')
    .description('按平台实时数据计算年度考核得分与排名（区政府部门、镇街分别排名）')
    .requiredOption('--year <YYYY>', '考核年度')
    .option('--kind <kind>', `只计算一类考核对象：${ASSESSED_KINDS.join(' / ')}`)
    .option('--as-of <YYYY-MM-DD>', '计算基准日期（默认今天）')
    .option(
      '--json',
      '以 JSON 输出：[{"unit","total","rank","indicators":[{"code","name","weight","score","source"}]}]',
    )
    .action(async (opts: { year: string; kind?: string; asOf?: string; json?: boolean }) => {
      if (!/^\d{4}$/.test(opts.year)) throw new Error(`年度应为四位数字：${opts.year}`);
      const kinds = opts.kind ? [opts.kind] : [...ASSESSED_KINDS];
      for (const k of kinds)
        if (!(ASSESSED_KINDS as readonly string[]).includes(k))
          throw new Error(`考核对象类别应为 ${ASSESSED_KINDS.join(' 或 ')}：${k}`);
      const { computeResults } = await import('../server/modules/assessment');
      const out: AssessOutputRow[] = [];
      await withDb(async (db) => {
        for (const kind of kinds as AssessedKind[]) {
          const r = await computeResults(db.database, Number(opts.year), kind, opts.asOf ?? today());
          if (!opts.json)
            console.log(
              `${opts.year}年度${ASSESSED_KIND_LABELS[kind]}（${r.plan.stored ? '已保存的指标体系' : '默认指标体系'}）`,
            );
          for (const u of r.units) {
            out.push({
              unit: u.unit,
              total: u.total,
              rank: u.rank,
              indicators: u.indicators.map(({ code, name, weight, score, source }) => ({
                code,
                name,
                weight,
                score,
                source,
              })),
            });
            if (!opts.json) console.log(`  ${u.rank}. ${u.unit}  ${u.total}分`);
          }
        }
      });
      if (opts.json) process.stdout.write(`${JSON.stringify(out)}\n`);
    });
}
