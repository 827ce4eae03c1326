// Daily reminders in the bell of the annual report's publication deadline (条例 Art. 49, REGULATIONS §1.3), to the
// office and to the unit's editors. Idempotent through dedupe keys.
import type { Database } from '../../db/client';
import { getCalendar } from '../../platform/calendar/service';
import { type NewNotification, notify } from '../../platform/notify/service';
import { activeUsersWithPermission, listUnits } from '../org';
import { deadlineOf, REPORTING_KINDS } from './report';
import { publishedUnitIds } from './reports.repo';

/** Report reminders start this many working days before the publication deadline [I]. */
export const REPORT_WARN_WORKING_DAYS = 10;

export async function remindReports(database: Database, asOf: string): Promise<{ sent: number }> {
  const db = database.db;
  const year = Number(asOf.slice(0, 4)) - 1;
  const cal = await getCalendar(database);
  const published = await publishedUnitIds(db, year);
  const office = await activeUsersWithPermission(db, 'reports:report:publish');
  const items: NewNotification[] = [];
  for (const u of await listUnits(db, REPORTING_KINDS)) {
    if (published.has(u.id)) continue;
    // 镇街: the deadline set by the office (the 条例 sets none).
    const { due, warnFrom } = await deadlineOf(database, u.kind, year);
    if (asOf > due) continue;
    const left = cal.countWorkingDays(asOf, warnFrom).count;
    if (left > REPORT_WARN_WORKING_DAYS) continue;
    const recipients = [...office, ...(await activeUsersWithPermission(db, 'reports:report:update', [u.id]))];
    for (const r of recipients) {
      items.push({
        userId: r.id,
        title: `${u.name}${year}年政府信息公开工作年度报告应于 ${due} 前公布`,
        body: '条例第四十九条：尚未发布',
        link: `/admin/reports/${u.id}/${year}`,
        // One reminder when the window opens, one more on the last working day.
        dedupeKey: `reports.deadline:${u.id}:${year}:${asOf >= warnFrom ? 'last' : 'first'}`,
      });
    }
  }
  return { sent: await notify(db, items) };
}
