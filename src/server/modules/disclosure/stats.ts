// Use case: statistics — published items per unit and column with their timeliness (条例 Art. 26), and the
// normative-document counts of the annual report's table 二.
import { chinaDate } from '../../../domain/calendar';
import { type NormativeCounts, normativeCounts, timeliness } from '../../../domain/disclosure/rules';
import type { DbOrTx } from '../../db/client';
import { getCalendar } from '../../platform/calendar/service';
import type { Platform } from '../../platform/context';
import { publishedInYear, publishedNormativeDates } from './repo/listing';
import type { StaffUser } from './scope';

/** Annual report table 二, row 行政规范性文件 (REGULATIONS.md §2.2): counts for `year`, optionally one unit. */
export async function normativeDocumentCounts(
  db: DbOrTx,
  year: number,
  unitId?: string,
): Promise<NormativeCounts> {
  const rows = await publishedNormativeDates(db, unitId);
  return normativeCounts(
    rows.map((r) => ({ ...r, validity: r.validity ?? 'in_force' })),
    year,
  );
}

/** Statistics: published items per unit and column, and timeliness (Art. 26). */
export async function statistics(p: Platform, user: StaffUser, year: number) {
  const db = p.database.db;
  const { byUnit, byColumn, dated } = await publishedInYear(db, user, year);
  const calendar = await getCalendar(p.database);
  const today = chinaDate(p.clock.now());
  const timely = { on_time: 0, late: 0, undated: 0 };
  for (const d of dated) {
    if (!d.formed) timely.undated++;
    else
      timely[timeliness(d.formed, d.publishDate, today, calendar).status === 'late' ? 'late' : 'on_time']++;
  }
  return { year, byUnit, byColumn, timeliness: timely, normative: await normativeDocumentCounts(db, year) };
}
