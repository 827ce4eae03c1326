// The assessment module's SQL, on its own tables only.
import { and, asc, desc, eq } from 'drizzle-orm';
import type { Plan } from '../../../contracts/assessment';
import { type AssessedKind, defaultTree } from '../../../domain/assessment/tree';
import type { DbOrTx } from '../../db/client';
import { rowsOf } from '../../db/reads';
import {
  assessmentPhoneResults,
  assessmentPlans,
  assessmentResults,
  assessmentScores,
} from '../../db/schema/assessment';

export type PlanRecord = typeof assessmentPlans.$inferSelect;

export function planView(row: PlanRecord): Plan {
  return {
    id: row.id,
    year: row.year,
    unitKind: row.unitKind,
    status: row.status,
    stored: true,
    indicators: row.indicators,
    frozenAt: row.frozenAt?.toISOString() ?? null,
    publishedAt: row.publishedAt?.toISOString() ?? null,
  };
}

export async function planRow(
  db: DbOrTx,
  year: number,
  unitKind: AssessedKind,
  lock = false,
): Promise<PlanRecord | null> {
  const q = db
    .select()
    .from(assessmentPlans)
    .where(and(eq(assessmentPlans.year, year), eq(assessmentPlans.unitKind, unitKind)));
  const rows = lock ? await q.for('update') : await q;
  return rows[0] ?? null;
}

/** The stored plan, or the default tree of the kind (not stored). */
export async function planOf(db: DbOrTx, year: number, unitKind: AssessedKind): Promise<Plan> {
  const row = await planRow(db, year, unitKind);
  if (row) return planView(row);
  return {
    id: null,
    year,
    unitKind,
    status: 'draft',
    stored: false,
    indicators: defaultTree(unitKind),
    frozenAt: null,
    publishedAt: null,
  };
}

export const manualScores = (db: DbOrTx, planId: string) =>
  rowsOf(db, assessmentScores, assessmentScores.planId, planId, asc(assessmentScores.code));

export function phoneResults(db: DbOrTx, year: number) {
  return db.select().from(assessmentPhoneResults).where(eq(assessmentPhoneResults.year, year));
}

/** Published plans, newest year first. */
export function publishedPlans(db: DbOrTx) {
  return db
    .select()
    .from(assessmentPlans)
    .where(eq(assessmentPlans.status, 'published'))
    .orderBy(desc(assessmentPlans.year), asc(assessmentPlans.unitKind));
}

export const resultsOfPlan = (db: DbOrTx, planId: string) =>
  rowsOf(
    db,
    assessmentResults,
    assessmentResults.planId,
    planId,
    asc(assessmentResults.rank),
    asc(assessmentResults.unitName),
  );
