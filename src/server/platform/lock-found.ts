// The lock-then-load of db/lock.ts for use cases that answer 404 when the row is gone: here, not in db/, because the
// error is the platform's (db/ stands below it and imports nothing of it).
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '../db/client';
import { lockAndLoad } from '../db/lock';
import { notFound } from './errors';

/** The row with this id, locked until the transaction ends; 404 naming `what` (e.g. 任务) when there is none. */
export async function lockFound<T extends PgTable & { id: PgColumn }>(
  tx: DbOrTx,
  table: T,
  id: string,
  what: string,
): Promise<T['$inferSelect']> {
  const row = await lockAndLoad(tx, table, id);
  if (!row) throw notFound(what);
  return row;
}
