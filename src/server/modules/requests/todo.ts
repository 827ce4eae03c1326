// The to-do centre's part of 依申请公开: online applications awaiting confirmation (their clock starts only then),
// cases whose reply is due within the reminder window or passed, and extension requests awaiting approval — each
// within the user's data scope and only for the permission that acts on it.
import type { CurrentUser } from '../../../contracts/api';
import { TODO_TOP, type TodoEntry, type TodoGroup, todoGroup } from '../../../contracts/todo';
import type { Database } from '../../db/client';
import { getCalendar } from '../../platform/calendar/service';
import type { Clock } from '../../platform/context';
import { today } from './case-clock';
import { DUE_SOON_WORKING_DAYS } from './reminders';
import { type CaseFilter, type CaseRow, casePage } from './requests.repo';

type TodoUser = Pick<CurrentUser, 'dataScope' | 'unitId' | 'permissions'>;

const entry = (c: CaseRow, asOf: string): TodoEntry => ({
  id: c.id,
  title: `${c.caseNo} ${c.description}`.slice(0, 80),
  due: c.replyDue,
  overdue: !!c.replyDue && c.replyDue < asOf,
  link: `/requests/cases/${c.id}`,
});

export async function requestsTodo(database: Database, clock: Clock, user: TodoUser): Promise<TodoGroup[]> {
  const asOf = today(clock);
  const page = async (f: Omit<CaseFilter, 'page' | 'pageSize'>) => {
    const r = await casePage(database.db, user, { ...f, page: 1, pageSize: TODO_TOP }, asOf);
    return { total: r.total, items: r.rows.map((x) => entry(x.c, asOf)) };
  };
  const groups: TodoGroup[] = [];
  if (user.permissions.includes('requests:case:handle')) {
    const unconfirmed = await page({ status: 'submitted' });
    groups.push(todoGroup('requests.unconfirmed', '/requests/cases', unconfirmed.total, unconfirmed.items));
    const cal = await getCalendar(database);
    const dueBy = cal.addWorkingDays(asOf, DUE_SOON_WORKING_DAYS).date;
    const due = await page({ dueBy });
    const overdue = await page({ overdue: true });
    groups.push(todoGroup('requests.due', '/requests/cases', due.total, due.items, overdue.total));
  }
  if (user.permissions.includes('requests:extension:approve')) {
    const ext = await page({ status: 'extension_pending' });
    groups.push(todoGroup('requests.extension', '/requests/cases', ext.total, ext.items));
  }
  return groups;
}
