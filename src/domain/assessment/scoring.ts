// 考核评估 scoring math (pure): an indicator's score from its records (computed), from a named scorer (manual) or
// from citizens' ratings and the 电话测评 (social); totals, ranking with ties, and the 通报表扬/批评 lists.
import { codesOf } from '../codes';
import type { Indicator } from './tree';

/** One record behind a computed score (drill-down): a task, a case, an item, a consultation, a check. */
export interface AssessRecord {
  id: string;
  unitId: string;
  /** What it is, e.g. the task's text or a case number. */
  label: string;
  /** Counted as met (on time, not corrected, 合格 …). */
  ok: boolean;
  detail: string;
}

export interface ManualScore {
  score: number;
  evidence: string;
  scorer: string;
}

/** Citizens' ratings of answers, as points out of 100. */
export const RATING_POINTS = { satisfied: 100, basic: 80, unsatisfied: 0 } as const;
export type Rating = keyof typeof RATING_POINTS;

/** 通报表扬 from this total on, 通报批评 below that one. */
export const PRAISE_FROM = 90;
export const CRITICISE_BELOW = 60;

export const round2 = (n: number) => Math.round(n * 100 + Number.EPSILON * 100) / 100;

export interface IndicatorScore {
  code: string;
  name: string;
  category: string;
  weight: number;
  method: Indicator['method'];
  score: number;
  /** How the score came about, in Chinese. */
  source: string;
  records: AssessRecord[];
}

export interface SocialInput {
  ratings: Rating[];
  /** 电话测评 results of the unit, 0–100 each. */
  phone: number[];
}

const pct = (n: number) => `${round2(n * 100)}%`;

/** Share of records met × weight; no records: full marks (nothing was missed). */
export function ratioScore(
  weight: number,
  records: readonly Pick<AssessRecord, 'ok'>[],
): { score: number; source: string } {
  if (records.length === 0) return { score: weight, source: '本年度无相关记录，按满分计' };
  const ok = records.filter((r) => r.ok).length;
  return {
    score: round2((weight * ok) / records.length),
    source: `达标${ok}/${records.length}（${pct(ok / records.length)}）`,
  };
}

/** A named scorer's score; none yet: 0 and 待评分. */
export function manualScore(weight: number, m: ManualScore | undefined): { score: number; source: string } {
  if (!m) return { score: 0, source: '待评分' };
  const s = Math.min(Math.max(m.score, 0), weight);
  return { score: round2(s), source: `${m.scorer}评分；依据：${m.evidence}` };
}

const mean = (xs: readonly number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;

/**
 * 社会评价: the ratings' average points and the 电话测评 average, each out of 100, averaged when both exist;
 * × weight / 100. No rating and no call: full marks.
 */
export function socialScore(weight: number, s: SocialInput): { score: number; source: string } {
  const parts: { label: string; value: number }[] = [];
  if (s.ratings.length)
    parts.push({
      label: `群众评价${s.ratings.length}条`,
      value: mean(s.ratings.map((r) => RATING_POINTS[r])),
    });
  if (s.phone.length) parts.push({ label: `电话测评${s.phone.length}次`, value: mean(s.phone) });
  if (parts.length === 0) return { score: weight, source: '本年度无评价记录，按满分计' };
  const rate = mean(parts.map((p) => p.value));
  return {
    score: round2((weight * rate) / 100),
    source: `${parts.map((p) => `${p.label}平均${round2(p.value)}分`).join('，')}；得分率${round2(rate)}%`,
  };
}

export interface UnitInput {
  records: ReadonlyMap<string, readonly AssessRecord[]>;
  manual: ReadonlyMap<string, ManualScore>;
  social: SocialInput;
}

/** Every indicator of the tree scored for one unit. `records` is keyed by the indicator's source. */
export function scoreUnit(tree: readonly Indicator[], input: UnitInput): IndicatorScore[] {
  return tree.map((i) => {
    const base = { code: i.code, name: i.name, category: i.category, weight: i.weight, method: i.method };
    if (i.method === 'computed') {
      const records = [...(input.records.get(i.source ?? '') ?? [])];
      return { ...base, ...ratioScore(i.weight, records), records };
    }
    if (i.method === 'manual')
      return { ...base, ...manualScore(i.weight, input.manual.get(i.code)), records: [] };
    return { ...base, ...socialScore(i.weight, input.social), records: [] };
  });
}

export const totalOf = (scores: readonly { score: number }[]) =>
  scores.reduce((s, x) => s + Math.round(x.score * 100), 0) / 100;

/** Competition ranking (1, 2, 2, 4) by total, highest first; equal totals keep the given order. */
export function rank<T extends { total: number }>(rows: readonly T[]): (T & { rank: number })[] {
  const sorted = rows.map((r, i) => ({ r, i })).sort((a, b) => b.r.total - a.r.total || a.i - b.i);
  return sorted.map(({ r }, pos) => {
    const first = sorted.findIndex((x) => x.r.total === r.total);
    return { ...r, rank: first === -1 ? pos + 1 : first + 1 };
  });
}

export type Bulletin = 'praise' | 'criticise' | null;
export const BULLETIN_LABELS = { praise: '通报表扬', criticise: '通报批评' } as const;
export const BULLETINS = codesOf(BULLETIN_LABELS);

export function bulletinOf(total: number): Bulletin {
  if (total >= PRAISE_FROM) return 'praise';
  if (total < CRITICISE_BELOW) return 'criticise';
  return null;
}
