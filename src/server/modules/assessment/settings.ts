// Use case: the assessment's scoring setting — what a computed indicator with no records in the year is worth
// (src/domain/assessment/scoring.ts, NO_RECORDS_POLICY_LABELS: why `spread` is the default). One row in the platform
// settings, written with its audit row. A published result is a snapshot: a later change does not alter it.
import type { AssessmentSettings } from '../../../contracts/assessment';
import { DEFAULT_NO_RECORDS_POLICY, NO_RECORDS_POLICIES } from '../../../domain/assessment/scoring';
import type { Database, DbOrTx } from '../../db/client';
import type { Actor } from '../../platform/context';
import { getSetting, replaceSettings } from '../../platform/settings';

const KEY = 'assessment';

/** The stored setting; a value that no longer fits falls back to the default. */
export async function getAssessmentSettings(db: Database | DbOrTx): Promise<AssessmentSettings> {
  const s = (await getSetting<Partial<AssessmentSettings>>(db, KEY)) ?? {};
  return { noRecords: NO_RECORDS_POLICIES.find((p) => p === s.noRecords) ?? DEFAULT_NO_RECORDS_POLICY };
}

export async function putAssessmentSettings(
  database: Database,
  actor: Actor,
  input: AssessmentSettings,
): Promise<AssessmentSettings> {
  const next: AssessmentSettings = { noRecords: input.noRecords };
  return replaceSettings(database, actor, KEY, 'assessment.settings.update', getAssessmentSettings, next);
}
