// Work plans (任务分工): one plan per imported notice, its tasks, one assignment per (task, unit, period), progress
// reports with evidence, and extension requests with their history. Statuses shown to users are derived from
// `state` and `due_date` at read time (never stored: 逾期 would go stale).
import { sql } from 'drizzle-orm';
import {
  boolean,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import type { Deadline } from '../../../domain/tasks/deadlines';
import { ASSIGNMENT_STATES } from '../../../domain/tasks/ledger';
import { oneOf } from './checks';

export const EXTENSION_STATUSES = ['pending', 'approved', 'rejected'] as const;

import { units, users } from './org';
import { files } from './platform';

export const workPlans = pgTable(
  'work_plans',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    title: text('title').notNull(),
    issuer: text('issuer'),
    docNumber: text('doc_number'),
    date: date('date', { mode: 'string' }),
    year: integer('year').notNull(),
    /** sha256 of the notice's tasks as read: the same notice imported twice is detected by it. */
    fingerprint: text('fingerprint').notNull(),
    /** Reporting cadence of continuous tasks (default quarterly, set by the office). */
    cadence: text('cadence', { enum: ['week', 'month', 'quarter', 'year'] })
      .notNull()
      .default('quarter'),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('work_plans_fingerprint_idx').on(t.fingerprint)],
);

export const planTasks = pgTable(
  'plan_tasks',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    planId: uuid('plan_id')
      .notNull()
      .references(() => workPlans.id, { onDelete: 'cascade' }),
    ref: text('ref').notNull(),
    sort: integer('sort').notNull(),
    section: text('section').array().notNull().default(sql`'{}'::text[]`),
    text: text('text').notNull(),
    measures: text('measures').array().notNull().default(sql`'{}'::text[]`),
    /** Unit names as written in the notice (the resolved units are the assignments). */
    leadUnitsWritten: text('lead_units_written').array().notNull().default(sql`'{}'::text[]`),
    responsibleUnitsWritten: text('responsible_units_written').array().notNull().default(sql`'{}'::text[]`),
    deadlines: jsonb('deadlines').$type<Deadline[]>().notNull(),
    disclosurePaths: jsonb('disclosure_paths').$type<string[][]>().notNull(),
  },
  (t) => [uniqueIndex('plan_tasks_ref_uq').on(t.planId, t.ref)],
);

export const taskAssignments = pgTable(
  'task_assignments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    taskId: uuid('task_id')
      .notNull()
      .references(() => planTasks.id, { onDelete: 'cascade' }),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    isLead: boolean('is_lead').notNull().default(false),
    /** null for one-off tasks; '2026-Q1' / '2026-03' / '2026' for periodic instances. */
    period: text('period'),
    /** Legal-style calendar date (Asia/Shanghai); null until an event fixes a relative deadline. */
    dueDate: date('due_date', { mode: 'string' }),
    state: text('state', { enum: ASSIGNMENT_STATES }).notNull().default('not_started'),
    leadReview: text('lead_review', { enum: ['approved', 'returned'] }),
    leadReviewNote: text('lead_review_note'),
    returnReason: text('return_reason'),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    closedBy: uuid('closed_by').references(() => users.id),
    lastReportAt: timestamp('last_report_at', { withTimezone: true }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
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
    id: uuid('id').primaryKey().defaultRandom(),
    assignmentId: uuid('assignment_id')
      .notNull()
      .references(() => taskAssignments.id, { onDelete: 'cascade' }),
    text: text('text').notNull(),
    /** true: the unit reports the task done and asks for review (待审核). */
    completed: boolean('completed').notNull().default(false),
    links: text('links').array().notNull().default(sql`'{}'::text[]`),
    attachments: jsonb('attachments').$type<{ fileId: string; name: string; size: number }[]>().notNull(),
    reportedBy: uuid('reported_by').references(() => users.id),
    reportedAt: timestamp('reported_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('progress_reports_assignment_idx').on(t.assignmentId, t.reportedAt)],
);

/** Attachments uploaded before the report that cites them is sent. */
export const reportFiles = pgTable('task_report_files', {
  fileId: uuid('file_id')
    .primaryKey()
    .references(() => files.id, { onDelete: 'cascade' }),
  unitId: uuid('unit_id')
    .notNull()
    .references(() => units.id),
  uploadedBy: uuid('uploaded_by').references(() => users.id),
});

export const extensionRequests = pgTable(
  'extension_requests',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    assignmentId: uuid('assignment_id')
      .notNull()
      .references(() => taskAssignments.id, { onDelete: 'cascade' }),
    oldDueDate: date('old_due_date', { mode: 'string' }),
    newDueDate: date('new_due_date', { mode: 'string' }).notNull(),
    reason: text('reason').notNull(),
    status: text('status', { enum: EXTENSION_STATUSES }).notNull().default('pending'),
    requestedBy: uuid('requested_by').references(() => users.id),
    requestedAt: timestamp('requested_at', { withTimezone: true }).notNull().defaultNow(),
    decidedBy: uuid('decided_by').references(() => users.id),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    decisionNote: text('decision_note'),
  },
  (t) => [
    index('extension_requests_assignment_idx').on(t.assignmentId),
    oneOf('extension_requests_status_check', t.status, EXTENSION_STATUSES),
  ],
);
