// SQL of the 标准目录: versions, rows, bindings, and the published items in bound columns.
import { and, desc, eq, inArray, isNull } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/client';
import { countsBy, rowsOf } from '../../../db/reads';
import {
  directoryBindings,
  directoryRows,
  directoryVersions,
  disclosureItems,
} from '../../../db/schema/disclosure';

export type DirectoryRowRecord = typeof directoryRows.$inferSelect;

export async function currentVersion(db: DbOrTx) {
  const [v] = await db.select().from(directoryVersions).orderBy(desc(directoryVersions.version)).limit(1);
  return v ?? null;
}

export async function listVersions(db: DbOrTx) {
  const versions = await db.select().from(directoryVersions).orderBy(desc(directoryVersions.version));
  const rowCounts = await countsBy(db, directoryRows.versionId, directoryRows);
  const bindingCounts = await countsBy(db, directoryRows.versionId, directoryBindings, {
    join: { table: directoryRows, on: eq(directoryRows.id, directoryBindings.rowId) },
  });
  return versions.map((v) => ({
    ...v,
    rowCount: rowCounts.get(v.id) ?? 0,
    bindingCount: bindingCounts.get(v.id) ?? 0,
  }));
}

export const rowsOfVersion = (db: DbOrTx, versionId: string): Promise<DirectoryRowRecord[]> =>
  rowsOf(db, directoryRows, directoryRows.versionId, versionId, directoryRows.sort);

/** Bindings of a version's rows, optionally of some units only. */
export async function bindingsOfVersion(db: DbOrTx, versionId: string, unitIds?: readonly string[]) {
  return db
    .select({
      rowId: directoryBindings.rowId,
      unitId: directoryBindings.unitId,
      columnId: directoryBindings.columnId,
    })
    .from(directoryBindings)
    .innerJoin(directoryRows, eq(directoryRows.id, directoryBindings.rowId))
    .where(
      and(
        eq(directoryRows.versionId, versionId),
        unitIds ? inArray(directoryBindings.unitId, [...unitIds]) : undefined,
      ),
    );
}

export async function insertVersion(tx: DbOrTx, values: typeof directoryVersions.$inferInsert) {
  const [v] = await tx.insert(directoryVersions).values(values).returning();
  return v!;
}

export async function insertRow(tx: DbOrTx, values: typeof directoryRows.$inferInsert) {
  const [r] = await tx.insert(directoryRows).values(values).returning({ id: directoryRows.id });
  return r!.id;
}

export async function insertBindings(tx: DbOrTx, values: (typeof directoryBindings.$inferInsert)[]) {
  if (values.length) await tx.insert(directoryBindings).values(values).onConflictDoNothing();
}

/** Published (not withdrawn) items of the units in the given columns: the publications a row is judged on. */
export async function publishedInUnitColumns(
  db: DbOrTx,
  unitIds: readonly string[],
  columnIds: readonly string[],
) {
  if (!unitIds.length || !columnIds.length) return [];
  return db
    .select({
      id: disclosureItems.id,
      unitId: disclosureItems.unitId,
      columnId: disclosureItems.columnId,
      title: disclosureItems.title,
      publishDate: disclosureItems.publishDate,
      publishedAt: disclosureItems.publishedAt,
      formedDate: disclosureItems.formedDate,
      writtenDate: disclosureItems.writtenDate,
    })
    .from(disclosureItems)
    .where(
      and(
        eq(disclosureItems.status, 'published'),
        isNull(disclosureItems.withdrawnAt),
        inArray(disclosureItems.unitId, [...unitIds]),
        inArray(disclosureItems.columnId, [...columnIds]),
      ),
    );
}
