// The reply clock of a disclosure application: 条例 Arts 30–35 and 109号 (REGULATIONS §1.2, §3, §9.2, §9.3).
// Pure: the calendar and the caller's "today" (asOf) are parameters.
import type { WorkingDayCalendar } from '../calendar/calendar';
import { dayNumber, fromDayNumber, isIsoDate } from '../calendar/dates';
import { FEE_METHOD_LABELS, type FeeMethod } from './fees';
import type { OutcomeCode } from './outcomes';

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

function resolveOptions(o?: Partial<ClockOptions>): ClockOptions {
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

function computeReply(
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

// ---------------------------------------------------------------------------------------------------------
// Transitions

function eventDate(e: ClockEvent): string | null {
  switch (e.type) {
    case 'extension':
      return e.notifiedOn;
    case 'correction_expired':
      return e.date ?? null;
    case 'custom_deadline':
      // Its date is the new deadline (in the future), not the day something happened: it is neither checked
      // against today nor used to order later events.
      return null;
    default:
      return e.date;
  }
}

function checkDate(v: string | null | undefined, what: string): string | null {
  if (v === null || v === undefined) return null;
  return isIsoDate(v) ? null : `${what}“${v}”不是有效日期（应为 YYYY-MM-DD）`;
}

/**
 * Whether `event` may follow `state` under the 条例; a Chinese message when it may not, else null.
 * `asOf` (the caller's today) rejects events dated in the future.
 */
export function validateTransition(
  state: ClockState,
  event: ClockEvent,
  calendar: WorkingDayCalendar,
  options?: Partial<ClockOptions>,
  asOf?: string,
): string | null {
  const opts = resolveOptions(options);
  const date = eventDate(event);
  const label = CLOCK_EVENT_LABELS[event.type];
  const badDate =
    checkDate(date, `${label}日期`) ??
    (event.type === 'correction_requested' ? checkDate(event.correctBy, '补正期限') : null) ??
    (event.type === 'consultation_started' || event.type === 'fee_notice'
      ? checkDate(event.servedOn, '送达日期')
      : null);
  if (badDate) return badDate;
  if (date && asOf && date > asOf) return `${label}日期 ${date} 晚于今天（${asOf}）`;
  if (date && state.lastEventDate && date < state.lastEventDate) {
    return `${label}日期 ${date} 早于前一事件日期 ${state.lastEventDate}，事件须按发生顺序记录`;
  }

  if (event.type === 'received') {
    return state.phase === 'not_received' ? null : '已记录收到申请，不能重复记录';
  }
  if (state.phase === 'not_received') return `尚未记录收到申请，不能${label}`;
  if (state.phase === 'abandoned_no_correction')
    return '申请人逾期未补正，申请视为放弃，不再处理（条例第三十条）';
  if (state.phase === 'abandoned_unpaid') return '申请人逾期未缴纳信息处理费，申请视为放弃，不再处理';

  if (state.phase === 'awaiting_correction') {
    if (event.type === 'correction_received' || event.type === 'correction_expired') {
      if (event.type === 'correction_expired' && event.date && state.correction?.correctBy) {
        if (event.date <= state.correction.correctBy)
          return `补正期限（${state.correction.correctBy}）尚未届满`;
      }
      return null;
    }
    if (event.type === 'correction_requested') return '补正告知只能一次性发出（条例第三十条）';
    return `等待申请人补正期间不能${label}；补正后重新起算答复期限（条例第三十条）`;
  }

  // phase === 'open'; a consultation whose answer deadline passed before this event no longer pauses.
  const reply = computeReply(state, calendar, opts, date ?? asOf);
  switch (event.type) {
    case 'correction_requested': {
      if (state.correction) return '补正告知只能一次性发出（条例第三十条）';
      const due = state.correctionNoticeDue;
      if (due && event.date > due) {
        return `补正告知应在收到申请之日起 ${CORRECTION_NOTICE_WORKING_DAYS} 个工作日内一次性发出，期限为 ${due}（条例第三十条）`;
      }
      if (event.correctBy && event.correctBy <= event.date) return '补正期限应晚于补正告知日期';
      return null;
    }
    case 'correction_received':
    case 'correction_expired':
      return '未发出补正告知，不能记录补正结果';
    case 'consultation_started': {
      if (event.servedOn && event.servedOn < event.date) return '送达日期不能早于发出日期';
      const open = state.consultations.find((c) => c.kind === event.kind && c.endedOn === null);
      if (open)
        return `已有进行中的${CONSULTATION_KIND_LABELS[event.kind]}（${open.startedOn} 发出），请先记录其结束`;
      return null;
    }
    case 'consultation_ended': {
      const open = state.consultations.filter(
        (c) => c.endedOn === null && (!event.kind || c.kind === event.kind),
      );
      if (open.length === 0) return '没有进行中的征求意见';
      if (open.length > 1) return '有多项进行中的征求意见，请指明结束哪一项（第三方或其他机关）';
      return null;
    }
    case 'extension': {
      if (state.extension) return '延期答复只能一次（条例第三十三条第二款）';
      if (!event.approvedBy || event.approvedBy.trim() === '') {
        return '延期答复须经政府信息公开工作机构负责人同意，未记录批准人（条例第三十三条第二款）';
      }
      if (!event.notifiedOn) return '延期答复须告知申请人，未记录告知日期（条例第三十三条第二款）';
      if (!Number.isInteger(event.days) || event.days < 1 || event.days > MAX_EXTENSION_WORKING_DAYS) {
        return `延长的期限最长不得超过 ${MAX_EXTENSION_WORKING_DAYS} 个工作日（条例第三十三条第二款），填写的是 ${event.days}`;
      }
      if (state.clockStart && event.notifiedOn < state.clockStart) return '延期告知日期早于收到申请日期';
      if (opts.extensionNoticeBeforeDue && reply.statutoryDue && event.notifiedOn > reply.statutoryDue) {
        return `延期告知日期 ${event.notifiedOn} 晚于原答复期限 ${reply.statutoryDue}，应在期限届满前决定并告知`;
      }
      return null;
    }
    case 'fee_notice': {
      if (event.servedOn && event.servedOn < event.date) return '送达日期不能早于发出日期';
      if (state.fee && state.fee.method !== event.method) {
        return `本申请已选择${FEE_METHOD_LABELS[state.fee.method]}，不得再${FEE_METHOD_LABELS[event.method]}（国办函〔2020〕109号：一件申请只能选择一种方式）`;
      }
      if (state.fee) return '本申请已发出收费通知，不能重复发出';
      return null;
    }
    case 'fee_paid': {
      if (!state.fee) return '未发出收费通知，不能记录缴费';
      if (state.fee.paidOn) return '已记录缴费';
      if (event.date > state.fee.payBy) {
        return `缴费日期 ${event.date} 晚于缴费期限 ${state.fee.payBy}，申请视为放弃`;
      }
      return null;
    }
    case 'excessive_reasons_requested':
      return state.excessiveReasonsRequestedOn ? '已要求申请人说明理由' : null;
    case 'custom_deadline': {
      if (!isIsoDate(event.date)) return `另行确定的答复期限“${event.date}”不是有效日期（应为 YYYY-MM-DD）`;
      if (!state.excessiveReasonsRequestedOn) {
        return '只有申请数量、频次明显超过合理范围并已要求说明理由的，才能另行确定答复期限（条例第三十五条）';
      }
      if (state.customDeadline) return '已另行确定答复期限';
      if (!event.reason || event.reason.trim() === '') return '另行确定答复期限须说明理由';
      if (reply.statutoryDue && event.date <= reply.statutoryDue) {
        return `另行确定的答复期限应晚于法定答复期限 ${reply.statutoryDue}`;
      }
      return null;
    }
  }
}

/** Applies one event that validateTransition accepted. */
export function applyClockEvent(
  state: ClockState,
  event: ClockEvent,
  calendar: WorkingDayCalendar,
  options?: Partial<ClockOptions>,
): ClockState {
  const opts = resolveOptions(options);
  const s: ClockState = {
    ...state,
    consultations: state.consultations.map((c) => ({ ...c })),
    trace: [...state.trace],
  };
  const date = eventDate(event);
  if (date) s.lastEventDate = date;
  const add = (d: string, n: number) => {
    const r = calendar.addWorkingDays(d, n);
    if (r.provisional) s.provisional = true;
    return r.date;
  };

  switch (event.type) {
    case 'received': {
      s.phase = 'open';
      s.receivedOn = event.date;
      s.clockStart = event.date;
      s.correctionNoticeDue = add(event.date, CORRECTION_NOTICE_WORKING_DAYS);
      s.trace.push(
        `${event.date} 收到申请：自次日起算 ${REPLY_WORKING_DAYS} 个工作日内答复（条例第三十三条）；需要补正的，应于 ${s.correctionNoticeDue} 前一次性告知（条例第三十条）`,
      );
      break;
    }
    case 'correction_requested': {
      s.phase = 'awaiting_correction';
      s.correction = { requestedOn: event.date, correctBy: event.correctBy ?? null, receivedOn: null };
      s.trace.push(
        `${event.date} 发出补正告知${event.correctBy ? `，补正期限 ${event.correctBy}` : ''}；答复期限自收到补正申请之日重新起算（条例第三十条）`,
      );
      break;
    }
    case 'correction_received': {
      s.phase = 'open';
      if (s.correction) s.correction = { ...s.correction, receivedOn: event.date };
      s.clockStart = event.date;
      // The original receipt no longer matters (APP-8): nothing from before the restart carries over.
      s.consultations = [];
      s.extension = null;
      s.fee = null;
      const late = s.correction?.correctBy && event.date > s.correction.correctBy;
      s.trace.push(
        `${event.date} 收到补正后的申请，答复期限重新起算${late ? `（晚于补正期限 ${s.correction?.correctBy}，已接受）` : ''}`,
      );
      break;
    }
    case 'correction_expired': {
      s.phase = 'abandoned_no_correction';
      s.trace.push(
        '申请人无正当理由逾期不补正，视为放弃申请，不再处理（条例第三十条；年报 （六）其他处理-1）',
      );
      break;
    }
    case 'consultation_started': {
      const servedOn = event.servedOn ?? event.date;
      const answerDue = add(servedOn, CONSULTATION_WORKING_DAYS);
      s.consultations.push({ kind: event.kind, startedOn: event.date, servedOn, answerDue, endedOn: null });
      const art = event.kind === 'third_party' ? '条例第三十二条' : '条例第三十四条';
      s.trace.push(
        `${event.date} ${CONSULTATION_KIND_LABELS[event.kind]}，暂停计时（条例第三十三条第三款）；${servedOn} 送达，答复期限 ${answerDue}（${CONSULTATION_WORKING_DAYS} 个工作日，${art}）`,
      );
      break;
    }
    case 'consultation_ended': {
      const c = s.consultations.find((x) => x.endedOn === null && (!event.kind || x.kind === event.kind));
      if (c) {
        c.endedOn = event.date;
        s.trace.push(
          event.date > c.answerDue
            ? `${event.date} ${CONSULTATION_KIND_LABELS[c.kind]}结束（晚于答复期限 ${c.answerDue}，已于 ${consultationPauseCap(c)} 恢复计时）`
            : `${event.date} ${CONSULTATION_KIND_LABELS[c.kind]}结束，恢复计时`,
        );
      }
      break;
    }
    case 'extension': {
      // validateTransition guarantees both are present.
      s.extension = {
        days: event.days,
        approvedBy: event.approvedBy ?? '',
        notifiedOn: event.notifiedOn ?? '',
      };
      s.trace.push(
        `延期答复：经 ${event.approvedBy} 同意，${event.notifiedOn} 告知申请人，延长 ${event.days} 个工作日（条例第三十三条第二款）`,
      );
      break;
    }
    case 'fee_notice': {
      const servedOn = event.servedOn ?? event.date;
      const payBy = add(servedOn, opts.feePayWorkingDays);
      s.fee = { method: event.method, noticeOn: event.date, servedOn, payBy, paidOn: null };
      s.trace.push(
        `${event.date} 发出收费通知（${FEE_METHOD_LABELS[event.method]}）${opts.pauseForFee ? '，暂停计时' : ''}；${servedOn} 送达，缴费期限 ${payBy}（${opts.feePayWorkingDays} 个工作日）`,
      );
      break;
    }
    case 'fee_paid': {
      if (s.fee) s.fee = { ...s.fee, paidOn: event.date };
      s.trace.push(`${event.date} 申请人缴费${opts.pauseForFee ? '，恢复计时' : ''}`);
      break;
    }
    case 'excessive_reasons_requested': {
      s.excessiveReasonsRequestedOn = event.date;
      s.trace.push(`${event.date} 申请数量、频次明显超过合理范围，要求申请人说明理由（条例第三十五条）`);
      break;
    }
    case 'custom_deadline': {
      s.customDeadline = { date: event.date, reason: event.reason };
      s.trace.push(`另行确定答复期限为 ${event.date}：${event.reason}（条例第三十五条）`);
      break;
    }
  }
  return s;
}

export interface FoldResult {
  state: ClockState;
  /** One Chinese message per rejected event; rejected events are skipped. */
  errors: string[];
}

export function foldClockEvents(
  events: readonly ClockEvent[],
  calendar: WorkingDayCalendar,
  options?: Partial<ClockOptions>,
  asOf?: string,
): FoldResult {
  let state = initialClockState();
  const errors: string[] = [];
  events.forEach((e, i) => {
    const err = validateTransition(state, e, calendar, options, asOf);
    if (err) {
      errors.push(`第 ${i + 1} 项（${CLOCK_EVENT_LABELS[e.type]}）：${err}`);
      return;
    }
    state = applyClockEvent(state, e, calendar, options);
  });
  return { state, errors };
}

// ---------------------------------------------------------------------------------------------------------
// Public summary

export const CLOCK_STATUSES = [
  'not_received',
  'running',
  'paused_consultation',
  'paused_fee',
  'awaiting_correction',
  'abandoned_no_correction',
  'abandoned_unpaid',
] as const;
export type ClockStatus = (typeof CLOCK_STATUSES)[number];

/** What a case's status column holds: awaiting confirmation (portal), a clock status while open, or closed. */
export const CASE_STATUSES = ['submitted', ...CLOCK_STATUSES, 'closed'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

export const CLOCK_STATUS_LABELS: Record<ClockStatus, string> = {
  not_received: '未收到申请',
  running: '办理中',
  paused_consultation: '征求意见中（暂停计时）',
  paused_fee: '待缴费（暂停计时）',
  awaiting_correction: '待补正',
  abandoned_no_correction: '逾期未补正，不再处理',
  abandoned_unpaid: '逾期未缴费，不再处理',
};

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
