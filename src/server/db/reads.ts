// Small reads many modules make the same way: a label for rows known by id (the names the audit log and the lists
// show), the rows that belong to one record (its history, reports, rectifications …) in order, and how many rows
// each record has.
import { count, eq, inArray, type SQL } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { DbOrTx } from './client';

/** id → label of the rows with the given ids; unknown ids are left out. */
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

/** The rows of `table` whose `parent` column is `id`, in `order`. */
export function rowsOf<T extends PgTable>(
  db: DbOrTx,
  table: T,
  parent: PgColumn,
  id: string,
  ...order: (PgColumn | SQL)[]
): Promise<T['$inferSelect'][]> {
  return db
    .select()
    .from(table as PgTable)
    .where(eq(parent, id))
    .orderBy(...order) as Promise<T['$inferSelect'][]>;
}

/**
 * How many rows of `table` there are per value of `key` (key → count; a key without rows is absent): `key` is a
 * column of `table`, or of the parent table `join` joins it to (e.g. a plan's assignments, through its tasks).
 */
export async function countsBy(
  db: DbOrTx,
  key: PgColumn,
  table: PgTable,
  opts: { join?: { table: PgTable; on: SQL }; where?: SQL } = {},
): Promise<Map<string, number>> {
  const query = db.select({ key, n: count() }).from(table).$dynamic();
  const joined = opts.join ? query.innerJoin(opts.join.table, opts.join.on) : query;
  const rows = await joined.where(opts.where).groupBy(key);
  return new Map(rows.map((r) => [r.key as string, Number(r.n)]));
}
