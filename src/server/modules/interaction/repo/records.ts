// What every numbered interaction record (consultation, letter, commitment, opinion event) reads and writes in the
// same form: its next yearly number, insert, update by id (updatedAt stamped) and lock-and-load; a page of its
// ledger and one record by id or by query code, with its unit's name.
import { eq, type SQL } from 'drizzle-orm';
import type { PgColumn, PgTable, SelectedFields } from 'drizzle-orm/pg-core';
import type { SelectResultFields } from 'drizzle-orm/query-builders/select.types';
import type { DbOrTx } from '../../../db/client';
import { lockAndLoad, updateById } from '../../../db/lock';
import { type PageQuery, pageOf } from '../../../db/pages';
import { nextYearNo } from '../../../platform/counters';

type RecordTable = PgTable & { id: PgColumn; updatedAt: PgColumn };

/** `prefix` and `series` of the yearly number (platform/counters: e.g. 'ZX', 'consultation'). */
export function recordWrites<T extends RecordTable>(table: T, prefix: string, series: string) {
  return {
    nextNo: (tx: DbOrTx, year: string): Promise<string> => nextYearNo(tx, prefix, series, year),
    insert: async (tx: DbOrTx, values: T['$inferInsert']): Promise<T['$inferSelect']> => {
      const [row] = await tx
        .insert(table as PgTable)
        .values(values)
        .returning();
      return row as T['$inferSelect'];
    },
    update: async (tx: DbOrTx, id: string, set: Partial<T['$inferSelect']>): Promise<void> => {
      await updateById(tx, table, id, set);
    },
    lock: (tx: DbOrTx, id: string) => lockAndLoad(tx, table, id),
  };
}

/**
 * The ledger reads of a record table: a page of the filter (`where`, as of a day or time) in `order`, and one row by
 * id or by the query code a citizen typed (spaces and case forgiven), each row as `fields`.
 */
export function recordReads<F extends SelectedFields, U, Q, A>(
  table: RecordTable,
  fields: F,
  where: (user: U, q: Q, asOf: A) => SQL | undefined,
  order: (PgColumn | SQL)[],
  queryCode?: PgColumn,
) {
  const one = async (db: DbOrTx, cond: SQL): Promise<SelectResultFields<F> | null> => {
    const [r] = await db
      .select(fields as SelectedFields)
      .from(table)
      .where(cond);
    return (r as SelectResultFields<F> | undefined) ?? null;
  };
  return {
    page: (db: DbOrTx, user: U, q: Q & PageQuery, asOf: A) =>
      pageOf(db, table, fields, where(user, q, asOf), order, q),
    byId: (db: DbOrTx, id: string) => one(db, eq(table.id, id)),
    byCode: (db: DbOrTx, code: string) => {
      if (!queryCode) throw new Error('recordReads: no query code column given');
      return one(db, eq(queryCode, code.trim().toUpperCase()));
    },
  };
}
