// `gongkai review check FILE [--json]` (issue 5 part 6) and `gongkai search reindex` (part 8).
import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import {
  extractLinks,
  runChecks,
  runChecksOnParts,
  unreadableAttachmentFinding,
} from '../domain/review/checks';
import { FINDING_KIND_LABELS, type Finding } from '../domain/review/types';
import { checkOptions, findBrokenLinks, type ProbeOptions, reindexAll } from '../server/modules/disclosure';
import {
  type ExtractResult,
  extractAttachmentText,
  findingsJson,
} from '../server/platform/documents/attachment-text';
import { say, withDb } from './shared';

/**
 * Checks one file: .docx/.xlsx/.pdf/.txt through the attachment reader; anything else is read as UTF-8 text. With
 * `probe`, its links are fetched first and the unreachable ones reported as broken, as the server does.
 */
export async function checkFile(
  file: string,
  opts: Parameters<typeof runChecks>[1] = {},
  probe?: ProbeOptions,
): Promise<Finding[]> {
  const bytes = new Uint8Array(fs.readFileSync(file));
  const name = path.basename(file);
  const isDoc = /\.(docx|xlsx|pdf|txt)$/i.test(name);
  const r: ExtractResult = isDoc
    ? await extractAttachmentText(bytes, name)
    : { parts: [{ source: name, text: new TextDecoder().decode(bytes), key: 'text' }] };
  const brokenLinks =
    probe && 'parts' in r
      ? await findBrokenLinks(
          r.parts.flatMap((x) => extractLinks(x.text)),
          probe,
        )
      : [];
  const o = { ...opts, brokenLinks };
  if ('error' in r) return [unreadableAttachmentFinding(`附件 ${name}`, r.error, o)];
  return isDoc ? runChecksOnParts(r.parts, o) : runChecks(r.parts[0]!.text, o);
}

export function register(program: Command): void {
  const review = program.command('review').description('发布前自动检查');
  review
    .command('check <file>')
    .description('检查文件中的个人信息、密级标志、敏感词、单位名称、日期和链接（.docx/.xlsx/.pdf/.txt）')
    .option('--json', '输出 JSON：{ "findings": [ {kind, text, start, end, masked, blocking} ] }')
    .option('--units', '连接数据库，按单位名录核对单位名称')
    .option(
      '--links',
      '访问文件中的链接（HEAD 后 GET，每个 3 秒，最多 20 个，不访问内网地址），报告无法访问的链接',
    )
    .action(async (file: string, o: { json?: boolean; units?: boolean; links?: boolean }) => {
      const probe = o.links ? {} : undefined;
      if (!fs.existsSync(file)) throw new Error(`文件不存在：${file}`);
      const findings = o.units
        ? await withDb(async (db, config) =>
            checkFile(
              file,
              await checkOptions({ config }, db.database.db, { writtenDate: null, publishDate: null }),
              probe,
            ),
          )
        : await checkFile(file, {}, probe);
      if (o.json) {
        process.stdout.write(`${JSON.stringify(findingsJson(findings), null, 2)}\n`);
        return;
      }
      if (findings.length === 0) say('未发现问题');
      for (const f of findings)
        console.log(
          `${f.blocking ? '阻断' : '提示'}\t${FINDING_KIND_LABELS[f.kind]}\t${f.source ?? ''}\t[${f.start},${f.end}]\t${f.text} → ${f.masked}\t${f.message}`,
        );
    });

  const search = program.command('search').description('全文检索索引');
  search
    .command('reindex')
    .description('重建全部已发布信息的检索索引')
    .action(async () => {
      await withDb(async (db) => {
        const t0 = Date.now();
        const n = await reindexAll(db.database, (done) => say(`已索引 ${done} 条…`));
        say(`已重建 ${n} 条信息的检索索引，用时 ${((Date.now() - t0) / 1000).toFixed(1)} 秒`);
      });
    });
}
