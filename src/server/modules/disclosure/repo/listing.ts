// SQL of the staff listings and statistics of items.
import { and, desc, eq, ilike, inArray, ne, or, type SQL, sql } from 'drizzle-orm';
import type { itemListQuery } from '../../../../contracts/disclosure';
import type { ItemStatus } from '../../../../domain/disclosure/workflow';
import type { DbOrTx } from '../../../db/client';
import { pageOf } from '../../../db/pages';
import { disclosureAttachments, disclosureColumns, disclosureItems } from '../../../db/schema/disclosure';
import { scopeFilter, unitNameSql } from '../../org';

type Scoped = Parameters<typeof scopeFilter>[0];

export type ItemListQuery = ReturnType<typeof itemListQuery.parse>;

/** A page of items (never superseded versions) matching the query, within the user's data scope. */
export async function itemPage(
  db: DbOrTx,
  user: Scoped & { id: string },
  q: ItemListQuery,
  inbox: { distinctReviewers: boolean } = { distinctReviewers: true },
) {
  const userId = user.id;
  const conds: (SQL | undefined)[] = [
    scopeFilter(user, disclosureItems.unitId),
    ne(disclosureItems.status, 'superseded'),
  ];
  if (q.status) conds.push(inArray(disclosureItems.status, q.status.split(',') as ItemStatus[]));
  if (q.kind) conds.push(eq(disclosureItems.kind, q.kind));
  if (q.unitId) conds.push(eq(disclosureItems.unitId, q.unitId));
  if (q.q)
    conds.push(or(ilike(disclosureItems.title, `%${q.q}%`), ilike(disclosureItems.indexNo, `%${q.q}%`)));
  if (q.inbox) {
    // Review inbox: the items the reviewer may approve now (the rules of transition 'approve'): waiting at a
    // level, not their own, and — when each level needs a different person — not one they already approved.
    conds.push(eq(disclosureItems.status, 'in_review'), ne(disclosureItems.createdBy, userId));
    if (inbox.distinctReviewers) conds.push(sql`NOT (${userId}::uuid = ANY(${disclosureItems.approvedBy}))`);
  }
  const where = and(...conds);
  const { rows, total } = await pageOf(
    db,
    disclosureItems,
    {
      id: disclosureItems.id,
      rootId: disclosureItems.rootId,
      version: disclosureItems.version,
      kind: disclosureItems.kind,
      title: disclosureItems.title,
      indexNo: disclosureItems.indexNo,
      status: disclosureItems.status,
      level: disclosureItems.level,
      unitId: disclosureItems.unitId,
      unitName: unitNameSql(disclosureItems.unitId),
      columnId: disclosureItems.columnId,
      writtenDate: disclosureItems.writtenDate,
      formedDate: disclosureItems.formedDate,
      publishDate: disclosureItems.publishDate,
      publishAt: disclosureItems.publishAt,
      validity: disclosureItems.validity,
      expiryDate: disclosureItems.expiryDate,
      createdBy: disclosureItems.createdBy,
      updatedAt: disclosureItems.updatedAt,
      blocking: sql<number>`(SELECT count(*)::int FROM jsonb_array_elements(${disclosureItems.findings}) f WHERE (f->>'blocking')::boolean)`,
    },
    where,
    [desc(disclosureItems.updatedAt)],
    q,
  );
  return { total, rows };
}

/** What the console's item page shows of the attachments (no file contents). */
export async function attachmentSummaries(db: DbOrTx, itemId: string) {
  return db
    .select({
      id: disclosureAttachments.id,
      name: disclosureAttachments.name,
      size: disclosureAttachments.size,
      mime: disclosureAttachments.mime,
      findings: disclosureAttachments.findings,
    })
    .from(disclosureAttachments)
    .where(eq(disclosureAttachments.itemId, itemId))
    .orderBy(disclosureAttachments.sort);
}

/** Items published in `year` within the user's data scope: counts per unit and per column name, and their dates. */
export async function publishedInYear(db: DbOrTx, user: Scoped, year: number) {
  const where = and(
    scopeFilter(user, disclosureItems.unitId),
    inArray(disclosureItems.status, ['published']),
    sql`extract(year from ${disclosureItems.publishDate}) = ${year}`,
  );
  const byUnit = await db
    .select({
      unitId: disclosureItems.unitId,
      unitName: unitNameSql(disclosureItems.unitId),
      n: sql<number>`count(*)::int`,
    })
    .from(disclosureItems)
    .where(where)
    .groupBy(disclosureItems.unitId)
    .orderBy(desc(sql`count(*)`));
  // Each unit has its own catalog: the same column name across units counts as one row.
  const byColumn = await db
    .select({ columnName: disclosureColumns.name, n: sql<number>`count(*)::int` })
    .from(disclosureItems)
    .leftJoin(disclosureColumns, eq(disclosureColumns.id, disclosureItems.columnId))
    .where(where)
    .groupBy(disclosureColumns.name)
    .orderBy(desc(sql`count(*)`));
  const dated = await db
    .select({
      formed: sql<string | null>`coalesce(${disclosureItems.formedDate}, ${disclosureItems.writtenDate})`,
      publishDate: disclosureItems.publishDate,
    })
    .from(disclosureItems)
    .where(where);
  return { byUnit, byColumn, dated };
}

/** Published normative documents (optionally of one unit) with the dates their validity depends on. */
export async function publishedNormativeDates(db: DbOrTx, unitId?: string) {
  return db
    .select({
      validity: disclosureItems.validity,
      effectiveDate: disclosureItems.effectiveDate,
      expiryDate: disclosureItems.expiryDate,
      repealedDate: disclosureItems.repealedDate,
      issuedDate: sql<
        string | null
      >`coalesce(${disclosureItems.writtenDate}, ${disclosureItems.publishDate})`,
    })
    .from(disclosureItems)
    .where(
      and(
        eq(disclosureItems.kind, 'normative'),
        eq(disclosureItems.status, 'published'),
        unitId ? eq(disclosureItems.unitId, unitId) : undefined,
      ),
    );
}
