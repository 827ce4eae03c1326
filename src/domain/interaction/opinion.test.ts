import { describe, expect, it } from 'vitest';
import { eachEquals } from '../../../test/table';
import {
  DEFAULT_RESPONSE_HOURS,
  type OpinionAction,
  type OpinionLevel,
  type OpinionStatus,
  opinionActions,
  opinionOverdue,
  respondedOnTime,
  responseDue,
  responseHoursOf,
} from './opinion';

const found = new Date('2026-03-02T09:00:00+08:00');

describe('response deadline by level (clock hours from when it was found)', () => {
  it.each<[OpinionLevel, string]>([
    ['grave', '2026-03-03T01:00:00.000Z'],
    ['major', '2026-03-04T01:00:00.000Z'],
    ['general', '2026-03-05T01:00:00.000Z'],
  ])('%s → %s', (level, due) => {
    expect(responseDue(found, level).toISOString()).toBe(due);
  });

  it('a setting changes the hours', () => {
    const h = responseHoursOf({ grave: 12, major: 24, general: 48 });
    expect(responseDue(found, 'grave', h).toISOString()).toBe('2026-03-02T13:00:00.000Z');
  });

  eachEquals(
    responseHoursOf,
    [
      [null, DEFAULT_RESPONSE_HOURS],
      [{ grave: 0, major: 24, general: 48 }, DEFAULT_RESPONSE_HOURS],
      [{ grave: 12 }, DEFAULT_RESPONSE_HOURS],
      [{ grave: 1.5, major: 24, general: 48 }, DEFAULT_RESPONSE_HOURS],
    ].map(([s, o]) => [s, o] as const),
    'setting %o',
  );
});

describe('overdue and late responses', () => {
  const due = new Date('2026-03-03T09:00:00+08:00');
  it.each<[OpinionStatus, string, boolean]>([
    ['open', '2026-03-03T09:00:00+08:00', false],
    ['open', '2026-03-03T09:00:01+08:00', true],
    ['responded', '2026-03-09T09:00:00+08:00', false],
    ['closed', '2026-03-09T09:00:00+08:00', false],
  ])('%s at %s → overdue %s', (status, now, want) => {
    expect(opinionOverdue(status, due, new Date(now))).toBe(want);
  });
  it.each([
    ['2026-03-03T08:59:00+08:00', true],
    ['2026-03-03T09:00:00+08:00', true],
    ['2026-03-03T10:00:00+08:00', false],
  ])('responded at %s → on time %s', (at, want) => {
    expect(respondedOnTime(due, new Date(at))).toBe(want);
  });
  eachEquals<OpinionStatus, OpinionAction[]>(opinionActions, [
    ['open', ['respond']],
    ['responded', ['evaluate']],
    ['closed', []],
  ]);
});
