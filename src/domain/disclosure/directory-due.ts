// The 公开时限 of a 标准目录 row (REGULATIONS.md §6, CAT-1) read into a due rule, and one row's coverage in a
// period: was something published (missing) and was it published in time (late). Dates are 'YYYY-MM-DD' China
// calendar dates; working days come from the injected calendar, so nothing here depends on today or the time zone.
import type { WorkingDayCalendar } from '../calendar';
import { addDays } from '../calendar/dates';
import { isoDate, lastDayOfMonth, parseSmallNumber } from '../tasks/deadlines';

export type DuePeriod = 'month' | 'quarter' | 'halfyear' | 'year';

export type DueRule =
  /** "信息形成或变更之日起20个工作日内": each publication within N (working) days of the information's forming. */
  | { kind: 'event'; days: number; working: boolean }
  /** "每季度", "每年3月底前": at least one publication per period, by its due day. */
  | { kind: 'periodic'; every: DuePeriod; dueMonth?: number; dueDay?: number }
  /** "实时", "即时", "及时": published by the working day after the information formed. */
  | { kind: 'realtime' }
  /** "长期", "常态": the information must stand published. */
  | { kind: 'standing' }
  /** A phrase the reader does not understand: kept as written; only "nothing published" is checked. */
  | { kind: 'text' };

/** "20", "二十", "十五", "七" → number; null when not a number. */
export function readNumber(s: string): number | null {
  const n = parseSmallNumber(s);
  return Number.isNaN(n) ? null : n;
}

const NUM = '(\\d+|[一二两三四五六七八九十]+)';
const EVENT = new RegExp(`${NUM}\\s*个?\\s*(工作日|自然日|日|天)(?:内|以内|之内)`);
const BY_MONTH = new RegExp(`每年(?:的)?${NUM}\\s*月(?:(底|末|份)|${NUM}\\s*日)?(?:前|之前|以前)?`);

export interface ReadDue {
  rule: DueRule;
  /** Set when the phrase was not understood: the row keeps the text and the importer sees this warning. */
  warning?: string;
}

/** Reads a 公开时限 cell. The order matters: a number of days wins over "及时" written beside it. */
export function readDueRule(text: string): ReadDue {
  const t = text.replace(/\s+/g, '').replace(/或者/g, '或');
  const byMonth = BY_MONTH.exec(t);
  if (byMonth) {
    const month = readNumber(byMonth[1]!);
    if (month && month >= 1 && month <= 12) {
      const day = byMonth[3] ? readNumber(byMonth[3]) : null;
      return { rule: { kind: 'periodic', every: 'year', dueMonth: month, ...(day ? { dueDay: day } : {}) } };
    }
  }
  const ev = EVENT.exec(t);
  if (ev) {
    const days = readNumber(ev[1]!);
    if (days && days > 0) return { rule: { kind: 'event', days, working: ev[2] === '工作日' } };
  }
  if (/(每|按)月|月度/.test(t)) return { rule: { kind: 'periodic', every: 'month' } };
  if (/(每|按)季度?|季度/.test(t)) return { rule: { kind: 'periodic', every: 'quarter' } };
  if (/(每|按)半年|半年度/.test(t)) return { rule: { kind: 'periodic', every: 'halfyear' } };
  if (/(每|按)年|年度/.test(t)) return { rule: { kind: 'periodic', every: 'year' } };
  if (/实时|即时|及时/.test(t)) return { rule: { kind: 'realtime' } };
  if (/长期|常态|常年|持续/.test(t)) return { rule: { kind: 'standing' } };
  return {
    rule: { kind: 'text' },
    warning: `公开时限「${text.trim() || '（空）'}」无法识别，按原文保存，覆盖检查只查是否有发布`,
  };
}

const PERIOD_LABEL: Record<DuePeriod, string> = {
  month: '每月',
  quarter: '每季度',
  halfyear: '每半年',
  year: '每年',
};

/** The rule in words, for lists. */
export function describeDueRule(rule: DueRule, text: string): string {
  switch (rule.kind) {
    case 'event':
      return `形成或变更后 ${rule.days} 个${rule.working ? '工作日' : '自然日'}内`;
    case 'periodic':
      return rule.dueMonth
        ? `每年 ${rule.dueMonth} 月${rule.dueDay ? `${rule.dueDay} 日` : '底'}前`
        : PERIOD_LABEL[rule.every];
    case 'realtime':
      return '实时（形成后下一个工作日内）';
    case 'standing':
      return '长期公开';
    default:
      return `按原文：${text}`;
  }
}

/** One due instance of a periodic rule: publications inside [start, due] are on time. */
export interface DueWindow {
  label: string;
  start: string;
  due: string;
}

const ymd = (y: number, m: number, d: number) => isoDate(y, m, d)!;

/** The windows of a periodic rule whose due day falls inside [from, to]. */
export function dueWindows(
  rule: Extract<DueRule, { kind: 'periodic' }>,
  from: string,
  to: string,
): DueWindow[] {
  const out: DueWindow[] = [];
  const y0 = Number(from.slice(0, 4));
  const y1 = Number(to.slice(0, 4));
  for (let y = y0; y <= y1; y++) {
    if (rule.dueMonth) {
      const due = ymd(y, rule.dueMonth, Math.min(rule.dueDay ?? 31, lastDayOfMonth(y, rule.dueMonth)));
      // The window opens the day after last year's due day.
      const prev = ymd(
        y - 1,
        rule.dueMonth,
        Math.min(rule.dueDay ?? 31, lastDayOfMonth(y - 1, rule.dueMonth)),
      );
      out.push({ label: `${y}年`, start: addDays(prev, 1), due });
      continue;
    }
    const months = { month: 1, quarter: 3, halfyear: 6, year: 12 }[rule.every];
    for (let m = 1; m <= 12; m += months) {
      const end = m + months - 1;
      const label =
        rule.every === 'month'
          ? `${y}年${m}月`
          : rule.every === 'quarter'
            ? `${y}年第${(m + 2) / 3}季度`
            : rule.every === 'halfyear'
              ? `${y}年${m === 1 ? '上' : '下'}半年`
              : `${y}年`;
      out.push({ label, start: ymd(y, m, 1), due: ymd(y, end, lastDayOfMonth(y, end)) });
    }
  }
  return out.filter((w) => w.due >= from && w.due <= to);
}

export interface Publication {
  id: string;
  title: string;
  publishDate: string;
  /** 信息形成日期 (or 成文日期); null when the item did not say. */
  formedDate: string | null;
}

export type CoverageStatus = 'ok' | 'missing' | 'late' | 'not_due';

export interface RowCoverage {
  status: CoverageStatus;
  /** What was found, in Chinese: "2026年第1季度未发布", "「…」超期（应于2026-03-13前）". */
  notes: string[];
  /** Publications in the period that fulfil the row (for links). */
  items: Publication[];
}

/**
 * One row of one unit in the period [from, to], judged as of `asOf` (nothing is due after it). `pubs` are the
 * unit's publications in the row's catalog column, any date.
 */
export function rowCoverage(
  rule: DueRule,
  pubs: readonly Publication[],
  period: { from: string; to: string },
  asOf: string,
  calendar: WorkingDayCalendar,
): RowCoverage {
  const end = asOf < period.to ? asOf : period.to;
  if (end < period.from) return { status: 'not_due', notes: ['检查期尚未开始'], items: [] };
  const inPeriod = pubs.filter((p) => p.publishDate >= period.from && p.publishDate <= end);
  const sorted = [...inPeriod].sort((a, b) => a.publishDate.localeCompare(b.publishDate));
  if (rule.kind === 'standing') {
    const standing = pubs.filter((p) => p.publishDate <= end);
    return standing.length
      ? { status: 'ok', notes: [], items: standing }
      : { status: 'missing', notes: ['长期公开事项没有任何已发布信息'], items: [] };
  }
  if (rule.kind === 'periodic') {
    const windows = dueWindows(rule, period.from, end);
    if (windows.length === 0) return { status: 'not_due', notes: ['检查期内尚无到期的公开'], items: sorted };
    let status: CoverageStatus = 'ok';
    const notes: string[] = [];
    for (const w of windows) {
      if (pubs.some((p) => p.publishDate >= w.start && p.publishDate <= w.due)) continue;
      const lateOne = pubs.find((p) => p.publishDate > w.due && p.publishDate <= end);
      if (lateOne) {
        notes.push(`${w.label}超期公开（应于 ${w.due} 前，实际 ${lateOne.publishDate}）`);
        if (status === 'ok') status = 'late';
      } else {
        notes.push(`${w.label}未公开（应于 ${w.due} 前）`);
        status = 'missing';
      }
    }
    return { status, notes, items: sorted };
  }
  if (sorted.length === 0) return { status: 'missing', notes: ['检查期内没有发布任何信息'], items: [] };
  if (rule.kind === 'text')
    return { status: 'ok', notes: ['公开时限无法识别，只查是否有发布'], items: sorted };
  const notes: string[] = [];
  for (const p of sorted) {
    if (!p.formedDate) continue;
    const deadline =
      rule.kind === 'realtime'
        ? calendar.addWorkingDays(p.formedDate, 1).date
        : rule.working
          ? calendar.addWorkingDays(p.formedDate, rule.days).date
          : addDays(p.formedDate, rule.days);
    if (p.publishDate > deadline)
      notes.push(
        `「${p.title}」超期公开（形成于 ${p.formedDate}，应于 ${deadline} 前，实际 ${p.publishDate}）`,
      );
  }
  return { status: notes.length ? 'late' : 'ok', notes, items: sorted };
}
