// `gongkai qa match KB_FILE QUESTIONS_FILE --json` (issue 11 part 3): ranks a Q&A base for each question, no
// database. The matcher and exceljs are imported when the command runs, so `gongkai --help` stays fast.
import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import type { QaEntry, QaMatch } from '../domain/interaction/matching';

/** Reads a base: .csv (UTF-8, BOM allowed) or .xlsx, header 问题,答复,主管单位 matched by name. */
export async function loadKbFile(file: string): Promise<QaEntry[]> {
  if (!fs.existsSync(file)) throw new Error(`问答库文件不存在：${file}`);
  const { entriesFromTable, KB_COLUMNS, parseCsv } = await import('../domain/interaction/matching');
  const ext = path.extname(file).toLowerCase();
  if (ext === '.xlsx') {
    const { readTable } = await import('../server/platform/xlsx');
    const rows = await readTable(new Uint8Array(fs.readFileSync(file)), [...KB_COLUMNS]);
    // Sheet row r is data row r - 1; rows the reader skipped as blank keep their number.
    const table: string[][] = [[...KB_COLUMNS]];
    for (const r of rows) table[r.row - 1] = KB_COLUMNS.map((c) => r.values[c] ?? '');
    return entriesFromTable(Array.from(table, (r) => r ?? ['', '', '']));
  }
  if (ext !== '.csv') throw new Error(`问答库须为 .csv 或 .xlsx 文件：${file}`);
  const bytes = fs.readFileSync(file);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new Error(
      `问答库不是 UTF-8 编码（可能是 GBK）：请在 Excel 或 WPS 中另存为“CSV UTF-8”后重试：${file}`,
    );
  }
  return entriesFromTable(parseCsv(text));
}

export interface MatchResult {
  question: string;
  matches: QaMatch[];
}

export async function matchFiles(kbFile: string, questionsFile: string): Promise<MatchResult[]> {
  const entries = await loadKbFile(kbFile);
  if (!fs.existsSync(questionsFile)) throw new Error(`问题文件不存在：${questionsFile}`);
  const { questionsFromText } = await import('../domain/interaction/matching');
  const { createQaMatcher } = await import('../server/platform/text/qa-matcher');
  const questions = questionsFromText(fs.readFileSync(questionsFile, 'utf8'));
  const matcher = createQaMatcher(entries);
  return questions.map((question) => ({ question, matches: matcher.match(question) }));
}

export function register(program: Command): void {
  const qa = program.command('qa').description('政策咨询问答库');
  qa.command('match <KB_FILE> <QUESTIONS_FILE>')
    .description('为每个问题在问答库（.csv/.xlsx，表头 问题,答复,主管单位）中查找最匹配的答复，不需要数据库')
    .option(
      '--json',
      '以 JSON 输出：{"results":[{"question","matches":[{"row","question","score","confident"}]}]}',
    )
    .action(async (kbFile: string, questionsFile: string, opts: { json?: boolean }) => {
      const results = await matchFiles(kbFile, questionsFile);
      if (opts.json) {
        process.stdout.write(`${JSON.stringify({ results })}\n`);
        return;
      }
      for (const r of results) {
        console.log(r.question || '（空问题）');
        if (r.matches.length === 0) console.log('  （无匹配）');
        for (const m of r.matches)
          console.log(`  ${m.confident ? '✓' : ' '} 第 ${m.row} 行  ${m.score.toFixed(2)}  ${m.question}`);
      }
    });
}
