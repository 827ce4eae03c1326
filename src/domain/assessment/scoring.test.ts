import { describe, expect, it } from 'vitest';
import { eachEquals, eachReturns } from '../../../test/table';
import {
  type AssessRecord,
  bulletinOf,
  clockRecords,
  DEFAULT_NO_RECORDS_POLICY,
  manualScore,
  type NoRecordsPolicy,
  rank,
  ratioScore,
  type SocialInput,
  scoreUnit,
  socialScore,
  totalOf,
  unitTotal,
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

describe('clockRecords: answered on time is met; late or still open past the due date is not', () => {
  const ended = (due: string | null, endedOn: string, onTime: boolean | null) => ({
    id: 'a',
    unitId: 'u',
    label: 'ZX2025-001',
    due,
    endedOn,
    onTime,
  });
  const overdue = { id: 'b', unitId: 'u', label: 'ZX2025-002', due: '2025-05-15' };
  eachEquals(
    ([rows, open, words]: [
      ReturnType<typeof ended>[],
      (typeof overdue)[],
      { ended?: string; late?: string },
    ]) => clockRecords(rows, open, words).map((r) => [r.label, r.ok, r.detail]),
    [
      [
        [[ended('2025-05-15', '2025-05-10', true)], [], {}],
        [['ZX2025-001', true, '答复期限2025-05-15；2025-05-10答复']],
      ],
      [
        [[ended('2025-05-15', '2025-05-20', false)], [], {}],
        [['ZX2025-001', false, '答复期限2025-05-15；2025-05-20答复（超期答复）']],
      ],
      // not recorded as on time (null): not met
      [
        [[ended(null, '2025-05-20', null)], [], { ended: '办结' }],
        [['ZX2025-001', false, '答复期限—；2025-05-20办结（超期办结）']],
      ],
      [[[], [overdue], { late: '逾期' }], [['ZX2025-002', false, '答复期限2025-05-15；已逾期未答复']]],
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

describe('unitTotal: applicable points, scaled to 100 when some indicators did not apply', () => {
  const s = (score: number, weight: number, applicable = true) => ({ score, weight, applicable });
  eachEquals(unitTotal, [
    [[s(15, 20), s(80, 80)], { total: 95, applicableWeight: 100 }],
    // 19号: a department without service duties — 60 of the 75 points that apply → 60 × 4/3 = 80.
    [[s(60, 75), s(0, 25, false)], { total: 80, applicableWeight: 75 }],
    // 43 of 67 → 43 × 100/67 = 64.179… → 64.18.
    [[s(43, 67), s(0, 33, false)], { total: 64.18, applicableWeight: 67 }],
    // Nothing applies at all: nothing can have been missed.
    [[s(0, 60, false), s(0, 40, false)], { total: 100, applicableWeight: 0 }],
    [[s(0, 10), s(0, 90, false)], { total: 0, applicableWeight: 10 }],
  ]);
});

describe('scoreUnit: a whole default tree by hand, under both no-records policies', () => {
  const tree = defaultTree('department');
  const input = {
    records: new Map([
      ['tasks_on_time', recs(3, 1)], // A1 20 × 3/4 = 15
      ['art26_timely', recs(1, 1)], // B1 12 × 1/2 = 6
      ['requests_on_time', recs(1, 0)], // C1 10
      ['consult_on_time', recs(0, 2)], // D1 5 × 0 = 0
    ]),
    manual: new Map([['F1', { score: 4, evidence: '培训通知', scorer: '王五' }]]), // F1 4, F2 0 (待评分)
    social: { ratings: ['basic' as const], phone: [] }, // G1 10 × 80% = 8
  };
  // B2 8, B3 8, C2 6, D2 3, E1 5, E2 3 (33 points) have no records.
  const noRecords = ['B2', 'B3', 'C2', 'D2', 'E1', 'E2'];
  const applied = { A1: 15, B1: 6, C1: 10, D1: 0, F1: 4, F2: 0, G1: 8 };
  eachEquals(
    (policy: NoRecordsPolicy) => {
      const scores = scoreUnit(tree, input, policy);
      return {
        scores: Object.fromEntries(scores.map((x) => [x.code, x.applicable ? x.score : null])),
        ...unitTotal(scores),
      };
    },
    [
      // full marks: 15+6+8+8+10+6+0+3+5+3+4+0+8 = 76 of 100.
      [
        'full_marks',
        {
          scores: { ...applied, B2: 8, B3: 8, C2: 6, D2: 3, E1: 5, E2: 3 },
          total: 76,
          applicableWeight: 100,
        },
      ],
      // spread: 15+6+10+0+4+0+8 = 43 of the 67 points that apply → 43 × 100/67 = 64.18.
      [
        'spread',
        {
          scores: { ...applied, ...Object.fromEntries(noRecords.map((c) => [c, null])) },
          total: 64.18,
          applicableWeight: 67,
        },
      ],
    ],
  );
  it('keeps the records for the drill-down and says why an indicator did not apply', () => {
    const scores = scoreUnit(tree, input, 'spread');
    expect(scores.find((x) => x.code === 'A1')!.records).toHaveLength(4);
    expect(scores.find((x) => x.code === 'E2')).toMatchObject({
      applicable: false,
      score: 0,
      source: '本年度无相关记录，不适用（分值分摊到其他指标）',
    });
    expect(totalOf(scores)).toBe(43);
  });
  it('a 社会评价 without ratings or calls follows the same policy', () => {
    const none = { ...input, social: { ratings: [], phone: [] } };
    expect(scoreUnit(tree, none, 'spread').find((x) => x.code === 'G1')!.applicable).toBe(false);
    expect(scoreUnit(tree, none, 'full_marks').find((x) => x.code === 'G1')).toMatchObject({
      applicable: true,
      score: 10,
    });
  });
  it('defaults to spread (REGULATIONS §5, 19号)', () => {
    expect(DEFAULT_NO_RECORDS_POLICY).toBe('spread');
  });
});

describe('the default trees: letters and 政务新媒体 are indicators of their own', () => {
  eachEquals(
    (kind: 'department' | 'township') =>
      defaultTree(kind)
        .filter((i) => i.source === 'letters_on_time' || i.source === 'newmedia_results' || i.code === 'D1')
        .map((i) => [i.code, i.weight]),
    [
      [
        'department',
        [
          ['D1', 5],
          ['D2', 3],
          ['E2', 3],
        ],
      ],
      [
        'township',
        [
          ['D1', 6],
          ['D2', 4],
          ['E2', 2],
        ],
      ],
    ],
  );
});
