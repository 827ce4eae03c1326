// Reading one assignment: its task, reports, extension history, the other units' assignments of the task (for the
// lead unit and the office) and what the viewer may do now.
import type { AssignmentDetail, ExtensionRequest } from '../../../contracts/tasks';
import { isOpenState, ledgerStatus } from '../../../domain/tasks/ledger';
import type { DbOrTx } from '../../db/client';
import { userNames } from '../org';
import {
  extensionsOf,
  type Loaded,
  loadAssignment,
  reportsOf,
  siblingsOf,
  toRow,
  type Viewer,
} from './ledger.repo';

function canOf(v: Viewer, l: Loaded, pendingExtension: boolean): AssignmentDetail['can'] {
  const has = (p: string) => v.permissions.includes(p as never);
  const state = l.a.state;
  return {
    report: has('tasks:progress:report') && l.own && isOpenState(state),
    review: has('tasks:progress:review') && l.lead && state === 'submitted' && l.a.leadReview === null,
    close: has('tasks:assignment:close') && state !== 'closed',
    extend:
      has('tasks:extension:request') && l.own && isOpenState(state) && !!l.a.dueDate && !pendingExtension,
  };
}

/** Names of the users behind the given ids (null ids and unknown users stay null). */
export async function nameOf(db: DbOrTx, ids: (string | null)[]) {
  const names = await userNames(
    db,
    ids.filter((x): x is string => !!x),
  );
  return (id: string | null) => (id ? (names.get(id) ?? null) : null);
}

type ExtensionRow = Awaited<ReturnType<typeof extensionsOf>>[number];

export function toExtension(e: ExtensionRow, name: (id: string | null) => string | null): ExtensionRequest {
  return {
    id: e.id,
    oldDueDate: e.oldDueDate,
    newDueDate: e.newDueDate,
    reason: e.reason,
    status: e.status,
    requestedBy: name(e.requestedBy),
    requestedAt: e.requestedAt.toISOString(),
    decidedBy: name(e.decidedBy),
    decidedAt: e.decidedAt?.toISOString() ?? null,
    decisionNote: e.decisionNote,
  };
}

export async function getAssignment(
  db: DbOrTx,
  v: Viewer,
  id: string,
  today: string,
): Promise<AssignmentDetail> {
  const l = await loadAssignment(db, v, id);
  const reports = await reportsOf(db, id);
  const ext = await extensionsOf(db, id);
  const name = await nameOf(db, [
    ...reports.map((r) => r.reportedBy),
    ...ext.flatMap((e) => [e.requestedBy, e.decidedBy]),
  ]);
  const siblings = l.lead || v.dataScope === 'all' ? await siblingsOf(db, l.task.id, today) : [];
  const row = toRow({
    id: l.a.id,
    planId: l.task.planId,
    taskId: l.task.id,
    ref: l.task.ref,
    section: l.task.section,
    text: l.task.text,
    deadlines: l.task.deadlines,
    unitId: l.a.unitId,
    unitName: l.unitName,
    isLead: l.a.isLead,
    period: l.a.period,
    dueDate: l.a.dueDate,
    state: l.a.state,
    status: ledgerStatus(l.a.state, l.a.dueDate, today),
    leadReview: l.a.leadReview,
    returnReason: l.a.returnReason,
    lastReportAt: l.a.lastReportAt,
    closedAt: l.a.closedAt,
  });
  return {
    ...row,
    measures: l.task.measures,
    deadlines: l.task.deadlines,
    disclosurePaths: l.task.disclosurePaths,
    leadUnitsWritten: l.task.leadUnitsWritten,
    responsibleUnitsWritten: l.task.responsibleUnitsWritten,
    leadReviewNote: l.a.leadReviewNote,
    reports: reports.map((r) => ({
      id: r.id,
      text: r.text,
      completed: r.completed,
      links: r.links,
      attachments: r.attachments,
      reportedBy: name(r.reportedBy),
      reportedAt: r.reportedAt.toISOString(),
    })),
    extensions: ext.map((e) => toExtension(e, name)),
    siblings,
    can: canOf(
      v,
      l,
      ext.some((e) => e.status === 'pending'),
    ),
  };
}
