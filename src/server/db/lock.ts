// One way to change a row safely: lock it and read it in the same statement (SELECT … FOR UPDATE), inside the
// transaction that writes it. A row read before its lock may be stale by the time it is written.
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
