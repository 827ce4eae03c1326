// The ledger by task's SQL: one page of a plan's tasks with their units' assignments as sub-rows, in ONE query
// (visible assignments → filtered assignments → the page of tasks with its total → each task's sub-rows as JSON),
// so a 55-task × 30-unit plan is one round trip, never one query per task.
import { type SQL, sql } from 'drizzle-orm';
import type { TaskLedgerQuery } from '../../../contracts/tasks';
import type { LedgerStatus } from '../../../domain/tasks/ledger';
import type { DbOrTx } from '../../db/client';
import { containingLiterally } from '../../db/filters';
import { taskAssignments } from '../../db/schema/tasks';
import { unitNameSql, unitSortSql } from '../org';
import { type AssignmentLine, statusSql, type Viewer, visibleTo } from './ledger.repo';

export interface TaskPageRow {
  id: string;
  plan_id: string;
  ref: string;
  section: string[];
  text: string;
  measures: string[];
  deadlines: { raw: string }[];
  lead_units_written: string[];
  responsible_units_written: string[];
  closed_at: Date | string | null;
  close_note: string | null;
  close_evidence: { fileId: string; name: string; size: number } | null;
  total: number;
  origin_id: string | null;
  origin_ref: string | null;
  origin_year: number | null;
  origin_title: string | null;
  statuses: LedgerStatus[];
  units: (AssignmentLine & { id: string; lastReportAt: string | null; closedAt: string | null })[];
}

export async function taskLedgerPage(
  db: DbOrTx,
  v: Viewer,
  planId: string,
  q: Omit<TaskLedgerQuery, 'planId'>,
  today: string,
): Promise<TaskPageRow[]> {
  const visible = visibleTo(v) ?? sql`TRUE`;
  const filters: SQL[] = [sql`TRUE`];
  if (q.unitId) filters.push(sql`vis.unit_id = ${q.unitId}::uuid`);
  if (q.status) filters.push(sql`vis.status = ${q.status}`);
  if (q.dueFrom) filters.push(sql`vis.due_date >= ${q.dueFrom}::date`);
  if (q.dueTo) filters.push(sql`vis.due_date <= ${q.dueTo}::date`);
  const keyword = q.keyword ? sql`AND t.text ILIKE ${containingLiterally(q.keyword)}` : sql``;
  const r = await db.execute<TaskPageRow & Record<string, unknown>>(sql`
    WITH vis AS (
      SELECT ${taskAssignments.id} AS id, ${taskAssignments.taskId} AS task_id, ${taskAssignments.unitId} AS unit_id,
             ${taskAssignments.isLead} AS is_lead, ${taskAssignments.period} AS period,
             ${taskAssignments.dueDate} AS due_date, ${taskAssignments.state} AS state,
             ${taskAssignments.lastReportAt} AS last_report_at, ${taskAssignments.closedAt} AS closed_at,
             ${statusSql(today)} AS status
      FROM task_assignments JOIN plan_tasks ON plan_tasks.id = ${taskAssignments.taskId}
      WHERE plan_tasks.plan_id = ${planId}::uuid AND ${visible}
    ),
    m AS (SELECT * FROM vis WHERE ${sql.join(filters, sql` AND `)}),
    pg AS (
      SELECT t.id, t.sort, count(*) OVER ()::int AS total FROM plan_tasks t
      WHERE t.plan_id = ${planId}::uuid AND t.id IN (SELECT task_id FROM m) ${keyword}
      ORDER BY t.sort LIMIT ${q.pageSize} OFFSET ${(q.page - 1) * q.pageSize}
    ),
    st AS (
      SELECT vis.task_id, array_agg(vis.status) AS statuses FROM vis
      WHERE vis.task_id IN (SELECT id FROM pg) GROUP BY vis.task_id
    ),
    sub AS (
      SELECT n.task_id, json_agg(json_build_object(
               'id', n.id, 'unitId', n.unit_id, 'unitName', n.unit_name, 'isLead', n.is_lead,
               'period', n.period, 'dueDate', n.due_date, 'state', n.state, 'status', n.status,
               'lastReportAt', n.last_report_at, 'closedAt', n.closed_at)
             ORDER BY n.is_lead DESC, n.unit_sort, n.period NULLS FIRST) AS units
      FROM (SELECT m.*, ${unitNameSql(sql`m.unit_id`)} AS unit_name, ${unitSortSql(sql`m.unit_id`)} AS unit_sort
            FROM m WHERE m.task_id IN (SELECT id FROM pg)) n
      GROUP BY n.task_id
    )
    SELECT t.id, t.plan_id, t.ref, t.section, t.text, t.measures, t.deadlines, t.lead_units_written,
           t.responsible_units_written, t.closed_at, t.close_note, t.close_evidence, pg.total,
           o.id AS origin_id, o.ref AS origin_ref, op.year AS origin_year, op.title AS origin_title,
           coalesce(st.statuses, '{}') AS statuses, coalesce(sub.units, '[]'::json) AS units
    FROM pg JOIN plan_tasks t ON t.id = pg.id
    LEFT JOIN st ON st.task_id = t.id
    LEFT JOIN sub ON sub.task_id = t.id
    LEFT JOIN plan_tasks o ON o.id = t.carried_from
    LEFT JOIN work_plans op ON op.id = o.plan_id
    ORDER BY pg.sort`);
  return r.rows;
}
