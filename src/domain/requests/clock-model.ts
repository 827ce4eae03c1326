// The reply clock's model: its periods, events, state and the reply due date computed from a state
// (条例 Arts 30–35 and 109号, REGULATIONS §1.2, §3, §9.2, §9.3). Pure: calendar and asOf are parameters.
import type { WorkingDayCalendar } from '../calendar/calendar';
import { dayNumber, fromDayNumber } from '../calendar/dates';
import type { FeeMethod } from './fees';

/** Art. 33 ¶1: reply within 20 working days of receipt. [V] */
export const REPLY_WORKING_DAYS = 20;
/** Art. 30: the single correction notice goes out within 7 working days of receipt. [V] */
export const CORRECTION_NOTICE_WORKING_DAYS = 7;
/** Art. 33 ¶2: one extension of at most 20 working days. [V] */
export const MAX_EXTENSION_WORKING_DAYS = 20;
/** Art. 32 (third party) and Art. 34 (co-author agency): 15 working days to answer. [V] */
export const CONSULTATION_WORKING_DAYS = 15;

export const CONSULTATION_KIND_LABELS = {
  third_party: '征求第三方意见',
  other_agency: '征求其他机关意见',
};
export type ConsultationKind = keyof typeof CONSULTATION_KIND_LABELS;

/**
 * How a pause interval from start S (letter sent) to end E (answer received / fee paid) is cut out of the clock.
 * The 条例 does not fix it (APP-12, [I]):
 * - start_excl_end_incl (default): S still counts, the clock resumes the day after E, matching the "start day
 *   not counted" rule used for every other period;
 * - start_incl_end_incl: neither S nor E counts;
 * - start_incl_end_excl: S does not count, E does.
 */
export const PAUSE_BOUNDARY_LABELS = {
  start_excl_end_incl: '发出当日计入期限，收到答复（缴费）当日不计入',
  start_incl_end_incl: '发出当日和收到答复（缴费）当日均不计入期限',
  start_incl_end_excl: '发出当日不计入期限，收到答复（缴费）当日计入',
};
export type PauseBoundary = keyof typeof PAUSE_BOUNDARY_LABELS;

export interface ClockOptions {
  /** APP-12 [I]: default 'start_excl_end_incl'. */
  pauseBoundary: PauseBoundary;
  /** FEE-6 [M]: the applicant pays within 20 working days of receiving the fee notice. */
  feePayWorkingDays: number;
  /** FEE-7 [M]: the reply clock stops from fee notice to payment. Default true. */
  pauseForFee: boolean;
  /**
   * [I] The extension must be notified no later than the current reply due date (an extension is decided
   * within the period). Default true.
   */
  extensionNoticeBeforeDue: boolean;
}

export const DEFAULT_CLOCK_OPTIONS: ClockOptions = {
  pauseBoundary: 'start_excl_end_incl',
  feePayWorkingDays: 20,
  pauseForFee: true,
  extensionNoticeBeforeDue: true,
};

/**
 * Events of a case, in the order they happened. For letters, `date` is the day the agency sent them (a pause
 * starts there) and `servedOn` the day the recipient received them (the recipient's period runs from it);
 * `servedOn` defaults to `date`.
 */
export type ClockEvent =
  | { type: 'received'; date: string }
  | { type: 'correction_requested'; date: string; correctBy?: string | null }
  | { type: 'correction_received'; date: string }
  | { type: 'correction_expired'; date?: string | null }
  | { type: 'consultation_started'; kind: ConsultationKind; date: string; servedOn?: string | null }
  | { type: 'consultation_ended'; date: string; kind?: ConsultationKind }
  | { type: 'extension'; approvedBy: string | null; notifiedOn: string | null; days: number }
  | { type: 'fee_notice'; date: string; method: FeeMethod; servedOn?: string | null }
  | { type: 'fee_paid'; date: string }
  | { type: 'excessive_reasons_requested'; date: string }
  | { type: 'custom_deadline'; date: string; reason: string };

export type ClockEventType = ClockEvent['type'];

export const CLOCK_EVENT_LABELS: Record<ClockEventType, string> = {
  received: '收到申请',
  correction_requested: '发出补正告知',
  correction_received: '收到补正后的申请',
  correction_expired: '补正期限届满未补正',
  consultation_started: '征求意见',
  consultation_ended: '征求意见结束',
  extension: '延期答复',
  fee_notice: '发出收费通知',
  fee_paid: '缴纳信息处理费',
  excessive_reasons_requested: '要求说明理由（申请数量、频次明显超过合理范围）',
  custom_deadline: '另行确定答复期限',
};

export type ClockPhase =
  | 'not_received'
  | 'open'
  | 'awaiting_correction'
  | 'abandoned_no_correction'
  | 'abandoned_unpaid';

export interface Consultation {
  kind: ConsultationKind;
  startedOn: string;
  servedOn: string;
  answerDue: string;
  endedOn: string | null;
}

export interface ClockState {
  phase: ClockPhase;
  receivedOn: string | null;
  /** Receipt of the application, or of the corrected application (Art. 30 restarts the clock). */
  clockStart: string | null;
  correctionNoticeDue: string | null;
  correction: { requestedOn: string; correctBy: string | null; receivedOn: string | null } | null;
  consultations: Consultation[];
  extension: { days: number; approvedBy: string; notifiedOn: string } | null;
  fee: { method: FeeMethod; noticeOn: string; servedOn: string; payBy: string; paidOn: string | null } | null;
  excessiveReasonsRequestedOn: string | null;
  customDeadline: { date: string; reason: string } | null;
  lastEventDate: string | null;
  provisional: boolean;
  trace: string[];
}

export function initialClockState(): ClockState {
  return {
    phase: 'not_received',
    receivedOn: null,
    clockStart: null,
    correctionNoticeDue: null,
    correction: null,
    consultations: [],
    extension: null,
    fee: null,
    excessiveReasonsRequestedOn: null,
    customDeadline: null,
    lastEventDate: null,
    provisional: false,
    trace: [],
  };
}

export function resolveOptions(o?: Partial<ClockOptions>): ClockOptions {
  return { ...DEFAULT_CLOCK_OPTIONS, ...o };
}

// ---------------------------------------------------------------------------------------------------------
// Reply due date from a state

interface ReplyComputation {
  /** 20 (+ extension) working days, plus paused working days; null while paused or not running. */
  statutoryDue: string | null;
  pausedWorkingDays: number;
  openPause: { kind: 'consultation' | 'fee'; since: string } | null;
  remainingWorkingDays: number | null;
  provisional: boolean;
  trace: string[];
}

/**
 * When a consultation's pause ends at the latest: Arts 32/34 give the other party 15 working days, so the pause
 * cannot outlast that period. Silence is known the calendar day after the answer deadline, so the capped pause
 * ends as if the answer had arrived that day; a later answer changes nothing (issue 13 part 7).
 */
export function consultationPauseCap(c: Pick<Consultation, 'answerDue'>): string {
  return fromDayNumber(dayNumber(c.answerDue) + 1);
}

/** The day a consultation's pause ends: its answer capped at the deadline, or null while still running. */
function consultationPauseEnd(
  c: Consultation,
  asOf: string | undefined,
  assumeSilence: boolean,
): string | null {
  const cap = consultationPauseCap(c);
  // biome-ignore lint/complexity/useMathMinMax: ISO date strings, compared as text
  if (c.endedOn !== null) return c.endedOn < cap ? c.endedOn : cap;
  if (assumeSilence || (asOf !== undefined && asOf > c.answerDue)) return cap;
  return null;
}

/** Inclusive day-number ranges cut out of the clock for finished pauses, and the open pause if any. */
function pauseRanges(
  state: ClockState,
  opts: ClockOptions,
  asOf: string | undefined,
  assumeSilence: boolean,
): { ranges: [number, number][]; open: { kind: 'consultation' | 'fee'; since: string } | null } {
  const ranges: [number, number][] = [];
  let open: { kind: 'consultation' | 'fee'; since: string } | null = null;
  const add = (start: string, end: string | null, kind: 'consultation' | 'fee') => {
    if (end === null) {
      if (!open || start < open.since) open = { kind, since: start };
      return;
    }
    const s = dayNumber(start);
    const e = dayNumber(end);
    const from = opts.pauseBoundary === 'start_excl_end_incl' ? s + 1 : s;
    const to = opts.pauseBoundary === 'start_incl_end_excl' ? e - 1 : e;
    if (to >= from) ranges.push([from, to]);
  };
  for (const c of state.consultations)
    add(c.startedOn, consultationPauseEnd(c, asOf, assumeSilence), 'consultation');
  if (state.fee && opts.pauseForFee) add(state.fee.noticeOn, state.fee.paidOn, 'fee');
  return { ranges, open };
}

export function computeReply(
  state: ClockState,
  cal: WorkingDayCalendar,
  opts: ClockOptions,
  asOf?: string,
  assumeSilence = false,
): ReplyComputation {
  const empty: ReplyComputation = {
    statutoryDue: null,
    pausedWorkingDays: 0,
    openPause: null,
    remainingWorkingDays: null,
    provisional: false,
    trace: [],
  };
  if (state.phase !== 'open' || state.clockStart === null) return empty;
  const start = state.clockStart;
  const limit = REPLY_WORKING_DAYS + (state.extension?.days ?? 0);
  const { ranges, open } = pauseRanges(state, opts, asOf, assumeSilence);
  // With the countStartDay setting the receipt day itself is the first counted day.
  const from = cal.countStartDay ? fromDayNumber(dayNumber(start) - 1) : start;
  const inPause = (n: number) => ranges.some(([a, b]) => n >= a && n <= b);
  // Working days in (from, to] that fall inside a finished pause.
  const pausedBetween = (after: number, upTo: number) => {
    let count = 0;
    let provisional = false;
    for (let n = after + 1; n <= upTo; n++) {
      if (!inPause(n)) continue;
      const w = cal.isWorkingDay(fromDayNumber(n));
      if (w.provisional) provisional = true;
      if (w.working) count += 1;
    }
    return { count, provisional };
  };

  if (open) {
    // Clock stopped: report how many working days are left when it resumes.
    const lastCounted =
      opts.pauseBoundary === 'start_excl_end_incl' ? open.since : fromDayNumber(dayNumber(open.since) - 1);
    const used = cal.countWorkingDays(from, lastCounted);
    const paused = pausedBetween(dayNumber(from), dayNumber(lastCounted));
    const remaining = limit - (used.count - paused.count);
    return {
      ...empty,
      openPause: open,
      pausedWorkingDays: paused.count,
      remainingWorkingDays: remaining,
      provisional: used.provisional || paused.provisional,
      trace: [
        `${open.kind === 'fee' ? '收费通知发出' : '征求意见发出'}（${open.since}）后暂停计时，恢复计时后尚余 ${remaining} 个工作日`,
      ],
    };
  }

  // APP-12: due = add_wd(start, limit + paused working days). Pauses after the candidate due date do not move
  // it, so iterate until the number of paused days up to the due date is stable (monotone, terminates).
  let paused = 0;
  let result = cal.addWorkingDays(start, limit);
  let pausedProvisional = false;
  for (;;) {
    const p = pausedBetween(dayNumber(from), dayNumber(result.date));
    pausedProvisional = p.provisional;
    if (p.count === paused) break;
    paused = p.count;
    result = cal.addWorkingDays(start, limit + paused);
  }
  const trace = [...result.trace];
  if (paused > 0) trace.unshift(`征求意见、缴费期间不计入答复期限：共 ${paused} 个工作日`);
  return {
    ...empty,
    statutoryDue: result.date,
    pausedWorkingDays: paused,
    provisional: result.provisional || pausedProvisional,
    trace,
  };
}
