import { describe, expect, it } from 'vitest';
import { eachEquals, eachReturns } from '../../../test/table';
import type { AssignmentState, LedgerStatus } from './ledger';
import {
  carriedRef,
  carryOverRefusal,
  extensionRefusal,
  isUnfinished,
  taskProgress,
  taskStatus,
} from './task-ledger';

describe('taskStatus: a task rolled up from its units', () => {
  eachReturns<LedgerStatus[], LedgerStatus>(taskStatus, [
    [[], 'not_started'],
    [['closed', 'closed'], 'closed'],
    [['closed', 'overdue', 'returned'], 'overdue'],
    [['in_progress', 'returned'], 'returned'],
    [['not_started', 'not_started'], 'not_started'],
    [['submitted', 'closed'], 'submitted'],
    [['submitted', 'not_started'], 'in_progress'],
    [['closed', 'not_started'], 'in_progress'],
  ]);
});

describe('taskProgress', () => {
  eachEquals<LedgerStatus[], ReturnType<typeof taskProgress>>(taskProgress, [
    [[], { total: 0, closed: 0, submitted: 0, overdue: 0, percent: 0 }],
    [['closed', 'closed', 'overdue'], { total: 3, closed: 2, submitted: 0, overdue: 1, percent: 66 }],
    [['submitted', 'closed'], { total: 2, closed: 1, submitted: 1, overdue: 0, percent: 50 }],
  ]);
});

describe('isUnfinished (回头看)', () => {
  eachReturns<AssignmentState[], boolean>(isUnfinished, [
    [['closed', 'closed'], false],
    [['closed', 'submitted'], true],
    [['not_started'], true],
    [[], false],
  ]);
});

describe('carry-over', () => {
  it('refs keep the year they come from', () => expect(carriedRef(2021, '12')).toBe('2021-12'));
  it.each<[number, number, boolean, string | null]>([
    [2021, 2022, false, null],
    [2021, 2021, true, '不能转入同一个工作任务分工'],
    [2021, 2023, false, '未完成任务只能转入下一年度（2022 年）的工作任务分工'],
    [2021, 2020, false, '未完成任务只能转入下一年度（2022 年）的工作任务分工'],
  ])('%i → %i (same plan %s): %s', (from, to, same, expected) => {
    expect(carryOverRefusal(from, to, same)).toBe(expected);
  });
});

describe('extensionRefusal: the rules of one extension', () => {
  it.each<[AssignmentState, string | null, string, string | null]>([
    ['not_started', '2026-03-31', '2026-04-30', null],
    ['returned', '2026-03-31', '2026-04-30', null],
    ['in_progress', '2026-03-31', '2026-03-31', '延期后的日期应晚于原完成时限 2026-03-31'],
    ['in_progress', null, '2026-04-30', '该任务没有完成时限，无需延期'],
    ['closed', '2026-03-31', '2026-04-30', '任务已销号，不能延期'],
    ['submitted', '2026-03-31', '2026-04-30', '已报送完成、等待审核，不能延期'],
  ])('%s due %s → %s', (state, due, next, expected) => {
    expect(extensionRefusal(state, due, next)).toBe(expected);
  });
});
