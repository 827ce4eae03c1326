// Q&A matching benchmark (issue 11 part 3): accuracy per test base (the development sample and the bases in
// test/fixtures/qa), against plain character-bigram overlap in the same run; then latency and memory, also on a
// large synthetic base. Run: npx tsx bench/qa-match.ts   (BENCH_LARGE=20000 entries by default)
import fs from 'node:fs';
import path from 'node:path';
import { CONFIDENT_AT, normalizeText, type QaEntry } from '../src/domain/interaction/matching';
import {
  type Accuracy,
  accuracy,
  calibrate,
  pct,
  type Ranked,
  type TestBase,
  testBase,
} from '../src/domain/interaction/matching/evaluate';
import { createQaMatcher } from '../src/server/platform/text/qa-matcher';

const ROOT = path.join(import.meta.dirname, '..');
export const BASE_DIRS: [string, string][] = [
  ['sample', path.join(ROOT, '../shared/samples/qa')],
  ...fs
    .readdirSync(path.join(ROOT, 'test/fixtures/qa'), { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d): [string, string] => [d.name, path.join(ROOT, 'test/fixtures/qa', d.name)]),
];

/** Baseline: share of the question's character bigrams found in the entry's question, no dictionary. */
function bigramOverlap(entries: readonly QaEntry[]): (q: string) => Ranked {
  const grams = (s: string) => {
    const chars = [...normalizeText(s).replace(/[^\p{L}\p{N}]/gu, '')];
    return new Set(chars.slice(1).map((c, i) => chars[i] + c));
  };
  const kb = entries.map((e) => grams(e.question));
  return (q) => {
    const g = grams(q);
    return kb
      .map((k, i) => ({ row: i + 1, score: g.size ? [...g].filter((x) => k.has(x)).length / g.size : 0 }))
      .filter((m) => m.score > 0)
      .sort((a, b) => b.score - a.score || a.row - b.row);
  };
}

const line = (name: string, a: Accuracy) =>
  `| ${name} | ${a.questions} | ${pct(a.top1, a.questions)} | ${pct(a.top3, a.questions)} | ${pct(a.answered, a.questions)} | ${a.unanswerable} | ${pct(a.declined, a.unanswerable)} |`;

async function main() {
  const { loadKbFile } = await import('../src/cli/qa');
  const bases: { base: TestBase; entries: QaEntry[] }[] = [];
  for (const [name, dir] of BASE_DIRS) {
    const read = (f: string) => fs.readFileSync(path.join(dir, f), 'utf8');
    bases.push({
      base: testBase(name, read('questions.tsv'), read('out_of_kb.txt')),
      entries: await loadKbFile(path.join(dir, 'kb.csv')),
    });
  }
  const rankers = bases.map(({ entries }) => {
    const m = createQaMatcher(entries);
    return {
      ours: (q: string): Ranked => m.match(q),
      baseline: bigramOverlap(entries),
    };
  });
  const own = bases.map((b, i) => ({ b, r: rankers[i]! })).filter((x) => x.b.base.name !== 'sample');
  const calOurs = calibrate(own.map((x) => ({ base: x.b.base, rank: x.r.ours })));
  const calBase = calibrate(own.map((x) => ({ base: x.b.base, rank: x.r.baseline })));
  console.log(`Threshold in use CONFIDENT_AT=${CONFIDENT_AT}; best on own bases: ours ${calOurs.threshold}, baseline ${calBase.threshold}\n`);
  console.log('| base | questions | top-1 % | top-3 % | answered (right and confident) % | unanswerable | declined % |');
  console.log('| --- | --- | --- | --- | --- | --- | --- |');
  const sum = (k: 'ours' | 'baseline', t: number) => {
    const all: Accuracy[] = bases.map((b, i) => accuracy(b.base, rankers[i]![k], t));
    return all;
  };
  for (const [k, t] of [
    ['ours', CONFIDENT_AT],
    ['baseline', calBase.threshold],
  ] as const) {
    const all = sum(k, t);
    all.forEach((a, i) => console.log(line(`${k} ${bases[i]!.base.name}`, a)));
    const total = all.reduce((s, a) => ({
      questions: s.questions + a.questions,
      top1: s.top1 + a.top1,
      top3: s.top3 + a.top3,
      answered: s.answered + a.answered,
      unanswerable: s.unanswerable + a.unanswerable,
      declined: s.declined + a.declined,
    }));
    console.log(line(`**${k} all**`, total));
  }
}

await main();
