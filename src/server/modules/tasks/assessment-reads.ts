// What the 考核评估 reads of the tasks ledger (through this module's face): each assignment due in the year up to
// `asOf`, met when it was closed (销号) on or before its due date.

import { and, eq, gte, lte } from 'drizzle-orm';
import type { AssessRecord } from '../../../domain/assessment/scoring';
import { chinaDate } from '../../../domain/calendar';
import type { DbOrTx } from '../../db/client';
import { planTasks, taskAssignments } from '../../db/schema/tasks';

const short = (s: string) => (s.length > 60 ? `${s.slice(0, 60)}…` : s);

export async function taskRecordsForYear(db: DbOrTx, year: number, asOf: string): Promise<AssessRecord[]> {
  const last = `${year}-12-31` < asOf ? `${year}-12-31` : asOf;
  const rows = await db
    .select({
      id: taskAssignments.id,
      unitId: taskAssignments.unitId,
      text: planTasks.text,
      ref: planTasks.ref,
      period: taskAssignments.period,
      dueDate: taskAssignments.dueDate,
      state: taskAssignments.state,
      closedAt: taskAssignments.closedAt,
    })
    .from(taskAssignments)
    .innerJoin(planTasks, eq(planTasks.id, taskAssignments.taskId))
    .where(and(gte(taskAssignments.dueDate, `${year}-01-01`), lte(taskAssignments.dueDate, last)))
    .orderBy(taskAssignments.dueDate, planTasks.sort);
  return rows.map((r) => {
    const closedOn = r.state === 'closed' && r.closedAt ? chinaDate(r.closedAt) : null;
    const ok = closedOn !== null && closedOn <= r.dueDate!;
    return {
      id: r.id,
      unitId: r.unitId,
      label: `${r.ref} ${short(r.text)}${r.period ? `（${r.period}）` : ''}`,
      ok,
      detail: `期限${r.dueDate}；${closedOn ? `${closedOn}销号${ok ? '' : '（逾期）'}` : '未销号'}`,
    };
  });
}
