// Use case: the assessment computed from live data. Each computed indicator reads its records through the owning
// module's face (never their tables); manual scores, the 电话测评 and citizens' ratings complete the tree; then
// totals, ranking and the 通报 lists (src/domain/assessment). A unit user sees its own unit's row (with its rank).
import type { CurrentUser } from '../../../contracts/api';
import type { Results, UnitResult } from '../../../contracts/assessment';
import {
  type AssessRecord,
  bulletinOf,
  type ManualScore,
  type Rating,
  rank,
  scoreUnit,
  unitTotal,
} from '../../../domain/assessment/scoring';
import type { AssessedKind, ComputedSource } from '../../../domain/assessment/tree';
import type { Database } from '../../db/client';
import {
  interpretationRecordsForYear,
  normativeRecordsForYear,
  timelinessRecordsForYear,
} from '../disclosure';
import { consultRecordsForYear, letterRecordsForYear, ratingsForYear } from '../interaction';
import { newMediaRecordsForYear, siteRecordsForYear } from '../media';
import { listUnits, unitAncestry } from '../org';
import { caseRecordsForYear, remedyRecordsForYear } from '../requests';
import { taskRecordsForYear } from '../tasks';
import { manualScores, phoneResults, planOf } from './assessment.repo';
import { getAssessmentSettings } from './settings';

type Reader = (database: Database, year: number, asOf: string) => Promise<AssessRecord[]>;

/** Each computed source and the face function that reads it. */
const READERS: Record<ComputedSource, Reader> = {
  tasks_on_time: (d, y, asOf) => taskRecordsForYear(d.db, y, asOf),
  requests_on_time: (d, y, asOf) => caseRecordsForYear(d.db, y, asOf),
  requests_corrected: (d, y) => remedyRecordsForYear(d.db, y),
  art26_timely: (d, y, asOf) => timelinessRecordsForYear(d, y, asOf),
  interpretations: (d, y) => interpretationRecordsForYear(d, y),
  consult_on_time: (d, y, asOf) => consultRecordsForYear(d.db, y, asOf),
  letters_on_time: (d, y, asOf) => letterRecordsForYear(d.db, y, asOf),
  site_results: (d, y) => siteRecordsForYear(d.db, y),
  newmedia_results: (d, y, asOf) => newMediaRecordsForYear(d.db, y, asOf),
  normative_current: (d, _y, asOf) => normativeRecordsForYear(d, asOf),
};

function group<T extends { unitId: string }>(rows: readonly T[]): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const r of rows) {
    const list = m.get(r.unitId);
    if (list) list.push(r);
    else m.set(r.unitId, [r]);
  }
  return m;
}

/** Every unit of the kind scored and ranked, for the year as of `asOf` (China date). */
export async function computeResults(
  database: Database,
  year: number,
  unitKind: AssessedKind,
  asOf: string,
): Promise<Results> {
  const db = database.db;
  const plan = await planOf(db, year, unitKind);
  const { noRecords } = await getAssessmentSettings(db);
  const units = await listUnits(db, [unitKind]);
  const records = new Map<ComputedSource, Map<string, AssessRecord[]>>();
  for (const i of plan.indicators)
    if (i.source && !records.has(i.source))
      records.set(i.source, group(await READERS[i.source](database, year, asOf)));
  const manual = group(plan.id ? await manualScores(db, plan.id) : []);
  const phone = group(await phoneResults(db, year));
  const ratings = group<{ unitId: string; rating: Rating }>(await ratingsForYear(db, year));
  const rows = units.map((u) => {
    const scores = scoreUnit(
      plan.indicators,
      {
        records: new Map([...records].map(([s, byUnit]) => [s, byUnit.get(u.id) ?? []])),
        manual: new Map<string, ManualScore>((manual.get(u.id) ?? []).map((m) => [m.code, m])),
        social: {
          ratings: (ratings.get(u.id) ?? []).map((r) => r.rating),
          phone: (phone.get(u.id) ?? []).map((p) => p.score),
        },
      },
      noRecords,
    );
    return {
      unitId: u.id,
      unit: u.name,
      ...unitTotal(scores),
      indicators: scores.map(({ records: rs, ...s }) => ({
        ...s,
        records: rs.map(({ id, label, ok, detail }) => ({ id, label, ok, detail })),
      })),
    };
  });
  const ranked: UnitResult[] = rank(rows).map((r) => ({ ...r, bulletin: bulletinOf(r.total) }));
  return { plan, noRecords, units: ranked };
}

/** What a user may see: everything (office) or its own unit and sub-units. */
export async function scopedResults(
  user: Pick<CurrentUser, 'dataScope' | 'unitId'>,
  database: Database,
  results: Results,
): Promise<Results> {
  if (user.dataScope === 'all') return results;
  const visible: UnitResult[] = [];
  for (const u of results.units) {
    const up = await unitAncestry(database.db, u.unitId);
    if (up.some((a) => a.id === user.unitId)) visible.push(u);
  }
  return { ...results, units: visible };
}
