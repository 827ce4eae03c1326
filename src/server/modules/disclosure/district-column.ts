// Read service for the portal's 年报 page (reports): the district government's own top column of a standard code,
// when published items were filed in it besides the annual reports.
import { and, eq, isNull, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { disclosureColumns, disclosureItems } from '../../db/schema/disclosure';
import { rootUnit } from '../org';

export async function districtColumnWithItems(db: DbOrTx, code: string): Promise<string | null> {
  const root = await rootUnit(db);
  if (!root) return null;
  const [c] = await db
    .select({ id: disclosureColumns.id })
    .from(disclosureColumns)
    .where(
      and(
        eq(disclosureColumns.code, code),
        isNull(disclosureColumns.parentId),
        eq(disclosureColumns.unitId, root.id),
        sql`EXISTS (SELECT 1 FROM ${disclosureItems} i WHERE i.column_id = ${disclosureColumns.id} AND i.status = 'published')`,
      ),
    );
  return c?.id ?? null;
}
