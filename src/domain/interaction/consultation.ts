// 政策咨询 rules (issue 11 part 1): channels, statuses and the actions each allows, the answer clock on the
// working-day calendar (default 5 working days, seed 001), overdue and late replies (recorded, never refused) and the
// transfer rule that refuses a loop between two units.
import type { WorkingDayCalendar } from '../calendar';
import { codesOf } from '../codes';

export const CONSULT_CHANNEL_LABELS = {
  portal: '门户网站',
  phone: '电话',
  in_person: '现场',
  hotline_12345: '12345转办',
  letter: '信件',
  new_media: '新媒体',
} as const;
export type ConsultChannel = keyof typeof CONSULT_CHANNEL_LABELS;

export const CONSULT_CHANNELS = codesOf(CONSULT_CHANNEL_LABELS);

export const CONSULT_STATUS_LABELS = {
  open: '办理中',
  answered: '已答复',
  closed: '已办结',
} as const;
export type ConsultStatus = keyof typeof CONSULT_STATUS_LABELS;
export const CONSULT_STATUSES = codesOf(CONSULT_STATUS_LABELS);

export const SATISFACTION_LABELS = { satisfied: '满意', basic: '基本满意', unsatisfied: '不满意' } as const;
export type Satisfaction = keyof typeof SATISFACTION_LABELS;
export const SATISFACTIONS = codesOf(SATISFACTION_LABELS);

export const CONSULT_ACTION_LABELS = {
  transfer: '转办',
  answer: '答复',
  close: '办结',
  add_to_base: '加入问答库',
  approve: '审核通过',
  return: '退回修改',
} as const;
export type ConsultAction = keyof typeof CONSULT_ACTION_LABELS;

/** Seed 001: "5个工作日内主动回复"; a setting (`interaction.answerDays`). */
export const DEFAULT_ANSWER_DAYS = 5;

/** The actions a reviewer takes on an answer waiting for review. */
export const CONSULT_REVIEW_ACTIONS = ['approve', 'return'] as const satisfies readonly ConsultAction[];
export type ConsultReviewAction = (typeof CONSULT_REVIEW_ACTIONS)[number];

/**
 * An answer waiting for review (the holding unit requires review): the consultation stays open (its clock runs),
 * the drafted answer is kept in `answer` with no answer date until a reviewer approves it.
 */
export function awaitingReview(c: {
  status: ConsultStatus;
  answer: string | null;
  answeredOn: string | null;
}) {
  return c.status === 'open' && c.answer !== null && c.answeredOn === null;
}

/** The label a consultation shows: 待审核 while its answer waits for review. */
export const consultStatusLabel = (c: Parameters<typeof awaitingReview>[0]): string =>
  awaitingReview(c) ? '答复待审核' : CONSULT_STATUS_LABELS[c.status];

/**
 * The actions staff may take on a consultation in `status` (adding to the base once only); while an answer waits
 * for review only the reviewer's approve / return.
 */
export function consultActions(status: ConsultStatus, inBase: boolean, reviewing = false): ConsultAction[] {
  const add: ConsultAction[] = inBase ? [] : ['add_to_base'];
  if (status === 'open') return reviewing ? [...CONSULT_REVIEW_ACTIONS] : ['transfer', 'answer'];
  if (status === 'answered') return ['close', ...add];
  return add;
}

/** The citizen rates an answered consultation once (rating closes it). */
export function canRate(status: ConsultStatus, rated: boolean): boolean {
  return status === 'answered' && !rated;
}

/** Due date: `days` working days after the day it was received (the receipt day itself does not count). */
export function answerDue(cal: WorkingDayCalendar, receivedOn: string, days = DEFAULT_ANSWER_DAYS): string {
  return cal.addWorkingDays(receivedOn, days).date;
}

/** Open past its due date (the due date itself is still on time). */
export function isOverdue(status: ConsultStatus, due: string, asOf: string): boolean {
  return status === 'open' && asOf > due;
}

/** A reply on or before the due date is on time; a later one is accepted and recorded as late. */
export function replyOnTime(due: string, repliedOn: string): boolean {
  return repliedOn <= due;
}

export interface TransferStep {
  from: string;
  to: string;
}

/**
 * Why a transfer to `target` is refused, or null. A consultation may not go to the unit holding it, nor back to a
 * unit that already passed it on (two units sending it back and forth while the citizen waits).
 */
export function transferRefusal(
  holder: string,
  target: string,
  history: readonly TransferStep[],
  nameOf: (id: string) => string = (id) => id,
): string | null {
  if (target === holder) return '不能转办给当前承办单位';
  if (history.some((s) => s.from === target))
    return `${nameOf(target)}已将该咨询转出，不能再转回（避免单位之间来回转办），请协调后由当前单位答复`;
  return null;
}

/** Reminders start this many working days before the due date [I] (the clock is only 5 days long). */
export const DUE_SOON_WORKING_DAYS = 2;

/** Which reminder an open consultation gets today: past its due date, due soon, or none. */
export function reminderOf(due: string, asOf: string, workingDaysLeft: number): 'overdue' | 'due' | null {
  if (asOf > due) return 'overdue';
  return workingDaysLeft <= DUE_SOON_WORKING_DAYS ? 'due' : null;
}
