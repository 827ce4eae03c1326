// The ledger by task (issue 14 part 6): reading one page of a plan's tasks with their units as sub-rows, and the
// bulk actions on selected sub-rows — 催办 (notify the units' liaisons) and 延期 (move the due date). A bulk action
// is all-or-nothing: every selected assignment is locked and checked with the single action's rules (the viewer's
// scope, the state), then each gets its change and its own audit row, in one transaction.
import { eq } from 'drizzle-orm';
import type { TaskLedgerPage, TaskLedgerQuery } from '../../../contracts/tasks';
import { isOpenState } from '../../../domain/tasks/ledger';
import { extensionRefusal, taskProgress, taskStatus } from '../../../domain/tasks/task-ledger';
import type { Database, DbOrTx } from '../../db/client';
import { taskAssignments } from '../../db/schema/tasks';
import { audit } from '../../platform/audit/audit';
import type { Actor } from '../../platform/context';
import { conflict, forbidden, invalid } from '../../platform/errors';
import { type Loaded, lockAssignment, planOrLatest, type Viewer } from './ledger.repo';
import { notifyLiaisons } from './progress';
import { taskLedgerPage } from './task-ledger.repo';

const iso = (t: Date | string | null) => (t ? new Date(t).toISOString() : null);

export async function listTaskLedger(
  db: DbOrTx,
  v: Viewer,
  q: TaskLedgerQuery,
  today: string,
): Promise<TaskLedgerPage> {
  let plan: { id: string; title: string; year: number };
  try {
    plan = await planOrLatest(db, q.planId);
  } catch (e) {
    // No plan imported yet: an empty ledger, not an error.
    if (!q.planId) return { items: [], total: 0, plan: null };
    throw e;
  }
  const rows = await taskLedgerPage(db, v, plan.id, q, today);
  return {
    plan: { id: plan.id, title: plan.title, year: plan.year },
    total: rows[0]?.total ?? 0,
    items: rows.map((r) => ({
      taskId: r.id,
      planId: r.plan_id,
      ref: r.ref,
      section: r.section,
      text: r.text,
      measures: r.measures,
      deadlineRaw: r.deadlines.map((d) => d.raw).join('；'),
      leadUnitsWritten: r.lead_units_written,
      responsibleUnitsWritten: r.responsible_units_written,
      status: taskStatus(r.statuses),
      progress: taskProgress(r.statuses),
      units: r.units.map((u) => ({ ...u, lastReportAt: iso(u.lastReportAt), closedAt: iso(u.closedAt) })),
      carriedFrom:
        r.origin_id && r.origin_ref && r.origin_year !== null && r.origin_title
          ? { taskId: r.origin_id, ref: r.origin_ref, year: r.origin_year, planTitle: r.origin_title }
          : null,
      closedAt: iso(r.closed_at),
      closeNote: r.close_note,
      closeEvidence: r.close_evidence,
    })),
  };
}

export interface BulkCall {
  database: Database;
  actor: Actor;
  v: Viewer;
  ids: string[];
  now: Date;
}

const label = (l: Loaded) => `任务 ${l.task.ref}（${l.unitName}）`;

/** Locks every selected assignment (scope-checked), in id order so two bulk calls never deadlock. */
async function lockAll(tx: DbOrTx, v: Viewer, ids: string[]): Promise<Loaded[]> {
  const out: Loaded[] = [];
  for (const id of [...new Set(ids)].sort()) out.push(await lockAssignment(tx, v, id));
  return out;
}

/**
 * 催办: the office reminds any unit; a lead unit reminds the units of the tasks it leads. Only assignments the
 * unit still owes work on can be reminded; each reminder audited.
 */
export function bulkRemind(c: BulkCall, note: string): Promise<{ count: number }> {
  return c.database.db.transaction(async (tx) => {
    const all = await lockAll(tx, c.v, c.ids);
    for (const l of all) {
      if (c.v.dataScope !== 'all' && !l.lead)
        throw forbidden(`${label(l)}：只能催办本单位牵头任务的承担单位`);
      if (!isOpenState(l.a.state))
        throw conflict(
          `${label(l)}：${l.a.state === 'closed' ? '已销号' : '已报送完成、等待审核'}，无需催办`,
        );
    }
    for (const l of all) {
      await notifyLiaisons(
        tx,
        l.a.unitId,
        l.a.id,
        `催办：任务 ${l.task.ref}${l.a.dueDate ? `（完成时限 ${l.a.dueDate}）` : ''}`,
        note || l.task.text.slice(0, 120),
      );
      await audit(
        tx,
        c.actor,
        { action: 'tasks.remind', objectType: 'taskAssignment', objectId: l.a.id, detail: note || null },
        c.now,
      );
    }
    return { count: all.length };
  });
}

/** 批量延期 (the office): each selected assignment obeys the single extension's rules, else nothing changes. */
export function bulkExtend(c: BulkCall, newDueDate: string, reason: string): Promise<{ count: number }> {
  return c.database.db.transaction(async (tx) => {
    const all = await lockAll(tx, c.v, c.ids);
    for (const l of all) {
      const refusal = extensionRefusal(l.a.state, l.a.dueDate, newDueDate);
      if (refusal) throw invalid(`${label(l)}：${refusal}`);
    }
    for (const l of all) {
      await tx
        .update(taskAssignments)
        .set({ dueDate: newDueDate, updatedAt: c.now })
        .where(eq(taskAssignments.id, l.a.id));
      await audit(
        tx,
        c.actor,
        {
          action: 'tasks.due.extend',
          objectType: 'taskAssignment',
          objectId: l.a.id,
          detail: { from: l.a.dueDate, to: newDueDate, reason },
        },
        c.now,
      );
      await notifyLiaisons(tx, l.a.unitId, l.a.id, `任务 ${l.task.ref} 完成时限延至 ${newDueDate}`, reason);
    }
    return { count: all.length };
  });
}
