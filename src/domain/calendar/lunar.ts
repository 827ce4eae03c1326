// Chinese lunisolar calendar for 1900–2100 from the compact month table (the widely used "lunarInfo" encoding)
// and 清明 from the solar-term formula. Only what the statutory holidays need: lunar date → Gregorian date.
import { dayNumber, fromDayNumber } from './dates';

/**
 * One entry per lunar year from 1900. Bits 0–3: the leap month (0 = none); bit 16: the leap month has 30 days;
 * bits 15…4: months 1…12, set = 30 days, clear = 29.
 */
// biome-ignore format: the table reads best ten years a line
const LUNAR_INFO = [
  0x04bd8, 0x04ae0, 0x0a570, 0x054d5, 0x0d260, 0x0d950, 0x16554, 0x056a0, 0x09ad0, 0x055d2, // 1900
  0x04ae0, 0x0a5b6, 0x0a4d0, 0x0d250, 0x1d255, 0x0b540, 0x0d6a0, 0x0ada2, 0x095b0, 0x14977, // 1910
  0x04970, 0x0a4b0, 0x0b4b5, 0x06a50, 0x06d40, 0x1ab54, 0x02b60, 0x09570, 0x052f2, 0x04970, // 1920
  0x06566, 0x0d4a0, 0x0ea50, 0x16a95, 0x05ad0, 0x02b60, 0x186e3, 0x092e0, 0x1c8d7, 0x0c950, // 1930
  0x0d4a0, 0x1d8a6, 0x0b550, 0x056a0, 0x1a5b4, 0x025d0, 0x092d0, 0x0d2b2, 0x0a950, 0x0b557, // 1940
  0x06ca0, 0x0b550, 0x15355, 0x04da0, 0x0a5b0, 0x14573, 0x052b0, 0x0a9a8, 0x0e950, 0x06aa0, // 1950
  0x0aea6, 0x0ab50, 0x04b60, 0x0aae4, 0x0a570, 0x05260, 0x0f263, 0x0d950, 0x05b57, 0x056a0, // 1960
  0x096d0, 0x04dd5, 0x04ad0, 0x0a4d0, 0x0d4d4, 0x0d250, 0x0d558, 0x0b540, 0x0b6a0, 0x195a6, // 1970
  0x095b0, 0x049b0, 0x0a974, 0x0a4b0, 0x0b27a, 0x06a50, 0x06d40, 0x0af46, 0x0ab60, 0x09570, // 1980
  0x04af5, 0x04970, 0x064b0, 0x074a3, 0x0ea50, 0x06b58, 0x05ac0, 0x0ab60, 0x096d5, 0x092e0, // 1990
  0x0c960, 0x0d954, 0x0d4a0, 0x0da50, 0x07552, 0x056a0, 0x0abb7, 0x025d0, 0x092d0, 0x0cab5, // 2000
  0x0a950, 0x0b4a0, 0x0baa4, 0x0ad50, 0x055d9, 0x04ba0, 0x0a5b0, 0x15176, 0x052b0, 0x0a930, // 2010
  0x07954, 0x06aa0, 0x0ad50, 0x05b52, 0x04b60, 0x0a6e6, 0x0a4e0, 0x0d260, 0x0ea65, 0x0d530, // 2020
  0x05aa0, 0x076a3, 0x096d0, 0x04afb, 0x04ad0, 0x0a4d0, 0x1d0b6, 0x0d250, 0x0d520, 0x0dd45, // 2030
  0x0b5a0, 0x056d0, 0x055b2, 0x049b0, 0x0a577, 0x0a4b0, 0x0aa50, 0x1b255, 0x06d20, 0x0ada0, // 2040
  0x14b63, 0x09370, 0x049f8, 0x04970, 0x064b0, 0x168a6, 0x0ea50, 0x06b20, 0x1a6c4, 0x0aae0, // 2050
  0x092e0, 0x0d2e3, 0x0c960, 0x0d557, 0x0d4a0, 0x0da50, 0x05d55, 0x056a0, 0x0a6d0, 0x055d4, // 2060
  0x052d0, 0x0a9b8, 0x0a950, 0x0b4a0, 0x0b6a6, 0x0ad50, 0x055a0, 0x0aba4, 0x0a5b0, 0x052b0, // 2070
  0x0b273, 0x06930, 0x07337, 0x06aa0, 0x0ad50, 0x14b55, 0x04b60, 0x0a570, 0x054e4, 0x0d160, // 2080
  0x0e968, 0x0d520, 0x0daa0, 0x16aa6, 0x056d0, 0x04ae0, 0x0a9d4, 0x0a2d0, 0x0d150, 0x0f252, // 2090
  0x0d520, // 2100
];

export const LUNAR_FIRST_YEAR = 1900;
export const LUNAR_LAST_YEAR = LUNAR_FIRST_YEAR + LUNAR_INFO.length - 1;

/** 正月初一 of lunar year 1900 = 1900-01-31. */
const EPOCH = dayNumber('1900-01-31');

function info(year: number): number {
  const v = LUNAR_INFO[year - LUNAR_FIRST_YEAR];
  if (v === undefined)
    throw new RangeError(`农历数据仅覆盖 ${LUNAR_FIRST_YEAR}–${LUNAR_LAST_YEAR} 年：${year}`);
  return v;
}

function leapMonth(year: number): number {
  return info(year) & 0xf;
}

function monthDays(year: number, month: number): number {
  return info(year) & (0x10000 >> month) ? 30 : 29;
}

function leapDays(year: number): number {
  if (leapMonth(year) === 0) return 0;
  return info(year) & 0x10000 ? 30 : 29;
}

function yearDays(year: number): number {
  let days = leapDays(year);
  for (let m = 1; m <= 12; m++) days += monthDays(year, m);
  return days;
}

const newYearCache = new Map<number, number>();

/** Day number of 正月初一 of a lunar year. */
function newYearDay(year: number): number {
  const hit = newYearCache.get(year);
  if (hit !== undefined) return hit;
  info(year);
  let n = EPOCH;
  for (let y = LUNAR_FIRST_YEAR; y < year; y++) n += yearDays(y);
  newYearCache.set(year, n);
  return n;
}

/** The Gregorian date of lunar year/month/day (not a leap month); month 1–12, day 1–30. */
export function lunarToSolar(year: number, month: number, day: number): string {
  if (month < 1 || month > 12 || day < 1 || day > monthDays(year, month))
    throw new RangeError(`农历 ${year} 年 ${month} 月没有第 ${day} 天`);
  let n = newYearDay(year);
  const leap = leapMonth(year);
  for (let m = 1; m < month; m++) {
    n += monthDays(year, m);
    if (m === leap) n += leapDays(year);
  }
  return fromDayNumber(n + day - 1);
}

/**
 * 清明 (solar longitude 15°) by the usual day formula [Y·D + C] − [Y/4], Y = years since the century's start
 * (1900 or 2000), D = 0.2422, C = 5.59 (1901–2000) or 4.81 (2001–2099). Checked in tests against the
 * published notices and known dates.
 */
export function qingmingDate(year: number): string {
  if (year < 1901 || year > 2099) throw new RangeError(`清明日期仅支持 1901–2099 年：${year}`);
  const y = year <= 2000 ? year - 1900 : year - 2000;
  const c = year <= 2000 ? 5.59 : 4.81;
  const day = Math.floor(y * 0.2422 + c) - Math.floor(y / 4);
  return `${year}-04-${String(day).padStart(2, '0')}`;
}
