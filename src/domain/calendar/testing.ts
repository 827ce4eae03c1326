// Test support: the working-day calendar of the built-in notices, for the tests of the rules that count working
// days (the server's `builtinCalendar` is the same calendar, but reaching it from a domain test loads the database
// layer).
import { loadBuiltinCalendarYears } from './builtin';
import { createCalendar, type WorkingDayCalendar } from './calendar';

/** The calendar of the built-in years (src/domain/calendar/data) with the default settings. */
export const builtinCalendar = (): WorkingDayCalendar => createCalendar(loadBuiltinCalendarYears());
