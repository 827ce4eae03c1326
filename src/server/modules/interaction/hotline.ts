// Use case: the hotline ledger (来电登记, seed 001 "建立来电登记台账，能当场答复的当场答复"): calls logged with the
// caller's name and phone sealed at rest and masked in lists, the ledger and its .xlsx, and the one-click hand-over
// to a consultation when the policy unit must answer (registered by the consultation use case: the
// 5-working-day clock applies).
import type { CurrentUser } from '../../../contracts/api';
import {
  CALL_CHANNEL_LABELS,
  CALL_STATUS_LABELS,
  type CallBody,
  type CallInfo,
} from '../../../contracts/hotline';
import { chinaDate } from '../../../domain/calendar';
import { callStatusOf, canHandOver } from '../../../domain/interaction/hotline';
import { maskName, maskPhone } from '../../../domain/privacy/mask';
import type { Database, DbOrTx } from '../../db/client';
import { audit } from '../../platform/audit/audit';
import type { Actor, Clock } from '../../platform/context';
import { type FieldKeys, openedOrNull as opened, seal } from '../../platform/crypto/fields';
import { invalid } from '../../platform/errors';
import { writeTable } from '../../platform/xlsx';
import { assertNotLater, assertRecordUnit, inScope, seesPii } from './records';
import { register } from './registration';
import {
  type CallFilter,
  type CallWithUnit,
  callById,
  callPage,
  callRows,
  insertCalls,
  knownWorkOrders,
  lockCall,
  nextCallNo,
  updateCall,
} from './repo/calls';
import type { Scoped } from './repo/consultations';

const sealed = (keys: FieldKeys, v: string | null | undefined) => (v?.trim() ? seal(keys, v.trim()) : null);

/** A call as the ledger shows it: the caller masked unless `full` (the detail, for a handler; audited). */
function info(keys: FieldKeys, { c, unitName, consultNo }: CallWithUnit, full = false): CallInfo {
  const name = opened(keys, c.callerName);
  const phone = opened(keys, c.callerPhone);
  return {
    id: c.id,
    callNo: c.callNo,
    channel: c.channel,
    workOrderNo: c.workOrderNo,
    calledAt: c.calledAt.toISOString(),
    callerName: name && !full ? maskName(name) : name,
    callerPhone: phone && !full ? maskPhone(phone) : phone,
    question: c.question,
    answer: c.answer,
    unitId: c.unitId,
    unitName,
    status: c.status,
    source: c.source,
    consultationId: c.consultationId,
    consultNo,
    canHandOver: canHandOver(c.status),
  };
}

export async function listCalls(
  database: Database,
  keys: FieldKeys,
  user: Scoped,
  q: CallFilter & { page: number; pageSize: number },
) {
  const { rows, total } = await callPage(database.db, user, q);
  return { items: rows.map((r) => info(keys, r)), total };
}

/** 来电登记台账 .xlsx of the filter (the caller masked). */
export async function exportCalls(database: Database, keys: FieldKeys, user: Scoped, q: CallFilter) {
  const rows = (await callRows(database.db, user, q)).map((r) => info(keys, r));
  const at = (iso: string) => {
    const d = new Date(iso);
    return `${chinaDate(d)} ${new Date(d.getTime() + 8 * 3600_000).toISOString().slice(11, 16)}`;
  };
  return writeTable(
    '来电登记台账',
    [
      '编号',
      '来电时间',
      '渠道',
      '12345工单编号',
      '来电人',
      '联系电话',
      '来电内容',
      '答复内容',
      '承办单位',
      '状态',
      '政策咨询编号',
    ],
    rows.map((r) => [
      r.callNo,
      at(r.calledAt),
      CALL_CHANNEL_LABELS[r.channel],
      r.workOrderNo,
      r.callerName,
      r.callerPhone,
      r.question,
      r.answer,
      r.unitName,
      CALL_STATUS_LABELS[r.status],
      r.consultNo,
    ]),
  );
}

const callInScope = async (db: DbOrTx, user: Scoped, id: string): Promise<CallWithUnit> =>
  inScope(db, user, '来电记录', await callById(db, id), (r) => r.c.unitId);

/** The detail: a handler (who may edit) sees the caller in full, and that read is audited. */
export async function getCall(
  database: Database,
  keys: FieldKeys,
  actor: Actor,
  user: Scoped & Pick<CurrentUser, 'permissions'>,
  id: string,
): Promise<CallInfo> {
  const r = await callInScope(database.db, user, id);
  const full = await seesPii(database, actor, user, 'interaction:hotline:edit', {
    objectType: 'call',
    objectId: r.c.id,
    present: !!(r.c.callerName || r.c.callerPhone),
  });
  return info(keys, r, full);
}

export async function createCall(
  database: Database,
  clock: Clock,
  keys: FieldKeys,
  actor: Actor,
  user: Scoped & { id: string },
  body: CallBody,
): Promise<CallInfo> {
  const calledAt = new Date(body.calledAt);
  assertNotLater(calledAt, clock, '来电时间');
  const id = await database.db.transaction(async (tx) => {
    await assertRecordUnit(tx, user, body.unitId, '承办单位');
    const no = body.workOrderNo?.trim() || null;
    if (no && (await knownWorkOrders(tx, [no])).size) throw invalid(`12345 工单编号 ${no} 已登记`);
    const [row] = await insertCalls(tx, [
      {
        callNo: await nextCallNo(tx, chinaDate(calledAt).slice(0, 4)),
        channel: body.channel,
        workOrderNo: no,
        calledAt,
        callerName: sealed(keys, body.callerName),
        callerPhone: sealed(keys, body.callerPhone),
        question: body.question.trim(),
        answer: body.answer?.trim() || null,
        unitId: body.unitId,
        status: callStatusOf(body.answer, false),
        source: 'manual',
        createdBy: user.id,
      },
    ]);
    await audit(tx, actor, {
      action: 'interaction.call.create',
      objectType: 'call',
      objectId: row!.id,
      detail: `${row!.callNo} ${body.channel}`,
    });
    return row!.id;
  });
  return info(keys, (await callById(database.db, id))!);
}

/**
 * One click: the call becomes a consultation of the policy unit (default the call's), received on the day of the
 * call, with the caller's name and phone carried over (sealed again by the registration) and the 12345 work-order
 * number when there is one. The call is marked handed over in the same transaction.
 */
export async function handOverCall(
  database: Database,
  clock: Clock,
  keys: FieldKeys,
  actor: Actor,
  user: Scoped & { id: string },
  id: string,
  body: { unitId?: string },
): Promise<{ consultationId: string; consultNo: string; answerDue: string }> {
  return database.db.transaction(async (tx) => {
    await callInScope(tx, user, id);
    const c = (await lockCall(tx, id))!;
    if (!canHandOver(c.status))
      throw invalid(c.status === 'handed_over' ? '该来电已转为政策咨询' : '该来电已当场答复，无需转办');
    const unitId = body.unitId ?? c.unitId;
    const r = await register(tx, clock, keys, actor, user.id, {
      channel: c.channel === 'hotline_12345' ? 'hotline_12345' : 'phone',
      workOrderNo: c.workOrderNo,
      question: c.question,
      unitId,
      askerName: opened(keys, c.callerName),
      askerContact: opened(keys, c.callerPhone),
      receivedOn: chinaDate(c.calledAt),
    });
    await updateCall(tx, c.id, { status: 'handed_over', consultationId: r.id });
    await audit(tx, actor, {
      action: 'interaction.call.hand_over',
      objectType: 'call',
      objectId: c.id,
      detail: `${c.callNo} → ${r.consultNo}`,
    });
    return { consultationId: r.id, consultNo: r.consultNo, answerDue: r.answerDue };
  });
}
