// Use case: handling a consultation — transfer (with a reason, no loop between two units), answer (a late answer is
// recorded as late, never refused), close, add the answer to the Q&A base — and the citizen's rating by query code.
import type { ConsultActionBody } from '../../../contracts/interaction';
import {
  CONSULT_ACTION_LABELS,
  canRate,
  consultActions,
  replyOnTime,
  SATISFACTION_LABELS,
  type Satisfaction,
  transferRefusal,
} from '../../../domain/interaction/consultation';
import type { Database, DbOrTx } from '../../db/client';
import type { ConsultEvent } from '../../db/schema/interaction';
import { audit } from '../../platform/audit/audit';
import type { Actor, Clock } from '../../platform/context';
import { invalid, notFound } from '../../platform/errors';
import { getUnit, unitNames } from '../org';
import { today } from './clock';
import { consultInScope } from './consult-reads';
import { newEntry } from './qa-base';
import {
  type ConsultRow,
  consultByCode,
  lockConsultation,
  type Scoped,
  updateConsultation,
} from './repo/consultations';

type Action = Extract<ConsultActionBody, { action: string }>;

export async function actOnConsultation(
  database: Database,
  clock: Clock,
  actor: Actor,
  user: Scoped & { id: string },
  id: string,
  body: Action,
): Promise<void> {
  await database.db.transaction(async (tx) => {
    await consultInScope(tx, user, id);
    const c = (await lockConsultation(tx, id))!;
    if (!consultActions(c.status, !!c.qaEntryId).includes(body.action))
      throw invalid(`当前状态不能${CONSULT_ACTION_LABELS[body.action]}`);
    const event = (text: string, extra: Partial<ConsultEvent> = {}): ConsultEvent[] => [
      ...c.history,
      { at: clock.now().toISOString(), by: actor.username ?? '工作人员', text, ...extra },
    ];
    let detail: string = body.action;
    switch (body.action) {
      case 'transfer':
        detail = await transfer(tx, c, body, event);
        break;
      case 'answer':
        detail = await answer(tx, clock, c, body, actor, event);
        break;
      case 'close':
        await updateConsultation(tx, c.id, { status: 'closed', history: event('办结') });
        break;
      case 'add_to_base': {
        const entry = await newEntry(tx, actor, user.id, {
          question: body.question,
          answer: body.answer,
          unitId: c.unitId,
          topic: body.topic ?? null,
          keywords: body.keywords ?? [],
          policyItemIds: [],
          source: 'consultation',
        });
        await updateConsultation(tx, c.id, {
          qaEntryId: entry.id,
          history: event('答复已加入问答库（待审核）'),
        });
        break;
      }
    }
    await audit(tx, actor, {
      action: `interaction.consult.${body.action}`,
      objectType: 'consultation',
      objectId: c.id,
      detail,
    });
  });
}

async function transfer(
  tx: DbOrTx,
  c: ConsultRow,
  body: Extract<Action, { action: 'transfer' }>,
  event: (text: string, extra?: Partial<ConsultEvent>) => ConsultEvent[],
): Promise<string> {
  const target = await getUnit(tx, body.unitId);
  if (!target) throw invalid('转办单位不存在');
  const steps = c.history.flatMap((h) => (h.transfer ? [h.transfer] : []));
  const names = await unitNames(tx, [c.unitId, body.unitId, ...steps.map((s) => s.from)]);
  const refusal = transferRefusal(c.unitId, body.unitId, steps, (u) => names.get(u) ?? '该单位');
  if (refusal) throw invalid(refusal);
  // The answer clock keeps running: the citizen is not asked to wait longer because the question moved.
  await updateConsultation(tx, c.id, {
    unitId: body.unitId,
    history: event(`转办至 ${target.name}：${body.reason}`, {
      transfer: { from: c.unitId, to: body.unitId, reason: body.reason },
    }),
  });
  return `${names.get(c.unitId) ?? ''} → ${target.name}`;
}

async function answer(
  tx: DbOrTx,
  clock: Clock,
  c: ConsultRow,
  body: Extract<Action, { action: 'answer' }>,
  actor: Actor,
  event: (text: string) => ConsultEvent[],
): Promise<string> {
  if (body.answeredOn < c.receivedOn) throw invalid('答复日期不能早于收到日期');
  if (body.answeredOn > today(clock)) throw invalid('答复日期不能晚于今天');
  const onTime = replyOnTime(c.answerDue, body.answeredOn);
  await updateConsultation(tx, c.id, {
    status: 'answered',
    answer: body.answer.trim(),
    answeredOn: body.answeredOn,
    answeredBy: actor.username,
    onTime,
    history: event(`答复（${body.answeredOn}）${onTime ? '' : `，超过期限 ${c.answerDue}，记为逾期答复`}`),
  });
  return onTime ? 'on time' : 'late';
}

/** The citizen rates the answer with the query code; the rating closes the consultation. */
export async function rateByCode(
  database: Database,
  clock: Clock,
  actor: Actor,
  code: string,
  satisfaction: Satisfaction,
  note: string | null,
): Promise<void> {
  await database.db.transaction(async (tx) => {
    const found = await consultByCode(tx, code.trim().toUpperCase());
    if (!found) throw notFound('查询码对应的咨询');
    const c = (await lockConsultation(tx, found.c.id))!;
    if (!canRate(c.status, !!c.satisfaction)) throw invalid('该咨询尚未答复或已评价');
    await updateConsultation(tx, c.id, {
      satisfaction,
      satisfactionNote: note?.trim().slice(0, 500) || null,
      status: 'closed',
      history: [
        ...c.history,
        { at: clock.now().toISOString(), by: '咨询人', text: `评价：${SATISFACTION_LABELS[satisfaction]}` },
      ],
    });
    await audit(tx, actor, {
      action: 'interaction.consult.rate',
      objectType: 'consultation',
      objectId: c.id,
      detail: satisfaction,
    });
  });
}
