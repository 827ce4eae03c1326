// 整改 tasks opened by other modules (issue 12 part 4: website-check findings): one work plan per year collects
// them, each 整改 is a task with one assignment for the owning unit, so it shows in that unit's ledger with its
// deadline and reminders like any other task.
import { eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { countWhere } from '../../db/pages';
import { planTasks, taskAssignments, workPlans } from '../../db/schema/tasks';

const PLAN_LOCK = 7324501;

export interface RectificationTaskInput {
  year: number;
  /** The task text (the finding and what to fix). */
  text: string;
  unitId: string;
  dueDate: string;
  createdBy: string | null;
}

/** Opens the 整改 task inside the caller's transaction; returns the assignment id. */
export async function openRectificationTask(tx: DbOrTx, input: RectificationTaskInput): Promise<string> {
  await tx.execute(sql`SELECT pg_advisory_xact_lock(${PLAN_LOCK})`);
  const fingerprint = `rectification-${input.year}`;
  let [plan] = await tx
    .select({ id: workPlans.id })
    .from(workPlans)
    .where(eq(workPlans.fingerprint, fingerprint));
  if (!plan)
    [plan] = await tx
      .insert(workPlans)
      .values({
        title: `${input.year}年政府网站与政务新媒体检查整改`,
        issuer: '政务公开办公室',
        year: input.year,
        fingerprint,
        createdBy: input.createdBy,
      })
      .returning({ id: workPlans.id });
  const sort = (await countWhere(tx, planTasks, eq(planTasks.planId, plan!.id))) + 1;
  const [task] = await tx
    .insert(planTasks)
    .values({
      planId: plan!.id,
      ref: `ZG-${sort}`,
      sort,
      section: ['网站检查整改'],
      text: input.text,
      deadlines: [],
      disclosurePaths: [],
    })
    .returning({ id: planTasks.id });
  const [a] = await tx
    .insert(taskAssignments)
    .values({ taskId: task!.id, unitId: input.unitId, isLead: true, dueDate: input.dueDate })
    .returning({ id: taskAssignments.id });
  return a!.id;
}

/** Closes (销号) the 整改 task: the re-check no longer finds the fault. */
export async function closeRectificationTask(
  tx: DbOrTx,
  assignmentId: string,
  closedBy: string | null,
): Promise<void> {
  await tx
    .update(taskAssignments)
    .set({ state: 'closed', closedAt: new Date(), closedBy, updatedAt: new Date() })
    .where(eq(taskAssignments.id, assignmentId));
}
