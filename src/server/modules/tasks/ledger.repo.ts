// The ledger's SQL: rows as the viewer may see them (own unit's assignments, plus every assignment of the tasks the
// unit leads), one assignment with its task for reading or locked for a change, and the lookups the use cases need.
// Unit names and order come from the org face (`unitNameSql` / `unitSortSql`); statuses are derived at read time.
import { and, asc, desc, eq, ilike, inArray, or, type SQL, sql } from 'drizzle-orm';
import type { Paged } from '../../../contracts/api';
import type { LedgerRow, LedgerView } from '../../../contracts/tasks';
import type { AssignmentState, Instance, LedgerStatus } from '../../../domain/tasks/ledger';
import type { DbOrTx } from '../../db/client';
import { containingLiterally } from '../../db/filters';
import { onePage } from '../../db/pages';
import { labelsById, rowsOf } from '../../db/reads';
import {
  extensionRequests,
  planTasks,
  progressReports,
  taskAssignments,
  workPlans,
} from '../../db/schema/tasks';
import type { SessionUser } from '../../platform/context';
import { notFound } from '../../platform/errors';
import { lockFound } from '../../platform/lock-found';
import { unitNameSql, unitSortSql } from '../org';

export type Viewer = Pick<SessionUser, 'dataScope' | 'unitId' | 'permissions'>;

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

const unitName = unitNameSql(taskAssignments.unitId);
const unitSort = unitSortSql(taskAssignments.unitId);
/** Ledger order: task order, lead unit first, then units in display order, then periods. */
const ledgerOrder = [
  asc(planTasks.sort),
  desc(taskAssignments.isLead),
  asc(unitSort),
  asc(taskAssignments.period),
];

const rowColumns = (today: string) => ({
  id: taskAssignments.id,
  planId: planTasks.planId,
  taskId: planTasks.id,
  ref: planTasks.ref,
  section: planTasks.section,
  text: planTasks.text,
  deadlines: planTasks.deadlines,
  unitId: taskAssignments.unitId,
  unitName,
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

/** One assignment's unit and state, as the ledger and a task's ledger read it. */
export interface AssignmentLine {
  unitId: string;
  unitName: string;
  isLead: boolean;
  period: string | null;
  dueDate: string | null;
  state: AssignmentState;
  status: LedgerStatus;
}

export type RawRow = {
  [K in keyof ReturnType<typeof rowColumns>]: unknown;
} & AssignmentLine & {
    id: string;
    planId: string;
    taskId: string;
    ref: string;
    section: string[];
    text: string;
    deadlines: { raw: string }[];
    leadReview: 'approved' | 'returned' | null;
    returnReason: string | null;
    lastReportAt: Date | null;
    closedAt: Date | null;
  };

export function toRow(r: RawRow): LedgerRow {
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
    q.keyword ? ilike(planTasks.text, containingLiterally(q.keyword)) : undefined,
  );
}

export async function listLedger(
  db: DbOrTx,
  v: Viewer,
  q: LedgerQuery,
  today: string,
): Promise<Paged<LedgerRow>> {
  const where = ledgerWhere(v, q, today);
  const [{ n } = { n: 0 }] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(taskAssignments)
    .innerJoin(planTasks, eq(planTasks.id, taskAssignments.taskId))
    .where(where);
  const rows = await onePage(
    db
      .select(rowColumns(today))
      .from(taskAssignments)
      .innerJoin(planTasks, eq(planTasks.id, taskAssignments.taskId))
      .where(where)
      .orderBy(...ledgerOrder)
      .$dynamic(),
    q,
  );
  return { items: (rows as RawRow[]).map(toRow), total: n };
}

/** All visible rows of a plan (dashboard, export, bulletin). */
export async function allRows(db: DbOrTx, v: Viewer, planId: string | undefined, today: string) {
  const rows = await db
    .select({ ...rowColumns(today), measures: planTasks.measures, sort: planTasks.sort })
    .from(taskAssignments)
    .innerJoin(planTasks, eq(planTasks.id, taskAssignments.taskId))
    .where(and(visibleTo(v), planId ? eq(planTasks.planId, planId) : undefined))
    .orderBy(...ledgerOrder);
  return rows as (RawRow & { measures: string[]; sort: number })[];
}

/** The other assignments of a task (shown to the lead unit and the office). */
export async function siblingsOf(db: DbOrTx, taskId: string, today: string) {
  const rows = await db
    .select({
      id: taskAssignments.id,
      unitName,
      isLead: taskAssignments.isLead,
      period: taskAssignments.period,
      status: statusSql(today),
    })
    .from(taskAssignments)
    .where(eq(taskAssignments.taskId, taskId))
    .orderBy(desc(taskAssignments.isLead), asc(unitSort), asc(taskAssignments.period));
  return rows.map((s) => ({ ...s, status: s.status as LedgerStatus }));
}

export interface Loaded {
  a: typeof taskAssignments.$inferSelect;
  task: typeof planTasks.$inferSelect;
  unitName: string;
  /** the viewer's unit is (or contains) the assignment's unit */
  own: boolean;
  /** the viewer's unit leads the task */
  lead: boolean;
}

async function withTask(db: DbOrTx, v: Viewer, a: Loaded['a']): Promise<Loaded> {
  const [r] = await db
    .select({ task: planTasks, unitName: unitNameSql(sql`${a.unitId}::uuid`) })
    .from(planTasks)
    .where(eq(planTasks.id, a.taskId));
  if (!r) throw notFound('任务');
  const mine = await scopeUnitIds(db, v);
  const own = mine.has(a.unitId);
  const leads = await db
    .select({ unitId: taskAssignments.unitId })
    .from(taskAssignments)
    .where(and(eq(taskAssignments.taskId, a.taskId), eq(taskAssignments.isLead, true)));
  const lead = leads.some((l) => mine.has(l.unitId));
  if (v.dataScope !== 'all' && !own && !lead) throw notFound('任务');
  return { a, task: r.task, unitName: r.unitName, own, lead };
}

/** An assignment the viewer may see, with its task (for reading). */
export async function loadAssignment(db: DbOrTx, v: Viewer, id: string): Promise<Loaded> {
  const [a] = await db.select().from(taskAssignments).where(eq(taskAssignments.id, id));
  if (!a) throw notFound('任务');
  return withTask(db, v, a);
}

/** The same, the assignment locked until the transaction ends (for a change). */
export async function lockAssignment(tx: DbOrTx, v: Viewer, id: string): Promise<Loaded> {
  const a = await lockFound(tx, taskAssignments, id, '任务');
  return withTask(tx, v, a);
}

export const reportsOf = (db: DbOrTx, assignmentId: string) =>
  rowsOf(db, progressReports, progressReports.assignmentId, assignmentId, desc(progressReports.reportedAt));

export const extensionsOf = (db: DbOrTx, assignmentId: string) =>
  rowsOf(
    db,
    extensionRequests,
    extensionRequests.assignmentId,
    assignmentId,
    desc(extensionRequests.requestedAt),
  );

/** Assignments whose reports cite the file (an attachment is readable through any of them). */
export async function assignmentsCiting(db: DbOrTx, fileId: string): Promise<string[]> {
  const rows = await db
    .select({ id: progressReports.assignmentId })
    .from(progressReports)
    .where(sql`${progressReports.attachments} @> ${JSON.stringify([{ fileId }])}::jsonb`);
  return rows.map((r) => r.id);
}

export async function latestPlanId(db: DbOrTx): Promise<string | undefined> {
  return (
    await db.select({ id: workPlans.id }).from(workPlans).orderBy(desc(workPlans.createdAt)).limit(1)
  )[0]?.id;
}

/** The given plan, else the latest one. */
export async function planOrLatest(db: DbOrTx, planId: string | undefined) {
  const id = planId ?? (await latestPlanId(db));
  const plan = id ? (await db.select().from(workPlans).where(eq(workPlans.id, id)))[0] : undefined;
  if (!plan) throw notFound('工作任务分工');
  return plan;
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

/** "task ref · unit" by assignment id (the audit log's object names). */
export async function assignmentNames(db: DbOrTx, ids: string[]): Promise<Map<string, string>> {
  if (!ids.length) return new Map();
  const rows = await db
    .select({ id: taskAssignments.id, ref: planTasks.ref, unitName })
    .from(taskAssignments)
    .innerJoin(planTasks, eq(planTasks.id, taskAssignments.taskId))
    .where(inArray(taskAssignments.id, ids));
  return new Map(rows.map((r) => [r.id, `任务 ${r.ref}（${r.unitName}）`]));
}

/**
 * The assignments of one task: one per unit (lead or not) and reporting period. Returns how many were written.
 */
export async function insertAssignments(
  tx: DbOrTx,
  taskId: string,
  units: Iterable<[unitId: string, isLead: boolean]>,
  instances: readonly Instance[],
): Promise<number> {
  const rows = [...units].flatMap(([unitId, isLead]) =>
    instances.map((i) => ({ taskId, unitId, isLead, period: i.period, dueDate: i.dueDate })),
  );
  if (rows.length) await tx.insert(taskAssignments).values(rows);
  return rows.length;
}

/** "任务 ref（plan year）" by task id, and plan titles by plan id (the audit log's object names). */
export async function planTaskNames(db: DbOrTx, ids: string[]): Promise<Map<string, string>> {
  if (!ids.length) return new Map();
  const rows = await db
    .select({ id: planTasks.id, ref: planTasks.ref, year: workPlans.year })
    .from(planTasks)
    .innerJoin(workPlans, eq(workPlans.id, planTasks.planId))
    .where(inArray(planTasks.id, ids));
  return new Map(rows.map((r) => [r.id, `${r.year}年任务 ${r.ref}`]));
}

export const workPlanNames = (db: DbOrTx, ids: string[]): Promise<Map<string, string>> =>
  labelsById(db, workPlans, workPlans.title, ids);
