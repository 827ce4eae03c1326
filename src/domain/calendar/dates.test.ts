import { describe, expect, it } from 'vitest';
import { chinaDate, chinaDateTime } from './dates';

describe('China time of an instant, whatever the process time zone', () => {
  it.each([
    ['2026-12-05T15:59:59.999Z', '2026-12-05', '2026-12-05 23:59:59'],
    ['2026-12-05T16:00:00.000Z', '2026-12-06', '2026-12-06 00:00:00'],
    ['2026-12-31T23:30:05.000Z', '2027-01-01', '2027-01-01 07:30:05'],
  ])('%s → %s, %s', (iso, date, dateTime) => {
    expect(chinaDate(new Date(iso))).toBe(date);
    expect(chinaDateTime(new Date(iso))).toBe(dateTime);
  });
});
