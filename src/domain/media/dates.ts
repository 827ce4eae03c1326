// Dates on government pages (2026-11-10, 2026/11/10, 2026.11.10, 2026年11月10日) and the windows of 19号, all on
// ISO day strings: no Date objects in local time, so the result never depends on the machine's time zone.

const DATE_RE =
  /(20\d{2}|19\d{2})\s*(?:[-/.]\s*(\d{1,2})\s*[-/.]\s*(\d{1,2})(?!\d)|年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日)/g;

function iso(y: number, m: number, d: number): string | undefined {
  if (m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) return undefined;
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

function daysInMonth(y: number, m: number): number {
  return [
    31,
    y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : 28,
    31,
    30,
    31,
    30,
    31,
    31,
    30,
    31,
    30,
    31,
  ][m - 1]!;
}

/** Every valid calendar date written in `text`, as YYYY-MM-DD, in order. */
export function findDates(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(DATE_RE)) {
    const y = Number(m[1]);
    const d = iso(y, Number(m[2] ?? m[4]), Number(m[3] ?? m[5]));
    if (d) out.push(d);
  }
  return out;
}

export function firstDate(text: string): string | undefined {
  return findDates(text)[0];
}

/** True for a YYYY-MM-DD string naming a real day. */
export function isIsoDay(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  return !!m && iso(Number(m[1]), Number(m[2]), Number(m[3])) === s;
}

function toDayNumber(s: string): number {
  const [y, m, d] = s.split('-').map(Number) as [number, number, number];
  return Date.UTC(y, m - 1, d) / 86_400_000;
}

function fromDayNumber(n: number): string {
  return new Date(n * 86_400_000).toISOString().slice(0, 10);
}

export function addDays(day: string, n: number): string {
  return fromDayNumber(toDayNumber(day) + n);
}

/** `day` moved by whole calendar months; the 31st clamps to the month's last day. */
export function addMonths(day: string, n: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) + n;
  const ny = Math.floor(total / 12);
  const nm = (total % 12) + 1;
  return iso(ny, nm, Math.min(d, daysInMonth(ny, nm)))!;
}

export function daysBetween(from: string, to: string): number {
  return toDayNumber(to) - toDayNumber(from);
}

/** Fresh within an N-day window: dated on or after as-of minus N days (README: 14 days before 12-01 is 11-17). */
export function isFresh(date: string | undefined, asOf: string, windowDays: number): boolean {
  return date !== undefined && date >= addDays(asOf, -windowDays) && date <= asOf;
}

/** Latest date not after `asOf` (later dates are typos or scheduled items, not evidence of an update). */
export function latestUpTo(dates: readonly (string | undefined)[], asOf: string): string | undefined {
  let best: string | undefined;
  for (const d of dates) if (d && d <= asOf && (!best || d > best)) best = d;
  return best;
}

/**
 * A list row's date written without its year ("11-10", "[11/10]", "11月10日"): the latest such day not after
 * `asOf` — list pages drop the year for recent items.
 */
export function shortDate(text: string, asOf: string): string | undefined {
  const m = /(?<![\d-/.年])(\d{1,2})\s*(?:[-/.]\s*(\d{1,2})(?![\d-/.])|月\s*(\d{1,2})\s*日)/.exec(text);
  if (!m) return undefined;
  const year = Number(asOf.slice(0, 4));
  const month = Number(m[1]);
  const day = Number(m[2] ?? m[3]);
  const same = iso(year, month, day);
  if (same && same <= asOf) return same;
  return iso(year - 1, month, day);
}

/** The date CMS article addresses carry: /202611/t20261110_0215.html, /2026-11/10/content_1.htm. */
export function urlDate(href: string): string | undefined {
  const path = href.replace(/^[a-z]+:\/\/[^/]+/i, '');
  const m = /(?<!\d)(20\d{2})(\d{2})(\d{2})(?!\d)/.exec(path) ?? /\/(20\d{2})-(\d{2})\/(\d{2})\//.exec(path);
  return m ? iso(Number(m[1]), Number(m[2]), Number(m[3])) : undefined;
}
