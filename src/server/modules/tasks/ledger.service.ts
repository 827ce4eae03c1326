// The ledger (台账): who sees which assignments, progress reports with evidence, lead-unit review, office
// close-out (销号) or return, and extension requests approved by a leader. Statuses are derived at read time.
import { and, asc, desc, eq, ilike, inArray, or, type SQL, sql } from 'drizzle-orm';
import type { Paged } from '../../../contracts/api';
import type {
  AssignmentDetail,
  Dashboard,
  DashboardBucket,
  ExtensionRequest,
  LedgerRow,
  LedgerView,
} from '../../../contracts/tasks';
import {
  type AssignmentState,
  isOpenState,
  LEDGER_STATUSES,
  type LedgerStatus,
  ledgerStatus,
} from '../../../domain/tasks/ledger';
import type { Database, DbOrTx } from '../../db/client';
import {
  extensionRequests,
  files,
  planTasks,
  progressReports,
  reportFiles,
  taskAssignments,
  units,
  userRoles,
  users,
  workPlans,
} from '../../db/schema';
import { audit } from '../../platform/audit/audit';
import type { Actor, SessionUser } from '../../platform/context';
import { conflict, forbidden, invalid, notFound, outOfScope } from '../../platform/errors';
import { readFile, storeFile } from '../../platform/files/service';
import type { Upload } from '../../platform/http/upload';
import { notify } from '../../platform/notify/service';

type Viewer = Pick<SessionUser, 'dataScope' | 'unitId' | 'permissions'>;

/** SQL twin of domain `ledgerStatus` (for filtering and counting in the database). */
export function statusSql(today: string): SQL<LedgerStatus> {
  return sql<LedgerStatus>`CASE WHEN ${taskAssignments.dueDate} IS NOT NULL AND ${taskAssignments.state} IN ('not_started','in_progress','returned') AND ${taskAssignments.dueDate} < ${today}::date THEN 'overdue' ELSE ${taskAssignments.state} END`;
}

const subtree = (v: Viewer) => sql`(SELECT gk_unit_subtree(${v.unitId}::uuid))`;
/** Tasks the viewer's unit (or a sub-unit) leads. */
const ledTasks = (v: Viewer) =>
  sql`(SELECT l.task_id FROM task_assignments l WHERE l.is_lead AND l.unit_id IN ${subtree(v)})`;

/** The viewer's scope: own unit's assignments, plus every assignment of the tasks the unit leads. */
export function visibleTo(v: Viewer, view: LedgerView = 'all'): SQL | undefined {
  const mine = sql`${taskAssignments.unitId} IN ${subtree(v)}`;
  const led = sql`${taskAssignments.taskId} IN ${ledTasks(v)}`;
  if (view === 'mine') return mine;
  if (view === 'lead') return led;
  if (v.dataScope === 'all') return undefined;
  return or(mine, led);
}

async function scopeUnitIds(db: DbOrTx, v: Viewer): Promise<Set<string>> {
  const r = await db.execute<{ id: string }>(sql`SELECT gk_unit_subtree(${v.unitId}::uuid) AS id`);
  return new Set(r.rows.map((x) => x.id));
}

const rowColumns = (today: string) => ({
  id: taskAssignments.id,
  planId: planTasks.planId,
  taskId: planTasks.id,
  ref: planTasks.ref,
  section: planTasks.section,
  text: planTasks.text,
  deadlines: planTasks.deadlines,
  unitId: taskAssignments.unitId,
  unitName: units.name,
  isLead: taskAssignments.isLead,
  period: taskAssignments.period,
  dueDate: taskAssignments.dueDate,
  state: taskAssignments.state,
  status: statusSql(today),
  leadReview: taskAssignments.leadReview,
  returnReason: taskAssignments.returnReason,
  lastReportAt: taskAssignments.lastReportAt,
  closedAt: taskAssignments.closedAt,
});

type RawRow = {
  [K in keyof ReturnType<typeof rowColumns>]: unknown;
} & {
  id: string;
  planId: string;
  taskId: string;
  ref: string;
  section: string[];
  text: string;
  deadlines: { raw: string }[];
  unitId: string;
  unitName: string;
  isLead: boolean;
  period: string | null;
  dueDate: string | null;
  state: AssignmentState;
  status: LedgerStatus;
  leadReview: 'approved' | 'returned' | null;
  returnReason: string | null;
  lastReportAt: Date | null;
  closedAt: Date | null;
};

function toRow(r: RawRow): LedgerRow {
  return {
    id: r.id,
    planId: r.planId,
    taskId: r.taskId,
    ref: r.ref,
    section: r.section,
    text: r.text,
    unitId: r.unitId,
    unitName: r.unitName,
    isLead: r.isLead,
    period: r.period,
    dueDate: r.dueDate,
    deadlineRaw: r.deadlines.map((d) => d.raw).join('；'),
    state: r.state,
    status: r.status,
    leadReview: r.leadReview,
    returnReason: r.returnReason,
    lastReportAt: r.lastReportAt ? new Date(r.lastReportAt).toISOString() : null,
    closedAt: r.closedAt ? new Date(r.closedAt).toISOString() : null,
  };
}

export interface LedgerQuery {
  planId?: string;
  status?: LedgerStatus;
  unitId?: string;
  view?: LedgerView;
  keyword?: string;
  page: number;
  pageSize: number;
}

function ledgerWhere(v: Viewer, q: Omit<LedgerQuery, 'page' | 'pageSize'>, today: string) {
  return and(
    visibleTo(v, q.view),
    q.planId ? eq(planTasks.planId, q.planId) : undefined,
    q.unitId ? eq(taskAssignments.unitId, q.unitId) : undefined,
    q.status ? sql`${statusSql(today)} = ${q.status}` : undefined,
    q.keyword ? ilike(planTasks.text, `%${q.keyword.replace(/[%_\\]/g, '\\$&')}%`) : undefined,
  );
}

export async function listLedger(
  db: DbOrTx,
  v: Viewer,
  q: LedgerQuery,
  today: string,
): Promise<Paged<LedgerRow>> {
  const where = ledgerWhere(v, q, today);
  const base = () =>
    db
      .select(rowColumns(today))
      .from(taskAssignments)
      .innerJoin(planTasks, eq(planTasks.id, taskAssignments.taskId))
      .innerJoin(units, eq(units.id, taskAssignments.unitId))
      .where(where);
  const [{ n } = { n: 0 }] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(taskAssignments)
    .innerJoin(planTasks, eq(planTasks.id, taskAssignments.taskId))
    .where(where);
  const rows = await base()
    .orderBy(asc(planTasks.sort), desc(taskAssignments.isLead), asc(units.sort), asc(taskAssignments.period))
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize);
  return { items: (rows as RawRow[]).map(toRow), total: n };
}

/** All visible rows of a plan (dashboard, export, bulletin). */
export async function allRows(db: DbOrTx, v: Viewer, planId: string | undefined, today: string) {
  const rows = await db
    .select({ ...rowColumns(today), measures: planTasks.measures, sort: planTasks.sort })
    .from(taskAssignments)
    .innerJoin(planTasks, eq(planTasks.id, taskAssignments.taskId))
    .innerJoin(units, eq(units.id, taskAssignments.unitId))
    .where(and(visibleTo(v), planId ? eq(planTasks.planId, planId) : undefined))
    .orderBy(asc(planTasks.sort), desc(taskAssignments.isLead), asc(units.sort), asc(taskAssignments.period));
  return rows as (RawRow & { measures: string[]; sort: number })[];
}

interface Loaded {
  a: typeof taskAssignments.$inferSelect;
  task: typeof planTasks.$inferSelect;
  unitName: string;
  /** the viewer's unit is (or contains) the assignment's unit */
  own: boolean;
  /** the viewer's unit leads the task */
  lead: boolean;
}

async function load(db: DbOrTx, v: Viewer, id: string): Promise<Loaded> {
  const r = (
    await db
      .select({ a: taskAssignments, task: planTasks, unitName: units.name })
      .from(taskAssignments)
      .innerJoin(planTasks, eq(planTasks.id, taskAssignments.taskId))
      .innerJoin(units, eq(units.id, taskAssignments.unitId))
      .where(eq(taskAssignments.id, id))
  )[0];
  if (!r) throw notFound('任务');
  const mine = await scopeUnitIds(db, v);
  const own = mine.has(r.a.unitId);
  const leads = await db
    .select({ unitId: taskAssignments.unitId })
    .from(taskAssignments)
    .where(and(eq(taskAssignments.taskId, r.task.id), eq(taskAssignments.isLead, true)));
  const lead = leads.some((l) => mine.has(l.unitId));
  if (v.dataScope !== 'all' && !own && !lead) throw outOfScope();
  return { ...r, own, lead };
}

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

const userName = async (db: DbOrTx, ids: (string | null)[]) => {
  const list = [...new Set(ids.filter((x): x is string => !!x))];
  if (!list.length) return new Map<string, string>();
  const rows = await db.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, list));
  return new Map(rows.map((r) => [r.id, r.name]));
};

export async function getAssignment(
  db: DbOrTx,
  v: Viewer,
  id: string,
  today: string,
): Promise<AssignmentDetail> {
  const l = await load(db, v, id);
  const reports = await db
    .select()
    .from(progressReports)
    .where(eq(progressReports.assignmentId, id))
    .orderBy(desc(progressReports.reportedAt));
  const ext = await db
    .select()
    .from(extensionRequests)
    .where(eq(extensionRequests.assignmentId, id))
    .orderBy(desc(extensionRequests.requestedAt));
  const names = await userName(db, [
    ...reports.map((r) => r.reportedBy),
    ...ext.flatMap((e) => [e.requestedBy, e.decidedBy]),
  ]);
  const siblings =
    l.lead || v.dataScope === 'all'
      ? await db
          .select({
            id: taskAssignments.id,
            unitName: units.name,
            isLead: taskAssignments.isLead,
            period: taskAssignments.period,
            status: statusSql(today),
          })
          .from(taskAssignments)
          .innerJoin(units, eq(units.id, taskAssignments.unitId))
          .where(eq(taskAssignments.taskId, l.task.id))
          .orderBy(desc(taskAssignments.isLead), asc(units.sort), asc(taskAssignments.period))
      : [];
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
  const extensions: ExtensionRequest[] = ext.map((e) => ({
    id: e.id,
    oldDueDate: e.oldDueDate,
    newDueDate: e.newDueDate,
    reason: e.reason,
    status: e.status,
    requestedBy: e.requestedBy ? (names.get(e.requestedBy) ?? null) : null,
    requestedAt: e.requestedAt.toISOString(),
    decidedBy: e.decidedBy ? (names.get(e.decidedBy) ?? null) : null,
    decidedAt: e.decidedAt?.toISOString() ?? null,
    decisionNote: e.decisionNote,
  }));
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
      reportedBy: r.reportedBy ? (names.get(r.reportedBy) ?? null) : null,
      reportedAt: r.reportedAt.toISOString(),
    })),
    extensions,
    siblings: siblings.map((s) => ({ ...s, status: s.status as LedgerStatus })),
    can: canOf(
      v,
      l,
      ext.some((e) => e.status === 'pending'),
    ),
  };
}

/** Active users holding `role`, optionally only in the given units. */
export async function usersWithRole(db: DbOrTx, role: string, unitIds?: string[]): Promise<string[]> {
  if (unitIds && unitIds.length === 0) return [];
  const rows = await db
    .select({ id: users.id })
    .from(users)
    .innerJoin(userRoles, eq(userRoles.userId, users.id))
    .where(
      and(
        eq(userRoles.roleCode, role),
        eq(users.status, 'active'),
        unitIds ? inArray(users.unitId, unitIds) : undefined,
      ),
    );
  return rows.map((r) => r.id);
}

const ATTACHMENT_KINDS = ['pdf', 'docx', 'xlsx', 'png', 'jpeg', 'gif', 'txt', 'zip'] as const;
export const ATTACHMENT_MAX_BYTES = 20 * 1024 * 1024;

export async function uploadAttachment(
  database: Database,
  actor: Actor,
  v: Viewer,
  upload: Upload,
): Promise<{ fileId: string; name: string; size: number }> {
  return database.db.transaction(async (tx) => {
    const f = await storeFile(
      tx,
      { name: upload.name, bytes: upload.bytes, uploadedBy: actor.userId },
      { allowed: [...ATTACHMENT_KINDS], maxBytes: ATTACHMENT_MAX_BYTES },
    );
    await tx.insert(reportFiles).values({ fileId: f.id, unitId: v.unitId, uploadedBy: actor.userId });
    await audit(tx, actor, {
      action: 'tasks.attachment.upload',
      objectType: 'file',
      objectId: f.id,
      detail: f.name,
    });
    return { fileId: f.id, name: f.name, size: f.size };
  });
}

/** An attachment is readable by whoever can see an assignment whose report cites it (or who uploaded it). */
export async function readAttachment(db: DbOrTx, v: Viewer & { id: string }, fileId: string) {
  const meta = (await db.select().from(reportFiles).where(eq(reportFiles.fileId, fileId)))[0];
  if (!meta) throw notFound('附件');
  if (meta.uploadedBy !== v.id && v.dataScope !== 'all') {
    const cited = await db
      .select({ id: progressReports.assignmentId })
      .from(progressReports)
      .where(sql`${progressReports.attachments} @> ${JSON.stringify([{ fileId }])}::jsonb`);
    let ok = false;
    for (const c of cited) {
      try {
        await load(db, v, c.id);
        ok = true;
        break;
      } catch {
        // not visible through this report; try the next
      }
    }
    if (!ok) throw outOfScope();
  }
  const f = await readFile(db, fileId);
  if (!f) throw notFound('附件');
  return f;
}

export interface ReportInput {
  text: string;
  completed: boolean;
  links: string[];
  fileIds: string[];
}

export async function reportProgress(
  database: Database,
  actor: Actor,
  v: Viewer,
  id: string,
  input: ReportInput,
  now: Date,
): Promise<void> {
  await database.db.transaction(async (tx) => {
    const l = await load(tx, v, id);
    if (!l.own) throw forbidden('只能报送本单位承担的任务');
    if (!isOpenState(l.a.state))
      throw conflict(l.a.state === 'closed' ? '任务已销号，不能再报送' : '已报送完成，等待审核');
    let attachments: { fileId: string; name: string; size: number }[] = [];
    if (input.fileIds.length) {
      const rows = await tx
        .select({ fileId: files.id, name: files.name, size: files.size, unitId: reportFiles.unitId })
        .from(reportFiles)
        .innerJoin(files, eq(files.id, reportFiles.fileId))
        .where(inArray(reportFiles.fileId, input.fileIds));
      if (rows.length !== new Set(input.fileIds).size || rows.some((r) => r.unitId !== v.unitId))
        throw invalid('附件不存在或不属于本单位，请重新上传');
      attachments = rows.map((r) => ({ fileId: r.fileId, name: r.name, size: r.size }));
    }
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
    await audit(
      tx,
      actor,
      {
        action: input.completed ? 'tasks.progress.complete' : 'tasks.progress.report',
        objectType: 'taskAssignment',
        objectId: id,
        detail: { task: l.task.ref, attachments: attachments.length, links: input.links.length },
      },
      now,
    );
    if (input.completed) {
      const office = await usersWithRole(tx, 'office');
      await notify(
        tx,
        office.map((userId) => ({
          userId,
          title: `${l.unitName}报送完成：${l.task.ref}，待审核销号`,
          body: l.task.text.slice(0, 120),
          link: `/admin/tasks/ledger?assignment=${id}`,
        })),
      );
    }
  });
}

export async function leadReview(
  database: Database,
  actor: Actor,
  v: Viewer,
  id: string,
  decision: 'approved' | 'returned',
  note: string,
  now: Date,
): Promise<void> {
  await database.db.transaction(async (tx) => {
    const l = await load(tx, v, id);
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
    await audit(
      tx,
      actor,
      { action: `tasks.review.${decision}`, objectType: 'taskAssignment', objectId: id, detail: note },
      now,
    );
    if (decision === 'returned') await notifyUnit(tx, l, `牵头单位退回：${l.task.ref}`, note, 'returned');
  });
}

async function notifyUnit(tx: DbOrTx, l: Loaded, title: string, body: string, _what: string) {
  const liaisons = await usersWithRole(tx, 'liaison', [l.a.unitId]);
  await notify(
    tx,
    liaisons.map((userId) => ({ userId, title, body, link: `/admin/tasks/ledger?assignment=${l.a.id}` })),
  );
}

export async function closeOut(
  database: Database,
  actor: Actor,
  v: Viewer,
  id: string,
  now: Date,
): Promise<void> {
  await database.db.transaction(async (tx) => {
    const l = await load(tx, v, id);
    if (l.a.state === 'closed') throw conflict('任务已销号');
    await tx
      .update(taskAssignments)
      .set({ state: 'closed', closedAt: now, closedBy: actor.userId, returnReason: null, updatedAt: now })
      .where(eq(taskAssignments.id, id));
    await audit(tx, actor, { action: 'tasks.closeout', objectType: 'taskAssignment', objectId: id }, now);
    await notifyUnit(tx, l, `任务已销号：${l.task.ref}`, l.task.text.slice(0, 120), 'closed');
  });
}

export async function returnAssignment(
  database: Database,
  actor: Actor,
  v: Viewer,
  id: string,
  reason: string,
  now: Date,
): Promise<void> {
  await database.db.transaction(async (tx) => {
    const l = await load(tx, v, id);
    if (l.a.state === 'closed') throw conflict('任务已销号，不能退回');
    await tx
      .update(taskAssignments)
      .set({ state: 'returned', returnReason: reason, updatedAt: now })
      .where(eq(taskAssignments.id, id));
    await audit(
      tx,
      actor,
      { action: 'tasks.return', objectType: 'taskAssignment', objectId: id, detail: reason },
      now,
    );
    await notifyUnit(tx, l, `任务被退回：${l.task.ref}`, reason, 'returned');
  });
}

export async function setDueDate(
  database: Database,
  actor: Actor,
  v: Viewer,
  id: string,
  dueDate: string,
  now: Date,
): Promise<void> {
  await database.db.transaction(async (tx) => {
    const l = await load(tx, v, id);
    await tx.update(taskAssignments).set({ dueDate, updatedAt: now }).where(eq(taskAssignments.id, id));
    await audit(
      tx,
      actor,
      {
        action: 'tasks.due.set',
        objectType: 'taskAssignment',
        objectId: id,
        detail: { from: l.a.dueDate, to: dueDate },
      },
      now,
    );
  });
}

export async function requestExtension(
  database: Database,
  actor: Actor,
  v: Viewer,
  id: string,
  newDueDate: string,
  reason: string,
  now: Date,
): Promise<void> {
  await database.db.transaction(async (tx) => {
    const l = await load(tx, v, id);
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
    const leaders = await usersWithRole(tx, 'leader');
    await notify(
      tx,
      leaders.map((userId) => ({
        userId,
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
    const e = (await tx.select().from(extensionRequests).where(eq(extensionRequests.id, id)))[0];
    if (!e) throw notFound('延期申请');
    if (e.status !== 'pending') throw conflict('该申请已审批');
    await tx
      .update(extensionRequests)
      .set({ status: decision, decidedBy: actor.userId, decidedAt: now, decisionNote: note || null })
      .where(eq(extensionRequests.id, id));
    if (decision === 'approved')
      await tx
        .update(taskAssignments)
        .set({ dueDate: e.newDueDate, updatedAt: now })
        .where(eq(taskAssignments.id, e.assignmentId));
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
    const a = (await tx.select().from(taskAssignments).where(eq(taskAssignments.id, e.assignmentId)))[0]!;
    const liaisons = await usersWithRole(tx, 'liaison', [a.unitId]);
    await notify(
      tx,
      liaisons.map((userId) => ({
        userId,
        title: decision === 'approved' ? `延期已批准，新完成时限 ${e.newDueDate}` : '延期申请未获批准',
        body: note,
        link: `/admin/tasks/ledger?assignment=${a.id}`,
      })),
    );
  });
}

export async function listExtensions(db: DbOrTx, status?: 'pending' | 'approved' | 'rejected') {
  const rows = await db
    .select({
      e: extensionRequests,
      unitName: units.name,
      ref: planTasks.ref,
      text: planTasks.text,
    })
    .from(extensionRequests)
    .innerJoin(taskAssignments, eq(taskAssignments.id, extensionRequests.assignmentId))
    .innerJoin(planTasks, eq(planTasks.id, taskAssignments.taskId))
    .innerJoin(units, eq(units.id, taskAssignments.unitId))
    .where(status ? eq(extensionRequests.status, status) : undefined)
    .orderBy(desc(extensionRequests.requestedAt))
    .limit(500);
  const names = await userName(
    db,
    rows.flatMap((r) => [r.e.requestedBy, r.e.decidedBy]),
  );
  return rows.map((r) => ({
    id: r.e.id,
    assignmentId: r.e.assignmentId,
    unitName: r.unitName,
    ref: r.ref,
    text: r.text,
    oldDueDate: r.e.oldDueDate,
    newDueDate: r.e.newDueDate,
    reason: r.e.reason,
    status: r.e.status,
    requestedBy: r.e.requestedBy ? (names.get(r.e.requestedBy) ?? null) : null,
    requestedAt: r.e.requestedAt.toISOString(),
    decidedBy: r.e.decidedBy ? (names.get(r.e.decidedBy) ?? null) : null,
    decidedAt: r.e.decidedAt?.toISOString() ?? null,
    decisionNote: r.e.decisionNote,
  }));
}

const emptyBucket = (key: string, label: string): DashboardBucket => ({
  key,
  label,
  total: 0,
  closed: 0,
  overdue: 0,
  submitted: 0,
  returned: 0,
});

export function bucketsOf(rows: { key: string; label: string; status: LedgerStatus }[]): DashboardBucket[] {
  const m = new Map<string, DashboardBucket>();
  for (const r of rows) {
    const b = m.get(r.key) ?? emptyBucket(r.key, r.label);
    b.total++;
    if (r.status === 'closed') b.closed++;
    if (r.status === 'overdue') b.overdue++;
    if (r.status === 'submitted') b.submitted++;
    if (r.status === 'returned') b.returned++;
    m.set(r.key, b);
  }
  return [...m.values()];
}

export async function dashboard(
  db: DbOrTx,
  v: Viewer,
  planId: string | undefined,
  today: string,
): Promise<Dashboard> {
  const rows = await allRows(db, v, planId, today);
  const totals = Object.fromEntries(LEDGER_STATUSES.map((s) => [s, 0])) as Record<LedgerStatus, number>;
  for (const r of rows) totals[r.status]++;
  return {
    today,
    totals,
    byUnit: bucketsOf(rows.map((r) => ({ key: r.unitId, label: r.unitName, status: r.status }))).sort(
      (a, b) => b.overdue - a.overdue || b.total - a.total,
    ),
    bySection: bucketsOf(
      rows.map((r) => ({ key: r.section[0] ?? '', label: r.section[0] ?? '（未分节）', status: r.status })),
    ),
  };
}

export async function latestPlanId(db: DbOrTx): Promise<string | undefined> {
  return (
    await db.select({ id: workPlans.id }).from(workPlans).orderBy(desc(workPlans.createdAt)).limit(1)
  )[0]?.id;
}

/** The latest report text of each assignment (export columns). */
export async function latestReports(db: DbOrTx, ids: string[]): Promise<Map<string, string>> {
  if (!ids.length) return new Map();
  const r = await db.execute<{ assignment_id: string; text: string }>(
    sql`SELECT DISTINCT ON (assignment_id) assignment_id, text FROM progress_reports
        WHERE assignment_id IN (${sql.join(
          ids.map((i) => sql`${i}::uuid`),
          sql`, `,
        )}) ORDER BY assignment_id, reported_at DESC`,
  );
  return new Map(r.rows.map((x) => [x.assignment_id, x.text]));
}
