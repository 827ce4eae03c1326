// Contracts of the working-day calendar (State Council holiday notices plus the office's edits).
import { z } from 'zod';
import { endpointsOf, zDate } from './http';

const tag = '工作日历';
const api = endpointsOf(tag);

export const calendarYearSummarySchema = z.object({
  year: z.number().int(),
  source: z.string(),
  holidays: z.array(
    z.object({ name: z.string(), off: z.array(z.string()), makeupWorkdays: z.array(z.string()) }),
  ),
  workingDays: z.number().int(),
});
export type CalendarYearSummary = z.output<typeof calendarYearSummarySchema>;

export const addWorkingDaysSchema = z.object({
  date: z.string(),
  provisional: z.boolean(),
  trace: z.array(z.string()),
});
export type AddWorkingDaysAnswer = z.output<typeof addWorkingDaysSchema>;

export const calendarApi = {
  years: api.get('/api/calendar/years', '已载入的节假日安排（含来源）', 'system:calendar:list', {
    response: z.array(calendarYearSummarySchema),
  }),
  putYear: api.put('/api/calendar/years/:year', '录入或修改某年的节假日安排（修改后重算未办结期限）', null, {
    permission: 'system:calendar:update',
    // The year's JSON as in src/domain/calendar/data; checked by the calendar service with its own messages.
    body: z.unknown(),
    response: calendarYearSummarySchema,
  }),
  add: api.get('/api/calendar/add', '计算某日之后第 N 个工作日（不含当日）', 'system:calendar:list', {
    query: z.object({
      date: zDate,
      days: z.coerce.number().int().min(0, '天数不能为负').max(400, '天数过大'),
    }),
    response: addWorkingDaysSchema,
  }),
};
