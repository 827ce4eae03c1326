// `gongkai fee piece K`, `gongkai fee pages N` (REGULATIONS §3) and `gongkai report check FILE --json`.
import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { pagesFee, pieceFee } from '../domain/requests/fees';
import { checkPublishedReport, type PublishedReportCheck } from '../domain/requests/report-check';
import { fileToText } from '../server/platform/documents/text';

function positiveInt(raw: string, what: string, min: number): number {
  if (!/^\d+$/.test(raw)) throw new Error(`${what}必须是整数：${raw}`);
  const n = Number(raw);
  if (n < min) throw new Error(`${what}不能小于 ${min}：${raw}`);
  return n;
}

/** Reads a published report: .html as HTML (tables kept), .txt/.docx (and others) as flattened text. */
export async function checkReportFile(file: string): Promise<PublishedReportCheck> {
  if (!fs.existsSync(file)) throw new Error(`文件不存在：${file}`);
  const ext = path.extname(file).toLowerCase();
  if (ext === '.html' || ext === '.htm') {
    return checkPublishedReport({ kind: 'html', content: fs.readFileSync(file, 'utf8') });
  }
  const text = ext === '.txt' ? fs.readFileSync(file, 'utf8') : await fileToText(file);
  return checkPublishedReport({ kind: 'text', content: text });
}

export function register(program: Command): void {
  const fee = program.command('fee').description('信息处理费（国办函〔2020〕109号）');
  fee
    .command('piece <k>')
    .description('按件计收：申请人当月第 K 件申请的费用（元）')
    .action((k: string) => {
      console.log(String(pieceFee(positiveInt(k, '当月申请序号', 1))));
    });
  fee
    .command('pages <n>')
    .description('按量计收：一件申请 N 页的费用（元）')
    .action((n: string) => {
      console.log(String(pagesFee(positiveInt(n, '页数', 0))));
    });

  const report = program.command('report').description('政府信息公开工作年度报告');
  report
    .command('check <file>')
    .description('检查已发布的年度报告（.txt / .html / .docx）：勾稽关系、缺项、旧版模板')
    .option('--json', '以 JSON 输出')
    .action(async (file: string, opts: { json?: boolean }) => {
      const r = await checkReportFile(file);
      if (opts.json) console.log(JSON.stringify(r, null, 2));
      else {
        console.log(
          `${r.year ?? '?'} 年度 ${r.unit ?? ''}：模板 ${r.template}，发现 ${r.findings.length} 处问题`,
        );
        for (const f of r.findings) console.log(`- ${f.message}`);
      }
      if (r.findings.length > 0) process.exitCode = 1;
    });
}
