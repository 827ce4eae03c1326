// SQL of information items, their attachments and review history (the disclosure tables only).
import { and, asc, desc, eq, inArray, isNotNull, lte, ne, sql } from 'drizzle-orm';
import type { Finding } from '../../../../domain/review/types';
import type { DbOrTx } from '../../../db/client';
import { lockAndLoad } from '../../../db/lock';
import { countWhere } from '../../../db/pages';
import { labelsById, rowsOf } from '../../../db/reads';
import {
  disclosureAttachments,
  disclosureItems,
  disclosureReviewSteps,
  disclosureSearch,
} from '../../../db/schema/disclosure';

export type Item = typeof disclosureItems.$inferSelect;
export type NewItem = typeof disclosureItems.$inferInsert;
export type Attachment = typeof disclosureAttachments.$inferSelect;

const UUID = /^[0-9a-f-]{36}$/i;

/** The item (not locked), or null; a malformed id is simply not found. */
export async function findItem(db: DbOrTx, id: string): Promise<Item | null> {
  if (!UUID.test(id)) return null;
  const [row] = await db.select().from(disclosureItems).where(eq(disclosureItems.id, id));
  return row ?? null;
}

/** The item locked for the rest of the transaction (lock, then load), or null. */
export async function lockItem(tx: DbOrTx, id: string): Promise<Item | null> {
  if (!UUID.test(id)) return null;
  return lockAndLoad(tx, disclosureItems, id);
}

export async function insertItem(tx: DbOrTx, values: NewItem): Promise<Item> {
  const [row] = await tx.insert(disclosureItems).values(values).returning();
  return row!;
}

export async function updateItemRow(tx: DbOrTx, id: string, set: Partial<NewItem>): Promise<Item> {
  const [row] = await tx.update(disclosureItems).set(set).where(eq(disclosureItems.id, id)).returning();
  return row!;
}

export async function setItemFindings(tx: DbOrTx, id: string, findings: Finding[]): Promise<void> {
  await tx.update(disclosureItems).set({ findings }).where(eq(disclosureItems.id, id));
}

/** Some version of the policy `rootId` exists (an interpretation must point at a real policy). */
export async function rootExists(db: DbOrTx, rootId: string): Promise<boolean> {
  const [r] = await db
    .select({ id: disclosureItems.id })
    .from(disclosureItems)
    .where(eq(disclosureItems.rootId, rootId))
    .limit(1);
  return !!r;
}

/** A version of `rootId` still on its way (draft, in review, returned, scheduled). */
export async function openVersionOf(tx: DbOrTx, rootId: string): Promise<boolean> {
  const [r] = await tx
    .select({ id: disclosureItems.id })
    .from(disclosureItems)
    .where(
      and(
        eq(disclosureItems.rootId, rootId),
        inArray(disclosureItems.status, ['draft', 'in_review', 'returned', 'scheduled']),
      ),
    )
    .limit(1);
  return !!r;
}

export async function maxVersionOf(tx: DbOrTx, rootId: string): Promise<number> {
  const [{ v } = { v: 1 }] = await tx
    .select({ v: sql<number>`max(version)::int` })
    .from(disclosureItems)
    .where(eq(disclosureItems.rootId, rootId));
  return v;
}

/** Marks the other published versions of `rootId` superseded (a correction replaces them everywhere). */
export async function supersedeOthers(tx: DbOrTx, rootId: string, keepId: string): Promise<void> {
  const gone = await tx
    .update(disclosureItems)
    .set({ status: 'superseded' })
    .where(
      and(
        eq(disclosureItems.rootId, rootId),
        ne(disclosureItems.id, keepId),
        eq(disclosureItems.status, 'published'),
      ),
    )
    .returning({ id: disclosureItems.id });
  if (gone.length)
    await tx.delete(disclosureSearch).where(
      inArray(
        disclosureSearch.itemId,
        gone.map((g) => g.id),
      ),
    );
}

export async function versionsOf(db: DbOrTx, rootId: string) {
  return db
    .select({ id: disclosureItems.id, version: disclosureItems.version, status: disclosureItems.status })
    .from(disclosureItems)
    .where(eq(disclosureItems.rootId, rootId))
    .orderBy(asc(disclosureItems.version));
}

/** Interpretations of the policy `rootId` (not superseded ones; with `publishedOnly`, only published ones). */
export async function interpretationsOf(db: DbOrTx, rootId: string, publishedOnly = false) {
  return db
    .select({
      id: disclosureItems.id,
      title: disclosureItems.title,
      status: disclosureItems.status,
      form: disclosureItems.interpretationForm,
    })
    .from(disclosureItems)
    .where(
      and(
        eq(disclosureItems.policyRootId, rootId),
        publishedOnly ? eq(disclosureItems.status, 'published') : ne(disclosureItems.status, 'superseded'),
      ),
    );
}

/** The latest version of `rootId` that is not superseded (with `publishedOnly`: the published one). */
export async function currentVersionOf(db: DbOrTx, rootId: string, publishedOnly = false) {
  const [r] = await db
    .select({ id: disclosureItems.id, title: disclosureItems.title, status: disclosureItems.status })
    .from(disclosureItems)
    .where(
      and(
        eq(disclosureItems.rootId, rootId),
        publishedOnly ? eq(disclosureItems.status, 'published') : ne(disclosureItems.status, 'superseded'),
      ),
    )
    .orderBy(desc(disclosureItems.version))
    .limit(1);
  return r ?? null;
}

/** Items whose scheduled time has come. */
export async function dueItems(db: DbOrTx, now: Date): Promise<Item[]> {
  return db
    .select()
    .from(disclosureItems)
    .where(and(eq(disclosureItems.status, 'scheduled'), lte(disclosureItems.publishAt, now)));
}

/** In-force normative documents whose 有效期 ended before `today` become expired; returns them. */
export async function expireNormativeRows(tx: DbOrTx, today: string) {
  return tx
    .update(disclosureItems)
    .set({ validity: 'expired' })
    .where(
      and(
        eq(disclosureItems.kind, 'normative'),
        eq(disclosureItems.validity, 'in_force'),
        isNotNull(disclosureItems.expiryDate),
        sql`${disclosureItems.expiryDate} < ${today}`,
      ),
    )
    .returning({ id: disclosureItems.id, title: disclosureItems.title });
}

// ---------- attachments ----------

export const attachmentsOf = (db: DbOrTx, itemId: string): Promise<Attachment[]> =>
  rowsOf(db, disclosureAttachments, disclosureAttachments.itemId, itemId, asc(disclosureAttachments.sort));

export async function findAttachment(db: DbOrTx, id: string): Promise<Attachment | null> {
  if (!UUID.test(id)) return null;
  const [a] = await db.select().from(disclosureAttachments).where(eq(disclosureAttachments.id, id));
  return a ?? null;
}

export const countAttachments = (tx: DbOrTx, itemId: string): Promise<number> =>
  countWhere(tx, disclosureAttachments, eq(disclosureAttachments.itemId, itemId));

export async function insertAttachment(tx: DbOrTx, values: typeof disclosureAttachments.$inferInsert) {
  const [a] = await tx.insert(disclosureAttachments).values(values).returning();
  return a!;
}

export async function deleteAttachment(tx: DbOrTx, itemId: string, id: string): Promise<Attachment | null> {
  const [a] = await tx
    .delete(disclosureAttachments)
    .where(and(eq(disclosureAttachments.id, id), eq(disclosureAttachments.itemId, itemId)))
    .returning();
  return a ?? null;
}

export async function updateAttachment(
  tx: DbOrTx,
  id: string,
  set: Partial<typeof disclosureAttachments.$inferInsert>,
): Promise<void> {
  await tx.update(disclosureAttachments).set(set).where(eq(disclosureAttachments.id, id));
}

// ---------- review history ----------

export async function insertStep(
  tx: DbOrTx,
  itemId: string,
  user: { id: string | null; name: string | null },
  action: string,
  comment: string | null,
  levelName: string | null,
  at: Date,
): Promise<void> {
  await tx.insert(disclosureReviewSteps).values({
    itemId,
    action,
    userId: user.id,
    userName: user.name,
    comment,
    levelName,
    at,
  });
}

export const historyOf = (db: DbOrTx, itemId: string) =>
  rowsOf(db, disclosureReviewSteps, disclosureReviewSteps.itemId, itemId, asc(disclosureReviewSteps.at));

/** Item titles by id (the audit log's object names). */
export const itemTitles = (db: DbOrTx, ids: string[]): Promise<Map<string, string>> =>
  labelsById(db, disclosureItems, disclosureItems.title, ids);
