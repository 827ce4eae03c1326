// SQL of what the public portal reads: published items only (withdrawn ones for their notice).
import { and, asc, desc, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/client';
import { disclosureAttachments, disclosureItems } from '../../../db/schema/disclosure';
import { unitNameSql, unitSortSql } from '../../org';

const published = eq(disclosureItems.status, 'published');

/** unit id → count of its published items. */
export async function publishedCountByUnit(db: DbOrTx): Promise<Map<string, number>> {
  const rows = await db
    .select({ unitId: disclosureItems.unitId, n: sql<number>`count(*)::int` })
    .from(disclosureItems)
    .where(published)
    .groupBy(disclosureItems.unitId);
  return new Map(rows.map((r) => [r.unitId, r.n]));
}

export async function latestPublishedAt(db: DbOrTx): Promise<Date | null> {
  const [r] = await db
    .select({ at: sql<Date | null>`max(${disclosureItems.publishedAt})` })
    .from(disclosureItems)
    .where(published);
  return r?.at ? new Date(r.at) : null;
}

/** The published version of the document whose version `id` is (for 废止/替代 links). */
export async function publishedVersionOfItem(db: DbOrTx, id: string) {
  const [r] = await db
    .select({ id: disclosureItems.id, title: disclosureItems.title })
    .from(disclosureItems)
    .where(
      and(
        sql`${disclosureItems.rootId} = (SELECT root_id FROM disclosure_items WHERE id = ${id})`,
        published,
      ),
    );
  return r ?? null;
}

/** Attachments as the item page lists them. */
export async function attachmentLinks(db: DbOrTx, itemId: string) {
  return db
    .select({
      id: disclosureAttachments.id,
      name: disclosureAttachments.name,
      size: disclosureAttachments.size,
    })
    .from(disclosureAttachments)
    .where(eq(disclosureAttachments.itemId, itemId))
    .orderBy(asc(disclosureAttachments.sort));
}

export interface NormativeFilter {
  q?: string;
  unitId?: string;
  year?: number | null;
}

/** Published normative documents matching the filter, newest first (at most 500). */
export async function normativeRows(db: DbOrTx, f: NormativeFilter) {
  const conds = [eq(disclosureItems.kind, 'normative'), published];
  if (f.unitId) conds.push(eq(disclosureItems.unitId, f.unitId));
  if (f.year)
    conds.push(
      sql`extract(year from coalesce(${disclosureItems.writtenDate}, ${disclosureItems.publishDate})) = ${f.year}`,
    );
  if (f.q)
    conds.push(
      sql`(${disclosureItems.title} ILIKE ${`%${f.q}%`} OR ${disclosureItems.docNumber} ILIKE ${`%${f.q}%`})`,
    );
  return db
    .select({
      id: disclosureItems.id,
      title: disclosureItems.title,
      docNumber: disclosureItems.docNumber,
      writtenDate: disclosureItems.writtenDate,
      unitName: unitNameSql(disclosureItems.unitId),
      validity: disclosureItems.validity,
      expiryDate: disclosureItems.expiryDate,
      effectiveDate: disclosureItems.effectiveDate,
      repealedDate: disclosureItems.repealedDate,
      publishDate: disclosureItems.publishDate,
    })
    .from(disclosureItems)
    .where(and(...conds))
    .orderBy(desc(disclosureItems.writtenDate))
    .limit(500);
}

/** Units that have published something (with `normativeOnly`, a normative document), in display order. */
export async function publishingUnits(
  db: DbOrTx,
  normativeOnly = false,
): Promise<{ id: string; name: string }[]> {
  return db
    .select({ id: disclosureItems.unitId, name: unitNameSql(disclosureItems.unitId) })
    .from(disclosureItems)
    .where(and(published, normativeOnly ? eq(disclosureItems.kind, 'normative') : undefined))
    .groupBy(disclosureItems.unitId)
    .orderBy(unitSortSql(disclosureItems.unitId), unitNameSql(disclosureItems.unitId));
}

/** The newest published items (newest publish date first), optionally of one kind or below one standard code. */
export async function latestPublished(
  db: DbOrTx,
  f: { kind?: 'general' | 'normative' | 'interpretation'; columnCode?: string; limit: number },
) {
  return db
    .select({
      id: disclosureItems.id,
      title: disclosureItems.title,
      publishDate: disclosureItems.publishDate,
    })
    .from(disclosureItems)
    .where(
      and(
        published,
        f.kind ? eq(disclosureItems.kind, f.kind) : undefined,
        // A standard code covers the same column in every unit's catalog, and the columns below it.
        f.columnCode
          ? sql`${disclosureItems.columnId} IN (
              WITH RECURSIVE sub AS (
                SELECT id FROM disclosure_columns WHERE code = ${f.columnCode}
                UNION SELECT c.id FROM disclosure_columns c JOIN sub ON c.parent_id = sub.id)
              SELECT id FROM sub)`
          : undefined,
      ),
    )
    .orderBy(desc(disclosureItems.publishDate), desc(disclosureItems.publishedAt))
    .limit(f.limit);
}
