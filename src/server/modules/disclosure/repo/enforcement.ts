// SQL of 行政执法公示: enforcement decisions with their publication state computed against a given day.
import { and, desc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import type {
  EnforcementKind,
  EnforcementStatus,
  PublicationState,
} from '../../../../domain/disclosure/enforcement';
import type { DbOrTx } from '../../../db/client';
import { anyContainsLiterally } from '../../../db/filters';
import { updateById } from '../../../db/lock';
import { countWhere } from '../../../db/pages';
import { enforcementDecisions as t } from '../../../db/schema/disclosure';

export type EnforcementRecord = typeof t.$inferSelect;

/** The publication state on `today` (domain publicationState, in SQL so that lists filter and count by it). */
export const stateSql = (today: string) =>
  sql<PublicationState>`CASE WHEN ${t.publishedOn} IS NOT NULL
    THEN (CASE WHEN ${t.publishedOn} <= ${t.dueDate} THEN 'on_time' ELSE 'late' END)
    WHEN ${t.dueDate} < ${today}::date THEN 'overdue' ELSE 'pending' END`;

export interface EnforcementFilter {
  scope?: SQL;
  unitId?: string;
  kind?: EnforcementKind;
  status?: EnforcementStatus;
  state?: PublicationState;
  q?: string;
  today: string;
}

function where(f: EnforcementFilter): SQL | undefined {
  return and(
    f.scope,
    f.unitId ? eq(t.unitId, f.unitId) : undefined,
    f.kind ? eq(t.kind, f.kind) : undefined,
    f.status ? eq(t.status, f.status) : undefined,
    f.state ? sql`${stateSql(f.today)} = ${f.state}` : undefined,
    f.q ? anyContainsLiterally(f.q, t.docNumber, t.partyName, t.conclusion) : undefined,
  );
}

export async function listDecisions(
  db: DbOrTx,
  f: EnforcementFilter,
  page?: { limit: number; offset: number },
) {
  const q = db
    .select({ row: t, state: stateSql(f.today) })
    .from(t)
    .where(where(f))
    .orderBy(desc(t.decisionDate), desc(t.createdAt));
  const rows = page ? await q.limit(page.limit).offset(page.offset) : await q;
  return { rows, total: await countWhere(db, t, where(f)) };
}

export async function findDecision(db: DbOrTx, id: string): Promise<EnforcementRecord | null> {
  return (await db.select().from(t).where(eq(t.id, id)))[0] ?? null;
}

/** Document numbers of the unit already recorded, among the given ones. */
export async function existingDocNumbers(
  db: DbOrTx,
  unitId: string,
  docNumbers: string[],
): Promise<Set<string>> {
  if (!docNumbers.length) return new Set();
  const rows = await db
    .select({ d: t.docNumber })
    .from(t)
    .where(and(eq(t.unitId, unitId), inArray(t.docNumber, docNumbers)));
  return new Set(rows.map((r) => r.d));
}

export async function insertDecisions(
  tx: DbOrTx,
  values: (typeof t.$inferInsert)[],
): Promise<EnforcementRecord[]> {
  return values.length ? tx.insert(t).values(values).returning() : [];
}

export const updateDecision = (tx: DbOrTx, id: string, set: Partial<typeof t.$inferInsert>) =>
  updateById(tx, t, id, set);

export async function deleteDecision(tx: DbOrTx, id: string): Promise<void> {
  await tx.delete(t).where(eq(t.id, id));
}

/** Per kind in a year (by decision date): total, published, overdue now, published late. */
export async function summaryByKind(db: DbOrTx, scope: SQL | undefined, year: number, today: string) {
  const state = stateSql(today);
  return db
    .select({
      kind: t.kind,
      total: sql<number>`count(*)::int`,
      published: sql<number>`count(*) FILTER (WHERE ${t.status} = 'published')::int`,
      overdue: sql<number>`count(*) FILTER (WHERE ${state} = 'overdue')::int`,
      late: sql<number>`count(*) FILTER (WHERE ${state} = 'late')::int`,
    })
    .from(t)
    .where(and(scope, sql`extract(year FROM ${t.decisionDate}) = ${year}`))
    .groupBy(t.kind);
}

/** Units with at least one published decision (the portal's filter). */
export async function publishingEnforcementUnits(db: DbOrTx): Promise<string[]> {
  const rows = await db.selectDistinct({ id: t.unitId }).from(t).where(eq(t.status, 'published'));
  return rows.map((r) => r.id);
}
