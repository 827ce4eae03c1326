// Office settings of the tasks module: how many working days ahead reminders go out, and the reporting cadence
// of a plan's continuous tasks (which re-creates their periodic instances while nobody has reported on them).
import { and, eq, inArray } from 'drizzle-orm';
import { defaultAgencyCode } from '../../../domain/tasks/bulletin';
import { type Cadence, instancesFor } from '../../../domain/tasks/ledger';
import type { Database } from '../../db/client';
import { planTasks, progressReports, taskAssignments, workPlans } from '../../db/schema/tasks';
import { audit } from '../../platform/audit/audit';
import type { Actor } from '../../platform/context';
import { conflict } from '../../platform/errors';
import { lockFound } from '../../platform/lock-found';
import { getSetting, putSetting } from '../../platform/settings';
import { insertAssignments } from './ledger.repo';
import { DEFAULT_REMINDER_DAYS } from './reminders';

export interface TasksSettings {
  reminderDaysBefore: number;
  bulletinAgencyCode?: string;
  bulletinNextNumber?: number;
}

export async function getTasksSettings(
  database: Database,
  districtName: string,
): Promise<Required<TasksSettings>> {
  return {
    reminderDaysBefore:
      (await getSetting<number>(database, 'tasks.reminderDaysBefore')) ?? DEFAULT_REMINDER_DAYS,
    bulletinAgencyCode:
      (await getSetting<string>(database, 'tasks.bulletinAgencyCode')) ?? defaultAgencyCode(districtName),
    bulletinNextNumber: (await getSetting<number>(database, 'tasks.bulletinNextNumber')) ?? 1,
  };
}

export async function putTasksSettings(
  database: Database,
  actor: Actor,
  s: TasksSettings,
): Promise<TasksSettings> {
  await database.db.transaction(async (tx) => {
    await putSetting(tx, 'tasks.reminderDaysBefore', s.reminderDaysBefore);
    if (s.bulletinAgencyCode) await putSetting(tx, 'tasks.bulletinAgencyCode', s.bulletinAgencyCode);
    if (s.bulletinNextNumber) await putSetting(tx, 'tasks.bulletinNextNumber', s.bulletinNextNumber);
    await audit(tx, actor, { action: 'tasks.settings.update', objectType: 'setting', detail: { ...s } });
  });
  return s;
}

/** Continuous tasks are those whose instances depend on the cadence (no date, no recurrence of their own). */
const isCadenceDriven = (t: { deadlines: Parameters<typeof instancesFor>[0] }) =>
  instancesFor(t.deadlines, 2000, 'year').length !== instancesFor(t.deadlines, 2000, 'month').length;

export async function setPlanCadence(
  database: Database,
  actor: Actor,
  planId: string,
  cadence: Cadence,
): Promise<{ tasks: number; assignments: number }> {
  return database.db.transaction(async (tx) => {
    const plan = await lockFound(tx, workPlans, planId, '工作任务分工');
    const tasks = (await tx.select().from(planTasks).where(eq(planTasks.planId, planId))).filter(
      isCadenceDriven,
    );
    const taskIds = tasks.map((t) => t.id);
    const existing = taskIds.length
      ? await tx.select().from(taskAssignments).where(inArray(taskAssignments.taskId, taskIds))
      : [];
    const touched = existing.filter((a) => a.state !== 'not_started' || a.lastReportAt);
    const reported = existing.length
      ? await tx
          .select({ id: progressReports.id })
          .from(progressReports)
          .where(
            inArray(
              progressReports.assignmentId,
              existing.map((a) => a.id),
            ),
          )
          .limit(1)
      : [];
    if (touched.length || reported.length) throw conflict('持续性任务已有单位报送，不能再更改报送周期');
    let count = 0;
    for (const t of tasks) {
      const mine = existing.filter((a) => a.taskId === t.id);
      const units = new Map(mine.map((a) => [a.unitId, a.isLead]));
      await tx.delete(taskAssignments).where(and(eq(taskAssignments.taskId, t.id)));
      count += await insertAssignments(tx, t.id, units, instancesFor(t.deadlines, plan.year, cadence));
    }
    await tx.update(workPlans).set({ cadence }).where(eq(workPlans.id, planId));
    await audit(tx, actor, {
      action: 'tasks.plan.cadence',
      objectType: 'workPlan',
      objectId: planId,
      detail: { from: plan.cadence, to: cadence, tasks: tasks.length, assignments: count },
    });
    return { tasks: tasks.length, assignments: count };
  });
}
