// Daily reminders in the bell: reply deadlines within 3 working days or passed. Idempotent through dedupe keys.
import type { Database } from '../../db/client';
import { getCalendar } from '../../platform/calendar/service';
import { dueBellTitle, ringUnitHandlers } from '../org';
import { openCasesWithDue } from './requests.repo';

/** Reply reminders start this many working days before the due date [I]. */
export const DUE_SOON_WORKING_DAYS = 3;

export async function remindDueCases(database: Database, asOf: string): Promise<{ sent: number }> {
  const cal = await getCalendar(database);
  return ringUnitHandlers(database, 'requests:case:handle', await openCasesWithDue(database.db), (c) => {
    const due = c.replyDue as string;
    const overdue = due < asOf;
    const left = overdue ? 0 : cal.countWorkingDays(asOf, due).count;
    if (!overdue && left > DUE_SOON_WORKING_DAYS) return null;
    return {
      title: dueBellTitle(overdue, `申请 ${c.caseNo}`, '答复期限', due),
      body: overdue ? '请尽快答复；逾期答复将计入按期答复率' : `还剩 ${left} 个工作日`,
      link: `/admin/requests/cases/${c.id}`,
      dedupeKey: `requests.${overdue ? 'overdue' : 'due'}:${c.id}:${due}`,
    };
  });
}
