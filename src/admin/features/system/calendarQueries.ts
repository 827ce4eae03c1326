// Queries of the working-day calendar page (the convention is in src/admin/queries.ts).
import { useMutation } from '@tanstack/react-query';
import { type CalendarYearSummary, calendarApi } from '../../../contracts/calendar';
import { call } from '../../api';
import { useCall, useCallMutation } from '../../queries';

export const useCalendarYears = () => useCall(calendarApi.years);

export const useAddWorkingDays = () =>
  useMutation({
    mutationFn: (v: { date: string; days: number }) => call(calendarApi.add, { query: v }),
  });

/**
 * Saves a year's holiday data (the JSON of src/domain/calendar/data), as yearOfCalendarJson read it; a file it
 * could not read (its message) fails the mutation with that message.
 */
export const useSaveCalendarYear = (onSaved: (y: CalendarYearSummary) => void) =>
  useCallMutation(calendarApi.putYear, {
    toArgs: (v: { year: number; body: unknown } | string) => {
      if (typeof v === 'string') throw new Error(v);
      return { params: { year: String(v.year) }, body: v.body };
    },
    onSuccess: onSaved,
  });
