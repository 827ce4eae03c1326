import { dayNumber, fromDayNumber, WEEKDAY_LABELS, weekdayOf, yearOf } from './dates';
import { statutoryDaysOf } from './statutory';
import type { CalendarYear } from './types';

export interface CalendarOptions {
  /**
   * Whether day X itself counts in "自X之日起N个工作日". REGULATIONS §7.1 [I]: default false (count from the
   * next working day, 民法典 §201); a setting because some local rules differ.
   */
  countStartDay?: boolean;
}

export interface WorkingDayAnswer {
  working: boolean;
  /**
   * True when the date's year has no loaded notice (CAL-5): answered from weekdays and the fixed statutory
   * holidays of 《全国年节及纪念日放假办法》, without the 调休 a notice will add.
   */
  provisional: boolean;
  reason: string;
  /** The holiday the day belongs to (notice or statutory), if any. */
  holiday?: string;
}

export interface AddWorkingDaysResult {
  date: string;
  provisional: boolean;
  trace: string[];
}

export interface WorkingDayCalendar {
  isWorkingDay(d: string): WorkingDayAnswer;
  addWorkingDays(d: string, n: number): AddWorkingDaysResult;
  countWorkingDays(fromExclusive: string, toInclusive: string): { count: number; provisional: boolean };
  loadedYears(): number[];
  readonly countStartDay: boolean;
}

interface DayInfo {
  kind: 'off' | 'makeup';
  holiday: string;
  /** From the statutory fixed days of a year without a notice, not from a notice. */
  statutory?: boolean;
}

/**
 * Pure working-day engine over loaded holiday notices (REGULATIONS §7.1). A working day is Mon–Fri not 放假,
 * plus a declared 调休上班 Saturday/Sunday. Dates listed in any loaded notice are certain even when they fall
 * in a neighbouring year (2019's notice covers 2018-12-29..31); other dates of unloaded years are provisional.
 */
export function createCalendar(
  years: readonly CalendarYear[],
  opts: CalendarOptions = {},
): WorkingDayCalendar {
  const countStartDay = opts.countStartDay ?? false;
  const loaded = new Set<number>();
  const days = new Map<string, DayInfo>();
  for (const y of years) {
    if (loaded.has(y.year)) throw new Error(`${y.year} 年的节假日数据重复载入`);
    loaded.add(y.year);
    for (const h of y.holidays) {
      for (const d of h.off) put(d, { kind: 'off', holiday: h.name });
      for (const d of h.makeupWorkdays) put(d, { kind: 'makeup', holiday: h.name });
    }
  }
  function put(d: string, info: DayInfo): void {
    const prev = days.get(d);
    if (prev && prev.kind !== info.kind) {
      throw new Error(`${d} 在不同年度数据中既是放假日又是调休上班日，请核对通知`);
    }
    if (!prev) days.set(d, info);
  }

  // Fixed statutory holidays of years without a notice, computed once per year.
  const statutory = new Map<number, Map<string, string>>();
  const statutoryHoliday = (d: string): string | undefined => {
    const y = yearOf(d);
    let m = statutory.get(y);
    if (!m) {
      m = statutoryDaysOf(y);
      statutory.set(y, m);
    }
    return m.get(d);
  };

  function classify(n: number): WorkingDayAnswer & { info?: DayInfo } {
    const d = fromDayNumber(n);
    const info = days.get(d);
    const wd = weekdayOf(d);
    const label = WEEKDAY_LABELS[wd] ?? '';
    if (info?.kind === 'makeup')
      return {
        working: true,
        provisional: false,
        reason: `${label}，调休上班（${info.holiday}）`,
        holiday: info.holiday,
        info,
      };
    if (info?.kind === 'off')
      return {
        working: false,
        provisional: false,
        reason: `${info.holiday}放假`,
        holiday: info.holiday,
        info,
      };
    const provisional = !loaded.has(yearOf(d));
    const holiday = provisional ? statutoryHoliday(d) : undefined;
    if (holiday) {
      return {
        working: false,
        provisional,
        reason: `${holiday}，法定节假日（${yearOf(d)}年放假安排尚未发布，按《全国年节及纪念日放假办法》推定，暂定）`,
        holiday,
        info: { kind: 'off', holiday: `${holiday}，法定节假日，暂定`, statutory: true },
      };
    }
    const weekend = wd === 0 || wd === 6;
    const base = weekend ? `${label}，休息日` : `${label}，工作日`;
    const reason = provisional
      ? `${base}（${yearOf(d)}年节假日安排未载入，按周一至周五及法定节假日推定，暂定）`
      : base;
    return { working: !weekend, provisional, reason };
  }

  function isWorkingDay(d: string): WorkingDayAnswer {
    const { info: _info, ...answer } = classify(dayNumber(d));
    return answer;
  }

  function addWorkingDays(d: string, n: number): AddWorkingDaysResult {
    if (!Number.isInteger(n) || n < 0) throw new RangeError(`工作日数必须是非负整数：${n}`);
    const start = dayNumber(d);
    const trace: string[] = [];
    let provisional = false;
    const provisionalYears = new Set<number>();
    // A run of consecutive 放假 days of the same holiday is reported as one line.
    let skip: { from: number; to: number; holiday: string } | null = null;
    const flushSkip = () => {
      if (!skip) return;
      const a = fromDayNumber(skip.from);
      const b = fromDayNumber(skip.to);
      trace.push(
        skip.from === skip.to ? `跳过 ${a}（${skip.holiday}）` : `跳过 ${a} 至 ${b}（${skip.holiday}）`,
      );
      skip = null;
    };
    const note = (dn: number, c: ReturnType<typeof classify>) => {
      if (c.provisional) {
        provisional = true;
        const y = yearOf(fromDayNumber(dn));
        if (!provisionalYears.has(y)) {
          provisionalYears.add(y);
          flushSkip();
          trace.push(
            `${y}年节假日安排未载入：${y}年的日期按周一至周五及《全国年节及纪念日放假办法》规定的法定节假日推定（不含调休），结果为暂定`,
          );
        }
      }
      if (c.info?.kind === 'off') {
        if (skip && skip.to === dn - 1 && skip.holiday === c.info.holiday) skip.to = dn;
        else {
          flushSkip();
          skip = { from: dn, to: dn, holiday: c.info.holiday };
        }
      } else if (c.info?.kind === 'makeup') {
        flushSkip();
        const ds = fromDayNumber(dn);
        trace.push(`计入 ${ds}（${WEEKDAY_LABELS[weekdayOf(ds)]}，调休上班）`);
      }
    };

    let remaining = n;
    let cur = start;
    if (countStartDay && n > 0) {
      const c = classify(cur);
      note(cur, c);
      if (c.working) {
        remaining -= 1;
        trace.push(`起算日 ${d} 为工作日，按设置计入第1个工作日`);
      }
    }
    while (remaining > 0) {
      cur += 1;
      const c = classify(cur);
      note(cur, c);
      if (c.working) remaining -= 1;
    }
    flushSkip();
    const date = fromDayNumber(cur);
    trace.push(
      countStartDay
        ? `自 ${d} 起（含当日）第 ${n} 个工作日为 ${date}`
        : `自 ${d} 次日起算，第 ${n} 个工作日为 ${date}`,
    );
    return { date, provisional, trace };
  }

  function countWorkingDays(
    fromExclusive: string,
    toInclusive: string,
  ): { count: number; provisional: boolean } {
    const a = dayNumber(fromExclusive);
    const b = dayNumber(toInclusive);
    let count = 0;
    let provisional = false;
    for (let cur = a + 1; cur <= b; cur++) {
      const c = classify(cur);
      if (c.provisional) provisional = true;
      if (c.working) count += 1;
    }
    return { count, provisional };
  }

  return {
    isWorkingDay,
    addWorkingDays,
    countWorkingDays,
    loadedYears: () => [...loaded].sort((x, y) => x - y),
    countStartDay,
  };
}
