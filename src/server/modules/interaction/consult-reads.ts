// Reading consultations: the ledger (masked, in the user's scope) and its .xlsx, the detail with the base's similar
// answered questions, and the citizen's view by query code (no personal data).
import type { CurrentUser } from '../../../contracts/api';
import {
  CONSULT_CHANNEL_LABELS,
  CONSULT_STATUS_LABELS,
  type ConsultDetail,
  type ConsultSummary,
  SATISFACTION_LABELS,
} from '../../../contracts/interaction';
import { awaitingReview, canRate, consultActions, isOverdue } from '../../../domain/interaction/consultation';
import { sensitiveHits } from '../../../domain/interaction/letter';
import { maskName, maskPhone } from '../../../domain/privacy/mask';
import type { Database, DbOrTx } from '../../db/client';
import type { Actor, Clock } from '../../platform/context';
import { type FieldKeys, openedOrNull, unseal } from '../../platform/crypto/fields';
import { AppError } from '../../platform/errors';
import { writeTable } from '../../platform/xlsx';
import { today } from './clock';
import { sensitiveWords } from './mailbox';
import { suggest } from './matching';
import { inScope, publicStatus, seesPii, summaryList } from './records';
import {
  type ConsultFilter,
  type ConsultRow,
  consultByCode,
  consultById,
  consultPage,
  consultRows,
  type Scoped,
} from './repo/consultations';

type WithUnit = { c: ConsultRow; unitName: string };

function summary(
  keys: FieldKeys,
  { c, unitName }: WithUnit,
  asOf: string,
  words: readonly string[],
): ConsultSummary {
  const name = openedOrNull(keys, c.askerName);
  return {
    id: c.id,
    consultNo: c.consultNo,
    channel: c.channel,
    workOrderNo: c.workOrderNo,
    question: c.question,
    askerName: name ? maskName(name) : null,
    unitId: c.unitId,
    unitName,
    status: c.status,
    receivedOn: c.receivedOn,
    answerDue: c.answerDue,
    answeredOn: c.answeredOn,
    overdue: isOverdue(c.status, c.answerDue, asOf),
    reviewing: awaitingReview(c),
    onTime: c.onTime,
    satisfaction: c.satisfaction,
    sensitiveWords: sensitiveHits(c.question, words),
  };
}

export const listConsultations = summaryList(consultPage, summary);

/** 登记台账 .xlsx of the filter (the asker's name masked, no contact). */
export async function exportConsultations(
  database: Database,
  clock: Clock,
  keys: FieldKeys,
  user: Scoped,
  q: ConsultFilter,
) {
  const asOf = today(clock);
  const words = await sensitiveWords(database.db);
  const rows = (await consultRows(database.db, user, q, asOf)).map((r) => summary(keys, r, asOf, words));
  return writeTable(
    '政策咨询登记台账',
    [
      '编号',
      '收到日期',
      '渠道',
      '12345工单号',
      '咨询人',
      '咨询问题',
      '承办单位',
      '答复期限',
      '状态',
      '答复日期',
      '是否按时',
      '满意度',
    ],
    rows.map((s) => [
      s.consultNo,
      s.receivedOn,
      CONSULT_CHANNEL_LABELS[s.channel],
      s.workOrderNo,
      s.askerName,
      s.question,
      s.unitName,
      s.answerDue,
      s.overdue ? '已逾期' : s.reviewing ? '答复待审核' : CONSULT_STATUS_LABELS[s.status],
      s.answeredOn,
      s.onTime === null ? '' : s.onTime ? '按时' : '逾期答复',
      s.satisfaction ? SATISFACTION_LABELS[s.satisfaction] : '',
    ]),
  );
}

/** The consultation if it is in the user's scope (404 when there is none or it is another unit's). */
export const consultInScope = async (db: DbOrTx, user: Scoped, id: string): Promise<WithUnit> =>
  inScope(db, user, '咨询', await consultById(db, id), (r) => r.c.unitId);

export async function getConsultation(
  database: Database,
  clock: Clock,
  keys: FieldKeys,
  actor: Actor,
  user: Scoped & Pick<CurrentUser, 'permissions'>,
  id: string,
  opts: { handedOver?: boolean } = {},
): Promise<ConsultDetail> {
  let r: WithUnit;
  let holds = true;
  try {
    r = await consultInScope(database.db, user, id);
  } catch (e) {
    // The answer to a transfer out of the handler's scope: what they just did, without the asker's contact.
    const found =
      opts.handedOver && e instanceof AppError && e.code === 'NOT_FOUND'
        ? await consultById(database.db, id)
        : null;
    if (!found) throw e;
    r = found;
    holds = false;
  }
  const { c } = r;
  const contact = holds && c.askerContact ? unseal(keys, c.askerContact) : null;
  // Handlers see the asker's contact in full (the read is audited); others see it masked.
  const full = await seesPii(database, actor, user, 'interaction:consult:handle', {
    objectType: 'consultation',
    objectId: c.id,
    present: !!contact,
  });
  const similar = holds && c.status === 'open' ? await suggest(database.db, c.question) : [];
  return {
    ...summary(keys, r, today(clock), await sensitiveWords(database.db)),
    queryCode: c.queryCode,
    askerContact: contact && !full ? maskPhone(contact) : contact,
    answer: c.answer,
    answeredBy: c.answeredBy,
    satisfactionNote: c.satisfactionNote,
    qaEntryId: c.qaEntryId,
    history: c.history.map((h) => ({ at: h.at, by: h.by, text: h.text, draft: h.draft })),
    allowedActions: holds ? consultActions(c.status, !!c.qaEntryId, awaitingReview(c)) : [],
    similar,
  };
}

/**
 * What the citizen reads with the query code: the question, the answer, its state; no personal data. An answer
 * waiting for review is not shown (the citizen sees 办理中 until a reviewer approves it).
 */
export async function consultationByCode(db: DbOrTx, clock: Clock, code: string) {
  const r = await consultByCode(db, code);
  if (!r) return null;
  const { c } = r;
  return {
    consultNo: c.consultNo,
    question: c.question,
    unitName: r.unitName,
    receivedOn: c.receivedOn,
    answerDue: c.answerDue,
    status: c.status,
    statusLabel: publicStatus(
      isOverdue(c.status, c.answerDue, today(clock)),
      CONSULT_STATUS_LABELS[c.status],
    ),
    answer: awaitingReview(c) ? null : c.answer,
    answeredOn: c.answeredOn,
    satisfaction: c.satisfaction,
    canRate: canRate(c.status, !!c.satisfaction),
  };
}
export type PublicConsultation = NonNullable<Awaited<ReturnType<typeof consultationByCode>>>;
