// SQL of 重大行政决策预公开: decision drafts, their public comments, 列席 and 政府开放日 records.
import { and, desc, eq, inArray, lt, type SQL, sql } from 'drizzle-orm';
import type {
  CommentStatus,
  DecisionStatus,
  ParticipationKind,
} from '../../../../domain/disclosure/decisions';
import type { DbOrTx } from '../../../db/client';
import { anyContainsLiterally } from '../../../db/filters';
import { updateById } from '../../../db/lock';
import { countWhere } from '../../../db/pages';
import {
  decisionComments as c,
  decisionParticipations as pt,
  decisionDrafts as t,
} from '../../../db/schema/disclosure';

export type DraftRecord = typeof t.$inferSelect;
export type CommentRecord = typeof c.$inferSelect;
export type ParticipationRecord = typeof pt.$inferSelect;

export interface DraftFilter {
  scope?: SQL;
  unitId?: string;
  status?: DecisionStatus;
  statuses?: readonly DecisionStatus[];
  q?: string;
}

function where(f: DraftFilter): SQL | undefined {
  return and(
    f.scope,
    f.unitId ? eq(t.unitId, f.unitId) : undefined,
    f.status ? eq(t.status, f.status) : undefined,
    f.statuses ? inArray(t.status, [...f.statuses]) : undefined,
    f.q ? anyContainsLiterally(f.q, t.title, t.background) : undefined,
  );
}

export async function listDrafts(db: DbOrTx, f: DraftFilter, page: { limit: number; offset: number }) {
  const rows = await db
    .select()
    .from(t)
    .where(where(f))
    .orderBy(desc(sql`coalesce(${t.openedOn}, ${t.createdAt}::date)`), desc(t.createdAt))
    .limit(page.limit)
    .offset(page.offset);
  return { rows, total: await countWhere(db, t, where(f)) };
}

export async function findDraft(db: DbOrTx, id: string): Promise<DraftRecord | null> {
  return (await db.select().from(t).where(eq(t.id, id)))[0] ?? null;
}

export async function insertDraft(tx: DbOrTx, values: typeof t.$inferInsert): Promise<DraftRecord> {
  const [row] = await tx.insert(t).values(values).returning();
  return row!;
}

export const updateDraft = (tx: DbOrTx, id: string, set: Partial<typeof t.$inferInsert>) =>
  updateById(tx, t, id, set);

/** Drafts still open after their last day (`today` excluded from the period once it is past). */
export async function openPastEnd(db: DbOrTx, today: string): Promise<DraftRecord[]> {
  return db
    .select()
    .from(t)
    .where(and(eq(t.status, 'open'), lt(t.periodEnd, today)));
}

/** Closed drafts whose 意见采纳情况 is not published yet. */
export async function awaitingAdoption(db: DbOrTx): Promise<DraftRecord[]> {
  return db.select().from(t).where(eq(t.status, 'closed'));
}

/** Per draft: all comments, pending and shown. */
export async function commentCounts(db: DbOrTx, draftIds: string[]) {
  const out = new Map<string, { total: number; pending: number; shown: number }>();
  if (!draftIds.length) return out;
  const rows = await db
    .select({
      id: c.draftId,
      total: sql<number>`count(*)::int`,
      pending: sql<number>`count(*) FILTER (WHERE ${c.status} = 'pending')::int`,
      shown: sql<number>`count(*) FILTER (WHERE ${c.status} = 'shown')::int`,
    })
    .from(c)
    .where(inArray(c.draftId, draftIds))
    .groupBy(c.draftId);
  for (const r of rows) out.set(r.id, { total: r.total, pending: r.pending, shown: r.shown });
  return out;
}

export async function listComments(db: DbOrTx, draftId: string, status?: CommentStatus) {
  return db
    .select()
    .from(c)
    .where(and(eq(c.draftId, draftId), status ? eq(c.status, status) : undefined))
    .orderBy(c.createdAt);
}

export async function insertComment(tx: DbOrTx, values: typeof c.$inferInsert): Promise<CommentRecord> {
  const [row] = await tx.insert(c).values(values).returning();
  return row!;
}

export async function updateComment(tx: DbOrTx, id: string, set: Partial<typeof c.$inferInsert>) {
  const [row] = await tx.update(c).set(set).where(eq(c.id, id)).returning();
  return row!;
}

export async function listParticipations(
  db: DbOrTx,
  f: { scope?: SQL; kind?: ParticipationKind },
  page: { limit: number; offset: number },
) {
  const w = and(f.scope, f.kind ? eq(pt.kind, f.kind) : undefined);
  const rows = await db
    .select()
    .from(pt)
    .where(w)
    .orderBy(desc(pt.heldOn), desc(pt.createdAt))
    .limit(page.limit)
    .offset(page.offset);
  return { rows, total: await countWhere(db, pt, w) };
}

export async function insertParticipation(tx: DbOrTx, values: typeof pt.$inferInsert) {
  const [row] = await tx.insert(pt).values(values).returning();
  return row!;
}
