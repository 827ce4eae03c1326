// Start-up of the tasks module: the daily reminder job. No calendar-change hook is needed: task deadlines are
// calendar dates written in the notice (not working-day counts), statuses are derived at read time, and the
// reminder job counts working days with the calendar in force on the day it runs.

import { registerAuditNamer } from '../../platform/audit/names';
import type { Platform } from '../../platform/context';
import { registerJob } from '../../platform/jobs/scheduler';
import { assignmentNames, planTaskNames, workPlanNames } from './ledger.repo';
import { reminderJob } from './reminders';

export function tasksInit(_p: Platform): void {
  registerJob(reminderJob);
  registerAuditNamer(['taskAssignment'], assignmentNames);
  registerAuditNamer(['planTask'], planTaskNames);
  registerAuditNamer(['workPlan'], workPlanNames);
}
