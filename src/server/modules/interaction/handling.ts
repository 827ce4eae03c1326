// Use case: handling a consultation — transfer (with a reason, no loop between two units), answer (a late answer is
// recorded as late, never refused; to review first when the holding unit requires reply review — the mailbox
// setting 答复需审核 of its unit), review (approve: the answer goes out today, late after the due date; return with a
// note), close, add the answer to the Q&A base (refused with a sensitive word, the question masked) — and the
// citizen's rating by query code.
import type { ConsultActionBody, ReplyReviewBody } from '../../../contracts/interaction';
import {
  awaitingReview,
  CONSULT_ACTION_LABELS,
  type ConsultAction,
  canRate,
  consultActions,
  replyOnTime,
  SATISFACTION_LABELS,
  type Satisfaction,
  transferRefusal,
} from '../../../domain/interaction/consultation';
import { qaPublication } from '../../../domain/interaction/qa-entry';
import type { Database, DbOrTx } from '../../db/client';
import { audit } from '../../platform/audit/audit';
import type { Actor, Clock } from '../../platform/context';
import { type FieldKeys, openedOrNull } from '../../platform/crypto/fields';
import { invalid, notFound } from '../../platform/errors';
import { getUnit, unitNames } from '../org';
import { today } from './clock';
import { consultInScope } from './consult-reads';
import { sensitiveWords } from './mailbox';
import { newEntry } from './qa-base';
import { type Acting, actOn, type Event, reviewReply } from './records';
import {
  type ConsultRow,
  consultByCode,
  lockConsultation,
  type Scoped,
  updateConsultation,
} from './repo/consultations';
import { unitReviewsReplies } from './repo/letters';

type Action = Extract<ConsultActionBody, { action: string }>;

/** How an action on a consultation in the user's scope is checked and audited. */
const consultActing = (user: Scoped, id: string, action: ConsultAction): Acting<ConsultRow> => ({
  inScope: (tx) => consultInScope(tx, user, id),
  lock: (tx) => lockConsultation(tx, id),
  allows: (c) => consultActions(c.status, !!c.qaEntryId, awaitingReview(c)).includes(action),
  label: CONSULT_ACTION_LABELS[action],
  audit: { action: `interaction.consult.${action}`, objectType: 'consultation', detail: (_c, d) => d },
});

export function actOnConsultation(
  database: Database,
  clock: Clock,
  keys: FieldKeys,
  actor: Actor,
  user: Scoped & { id: string },
  id: string,
  body: Action,
): Promise<void> {
  return actOn(database, clock, actor, consultActing(user, id, body.action), async (tx, c, event) => {
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
        // A citizen wrote the question: no sensitive word goes public, personal data is masked.
        const p = qaPublication(body, await sensitiveWords(tx), openedOrNull(keys, c.askerName));
        if (!p.ok) throw invalid(p.reasons.join('；'));
        const entry = await newEntry(tx, actor, user.id, {
          question: p.question,
          answer: p.answer,
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
    return detail;
  });
}

/** Approve an answer waiting for review (it goes out today: late after the due date) or return it with a note. */
export function reviewConsultation(
  database: Database,
  clock: Clock,
  actor: Actor,
  user: Scoped,
  id: string,
  body: ReplyReviewBody,
): Promise<void> {
  return reviewReply(database, clock, actor, (action) => consultActing(user, id, action), body.action, {
    due: (c) => c.answerDue,
    returned: (tx, c, event) =>
      updateConsultation(tx, c.id, {
        answer: null,
        answeredBy: null,
        history: event(`答复退回修改：${body.note}`, { draft: c.answer ?? '' }),
      }),
    approved: (tx, c, event, { on, onTime, late }) =>
      updateConsultation(tx, c.id, {
        status: 'answered',
        answeredOn: on,
        onTime,
        history: event(`答复审核通过，答复（${on}）${body.note ? `，审核意见：${body.note}` : ''}${late}`),
      }),
  });
}

async function transfer(
  tx: DbOrTx,
  c: ConsultRow,
  body: Extract<Action, { action: 'transfer' }>,
  event: Event,
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
  event: Event,
): Promise<string> {
  if (body.answeredOn < c.receivedOn) throw invalid('答复日期不能早于收到日期');
  if (body.answeredOn > today(clock)) throw invalid('答复日期不能晚于今天');
  if (await unitReviewsReplies(tx, c.unitId)) {
    // The answer date is the day a reviewer approves it; until then the clock runs.
    await updateConsultation(tx, c.id, {
      answer: body.answer.trim(),
      answeredBy: actor.username,
      history: event('拟写答复，提交审核'),
    });
    return 'to review';
  }
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
    const found = await consultByCode(tx, code);
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
