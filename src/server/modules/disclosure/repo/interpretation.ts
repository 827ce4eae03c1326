// SQL of the 三同步 plans (one row per policy root).
import { and, arrayContains, desc, eq } from 'drizzle-orm';
import type { CurrentUser } from '../../../../contracts/api';
import type { DbOrTx } from '../../../db/client';
import { disclosureBriefings, disclosureInterpretationPlans } from '../../../db/schema/disclosure';
import { scopeFilter } from '../../org';

export async function planOf(db: DbOrTx, policyRootId: string) {
  const [row] = await db
    .select()
    .from(disclosureInterpretationPlans)
    .where(eq(disclosureInterpretationPlans.policyRootId, policyRootId));
  return row ?? null;
}

export async function upsertPlan(tx: DbOrTx, values: typeof disclosureInterpretationPlans.$inferInsert) {
  await tx
    .insert(disclosureInterpretationPlans)
    .values(values)
    .onConflictDoUpdate({ target: disclosureInterpretationPlans.policyRootId, set: values });
}

export async function insertBriefing(tx: DbOrTx, values: typeof disclosureBriefings.$inferInsert) {
  const [row] = await tx.insert(disclosureBriefings).values(values).returning();
  return row!;
}

/** Briefings of a policy root, or all; with `scope`, only those of units in the user's scope; newest first. */
export async function briefingsOf(
  db: DbOrTx,
  policyRootId?: string,
  scope?: Pick<CurrentUser, 'dataScope' | 'unitId'>,
) {
  return db
    .select()
    .from(disclosureBriefings)
    .where(
      and(
        policyRootId ? arrayContains(disclosureBriefings.policyRootIds, [policyRootId]) : undefined,
        scope ? scopeFilter(scope, disclosureBriefings.unitId) : undefined,
      ),
    )
    .orderBy(desc(disclosureBriefings.heldOn));
}
