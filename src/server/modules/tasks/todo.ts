// The to-do centre's part of 任务分工: the unit's assignments due within the reminder window or overdue, the
// completion reports waiting for the lead unit's review, and the extension requests waiting for approval.
import { and, asc, eq, inArray, isNull, lte, type SQL, sql } from 'drizzle-orm';
import { TODO_TOP, type TodoEntry, type TodoGroup, type TodoKind, todoGroup } from '../../../contracts/todo';
import { periodLabel } from '../../../domain/tasks/ledger';
import type { Database } from '../../db/client';
import { extensionRequests, planTasks, taskAssignments } from '../../db/schema/tasks';
import { getCalendar } from '../../platform/calendar/service';
import { getSetting } from '../../platform/settings';
import { type Viewer, visibleTo } from './ledger.repo';
import { DEFAULT_REMINDER_DAYS } from './reminders';

/** One group: the count and the most urgent few of the assignments (joined with their task) matching `where`. */
async function group(
  database: Database,
  kind: TodoKind,
  link: string,
  where: SQL | undefined,
  due: SQL<string | null>,
  today: string,
): Promise<TodoGroup> {
  // Counts over the whole match ride along on the few rows listed (window functions), one query.
  const rows = await database.db
    .select({
      id: taskAssignments.id,
      ref: planTasks.ref,
      text: planTasks.text,
      period: taskAssignments.period,
      due,
      n: sql<number>`(count(*) OVER ())::int`,
      late: sql<number>`(count(*) FILTER (WHERE ${due} < ${today}) OVER ())::int`,
    })
    .from(taskAssignments)
    .innerJoin(planTasks, eq(planTasks.id, taskAssignments.taskId))
    // A pending extension request, if any (the approver's group filters on it).
    .leftJoin(
      extensionRequests,
      and(eq(extensionRequests.assignmentId, taskAssignments.id), eq(extensionRequests.status, 'pending')),
    )
    .where(where)
    .orderBy(sql`${due} ASC NULLS LAST`, asc(planTasks.sort))
    .limit(TODO_TOP);
  const items: TodoEntry[] = rows.map((r) => ({
    id: r.id,
    // A periodic task has one assignment per period: the period tells the entries of one task apart.
    title: `${r.ref}${r.period ? `（${periodLabel(r.period)}）` : ''} ${r.text}`.slice(0, 80),
    due: r.due,
    overdue: !!r.due && r.due < today,
    link,
  }));
  return todoGroup(kind, link, rows[0]?.n ?? 0, items, rows[0]?.late ?? 0);
}

export async function tasksTodo(database: Database, v: Viewer, today: string): Promise<TodoGroup[]> {
  const groups: TodoGroup[] = [];
  const dueDate = sql<string | null>`${taskAssignments.dueDate}::text`;
  if (v.permissions.includes('tasks:progress:report')) {
    const days = (await getSetting<number>(database, 'tasks.reminderDaysBefore')) ?? DEFAULT_REMINDER_DAYS;
    const horizon = (await getCalendar(database)).addWorkingDays(today, days).date;
    const open = inArray(taskAssignments.state, ['not_started', 'in_progress', 'returned']);
    const mine = and(visibleTo(v, 'mine'), open, lte(taskAssignments.dueDate, horizon));
    groups.push(await group(database, 'tasks.due', '/tasks/ledger', mine, dueDate, today));
  }
  if (v.permissions.includes('tasks:progress:review')) {
    const waiting = and(
      visibleTo(v, 'lead'),
      eq(taskAssignments.state, 'submitted'),
      isNull(taskAssignments.leadReview),
    );
    groups.push(await group(database, 'tasks.leadReview', '/tasks/ledger', waiting, dueDate, today));
  }
  if (v.permissions.includes('tasks:extension:approve')) {
    // The requested new date is the deadline shown.
    const newDue = sql<string | null>`${extensionRequests.newDueDate}::text`;
    const pending = and(visibleTo(v), eq(extensionRequests.status, 'pending'));
    groups.push(await group(database, 'tasks.extension', '/tasks/extensions', pending, newDue, today));
  }
  return groups;
}
