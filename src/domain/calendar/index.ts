export { loadBuiltinCalendarYears } from './builtin';
export type { AddWorkingDaysResult, CalendarOptions, WorkingDayAnswer, WorkingDayCalendar } from './calendar';
export { createCalendar } from './calendar';
export {
  addDays,
  chinaDate,
  chinaDateTime,
  dayNumber,
  fromDayNumber,
  isIsoDate,
  monthOf,
  tryDayNumber,
  weekdayOf,
  yearOf,
} from './dates';
export type { CalendarConfidence, CalendarHoliday, CalendarSource, CalendarYear } from './types';
export { CALENDAR_CONFIDENCE_LABELS } from './types';
export type { ValidationResult } from './validate';
export { validateCalendarYear } from './validate';
