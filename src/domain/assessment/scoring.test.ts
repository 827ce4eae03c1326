import { describe, expect, it } from 'vitest';
import { eachEquals, eachReturns } from '../../../test/table';
import {
  type AssessRecord,
  bulletinOf,
  manualScore,
  rank,
  ratioScore,
  type SocialInput,
  scoreUnit,
  socialScore,
  totalOf,
} from './scoring';
import { defaultTree, type Indicator, treeLocked, treeProblems } from './tree';

const recs = (ok: number, bad: number): AssessRecord[] => [
  ...Array.from({ length: ok }, (_, i) => ({ id: `ok${i}`, unitId: 'u', label: '', ok: true, detail: '' })),
  ...Array.from({ length: bad }, (_, i) => ({ id: `no${i}`, unitId: 'u', label: '', ok: false, detail: '' })),
];

describe('ratioScore: weight × met / all', () => {
  eachEquals(
    ([w, ok, bad]: [number, number, number]) => ratioScore(w, recs(ok, bad)),
    [
      [[20, 0, 0], { score: 20, source: '本年度无相关记录，按满分计' }],
      [[20, 4, 0], { score: 20, source: '达标4/4（100%）' }],
      [[20, 3, 1], { score: 15, source: '达标3/4（75%）' }],
      [[10, 2, 1], { score: 6.67, source: '达标2/3（66.67%）' }], // 10 × 2/3 = 6.666…
      [[12, 1, 2], { score: 4, source: '达标1/3（33.33%）' }],
      [[8, 0, 5], { score: 0, source: '达标0/5（0%）' }],
    ],
  );
});

describe('manualScore: the scorer’s points, capped at the weight', () => {
  eachEquals(
    ([w, s]: [number, number | null]) =>
      manualScore(w, s === null ? undefined : { score: s, evidence: '培训通知', scorer: '李四' }).score,
    [
      [[5, null], 0],
      [[5, 4.5], 4.5],
      [[5, 7], 5],
      [[5, -1], 0],
    ],
  );
});

describe('socialScore: ratings (满意100/基本满意80/不满意0) and 电话测评 averaged', () => {
  eachEquals(
    ([w, s]: [number, SocialInput]) => socialScore(w, s).score,
    [
      [[10, { ratings: [], phone: [] }], 10],
      // (100 + 80 + 0) / 3 = 60 → 10 × 60% = 6
      [[10, { ratings: ['satisfied', 'basic', 'unsatisfied'], phone: [] }], 6],
      // phone only: (90 + 70) / 2 = 80 → 12 × 80% = 9.6
      [[12, { ratings: [], phone: [90, 70] }], 9.6],
      // ratings 90, phone 70 → 80% → 10 × 0.8 = 8
      [[10, { ratings: ['satisfied', 'basic'], phone: [70] }], 8],
    ],
  );
});

describe('rank: competition ranking, ties share a place', () => {
  eachEquals(
    (totals: number[]) => rank(totals.map((total, i) => ({ total, i }))).map((r) => [r.i, r.rank]),
    [
      [
        [80, 90, 70],
        [
          [1, 1],
          [0, 2],
          [2, 3],
        ],
      ],
      [
        [85, 90, 85, 60],
        [
          [1, 1],
          [0, 2],
          [2, 2],
          [3, 4],
        ],
      ],
      [
        [50, 50],
        [
          [0, 1],
          [1, 1],
        ],
      ],
      [[], []],
    ],
  );
});

describe('bulletinOf: 通报表扬 ≥ 90, 通报批评 < 60', () => {
  eachReturns(bulletinOf, [
    [100, 'praise'],
    [90, 'praise'],
    [89.99, null],
    [60, null],
    [59.99, 'criticise'],
    [0, 'criticise'],
  ]);
});

describe('treeProblems', () => {
  const tree = defaultTree('department');
  const change = (f: (t: Indicator[]) => void) => {
    const t = structuredClone(tree);
    f(t);
    return treeProblems(t);
  };
  it('the default trees sum to 100 and pass', () => {
    expect(treeProblems(defaultTree('department'))).toEqual([]);
    expect(treeProblems(defaultTree('township'))).toEqual([]);
  });
  eachEquals(
    (f: (t: Indicator[]) => void) => change(f),
    [
      [(t) => (t[0]!.weight = 19), ['各项指标分值合计应为100分，当前为99分']],
      [(t) => (t[1]!.code = 'A1'), ['指标编号A1重复']],
      [(t) => (t[0]!.code = 'a1'), ['指标“《任务分工》完成情况”的编号应为一个大写字母加数字，如A1']],
      [(t) => (t[0]!.source = null), ['指标“《任务分工》完成情况”为系统计算，请选择数据来源']],
      [
        (t) => {
          t[0]!.weight = 19.5;
          t[1]!.weight = 12.5;
        },
        [],
      ],
      [(t) => (t[0]!.weight = 20.001), ['指标“《任务分工》完成情况”的分值应为正数，最多两位小数']],
      [
        (t) => {
          t[0]!.weight = 19.71;
          t[1]!.weight = 12.29;
        },
        [],
      ],
    ],
  );
  it('empty tree', () => expect(treeProblems([])).toEqual(['指标体系至少需要一项指标']));
});

describe('treeLocked: frozen once scoring starts', () => {
  eachReturns(treeLocked, [
    ['draft', null],
    ['scoring', '评分已开始，指标体系已冻结，不能修改'],
    ['published', '考核结果已公布，指标体系不能修改'],
  ]);
});

describe('scoreUnit: a whole default tree by hand', () => {
  it('adds up the computed, manual and social indicators', () => {
    const tree = defaultTree('department');
    const scores = scoreUnit(tree, {
      records: new Map([
        ['tasks_on_time', recs(3, 1)], // A1 20 × 3/4 = 15
        ['art26_timely', recs(1, 1)], // B1 12 × 1/2 = 6
        ['requests_on_time', recs(1, 0)], // C1 10
        ['consult_on_time', recs(0, 2)], // D1 0
      ]),
      manual: new Map([['F1', { score: 4, evidence: '培训通知', scorer: '王五' }]]), // F1 4, F2 0 (待评分)
      social: { ratings: ['basic'], phone: [] }, // G1 10 × 80% = 8
    });
    // B2 8, B3 8, C2 6, E1 8 have no records: full marks → 15+6+8+8+10+6+0+8+4+0+8 = 73
    expect(scores.map((s) => [s.code, s.score])).toEqual([
      ['A1', 15],
      ['B1', 6],
      ['B2', 8],
      ['B3', 8],
      ['C1', 10],
      ['C2', 6],
      ['D1', 0],
      ['E1', 8],
      ['F1', 4],
      ['F2', 0],
      ['G1', 8],
    ]);
    expect(totalOf(scores)).toBe(73);
    expect(scores.find((s) => s.code === 'A1')!.records).toHaveLength(4);
  });
});
