import { describe, expect, it } from 'vitest';
import { eachReturns } from '../../../test/table';
import type { Deadline } from './deadlines';
import {
  type AssignmentState,
  instancesFor,
  type LedgerStatus,
  ledgerStatus,
  periodInstances,
  periodLabel,
  type ReminderKind,
  reminderFor,
} from './ledger';

describe('ledgerStatus: 逾期 is derived from the deadline, never stored', () => {
  it.each<[AssignmentState, string | null, string, LedgerStatus]>([
    ['not_started', '2021-06-30', '2021-06-30', 'not_started'], // "6月底前" includes 30 June
    ['not_started', '2021-06-30', '2021-07-01', 'overdue'],
    ['in_progress', '2021-06-30', '2021-07-01', 'overdue'],
    ['returned', '2021-06-30', '2021-07-01', 'overdue'],
    ['submitted', '2021-06-30', '2021-07-01', 'submitted'], // the unit has done its part; waiting for review
    ['closed', '2021-06-30', '2022-01-01', 'closed'],
    ['not_started', null, '2030-01-01', 'not_started'], // relative deadline not yet fixed
    ['in_progress', '2021-12-31', '2021-12-30', 'in_progress'],
  ])('%s due %s on %s → %s', (state, due, today, expected) => {
    expect(ledgerStatus(state, due, today)).toBe(expected);
  });
});

describe('periodInstances', () => {
  it('quarters end on the last day of Mar/Jun/Sep/Dec', () => {
    expect(periodInstances(2021, 'quarter')).toEqual([
      { period: '2021-Q1', dueDate: '2021-03-31' },
      { period: '2021-Q2', dueDate: '2021-06-30' },
      { period: '2021-Q3', dueDate: '2021-09-30' },
      { period: '2021-Q4', dueDate: '2021-12-31' },
    ]);
  });
  it.each([
    [2024, '2024-02-29'],
    [2021, '2021-02-28'],
  ])('months of %i: February ends %s', (year, feb) => {
    const months = periodInstances(year, 'month');
    expect(months).toHaveLength(12);
    expect(months[1]).toEqual({ period: `${year}-02`, dueDate: feb });
    expect(months[11]?.dueDate).toBe(`${year}-12-31`);
  });
  it('weekly tasks report monthly; yearly once', () => {
    expect(periodInstances(2021, 'week')).toEqual(periodInstances(2021, 'month'));
    expect(periodInstances(2021, 'year')).toEqual([{ period: '2021', dueDate: '2021-12-31' }]);
  });
});

const d = (x: Partial<Deadline> & Pick<Deadline, 'kind'>): Deadline => ({ raw: '', ...x });

describe('instancesFor', () => {
  it.each<[string, Deadline[], { period: string | null; dueDate: string | null }[]]>([
    [
      'dated: one instance on the latest date',
      [d({ kind: 'date', date: '2021-06-30' }), d({ kind: 'date', date: '2021-10-31' })],
      [{ period: null, dueDate: '2021-10-31' }],
    ],
    [
      'date wins over a recurring phrase in the same task',
      [d({ kind: 'recurring', every: 'quarter' }), d({ kind: 'date', date: '2021-12-31' })],
      [{ period: null, dueDate: '2021-12-31' }],
    ],
    [
      'relative: undated until the office sets it',
      [d({ kind: 'relative' })],
      [{ period: null, dueDate: null }],
    ],
    ['no deadline at all', [], [{ period: null, dueDate: null }]],
    [
      'every year at least once',
      [d({ kind: 'recurring', every: 'year', times: 1 })],
      [{ period: '2021', dueDate: '2021-12-31' }],
    ],
  ])('%s', (_name, deadlines, expected) => {
    expect(instancesFor(deadlines, 2021, 'quarter')).toEqual(expected);
  });

  it('recurring uses its shortest period', () => {
    const r = instancesFor(
      [d({ kind: 'recurring', every: 'year' }), d({ kind: 'recurring', every: 'quarter' })],
      2021,
      'month',
    );
    expect(r.map((x) => x.period)).toEqual(['2021-Q1', '2021-Q2', '2021-Q3', '2021-Q4']);
  });

  it.each<['quarter' | 'month' | 'year', number]>([
    ['quarter', 4],
    ['month', 12],
    ['year', 1],
  ])('continuous tasks report on the office cadence (%s → %i instances)', (cadence, n) => {
    expect(instancesFor([d({ kind: 'continuous', raw: '长期坚持' })], 2021, cadence)).toHaveLength(n);
  });
});

describe('reminderFor', () => {
  // workingDaysLeft as the calendar counts it: working days after today up to the due date.
  it.each<[string, string, number, number, ReminderKind | null]>([
    ['2026-04-10', '2026-04-01', 6, 5, null],
    ['2026-04-10', '2026-04-03', 4, 5, 'upcoming'], // 04-04..06 are the 清明 holiday
    ['2026-04-10', '2026-04-02', 5, 5, 'upcoming'],
    ['2026-04-10', '2026-04-09', 1, 5, 'upcoming'],
    ['2026-04-10', '2026-04-10', 0, 5, 'due'],
    ['2026-04-10', '2026-04-11', 0, 5, 'overdue'],
    ['2026-04-10', '2026-04-07', 3, 2, null],
  ])('due %s, today %s, %i working days left, N=%i → %s', (due, today, left, n, expected) => {
    expect(reminderFor(due, today, left, n)).toBe(expected);
  });
});

describe('periodLabel', () => {
  eachReturns(
    periodLabel,
    [
      ['2021-Q3', '2021年第3季度'],
      ['2021-03', '2021年3月'],
      ['2021', '2021年度'],
      [null, ''],
    ],
    '%s → %s',
  );
});
