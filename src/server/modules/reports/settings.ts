// Use case: the annual report's settings (issue 13 part 2) — whose figures the 区人民政府's report counts (its
// own, as table 二, or the whole district) and the 镇街 deadline (the 条例 sets none). One row in the platform
// settings, written with its audit row.
import type { ReportSettingsInput } from '../../../contracts/reports';
import {
  DEFAULT_REPORT_SETTINGS,
  GOVERNMENT_SCOPES,
  type ReportSettings,
  validMonthDay,
} from '../../../domain/requests/annual-report';
import type { Database, DbOrTx } from '../../db/client';
import type { Actor } from '../../platform/context';
import { getSetting, replaceSettings } from '../../platform/settings';

const KEY = 'reports';

/** The stored settings; a value that no longer fits falls back to its default. */
export async function getReportSettings(db: Database | DbOrTx): Promise<ReportSettings> {
  const s = (await getSetting<Partial<ReportSettings>>(db, KEY)) ?? {};
  return {
    governmentScope:
      GOVERNMENT_SCOPES.find((g) => g === s.governmentScope) ?? DEFAULT_REPORT_SETTINGS.governmentScope,
    townshipDeadline:
      s.townshipDeadline && validMonthDay(s.townshipDeadline)
        ? s.townshipDeadline
        : DEFAULT_REPORT_SETTINGS.townshipDeadline,
  };
}

export async function putReportSettings(
  database: Database,
  actor: Actor,
  input: ReportSettingsInput,
): Promise<ReportSettings> {
  return replaceSettings(database, actor, KEY, 'reports.settings.update', getReportSettings, { ...input });
}
