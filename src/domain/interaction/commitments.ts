// 公开承诺 rules (issue 11 part 6; seed 001 "舆情回应时的公开承诺，要实行台账管理，认真检查承诺事项落实及公开情况"):
// statuses, overdue, the reminder a commitment gets today, and what a progress entry may change.
import { codesOf } from '../codes';

export const COMMITMENT_STATUS_LABELS = { ongoing: '推进中', done: '已完成', cancelled: '已撤销' } as const;
export type CommitmentStatus = keyof typeof COMMITMENT_STATUS_LABELS;
export const COMMITMENT_STATUSES = codesOf(COMMITMENT_STATUS_LABELS);

/** Reminders start this many calendar days before the due date [I]. */
export const COMMITMENT_DUE_SOON_DAYS = 7;

const dayNo = (d: string) => Date.UTC(+d.slice(0, 4), +d.slice(5, 7) - 1, +d.slice(8, 10)) / 86_400_000;

/** Calendar days from `asOf` to `due` (negative once passed). */
export function daysLeft(due: string, asOf: string): number {
  return dayNo(due) - dayNo(asOf);
}

/** Ongoing past its due date (the due date itself is still on time). */
export function commitmentOverdue(status: CommitmentStatus, due: string, asOf: string): boolean {
  return status === 'ongoing' && asOf > due;
}

/** Which reminder an ongoing commitment gets today. */
export function commitmentReminder(
  status: CommitmentStatus,
  due: string,
  asOf: string,
): 'overdue' | 'due' | null {
  if (status !== 'ongoing') return null;
  if (asOf > due) return 'overdue';
  return daysLeft(due, asOf) <= COMMITMENT_DUE_SOON_DAYS ? 'due' : null;
}

/** Why a progress entry is refused, or null: only an ongoing commitment takes progress, dated no later than today. */
export function progressRefusal(
  status: CommitmentStatus,
  on: string,
  promisedOn: string,
  asOf: string,
): string | null {
  if (status !== 'ongoing') return `承诺事项${COMMITMENT_STATUS_LABELS[status]}，不能再填报进展`;
  if (on > asOf) return '进展日期不能晚于今天';
  if (on < promisedOn) return '进展日期不能早于承诺日期';
  return null;
}

/** Completed on time: on or before the due date. */
export function completedOnTime(due: string, completedOn: string): boolean {
  return completedOn <= due;
}
