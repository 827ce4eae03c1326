// `gongkai qa match KB_FILE QUESTIONS_FILE --json`, spawned as a user runs it: on the development sample, an .xlsx
// base, and bad files (Chinese error on stderr, non-zero exit).
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { writeTable } from '../server/platform/xlsx';

const ROOT = path.resolve(import.meta.dirname, '../..');
const SAMPLE = path.resolve(ROOT, '../shared/samples/qa');
const BASE = path.join(ROOT, 'test/fixtures/qa/gongjijin');
const TMP = fs.mkdtempSync(path.join(os.tmpdir(), 'gk-qa-'));
afterAll(() => fs.rmSync(TMP, { recursive: true, force: true }));

async function run(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const r = await promisify(execFile)(process.execPath, [path.join(ROOT, 'bin/gongkai.js'), ...args], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none' },
      maxBuffer: 16 * 1024 * 1024,
    });
    return { code: 0, stdout: r.stdout, stderr: r.stderr };
  } catch (e) {
    const x = e as { code: number; stdout: string; stderr: string };
    return { code: x.code, stdout: x.stdout, stderr: x.stderr };
  }
}

const tmp = (name: string, text: string) => {
  const f = path.join(TMP, name);
  fs.writeFileSync(f, text);
  return f;
};

type Out = {
  results: {
    question: string;
    matches: { row: number; question: string; score: number; confident: boolean }[];
  }[];
};

// Each spawn starts Node, tsx and jieba: seconds on a loaded machine.
describe('gongkai qa match', { timeout: 60_000 }, () => {
  it.skipIf(!fs.existsSync(SAMPLE))('ranks the sample: one result per question, rows of kb.csv', async () => {
    const r = await run(
      'qa',
      'match',
      path.join(SAMPLE, 'kb.csv'),
      path.join(SAMPLE, 'questions.tsv'),
      '--json',
    );
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as Out;
    const tsv = fs.readFileSync(path.join(SAMPLE, 'questions.tsv'), 'utf8').trim().split('\n').slice(1);
    expect(out.results.map((x) => x.question)).toEqual(tsv.map((l) => l.split('\t')[0]));
    const kb = fs.readFileSync(path.join(SAMPLE, 'kb.csv'), 'utf8').split('\n');
    for (const res of out.results) {
      expect(res.matches.length).toBeGreaterThan(0);
      expect(res.matches.length).toBeLessThanOrEqual(5);
      for (const m of res.matches) {
        expect(Object.keys(m)).toEqual(['row', 'question', 'score', 'confident']);
        // row n is line n + 1 of the file: its question is the start of that line.
        expect(kb[m.row]!.startsWith(m.question.replace(/,/g, ''))).toBe(true);
        expect(m.score).toBeGreaterThanOrEqual(0);
        expect(m.score).toBeLessThanOrEqual(1);
      }
    }
    // 生育津贴 questions first: rows 1 and 2.
    expect([1, 2]).toContain(out.results[0]!.matches[0]!.row);
  });

  it('reads an .xlsx base (columns by name, extra columns) and a plain question list', async () => {
    const kb = path.join(TMP, 'kb.xlsx');
    fs.writeFileSync(
      kb,
      await writeTable(
        '问答库',
        ['序号', '问题', '主管单位', '答复'],
        [
          [1, '公租房的申请条件是什么？', '区住房城乡建委', '本区无住房的低收入家庭可以申请。'],
          [2, '住房公积金贷款最高可以贷多少？', '区公积金中心', '单缴存职工最高60万元。'],
        ],
      ),
    );
    const r = await run('qa', 'match', kb, tmp('q.txt', '问题\n公积金最多能贷好多\n\n'), '--json');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as Out;
    expect(out.results).toHaveLength(1);
    expect(out.results[0]!.matches[0]).toMatchObject({ row: 2, question: '住房公积金贷款最高可以贷多少？' });
  });

  it('an empty and a 10,000-character question get a result each', async () => {
    const long = `公积金${'很长的问题'.repeat(2000)}`;
    const r = await run(
      'qa',
      'match',
      path.join(BASE, 'kb.csv'),
      tmp('q2.txt', `公积金\n\n${long}\n`),
      '--json',
    );
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as Out;
    expect(out.results.map((x) => x.question.length)).toEqual([3, 0, long.length]);
    expect(out.results[1]!.matches).toEqual([]);
  });

  it.each([
    ['missing columns', 'kb-bad.csv', '问题,回答\n甲,乙\n', /问答库表头缺少：答复、主管单位/],
    ['not UTF-8', 'kb-gbk.csv', Buffer.from([0xce, 0xca, 0xcc, 0xe2, 0x2c, 0xb4, 0xf0]), /不是 UTF-8 编码/],
    ['not csv or xlsx', 'kb.txt', '问题,答复,主管单位\n', /须为 \.csv 或 \.xlsx/],
  ])('%s → Chinese error, exit code 1', async (_, name, content, message) => {
    const r = await run('qa', 'match', tmp(name, content as string), tmp('q3.txt', '公积金\n'), '--json');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(message);
    expect(r.stdout).toBe('');
  });

  it('a missing file → Chinese error, exit code 1', async () => {
    const r = await run('qa', 'match', path.join(TMP, 'none.csv'), path.join(TMP, 'none.txt'));
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/问答库文件不存在/);
  });
});
