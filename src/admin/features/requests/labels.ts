// Display helpers of the requests pages: due-date colouring and label dictionaries.
import type { CaseStatus } from '../../../contracts/requests';

export const CASE_STATUS_COLORS: Partial<Record<CaseStatus, string>> = {
  submitted: 'purple',
  running: 'blue',
  paused_consultation: 'cyan',
  paused_fee: 'gold',
  awaiting_correction: 'orange',
  abandoned_no_correction: 'default',
  abandoned_unpaid: 'default',
  closed: 'green',
};

export type DueLevel = 'overdue' | 'urgent' | 'soon' | 'ok' | 'none';

/**
 * Colour of a due date by working days left: overdue (< 0) red, due within 3 working days orange, within 7
 * gold, else green. Closed or paused cases have no level.
 */
export function dueLevel(workingDaysLeft: number | null): DueLevel {
  if (workingDaysLeft === null) return 'none';
  if (workingDaysLeft < 0) return 'overdue';
  if (workingDaysLeft <= 3) return 'urgent';
  if (workingDaysLeft <= 7) return 'soon';
  return 'ok';
}

export const DUE_COLORS: Record<DueLevel, string> = {
  overdue: 'red',
  urgent: 'volcano',
  soon: 'gold',
  ok: 'green',
  none: 'default',
};

export const REMEDY_KINDS = { reconsideration: '行政复议', litigation: '行政诉讼' } as const;
/** Whether a 行政诉讼 came after a 行政复议 (table 四 counts them apart). */
export const AFTER_RECONSIDERATION = { no: '未经复议', yes: '复议后起诉' } as const;
export const REMEDY_RESULTS = {
  upheld: '维持',
  corrected: '纠正',
  other: '其他',
  pending: '尚未审结',
} as const;
