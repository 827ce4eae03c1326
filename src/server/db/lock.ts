// One way to change a row safely: lock it and read it in the same statement (SELECT … FOR UPDATE), inside the
// transaction that writes it. A row read before its lock may be stale by the time it is written. And one way to
// write a row by id, its updatedAt stamped.
import { eq } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { DbOrTx } from './client';

/** The row with this id, locked until the transaction ends; null when there is none. */
export async function lockAndLoad<T extends PgTable & { id: PgColumn }>(
  tx: DbOrTx,
  table: T,
  id: string,
): Promise<T['$inferSelect'] | null> {
  const rows = await tx
    .select()
    .from(table as PgTable)
    .where(eq(table.id, id))
    .for('update');
  return (rows[0] as T['$inferSelect'] | undefined) ?? null;
}

/** Writes `set` to the row with this id and stamps its updatedAt; the row as written (undefined when there is none). */
export async function updateById<T extends PgTable & { id: PgColumn; updatedAt: PgColumn }>(
  tx: DbOrTx,
  table: T,
  id: string,
  set: Partial<T['$inferInsert']>,
): Promise<T['$inferSelect']> {
  const rows = await tx
    .update(table as PgTable)
    .set({ ...set, updatedAt: new Date() })
    .where(eq(table.id, id))
    .returning();
  return rows[0] as T['$inferSelect'];
}
