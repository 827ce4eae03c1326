// Scoring a parsed plan against a hand-written gold list of tasks: the one scorer of the corpus test
// (corpus-accuracy.test.ts) and of the layouts rendered from the gold files (layout-accuracy.test.ts).
// Per file: recall (gold tasks found), precision (tasks read that are gold tasks), units (of the tasks
// found, lead and responsible sets both exact), dates (deadline set exact) and whether the year is right.

import type { Deadline } from './deadlines';
import type { ParsedPlan } from './notice-types';

export interface GoldTask {
  /** A distinctive piece of the task's text. */
  key: string;
  lead: string[];
  resp: string[];
  /** Deadlines as `dueOf` writes them. */
  due: string[];
}

export interface ScoreRow {
  file: string;
  gold: number;
  read: number;
  found: number;
  units: number;
  dates: number;
  /** The plan's year read right (or given by the officer when the notice has none). */
  year: boolean;
  misses: string[];
}

const squash = (s: string) => s.replace(/[\s\u00a0\u3000]+/g, '');

/** A deadline as the gold files write it: the date, or the kind ("recurring:month" for a period). */
export function dueOf(d: Deadline): string {
  if (d.kind === 'date') return d.date ?? '';
  if (d.kind === 'recurring') return `recurring:${d.every}`;
  return d.kind === 'relative' && d.date ? d.date : d.kind;
}

const sameSet = (a: string[], b: string[]) =>
  a.length === b.length && [...a].sort().join('|') === [...b].sort().join('|');

/** Each gold task is matched to the first unused task whose text contains its key. */
export function scorePlan(file: string, plan: ParsedPlan, tasks: GoldTask[], year: number): ScoreRow {
  const row: ScoreRow = {
    file,
    gold: tasks.length,
    read: plan.tasks.length,
    found: 0,
    units: 0,
    dates: 0,
    year: plan.year === year,
    misses: [],
  };
  const used = new Set<number>();
  for (const g of tasks) {
    const i = plan.tasks.findIndex((t, k) => !used.has(k) && squash(t.text).includes(squash(g.key)));
    if (i < 0) {
      row.misses.push(`未读出：${g.key}`);
      continue;
    }
    used.add(i);
    row.found++;
    const t = plan.tasks[i]!;
    if (sameSet(t.leadUnits, g.lead) && sameSet(t.responsibleUnits, g.resp)) row.units++;
    else
      row.misses.push(
        `单位：${g.key} 读作 牵头${JSON.stringify(t.leadUnits)} 责任${JSON.stringify(t.responsibleUnits)}`,
      );
    const due = [...new Set(t.deadlines.map(dueOf))];
    if (sameSet(due, g.due)) row.dates++;
    else row.misses.push(`时限：${g.key} 读作 ${JSON.stringify(due)}`);
  }
  plan.tasks.forEach((t, k) => {
    if (!used.has(k)) row.misses.push(`多读：${t.text.slice(0, 30)}`);
  });
  return row;
}

export const pct = (n: number, d: number) => (d === 0 ? 100 : Math.round((1000 * n) / d) / 10);

export interface Totals {
  recall: number;
  precision: number;
  units: number;
  dates: number;
  years: number;
}

export function totals(rows: ScoreRow[]): Totals {
  const sum = (f: (r: ScoreRow) => number) => rows.reduce((n, r) => n + f(r), 0);
  const found = sum((r) => r.found);
  return {
    recall: pct(
      found,
      sum((r) => r.gold),
    ),
    precision: pct(
      found,
      sum((r) => r.read),
    ),
    units: pct(
      sum((r) => r.units),
      found,
    ),
    dates: pct(
      sum((r) => r.dates),
      found,
    ),
    years: pct(
      sum((r) => (r.year ? 1 : 0)),
      rows.length,
    ),
  };
}
