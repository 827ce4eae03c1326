import { describe, expect, it } from 'vitest';
import { chinaDate, chinaMinute, chinaTime } from './time';

describe('chinaTime, chinaMinute and chinaDate', () => {
  it.each([
    ['2026-03-02T01:00:00Z', '2026-03-02 09:00:00'],
    ['2026-12-31T16:30:05Z', '2027-01-01 00:30:05'],
    ['2026-06-30T23:59:59+08:00', '2026-06-30 23:59:59'],
    ['2026-01-01T00:00:00-05:00', '2026-01-01 13:00:00'],
  ])('%s → %s', (iso, shown) => {
    expect(chinaTime(iso)).toBe(shown);
    // The shorter forms are its first characters.
    expect(chinaMinute(iso)).toBe(shown.slice(0, 16));
    expect(chinaDate(iso)).toBe(shown.slice(0, 10));
  });
});
