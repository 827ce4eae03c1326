// 考核通报 figures (issue 12 part 6: 通报表扬/批评 and publication of the result): the spread of totals, the units
// praised and criticised, and each indicator's summary over the units it applied to (average, 得分率, full marks).
import { type Bulletin, round2 } from './scoring';
import type { Indicator } from './tree';

export interface BulletinUnit {
  unit: string;
  total: number;
  rank: number;
  bulletin: Bulletin;
  scores: readonly { code: string; score: number; applicable: boolean }[];
}

export interface IndicatorSummary {
  code: string;
  category: string;
  name: string;
  weight: number;
  /** Units the indicator applied to, and those it did not (no records under the `spread` policy). */
  units: number;
  notApplicable: number;
  /** Over the units it applied to; null when it applied to none. */
  average: number | null;
  rate: number | null;
  fullMarks: number;
}

export interface AssessmentBulletinFigures {
  units: number;
  average: number | null;
  highest: number | null;
  lowest: number | null;
  praised: string[];
  criticised: string[];
  indicators: IndicatorSummary[];
}

export function assessmentBulletinFigures(
  indicators: readonly Pick<Indicator, 'code' | 'category' | 'name' | 'weight'>[],
  units: readonly BulletinUnit[],
): AssessmentBulletinFigures {
  const totals = units.map((u) => u.total);
  const mean = (xs: readonly number[]) =>
    xs.length ? round2(xs.reduce((s, x) => s + x, 0) / xs.length) : null;
  return {
    units: units.length,
    average: mean(totals),
    highest: totals.length ? Math.max(...totals) : null,
    lowest: totals.length ? Math.min(...totals) : null,
    praised: units.filter((u) => u.bulletin === 'praise').map((u) => u.unit),
    criticised: units.filter((u) => u.bulletin === 'criticise').map((u) => u.unit),
    indicators: indicators.map((i) => {
      const scored = units.flatMap((u) => u.scores.filter((s) => s.code === i.code && s.applicable));
      const average = mean(scored.map((s) => s.score));
      return {
        code: i.code,
        category: i.category,
        name: i.name,
        weight: i.weight,
        units: scored.length,
        notApplicable: units.length - scored.length,
        average,
        rate: average === null ? null : round2((average * 100) / i.weight),
        fullMarks: scored.filter((s) => s.score >= i.weight).length,
      };
    }),
  };
}
