// SQL of the catalog columns (one tree per unit).
import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { ColumnRow } from '../../../../contracts/disclosure';
import type { DbOrTx } from '../../../db/client';
import { countWhere, pageOf } from '../../../db/pages';
import { rowsOf } from '../../../db/reads';
import { disclosureColumns, disclosureItems, disclosureUnitSettings } from '../../../db/schema/disclosure';

export type Column = typeof disclosureColumns.$inferSelect;

export async function columnById(db: DbOrTx, id: string): Promise<Column | null> {
  const [c] = await db.select().from(disclosureColumns).where(eq(disclosureColumns.id, id));
  return c ?? null;
}

/**
 * The unit's column with this code (a standard column); with `only.top`, only a first-level one; with
 * `only.withItems`, only one that published items are filed in.
 */
export async function unitColumnByCode(
  db: DbOrTx,
  unitId: string,
  code: string,
  only: { top?: boolean; withItems?: boolean } = {},
): Promise<{ id: string } | null> {
  const [c] = await db
    .select({ id: disclosureColumns.id })
    .from(disclosureColumns)
    .where(
      and(
        eq(disclosureColumns.unitId, unitId),
        eq(disclosureColumns.code, code),
        only.top ? sql`${disclosureColumns.parentId} IS NULL` : undefined,
        only.withItems
          ? sql`EXISTS (SELECT 1 FROM disclosure_items i WHERE i.column_id = ${disclosureColumns.id} AND i.status = 'published')`
          : undefined,
      ),
    );
  return c ?? null;
}

/** Every column of the unit's catalog, in display order. */
export const columnsOfUnit = (db: DbOrTx, unitId: string): Promise<Column[]> =>
  rowsOf(
    db,
    disclosureColumns,
    disclosureColumns.unitId,
    unitId,
    asc(disclosureColumns.sort),
    asc(disclosureColumns.name),
  );

/** The unit's catalog with each column's count of published items. */
export async function columnRows(db: DbOrTx, unitId: string): Promise<ColumnRow[]> {
  return db
    .select({
      id: disclosureColumns.id,
      unitId: disclosureColumns.unitId,
      parentId: disclosureColumns.parentId,
      name: disclosureColumns.name,
      code: disclosureColumns.code,
      sort: disclosureColumns.sort,
      itemCount: sql<number>`(SELECT count(*)::int FROM disclosure_items i WHERE i.column_id = disclosure_columns.id AND i.status = 'published')`,
    })
    .from(disclosureColumns)
    .where(eq(disclosureColumns.unitId, unitId))
    .orderBy(asc(disclosureColumns.sort), asc(disclosureColumns.name));
}

export async function catalogSeeded(db: DbOrTx, unitId: string): Promise<boolean> {
  const [r] = await db
    .select({ s: disclosureUnitSettings.catalogSeeded })
    .from(disclosureUnitSettings)
    .where(eq(disclosureUnitSettings.unitId, unitId));
  return r?.s === true;
}

/** Serialises the seeding of one unit's catalog. */
export async function lockCatalogSeeding(tx: DbOrTx, unitId: string): Promise<void> {
  await tx.execute(sql`SELECT pg_advisory_xact_lock(7324501, hashtext(${unitId}))`);
}

export async function markCatalogSeeded(tx: DbOrTx, unitId: string): Promise<void> {
  await tx
    .insert(disclosureUnitSettings)
    .values({ unitId, catalogSeeded: true })
    .onConflictDoUpdate({ target: disclosureUnitSettings.unitId, set: { catalogSeeded: true } });
}

/** Inserts a column; null when a unique constraint already holds one like it. */
export async function insertColumn(
  tx: DbOrTx,
  values: typeof disclosureColumns.$inferInsert,
  ignoreConflict = false,
): Promise<Column | null> {
  const q = tx.insert(disclosureColumns).values(values);
  const [row] = await (ignoreConflict ? q.onConflictDoNothing() : q).returning();
  return row ?? null;
}

/** Gives a hand-made top-level column with a standard name its standard code; returns its id. */
export async function adoptTopColumn(tx: DbOrTx, unitId: string, name: string, code: string | null) {
  const [row] = await tx
    .update(disclosureColumns)
    .set({ code })
    .where(
      and(
        eq(disclosureColumns.unitId, unitId),
        sql`${disclosureColumns.parentId} IS NULL`,
        eq(disclosureColumns.name, name),
      ),
    )
    .returning({ id: disclosureColumns.id });
  return row?.id ?? null;
}

export async function updateColumnRow(
  tx: DbOrTx,
  id: string,
  set: Partial<typeof disclosureColumns.$inferInsert>,
) {
  await tx.update(disclosureColumns).set(set).where(eq(disclosureColumns.id, id));
}

export async function deleteColumnRow(tx: DbOrTx, id: string): Promise<void> {
  await tx.delete(disclosureColumns).where(eq(disclosureColumns.id, id));
}

/** A sibling with this name exists under `parentId` (other than `not`). */
export async function sameLevelTaken(
  tx: DbOrTx,
  unitId: string,
  parentId: string | null,
  name: string,
  not?: string,
): Promise<boolean> {
  const r = await tx.execute(
    sql`SELECT 1 FROM disclosure_columns WHERE unit_id = ${unitId}::uuid AND parent_id IS NOT DISTINCT FROM ${parentId}::uuid AND name = ${name} ${not ? sql`AND id <> ${not}::uuid` : sql``}`,
  );
  return r.rows.length > 0;
}

export const childCount = (tx: DbOrTx, id: string): Promise<number> =>
  countWhere(tx, disclosureColumns, eq(disclosureColumns.parentId, id));

/** Items filed in the column (any status). */
export const itemCountInColumn = (tx: DbOrTx, id: string): Promise<number> =>
  countWhere(tx, disclosureItems, eq(disclosureItems.columnId, id));

/** Units (other than `unitId`) that have a catalog. */
export async function otherCatalogUnits(tx: DbOrTx, unitId: string): Promise<string[]> {
  const rows = await tx
    .selectDistinct({ unitId: disclosureColumns.unitId })
    .from(disclosureColumns)
    .where(sql`${disclosureColumns.unitId} <> ${unitId}::uuid`);
  return rows.map((r) => r.unitId);
}

/** Published items of some columns, newest first, one page. */
export async function publishedInColumns(db: DbOrTx, columnIds: string[], page: number, size: number) {
  const where = and(eq(disclosureItems.status, 'published'), inArray(disclosureItems.columnId, columnIds));
  return pageOf(
    db,
    disclosureItems,
    {
      id: disclosureItems.id,
      title: disclosureItems.title,
      publishDate: disclosureItems.publishDate,
      indexNo: disclosureItems.indexNo,
      summary: disclosureItems.summary,
      publishedAt: disclosureItems.publishedAt,
    },
    where,
    [desc(disclosureItems.publishDate), desc(disclosureItems.publishedAt)],
    { page, pageSize: size },
  );
}
