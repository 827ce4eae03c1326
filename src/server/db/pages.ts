// One way to read a list a page at a time: the page of an ordered query, and how many rows match in all.
import { count, type SQL } from 'drizzle-orm';
import type { PgColumn, PgSelect, PgTable, SelectedFields } from 'drizzle-orm/pg-core';
import type { SelectResultFields } from 'drizzle-orm/query-builders/select.types';
import type { DbOrTx } from './client';

export interface PageQuery {
  /** 1-based. */
  page: number;
  pageSize: number;
}

/** The page `q` of an ordered query (a dynamic one: `db.select()….orderBy(…).$dynamic()`). */
export const onePage = <T extends PgSelect>(query: T, q: PageQuery) =>
  query.limit(q.pageSize).offset((q.page - 1) * q.pageSize);

/** How many rows of the table match `where`. */
export async function countWhere(db: DbOrTx, table: PgTable, where: SQL | undefined): Promise<number> {
  const [r] = await db.select({ n: count() }).from(table).where(where);
  return r?.n ?? 0;
}

/** The page `q` of the rows of `table` matching `where`, as `fields`, in `order`; and how many match in all. */
export async function pageOf<F extends SelectedFields>(
  db: DbOrTx,
  table: PgTable,
  fields: F,
  where: SQL | undefined,
  order: (PgColumn | SQL)[],
  q: PageQuery,
): Promise<{ rows: SelectResultFields<F>[]; total: number }> {
  const total = await countWhere(db, table, where);
  const rows = await onePage(
    db
      .select(fields as SelectedFields)
      .from(table)
      .where(where)
      .orderBy(...order)
      .$dynamic(),
    q,
  );
  return { rows: rows as SelectResultFields<F>[], total };
}
