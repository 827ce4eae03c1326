// Calendar-date helpers on ISO 'YYYY-MM-DD' strings. Everything goes through UTC day numbers so that results
// never depend on the process time zone (dates of legal deadlines are Asia/Shanghai calendar dates).

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;

/** Days since 1970-01-01 for a valid ISO date, or null when the string is not a real calendar date. */
export function tryDayNumber(iso: string): number | null {
  const m = ISO_DATE.exec(iso);
  if (!m) return null;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  if (mo < 1 || mo > 12 || d < 1 || d > 31) return null;
  const ms = Date.UTC(y, mo - 1, d);
  const back = new Date(ms);
  // Date.UTC rolls 2026-02-30 over to March; reject instead of silently shifting.
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) return null;
  return Math.round(ms / MS_PER_DAY);
}

export function isIsoDate(value: unknown): value is string {
  return typeof value === 'string' && tryDayNumber(value) !== null;
}

/** Like tryDayNumber but throws: for callers that have already validated their input. */
export function dayNumber(iso: string): number {
  const n = tryDayNumber(iso);
  if (n === null) throw new RangeError(`无效日期：${iso}（应为 YYYY-MM-DD）`);
  return n;
}

export function fromDayNumber(n: number): string {
  const dt = new Date(n * MS_PER_DAY);
  const y = String(dt.getUTCFullYear()).padStart(4, '0');
  const m = String(dt.getUTCMonth() + 1).padStart(2, '0');
  const d = String(dt.getUTCDate()).padStart(2, '0');
  return `${y}-${m}-${d}`;
}

export function addDays(iso: string, n: number): string {
  return fromDayNumber(dayNumber(iso) + n);
}

/** 0 = Sunday … 6 = Saturday. */
export function weekdayOf(iso: string): number {
  return new Date(dayNumber(iso) * MS_PER_DAY).getUTCDay();
}

export function yearOf(iso: string): number {
  return Number(iso.slice(0, 4));
}

export function monthOf(iso: string): string {
  return iso.slice(0, 7);
}

export const WEEKDAY_LABELS = ['周日', '周一', '周二', '周三', '周四', '周五', '周六'] as const;

export function isWeekend(iso: string): boolean {
  const w = weekdayOf(iso);
  return w === 0 || w === 6;
}

/** The Asia/Shanghai calendar date of an instant (China has had no daylight saving since 1991: UTC+8 always). */
export function chinaDate(d: Date): string {
  return new Date(d.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}

/** The Asia/Shanghai date and time of an instant, as an officer writes it: "2026-12-06 09:05:03". */
export function chinaDateTime(d: Date): string {
  return new Date(d.getTime() + 8 * 3_600_000).toISOString().slice(0, 19).replace('T', ' ');
}
