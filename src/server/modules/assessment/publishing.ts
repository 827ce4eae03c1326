// Use case: publication (a snapshot of the ranking the portal shows at /xxgk/khpg), the .xlsx export, and the
// portal's reads of the published results.
import { eq } from 'drizzle-orm';
import type { Plan, Results } from '../../../contracts/assessment';
import { BULLETIN_LABELS } from '../../../domain/assessment/scoring';
import { ASSESSED_KIND_LABELS, type AssessedKind } from '../../../domain/assessment/tree';
import type { Database } from '../../db/client';
import { assessmentPlans, assessmentResults } from '../../db/schema/assessment';
import { audit } from '../../platform/audit/audit';
import type { Actor } from '../../platform/context';
import { conflict } from '../../platform/errors';
import { writeTable } from '../../platform/xlsx';
import { planRow, planView, publishedPlans, resultsOfPlan } from './assessment.repo';
import { computeResults } from './compute';

export async function publishResults(
  database: Database,
  actor: Actor,
  key: { year: number; unitKind: AssessedKind },
  asOf: string,
  now: Date,
): Promise<Plan> {
  const plan = await planRow(database.db, key.year, key.unitKind);
  if (!plan || plan.status === 'draft') throw conflict('尚未开始评分：请先冻结指标体系并完成评分');
  if (plan.status === 'published') throw conflict('考核结果已公布');
  const results = await computeResults(database, key.year, key.unitKind, asOf);
  return database.db.transaction(async (tx) => {
    const locked = await planRow(tx, key.year, key.unitKind, true);
    if (locked?.status !== 'scoring') throw conflict('考核结果已公布');
    await tx.delete(assessmentResults).where(eq(assessmentResults.planId, plan.id));
    if (results.units.length)
      await tx.insert(assessmentResults).values(
        results.units.map((u) => ({
          planId: plan.id,
          unitId: u.unitId,
          unitName: u.unit,
          total: u.total,
          rank: u.rank,
          bulletin: u.bulletin,
          indicators: u.indicators.map(({ records: _r, ...i }) => i),
        })),
      );
    const [saved] = await tx
      .update(assessmentPlans)
      .set({ status: 'published', publishedAt: now, updatedAt: now })
      .where(eq(assessmentPlans.id, plan.id))
      .returning();
    await audit(tx, actor, {
      action: 'assessment.publish',
      objectType: 'assessment_plan',
      objectId: plan.id,
      detail: { year: key.year, unitKind: key.unitKind, units: results.units.length },
    });
    return planView(saved!);
  });
}

export function exportResults(results: Results): Promise<Uint8Array> {
  const ind = results.plan.indicators;
  return writeTable(
    `${results.plan.year}年${ASSESSED_KIND_LABELS[results.plan.unitKind]}考核`,
    ['排名', '单位', ...ind.map((i) => `${i.code} ${i.name}（${i.weight}分）`), '总分', '通报'],
    results.units.map((u) => [
      u.rank,
      u.unit,
      ...u.indicators.map((i) => i.score),
      u.total,
      u.bulletin ? BULLETIN_LABELS[u.bulletin] : '',
    ]),
  );
}

export interface PublishedAssessment {
  year: number;
  unitKind: AssessedKind;
  publishedAt: string | null;
  indicators: Plan['indicators'];
  units: {
    unit: string;
    total: number;
    rank: number;
    bulletin: 'praise' | 'criticise' | null;
    /** Not applicable (the `spread` policy): shown as 不适用. */
    scores: { code: string; score: number; applicable: boolean }[];
  }[];
}

/** The portal's years (newest first). */
export async function publishedAssessmentYears(database: Database): Promise<number[]> {
  return [...new Set((await publishedPlans(database.db)).map((p) => p.year))];
}

/** The portal's results of one year (each unit kind published). */
export async function publishedAssessments(database: Database, year: number): Promise<PublishedAssessment[]> {
  const plans = (await publishedPlans(database.db)).filter((p) => p.year === year);
  const out: PublishedAssessment[] = [];
  for (const p of plans) {
    const rows = await resultsOfPlan(database.db, p.id);
    out.push({
      year: p.year,
      unitKind: p.unitKind,
      publishedAt: p.publishedAt?.toISOString() ?? null,
      indicators: p.indicators,
      units: rows.map((r) => ({
        unit: r.unitName,
        total: r.total,
        rank: r.rank,
        bulletin: r.bulletin,
        scores: r.indicators.map((i) => ({
          code: i.code,
          score: i.score,
          applicable: i.applicable !== false,
        })),
      })),
    });
  }
  return out;
}
