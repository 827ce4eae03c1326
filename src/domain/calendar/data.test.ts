import { describe, expect, it } from 'vitest';
import { loadBuiltinCalendarYears } from './builtin';
import { createCalendar } from './calendar';
import { isWeekend, yearOf } from './dates';
import { validateCalendarYear } from './validate';

const years = loadBuiltinCalendarYears();

describe.each(years.map((y) => [y.year, y] as const))('built-in holiday data %i', (year, y) => {
  it('passes the upload validator', () => {
    expect(validateCalendarYear(y)).toEqual({ ok: true, value: y });
  });
  it('make-up working days are all Saturdays or Sundays', () => {
    for (const d of y.holidays.flatMap((h) => h.makeupWorkdays)) expect(isWeekend(d), d).toBe(true);
  });
  it('off days are unique and never also make-up days', () => {
    const off = y.holidays.flatMap((h) => h.off);
    expect(new Set(off).size).toBe(off.length);
    const makeup = new Set(y.holidays.flatMap((h) => h.makeupWorkdays));
    for (const d of off) expect(makeup.has(d), d).toBe(false);
  });
  it('most off days lie in the year itself', () => {
    const off = y.holidays.flatMap((h) => h.off);
    expect(off.filter((d) => yearOf(d) === year).length).toBeGreaterThan(off.length - 3);
  });
  it('2025 and 2026 are V-3P, earlier years are marked from memory (M)', () => {
    expect(y.source.confidence).toBe(year >= 2025 ? 'V-3P' : 'M');
  });
});

it('covers 2019–2026, one file per year', () => {
  expect(years.map((y) => y.year)).toEqual([2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026]);
});

// REGULATIONS §7.3: working days per month, computed there from the §7.2/§7.3 tables.
describe.each([
  [2025, [19, 19, 21, 22, 19, 20, 23, 21, 23, 18, 20, 23]],
  [2026, [21, 16, 22, 21, 19, 21, 23, 21, 22, 18, 21, 23]],
])('working days per month in %i', (year, expected) => {
  const cal = createCalendar(years);
  it('match REGULATIONS §7.3 and total 248', () => {
    const counts = expected.map((_, m) => {
      const from = m === 0 ? `${year - 1}-12-31` : lastDayOf(year, m);
      return cal.countWorkingDays(from, lastDayOf(year, m + 1)).count;
    });
    expect(counts).toEqual(expected);
    expect(counts.reduce((a, b) => a + b, 0)).toBe(248);
  });
});

function lastDayOf(year: number, month1: number): string {
  const d = new Date(Date.UTC(year, month1, 0));
  return d.toISOString().slice(0, 10);
}

// The holiday blocks of REGULATIONS §7.2 and §7.3, row by row.
describe.each([
  [2025, '元旦', '2025-01-01', '2025-01-01', []],
  [2025, '春节', '2025-01-28', '2025-02-04', ['2025-01-26', '2025-02-08']],
  [2025, '清明节', '2025-04-04', '2025-04-06', []],
  [2025, '劳动节', '2025-05-01', '2025-05-05', ['2025-04-27']],
  [2025, '端午节', '2025-05-31', '2025-06-02', []],
  [2025, '国庆节、中秋节', '2025-10-01', '2025-10-08', ['2025-09-28', '2025-10-11']],
  [2026, '元旦', '2026-01-01', '2026-01-03', ['2026-01-04']],
  [2026, '春节', '2026-02-15', '2026-02-23', ['2026-02-14', '2026-02-28']],
  [2026, '清明节', '2026-04-04', '2026-04-06', []],
  [2026, '劳动节', '2026-05-01', '2026-05-05', ['2026-05-09']],
  [2026, '端午节', '2026-06-19', '2026-06-21', []],
  [2026, '中秋节', '2026-09-25', '2026-09-27', []],
  [2026, '国庆节', '2026-10-01', '2026-10-07', ['2026-09-20', '2026-10-10']],
])('%i %s', (year, name, first, last, makeup) => {
  it('matches the notice', () => {
    const h = years.find((y) => y.year === year)?.holidays.find((x) => x.name === name);
    expect(h).toBeDefined();
    expect(h?.off[0]).toBe(first);
    expect(h?.off.at(-1)).toBe(last);
    expect(h?.makeupWorkdays).toEqual(makeup);
  });
});
