// The writes every numbered interaction record (consultation, letter, commitment, opinion event) has in the same
// form: its next yearly number, insert, update by id (updatedAt stamped) and lock-and-load.
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '../../../db/client';
import { lockAndLoad, updateById } from '../../../db/lock';
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
