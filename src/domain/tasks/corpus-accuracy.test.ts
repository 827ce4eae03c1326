// Accuracy on real notices of other provinces and levels (test/fixtures/notices): each page text as found,
// with a gold file made by hand (tasks, lead and responsible units, deadlines). Per file: recall (gold tasks
// found), precision (tasks read that are real tasks), unit accuracy and deadline accuracy (of the tasks found).
// Held-out files were kept aside while the rules were written and measured only afterwards. The printed table
// is the one docs/notice-accuracy.md records; the floors below are the measured values, so a regression fails.

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { type ParsedPlan, parseNotice } from './notice';
import { type GoldTask, pct, type ScoreRow, scorePlan, totals } from './notice-scoring';

const DIR = join(import.meta.dirname, '../../../test/fixtures/notices');

interface Gold {
  source: string;
  level: string;
  layout: string;
  year: number;
  yearNote?: string;
  heldOut: boolean;
  /** Kept aside until the rules of its round were written, then read once (the honest generalisation figure). */
  secondHeldOut?: boolean;
  /** A later round's held-out set ("第五轮", "第六轮"): gold written and first read before that round's rules. */
  heldOutSet?: string;
  /**
   * A plan that names no unit: read as the officer reads it after the import page offers 按编号条目读取 (the default
   * reading finds no task there, and says so).
   */
  items?: boolean;
  tasks: GoldTask[];
}

interface Row extends ScoreRow {
  heldOut: boolean;
  second: boolean;
  set?: string;
}

function score(file: string, plan: ParsedPlan, gold: Gold): Row {
  return {
    ...scorePlan(file, plan, gold.tasks, gold.year),
    heldOut: gold.heldOut,
    second: gold.secondHeldOut === true,
    set: gold.heldOutSet,
  };
}

const total = totals;

const files = readdirSync(DIR)
  .filter((f) => f.endsWith('.txt'))
  .sort();
const rows: Row[] = [];

describe('corpus of real notices', () => {
  it.each(files)('%s', (file) => {
    const base = file.replace(/\.txt$/, '');
    const gold = JSON.parse(readFileSync(join(DIR, `${base}.gold.json`), 'utf8')) as Gold;
    const text = readFileSync(join(DIR, file), 'utf8');
    const plan = parseNotice(
      { text },
      { ...(gold.yearNote ? { year: gold.year } : {}), ...(gold.items ? { items: true } : {}) },
    );
    const row = score(base, plan, gold);
    if (!row.year) row.misses.unshift(`年度读作 ${plan.year}`);
    rows.push(row);
  });

  afterAll(() => {
    const lines = [
      '| 文件 | 留出 | 任务（金标/读出/命中） | 召回 | 精确 | 单位 | 时限 | 年度 |',
      '|---|---|---|---|---|---|---|---|',
      ...rows.map(
        (r) =>
          `| ${r.file} | ${r.set ? `是（${r.set}）` : r.second ? '是（第二）' : r.heldOut ? '是' : ''} | ${r.gold}/${r.read}/${r.found} | ${pct(r.found, r.gold)} | ${pct(r.found, r.read)} | ${pct(r.units, r.found)} | ${pct(r.dates, r.found)} | ${r.year ? '✓' : '✗'} |`,
      ),
    ];
    const dev = total(rows.filter((r) => !r.heldOut));
    const held = total(rows.filter((r) => r.heldOut && !r.second && !r.set));
    const second = total(rows.filter((r) => r.second));
    lines.push(
      '',
      `开发集：${JSON.stringify(dev)}`,
      `留出集：${JSON.stringify(held)}`,
      `第二留出集：${JSON.stringify(second)}`,
    );
    for (const set of [...new Set(rows.flatMap((r) => (r.set ? [r.set] : [])))])
      lines.push(`${set}留出集：${JSON.stringify(total(rows.filter((r) => r.set === set)))}`);
    // Held-out misses stay hidden while rules are written (GONGKAI_SHOW_HELDOUT=1 shows them).
    for (const r of rows)
      if (!r.heldOut || process.env.GONGKAI_SHOW_HELDOUT === '1')
        for (const m of r.misses) lines.push(`  ${r.file}: ${m}`);
    console.log(lines.join('\n'));
  });
});

describe('measured floors', () => {
  it('development and held-out notices stay at or above the measured accuracy', () => {
    // Runs after the corpus above (same file, sequential).
    const dev = total(rows.filter((r) => !r.heldOut));
    const held = total(rows.filter((r) => r.heldOut));
    // Measured (docs/notice-accuracy.md, 59 notices, 235 tasks): every field at 100 % on every set, the fifth
    // to eighth rounds' included, after the rules were written (first readings of unseen notices are lower and
    // recorded there: the eighth round's recall 50, a table not recognised); the target is ≥ 95 %.
    const FLOOR = { recall: 100, precision: 100, units: 100, dates: 100, years: 100 };
    for (const [set, got] of [
      ['开发集', dev],
      ['留出集', held],
    ] as const)
      for (const k of Object.keys(FLOOR) as (keyof typeof FLOOR)[])
        expect(got[k], `${set} ${k}`).toBeGreaterThanOrEqual(FLOOR[k]);
  });
});
