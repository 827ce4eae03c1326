// Use case: letters to the mailboxes — written on the portal (the writer's name, phone and ID sealed at rest, a
// duplicate of an unreplied letter refused), transferred without loops, replied (a late reply recorded as late, never
// refused; to review first when the holding unit's mailbox requires it), reviewed, and published or withdrawn: only
// with the writer's consent, after the reply, masked, and never with a sensitive word.
import type { LetterHandleBody, LetterReviewBody } from '../../../contracts/interaction';
import {
  LETTER_ACTION_LABELS,
  type LetterAction,
  type LetterType,
  letterActions,
  normaliseLetter,
  publicationOf,
  replyOnTime,
  replyStatus,
  transferRefusal,
} from '../../../domain/interaction/letter';
import type { Database, DbOrTx } from '../../db/client';
import type { LetterEvent } from '../../db/schema/interaction';
import { audit } from '../../platform/audit/audit';
import { newQueryCode } from '../../platform/codes';
import type { Actor, Clock } from '../../platform/context';
import { type FieldKeys, keyedHash, seal, unseal } from '../../platform/crypto/fields';
import { invalid, notFound } from '../../platform/errors';
import { once, priorResult } from '../../platform/idempotency';
import { getUnit, unitNames } from '../org';
import { today } from './clock';
import { letterInScope } from './letter-reads';
import { ensureMailboxes, letterDueFor, sensitiveWords } from './mailbox';
import { type Acting, actOn } from './records';
import type { Scoped } from './repo/consultations';
import {
  insertLetter,
  type LetterRow,
  lockLetter,
  mailboxById,
  nextLetterNo,
  openLettersOfWriter,
  unitMailbox,
  updateLetter,
} from './repo/letters';

export interface LetterInput {
  mailboxId: string;
  type: LetterType;
  subject: string;
  body: string;
  writerName: string;
  writerPhone: string;
  writerIdNo?: string | null;
  consent: boolean;
}

/** The key two letters of one writer share: their phone digits, hashed (never stored in clear). */
export const writerKeyOf = (keys: FieldKeys, phone: string) =>
  keyedHash(keys, `letter:${phone.replace(/\D/g, '')}`);

/** A citizen's letter from the portal, received today and held by the mailbox's unit. */
export function writeOnPortal(
  database: Database,
  clock: Clock,
  keys: FieldKeys,
  actor: Actor,
  input: LetterInput,
  /** The form's one-time request id: a resubmission with it answers the first letter and stores nothing. */
  requestKey: string | null = null,
): Promise<PortalLetter> {
  return database.db.transaction(
    async (tx) =>
      (await once(tx, PORTAL_SCOPE, requestKey, clock.now(), () => writeInTx(tx, clock, keys, actor, input)))
        .value,
  );
}

type PortalLetter = { letterNo: string; queryCode: string; replyDue: string; mailboxName: string };
const PORTAL_SCOPE = 'xx';

/** The letter a portal form's request id already created (a resubmitted form), or null. */
export const priorPortalLetter = (database: Database, requestKey: string | null) =>
  priorResult<PortalLetter>(database.db, PORTAL_SCOPE, requestKey);

async function writeInTx(
  tx: DbOrTx,
  clock: Clock,
  keys: FieldKeys,
  actor: Actor,
  input: LetterInput,
): Promise<PortalLetter> {
  const asOf = today(clock);
  await ensureMailboxes(tx);
  const box = await mailboxById(tx, input.mailboxId);
  if (!box?.m.enabled) throw invalid('请选择信箱', { fields: { mailboxId: '请选择信箱' } });
  const writerKey = writerKeyOf(keys, input.writerPhone);
  const norm = normaliseLetter(input.body);
  const dup = (await openLettersOfWriter(tx, writerKey)).find((l) => normaliseLetter(l.body) === norm);
  if (dup)
    throw invalid(
      `您已于 ${dup.receivedOn} 写过内容相同的信件，正在办理中，请勿重复提交；可使用当时获得的查询码查询办理情况`,
    );
  const history: LetterEvent[] = [
    {
      at: clock.now().toISOString(),
      by: '写信人',
      text: `来信（${asOf}），${box.m.name}收件，交 ${box.unitName} 办理`,
    },
  ];
  const row = await insertLetter(tx, {
    letterNo: await nextLetterNo(tx, asOf.slice(0, 4)),
    queryCode: newQueryCode(),
    mailboxId: box.m.id,
    type: input.type,
    subject: input.subject.trim(),
    body: input.body.trim(),
    writerName: seal(keys, input.writerName.trim()),
    writerPhone: seal(keys, input.writerPhone.trim()),
    writerIdNo: input.writerIdNo?.trim() ? seal(keys, input.writerIdNo.trim().toUpperCase()) : null,
    writerKey,
    consent: input.consent,
    unitId: box.m.unitId,
    receivedOn: asOf,
    replyDue: await letterDueFor(tx, asOf),
    history,
  });
  await audit(tx, actor, {
    action: 'interaction.letter.write',
    objectType: 'letter',
    objectId: row.id,
    detail: `${row.letterNo} ${input.type}${input.consent ? ' 同意公开' : ''}`,
  });
  return {
    letterNo: row.letterNo,
    queryCode: row.queryCode,
    replyDue: row.replyDue,
    mailboxName: box.m.name,
  };
}

/** How an action on a letter in the user's scope is checked and audited. */
const letterActing = (user: Scoped, id: string, action: LetterAction): Acting<LetterRow> => ({
  inScope: (tx) => letterInScope(tx, user, id),
  lock: (tx) => lockLetter(tx, id),
  allows: (l) => letterActions(l.status, l).includes(action),
  label: LETTER_ACTION_LABELS[action],
  audit: {
    action: `interaction.letter.${action}`,
    objectType: 'letter',
    detail: (l, d) => `${l.letterNo} ${d}`.trim(),
  },
});

/** Transfer (routing from the 区长信箱 included) or reply. */
export function handleLetter(
  database: Database,
  clock: Clock,
  actor: Actor,
  user: Scoped,
  id: string,
  body: LetterHandleBody,
): Promise<void> {
  if (body.action === 'transfer')
    return actOn(database, clock, actor, letterActing(user, id, 'transfer'), async (tx, l, event) => {
      const target = await getUnit(tx, body.unitId);
      if (!target) throw invalid('转办单位不存在');
      const steps = l.history.flatMap((h) => (h.transfer ? [h.transfer] : []));
      const names = await unitNames(tx, [l.unitId, body.unitId, ...steps.map((s) => s.from)]);
      const refusal = transferRefusal(l.unitId, body.unitId, steps, (u) => names.get(u) ?? '该单位');
      if (refusal) throw invalid(refusal.replace('该咨询', '该信件'));
      // The reply clock keeps running: the writer does not wait longer because the letter moved.
      await updateLetter(tx, l.id, {
        unitId: body.unitId,
        history: event(`转办至 ${target.name}：${body.reason}`, {
          transfer: { from: l.unitId, to: body.unitId, reason: body.reason },
        }),
      });
      return `${names.get(l.unitId) ?? ''} → ${target.name}`;
    });
  return actOn(database, clock, actor, letterActing(user, id, 'reply'), async (tx, l, event) => {
    if (body.repliedOn < l.receivedOn) throw invalid('答复日期不能早于来信日期');
    if (body.repliedOn > today(clock)) throw invalid('答复日期不能晚于今天');
    const box = await unitMailbox(tx, l.unitId);
    const review = !!box?.reviewRequired || (await headReview(tx, l));
    const status = replyStatus(review);
    if (status === 'reviewing') {
      await updateLetter(tx, l.id, {
        status,
        draftReply: body.reply.trim(),
        repliedBy: actor.username,
        reviewNote: null,
        history: event('拟写答复，提交审核'),
      });
      return 'to review';
    }
    const onTime = replyOnTime(l.replyDue, body.repliedOn);
    await updateLetter(tx, l.id, {
      status,
      reply: body.reply.trim(),
      draftReply: null,
      repliedOn: body.repliedOn,
      repliedBy: actor.username,
      onTime,
      history: event(`答复（${body.repliedOn}）${onTime ? '' : `，超过期限 ${l.replyDue}，记为逾期答复`}`),
    });
    return onTime ? 'on time' : 'late';
  });
}

/** A letter still held by the unit of the 区长信箱 follows that mailbox's review setting. */
async function headReview(tx: DbOrTx, l: LetterRow): Promise<boolean> {
  const box = await mailboxById(tx, l.mailboxId);
  return !!box && box.m.kind === 'head' && box.m.unitId === l.unitId && box.m.reviewRequired;
}

/** Approve (the reply goes out today; late if after the due date) or return with a reason. */
export function reviewLetter(
  database: Database,
  clock: Clock,
  actor: Actor,
  user: Scoped,
  id: string,
  body: LetterReviewBody,
): Promise<void> {
  if (body.action === 'return')
    return actOn(database, clock, actor, letterActing(user, id, 'return'), async (tx, l, event) => {
      await updateLetter(tx, l.id, {
        status: 'open',
        reviewNote: body.note,
        history: event(`退回修改：${body.note}`),
      });
      return 'returned';
    });
  return actOn(database, clock, actor, letterActing(user, id, 'approve'), async (tx, l, event) => {
    const on = today(clock);
    const onTime = replyOnTime(l.replyDue, on);
    await updateLetter(tx, l.id, {
      status: 'replied',
      reply: l.draftReply,
      draftReply: null,
      repliedOn: on,
      onTime,
      reviewNote: body.note ?? null,
      history: event(`审核通过，答复（${on}）${onTime ? '' : `，超过期限 ${l.replyDue}，记为逾期答复`}`),
    });
    return onTime ? 'on time' : 'late';
  });
}

/** The letter's text and its writer's data, unsealed, as the publication rule reads them. */
export function letterText(keys: FieldKeys, l: LetterRow) {
  const open = (v: string | null) => (v ? unseal(keys, v) : null);
  return {
    subject: l.subject,
    body: l.body,
    reply: l.reply,
    writerName: open(l.writerName),
    writerPhone: open(l.writerPhone),
    writerIdNo: open(l.writerIdNo),
    consent: l.consent,
    status: l.status,
  };
}

/** Publish (masked; refused with the officer's reasons) or withdraw a letter from /hdjl/xx. */
export async function setPublication(
  database: Database,
  clock: Clock,
  keys: FieldKeys,
  actor: Actor,
  user: Scoped,
  id: string,
  published: boolean,
): Promise<void> {
  const exists = await letterInScope(database.db, user, id);
  if (!exists) throw notFound('信件');
  if (!published)
    return actOn(database, clock, actor, letterActing(user, id, 'unpublish'), async (tx, _l, event) => {
      await updateLetter(tx, id, {
        published: false,
        publishedAt: null,
        publishedSubject: null,
        publishedBody: null,
        publishedReply: null,
        history: event('取消公开'),
      });
      return 'withdrawn';
    });
  const words = await sensitiveWords(database.db);
  return actOn(database, clock, actor, letterActing(user, id, 'publish'), async (tx, l, event) => {
    const p = publicationOf(letterText(keys, l), words);
    if (!p.ok) throw invalid(p.reasons.join('；'));
    await updateLetter(tx, l.id, {
      published: true,
      publishedAt: clock.now(),
      publishedSubject: p.subject,
      publishedBody: p.body,
      publishedReply: p.reply,
      history: event(`选登公开（已脱敏 ${p.masked} 处）`),
    });
    return `masked ${p.masked}`;
  });
}
