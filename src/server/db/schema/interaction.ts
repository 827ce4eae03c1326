// 互动回应 (issue 11): policy consultations and the Q&A base (问答库).
import { sql } from 'drizzle-orm';
import {
  boolean,
  date,
  index,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { CONSULT_CHANNELS, CONSULT_STATUSES, SATISFACTIONS } from '../../../domain/interaction/consultation';
import { type PolicyRef, QA_STATUSES } from '../../../domain/interaction/qa-entry';
import { oneOf } from './checks';
import { units, users } from './org';

/** One entry of a consultation's history (registration, transfer, answer, rating). */
export interface ConsultEvent {
  at: string;
  by: string;
  text: string;
  /** A transfer: the unit it left and the one it went to (the loop rule reads these). */
  transfer?: { from: string; to: string; reason: string };
}

export const consultations = pgTable(
  'interaction_consultations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** ZX2026-0001, from a counter per year. */
    consultNo: text('consult_no').notNull(),
    queryCode: text('query_code').notNull(),
    channel: text('channel', { enum: CONSULT_CHANNELS }).notNull(),
    /** The 12345 work-order number of a transferred consultation. */
    workOrderNo: text('work_order_no'),
    question: text('question').notNull(),
    /** The asker's name (shown masked) and contact (sealed at rest, platform/crypto); both optional. */
    askerName: text('asker_name'),
    askerContact: text('asker_contact'),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    status: text('status', { enum: CONSULT_STATUSES }).notNull().default('open'),
    receivedOn: date('received_on', { mode: 'string' }).notNull(),
    answerDue: date('answer_due', { mode: 'string' }).notNull(),
    answer: text('answer'),
    answeredOn: date('answered_on', { mode: 'string' }),
    answeredBy: text('answered_by'),
    /** False for a reply after the due date (recorded, never refused). */
    onTime: boolean('on_time'),
    satisfaction: text('satisfaction', { enum: SATISFACTIONS }),
    satisfactionNote: text('satisfaction_note'),
    /** The Q&A entry made from this consultation's answer. */
    qaEntryId: uuid('qa_entry_id'),
    history: jsonb('history').$type<ConsultEvent[]>().notNull().default([]),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('interaction_consultations_no_uq').on(t.consultNo),
    uniqueIndex('interaction_consultations_code_uq').on(t.queryCode),
    index('interaction_consultations_unit_idx').on(t.unitId, t.status),
    index('interaction_consultations_due_idx').on(t.status, t.answerDue),
    oneOf('interaction_consultations_channel_check', t.channel, CONSULT_CHANNELS),
    oneOf('interaction_consultations_status_check', t.status, CONSULT_STATUSES),
    oneOf('interaction_consultations_satisfaction_check', t.satisfaction, SATISFACTIONS),
  ],
);

export const qaEntries = pgTable(
  'interaction_qa_entries',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    question: text('question').notNull(),
    answer: text('answer').notNull(),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    topic: text('topic'),
    keywords: jsonb('keywords').$type<string[]>().notNull().default(sql`'[]'::jsonb`),
    policyRefs: jsonb('policy_refs').$type<PolicyRef[]>().notNull().default(sql`'[]'::jsonb`),
    status: text('status', { enum: QA_STATUSES }).notNull().default('pending'),
    source: text('source', { enum: ['manual', 'import', 'consultation'] }).notNull(),
    reviewedBy: text('reviewed_by'),
    reviewedAt: timestamp('reviewed_at', { withTimezone: true }),
    reviewNote: text('review_note'),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('interaction_qa_entries_status_idx').on(t.status, t.unitId),
    oneOf('interaction_qa_entries_status_check', t.status, QA_STATUSES),
    oneOf('interaction_qa_entries_source_check', t.source, ['manual', 'import', 'consultation']),
  ],
);
