// Extension requests (延期): a unit asks for a later due date on its open assignment, a leader approves or rejects;
// the approval moves the assignment's due date. The request and the assignment are locked while they change.
import { and, desc, eq } from 'drizzle-orm';
import { isOpenState } from '../../../domain/tasks/ledger';
import type { Database, DbOrTx } from '../../db/client';
import { lockAndLoad } from '../../db/lock';
import { extensionRequests, planTasks, taskAssignments } from '../../db/schema/tasks';
import { audit } from '../../platform/audit/audit';
import type { Actor } from '../../platform/context';
import { conflict, forbidden, invalid } from '../../platform/errors';
import { lockFound } from '../../platform/lock-found';
import { notify } from '../../platform/notify/service';
import { activeUsersWithRole, unitNameSql } from '../org';
import { nameOf, toExtension } from './assignment';
import { type AssignmentCall, changeAssignment, notifyLiaisons } from './progress';

export function requestExtension(c: AssignmentCall, newDueDate: string, reason: string): Promise<void> {
  const { actor, id, now } = c;
  return changeAssignment(c, async (tx, l) => {
    if (!l.own) throw forbidden('只能为本单位承担的任务申请延期');
    if (!isOpenState(l.a.state)) throw conflict('该任务当前不能申请延期');
    if (!l.a.dueDate) throw invalid('该任务没有完成时限，无需延期');
    if (newDueDate <= l.a.dueDate) throw invalid(`延期后的日期应晚于原完成时限 ${l.a.dueDate}`);
    const pending = await tx
      .select({ id: extensionRequests.id })
      .from(extensionRequests)
      .where(and(eq(extensionRequests.assignmentId, id), eq(extensionRequests.status, 'pending')));
    if (pending.length) throw conflict('已有待审批的延期申请');
    const [row] = await tx
      .insert(extensionRequests)
      .values({
        assignmentId: id,
        oldDueDate: l.a.dueDate,
        newDueDate,
        reason,
        requestedBy: actor.userId,
        requestedAt: now,
      })
      .returning({ id: extensionRequests.id });
    await audit(
      tx,
      actor,
      {
        action: 'tasks.extension.request',
        objectType: 'extensionRequest',
        objectId: row!.id,
        detail: { assignment: id, from: l.a.dueDate, to: newDueDate },
      },
      now,
    );
    const leaders = await activeUsersWithRole(tx, 'leader');
    await notify(
      tx,
      leaders.map((u) => ({
        userId: u.id,
        title: `${l.unitName}申请延期：${l.task.ref}（${l.a.dueDate} → ${newDueDate}）`,
        body: reason,
        link: '/admin/tasks/extensions',
      })),
    );
  });
}

export async function decideExtension(
  database: Database,
  actor: Actor,
  id: string,
  decision: 'approved' | 'rejected',
  note: string,
  now: Date,
): Promise<void> {
  await database.db.transaction(async (tx) => {
    const e = await lockFound(tx, extensionRequests, id, '延期申请');
    if (e.status !== 'pending') throw conflict('该申请已审批');
    const a = (await lockAndLoad(tx, taskAssignments, e.assignmentId))!;
    await tx
      .update(extensionRequests)
      .set({ status: decision, decidedBy: actor.userId, decidedAt: now, decisionNote: note || null })
      .where(eq(extensionRequests.id, id));
    if (decision === 'approved')
      await tx
        .update(taskAssignments)
        .set({ dueDate: e.newDueDate, updatedAt: now })
        .where(eq(taskAssignments.id, a.id));
    await audit(
      tx,
      actor,
      {
        action: `tasks.extension.${decision}`,
        objectType: 'extensionRequest',
        objectId: id,
        detail: { assignment: e.assignmentId, to: e.newDueDate, note },
      },
      now,
    );
    await notifyLiaisons(
      tx,
      a.unitId,
      a.id,
      decision === 'approved' ? `延期已批准，新完成时限 ${e.newDueDate}` : '延期申请未获批准',
      note,
    );
  });
}

export async function listExtensions(db: DbOrTx, status?: 'pending' | 'approved' | 'rejected') {
  const rows = await db
    .select({
      e: extensionRequests,
      unitName: unitNameSql(taskAssignments.unitId),
      ref: planTasks.ref,
      text: planTasks.text,
    })
    .from(extensionRequests)
    .innerJoin(taskAssignments, eq(taskAssignments.id, extensionRequests.assignmentId))
    .innerJoin(planTasks, eq(planTasks.id, taskAssignments.taskId))
    .where(status ? eq(extensionRequests.status, status) : undefined)
    .orderBy(desc(extensionRequests.requestedAt))
    .limit(500);
  const name = await nameOf(
    db,
    rows.flatMap((r) => [r.e.requestedBy, r.e.decidedBy]),
  );
  return rows.map((r) => ({
    ...toExtension(r.e, name),
    assignmentId: r.e.assignmentId,
    unitName: r.unitName,
    ref: r.ref,
    text: r.text,
  }));
}
