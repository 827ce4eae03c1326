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
  publicationOf,
  repeatedLetter,
  replyOnTime,
  replyStatus,
  sensitiveHits,
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
import { ensureMailboxes, letterDueFor, letterRepeatDays, sensitiveWords } from './mailbox';
import { type Acting, actOn, reviewReply } from './records';
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

/** What the portal shows after a post: a new letter, or the earlier one it was linked to. */
export type WrittenLetter =
  | { linked: false; letterNo: string; queryCode: string; replyDue: string; mailboxName: string }
  | { linked: true; letterNo: string; receivedOn: string };

/**
 * A citizen's letter from the portal, received today and held by the mailbox's unit. An alike letter of the same
 * writer (phone) within the window is linked to the unreplied one instead — its text kept in that letter's history,
 * nothing dropped; the earlier query code is not repeated (a phone number and the text must not reveal it). A
 * sensitive word marks the letter for manual review (list flag and history); it is never refused for it.
 */
export function writeOnPortal(
  database: Database,
  clock: Clock,
  keys: FieldKeys,
  actor: Actor,
  input: LetterInput,
  /** The form's one-time request id: a resubmission with it answers the first letter and stores nothing. */
  requestKey: string | null = null,
): Promise<WrittenLetter> {
  return database.db.transaction(
    async (tx) =>
      (await once(tx, PORTAL_SCOPE, requestKey, clock.now(), () => writeInTx(tx, clock, keys, actor, input)))
        .value,
  );
}

const PORTAL_SCOPE = 'xx';

/** What a portal form's request id already created (a resubmitted form), or null. */
export const priorPortalLetter = (database: Database, requestKey: string | null) =>
  priorResult<WrittenLetter>(database.db, PORTAL_SCOPE, requestKey);

async function writeInTx(
  tx: DbOrTx,
  clock: Clock,
  keys: FieldKeys,
  actor: Actor,
  input: LetterInput,
): Promise<WrittenLetter> {
  const asOf = today(clock);
  const at = clock.now().toISOString();
  await ensureMailboxes(tx);
  const box = await mailboxById(tx, input.mailboxId);
  if (!box?.m.enabled) throw invalid('请选择信箱', { fields: { mailboxId: '请选择信箱' } });
  const writerKey = writerKeyOf(keys, input.writerPhone);
  const earlier = repeatedLetter(
    input.body,
    await openLettersOfWriter(tx, writerKey),
    asOf,
    await letterRepeatDays(tx),
  );
  const l = earlier ? await lockLetter(tx, earlier.id) : null;
  if (l) {
    await updateLetter(tx, l.id, {
      history: [
        ...l.history,
        {
          at,
          by: '写信人',
          text: `再次来信（${asOf}，内容相近，并入本件办理）：${input.subject.trim()}。${input.body.trim()}`,
        },
      ],
      updatedAt: clock.now(),
    });
    await audit(tx, actor, {
      action: 'interaction.letter.link',
      objectType: 'letter',
      objectId: l.id,
      detail: `${l.letterNo} 同一写信人内容相近的来信并入`,
    });
    return { linked: true, letterNo: l.letterNo, receivedOn: l.receivedOn };
  }
  const hits = sensitiveHits(`${input.subject}\n${input.body}`, await sensitiveWords(tx));
  const history: LetterEvent[] = [
    { at, by: '写信人', text: `来信（${asOf}），${box.m.name}收件，交 ${box.unitName} 办理` },
    ...(hits.length
      ? [
          {
            at,
            by: '系统',
            text: `来信含敏感词“${hits.join('”“')}”，已标记人工审核（照常办理，不得选登公开）`,
          },
        ]
      : []),
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
    detail: `${row.letterNo} ${input.type}${input.consent ? ' 同意公开' : ''}${hits.length ? ' 含敏感词待人工审核' : ''}`,
  });
  return {
    linked: false,
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
  return reviewReply(database, clock, actor, (action) => letterActing(user, id, action), body.action, {
    due: (l) => l.replyDue,
    returned: (tx, l, event) =>
      updateLetter(tx, l.id, {
        status: 'open',
        reviewNote: body.note,
        history: event(`退回修改：${body.note}`),
      }),
    approved: (tx, l, event, { on, onTime, late }) =>
      updateLetter(tx, l.id, {
        status: 'replied',
        reply: l.draftReply,
        draftReply: null,
        repliedOn: on,
        onTime,
        reviewNote: body.note ?? null,
        history: event(`审核通过，答复（${on}）${late}`),
      }),
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
