// Use case: the disclosure settings — the district-wide ones (索引号 rule, distinct reviewers, 三同步, sensitive
// words) and each unit's (review levels, 索引号 code, 指南 of 条例 Art. 12).
import type { DisclosureSettings, UnitGuide } from '../../../contracts/disclosure';
import { DEFAULT_INDEX_RULE } from '../../../domain/disclosure/rules';
import { DEFAULT_REVIEW_LEVELS } from '../../../domain/disclosure/workflow';
import type { Database, DbOrTx } from '../../db/client';
import { audit } from '../../platform/audit/audit';
import type { Actor } from '../../platform/context';
import { notFound } from '../../platform/errors';
import { getSetting, putAuditedSetting } from '../../platform/settings';
import { getUnit } from '../org';
import { unitSettingsRow, upsertUnitSettings } from './repo/settings';

export const DEFAULT_DISCLOSURE_SETTINGS: DisclosureSettings = {
  indexRule: DEFAULT_INDEX_RULE,
  distinctReviewers: true,
  requireInterpretation: true,
  sensitiveWords: [],
};

export async function getDisclosureSettings(db: Database | DbOrTx): Promise<DisclosureSettings> {
  const s = await getSetting<Partial<DisclosureSettings>>(db, 'disclosure');
  return { ...DEFAULT_DISCLOSURE_SETTINGS, ...(s ?? {}) };
}

export async function putDisclosureSettings(
  database: Database,
  actor: Actor,
  input: Partial<DisclosureSettings>,
): Promise<DisclosureSettings> {
  const next = { ...(await getDisclosureSettings(database)), ...input };
  await putAuditedSetting(database, actor, 'disclosure', next, {
    action: 'disclosure.settings.update',
    objectType: 'settings',
    objectId: 'disclosure',
    detail: { ...next, sensitiveWords: next.sensitiveWords.length },
  });
  return next;
}

export async function reviewLevelsOf(db: DbOrTx, unitId: string): Promise<string[]> {
  const s = await unitSettingsRow(db, unitId);
  return s?.reviewLevels?.length ? s.reviewLevels : [...DEFAULT_REVIEW_LEVELS];
}

export async function putUnitSettings(
  database: Database,
  actor: Actor,
  unitId: string,
  input: { reviewLevels: string[]; indexCode?: string | null },
): Promise<void> {
  await database.db.transaction(async (tx) => {
    if (!(await getUnit(tx, unitId))) throw notFound('单位');
    await upsertUnitSettings(
      tx,
      unitId,
      { reviewLevels: input.reviewLevels, indexCode: input.indexCode ?? null },
      {
        reviewLevels: input.reviewLevels,
        ...(input.indexCode !== undefined ? { indexCode: input.indexCode } : {}),
      },
    );
    await audit(tx, actor, {
      action: 'disclosure.unitSettings.update',
      objectType: 'unit',
      objectId: unitId,
      detail: input,
    });
  });
}

/** The unit's edited 指南 (条例 Art. 12), or null when the portal should show the generated outline. */
export async function unitGuideOf(db: DbOrTx, unitId: string): Promise<UnitGuide | null> {
  return (await unitSettingsRow(db, unitId))?.guide ?? null;
}

/** Saves (or, with null, removes) the unit's 指南. */
export async function putUnitGuide(
  database: Database,
  actor: Actor,
  unitId: string,
  guide: UnitGuide | null,
): Promise<void> {
  await database.db.transaction(async (tx) => {
    if (!(await getUnit(tx, unitId))) throw notFound('单位');
    await upsertUnitSettings(tx, unitId, { guide }, { guide });
    await audit(tx, actor, {
      action: guide ? 'disclosure.guide.update' : 'disclosure.guide.reset',
      objectType: 'unit',
      objectId: unitId,
      detail: guide ? { officeName: guide.officeName } : {},
    });
  });
}
