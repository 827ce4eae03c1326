// HTTP only: the calendar contracts (src/contracts/calendar.ts) mounted on the calendar service.
import type { Hono } from 'hono';
import { type CalendarYearSummary, calendarApi } from '../../../contracts/calendar';
import { dayNumber, fromDayNumber } from '../../../domain/calendar/dates';
import type { Database } from '../../db/client';
import type { AppEnv, Platform } from '../context';
import { actorOf } from '../context';
import { AppError, notFound } from '../errors';
import { route } from '../http/route';
import { calendarYearsOf, getCalendar, putCalendarYear } from './service';

/** Each loaded year with its source and its number of working days. */
async function yearSummaries(database: Database): Promise<CalendarYearSummary[]> {
  const cal = await getCalendar(database);
  return (await calendarYearsOf(database.db)).map((y) => {
    const first = dayNumber(`${y.year}-01-01`);
    const last = dayNumber(`${y.year}-12-31`);
    let workingDays = 0;
    for (let d = first; d <= last; d++) if (cal.isWorkingDay(fromDayNumber(d)).working) workingDays++;
    const src = y.source;
    return {
      year: y.year,
      source: `${src.title}${src.docNumber ? `（${src.docNumber}）` : ''}${src.confidence === 'M' ? '［凭记忆录入，待核对］' : ''}`,
      holidays: y.holidays,
      workingDays,
    };
  });
}

export function calendarRoutes(app: Hono<AppEnv>, p: Platform): void {
  const { database } = p;
  route(app, calendarApi.years, () => yearSummaries(database));
  route(app, calendarApi.putYear, async ({ c, user, body, params }) => {
    const year = Number(params.year);
    if (!Number.isInteger(year) || year < 2019 || year > 2100) throw new AppError('VALIDATION', '年份无效');
    await putCalendarYear(database, actorOf(user, c), year, body);
    const saved = (await yearSummaries(database)).find((s) => s.year === year);
    if (!saved) throw notFound('该年度日历');
    return saved;
  });
  route(app, calendarApi.add, async ({ query }) =>
    (await getCalendar(database)).addWorkingDays(query.date, query.days),
  );
}
