// Reading letters: the list in the user's scope (the writer's name masked), the detail (the writer's contact in full
// for the unit's handlers, the read audited; what publication would show), the writer's view by query code, and
// the published letters of /hdjl/xx (only the masked text stored at publication).
import type { CurrentUser } from '../../../contracts/api';
import {
  LETTER_STATUS_LABELS,
  LETTER_TYPE_LABELS,
  type LetterDetail,
  type LetterSummary,
  type PublicationPreview,
} from '../../../contracts/interaction';
import {
  letterActions,
  letterOverdue,
  publicationOf,
  sensitiveHits,
} from '../../../domain/interaction/letter';
import { maskIdCard, maskName, maskPhone } from '../../../domain/privacy/mask';
import type { Database, DbOrTx } from '../../db/client';
import type { Actor, Clock } from '../../platform/context';
import { type FieldKeys, openedOrNull as opened } from '../../platform/crypto/fields';
import { today } from './clock';
import { sensitiveWords } from './mailbox';
import { inScope, publicStatus, seesPii, summaryList } from './records';
import type { Scoped } from './repo/consultations';
import { type LetterRow, letterByCode, letterById, letterPage, publishedLetters } from './repo/letters';

type WithNames = { l: LetterRow; unitName: string; mailboxName: string };

function summary(
  keys: FieldKeys,
  { l, unitName, mailboxName }: WithNames,
  asOf: string,
  words: readonly string[],
): LetterSummary {
  const name = opened(keys, l.writerName);
  return {
    id: l.id,
    letterNo: l.letterNo,
    mailboxName,
    type: l.type,
    subject: l.subject,
    writerName: name ? maskName(name) : null,
    unitId: l.unitId,
    unitName,
    status: l.status,
    receivedOn: l.receivedOn,
    replyDue: l.replyDue,
    repliedOn: l.repliedOn,
    overdue: letterOverdue(l.status, l.replyDue, asOf),
    onTime: l.onTime,
    consent: l.consent,
    published: l.published,
    sensitiveWords: sensitiveHits(`${l.subject}\n${l.body}`, words),
  };
}

export const listLetters = summaryList(letterPage, summary);

/** The letter if it is in the user's scope (404 when there is none or it is another unit's). */
export const letterInScope = async (db: DbOrTx, user: Scoped, id: string): Promise<WithNames> =>
  inScope(db, user, '信件', await letterById(db, id), (r) => r.l.unitId);

export async function getLetter(
  database: Database,
  clock: Clock,
  keys: FieldKeys,
  actor: Actor,
  user: Scoped & Pick<CurrentUser, 'permissions'>,
  id: string,
): Promise<LetterDetail> {
  const r = await letterInScope(database.db, user, id);
  const { l } = r;
  const phone = opened(keys, l.writerPhone);
  const idNo = opened(keys, l.writerIdNo);
  const full = await seesPii(database, actor, user, 'interaction:letter:handle', {
    objectType: 'letter',
    objectId: l.id,
    present: !!(phone || idNo),
  });
  const words = await sensitiveWords(database.db);
  let publication: PublicationPreview | null = null;
  if (l.consent && l.status === 'replied') {
    const p = publicationOf(
      {
        subject: l.subject,
        body: l.body,
        reply: l.reply,
        writerName: opened(keys, l.writerName),
        writerPhone: phone,
        writerIdNo: idNo,
        consent: l.consent,
        status: l.status,
      },
      words,
    );
    publication = p.ok
      ? { ok: true, reasons: [], subject: p.subject, body: p.body, reply: p.reply }
      : { ok: false, reasons: p.reasons, subject: null, body: null, reply: null };
  }
  return {
    ...summary(keys, r, today(clock), words),
    queryCode: l.queryCode,
    body: l.body,
    writerPhone: full ? phone : maskPhone(phone),
    writerIdNo: idNo ? (full ? idNo : maskIdCard(idNo)) : null,
    draftReply: l.draftReply,
    reviewNote: l.reviewNote,
    reply: l.reply,
    repliedBy: l.repliedBy,
    history: l.history.map((h) => ({ at: h.at, by: h.by, text: h.text })),
    allowedActions: letterActions(l.status, l),
    publication,
  };
}

/** What the writer reads with the query code: the letter, its state and the reply; no personal data. */
export async function letterByQueryCode(db: DbOrTx, clock: Clock, code: string) {
  const r = await letterByCode(db, code);
  if (!r) return null;
  const { l } = r;
  return {
    letterNo: l.letterNo,
    mailboxName: r.mailboxName,
    typeLabel: LETTER_TYPE_LABELS[l.type],
    subject: l.subject,
    body: l.body,
    unitName: r.unitName,
    receivedOn: l.receivedOn,
    replyDue: l.replyDue,
    // A reply under review is not the writer's to see yet: the letter is still 办理中.
    statusLabel: publicStatus(
      letterOverdue(l.status, l.replyDue, today(clock)),
      LETTER_STATUS_LABELS[l.status === 'reviewing' ? 'open' : l.status],
    ),
    reply: l.status === 'replied' ? l.reply : null,
    repliedOn: l.status === 'replied' ? l.repliedOn : null,
    published: l.published,
  };
}
export type PublicLetterStatus = NonNullable<Awaited<ReturnType<typeof letterByQueryCode>>>;

export const PUBLIC_LETTERS_PAGE = 20;

/** The published letters of /hdjl/xx: the masked text stored at publication, never the raw letter. */
export async function publicLetters(db: DbOrTx, q: { search?: string; page: number }) {
  const { rows, total } = await publishedLetters(db, { ...q, pageSize: PUBLIC_LETTERS_PAGE });
  return {
    total,
    items: rows.map((r) => ({
      letterNo: r.letterNo,
      typeLabel: LETTER_TYPE_LABELS[r.type],
      mailboxName: r.mailboxName,
      unitName: r.unitName,
      subject: r.subject ?? '',
      body: r.body ?? '',
      reply: r.reply ?? '',
      receivedOn: r.receivedOn,
      repliedOn: r.repliedOn,
    })),
  };
}
export type PublicLetter = Awaited<ReturnType<typeof publicLetters>>['items'][number];
