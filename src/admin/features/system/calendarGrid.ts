// Month grids for the 工作日历 page. Dates are ISO calendar dates; arithmetic in UTC so the result never
// depends on the browser's time zone.
import type { CalendarYearSummary } from '../../../contracts/api';

export const DAY_KIND_LABELS = {
  workday: '工作日',
  weekend: '周末',
  holiday: '放假',
  makeup: '调休上班',
};
export type DayKind = keyof typeof DAY_KIND_LABELS;

export interface GridDay {
  date: string;
  day: number;
  kind: DayKind;
  /** Holiday name for 放假 / 调休上班 days. */
  holiday: string | null;
}

const pad = (n: number) => String(n).padStart(2, '0');
export const isoDate = (y: number, m: number, d: number) => `${y}-${pad(m)}-${pad(d)}`;

export function dayIndex(
  summary: CalendarYearSummary,
): Map<string, { kind: 'holiday' | 'makeup'; name: string }> {
  const map = new Map<string, { kind: 'holiday' | 'makeup'; name: string }>();
  for (const h of summary.holidays) {
    for (const d of h.off) map.set(d, { kind: 'holiday', name: h.name });
    for (const d of h.makeupWorkdays) map.set(d, { kind: 'makeup', name: h.name });
  }
  return map;
}

/**
 * Weeks (Monday first, as Chinese calendars print them) of one month; null pads the first and last week.
 * month is 1-12.
 */
export function monthGrid(
  year: number,
  month: number,
  index: ReadonlyMap<string, { kind: 'holiday' | 'makeup'; name: string }>,
): (GridDay | null)[][] {
  const first = new Date(Date.UTC(year, month - 1, 1));
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const lead = (first.getUTCDay() + 6) % 7; // Monday = 0
  const cells: (GridDay | null)[] = Array.from({ length: lead }, () => null);
  for (let d = 1; d <= days; d++) {
    const date = isoDate(year, month, d);
    const dow = (lead + d - 1) % 7;
    const special = index.get(date);
    const kind: DayKind = special ? special.kind : dow >= 5 ? 'weekend' : 'workday';
    cells.push({ date, day: d, kind, holiday: special?.name ?? null });
  }
  while (cells.length % 7 !== 0) cells.push(null);
  const weeks: (GridDay | null)[][] = [];
  for (let i = 0; i < cells.length; i += 7) weeks.push(cells.slice(i, i + 7));
  return weeks;
}
