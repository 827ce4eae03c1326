// Daily reminders in the bell: reply deadlines within 3 working days or passed, and the annual report's
// publication deadline (条例 Art. 49, REGULATIONS §1.3). Idempotent through dedupe keys.
import { and, eq, inArray, isNotNull, not, sql } from 'drizzle-orm';
import type { PermissionCode } from '../../../contracts/permissions';
import { publicationDeadline } from '../../../domain/requests/annual-report';
import type { Database, DbOrTx } from '../../db/client';
import { annualReports, requestCases, rolePermissions, units, userRoles, users } from '../../db/schema';
import { getCalendar } from '../../platform/calendar/service';
import { type NewNotification, notify } from '../../platform/notify/service';

/** Reply reminders start this many working days before the due date [I]. */
export const DUE_SOON_WORKING_DAYS = 3;
/** Report reminders start this many working days before the publication deadline [I]. */
export const REPORT_WARN_WORKING_DAYS = 10;

/** Active users holding `perm` through any of their roles; with `unitId`, only users of that unit. */
async function holders(
  db: DbOrTx,
  perm: PermissionCode,
  unitId?: string,
): Promise<{ id: string; unitId: string }[]> {
  const rows = await db
    .selectDistinct({ id: users.id, unitId: users.unitId })
    .from(users)
    .innerJoin(userRoles, eq(userRoles.userId, users.id))
    .innerJoin(rolePermissions, eq(rolePermissions.roleCode, userRoles.roleCode))
    .where(
      and(
        eq(users.status, 'active'),
        sql`${perm} = ANY(${rolePermissions.permissions})`,
        unitId ? eq(users.unitId, unitId) : undefined,
      ),
    );
  return rows;
}

export async function remindDueCases(database: Database, asOf: string): Promise<{ sent: number }> {
  const cal = await getCalendar(database);
  const open = await database.db
    .select()
    .from(requestCases)
    .where(and(not(inArray(requestCases.status, ['closed', 'submitted'])), isNotNull(requestCases.replyDue)));
  const items: NewNotification[] = [];
  for (const c of open) {
    const due = c.replyDue as string;
    const overdue = due < asOf;
    const left = overdue ? 0 : cal.countWorkingDays(asOf, due).count;
    if (!overdue && left > DUE_SOON_WORKING_DAYS) continue;
    for (const u of await holders(database.db, 'requests:case:handle', c.unitId)) {
      items.push({
        userId: u.id,
        title: overdue ? `申请 ${c.caseNo} 已超过答复期限（${due}）` : `申请 ${c.caseNo} 将于 ${due} 到期`,
        body: overdue ? '请尽快答复；逾期答复将计入按期答复率' : `还剩 ${left} 个工作日`,
        link: `/admin/requests/cases/${c.id}`,
        dedupeKey: `requests.${overdue ? 'overdue' : 'due'}:${c.id}:${due}`,
      });
    }
  }
  return { sent: await notify(database.db, items) };
}

export async function remindReports(database: Database, asOf: string): Promise<{ sent: number }> {
  const year = Number(asOf.slice(0, 4)) - 1;
  const cal = await getCalendar(database);
  const list = await database.db
    .select({ id: units.id, name: units.name, kind: units.kind })
    .from(units)
    .where(inArray(units.kind, ['government', 'department', 'township']));
  const published = new Set(
    (
      await database.db
        .select({ unitId: annualReports.unitId })
        .from(annualReports)
        .where(and(eq(annualReports.year, year), isNotNull(annualReports.publishedAt)))
    ).map((r) => r.unitId),
  );
  const office = await holders(database.db, 'reports:report:publish');
  const items: NewNotification[] = [];
  for (const u of list) {
    if (published.has(u.id)) continue;
    const bodyType =
      u.kind === 'government' ? 'government' : u.kind === 'township' ? 'township' : 'department';
    const { due, warnFrom } = publicationDeadline(
      bodyType,
      year,
      '01-31',
      (d) => cal.isWorkingDay(d).working,
    );
    if (asOf > due) continue;
    const left = cal.countWorkingDays(asOf, warnFrom).count;
    if (left > REPORT_WARN_WORKING_DAYS) continue;
    const recipients = [...office, ...(await holders(database.db, 'reports:report:update', u.id))];
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
  return { sent: await notify(database.db, items) };
}
