// 考核评估 scoring math (pure): an indicator's score from its records (computed), from a named scorer (manual) or
// from citizens' ratings and the 电话测评 (social); totals, ranking with ties, and the 通报表扬/批评 lists.
import { codesOf } from '../codes';
import { type Indicator, TOTAL_WEIGHT } from './tree';

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

/** A record whose clock ended in the year (answered, closed); `onTime` as recorded when it ended. */
export interface ClockEnded {
  id: string;
  unitId: string;
  label: string;
  due: string | null;
  endedOn: string;
  onTime: boolean | null;
}

/** A record still open past its due date. */
export type ClockOverdue = Omit<ClockEnded, 'endedOn' | 'onTime'> & { due: string };

/**
 * The records of a reply clock for one year (consultations, 信箱 letters, applications): those it ended, met when on
 * time (a late answer is recorded and counts as not met), and those still open past their due date, never met.
 * `ended` names what ends the clock (答复, 办结); `late` the word the module's notes use for late (超期, 逾期).
 */
export function clockRecords(
  endedRows: readonly ClockEnded[],
  overdueRows: readonly ClockOverdue[],
  { ended = '答复', late = '超期' }: { ended?: string; late?: string } = {},
): AssessRecord[] {
  return [
    ...endedRows.map((r) => ({
      id: r.id,
      unitId: r.unitId,
      label: r.label,
      ok: r.onTime === true,
      detail: `答复期限${r.due ?? '—'}；${r.endedOn}${ended}${r.onTime === true ? '' : `（${late}${ended}）`}`,
    })),
    ...overdueRows.map((r) => ({
      id: r.id,
      unitId: r.unitId,
      label: r.label,
      ok: false,
      detail: `答复期限${r.due}；已${late}未答复`,
    })),
  ];
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

/**
 * What a computed (or 社会评价) indicator with nothing to judge in the year is worth — a unit that received no
 * application has no "answered on time" share. The default is `spread`: REGULATIONS §5 (国办秘函〔2019〕19号) has a
 * department without service duties skip the service indicators and scale the rest up (75 points × 4/3), i.e. an
 * indicator that does not apply is left out and its weight spread over the others in proportion; seed 001 says
 * nothing that would give full marks for an absent duty. `full_marks` (nothing was missed) stays as a setting.
 */
export const NO_RECORDS_POLICY_LABELS = {
  spread: '不适用：该指标不计分，其分值按比例分摊到本单位其他指标（总分按适用指标折算为百分制）',
  full_marks: '按满分计：没有相关记录视为没有失分',
} as const;
export type NoRecordsPolicy = keyof typeof NO_RECORDS_POLICY_LABELS;
export const NO_RECORDS_POLICIES = codesOf(NO_RECORDS_POLICY_LABELS);
export const DEFAULT_NO_RECORDS_POLICY: NoRecordsPolicy = 'spread';

export interface IndicatorScore {
  code: string;
  name: string;
  category: string;
  weight: number;
  method: Indicator['method'];
  /** False when nothing was there to judge and the policy is `spread`: not counted, weight spread. */
  applicable: boolean;
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

const NOT_APPLICABLE = '本年度无相关记录，不适用（分值分摊到其他指标）';

/** Share of records met × weight; no records: full marks (nothing was missed) — the `full_marks` policy. */
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

/**
 * Every indicator of the tree scored for one unit. `records` is keyed by the indicator's source. Under `spread`, a
 * computed indicator without records and a 社会评价 without any rating or call are not applicable (score 0, not
 * counted by `unitTotal`); manual indicators always apply (unscored: 0, 待评分).
 */
export function scoreUnit(
  tree: readonly Indicator[],
  input: UnitInput,
  policy: NoRecordsPolicy = DEFAULT_NO_RECORDS_POLICY,
): IndicatorScore[] {
  const spread = policy === 'spread';
  return tree.map((i) => {
    const base = { code: i.code, name: i.name, category: i.category, weight: i.weight, method: i.method };
    const na = { ...base, applicable: false, score: 0, source: NOT_APPLICABLE, records: [] };
    if (i.method === 'computed') {
      const records = [...(input.records.get(i.source ?? '') ?? [])];
      if (spread && records.length === 0) return na;
      return { ...base, applicable: true, ...ratioScore(i.weight, records), records };
    }
    if (i.method === 'manual')
      return { ...base, applicable: true, ...manualScore(i.weight, input.manual.get(i.code)), records: [] };
    if (spread && !input.social.ratings.length && !input.social.phone.length) return na;
    return { ...base, applicable: true, ...socialScore(i.weight, input.social), records: [] };
  });
}

export const totalOf = (scores: readonly { score: number }[]) =>
  scores.reduce((s, x) => s + Math.round(x.score * 100), 0) / 100;

/**
 * A unit's total: the applicable indicators' points, scaled to the tree's full weight when some did not apply
 * (19号's ×4/3 for 75 of 100 points). Nothing applicable at all (a tree of computed indicators only, a unit with no
 * records): full marks, as nothing can have been missed.
 */
export function unitTotal(scores: readonly Pick<IndicatorScore, 'score' | 'weight' | 'applicable'>[]): {
  total: number;
  applicableWeight: number;
} {
  const cents = (n: number) => Math.round(n * 100);
  const full = scores.reduce((s, x) => s + cents(x.weight), 0) || TOTAL_WEIGHT * 100;
  const applicable = scores.filter((x) => x.applicable);
  const weight = applicable.reduce((s, x) => s + cents(x.weight), 0);
  const raw = applicable.reduce((s, x) => s + cents(x.score), 0);
  if (weight === 0) return { total: full / 100, applicableWeight: 0 };
  return { total: round2((raw * full) / weight / 100), applicableWeight: weight / 100 };
}

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
