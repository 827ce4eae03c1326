import type { Hono } from 'hono';
import { z } from 'zod';
import type { CalendarYearSummary } from '../../../contracts/api';
import { dayNumber, fromDayNumber } from '../../../domain/calendar/dates';
import type { AppEnv, Platform } from '../context';
import { actorOf } from '../context';
import { AppError } from '../errors';
import { defineRoute, zDate } from '../http/route';
import { calendarYearsOf, getCalendar, putCalendarYear } from './service';

export function calendarRoutes(app: Hono<AppEnv>, p: Platform): void {
  const { database } = p;
  const tag = '工作日历';
  const summary = async (): Promise<CalendarYearSummary[]> => {
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
  };
  defineRoute(app, {
    method: 'get',
    path: '/api/calendar/years',
    tag,
    summary: '已载入的节假日安排（含来源）',
    permission: 'system:calendar:list',
    handler: summary,
  });
  defineRoute(app, {
    method: 'put',
    path: '/api/calendar/years/:year',
    tag,
    summary: '录入或修改某年的节假日安排（修改后重算未办结期限）',
    permission: 'system:calendar:update',
    body: z.unknown(),
    handler: async ({ c, user, body, params }) => {
      const year = Number(params.year);
      if (!Number.isInteger(year) || year < 2019 || year > 2100) throw new AppError('VALIDATION', '年份无效');
      await putCalendarYear(database, actorOf(user, c), year, body);
      return (await summary()).find((s) => s.year === year);
    },
  });
  defineRoute(app, {
    method: 'get',
    path: '/api/calendar/add',
    tag,
    summary: '计算某日之后第 N 个工作日（不含当日）',
    permission: 'system:calendar:list',
    query: z.object({
      date: zDate,
      days: z.coerce.number().int().min(0, '天数不能为负').max(400, '天数过大'),
    }),
    handler: async ({ query }) => (await getCalendar(database)).addWorkingDays(query.date, query.days),
  });
}
