import { describe, expect, it } from 'vitest';
import { loadBuiltinCalendarYears } from './builtin';
import { createCalendar } from './calendar';
import { lunarToSolar, qingmingDate } from './lunar';
import { statutoryHolidays } from './statutory';

const years = loadBuiltinCalendarYears();
const cal = createCalendar(years);

describe('lunar table and 清明', () => {
  it.each([
    ['春节 2027', () => lunarToSolar(2027, 1, 1), '2027-02-06'],
    ['春节 2028', () => lunarToSolar(2028, 1, 1), '2028-01-26'],
    ['端午 2027', () => lunarToSolar(2027, 5, 5), '2027-06-09'],
    ['中秋 2027', () => lunarToSolar(2027, 8, 15), '2027-09-15'],
    ['清明 2027', () => qingmingDate(2027), '2027-04-05'],
    ['清明 2028', () => qingmingDate(2028), '2028-04-04'],
    ['春节 1900 (table epoch)', () => lunarToSolar(1900, 1, 1), '1900-01-31'],
    ['春节 2000', () => lunarToSolar(2000, 1, 1), '2000-02-05'],
    ['中秋 2023 after a leap 2nd month', () => lunarToSolar(2023, 8, 15), '2023-09-29'],
    ['春节 2100', () => lunarToSolar(2100, 1, 1), '2100-02-09'],
  ])('%s', (_n, f, expected) => expect(f()).toBe(expected));

  // Every published notice shipped (2019–2026) puts 春节, 清明, 端午 and 中秋 on the computed days: 除夕 or 初一
  // starts 春节's block, and the other festival days are inside their blocks.
  it.each(years.map((y) => [y.year, y] as const))('agrees with the %s notice', (year, y) => {
    const off = (name: string) => y.holidays.filter((h) => h.name.includes(name)).flatMap((h) => h.off);
    const newYear = lunarToSolar(year, 1, 1);
    expect(off('春节')).toContain(newYear);
    expect(off('清明')).toContain(qingmingDate(year));
    expect(off('端午')).toContain(lunarToSolar(year, 5, 5));
    expect(off('中秋')).toContain(lunarToSolar(year, 8, 15));
  });

  it('rejects years outside the table', () => {
    expect(() => lunarToSolar(2101, 1, 1)).toThrow(RangeError);
    expect(() => lunarToSolar(2027, 13, 1)).toThrow(RangeError);
  });
});

describe('statutory holidays of a year without a notice (2024 revision from 2025)', () => {
  it('2027: 13 days, 春节 from 除夕 to 初三', () => {
    expect(statutoryHolidays(2027)).toEqual([
      { name: '元旦', days: ['2027-01-01'] },
      { name: '春节', days: ['2027-02-05', '2027-02-06', '2027-02-07', '2027-02-08'] },
      { name: '清明节', days: ['2027-04-05'] },
      { name: '劳动节', days: ['2027-05-01', '2027-05-02'] },
      { name: '端午节', days: ['2027-06-09'] },
      { name: '中秋节', days: ['2027-09-15'] },
      { name: '国庆节', days: ['2027-10-01', '2027-10-02', '2027-10-03'] },
    ]);
  });
  it('2018 (2013 revision): 春节 初一–初三, 劳动节 1 day; before 2014 none', () => {
    const h = statutoryHolidays(2018);
    expect(h.find((x) => x.name === '春节')?.days).toEqual(['2018-02-16', '2018-02-17', '2018-02-18']);
    expect(h.find((x) => x.name === '劳动节')?.days).toEqual(['2018-05-01']);
    expect(statutoryHolidays(2013)).toEqual([]);
  });

  it.each([
    // date, working, provisional, holiday
    ['2027-01-01', false, true, '元旦'], // Friday: statutory holiday
    ['2027-02-05', false, true, '春节'], // Friday, 除夕
    ['2027-02-08', false, true, '春节'], // Monday, 初三
    ['2027-02-09', true, true, undefined], // Tuesday after 春节: no 调休 invented
    ['2027-04-05', false, true, '清明节'],
    ['2027-05-03', true, true, undefined], // Monday: 劳动节 is 5/1–5/2 only
    ['2027-06-09', false, true, '端午节'],
    ['2027-09-15', false, true, '中秋节'],
    ['2027-10-04', true, true, undefined],
    ['2027-10-09', false, true, undefined], // Saturday stays a rest day, no make-up day
    ['2026-01-01', false, false, '元旦'], // published notice
  ] as const)('%s → working %s, provisional %s', (date, working, provisional, holiday) => {
    const r = cal.isWorkingDay(date);
    expect(r).toMatchObject({ working, provisional });
    expect(r.holiday).toBe(holiday);
    if (provisional) expect(r.reason).toContain('暂定');
  });

  it('a period crossing into 2027 skips the statutory days, marked provisional', () => {
    // 2026-12-30 + 20: 12-31, (01-01 元旦), 01-04..01-08, 01-11..15, 01-18..22, 01-25..28 → 2027-01-28.
    const r = cal.addWorkingDays('2026-12-30', 20);
    expect(r).toMatchObject({ date: '2027-01-28', provisional: true });
    expect(r.trace.some((t) => t.includes('跳过 2027-01-01（元旦，法定节假日，暂定）'))).toBe(true);
  });

  it('a loaded notice for the year replaces the statutory days', () => {
    const y2027 = {
      year: 2027,
      source: { title: 't', docNumber: null, published: null, url: null, confidence: 'M' as const },
      holidays: [{ name: '元旦', off: ['2027-01-01'], makeupWorkdays: [] }],
    };
    const c = createCalendar([...years, y2027]);
    expect(c.isWorkingDay('2027-02-05')).toMatchObject({ working: true, provisional: false });
  });
});
