// The ledger (台账) rules of issue 3 part 4–5: statuses derived from the stored state and the deadline, the
// periodic instances of recurring and continuous tasks, and which reminder is due. Pure: "today" and the
// working-day count are parameters.

import { codesOf } from '../codes';
import type { Deadline, RecurrencePeriod } from './deadlines';
import { lastDayOfMonth, RECURRENCE_LABELS } from './deadlines';

/** What is stored: the workflow position of an assignment. 'overdue' is never stored. */
export const ASSIGNMENT_STATES = ['not_started', 'in_progress', 'submitted', 'closed', 'returned'] as const;
export type AssignmentState = (typeof ASSIGNMENT_STATES)[number];
/** What users see: the stored state, or 'overdue' derived from the deadline. */
export type LedgerStatus = AssignmentState | 'overdue';

export const LEDGER_STATUSES = [...ASSIGNMENT_STATES, 'overdue'] as const;

export const LEDGER_STATUS_LABELS: Record<LedgerStatus, string> = {
  not_started: '未开始',
  in_progress: '推进中',
  submitted: '待审核',
  closed: '已销号',
  returned: '已退回',
  overdue: '逾期',
};

/** States in which the unit still owes work: these turn 逾期 after the deadline. */
const OPEN_STATES: ReadonlySet<AssignmentState> = new Set(['not_started', 'in_progress', 'returned']);

export function isOpenState(s: AssignmentState): boolean {
  return OPEN_STATES.has(s);
}

/**
 * The status shown for an assignment on `today` (China calendar date). A completion report waiting for review
 * is not overdue: the unit has done its part; the deadline day itself is still in time ("6月底前" includes
 * 30 June).
 */
export function ledgerStatus(state: AssignmentState, dueDate: string | null, today: string): LedgerStatus {
  if (dueDate && OPEN_STATES.has(state) && today > dueDate) return 'overdue';
  return state;
}

/** SQL-side twin of `ledgerStatus` is in the tasks service; keep both in step. */
export type Cadence = RecurrencePeriod;

export const CADENCE_LABELS: Record<Cadence, string> = RECURRENCE_LABELS;
/** The cadences in their order (the tasks table's column, the CLI's --cadence). */
export const CADENCES = codesOf(CADENCE_LABELS);

export interface Instance {
  /** null for a one-off task; '2026-Q1', '2026-03', '2026' for periodic instances. */
  period: string | null;
  dueDate: string | null;
}

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * The reporting periods of a plan year. Weekly tasks ("每周不少于3次") are reported monthly: a weekly instance
 * each would flood the ledger with 52 rows per unit, and the notice asks for the activity, not a weekly report.
 */
export function periodInstances(year: number, every: Cadence): Instance[] {
  if (every === 'year') return [{ period: String(year), dueDate: `${year}-12-31` }];
  if (every === 'quarter')
    return [1, 2, 3, 4].map((q) => ({
      period: `${year}-Q${q}`,
      dueDate: `${year}-${pad(q * 3)}-${pad(lastDayOfMonth(year, q * 3))}`,
    }));
  return Array.from({ length: 12 }, (_, i) => ({
    period: `${year}-${pad(i + 1)}`,
    dueDate: `${year}-${pad(i + 1)}-${pad(lastDayOfMonth(year, i + 1))}`,
  }));
}

const PERIOD_RANK: Record<RecurrencePeriod, number> = { week: 0, month: 1, quarter: 2, year: 3 };

/**
 * The assignment instances a task creates for each of its units:
 * - a task with a date deadline is one instance due on its latest date (all its dated steps must be done);
 * - otherwise a recurring task has one instance per period (the shortest period it names);
 * - otherwise a continuous task ("及时公开", "长期坚持") reports on the office's cadence (default quarterly);
 * - a task due relative to an event (or with no deadline) is one instance without a date until the office sets one.
 */
export function instancesFor(deadlines: Deadline[], year: number, continuousCadence: Cadence): Instance[] {
  const dates = deadlines.filter((d) => d.kind === 'date' && d.date).map((d) => d.date as string);
  if (dates.length) return [{ period: null, dueDate: dates.sort().at(-1) ?? null }];
  const recurring = deadlines
    .filter((d) => d.kind === 'recurring' && d.every)
    .map((d) => d.every as RecurrencePeriod)
    .sort((a, b) => PERIOD_RANK[a] - PERIOD_RANK[b]);
  if (recurring[0]) return periodInstances(year, recurring[0]);
  if (deadlines.some((d) => d.kind === 'continuous')) return periodInstances(year, continuousCadence);
  return [{ period: null, dueDate: null }];
}

/** "2026-Q1" → "2026年第1季度", "2026-03" → "2026年3月", "2026" → "2026年度". */
export function periodLabel(period: string | null): string {
  if (!period) return '';
  const q = /^(\d{4})-Q([1-4])$/.exec(period);
  if (q) return `${q[1]}年第${q[2]}季度`;
  const m = /^(\d{4})-(\d{2})$/.exec(period);
  if (m) return `${m[1]}年${Number(m[2])}月`;
  return `${period}年度`;
}

export const REMINDER_LABELS = {
  upcoming: '即将到期',
  due: '今日到期',
  overdue: '已逾期',
};
export type ReminderKind = keyof typeof REMINDER_LABELS;

/**
 * Which reminder an open assignment gets today. `workingDaysLeft` is the number of working days after today up
 * to and including the due date (the platform calendar's countWorkingDays). The upcoming reminder is due for the
 * whole window of `daysBefore` working days, so a day the job did not run is caught up the next day; the
 * notification's dedupe key makes it go out once.
 */
export function reminderFor(
  dueDate: string,
  today: string,
  workingDaysLeft: number,
  daysBefore: number,
): ReminderKind | null {
  if (today > dueDate) return 'overdue';
  if (today === dueDate) return 'due';
  if (workingDaysLeft <= daysBefore) return 'upcoming';
  return null;
}
