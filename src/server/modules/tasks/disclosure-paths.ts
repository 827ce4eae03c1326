// Read service for the disclosure module: the disclosure paths (公开路径) of the tasks a unit leads or shares, so
// the catalog can map them onto the unit's columns without reading the tasks tables itself.
import { and, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { planTasks, taskAssignments, workPlans } from '../../db/schema/tasks';

export interface UnitTaskPaths {
  ref: string;
  text: string;
  plan: string;
  isLead: boolean;
  /** Each path as its segments, as the notice parser wrote them. */
  paths: string[][];
}

/** Tasks assigned to `unitId` that name at least one disclosure path. */
export async function unitTaskDisclosurePaths(db: DbOrTx, unitId: string): Promise<UnitTaskPaths[]> {
  return db
    .selectDistinct({
      ref: planTasks.ref,
      text: planTasks.text,
      plan: workPlans.title,
      isLead: taskAssignments.isLead,
      paths: planTasks.disclosurePaths,
    })
    .from(taskAssignments)
    .innerJoin(planTasks, eq(planTasks.id, taskAssignments.taskId))
    .innerJoin(workPlans, eq(workPlans.id, planTasks.planId))
    .where(
      and(eq(taskAssignments.unitId, unitId), sql`jsonb_array_length(${planTasks.disclosurePaths}) > 0`),
    );
}
