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

const sumOf = (all: Accuracy[]): Accuracy =>
  all.reduce((s, a) => ({
    questions: s.questions + a.questions,
    top1: s.top1 + a.top1,
    top3: s.top3 + a.top3,
    answered: s.answered + a.answered,
    unanswerable: s.unanswerable + a.unanswerable,
    declined: s.declined + a.declined,
  }));

const ms = (t0: bigint) => Number(process.hrtime.bigint() - t0) / 1e6;
const quantile = (xs: number[], q: number) => [...xs].sort((a, b) => a - b)[Math.floor(q * (xs.length - 1))]!;
const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);

/** The share of unanswerable questions of our own bases the threshold must decline (the target is 80 %). */
const DECLINE_SHARE = 0.9;

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
  const heap0 = process.memoryUsage().heapUsed;
  let t0 = process.hrtime.bigint();
  const matchers = bases.map(({ entries }) => createQaMatcher(entries));
  const firstBuild = ms(t0);
  const runs = bases.map(({ base, entries }, i) => ({
    base,
    ours: (q: string): Ranked => matchers[i]!.match(q),
    baseline: bigramOverlap(entries),
  }));
  // Calibrated on our own bases only: the sample is reported, not tuned on.
  const own = runs.filter((r) => r.base.name !== 'sample');
  const calOurs = calibrate(
    own.map((r) => ({ base: r.base, rank: r.ours })),
    DECLINE_SHARE,
  );
  const calBase = calibrate(
    own.map((r) => ({ base: r.base, rank: r.baseline })),
    DECLINE_SHARE,
  );
  console.log(
    `Thresholds declining ≥ ${DECLINE_SHARE * 100} % of our bases' unanswerable questions: ours ${calOurs.threshold} ` +
      `(in use: CONFIDENT_AT = ${CONFIDENT_AT}), baseline ${calBase.threshold}.\n`,
  );
  console.log(
    '| matcher, base | questions | top-1 % | top-3 % | right and confident % | unanswerable | declined % |',
  );
  console.log('| --- | --- | --- | --- | --- | --- | --- |');
  for (const [k, t] of [
    ['ours', CONFIDENT_AT],
    ['baseline', calBase.threshold],
  ] as const) {
    const all = runs.map((r) => accuracy(r.base, r[k], t));
    for (const [i, a] of all.entries()) console.log(line(`${k} ${runs[i]!.base.name}`, a));
    console.log(line(`**${k}, own bases**`, sumOf(all.filter((_, i) => runs[i]!.base.name !== 'sample'))));
  }

  // Latency on every test question, against its own base.
  const times: number[] = [];
  for (const [i, r] of runs.entries())
    for (const q of [...r.base.answerable.map((a) => a.question), ...r.base.unanswerable]) {
      t0 = process.hrtime.bigint();
      matchers[i]!.match(q);
      times.push(ms(t0));
    }
  console.log(
    `\nSmall bases: first build (jieba dictionaries included) ${firstBuild.toFixed(0)} ms for ${bases.length} bases; ` +
      `match median ${quantile(times, 0.5).toFixed(2)} ms, p95 ${quantile(times, 0.95).toFixed(2)} ms; ` +
      `heap +${mb(process.memoryUsage().heapUsed - heap0)} MB.`,
  );

  // A large base: every entry of every base, repeated with a numbered variation, LARGE entries in all.
  const LARGE = Number(process.env.BENCH_LARGE ?? 20_000);
  const pool = bases.flatMap((b) => b.entries);
  const large = Array.from({ length: LARGE }, (_, i) => {
    const e = pool[i % pool.length]!;
    const other = pool[(i * 7 + 3) % pool.length]!;
    return {
      question: `${e.question}（${Math.floor(i / pool.length) + 1}）`,
      answer: `${e.answer}${other.question}`,
      unit: e.unit,
    };
  });
  global.gc?.();
  const heap1 = process.memoryUsage().heapUsed;
  t0 = process.hrtime.bigint();
  const big = createQaMatcher(large);
  const bigBuild = ms(t0);
  global.gc?.();
  const heap2 = process.memoryUsage().heapUsed;
  const bigTimes: number[] = [];
  for (const r of runs)
    for (const q of r.base.answerable.map((a) => a.question).slice(0, 20)) {
      t0 = process.hrtime.bigint();
      big.match(q);
      bigTimes.push(ms(t0));
    }
  console.log(
    `Large base, ${LARGE} entries: build ${(bigBuild / 1000).toFixed(1)} s, heap +${mb(heap2 - heap1)} MB, ` +
      `match median ${quantile(bigTimes, 0.5).toFixed(1)} ms, p95 ${quantile(bigTimes, 0.95).toFixed(1)} ms ` +
      `(${bigTimes.length} questions); RSS ${mb(process.memoryUsage().rss)} MB.`,
  );
}

await main();
