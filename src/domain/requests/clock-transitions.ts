// The reply clock's transitions: which event the law allows in a state, and the state after it.
import type { WorkingDayCalendar } from '../calendar/calendar';
import { isIsoDate } from '../calendar/dates';
import {
  CLOCK_EVENT_LABELS,
  type ClockEvent,
  type ClockOptions,
  type ClockState,
  CONSULTATION_KIND_LABELS,
  CONSULTATION_WORKING_DAYS,
  CORRECTION_NOTICE_WORKING_DAYS,
  computeReply,
  consultationPauseCap,
  initialClockState,
  MAX_EXTENSION_WORKING_DAYS,
  REPLY_WORKING_DAYS,
  resolveOptions,
} from './clock-model';
import { FEE_METHOD_LABELS } from './fees';

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
