// 互动回应 (issue 11): policy consultations, the Q&A base (问答库), mailboxes and letters (信箱).
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
import { LETTER_STATUSES, LETTER_TYPES, MAILBOX_KINDS } from '../../../domain/interaction/letter';
import { type PolicyRef, QA_STATUSES } from '../../../domain/interaction/qa-entry';
import { oneOf } from './checks';
import { createdAt, day, id, instant, jsonList, refTo, updatedAt } from './columns';
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

// ---- 信箱 (issue 11 part 4) ----

/** The 区长信箱 (one, held by the government office) and one mailbox per unit; their settings. */
export const mailboxes = pgTable(
  'interaction_mailboxes',
  {
    id: id(),
    kind: text('kind', { enum: MAILBOX_KINDS }).notNull(),
    name: text('name').notNull(),
    /** The unit that receives the mailbox's letters (the 区长信箱: the office that routes them). */
    unitId: refTo('unit_id', () => units.id),
    /** Replies of letters held by this unit go to review before they are sent. */
    reviewRequired: boolean('review_required').notNull().default(false),
    /** Shown on the portal's letter form. */
    enabled: boolean('enabled').notNull().default(true),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('interaction_mailboxes_unit_kind_uq').on(t.unitId, t.kind),
    uniqueIndex('interaction_mailboxes_head_uq').on(t.kind).where(sql`${t.kind} = 'head'`),
    oneOf('interaction_mailboxes_kind_check', t.kind, MAILBOX_KINDS),
  ],
);

/** One entry of a letter's history (receipt, transfer, reply, review, publication). */
export type LetterEvent = ConsultEvent;

export const letters = pgTable(
  'interaction_letters',
  {
    id: id(),
    /** XX2026-0001, from a counter per year. */
    letterNo: text('letter_no').notNull(),
    queryCode: text('query_code').notNull(),
    mailboxId: refTo('mailbox_id', () => mailboxes.id),
    type: text('type', { enum: LETTER_TYPES }).notNull(),
    subject: text('subject').notNull(),
    body: text('body').notNull(),
    /** The writer's name, phone and ID number: sealed at rest (platform/crypto). */
    writerName: text('writer_name'),
    writerPhone: text('writer_phone'),
    writerIdNo: text('writer_id_no'),
    /** Keyed hash of the writer's phone: duplicate detection without unsealing. */
    writerKey: text('writer_key'),
    /** 同意公开: the writer lets the letter and its reply be published (masked). */
    consent: boolean('consent').notNull().default(false),
    unitId: refTo('unit_id', () => units.id),
    status: text('status', { enum: LETTER_STATUSES }).notNull().default('open'),
    receivedOn: day('received_on').notNull(),
    replyDue: day('reply_due').notNull(),
    /** A reply waiting for review (the unit's mailbox requires it). */
    draftReply: text('draft_reply'),
    reviewNote: text('review_note'),
    reply: text('reply'),
    repliedOn: day('replied_on'),
    repliedBy: text('replied_by'),
    /** False for a reply after the due date (recorded, never refused). */
    onTime: boolean('on_time'),
    published: boolean('published').notNull().default(false),
    publishedAt: instant('published_at'),
    /** What the portal shows: masked at publication, never the raw text. */
    publishedSubject: text('published_subject'),
    publishedBody: text('published_body'),
    publishedReply: text('published_reply'),
    history: jsonList<LetterEvent>('history'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('interaction_letters_no_uq').on(t.letterNo),
    uniqueIndex('interaction_letters_code_uq').on(t.queryCode),
    index('interaction_letters_unit_idx').on(t.unitId, t.status),
    index('interaction_letters_due_idx').on(t.status, t.replyDue),
    index('interaction_letters_published_idx').on(t.published, t.repliedOn),
    index('interaction_letters_writer_idx').on(t.writerKey),
    oneOf('interaction_letters_type_check', t.type, LETTER_TYPES),
    oneOf('interaction_letters_status_check', t.status, LETTER_STATUSES),
  ],
);
