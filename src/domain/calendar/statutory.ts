// The fixed statutory holidays of 《全国年节及纪念日放假办法》 for years whose State Council notice has not been
// published (REGULATIONS §7.1). They are provisional: the notice later moves days around with 调休, which cannot
// be guessed, so no make-up working days are invented and weekends stay rest days.
import { addDays, dayNumber, fromDayNumber } from './dates';
import { lunarToSolar, qingmingDate } from './lunar';

export interface StatutoryHoliday {
  name: string;
  days: string[];
}

function run(first: string, n: number): string[] {
  const start = dayNumber(first);
  return Array.from({ length: n }, (_, i) => fromDayNumber(start + i));
}

/**
 * 2024 revision (国务院令第798号, in force 2025-01-01): 元旦 1, 春节 4 (除夕–初三), 清明 1, 劳动节 2 (5/1–5/2),
 * 端午 1, 中秋 1, 国庆 3 (10/1–10/3): 13 days. From 2014 to 2024 (2013 revision): 春节 初一–初三, 劳动节 1 day.
 * Earlier years and years outside the lunar table get none (weekdays only, as before).
 */
export function statutoryHolidays(year: number): StatutoryHoliday[] {
  if (year < 2014 || year > 2099) return [];
  const revised2024 = year >= 2025;
  const lunarNewYear = lunarToSolar(year, 1, 1);
  return [
    { name: '元旦', days: [`${year}-01-01`] },
    {
      name: '春节',
      days: revised2024 ? run(addDays(lunarNewYear, -1), 4) : run(lunarNewYear, 3),
    },
    { name: '清明节', days: [qingmingDate(year)] },
    { name: '劳动节', days: run(`${year}-05-01`, revised2024 ? 2 : 1) },
    { name: '端午节', days: [lunarToSolar(year, 5, 5)] },
    { name: '中秋节', days: [lunarToSolar(year, 8, 15)] },
    { name: '国庆节', days: run(`${year}-10-01`, 3) },
  ];
}

/** Date → holiday name for one year's statutory days (春节 always starts after 01-20, so all fall in `year`). */
export function statutoryDaysOf(year: number): Map<string, string> {
  const map = new Map<string, string>();
  for (const h of statutoryHolidays(year)) for (const d of h.days) map.set(d, h.name);
  return map;
}
