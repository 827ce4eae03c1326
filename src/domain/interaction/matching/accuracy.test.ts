// Matching accuracy on the development sample (../shared/samples/qa) and on the test bases of test/fixtures/qa,
// asserted at the level measured by bench/qa-match.ts (bench/README.md): a change that loses a question fails here.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createQaMatcher } from '../../../server/platform/text/qa-matcher';
import { CONFIDENT_AT, entriesFromTable, parseCsv } from '.';
import { accuracy, testBase } from './evaluate';

const ROOT = path.resolve(import.meta.dirname, '../../../..');
const SAMPLE = path.resolve(ROOT, '../shared/samples/qa');

// [base, directory, top-1, top-3, declined] as counts: questions found first, found in the first three, and
// unanswerable questions without a confident match.
const FLOORS: [string, string, number, number, number][] = [
  ['sample', SAMPLE, 49, 57, 9],
  ['shebao', path.join(ROOT, 'test/fixtures/qa/shebao'), 31, 34, 12],
  ['gongjijin', path.join(ROOT, 'test/fixtures/qa/gongjijin'), 28, 30, 12],
  ['jiaoyu-huji', path.join(ROOT, 'test/fixtures/qa/jiaoyu-huji'), 24, 24, 15],
  ['qiye-shuiwu', path.join(ROOT, 'test/fixtures/qa/qiye-shuiwu'), 20, 21, 14],
];

describe('matching accuracy at the measured level', { timeout: 60_000 }, () => {
  it.each(FLOORS)('%s', (name, dir, top1, top3, declined) => {
    if (!fs.existsSync(dir)) return expect.unreachable(`test base missing: ${dir}`);
    const read = (f: string) => fs.readFileSync(path.join(dir, f), 'utf8');
    const base = testBase(name, read('questions.tsv'), read('out_of_kb.txt'));
    const matcher = createQaMatcher(entriesFromTable(parseCsv(read('kb.csv'))));
    const a = accuracy(base, (q) => matcher.match(q), CONFIDENT_AT);
    expect({ top1: a.top1, top3: a.top3, declined: a.declined }).toEqual({
      top1: expect.toSatisfy((n: number) => n >= top1),
      top3: expect.toSatisfy((n: number) => n >= top3),
      declined: expect.toSatisfy((n: number) => n >= declined),
    });
    // The targets, on every base.
    expect(a.top3 / a.questions).toBeGreaterThanOrEqual(0.9);
    expect(a.top1 / a.questions).toBeGreaterThanOrEqual(0.75);
    expect(a.declined / a.unanswerable).toBeGreaterThanOrEqual(0.8);
  });
});
