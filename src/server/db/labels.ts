// id → a label for the rows of a table with the given ids: the names the audit log and the lists show for rows
// they only know by id. Unknown ids are left out.
import { inArray } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { DbOrTx } from './client';

export async function labelsById<L extends PgColumn>(
  db: DbOrTx,
  table: PgTable & { id: PgColumn },
  label: L,
  ids: readonly string[],
  format: (value: L['_']['data']) => string = String,
): Promise<Map<string, string>> {
  if (!ids.length) return new Map();
  const rows = await db
    .select({ id: table.id, label })
    .from(table)
    .where(inArray(table.id, [...new Set(ids)]));
  return new Map(rows.map((r) => [r.id as string, format(r.label)]));
}
