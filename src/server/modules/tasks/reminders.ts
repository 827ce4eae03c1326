// Reminders (issue 3 part 5): N working days before a deadline, on the day, and when overdue, to the liaisons of
// the assigned unit. Run daily by the scheduler (advisory lock + one run per China date); each reminder carries a
// dedupe key, so a second run on the same day (or a second process) sends nothing twice.
import { and, eq, inArray, isNotNull, lte } from 'drizzle-orm';
import { chinaDate } from '../../../domain/calendar';
import { addDays } from '../../../domain/calendar/dates';
import { REMINDER_LABELS, reminderFor } from '../../../domain/tasks/ledger';
import type { Database } from '../../db/client';
import { planTasks, taskAssignments } from '../../db/schema/tasks';
import { getCalendar } from '../../platform/calendar/service';
import type { Job } from '../../platform/jobs/scheduler';
import { type NewNotification, notify } from '../../platform/notify/service';
import { getSetting } from '../../platform/settings';
import { activeUsersWithRole, unitNameSql } from '../org';

/** Issue 3 part 5: "N working days before (default 5, configurable)": setting `tasks.reminderDaysBefore`. */
export const DEFAULT_REMINDER_DAYS = 5;

export async function runReminders(
  database: Database,
  now: Date,
): Promise<{ checked: number; sent: number }> {
  const today = chinaDate(now);
  const daysBefore =
    (await getSetting<number>(database, 'tasks.reminderDaysBefore')) ?? DEFAULT_REMINDER_DAYS;
  const calendar = await getCalendar(database);
  // N working days never span more than ~N×1.4 + the 8-day Spring Festival in calendar days.
  const horizon = addDays(today, daysBefore * 2 + 14);
  const rows = await database.db
    .select({
      id: taskAssignments.id,
      unitId: taskAssignments.unitId,
      unitName: unitNameSql(taskAssignments.unitId),
      dueDate: taskAssignments.dueDate,
      ref: planTasks.ref,
      text: planTasks.text,
    })
    .from(taskAssignments)
    .innerJoin(planTasks, eq(planTasks.id, taskAssignments.taskId))
    .where(
      and(
        isNotNull(taskAssignments.dueDate),
        lte(taskAssignments.dueDate, horizon),
        inArray(taskAssignments.state, ['not_started', 'in_progress', 'returned']),
      ),
    );
  const unitIds = [...new Set(rows.map((r) => r.unitId))];
  const liaisons = unitIds.length ? await activeUsersWithRole(database.db, 'liaison', unitIds) : [];
  const items: NewNotification[] = [];
  for (const r of rows) {
    const due = r.dueDate as string;
    const left = due > today ? calendar.countWorkingDays(today, due).count : 0;
    const kind = reminderFor(due, today, left, daysBefore);
    if (!kind) continue;
    const title =
      kind === 'upcoming'
        ? `任务${REMINDER_LABELS[kind]}（${due}，还有 ${left} 个工作日）：${r.ref}`
        : kind === 'due'
          ? `任务${REMINDER_LABELS[kind]}：${r.ref}`
          : `任务${REMINDER_LABELS[kind]}（完成时限 ${due}）：${r.ref}`;
    for (const u of liaisons.filter((l) => l.unitId === r.unitId)) {
      items.push({
        userId: u.id,
        title,
        body: r.text.slice(0, 120),
        link: `/admin/tasks/ledger?assignment=${r.id}`,
        // One reminder of each kind per assignment and deadline: an approved extension starts a new series.
        dedupeKey: `tasks:${kind}:${r.id}:${due}`,
      });
    }
  }
  let sent = 0;
  await database.db.transaction(async (tx) => {
    // Chunked: one INSERT has at most 65535 parameters.
    for (let i = 0; i < items.length; i += 1000) sent += await notify(tx, items.slice(i, i + 1000));
  });
  return { checked: rows.length, sent };
}

export const reminderJob: Job = {
  name: 'tasks.reminders',
  runKey: (now) => chinaDate(now),
  run: (database, now) => runReminders(database, now),
};
