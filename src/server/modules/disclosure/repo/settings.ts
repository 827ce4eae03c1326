// SQL of the per-unit disclosure settings row: review levels, 索引号 code and sequences, 指南, catalog seeding.
import { eq, sql } from 'drizzle-orm';
import type { UnitGuide } from '../../../../contracts/disclosure';
import type { DbOrTx } from '../../../db/client';
import { disclosureUnitSettings } from '../../../db/schema/disclosure';

export type UnitSettingsRow = typeof disclosureUnitSettings.$inferSelect;

export async function unitSettingsRow(db: DbOrTx, unitId: string): Promise<UnitSettingsRow | null> {
  const [s] = await db.select().from(disclosureUnitSettings).where(eq(disclosureUnitSettings.unitId, unitId));
  return s ?? null;
}

/** Inserts the unit's row or updates the given fields of it. */
export async function upsertUnitSettings(
  tx: DbOrTx,
  unitId: string,
  insert: Partial<typeof disclosureUnitSettings.$inferInsert>,
  update: Partial<typeof disclosureUnitSettings.$inferInsert>,
): Promise<void> {
  await tx
    .insert(disclosureUnitSettings)
    .values({ unitId, ...insert })
    .onConflictDoUpdate({ target: disclosureUnitSettings.unitId, set: update });
}

/** The unit's row locked for the transaction (created first when missing): 索引号 sequences are taken under it. */
export async function lockUnitSettings(tx: DbOrTx, unitId: string): Promise<UnitSettingsRow> {
  await tx.insert(disclosureUnitSettings).values({ unitId }).onConflictDoNothing();
  const [s] = await tx
    .select()
    .from(disclosureUnitSettings)
    .where(eq(disclosureUnitSettings.unitId, unitId))
    .for('update');
  return s!;
}

export async function setSequences(tx: DbOrTx, unitId: string, sequences: Record<string, number>) {
  await tx.update(disclosureUnitSettings).set({ sequences }).where(eq(disclosureUnitSettings.unitId, unitId));
}

/** Units whose 指南 the office has edited, with the guide. */
export async function editedGuides(db: DbOrTx): Promise<{ unitId: string; guide: UnitGuide }[]> {
  const rows = await db
    .select({ unitId: disclosureUnitSettings.unitId, guide: disclosureUnitSettings.guide })
    .from(disclosureUnitSettings)
    .where(sql`${disclosureUnitSettings.guide} IS NOT NULL`);
  return rows.flatMap((r) => (r.guide ? [{ unitId: r.unitId, guide: r.guide }] : []));
}
