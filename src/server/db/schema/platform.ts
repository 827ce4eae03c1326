import { sql } from 'drizzle-orm';
import {
  bigint,
  bigserial,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { LOGIN_RESULTS } from '../../../contracts/api';
import { createdAt, id, instant, nowAt, ownedBy, updatedAt } from './columns';
import { users } from './org';

export const sessions = pgTable(
  'sessions',
  {
    /** sha256 of the cookie value: a leaked table does not yield usable cookies. */
    idHash: text('id_hash').primaryKey(),
    userId: ownedBy('user_id', () => users.id),
    csrfToken: text('csrf_token').notNull(),
    createdAt: createdAt(),
    lastSeenAt: nowAt('last_seen_at'),
    ip: text('ip'),
    userAgent: text('user_agent'),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);

/**
 * Append-only like audit_log, and hash-chained by a database trigger (gk_login_chain, migration 0008/0009):
 * whoever inserts a row, it links to the one before it.
 */
export const loginLog = pgTable(
  'login_log',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    at: nowAt('at'),
    username: text('username').notNull(),
    userId: uuid('user_id'),
    result: text('result', { enum: LOGIN_RESULTS }).notNull(),
    ip: text('ip'),
    userAgent: text('user_agent'),
    /** Set by the trigger; the defaults only let an insert omit them. */
    prevHash: text('prev_hash').notNull().default(''),
    hash: text('hash').notNull().default(''),
  },
  (t) => [index('login_log_at_idx').on(t.at)],
);

/** Append-only (a trigger refuses UPDATE and DELETE) and hash-chained: hash = sha256(prev_hash + record). */
export const auditLog = pgTable(
  'audit_log',
  {
    seq: bigserial('seq', { mode: 'number' }).primaryKey(),
    id: uuid('id').notNull().defaultRandom(),
    at: nowAt('at'),
    userId: uuid('user_id'),
    username: text('username'),
    unitId: uuid('unit_id'),
    unitName: text('unit_name'),
    action: text('action').notNull(),
    objectType: text('object_type').notNull(),
    objectId: text('object_id'),
    result: text('result', { enum: ['success', 'failure'] }).notNull(),
    ip: text('ip'),
    requestId: text('request_id'),
    detail: text('detail'),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
  },
  (t) => [index('audit_log_at_idx').on(t.at), index('audit_log_user_idx').on(t.userId)],
);

export const settings = pgTable('settings', {
  key: text('key').primaryKey(),
  value: jsonb('value').notNull(),
  updatedAt: updatedAt(),
});

/** Named gap-free counters (case numbers per year): one upsert per number, inside the writer's transaction. */
export const counters = pgTable('counters', {
  name: text('name').primaryKey(),
  value: bigint('value', { mode: 'number' }).notNull(),
});

export const calendarYears = pgTable('calendar_years', {
  year: integer('year').primaryKey(),
  data: jsonb('data').notNull(),
  updatedAt: updatedAt(),
  updatedBy: uuid('updated_by'),
});

export const files = pgTable('files', {
  id: id(),
  name: text('name').notNull(),
  mime: text('mime').notNull(),
  size: bigint('size', { mode: 'number' }).notNull(),
  sha256: text('sha256').notNull(),
  /** Content lives in PostgreSQL so that backups hold everything; large-object storage can replace it later. */
  content: text('content_base64').notNull(),
  uploadedBy: uuid('uploaded_by'),
  createdAt: createdAt(),
});

export const notifications = pgTable(
  'notifications',
  {
    id: id(),
    userId: ownedBy('user_id', () => users.id),
    title: text('title').notNull(),
    body: text('body').notNull().default(''),
    link: text('link'),
    /** Makes a reminder idempotent: the same key is never notified twice. */
    dedupeKey: text('dedupe_key'),
    readAt: instant('read_at'),
    createdAt: createdAt(),
  },
  (t) => [
    index('notifications_user_idx').on(t.userId, t.readAt),
    uniqueIndex('notifications_dedupe_uq').on(t.userId, t.dedupeKey).where(sql`${t.dedupeKey} IS NOT NULL`),
  ],
);

export const jobRuns = pgTable(
  'job_runs',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    job: text('job').notNull(),
    runKey: text('run_key').notNull(),
    startedAt: nowAt('started_at'),
    finishedAt: instant('finished_at'),
    result: jsonb('result'),
  },
  (t) => [uniqueIndex('job_runs_uq').on(t.job, t.runKey)],
);
