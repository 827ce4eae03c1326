// The workflow of one assignment: the unit reports progress (or completion), the lead unit reviews a completion,
// the office closes it out (销号) or returns it, and sets a due date where the notice gave none. Each change locks
// the assignment, writes its audit row and notifies the people who act next, in one transaction.
import { eq } from 'drizzle-orm';
import { isOpenState } from '../../../domain/tasks/ledger';
import type { Database, DbOrTx, Tx } from '../../db/client';
import { progressReports, taskAssignments } from '../../db/schema/tasks';
import { type AuditEntry, audit } from '../../platform/audit/audit';
import type { Actor } from '../../platform/context';
import { conflict, forbidden, invalid } from '../../platform/errors';
import { notify } from '../../platform/notify/service';
import { activeUsersWithRole } from '../org';
import { citedAttachments } from './attachments';
import { type Loaded, lockAssignment, type Viewer } from './ledger.repo';

export interface ReportInput {
  text: string;
  completed: boolean;
  links: string[];
  fileIds: string[];
}

const ledgerLink = (assignmentId: string) => `/admin/tasks/ledger?assignment=${assignmentId}`;

/** Tells the liaisons of a unit about their assignment. */
export async function notifyLiaisons(
  tx: DbOrTx,
  unitId: string,
  assignmentId: string,
  title: string,
  body: string,
) {
  const liaisons = await activeUsersWithRole(tx, 'liaison', [unitId]);
  await notify(
    tx,
    liaisons.map((u) => ({ userId: u.id, title, body, link: ledgerLink(assignmentId) })),
  );
}

const notifyUnit = (tx: DbOrTx, l: Loaded, title: string, body: string) =>
  notifyLiaisons(tx, l.a.unitId, l.a.id, title, body);

/** One change of one assignment: who makes it (and what they may see), on which row, when. */
export interface AssignmentCall {
  database: Database;
  actor: Actor;
  v: Viewer;
  id: string;
  now: Date;
}

type Change = (
  tx: Tx,
  l: Loaded,
  log: (action: string, detail?: AuditEntry['detail']) => Promise<void>,
) => Promise<void>;

/** Locks and loads the assignment, then runs the change and its audit row (`log`) in one transaction. */
export function changeAssignment(c: AssignmentCall, change: Change): Promise<void> {
  return c.database.db.transaction(async (tx) => {
    const l = await lockAssignment(tx, c.v, c.id);
    const log = (action: string, detail?: AuditEntry['detail']) =>
      audit(tx, c.actor, { action, objectType: 'taskAssignment', objectId: c.id, detail }, c.now);
    await change(tx, l, log);
  });
}

export function reportProgress(c: AssignmentCall, input: ReportInput): Promise<void> {
  const { actor, id, now } = c;
  return changeAssignment(c, async (tx, l, log) => {
    if (!l.own) throw forbidden('只能报送本单位承担的任务');
    if (!isOpenState(l.a.state))
      throw conflict(l.a.state === 'closed' ? '任务已销号，不能再报送' : '已报送完成，等待审核');
    const attachments = await citedAttachments(tx, c.v, input.fileIds);
    await tx.insert(progressReports).values({
      assignmentId: id,
      text: input.text,
      completed: input.completed,
      links: input.links,
      attachments,
      reportedBy: actor.userId,
      reportedAt: now,
    });
    await tx
      .update(taskAssignments)
      .set({
        state: input.completed ? 'submitted' : 'in_progress',
        leadReview: null,
        leadReviewNote: null,
        lastReportAt: now,
        updatedAt: now,
      })
      .where(eq(taskAssignments.id, id));
    await log(input.completed ? 'tasks.progress.complete' : 'tasks.progress.report', {
      task: l.task.ref,
      attachments: attachments.length,
      links: input.links.length,
    });
    if (input.completed) {
      const office = await activeUsersWithRole(tx, 'office');
      await notify(
        tx,
        office.map((u) => ({
          userId: u.id,
          title: `${l.unitName}报送完成：${l.task.ref}，待审核销号`,
          body: l.task.text.slice(0, 120),
          link: ledgerLink(id),
        })),
      );
    }
  });
}

export function leadReview(
  c: AssignmentCall,
  decision: 'approved' | 'returned',
  note: string,
): Promise<void> {
  const { id, now } = c;
  return changeAssignment(c, async (tx, l, log) => {
    if (!l.lead) throw forbidden('只有牵头单位可以审核');
    if (l.a.state !== 'submitted') throw conflict('该任务没有待审核的完成报送');
    if (decision === 'returned' && !note.trim()) throw invalid('退回须填写理由');
    await tx
      .update(taskAssignments)
      .set(
        decision === 'approved'
          ? { leadReview: 'approved', leadReviewNote: note || null, updatedAt: now }
          : {
              leadReview: 'returned',
              leadReviewNote: note,
              state: 'returned',
              returnReason: note,
              updatedAt: now,
            },
      )
      .where(eq(taskAssignments.id, id));
    await log(`tasks.review.${decision}`, note);
    if (decision === 'returned') await notifyUnit(tx, l, `牵头单位退回：${l.task.ref}`, note);
  });
}

export function closeOut(c: AssignmentCall): Promise<void> {
  const { actor, id, now } = c;
  return changeAssignment(c, async (tx, l, log) => {
    if (l.a.state === 'closed') throw conflict('任务已销号');
    await tx
      .update(taskAssignments)
      .set({ state: 'closed', closedAt: now, closedBy: actor.userId, returnReason: null, updatedAt: now })
      .where(eq(taskAssignments.id, id));
    await log('tasks.closeout');
    await notifyUnit(tx, l, `任务已销号：${l.task.ref}`, l.task.text.slice(0, 120));
  });
}

export function returnAssignment(c: AssignmentCall, reason: string): Promise<void> {
  const { id, now } = c;
  return changeAssignment(c, async (tx, l, log) => {
    if (l.a.state === 'closed') throw conflict('任务已销号，不能退回');
    await tx
      .update(taskAssignments)
      .set({ state: 'returned', returnReason: reason, updatedAt: now })
      .where(eq(taskAssignments.id, id));
    await log('tasks.return', reason);
    await notifyUnit(tx, l, `任务被退回：${l.task.ref}`, reason);
  });
}

export function setDueDate(c: AssignmentCall, dueDate: string): Promise<void> {
  const { id, now } = c;
  return changeAssignment(c, async (tx, l, log) => {
    await tx.update(taskAssignments).set({ dueDate, updatedAt: now }).where(eq(taskAssignments.id, id));
    await log('tasks.due.set', { from: l.a.dueDate, to: dueDate });
  });
}
