import { describe, expect, it } from 'vitest';
import { validateCalendarYear } from './validate';

const good = {
  year: 2027,
  source: {
    title: '国务院办公厅关于2027年部分节假日安排的通知',
    docNumber: null,
    published: null,
    url: null,
    confidence: 'M',
  },
  holidays: [{ name: '元旦', off: ['2027-01-01', '2027-01-02', '2027-01-03'], makeupWorkdays: [] }],
};

function withChange(change: (g: Record<string, unknown>) => void): unknown {
  const copy = structuredClone(good) as unknown as Record<string, unknown>;
  change(copy);
  return copy;
}

describe('validateCalendarYear (CAL-6: a new year is data only)', () => {
  it('accepts a well-formed year', () => {
    const r = validateCalendarYear(good);
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.value.year).toBe(2027);
  });

  it.each([
    ['not an object', () => 'x', '必须是一个 JSON 对象'],
    ['bad year', () => withChange((g) => (g.year = '2027')), 'year'],
    ['missing title', () => withChange((g) => ((g.source as Record<string, unknown>).title = '')), '标题'],
    [
      'bad confidence',
      () => withChange((g) => ((g.source as Record<string, unknown>).confidence = 'V')),
      'confidence',
    ],
    [
      'bad published',
      () => withChange((g) => ((g.source as Record<string, unknown>).published = '2026/11/04')),
      'published',
    ],
    ['holidays not array', () => withChange((g) => (g.holidays = {})), 'holidays 必须是数组'],
    ['an unknown top-level field', () => withChange((g) => (g.note = 'x')), '不支持的字段：note'],
    [
      'an unknown source field',
      () => withChange((g) => ((g.source as Record<string, unknown>).docNo = 'x')),
      '不支持的字段：source.docNo',
    ],
    [
      'an unknown holiday field',
      () =>
        withChange(
          (g) => (g.holidays = [{ name: '元旦', off: ['2027-01-01'], makeupWorkdays: [], days: 3 }]),
        ),
      '不支持的字段：holidays[0].days',
    ],
    ['empty holidays', () => withChange((g) => (g.holidays = [])), 'holidays 不能为空'],
    [
      'invalid date',
      () => withChange((g) => (g.holidays = [{ name: '元旦', off: ['2027-02-30'], makeupWorkdays: [] }])),
      '2027-02-30',
    ],
    [
      'make-up day on a weekday',
      () =>
        withChange(
          (g) => (g.holidays = [{ name: '元旦', off: ['2027-01-01'], makeupWorkdays: ['2027-01-04'] }]),
        ),
      '不是周六或周日',
    ],
    [
      'duplicate off day',
      () =>
        withChange(
          (g) =>
            (g.holidays = [
              { name: '元旦', off: ['2027-01-01'], makeupWorkdays: [] },
              { name: '春节', off: ['2027-01-01'], makeupWorkdays: [] },
            ]),
        ),
      '重复',
    ],
    [
      'off and make-up at once',
      () =>
        withChange(
          (g) => (g.holidays = [{ name: '元旦', off: ['2027-01-02'], makeupWorkdays: ['2027-01-02'] }]),
        ),
      '同时被列为',
    ],
    [
      'date far outside the year',
      () =>
        withChange(
          (g) => (g.holidays = [{ name: '元旦', off: ['2026-06-01', '2027-01-01'], makeupWorkdays: [] }]),
        ),
      '不在 2027 年',
    ],
    [
      'missing name',
      () => withChange((g) => (g.holidays = [{ off: ['2027-01-01'], makeupWorkdays: [] }])),
      'name',
    ],
  ])('rejects %s', (_name, make, fragment) => {
    const r = validateCalendarYear(make());
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors.join('\n')).toContain(fragment);
  });

  it('accepts neighbouring-month spill-over (2019 元旦 starts 2018-12-30)', () => {
    const r = validateCalendarYear(
      withChange(
        (g) =>
          (g.holidays = [
            { name: '元旦', off: ['2026-12-31', '2027-01-01'], makeupWorkdays: ['2026-12-26'] },
          ]),
      ),
    );
    expect(r.ok).toBe(true);
  });
});
