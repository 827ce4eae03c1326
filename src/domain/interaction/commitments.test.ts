import { describe, expect, it } from 'vitest';
import {
  type CommitmentStatus,
  commitmentOverdue,
  commitmentReminder,
  completedOnTime,
  daysLeft,
  progressRefusal,
} from './commitments';

describe('commitment overdue and reminders', () => {
  it.each<[CommitmentStatus, string, string, boolean, 'overdue' | 'due' | null]>([
    ['ongoing', '2026-03-31', '2026-03-02', false, null],
    ['ongoing', '2026-03-09', '2026-03-02', false, 'due'],
    ['ongoing', '2026-03-02', '2026-03-02', false, 'due'],
    ['ongoing', '2026-03-01', '2026-03-02', true, 'overdue'],
    ['done', '2026-03-01', '2026-03-02', false, null],
    ['cancelled', '2026-03-01', '2026-03-02', false, null],
  ])('%s due %s as of %s → overdue %s, reminder %s', (status, due, asOf, overdue, reminder) => {
    expect(commitmentOverdue(status, due, asOf)).toBe(overdue);
    expect(commitmentReminder(status, due, asOf)).toBe(reminder);
  });

  it.each([
    ['2026-03-10', '2026-03-02', 8],
    ['2026-03-01', '2026-02-28', 1], // not a leap year
    ['2024-03-01', '2024-02-28', 2], // a leap year
    ['2026-03-01', '2026-03-02', -1],
  ])('daysLeft(%s, %s) = %i', (due, asOf, n) => {
    expect(daysLeft(due, asOf)).toBe(n);
  });
});

describe('progress entries', () => {
  it.each<[CommitmentStatus, string, RegExp | null]>([
    ['ongoing', '2026-03-02', null],
    ['ongoing', '2026-03-03', /不能晚于今天/],
    ['ongoing', '2026-01-31', /不能早于承诺日期/],
    ['done', '2026-03-02', /已完成，不能再填报进展/],
  ])('%s on %s', (status, on, msg) => {
    const r = progressRefusal(status, on, '2026-02-01', '2026-03-02');
    if (msg) expect(r).toMatch(msg);
    else expect(r).toBeNull();
  });
  it.each([
    ['2026-03-31', '2026-03-31', true],
    ['2026-03-31', '2026-04-01', false],
  ])('due %s completed %s → on time %s', (due, on, want) => {
    expect(completedOnTime(due, on)).toBe(want);
  });
});
