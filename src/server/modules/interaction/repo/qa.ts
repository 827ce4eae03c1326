// SQL of the Q&A base (interaction_qa_entries).
import { and, desc, eq, or, type SQL, sql } from 'drizzle-orm';
import type { CurrentUser } from '../../../../contracts/api';
import type { QaStatus } from '../../../../domain/interaction/qa-entry';
import type { DbOrTx } from '../../../db/client';
import { anyContains } from '../../../db/filters';
import { lockAndLoad, updateById } from '../../../db/lock';
import { qaEntries } from '../../../db/schema/interaction';
import { scopeFilter, unitNameSql } from '../../org';

export type QaRow = typeof qaEntries.$inferSelect;
export type NewQa = typeof qaEntries.$inferInsert;

export interface QaFilter {
  keyword?: string;
  status?: QaStatus;
  unitId?: string;
  topic?: string;
  /** Staff reading the base: every unit's published entries, and the others only within their scope. */
  viewer?: Pick<CurrentUser, 'dataScope' | 'unitId'>;
}

const withUnit = { e: qaEntries, unitName: unitNameSql(qaEntries.unitId) };

function where(q: QaFilter): SQL | undefined {
  const conds: (SQL | undefined)[] = [];
  if (q.keyword) conds.push(anyContains(q.keyword, qaEntries.question, qaEntries.answer));
  if (q.status) conds.push(eq(qaEntries.status, q.status));
  if (q.unitId) conds.push(eq(qaEntries.unitId, q.unitId));
  if (q.topic) conds.push(eq(qaEntries.topic, q.topic));
  const scope = q.viewer && scopeFilter(q.viewer, qaEntries.unitId);
  if (scope) conds.push(or(eq(qaEntries.status, 'published'), scope));
  return and(...conds);
}

/** Entries of the filter, newest first (the published base is shared: every unit reads it, as citizens do). */
export function qaRows(db: DbOrTx, q: QaFilter, limit = 50_000) {
  return db
    .select(withUnit)
    .from(qaEntries)
    .where(where(q))
    .orderBy(desc(qaEntries.updatedAt), qaEntries.id)
    .limit(limit);
}

export async function qaById(db: DbOrTx, id: string) {
  const [r] = await db.select(withUnit).from(qaEntries).where(eq(qaEntries.id, id));
  return r ?? null;
}

export const lockQa = (tx: DbOrTx, id: string) => lockAndLoad(tx, qaEntries, id);

export async function insertQa(tx: DbOrTx, values: NewQa[]): Promise<QaRow[]> {
  const out: QaRow[] = [];
  // Batches keep each statement under PostgreSQL's parameter limit.
  for (let i = 0; i < values.length; i += 1000)
    out.push(
      ...(await tx
        .insert(qaEntries)
        .values(values.slice(i, i + 1000))
        .returning()),
    );
  return out;
}

export async function updateQa(tx: DbOrTx, id: string, set: Partial<QaRow>): Promise<void> {
  await updateById(tx, qaEntries, id, set);
}

/** The published entries, in a stable order (the matcher's row numbers index this list). */
export function publishedEntries(db: DbOrTx) {
  return db
    .select(withUnit)
    .from(qaEntries)
    .where(eq(qaEntries.status, 'published'))
    .orderBy(qaEntries.createdAt, qaEntries.id);
}

/** A version stamp of the published base: the matcher is rebuilt when it changes. */
export async function publishedStamp(db: DbOrTx): Promise<string> {
  const [r] = await db
    .select({
      n: sql<number>`count(*)::int`,
      at: sql<string>`coalesce(max(${qaEntries.updatedAt})::text, '')`,
    })
    .from(qaEntries)
    .where(eq(qaEntries.status, 'published'));
  return `${r?.n ?? 0}:${r?.at ?? ''}`;
}

export async function topics(db: DbOrTx): Promise<{ topic: string; n: number }[]> {
  return db
    .select({ topic: sql<string>`${qaEntries.topic}`, n: sql<number>`count(*)::int` })
    .from(qaEntries)
    .where(and(eq(qaEntries.status, 'published'), sql`${qaEntries.topic} IS NOT NULL`))
    .groupBy(qaEntries.topic)
    .orderBy(qaEntries.topic);
}
