// 回头看 and 销号 of a whole task. Carry-over copies a plan's unfinished tasks into the next year's plan: each task
// (not closed as a whole, some unit's assignment still open) with the units that have not finished plus its lead
// units, one assignment each, its origin kept in `carried_from`; a task already carried into that plan is skipped.
// 销号 with evidence closes every open assignment of a task and keeps the evidence file and the note on the task.
import { and, eq, inArray, isNull, max } from 'drizzle-orm';
import type { Deadline } from '../../../domain/tasks/deadlines';
import { carriedRef, carryOverRefusal, isUnfinished } from '../../../domain/tasks/task-ledger';
import type { Database } from '../../db/client';
import { planTasks, reportFiles, taskAssignments, workPlans } from '../../db/schema/tasks';
import { audit } from '../../platform/audit/audit';
import type { Actor } from '../../platform/context';
import { conflict, invalid, notFound } from '../../platform/errors';
import { storeFile } from '../../platform/files/service';
import type { Upload } from '../../platform/http/upload';
import { lockFound } from '../../platform/lock-found';
import { ATTACHMENT_KINDS, ATTACHMENT_MAX_BYTES } from './attachments';
import type { Viewer } from './ledger.repo';
import { notifyLiaisons } from './progress';

export interface CarryOverInput {
  sourcePlanId: string;
  targetPlanId: string;
  dueDate?: string;
}

/** The carried task's deadline: the date the office gave, else 待定 (set later); the old wording kept. */
function carriedDeadlines(old: Deadline[], dueDate: string | undefined): Deadline[] {
  const was = old.map((d) => d.raw).join('；') || '无';
  return dueDate
    ? [{ kind: 'date', date: dueDate, raw: `${dueDate}前（回头看，原时限：${was}）` }]
    : [{ kind: 'relative', raw: `待定（回头看，原时限：${was}）` }];
}

export async function carryOver(
  database: Database,
  actor: Actor,
  input: CarryOverInput,
  now: Date,
): Promise<{ tasks: number; assignments: number }> {
  return database.db.transaction(async (tx) => {
    const source = (await tx.select().from(workPlans).where(eq(workPlans.id, input.sourcePlanId)))[0];
    if (!source) throw notFound('工作任务分工');
    // The target is locked: two carry-overs into the same plan run one after the other.
    const target = await lockFound(tx, workPlans, input.targetPlanId, '转入的工作任务分工');
    const refusal = carryOverRefusal(source.year, target.year, source.id === target.id);
    if (refusal) throw invalid(refusal);
    if (input.dueDate && !input.dueDate.startsWith(`${target.year}-`))
      throw invalid(`完成时限应在 ${target.year} 年内`);

    const tasks = await tx
      .select()
      .from(planTasks)
      .where(and(eq(planTasks.planId, source.id), isNull(planTasks.closedAt)))
      .orderBy(planTasks.sort);
    const assignments = tasks.length
      ? await tx
          .select({
            taskId: taskAssignments.taskId,
            unitId: taskAssignments.unitId,
            isLead: taskAssignments.isLead,
            state: taskAssignments.state,
          })
          .from(taskAssignments)
          .where(
            inArray(
              taskAssignments.taskId,
              tasks.map((t) => t.id),
            ),
          )
      : [];
    const already = new Set(
      (
        await tx
          .select({ from: planTasks.carriedFrom })
          .from(planTasks)
          .where(eq(planTasks.planId, target.id))
      ).map((r) => r.from),
    );
    const [{ top } = { top: 0 }] = await tx
      .select({ top: max(planTasks.sort) })
      .from(planTasks)
      .where(eq(planTasks.planId, target.id));
    let sort = top ?? 0;
    let taskCount = 0;
    let assignmentCount = 0;
    for (const t of tasks) {
      if (already.has(t.id)) continue;
      const own = assignments.filter((a) => a.taskId === t.id);
      if (!isUnfinished(own.map((a) => a.state))) continue;
      // Per unit: it comes along when it still owes work (any period open) or leads the task.
      const units = new Map<string, { lead: boolean; open: boolean }>();
      for (const a of own) {
        const u = units.get(a.unitId) ?? { lead: false, open: false };
        units.set(a.unitId, { lead: u.lead || a.isLead, open: u.open || a.state !== 'closed' });
      }
      const carried = [...units].filter(([, u]) => u.open || u.lead);
      const deadlines = carriedDeadlines(t.deadlines, input.dueDate);
      const [row] = await tx
        .insert(planTasks)
        .values({
          planId: target.id,
          ref: carriedRef(source.year, t.ref),
          sort: ++sort,
          section: t.section,
          text: t.text,
          measures: t.measures,
          leadUnitsWritten: t.leadUnitsWritten,
          responsibleUnitsWritten: t.responsibleUnitsWritten,
          deadlines,
          disclosurePaths: t.disclosurePaths,
          carriedFrom: t.id,
        })
        .returning({ id: planTasks.id });
      await tx.insert(taskAssignments).values(
        carried.map(([unitId, u]) => ({
          taskId: row!.id,
          unitId,
          isLead: u.lead,
          period: null,
          dueDate: input.dueDate ?? null,
        })),
      );
      taskCount++;
      assignmentCount += carried.length;
    }
    if (!taskCount) throw conflict('没有可转入的未完成任务（均已销号或已转入该年度）');
    await audit(
      tx,
      actor,
      {
        action: 'tasks.plan.carryover',
        objectType: 'workPlan',
        objectId: target.id,
        detail: { from: source.id, fromYear: source.year, tasks: taskCount, assignments: assignmentCount },
      },
      now,
    );
    return { tasks: taskCount, assignments: assignmentCount };
  });
}

/** 销号 of a whole task with its evidence: every assignment not yet closed is closed, the units are told. */
export async function closeTask(
  database: Database,
  actor: Actor,
  v: Viewer,
  taskId: string,
  note: string,
  evidence: Upload,
  now: Date,
): Promise<void> {
  await database.db.transaction(async (tx) => {
    const task = await lockFound(tx, planTasks, taskId, '任务');
    if (task.closedAt) throw conflict('任务已销号');
    const f = await storeFile(
      tx,
      { name: evidence.name, bytes: evidence.bytes, uploadedBy: actor.userId },
      { allowed: [...ATTACHMENT_KINDS], maxBytes: ATTACHMENT_MAX_BYTES },
    );
    // Registered like a report's attachment: the tasks' attachment download serves it.
    await tx.insert(reportFiles).values({ fileId: f.id, unitId: v.unitId, uploadedBy: actor.userId });
    const closeEvidence = { fileId: f.id, name: f.name, size: f.size };
    await tx
      .update(planTasks)
      .set({ closedAt: now, closedBy: actor.userId, closeNote: note, closeEvidence })
      .where(eq(planTasks.id, taskId));
    const open = await tx
      .update(taskAssignments)
      .set({ state: 'closed', closedAt: now, closedBy: actor.userId, returnReason: null, updatedAt: now })
      .where(and(eq(taskAssignments.taskId, taskId), inArray(taskAssignments.state, OPEN_OR_SUBMITTED)))
      .returning({ id: taskAssignments.id, unitId: taskAssignments.unitId });
    await audit(
      tx,
      actor,
      {
        action: 'tasks.task.close',
        objectType: 'planTask',
        objectId: taskId,
        detail: { ref: task.ref, note, evidence: f.name, assignments: open.length },
      },
      now,
    );
    for (const a of open) await notifyLiaisons(tx, a.unitId, a.id, `任务已销号：${task.ref}`, note);
  });
}

const OPEN_OR_SUBMITTED = ['not_started', 'in_progress', 'submitted', 'returned'] as const;
