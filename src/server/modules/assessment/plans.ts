// Use case: the indicator tree — saved by the office while the plan is a draft, frozen when scoring starts (every
// later edit is refused), each change with its audit row.

import { eq } from 'drizzle-orm';
import type { Plan } from '../../../contracts/assessment';
import { type AssessedKind, type Indicator, treeLocked } from '../../../domain/assessment/tree';
import type { Database } from '../../db/client';
import { assessmentPlans } from '../../db/schema/assessment';
import { audit } from '../../platform/audit/audit';
import type { Actor } from '../../platform/context';
import { conflict } from '../../platform/errors';
import { planOf, planRow, planView } from './assessment.repo';

export async function saveTree(
  database: Database,
  actor: Actor,
  key: { year: number; unitKind: AssessedKind },
  indicators: Indicator[],
): Promise<Plan> {
  return database.db.transaction(async (tx) => {
    const row = await planRow(tx, key.year, key.unitKind, true);
    if (row) {
      const locked = treeLocked(row.status);
      if (locked) throw conflict(locked);
    }
    const [saved] = row
      ? await tx
          .update(assessmentPlans)
          .set({ indicators, updatedAt: new Date() })
          .where(eq(assessmentPlans.id, row.id))
          .returning()
      : await tx
          .insert(assessmentPlans)
          .values({ ...key, indicators })
          .returning();
    await audit(tx, actor, {
      action: 'assessment.plan.save',
      objectType: 'assessment_plan',
      objectId: saved!.id,
      detail: { year: key.year, unitKind: key.unitKind, indicators: indicators.length },
    });
    return planView(saved!);
  });
}

/** Starts scoring: the tree (the default one if never saved) is frozen. */
export async function freezePlan(
  database: Database,
  actor: Actor,
  key: { year: number; unitKind: AssessedKind },
  now: Date,
): Promise<Plan> {
  return database.db.transaction(async (tx) => {
    const existing = await planRow(tx, key.year, key.unitKind, true);
    if (existing && existing.status !== 'draft') throw conflict('评分已开始，指标体系已冻结');
    const row =
      existing ??
      (
        await tx
          .insert(assessmentPlans)
          .values({ ...key, indicators: (await planOf(tx, key.year, key.unitKind)).indicators })
          .returning()
      )[0];
    const [saved] = await tx
      .update(assessmentPlans)
      .set({ status: 'scoring', frozenAt: now, frozenBy: actor.userId, updatedAt: now })
      .where(eq(assessmentPlans.id, row!.id))
      .returning();
    await audit(tx, actor, {
      action: 'assessment.plan.freeze',
      objectType: 'assessment_plan',
      objectId: saved!.id,
      detail: { year: key.year, unitKind: key.unitKind },
    });
    return planView(saved!);
  });
}
