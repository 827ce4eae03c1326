import { describe, expect, it } from 'vitest';
import type { CalendarYearSummary } from '../../../contracts/api';
import { dayIndex, type GridDay, monthGrid } from './calendarGrid';

// Expand an inclusive ISO date range (UTC arithmetic).
function range(from: string, to: string): string[] {
  const out: string[] = [];
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= Date.parse(`${to}T00:00:00Z`); t += 86_400_000) {
    out.push(new Date(t).toISOString().slice(0, 10));
  }
  return out;
}

// REGULATIONS.md §7.2: 国办发明电〔2024〕12号.
const Y2025: CalendarYearSummary = {
  year: 2025,
  source: '国办发明电〔2024〕12号',
  workingDays: 248,
  holidays: [
    { name: '元旦', off: ['2025-01-01'], makeupWorkdays: [] },
    { name: '春节', off: range('2025-01-28', '2025-02-04'), makeupWorkdays: ['2025-01-26', '2025-02-08'] },
    { name: '清明节', off: range('2025-04-04', '2025-04-06'), makeupWorkdays: [] },
    { name: '劳动节', off: range('2025-05-01', '2025-05-05'), makeupWorkdays: ['2025-04-27'] },
    { name: '端午节', off: range('2025-05-31', '2025-06-02'), makeupWorkdays: [] },
    {
      name: '国庆节、中秋节',
      off: range('2025-10-01', '2025-10-08'),
      makeupWorkdays: ['2025-09-28', '2025-10-11'],
    },
  ],
};
// REGULATIONS.md §7.3 (2026 notice dated 2025-11-04).
const Y2026: CalendarYearSummary = {
  year: 2026,
  source: '国务院办公厅关于2026年部分节假日安排的通知',
  workingDays: 248,
  holidays: [
    { name: '元旦', off: range('2026-01-01', '2026-01-03'), makeupWorkdays: ['2026-01-04'] },
    { name: '春节', off: range('2026-02-15', '2026-02-23'), makeupWorkdays: ['2026-02-14', '2026-02-28'] },
    { name: '清明节', off: range('2026-04-04', '2026-04-06'), makeupWorkdays: [] },
    { name: '劳动节', off: range('2026-05-01', '2026-05-05'), makeupWorkdays: ['2026-05-09'] },
    { name: '端午节', off: range('2026-06-19', '2026-06-21'), makeupWorkdays: [] },
    { name: '中秋节', off: range('2026-09-25', '2026-09-27'), makeupWorkdays: [] },
    { name: '国庆节', off: range('2026-10-01', '2026-10-07'), makeupWorkdays: ['2026-09-20', '2026-10-10'] },
  ],
};

const days = (weeks: (GridDay | null)[][]) => weeks.flat().filter((d): d is GridDay => d !== null);
const working = (weeks: (GridDay | null)[][]) =>
  days(weeks).filter((d) => d.kind === 'workday' || d.kind === 'makeup').length;

// Working days per month as published in REGULATIONS.md §7 (line "Working days per month").
describe.each([
  [Y2025, [19, 19, 21, 22, 19, 20, 23, 21, 23, 18, 20, 23]],
  [Y2026, [21, 16, 22, 21, 19, 21, 23, 21, 22, 18, 21, 23]],
])('$year month grids', (summary, perMonth) => {
  const index = dayIndex(summary);
  it.each(perMonth.map((n, i) => [i + 1, n]))('month %i has %i working days', (month, n) => {
    expect(working(monthGrid(summary.year, month, index))).toBe(n);
  });
});

describe('monthGrid layout', () => {
  const idx = dayIndex(Y2025);
  it.each([
    // [year, month, leading blanks (Monday first), number of weeks, days]
    [2025, 1, 2, 5, 31], // 2025-01-01 is a Wednesday
    [2025, 2, 5, 5, 28], // 2025-02-01 is a Saturday
    [2025, 9, 0, 5, 30], // 2025-09-01 is a Monday
    [2026, 2, 6, 5, 28], // 2026-02-01 is a Sunday
    [2024, 2, 3, 5, 29], // leap year, 2024-02-01 is a Thursday
    [2026, 3, 6, 6, 31], // 2026-03-01 is a Sunday: six rows
  ])('%i-%i: %i blanks, %i weeks, %i days', (y, m, lead, weeks, n) => {
    const g = monthGrid(y, m, idx);
    expect(g).toHaveLength(weeks);
    for (const w of g) expect(w).toHaveLength(7);
    expect(g[0]!.findIndex((d) => d !== null)).toBe(lead);
    expect(days(g)).toHaveLength(n);
    expect(days(g)[0]!.date).toBe(`${y}-${String(m).padStart(2, '0')}-01`);
  });

  it.each([
    ['2026-10-10', 'makeup', '国庆节'], // CAL-1: Saturday, 调休上班
    ['2026-02-16', 'holiday', '春节'], // CAL-2: Monday, 春节
    ['2026-09-26', 'holiday', '中秋节'], // CAL-4: Saturday inside 中秋 break
    ['2026-09-19', 'weekend', null], // ordinary Saturday
    ['2026-09-18', 'workday', null],
  ])('%s is %s', (date, kind, name) => {
    const [y, m] = date.split('-').map(Number) as [number, number];
    const d = days(monthGrid(y, m, dayIndex(Y2026))).find((x) => x.date === date);
    expect(d).toMatchObject({ kind, holiday: name });
  });
});
