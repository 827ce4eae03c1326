import { describe, expect, it } from 'vitest';
import { loadBuiltinCalendarYears } from './builtin';
import { createCalendar } from './calendar';
import { addDays } from './dates';

const years = loadBuiltinCalendarYears();
const cal = createCalendar(years);
const only2025and2026 = createCalendar(years.filter((y) => y.year === 2025 || y.year === 2026));

describe('isWorkingDay: REGULATIONS §9.1 CAL-1..4', () => {
  it.each([
    ['CAL-1', '2026-10-10', true, '调休上班'],
    ['CAL-2', '2026-02-16', false, '春节'],
    ['CAL-3', '2025-09-28', true, '调休上班'],
    ['CAL-4', '2026-09-26', false, '中秋节'],
    ['ordinary Monday', '2026-03-02', true, '工作日'],
    ['ordinary Sunday', '2026-03-01', false, '休息日'],
    ['2020 春节 extension (国办发明电〔2020〕1号)', '2020-02-02', false, '春节'],
    ['2020-02-01 make-up cancelled by the extension', '2020-02-01', false, '春节'],
    ['2019 notice reaches into 2018', '2018-12-29', true, '调休上班'],
  ])('%s: %s', (_id, date, working, reasonPart) => {
    const r = cal.isWorkingDay(date);
    expect(r.working).toBe(working);
    expect(r.provisional).toBe(false);
    expect(r.reason).toContain(reasonPart);
  });
});

describe('CAL-5: years without data are provisional, never silently certain', () => {
  it('add_wd(2026-12-30, 20) without 2027 data is marked provisional and says why', () => {
    const r = only2025and2026.addWorkingDays('2026-12-30', 20);
    expect(r.provisional).toBe(true);
    expect(r.trace.some((t) => t.includes('2027年节假日安排未载入'))).toBe(true);
  });
  it('2027-01-01 itself is answered provisionally', () => {
    const r = only2025and2026.isWorkingDay('2027-01-01');
    expect(r.provisional).toBe(true);
    expect(r.reason).toContain('暂定');
  });
  it('a period wholly inside loaded years is not provisional', () => {
    expect(only2025and2026.addWorkingDays('2026-11-02', 20).provisional).toBe(false);
  });
  it('countWorkingDays into an unloaded year is provisional', () => {
    expect(only2025and2026.countWorkingDays('2026-12-20', '2027-01-10').provisional).toBe(true);
    expect(only2025and2026.countWorkingDays('2026-12-01', '2026-12-31').provisional).toBe(false);
  });
  it('loadedYears lists what is loaded', () => {
    expect(only2025and2026.loadedYears()).toEqual([2025, 2026]);
    expect(cal.loadedYears()).toEqual([2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026]);
  });
});

// Every date vector of REGULATIONS §9.2, §9.3 (FEE-6) and §9.5 (PUB-1..3).
describe('addWorkingDays: §9.2 / §9.3 / §9.5 vectors', () => {
  it.each([
    ['APP-3 reply', '2026-09-28', 20, '2026-10-30'],
    ['APP-3 reply with maximum extension', '2026-09-28', 40, '2026-11-27'],
    ['APP-4', '2025-12-31', 20, '2026-01-29'],
    ['APP-5', '2026-04-30', 20, '2026-06-01'],
    ['APP-6', '2025-01-20', 20, '2025-02-21'],
    ['APP-7 correction notice', '2026-02-10', 7, '2026-02-26'],
    ['APP-7 reply without correction', '2026-02-10', 20, '2026-03-16'],
    ['APP-11 third party', '2026-06-18', 15, '2026-07-10'],
    ['FEE-6 pay-by', '2026-01-30', 20, '2026-03-05'],
    ['PUB-1 Art. 26', '2025-09-26', 20, '2025-10-30'],
    ['PUB-2 118号 7 days', '2026-09-18', 7, '2026-09-29'],
    ['PUB-3 118号 7 days', '2026-01-30', 7, '2026-02-10'],
  ])('%s: add_wd(%s, %i) = %s', (_id, from, n, expected) => {
    const r = cal.addWorkingDays(from, n);
    expect(r.date).toBe(expected);
    expect(r.provisional).toBe(false);
  });

  it('trace names the skipped holiday and the counted make-up Saturday (APP-3)', () => {
    const r = cal.addWorkingDays('2026-09-28', 20);
    expect(r.trace).toContain('跳过 2026-10-01 至 2026-10-07（国庆节）');
    expect(r.trace).toContain('计入 2026-10-10（周六，调休上班）');
  });
  it('trace of FEE-6 lists 春节 and both make-up Saturdays', () => {
    const r = cal.addWorkingDays('2026-01-30', 20);
    expect(r.trace).toContain('跳过 2026-02-15 至 2026-02-23（春节）');
    expect(r.trace).toContain('计入 2026-02-14（周六，调休上班）');
    expect(r.trace).toContain('计入 2026-02-28（周六，调休上班）');
  });
  it('single-day holiday is traced without a range', () => {
    expect(cal.addWorkingDays('2024-12-31', 1).trace).toContain('跳过 2025-01-01（元旦）');
  });
  it('n = 0 returns the start date', () => {
    expect(cal.addWorkingDays('2026-10-03', 0).date).toBe('2026-10-03');
  });
  it.each([[-1], [1.5], [Number.NaN]])('rejects n = %s', (n) => {
    expect(() => cal.addWorkingDays('2026-01-05', n)).toThrow(RangeError);
  });
  it('rejects an invalid date', () => {
    expect(() => cal.isWorkingDay('2026-02-30')).toThrow(RangeError);
  });
});

describe('countStartDay setting (REGULATIONS §7.1 [I], default false)', () => {
  const inclusive = createCalendar(years, { countStartDay: true });
  it.each([
    ['working start day counts as day 1', '2026-03-02', 1, '2026-03-03', '2026-03-02'],
    ['working start day, 20 days', '2026-03-02', 20, '2026-03-30', '2026-03-27'],
    ['start on a holiday: nothing to count that day', '2026-10-01', 1, '2026-10-08', '2026-10-08'],
  ])('%s', (_name, from, n, exclusiveExpected, inclusiveExpected) => {
    expect(cal.countStartDay).toBe(false);
    expect(cal.addWorkingDays(from, n).date).toBe(exclusiveExpected);
    expect(inclusive.addWorkingDays(from, n).date).toBe(inclusiveExpected);
  });
});

describe('countWorkingDays', () => {
  it.each([
    // 10-01..07 off; 10-08 Thu, 10-09 Fri and the 10-10 make-up Saturday count.
    ['golden week 2026', '2026-09-30', '2026-10-10', 3],
    ['empty interval', '2026-03-02', '2026-03-02', 0],
    ['reversed interval', '2026-03-10', '2026-03-02', 0],
    ['one ordinary week', '2026-03-01', '2026-03-07', 5],
  ])('%s', (_name, from, to, expected) => {
    expect(cal.countWorkingDays(from, to).count).toBe(expected);
  });
});

describe('property: countWorkingDays(d, addWorkingDays(d, n).date) === n', () => {
  // Deterministic spread of start dates over all loaded years, including holidays and weekends.
  const cases: [string, number][] = [];
  for (let i = 0; i < 400; i++) {
    cases.push([addDays('2019-01-01', (i * 53) % 2900), (i * 7) % 46]);
  }
  it.each(cases)('d=%s n=%i', (d, n) => {
    const r = cal.addWorkingDays(d, n);
    expect(cal.countWorkingDays(d, r.date).count).toBe(n);
    if (n > 0) expect(cal.isWorkingDay(r.date).working).toBe(true);
  });
});

describe('createCalendar input checks', () => {
  it('rejects the same year loaded twice', () => {
    const y = years.find((x) => x.year === 2026)!;
    expect(() => createCalendar([y, y])).toThrow('2026');
  });
  it('rejects a date that is off in one year and a make-up day in another', () => {
    const y = years.find((x) => x.year === 2026)!;
    const clash = { ...y, year: 2027, holidays: [{ name: '测试', off: ['2026-10-10'], makeupWorkdays: [] }] };
    expect(() => createCalendar([y, clash])).toThrow('2026-10-10');
  });
});
