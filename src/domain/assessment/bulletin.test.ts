import { describe, expect, it } from 'vitest';
import { assessmentBulletinFigures } from './bulletin';

describe('assessmentBulletinFigures', () => {
  const indicators = [
    { code: 'A1', category: '工作任务落实', name: '任务', weight: 20 },
    { code: 'E2', category: '平台建设', name: '政务新媒体', weight: 4 },
  ];
  it('summarises totals, lists and each indicator over the units it applied to', () => {
    const f = assessmentBulletinFigures(indicators, [
      {
        unit: '甲',
        total: 95,
        rank: 1,
        bulletin: 'praise',
        scores: [
          { code: 'A1', score: 20, applicable: true },
          { code: 'E2', score: 2, applicable: true },
        ],
      },
      {
        unit: '乙',
        total: 50,
        rank: 2,
        bulletin: 'criticise',
        scores: [
          { code: 'A1', score: 10, applicable: true },
          { code: 'E2', score: 0, applicable: false },
        ],
      },
    ]);
    // Totals: (95 + 50) / 2 = 72.5; A1 (20 + 10) / 2 = 15 of 20 = 75 %; E2 applied to 甲 only: 2 of 4 = 50 %.
    expect(f).toMatchObject({
      units: 2,
      average: 72.5,
      highest: 95,
      lowest: 50,
      praised: ['甲'],
      criticised: ['乙'],
    });
    expect(
      f.indicators.map((i) => [i.code, i.units, i.notApplicable, i.average, i.rate, i.fullMarks]),
    ).toEqual([
      ['A1', 2, 0, 15, 75, 1],
      ['E2', 1, 1, 2, 50, 0],
    ]);
  });
  it('no units: no figures', () => {
    const f = assessmentBulletinFigures(indicators, []);
    expect([f.average, f.highest, f.indicators[0]!.average, f.indicators[0]!.rate]).toEqual([
      null,
      null,
      null,
      null,
    ]);
  });
});
