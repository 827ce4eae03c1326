// SQL of the 三同步 plans (one row per policy root).
import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/client';
import { disclosureInterpretationPlans } from '../../../db/schema/disclosure';

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
