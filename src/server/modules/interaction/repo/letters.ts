// SQL of the mailboxes and letters (interaction_mailboxes, interaction_letters). Unit names through the org face,
// scope in SQL.
import { and, asc, desc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import type { LetterStatus, LetterType } from '../../../../domain/interaction/letter';
import type { DbOrTx } from '../../../db/client';
import { anyContains } from '../../../db/filters';
import { updateById } from '../../../db/lock';
import { pageOf } from '../../../db/pages';
import { consultations, letters, mailboxes } from '../../../db/schema/interaction';
import { scopeFilter, unitNameSql, unitSortSql } from '../../org';
import type { Scoped } from './consultations';
import { recordReads, recordWrites } from './records';

export type LetterRow = typeof letters.$inferSelect;
export type MailboxRow = typeof mailboxes.$inferSelect;

export interface LetterFilter {
  keyword?: string;
  status?: LetterStatus;
  type?: LetterType;
  mailboxId?: string;
  overdue?: boolean;
  published?: boolean;
  month?: string;
}

// ---- mailboxes ----

const mailboxWithUnit = { m: mailboxes, unitName: unitNameSql(mailboxes.unitId) };

export function mailboxRows(db: DbOrTx, enabledOnly = false) {
  return db
    .select(mailboxWithUnit)
    .from(mailboxes)
    .where(enabledOnly ? eq(mailboxes.enabled, true) : undefined)
    .orderBy(sql`${mailboxes.kind} <> 'head'`, unitSortSql(mailboxes.unitId), asc(mailboxes.name));
}

export async function mailboxById(db: DbOrTx, id: string) {
  const [r] = await db.select(mailboxWithUnit).from(mailboxes).where(eq(mailboxes.id, id));
  return r ?? null;
}

/** The mailbox of kind `unit` of a unit (its review setting applies to the letters it holds). */
export async function unitMailbox(db: DbOrTx, unitId: string): Promise<MailboxRow | null> {
  const [r] = await db
    .select()
    .from(mailboxes)
    .where(and(eq(mailboxes.unitId, unitId), eq(mailboxes.kind, 'unit')));
  return r ?? null;
}

/** True when a mailbox held by the unit (its own or the 区长信箱) asks for reply review. */
export async function unitReviewsReplies(db: DbOrTx, unitId: string): Promise<boolean> {
  const rows = await db
    .select({ id: mailboxes.id })
    .from(mailboxes)
    .where(and(eq(mailboxes.unitId, unitId), eq(mailboxes.reviewRequired, true)))
    .limit(1);
  return rows.length > 0;
}

export async function insertMailboxes(tx: DbOrTx, rows: (typeof mailboxes.$inferInsert)[]): Promise<void> {
  if (rows.length) await tx.insert(mailboxes).values(rows).onConflictDoNothing();
}

export async function updateMailbox(tx: DbOrTx, id: string, set: Partial<MailboxRow>): Promise<void> {
  await updateById(tx, mailboxes, id, set);
}

// ---- letters ----

export const {
  nextNo: nextLetterNo,
  insert: insertLetter,
  update: updateLetter,
  lock: lockLetter,
} = recordWrites(letters, 'XX', 'letter');

const withNames = {
  l: letters,
  unitName: unitNameSql(letters.unitId),
  mailboxName: sql<string>`(SELECT m.name FROM interaction_mailboxes m WHERE m.id = ${letters.mailboxId})`,
};

function where(user: Scoped, q: LetterFilter, asOf: string): SQL | undefined {
  const conds: (SQL | undefined)[] = [scopeFilter(user, letters.unitId)];
  if (q.keyword) conds.push(anyContains(q.keyword, letters.subject, letters.body, letters.letterNo));
  if (q.status) conds.push(eq(letters.status, q.status));
  if (q.type) conds.push(eq(letters.type, q.type));
  if (q.mailboxId) conds.push(eq(letters.mailboxId, q.mailboxId));
  if (q.overdue) conds.push(sql`${letters.status} <> 'replied' AND ${letters.replyDue} < ${asOf}`);
  if (q.published !== undefined) conds.push(eq(letters.published, q.published));
  if (q.month) conds.push(sql`to_char(${letters.receivedOn}, 'YYYY-MM') = ${q.month}`);
  return and(...conds);
}

/** letterPage: the letters in the user's scope, unreplied ones by due date first. */
export const {
  page: letterPage,
  byId: letterById,
  byCode: letterByCode,
} = recordReads(
  letters,
  withNames,
  where,
  [sql`${letters.status} = 'replied'`, letters.replyDue, desc(letters.createdAt)],
  letters.queryCode,
);

/** Unreplied letters of the same writer (duplicate detection). */
export function openLettersOfWriter(db: DbOrTx, writerKey: string) {
  return db
    .select({
      id: letters.id,
      letterNo: letters.letterNo,
      body: letters.body,
      receivedOn: letters.receivedOn,
    })
    .from(letters)
    .where(and(eq(letters.writerKey, writerKey), inArray(letters.status, ['open', 'reviewing'])));
}

/** Unreplied letters (to-dos, calendar changes). */
export function unrepliedLetters(db: DbOrTx, user?: Scoped) {
  return db
    .select(withNames)
    .from(letters)
    .where(
      and(
        inArray(letters.status, ['open', 'reviewing']),
        user ? scopeFilter(user, letters.unitId) : undefined,
      ),
    )
    .orderBy(letters.replyDue);
}

/** Published letters, newest reply first, with an optional search over the published (masked) text. */
export async function publishedLetters(db: DbOrTx, q: { search?: string; page: number; pageSize: number }) {
  const conds: (SQL | undefined)[] = [eq(letters.published, true)];
  if (q.search)
    conds.push(
      anyContains(q.search, letters.publishedSubject, letters.publishedBody, letters.publishedReply),
    );
  const w = and(...conds);
  return pageOf(
    db,
    letters,
    {
      letterNo: letters.letterNo,
      type: letters.type,
      mailboxName: withNames.mailboxName,
      unitName: withNames.unitName,
      subject: letters.publishedSubject,
      body: letters.publishedBody,
      reply: letters.publishedReply,
      receivedOn: letters.receivedOn,
      repliedOn: letters.repliedOn,
    },
    w,
    [desc(letters.repliedOn), desc(letters.letterNo)],
    q,
  );
}

// ---- statistics ----

const between = (
  col: typeof letters.receivedOn | typeof consultations.receivedOn,
  from: string,
  to: string,
) => sql`${col} BETWEEN ${from} AND ${to}`;

/** The period's letters in scope (only what the statistics need). */
export function letterFacts(db: DbOrTx, user: Scoped | null, from: string, to: string) {
  return db
    .select({
      receivedOn: letters.receivedOn,
      repliedOn: letters.repliedOn,
      onTime: letters.onTime,
      type: letters.type,
      unitName: withNames.unitName,
    })
    .from(letters)
    .where(and(user ? scopeFilter(user, letters.unitId) : undefined, between(letters.receivedOn, from, to)));
}

/** The period's consultations in scope (only what the statistics need). */
export function consultFacts(db: DbOrTx, user: Scoped | null, from: string, to: string) {
  return db
    .select({
      receivedOn: consultations.receivedOn,
      repliedOn: consultations.answeredOn,
      onTime: consultations.onTime,
      unitName: unitNameSql(consultations.unitId),
    })
    .from(consultations)
    .where(
      and(
        user ? scopeFilter(user, consultations.unitId) : undefined,
        between(consultations.receivedOn, from, to),
      ),
    );
}
