import { describe, expect, it } from 'vitest';
import { eachReturns } from '../../../test/table';
import {
  bulletinDocNumber,
  defaultAgencyCode,
  praiseAndCriticise,
  quoteTitle,
  tallyByUnit,
} from './bulletin';

describe('quoteTitle: book-title marks never nest', () => {
  eachReturns(
    quoteTitle,
    [
      ['潼南区2026年政务公开工作要点', '《潼南区2026年政务公开工作要点》'],
      [
        '关于印发《潼南区2026年政务公开工作要点》任务分工的通知',
        '《关于印发〈潼南区2026年政务公开工作要点〉任务分工的通知》',
      ],
      ['《已带书名号的标题》', '《已带书名号的标题》'],
      ['《关于转发《某某办法》的通知》', '《关于转发〈某某办法〉的通知》'],
    ],
    '%s → %s',
  );
});

describe('文号', () => {
  eachReturns(
    defaultAgencyCode,
    [
      ['重庆市潼南区', '潼府办'],
      ['四川省成都市武侯区', '武府办'],
      ['某某县', '某府办'],
    ],
    '%s → %s',
  );
  it('has its number', () => expect(bulletinDocNumber('潼府办', 2026, 12)).toBe('潼府办〔2026〕12号'));
});

describe('tallyByUnit and praiseAndCriticise', () => {
  const rows = [
    { unitName: '区教委', status: 'closed' as const },
    { unitName: '区教委', status: 'closed' as const },
    { unitName: '区发展改革委', status: 'overdue' as const },
    { unitName: '区发展改革委', status: 'closed' as const },
    { unitName: '区民政局', status: 'other' as const },
    { unitName: '区民政局', status: 'returned' as const },
  ];
  it('counts per unit with the closed share', () => {
    expect(tallyByUnit(rows)).toEqual([
      { unitName: '区教委', total: 2, closed: 2, overdue: 0, returned: 0, rate: 100 },
      { unitName: '区发展改革委', total: 2, closed: 1, overdue: 1, returned: 0, rate: 50 },
      { unitName: '区民政局', total: 2, closed: 0, overdue: 0, returned: 1, rate: 0 },
    ]);
  });
  it('praises the units with everything closed and criticises those with late tasks', () => {
    expect(praiseAndCriticise(tallyByUnit(rows))).toEqual({
      praised: ['区教委'],
      criticised: ['区发展改革委'],
    });
  });
});
