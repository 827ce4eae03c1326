// SQL of 规范性文件清理, stale citations and 合法性审核/备案审查: campaigns, their marks, the published documents.
import { and, asc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import type { ReviewDecision } from '../../../../domain/disclosure/normative-review';
import type { DbOrTx } from '../../../db/client';
import {
  normativeCampaigns as campaigns,
  disclosureItems as items,
  normativeLegalMarks as legal,
  normativeMarks as marks,
} from '../../../db/schema/disclosure';
import { unitNameSql, unitSortSql } from '../../org';

const publishedNormative = and(eq(items.kind, 'normative'), eq(items.status, 'published'));

/** Published normative documents (the current version of each), with what validityOn needs. */
export async function publishedNormativeDocs(db: DbOrTx, scope?: SQL) {
  return db
    .select({
      id: items.id,
      rootId: items.rootId,
      unitId: items.unitId,
      unitName: unitNameSql(items.unitId),
      title: items.title,
      docNumber: items.docNumber,
      writtenDate: items.writtenDate,
      validity: items.validity,
      effectiveDate: items.effectiveDate,
      expiryDate: items.expiryDate,
      repealedDate: items.repealedDate,
    })
    .from(items)
    .where(and(publishedNormative, scope))
    .orderBy(unitSortSql(items.unitId), asc(items.writtenDate));
}

/** Published items of any kind (title and text) that may cite a document. */
export async function publishedTexts(db: DbOrTx, scope?: SQL) {
  return db
    .select({
      id: items.id,
      rootId: items.rootId,
      kind: items.kind,
      title: items.title,
      bodyText: items.bodyText,
      policyRootId: items.policyRootId,
      unitName: unitNameSql(items.unitId),
    })
    .from(items)
    .where(and(eq(items.status, 'published'), scope));
}

export async function campaignList(db: DbOrTx) {
  return db
    .select({
      row: campaigns,
      total: sql<number>`count(${marks.id})::int`,
      marked: sql<number>`count(${marks.decision})::int`,
    })
    .from(campaigns)
    .leftJoin(marks, eq(marks.campaignId, campaigns.id))
    .groupBy(campaigns.id)
    .orderBy(sql`${campaigns.year} DESC`);
}

export async function findCampaign(db: DbOrTx, id: string) {
  return (await campaignList(db)).find((c) => c.row.id === id) ?? null;
}

export async function campaignOfYear(db: DbOrTx, year: number) {
  return (await campaignList(db)).find((c) => c.row.year === year) ?? null;
}

export async function insertCampaign(tx: DbOrTx, v: typeof campaigns.$inferInsert) {
  const [row] = await tx.insert(campaigns).values(v).returning();
  return row!;
}

export async function insertMarks(tx: DbOrTx, v: (typeof marks.$inferInsert)[]) {
  if (v.length) await tx.insert(marks).values(v);
}

export async function setCampaignPublished(tx: DbOrTx, id: string, on: string) {
  await tx.update(campaigns).set({ status: 'published', publishedOn: on }).where(eq(campaigns.id, id));
}

/** The campaign's marks with their document's current version (`unitScope` limits to units in scope). */
export async function marksOf(db: DbOrTx, campaignId: string, unitScope?: SQL) {
  return db
    .select({
      id: marks.id,
      itemRootId: marks.itemRootId,
      itemId: items.id,
      title: items.title,
      docNumber: items.docNumber,
      writtenDate: items.writtenDate,
      unitId: marks.unitId,
      unitName: unitNameSql(marks.unitId),
      decision: marks.decision,
      reason: marks.reason,
      markedAt: marks.markedAt,
    })
    .from(marks)
    .innerJoin(items, and(eq(items.rootId, marks.itemRootId), publishedNormative))
    .where(and(eq(marks.campaignId, campaignId), unitScope))
    .orderBy(unitSortSql(marks.unitId), asc(items.writtenDate));
}

export async function lockMark(tx: DbOrTx, id: string) {
  return (await tx.select().from(marks).where(eq(marks.id, id)).for('update'))[0] ?? null;
}

export async function setMark(
  tx: DbOrTx,
  id: string,
  v: { decision: ReviewDecision; reason: string | null; markedBy: string; markedAt: Date },
) {
  await tx.update(marks).set(v).where(eq(marks.id, id));
}

/** 废止 as the result of a campaign: the current published version of each document, on `on`. */
export async function repealDocs(tx: DbOrTx, rootIds: string[], on: string) {
  if (!rootIds.length) return;
  await tx
    .update(items)
    .set({ validity: 'repealed', repealedDate: on, updatedAt: new Date() })
    .where(and(inArray(items.rootId, rootIds), publishedNormative));
}

export async function legalMarks(db: DbOrTx, rootIds: string[]) {
  if (!rootIds.length) return [];
  return db.select().from(legal).where(inArray(legal.itemRootId, rootIds));
}

export async function upsertLegalMark(tx: DbOrTx, v: typeof legal.$inferInsert) {
  await tx
    .insert(legal)
    .values(v)
    .onConflictDoUpdate({ target: legal.itemRootId, set: { ...v, updatedAt: new Date() } });
}
