// Work plans (任务分工): one plan per imported notice, its tasks, one assignment per (task, unit, period), progress
// reports with evidence, and extension requests with their history. Statuses shown to users are derived from
// `state` and `due_date` at read time (never stored: 逾期 would go stale).
import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import type { Deadline } from '../../../domain/tasks/deadlines';
import { ASSIGNMENT_STATES, CADENCES } from '../../../domain/tasks/ledger';
import { oneOf } from './checks';
import { day, id, instant, nowAt, ownedBy, ref, refTo, textList, updatedAt } from './columns';
import { created } from './groups';

export const EXTENSION_STATUSES = ['pending', 'approved', 'rejected'] as const;

import { units, users } from './org';
import { files } from './platform';

export const workPlans = pgTable(
  'work_plans',
  {
    id: id(),
    title: text('title').notNull(),
    issuer: text('issuer'),
    docNumber: text('doc_number'),
    date: day('date'),
    year: integer('year').notNull(),
    /** sha256 of the notice's tasks as read: the same notice imported twice is detected by it. */
    fingerprint: text('fingerprint').notNull(),
    /** Reporting cadence of continuous tasks (default quarterly, set by the office). */
    cadence: text('cadence', { enum: CADENCES }).notNull().default('quarter'),
    ...created(),
  },
  (t) => [index('work_plans_fingerprint_idx').on(t.fingerprint)],
);

export const planTasks = pgTable(
  'plan_tasks',
  {
    id: id(),
    planId: ownedBy('plan_id', () => workPlans.id),
    ref: text('ref').notNull(),
    sort: integer('sort').notNull(),
    section: textList('section'),
    text: text('text').notNull(),
    measures: textList('measures'),
    /** Unit names as written in the notice (the resolved units are the assignments). */
    leadUnitsWritten: textList('lead_units_written'),
    responsibleUnitsWritten: textList('responsible_units_written'),
    deadlines: jsonb('deadlines').$type<Deadline[]>().notNull(),
    disclosurePaths: jsonb('disclosure_paths').$type<string[][]>().notNull(),
    /** 回头看: the unfinished task of an earlier year's plan this one was carried over from. */
    carriedFrom: uuid('carried_from').references((): AnyPgColumn => planTasks.id, { onDelete: 'set null' }),
    /** 销号 of the whole task: when, by whom, the note and the evidence file. */
    closedAt: instant('closed_at'),
    closedBy: ref('closed_by', () => users.id),
    closeNote: text('close_note'),
    closeEvidence: jsonb('close_evidence').$type<{ fileId: string; name: string; size: number }>(),
  },
  (t) => [
    uniqueIndex('plan_tasks_ref_uq').on(t.planId, t.ref),
    uniqueIndex('plan_tasks_carried_uq').on(t.planId, t.carriedFrom),
  ],
);

export const taskAssignments = pgTable(
  'task_assignments',
  {
    id: id(),
    taskId: ownedBy('task_id', () => planTasks.id),
    unitId: refTo('unit_id', () => units.id),
    isLead: boolean('is_lead').notNull().default(false),
    /** null for one-off tasks; '2026-Q1' / '2026-03' / '2026' for periodic instances. */
    period: text('period'),
    /** Legal-style calendar date (Asia/Shanghai); null until an event fixes a relative deadline. */
    dueDate: day('due_date'),
    state: text('state', { enum: ASSIGNMENT_STATES }).notNull().default('not_started'),
    leadReview: text('lead_review', { enum: ['approved', 'returned'] }),
    leadReviewNote: text('lead_review_note'),
    returnReason: text('return_reason'),
    closedAt: instant('closed_at'),
    closedBy: ref('closed_by', () => users.id),
    lastReportAt: instant('last_report_at'),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('task_assignments_uq').on(t.taskId, t.unitId, sql`coalesce(${t.period}, '')`),
    index('task_assignments_unit_idx').on(t.unitId),
    index('task_assignments_due_idx').on(t.dueDate),
    oneOf('task_assignments_state_check', t.state, ASSIGNMENT_STATES),
  ],
);

export const progressReports = pgTable(
  'progress_reports',
  {
    id: id(),
    assignmentId: ownedBy('assignment_id', () => taskAssignments.id),
    text: text('text').notNull(),
    /** true: the unit reports the task done and asks for review (待审核). */
    completed: boolean('completed').notNull().default(false),
    links: textList('links'),
    attachments: jsonb('attachments').$type<{ fileId: string; name: string; size: number }[]>().notNull(),
    reportedBy: ref('reported_by', () => users.id),
    reportedAt: nowAt('reported_at'),
  },
  (t) => [index('progress_reports_assignment_idx').on(t.assignmentId, t.reportedAt)],
);

/** Attachments uploaded before the report that cites them is sent. */
export const reportFiles = pgTable('task_report_files', {
  fileId: ownedBy('file_id', () => files.id).primaryKey(),
  unitId: refTo('unit_id', () => units.id),
  uploadedBy: ref('uploaded_by', () => users.id),
});

export const extensionRequests = pgTable(
  'extension_requests',
  {
    id: id(),
    assignmentId: ownedBy('assignment_id', () => taskAssignments.id),
    oldDueDate: day('old_due_date'),
    newDueDate: day('new_due_date').notNull(),
    reason: text('reason').notNull(),
    status: text('status', { enum: EXTENSION_STATUSES }).notNull().default('pending'),
    requestedBy: ref('requested_by', () => users.id),
    requestedAt: nowAt('requested_at'),
    decidedBy: ref('decided_by', () => users.id),
    decidedAt: instant('decided_at'),
    decisionNote: text('decision_note'),
  },
  (t) => [
    index('extension_requests_assignment_idx').on(t.assignmentId),
    oneOf('extension_requests_status_check', t.status, EXTENSION_STATUSES),
  ],
);
