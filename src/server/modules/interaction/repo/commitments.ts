// SQL of the public commitments (interaction_commitments) and their progress entries.
import { and, asc, desc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import type { CommitmentStatus } from '../../../../domain/interaction/commitments';
import type { DbOrTx } from '../../../db/client';
import { anyContains } from '../../../db/filters';
import { commitmentProgress, commitments } from '../../../db/schema/interaction';
import { scopeFilter, unitNameSql } from '../../org';
import type { Scoped } from './consultations';
import { recordReads, recordWrites } from './records';

export type CommitmentRow = typeof commitments.$inferSelect;
export type ProgressRow = typeof commitmentProgress.$inferSelect;

export interface CommitmentFilter {
  keyword?: string;
  status?: CommitmentStatus;
  unitId?: string;
  overdue?: boolean;
  /** The portal leaves cancelled commitments out. */
  excludeCancelled?: boolean;
}

export const {
  nextNo: nextCommitNo,
  insert: insertCommitment,
  update: updateCommitment,
  lock: lockCommitment,
} = recordWrites(commitments, 'CN', 'commitment');

export async function insertProgress(tx: DbOrTx, values: typeof commitmentProgress.$inferInsert) {
  const [row] = await tx.insert(commitmentProgress).values(values).returning();
  return row!;
}

export async function updateProgress(tx: DbOrTx, id: string, set: Partial<ProgressRow>): Promise<void> {
  await tx.update(commitmentProgress).set(set).where(eq(commitmentProgress.id, id));
}

export async function progressById(db: DbOrTx, id: string): Promise<ProgressRow | null> {
  const [r] = await db.select().from(commitmentProgress).where(eq(commitmentProgress.id, id));
  return r ?? null;
}

/** Progress entries of the commitments, oldest first. */
export function progressOf(db: DbOrTx, ids: readonly string[]): Promise<ProgressRow[]> {
  if (!ids.length) return Promise.resolve([]);
  return db
    .select()
    .from(commitmentProgress)
    .where(inArray(commitmentProgress.commitmentId, [...ids]))
    .orderBy(asc(commitmentProgress.on), asc(commitmentProgress.createdAt));
}

function where(user: Scoped | null, q: CommitmentFilter, asOf: string): SQL | undefined {
  const conds: (SQL | undefined)[] = [user ? scopeFilter(user, commitments.unitId) : undefined];
  if (q.keyword)
    conds.push(anyContains(q.keyword, commitments.content, commitments.place, commitments.commitNo));
  if (q.status) conds.push(eq(commitments.status, q.status));
  if (q.excludeCancelled) conds.push(sql`${commitments.status} <> 'cancelled'`);
  if (q.unitId) conds.push(eq(commitments.unitId, q.unitId));
  if (q.overdue) conds.push(sql`${commitments.status} = 'ongoing' AND ${commitments.dueOn} < ${asOf}`);
  return and(...conds);
}

const withUnit = { c: commitments, unitName: unitNameSql(commitments.unitId) };
export type CommitmentWithUnit = { c: CommitmentRow; unitName: string };

/** commitmentPage: in the user's scope (null: every unit, the portal), ongoing ones by due date first. */
export const { page: commitmentPage, byId: commitmentById } = recordReads(commitments, withUnit, where, [
  sql`${commitments.status} <> 'ongoing'`,
  commitments.dueOn,
  desc(commitments.createdAt),
]);

/** Ongoing commitments (the reminders job and the to-do centre). */
export function ongoingCommitments(db: DbOrTx, unitIds?: readonly string[]): Promise<CommitmentRow[]> {
  return db
    .select()
    .from(commitments)
    .where(
      and(eq(commitments.status, 'ongoing'), unitIds ? inArray(commitments.unitId, [...unitIds]) : undefined),
    )
    .orderBy(commitments.dueOn);
}
