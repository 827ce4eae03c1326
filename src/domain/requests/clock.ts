// The reply clock of a disclosure application: 条例 Arts 30–35 and 109号 (REGULATIONS §1.2, §3, §9.2, §9.3).
// Pure: the calendar and the caller's "today" (asOf) are parameters.
// The model and the transitions live beside it; this file is the clock's face: due dates, status and next actions.
import type { WorkingDayCalendar } from '../calendar/calendar';
import { codesOf } from '../codes';
import {
  type ClockEvent,
  type ClockOptions,
  type ClockState,
  CONSULTATION_KIND_LABELS,
  type ConsultationKind,
  computeReply,
  consultationPauseCap,
  resolveOptions,
} from './clock-model';
import { foldClockEvents } from './clock-transitions';
import type { OutcomeCode } from './outcomes';

export * from './clock-model';
export * from './clock-transitions';

// ---------------------------------------------------------------------------------------------------------
// Public summary

export const CLOCK_STATUS_LABELS = {
  not_received: '未收到申请',
  running: '办理中',
  paused_consultation: '征求意见中（暂停计时）',
  paused_fee: '待缴费（暂停计时）',
  awaiting_correction: '待补正',
  abandoned_no_correction: '逾期未补正，不再处理',
  abandoned_unpaid: '逾期未缴费，不再处理',
} as const;
export type ClockStatus = keyof typeof CLOCK_STATUS_LABELS;
export const CLOCK_STATUSES = codesOf(CLOCK_STATUS_LABELS);

/** What a case's status column holds: awaiting confirmation (portal), a clock status while open, or closed. */
export const CASE_STATUSES = ['submitted', ...CLOCK_STATUSES, 'closed'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

export interface ClockInput {
  events: readonly ClockEvent[];
  options?: Partial<ClockOptions>;
  /** The caller's today; needed to notice an unpaid fee past its pay-by date and overdue consultations. */
  asOf?: string;
}

export interface DueDates {
  status: ClockStatus;
  /** The date the reply is due: the statutory date or an Art. 35 custom deadline; null when no clock runs. */
  replyDue: string | null;
  /** 20 (+ extension) working days plus paused days, ignoring a custom deadline. */
  statutoryReplyDue: string | null;
  correctionNoticeDue: string | null;
  correctBy?: string;
  thirdPartyAnswerDue?: string;
  otherAgencyAnswerDue?: string;
  feePayBy?: string;
  paused: boolean;
  pausedWorkingDays: number;
  /** Working days left when a paused clock resumes. */
  remainingWorkingDays?: number;
  /**
   * While a consultation pauses the clock: the reply due date if the other party does not answer, i.e. the
   * latest the pause can push it (Arts 32/34 cap the pause at their 15 working days).
   */
  replyDueIfNoAnswer?: string;
  /** Report row the case ends in when abandoned (r6_1, r6_2). */
  suggestedOutcome?: OutcomeCode;
  hints: string[];
  provisional: boolean;
  trace: string[];
  errors: string[];
  state: ClockState;
}

export function computeDueDates(input: ClockInput, calendar: WorkingDayCalendar): DueDates {
  const opts = resolveOptions(input.options);
  const { state: folded, errors } = foldClockEvents(input.events, calendar, opts, input.asOf);
  let state = folded;
  const hints: string[] = [];
  const asOf = input.asOf;

  // FEE-6: an unpaid fee past its pay-by date ends the case (report row r6_2).
  if (state.phase === 'open' && state.fee && !state.fee.paidOn && asOf && asOf > state.fee.payBy) {
    state = {
      ...state,
      phase: 'abandoned_unpaid',
      trace: [
        ...state.trace,
        `缴费期限 ${state.fee.payBy} 已过仍未缴费，视为放弃申请，不再处理（年报 （六）其他处理-2）`,
      ],
    };
  }

  const reply = computeReply(state, calendar, opts, asOf);
  const latest = (kind: ConsultationKind) => [...state.consultations].reverse().find((c) => c.kind === kind);
  const third = latest('third_party');
  const other = latest('other_agency');

  let status: ClockStatus;
  switch (state.phase) {
    case 'open':
      status = reply.openPause
        ? reply.openPause.kind === 'fee'
          ? 'paused_fee'
          : 'paused_consultation'
        : 'running';
      break;
    default:
      status = state.phase;
  }

  let suggestedOutcome: OutcomeCode | undefined;
  if (state.phase === 'abandoned_no_correction') suggestedOutcome = 'r6_1';
  if (state.phase === 'abandoned_unpaid') suggestedOutcome = 'r6_2';

  if (asOf) {
    for (const c of state.consultations) {
      if (c.endedOn === null && asOf > c.answerDue) {
        hints.push(`征求意见答复期限 ${c.answerDue} 已过，自 ${consultationPauseCap(c)} 起恢复计时`);
        hints.push(
          c.kind === 'third_party'
            ? `第三方逾期（${c.answerDue}）未提出意见，由行政机关依照条例决定是否公开（条例第三十二条）`
            : `其他机关逾期（${c.answerDue}）未提出意见，视为同意公开（条例第三十四条）`,
        );
      }
    }
    if (
      state.phase === 'awaiting_correction' &&
      state.correction?.correctBy &&
      asOf > state.correction.correctBy
    ) {
      hints.push(`补正期限 ${state.correction.correctBy} 已过，申请人无正当理由未补正的，可记录“逾期未补正”`);
    }
    if (
      state.phase === 'open' &&
      !state.correction &&
      state.correctionNoticeDue &&
      asOf <= state.correctionNoticeDue
    ) {
      hints.push(`如需补正，应于 ${state.correctionNoticeDue} 前一次性告知需要补正的全部事项`);
    }
  }
  for (const c of state.consultations) {
    if (c.endedOn !== null && c.endedOn > c.answerDue) {
      hints.push(
        `${CONSULTATION_KIND_LABELS[c.kind]}的答复（${c.endedOn}）晚于答复期限 ${c.answerDue}，暂停计时至期限届满为止，不顺延答复期限`,
      );
    }
  }
  if (state.excessiveReasonsRequestedOn && !state.customDeadline && state.phase === 'open') {
    hints.push(
      '申请人理由不合理的，告知不予处理（年报 （五）不予处理-4）；理由合理但无法按期答复的，可另行确定合理期限',
    );
  }
  if (reply.remainingWorkingDays !== null && reply.remainingWorkingDays <= 0) {
    hints.push('暂停计时前答复期限已经届满');
  }

  const replyDue =
    state.phase === 'open' && !reply.openPause ? (state.customDeadline?.date ?? reply.statutoryDue) : null;
  const trace = [...state.trace, ...reply.trace];
  if (replyDue) trace.push(`答复期限：${replyDue}${state.customDeadline ? '（另行确定）' : ''}`);

  const out: DueDates = {
    status,
    replyDue,
    statutoryReplyDue: reply.statutoryDue,
    correctionNoticeDue: state.correctionNoticeDue,
    paused: reply.openPause !== null,
    pausedWorkingDays: reply.pausedWorkingDays,
    hints,
    provisional: state.provisional || reply.provisional,
    trace,
    errors,
    state,
  };
  if (state.correction?.correctBy) out.correctBy = state.correction.correctBy;
  if (third) out.thirdPartyAnswerDue = third.answerDue;
  if (other) out.otherAgencyAnswerDue = other.answerDue;
  if (state.fee) out.feePayBy = state.fee.payBy;
  if (reply.remainingWorkingDays !== null) out.remainingWorkingDays = reply.remainingWorkingDays;
  if (status === 'paused_consultation') {
    const ifSilent = computeReply(state, calendar, opts, asOf, true);
    if (ifSilent.statutoryDue) out.replyDueIfNoAnswer = ifSilent.statutoryDue;
  }
  if (suggestedOutcome) out.suggestedOutcome = suggestedOutcome;
  return out;
}

// ---------------------------------------------------------------------------------------------------------
// What the law allows next

export type ClockAction =
  | 'request_correction'
  | 'receive_correction'
  | 'expire_correction'
  | 'start_consultation'
  | 'end_consultation'
  | 'extend'
  | 'charge_fee'
  | 'record_fee_paid'
  | 'request_excessive_reasons'
  | 'set_custom_deadline'
  | 'reply';

export const CLOCK_ACTION_LABELS: Record<ClockAction, string> = {
  request_correction: '告知补正',
  receive_correction: '登记补正后的申请',
  expire_correction: '登记逾期未补正',
  start_consultation: '征求第三方或其他机关意见',
  end_consultation: '登记征求意见结果',
  extend: '延期答复',
  charge_fee: '发出收费通知',
  record_fee_paid: '登记缴费',
  request_excessive_reasons: '要求说明理由',
  set_custom_deadline: '另行确定答复期限',
  reply: '作出答复',
};

/**
 * Actions the 条例 allows from `state`. With `asOf`, a correction notice is offered only within the 7 working
 * days of Art. 30, and "逾期未补正" only after the applicant's correction deadline.
 */
export function allowedActions(state: ClockState, asOf?: string): ClockAction[] {
  switch (state.phase) {
    case 'not_received':
    case 'abandoned_no_correction':
    case 'abandoned_unpaid':
      return [];
    case 'awaiting_correction': {
      const by = state.correction?.correctBy;
      const canExpire = !by || !asOf || asOf > by;
      return canExpire ? ['receive_correction', 'expire_correction'] : ['receive_correction'];
    }
    case 'open': {
      const actions: ClockAction[] = [];
      const feePending = state.fee !== null && state.fee.paidOn === null;
      if (!state.correction && (!asOf || !state.correctionNoticeDue || asOf <= state.correctionNoticeDue)) {
        actions.push('request_correction');
      }
      actions.push('start_consultation');
      if (state.consultations.some((c) => c.endedOn === null)) actions.push('end_consultation');
      if (!state.extension) actions.push('extend');
      if (!state.fee) actions.push('charge_fee');
      if (feePending) actions.push('record_fee_paid');
      if (!state.excessiveReasonsRequestedOn) actions.push('request_excessive_reasons');
      else if (!state.customDeadline) actions.push('set_custom_deadline');
      // While a fee is unpaid the application is not processed further.
      if (!feePending) actions.push('reply');
      return actions;
    }
  }
}
