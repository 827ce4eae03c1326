// `gongkai sites check URL [--as-of YYYY-MM-DD] [--max-pages N] --json` (issue 12 part 2): one website check against
// 国办秘函〔2019〕19号, no database. The operator names the site, so its own host may be a private address; other
// private hosts only with GONGKAI_LINK_PROBE_PRIVATE.
import type { Command } from 'commander';

function today(): string {
  // The as-of day defaults to today in China, whatever the machine's zone.
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
}

export function register(program: Command): void {
  const sites = program.command('sites').description('政府网站检查');
  sites
    .command('check <URL>')
    .description(
      '按国办秘函〔2019〕19号检查一个网站：更新、空白栏目、互动回应、链接、错别字、网站标识、办事指南',
    )
    .option('--as-of <YYYY-MM-DD>', '检查基准日期（默认今天）')
    .option('--max-pages <N>', '最多读取的页面数', '300')
    .option('--json', '以 JSON 输出：{"site","asOf","pages","verdict","vetoes","findings"}')
    .action(async (url: string, opts: { asOf?: string; maxPages: string; json?: boolean }) => {
      const { checkSite } = await import('../server/modules/media');
      const maxPages = Number(opts.maxPages);
      const report = await checkSite(url, {
        asOf: opts.asOf ?? today(),
        maxPages,
        trustStartHost: true,
        allowPrivate: /^(1|true|yes)$/i.test(process.env.GONGKAI_LINK_PROBE_PRIVATE ?? ''),
      });
      const { notes, ...result } = report;
      if (opts.json) {
        process.stdout.write(`${JSON.stringify(result)}\n`);
        for (const n of notes) process.stderr.write(`提示：${n}\n`);
        return;
      }
      console.log(`${result.site}  基准日 ${result.asOf}  读取 ${result.pages} 页  结论：${result.verdict}`);
      for (const v of result.vetoes) console.log(`  否决 ${v.rule}：${v.detail}`);
      for (const f of result.findings)
        console.log(
          `  ${f.kind}  ${f.page}${f.target ? ` → ${f.target}` : ''}  ${f.column ?? f.text ?? ''}  ${f.detail}`,
        );
      for (const n of notes) console.log(`  提示：${n}`);
    });
}
