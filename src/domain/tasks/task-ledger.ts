// The ledger by task (issue 14 part 6): one row per task, its units' assignments as sub-rows. Pure rules: a task's
// status and progress rolled up from its units' statuses, which tasks are unfinished (回头看), the checks of a bulk
// extension, and the reference a carried-over task takes in the next year's plan.
import { type AssignmentState, isOpenState, type LedgerStatus } from './ledger';

export interface TaskProgress {
  total: number;
  closed: number;
  submitted: number;
  overdue: number;
  /** closed / total in whole percent (0 for a task without units). */
  percent: number;
}

export function taskProgress(statuses: readonly LedgerStatus[]): TaskProgress {
  const n = (s: LedgerStatus) => statuses.filter((x) => x === s).length;
  const total = statuses.length;
  const closed = n('closed');
  return {
    total,
    closed,
    submitted: n('submitted'),
    overdue: n('overdue'),
    percent: total ? Math.floor((closed * 100) / total) : 0,
  };
}

/**
 * A task's status from its units': 已销号 when every unit is closed; 逾期 when any unit is overdue (the office
 * must see it first); 已退回 when any is returned; 未开始 when none has started; 待审核 when every unit still open
 * has reported completion; else 推进中.
 */
export function taskStatus(statuses: readonly LedgerStatus[]): LedgerStatus {
  if (!statuses.length) return 'not_started';
  if (statuses.every((s) => s === 'closed')) return 'closed';
  if (statuses.includes('overdue')) return 'overdue';
  if (statuses.includes('returned')) return 'returned';
  if (statuses.every((s) => s === 'not_started')) return 'not_started';
  if (statuses.every((s) => s === 'submitted' || s === 'closed')) return 'submitted';
  return 'in_progress';
}

/** 回头看: a task is unfinished while any of its units' assignments is not closed. */
export function isUnfinished(states: readonly AssignmentState[]): boolean {
  return states.some((s) => s !== 'closed');
}

/** The carried task's reference in the next plan: the year it comes from and its old reference ("2021-3"). */
export function carriedRef(fromYear: number, ref: string): string {
  return `${fromYear}-${ref}`;
}

/** Why unfinished tasks of a `fromYear` plan cannot go into the `toYear` plan, or null when they can. */
export function carryOverRefusal(fromYear: number, toYear: number, samePlan: boolean): string | null {
  if (samePlan) return '不能转入同一个工作任务分工';
  if (toYear !== fromYear + 1) return `未完成任务只能转入下一年度（${fromYear + 1} 年）的工作任务分工`;
  return null;
}

/**
 * Why one assignment's due date cannot move to `newDueDate` (the rules of a single extension: the unit still owes
 * work, the task has a due date, the new one is later), or null when it can.
 */
export function extensionRefusal(
  state: AssignmentState,
  dueDate: string | null,
  newDueDate: string,
): string | null {
  if (!isOpenState(state))
    return state === 'closed' ? '任务已销号，不能延期' : '已报送完成、等待审核，不能延期';
  if (!dueDate) return '该任务没有完成时限，无需延期';
  if (newDueDate <= dueDate) return `延期后的日期应晚于原完成时限 ${dueDate}`;
  return null;
}
