// One handler per action a clerk takes on a case (条例 Art. 30–35), keyed by the action's name. A handler checks
// what only its action needs and returns the clock event to record; actions.ts stores it.
import { CLOCK_EVENT_LABELS } from '../../../domain/requests/clock';
import {
  applicationFee,
  FEE_METHOD_LABELS,
  type FeeMethod,
  kthApplicationInMonth,
} from '../../../domain/requests/fees';
import { INTAKE_FIELD_LABELS } from '../../../domain/requests/intake';
import { checkOutcomeBasis, OUTCOME_LABELS } from '../../../domain/requests/outcomes';
import { determineReceiptDate } from '../../../domain/requests/receipt';
import { invalid } from '../../platform/errors';
import type { ActionContext, ActionHandlers, ActionOf, ClockStep } from './action-context';
import { appendEntry, auditAction } from './action-context';
import { intakeOf, receivedEntry, saveRecomputed } from './case-clock';
import { requestExtension } from './extension';
import { type CaseRow, receivedCasesOfApplicant, updateCase } from './requests.repo';

/** Staff confirm the portal application's receipt date (Art. 31(三): 双方确认之日); the clock starts. */
async function confirmReceipt(ctx: ActionContext, a: ActionOf<'confirm_receipt'>): Promise<null> {
  const { row, by } = ctx;
  if (row.status !== 'submitted') throw invalid('已确认收到申请');
  const rec = determineReceiptDate(
    { channel: 'online', confirmedOn: a.confirmedOn, submittedOn: row.submittedOn },
    ctx.asOf,
  );
  if (!rec.ok) throw invalid(rec.error);
  await saveRecomputed(
    ctx.tx,
    row,
    {
      status: 'running',
      receivedOn: rec.date,
      receiptRule: rec.rule,
      receiptConfirmedBy: by,
      timeline: [...row.timeline, receivedEntry(ctx.clock, by, rec.date, rec.rule)],
    },
    ctx.asOf,
  );
  await auditAction(ctx, 'requests.confirm', rec.date);
  return null;
}

/** The reply closes the case; a late reply is recorded too and counts as not on time. */
async function reply(ctx: ActionContext, a: ActionOf<'reply'>): Promise<null> {
  const { state, asOf } = ctx;
  if (state.state.phase !== 'open')
    throw invalid(state.status === 'awaiting_correction' ? '等待补正期间不能作出答复' : '当前不能作出答复');
  if (state.state.fee && !state.state.fee.paidOn) throw invalid('申请人尚未缴纳信息处理费，不能作出答复');
  const intake = intakeOf(ctx.row);
  if (intake.route !== 'accept')
    throw invalid(`申请内容不完整（缺少${intake.missing.length}项），应先一次性告知补正（条例第三十条）`);
  const basisErr = checkOutcomeBasis(a.outcome, a.legalBasis ?? null);
  if (basisErr) throw invalid(basisErr);
  if (a.date > asOf) throw invalid(`答复日期 ${a.date} 晚于今天（${asOf}）`);
  if (state.state.lastEventDate && a.date < state.state.lastEventDate)
    throw invalid('答复日期早于前一办理事项的日期');
  // The letter itself is refused when dated after the due date without an extension (letters.ts).
  const due = state.replyDue;
  await appendEntry(ctx, `${a.date} 作出答复：${OUTCOME_LABELS[a.outcome]}`, {
    status: 'closed',
    outcome: a.outcome,
    legalBasis: a.legalBasis ?? null,
    replyText: a.replyText?.trim() || null,
    closedOn: a.date,
    replyDue: due,
    onTime: due ? a.date <= due : null,
    trace: state.trace,
  });
  await auditAction(ctx, 'requests.reply', a.outcome);
  return null;
}

async function requestCorrection(ctx: ActionContext, a: ActionOf<'request_correction'>): Promise<ClockStep> {
  // Without a text, the notice asks for the Art. 29 items missing at registration (APP-1).
  const missing =
    a.missing?.trim() ||
    intakeOf(ctx.row)
      .missing.map((f) => INTAKE_FIELD_LABELS[f])
      .join('；');
  if (!missing) throw invalid('请写明需要补正的事项');
  return {
    event: { type: 'correction_requested', date: a.date, correctBy: a.correctBy ?? null },
    text: `${a.date} 发出补正告知：${missing}${a.correctBy ? `，补正期限 ${a.correctBy}` : ''}`,
    meta: { missing },
  };
}

async function receiveCorrection(ctx: ActionContext, a: ActionOf<'receive_correction'>): Promise<ClockStep> {
  const patch: Partial<CaseRow> = {};
  if (a.description?.trim()) patch.description = a.description.trim();
  if (a.deliveryForm?.trim()) patch.deliveryForm = a.deliveryForm.trim();
  if (a.deliveryChannel?.trim()) patch.deliveryChannel = a.deliveryChannel.trim();
  // The corrected application must supply what the notice asked for (APP-1, Art. 30).
  const after = intakeOf({ ...ctx.row, ...patch });
  if (after.route !== 'accept') throw invalid(`补正后的申请仍不完整：${after.message ?? ''}`);
  return { event: { type: 'correction_received', date: a.date }, text: `${a.date} 收到补正后的申请`, patch };
}

async function expireCorrection(ctx: ActionContext, a: ActionOf<'expire_correction'>): Promise<ClockStep> {
  return {
    event: { type: 'correction_expired', date: a.date },
    text: `${a.date} 登记逾期未补正`,
    // An applicant who never corrected ends in row （六）1 (条例 Art. 30).
    afterwards: () => closeAbandoned(ctx, 'r6_1', a.date),
  };
}

async function closeAbandoned(ctx: ActionContext, outcome: 'r6_1' | 'r6_2', on: string): Promise<void> {
  await updateCase(ctx.tx, ctx.row.id, { status: 'closed', outcome, closedOn: on, onTime: true });
}

async function startConsultation(_: ActionContext, a: ActionOf<'start_consultation'>): Promise<ClockStep> {
  if (!a.party.trim()) throw invalid('请填写征求意见的对象');
  const event = {
    type: 'consultation_started' as const,
    kind: a.kind,
    date: a.date,
    servedOn: a.servedOn ?? null,
  };
  return {
    event,
    text: `${a.date} ${CLOCK_EVENT_LABELS[event.type]}：${a.party}`,
    meta: { party: a.party.trim() },
  };
}

async function endConsultation(_: ActionContext, a: ActionOf<'end_consultation'>): Promise<ClockStep> {
  return {
    event: a.kind
      ? { type: 'consultation_ended', date: a.date, kind: a.kind }
      : { type: 'consultation_ended', date: a.date },
    text: `${a.date} 征求意见结束${a.opinion ? `：${a.opinion}` : ''}`,
  };
}

/** 按件 or 按量 (国办函〔2020〕109号); the first method chosen for a case is kept, free amounts are refused. */
async function chargeFee(ctx: ActionContext, a: ActionOf<'charge_fee'>): Promise<ClockStep> {
  const { row } = ctx;
  if (row.feeMethod && row.feeMethod !== a.method) {
    throw invalid(
      `本申请已选择${FEE_METHOD_LABELS[row.feeMethod as FeeMethod]}，不得再${FEE_METHOD_LABELS[a.method]}（国办函〔2020〕109号）`,
    );
  }
  const meta: Record<string, number> = {};
  let amount: number;
  if (a.method === 'per_volume') {
    if (!a.pages || a.pages < 1) throw invalid('按量计收须填写页数');
    amount = applicationFee({ method: 'per_volume', pages: a.pages });
  } else {
    const same = await receivedCasesOfApplicant(ctx.tx, row.applicantKey);
    const k = kthApplicationInMonth(
      same.map((s) => ({ ...s, receivedOn: s.receivedOn ?? '' })),
      row.id,
    );
    amount = applicationFee({ method: 'per_piece', k: k ?? 1 });
    meta.k = k ?? 1;
    if (amount === 0) throw invalid(`该申请人本月第 ${k} 件申请，按件计收在 10 件以内免费，无需收费`);
  }
  if (amount === 0) throw invalid('按量计收 30 页以内免费，无需收费');
  return {
    event: { type: 'fee_notice', date: a.date, method: a.method, servedOn: a.servedOn ?? null },
    text: `${a.date} 发出收费通知：${FEE_METHOD_LABELS[a.method]} ${amount} 元`,
    meta,
    patch: { feeMethod: a.method, feeAmount: amount },
  };
}

export const ACTION_HANDLERS: ActionHandlers = {
  confirm_receipt: confirmReceipt,
  reply,
  request_correction: requestCorrection,
  receive_correction: receiveCorrection,
  expire_correction: expireCorrection,
  start_consultation: startConsultation,
  end_consultation: endConsultation,
  extend: requestExtension,
  charge_fee: chargeFee,
  record_fee_paid: async (_, a): Promise<ClockStep> => ({
    event: { type: 'fee_paid', date: a.date },
    text: `${a.date} 申请人缴费`,
  }),
  request_excessive_reasons: async (_, a): Promise<ClockStep> => ({
    event: { type: 'excessive_reasons_requested', date: a.date },
    text: `${a.date} 要求申请人说明理由（条例第三十五条）`,
  }),
  set_custom_deadline: async (_, a): Promise<ClockStep> => ({
    event: { type: 'custom_deadline', date: a.date, reason: a.reason },
    text: `另行确定答复期限 ${a.date}：${a.reason}`,
  }),
};
