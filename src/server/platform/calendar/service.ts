// The working-day calendar of the platform: the built-in notices (src/domain/calendar/data) with the office's
// edits stored in `calendar_years` taking precedence. Every module computes working days only through
// `getCalendar`, and registers with `onCalendarChange` to recompute open deadlines when a year is edited.
import { eq } from 'drizzle-orm';
import {
  type CalendarYear,
  createCalendar,
  loadBuiltinCalendarYears,
  validateCalendarYear,
  type WorkingDayCalendar,
} from '../../../domain/calendar';
import type { Database, DbOrTx } from '../../db/client';
import { calendarYears } from '../../db/schema';
import { audit } from '../audit/audit';
import type { Actor } from '../context';
import { AppError } from '../errors';
import { getSetting } from '../settings';

export type CalendarChangeHook = (
  db: Database,
  calendar: WorkingDayCalendar,
  changedYear: number,
) => Promise<void>;

const hooks = new Map<string, CalendarChangeHook>();
let cached: { years: CalendarYear[]; calendar: WorkingDayCalendar; at: number } | null = null;

/** Later modules (applications, tasks) register here, by name, to recompute their open deadlines. */
export function onCalendarChange(name: string, hook: CalendarChangeHook): void {
  hooks.set(name, hook);
}

export async function calendarYearsOf(db: DbOrTx): Promise<CalendarYear[]> {
  const builtin = new Map(loadBuiltinCalendarYears().map((y) => [y.year, y]));
  for (const row of await db.select().from(calendarYears)) builtin.set(row.year, row.data as CalendarYear);
  return [...builtin.values()].sort((a, b) => a.year - b.year);
}

/**
 * The working-day calendar (cached for 10 s). Inside a transaction pass the transaction: a cold cache read through
 * the pool would wait for a free connection while the transaction holds one — with every connection held by a
 * transaction waiting on this one's locks, that wait never ends.
 */
export async function getCalendar(source: Database | DbOrTx): Promise<WorkingDayCalendar> {
  if (cached && Date.now() - cached.at < 10_000) return cached.calendar;
  const db = 'pool' in source ? source.db : source;
  const years = await calendarYearsOf(db);
  // REGULATIONS §7.1 [I]: whether the start day counts is a setting (default: not counted).
  const countStartDay = (await getSetting<boolean>(db, 'calendar.countStartDay')) ?? false;
  const calendar = createCalendar(years, { countStartDay });
  cached = { years, calendar, at: Date.now() };
  return calendar;
}

export function builtinCalendar(): WorkingDayCalendar {
  return createCalendar(loadBuiltinCalendarYears());
}

export async function putCalendarYear(
  database: Database,
  actor: Actor,
  year: number,
  json: unknown,
): Promise<CalendarYear> {
  const r = validateCalendarYear(json);
  if (!r.ok) throw new AppError('VALIDATION', `节假日数据有误：${r.errors.join('；')}`, { errors: r.errors });
  if (r.value.year !== year)
    throw new AppError('VALIDATION', `数据中的年份 ${r.value.year} 与地址中的 ${year} 不一致`);
  // Building a calendar with all years checks cross-year consistency before anything is stored.
  const others = (await calendarYearsOf(database.db)).filter((y) => y.year !== year);
  try {
    createCalendar([...others, r.value]);
  } catch (e) {
    throw new AppError('VALIDATION', `节假日数据与其他年份冲突：${(e as Error).message}`);
  }
  await database.db.transaction(async (tx) => {
    await tx
      .insert(calendarYears)
      .values({ year, data: r.value, updatedBy: actor.userId })
      .onConflictDoUpdate({
        target: calendarYears.year,
        set: { data: r.value, updatedAt: new Date(), updatedBy: actor.userId },
      });
    await audit(tx, actor, {
      action: 'system.calendar.update',
      objectType: 'calendarYear',
      objectId: String(year),
      detail: r.value.source.title,
    });
  });
  cached = null;
  const calendar = await getCalendar(database);
  for (const hook of hooks.values()) await hook(database, calendar, year);
  return r.value;
}

export async function deleteCalendarOverride(database: Database, actor: Actor, year: number): Promise<void> {
  await database.db.transaction(async (tx) => {
    await tx.delete(calendarYears).where(eq(calendarYears.year, year));
    await audit(tx, actor, {
      action: 'system.calendar.reset',
      objectType: 'calendarYear',
      objectId: String(year),
    });
  });
  cached = null;
}
