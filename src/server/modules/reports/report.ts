// The annual report (政府信息公开工作年度报告, REGULATIONS §2) as computed: table 三 from the cases, table 四 from
// the remedy records (both through the requests module's face), table 二 and the narrative as the office saved
// them, with its validation and publication deadline.
import type { CurrentUser } from '../../../contracts/api';
import type { ReportOverviewRow, ReportView } from '../../../contracts/reports';
import {
  type AnnualReport,
  computeTable3,
  computeTable4,
  figureScope,
  publicationDeadline,
  type ReportBodyType,
  type Table2,
} from '../../../domain/requests/annual-report';
import { validateReport } from '../../../domain/requests/annual-report-check';
import { reportOverdue, yearEnded } from '../../../domain/requests/report-timing';
import type { UnitKind } from '../../../domain/units';
import type { Database, DbOrTx } from '../../db/client';
import { getCalendar } from '../../platform/calendar/service';
import { notFound } from '../../platform/errors';
import { normativeDocumentCounts } from '../disclosure';
import { assertUnitInScope, getUnit, listUnits, unitAncestry } from '../org';
import { reportFigures } from '../requests';
import { savedReport } from './reports.repo';
import { getReportSettings } from './settings';

export type Scoped = Pick<CurrentUser, 'dataScope' | 'unitId'>;

/** Units that publish an annual report. */
export const REPORTING_KINDS: readonly UnitKind[] = ['government', 'department', 'township'];

export function emptyTable2(): Table2 {
  const z = { issued: 0, abolished: 0, in_force: 0 };
  return {
    art20_1: { regulations: { ...z }, normative_docs: { ...z } },
    art20_5: { licensing: { decisions: 0 } },
    art20_6: { penalty: { decisions: 0 }, compulsion: { decisions: 0 } },
    art20_8: { fees: { amount_wan_yuan: 0 } },
  };
}

/**
 * A report not yet edited starts with the 行政规范性文件 row counted from the disclosure platform's normative
 * documents (issue 5) — the unit's own, or the whole district's for the government's whole-district variant (as
 * tables 三/四); the office can still correct every cell before saving.
 */
async function prefilledTable2(
  db: DbOrTx,
  unitId: string,
  year: number,
  wholeDistrict: boolean,
): Promise<Table2> {
  const t = emptyTable2();
  const n = await normativeDocumentCounts(db, year, wholeDistrict ? undefined : unitId);
  t.art20_1.normative_docs = { issued: n.issued, abolished: n.repealed, in_force: n.inForce };
  return t;
}

export async function unitOf(db: DbOrTx, unitId: string) {
  const u = await getUnit(db, unitId);
  if (!u) throw notFound('单位');
  return u;
}

export async function buildReport(database: Database, unitId: string, year: number) {
  const db = database.db;
  const unit = await unitOf(db, unitId);
  const saved = await savedReport(db, unitId, year);
  const settings = await getReportSettings(db);
  // The government counts its own cases (as table 二) unless the whole-district variant is set.
  const body = bodyType(unit.kind);
  const wholeDistrict = body === 'government' && settings.governmentScope === 'district';
  const { applications, remedies } = await reportFigures(
    db,
    unitId,
    year,
    figureScope(body, settings.governmentScope),
  );
  const report: AnnualReport = {
    year,
    unit: unit.name,
    overview: saved?.overview ?? '',
    problems: saved?.problems ?? '',
    otherMatters: saved?.otherMatters ?? '',
    table2: saved?.table2 ?? (await prefilledTable2(db, unitId, year, wholeDistrict)),
    table3: computeTable3(applications, year),
    table4: computeTable4(remedies),
  };
  return { unit, saved, report };
}

export function bodyType(kind: string): ReportBodyType {
  return kind === 'government' ? 'government' : kind === 'township' ? 'township' : 'department';
}

/**
 * The publication deadline of a unit's report (条例第四十九条; for 镇街 the setting), on the working-day calendar.
 */
export async function deadlineOf(
  database: Database,
  kind: string,
  year: number,
): Promise<{ due: string; warnFrom: string }> {
  const cal = await getCalendar(database);
  const { townshipDeadline } = await getReportSettings(database);
  return publicationDeadline(bodyType(kind), year, townshipDeadline, (d) => cal.isWorkingDay(d).working);
}

export async function getReport(
  database: Database,
  user: Scoped,
  unitId: string,
  year: number,
  today: string,
): Promise<ReportView> {
  await assertUnitInScope(database.db, user, unitId);
  const { unit, saved, report } = await buildReport(database, unitId, year);
  const v = validateReport(report);
  const { due } = await deadlineOf(database, unit.kind, year);
  return {
    id: saved?.id ?? null,
    unitId,
    unitName: unit.name,
    report,
    errors: v.errors,
    warnings: v.warnings,
    publishedAt: saved?.publishedAt?.toISOString() ?? null,
    publicationDue: due,
    overdue: reportOverdue(due, !!saved?.publishedAt, today),
    yearEnded: yearEnded(year, today),
  };
}

/** Reporting units in the user's data scope (their own unit and its sub-units unless they see all). */
async function reportingUnitsInScope(db: DbOrTx, user: Scoped) {
  const list = await listUnits(db, REPORTING_KINDS);
  if (user.dataScope === 'all') return list;
  const out = [];
  for (const u of list) {
    if ((await unitAncestry(db, u.id)).some((a) => a.id === user.unitId)) out.push(u);
  }
  return out;
}

export async function overview(
  database: Database,
  user: Scoped,
  year: number,
  today: string,
): Promise<ReportOverviewRow[]> {
  const out: ReportOverviewRow[] = [];
  for (const u of await reportingUnitsInScope(database.db, user)) {
    const { saved, report } = await buildReport(database, u.id, year);
    const v = validateReport(report);
    const { due } = await deadlineOf(database, u.kind, year);
    out.push({
      unitId: u.id,
      unitName: u.name,
      reportId: saved?.id ?? null,
      errors: v.errors.length,
      warnings: v.warnings.length,
      publishedAt: saved?.publishedAt?.toISOString() ?? null,
      publicationDue: due,
      overdue: reportOverdue(due, !!saved?.publishedAt, today),
    });
  }
  return out;
}
