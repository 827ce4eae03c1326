// 互动回应 (issue 11): policy consultations, the Q&A base (问答库), mailboxes and letters (信箱).
import { sql } from 'drizzle-orm';
import { boolean, index, jsonb, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { COMMITMENT_STATUSES } from '../../../domain/interaction/commitments';
import { CONSULT_CHANNELS, CONSULT_STATUSES, SATISFACTIONS } from '../../../domain/interaction/consultation';
import { CALL_CHANNELS, CALL_STATUSES } from '../../../domain/interaction/hotline';
import { LETTER_STATUSES, LETTER_TYPES, MAILBOX_KINDS } from '../../../domain/interaction/letter';
import { OPINION_LEVELS, OPINION_STATUSES } from '../../../domain/interaction/opinion';
import { type PolicyRef, QA_STATUSES } from '../../../domain/interaction/qa-entry';
import { oneOf } from './checks';
import { day, id, instant, jsonList, ownedBy, ref, refTo } from './columns';
import { authored, created, timestamps } from './groups';
import { units } from './org';

/** One entry of a consultation's history (registration, transfer, answer, rating). */
export interface ConsultEvent {
  at: string;
  by: string;
  text: string;
  /** A transfer: the unit it left and the one it went to (the loop rule reads these). */
  transfer?: { from: string; to: string; reason: string };
  /** A returned answer: the draft the reviewer sent back (the handler starts from it). */
  draft?: string;
}

export const consultations = pgTable(
  'interaction_consultations',
  {
    id: id(),
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
    unitId: refTo('unit_id', () => units.id),
    status: text('status', { enum: CONSULT_STATUSES }).notNull().default('open'),
    receivedOn: day('received_on').notNull(),
    answerDue: day('answer_due').notNull(),
    answer: text('answer'),
    answeredOn: day('answered_on'),
    answeredBy: text('answered_by'),
    /** False for a reply after the due date (recorded, never refused). */
    onTime: boolean('on_time'),
    satisfaction: text('satisfaction', { enum: SATISFACTIONS }),
    satisfactionNote: text('satisfaction_note'),
    /** The Q&A entry made from this consultation's answer. */
    qaEntryId: uuid('qa_entry_id'),
    history: jsonb('history').$type<ConsultEvent[]>().notNull().default([]),
    ...authored(),
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
    id: id(),
    question: text('question').notNull(),
    answer: text('answer').notNull(),
    unitId: refTo('unit_id', () => units.id),
    topic: text('topic'),
    keywords: jsonList<string>('keywords'),
    policyRefs: jsonList<PolicyRef>('policy_refs'),
    status: text('status', { enum: QA_STATUSES }).notNull().default('pending'),
    source: text('source', { enum: ['manual', 'import', 'consultation'] }).notNull(),
    reviewedBy: text('reviewed_by'),
    reviewedAt: instant('reviewed_at'),
    reviewNote: text('review_note'),
    ...authored(),
  },
  (t) => [
    index('interaction_qa_entries_status_idx').on(t.status, t.unitId),
    oneOf('interaction_qa_entries_status_check', t.status, QA_STATUSES),
    oneOf('interaction_qa_entries_source_check', t.source, ['manual', 'import', 'consultation']),
  ],
);

// ---- issue 11 parts 5 and 6: the hotline ledger (来电登记, 12345 work orders; the caller's name and phone sealed
// at rest), 舆情 events and the public commitments (公开承诺) with their progress entries ----

export const calls = pgTable(
  'interaction_calls',
  {
    id: id(),
    /** LD2026-0001, from a counter per year. */
    callNo: text('call_no').notNull(),
    channel: text('channel', { enum: CALL_CHANNELS }).notNull(),
    /** The 12345 work-order number (unique: an import never stores one twice). */
    workOrderNo: text('work_order_no'),
    calledAt: instant('called_at').notNull(),
    /** Sealed (platform/crypto); shown masked in lists. */
    callerName: text('caller_name'),
    callerPhone: text('caller_phone'),
    question: text('question').notNull(),
    answer: text('answer'),
    unitId: refTo('unit_id', () => units.id),
    status: text('status', { enum: CALL_STATUSES }).notNull(),
    /** The consultation a call was handed over to (the 5-working-day clock runs there). */
    consultationId: ref('consultation_id', () => consultations.id),
    source: text('source', { enum: ['manual', 'import'] }).notNull(),
    ...authored(),
  },
  (t) => [
    uniqueIndex('interaction_calls_no_uq').on(t.callNo),
    uniqueIndex('interaction_calls_work_order_uq').on(t.workOrderNo),
    index('interaction_calls_unit_idx').on(t.unitId, t.calledAt),
    oneOf('interaction_calls_channel_check', t.channel, CALL_CHANNELS),
    oneOf('interaction_calls_status_check', t.status, CALL_STATUSES),
    oneOf('interaction_calls_source_check', t.source, ['manual', 'import']),
  ],
);

export const opinionEvents = pgTable(
  'interaction_opinion_events',
  {
    id: id(),
    /** YQ2026-0001. */
    eventNo: text('event_no').notNull(),
    source: text('source').notNull(),
    summary: text('summary').notNull(),
    level: text('level', { enum: OPINION_LEVELS }).notNull(),
    unitId: refTo('unit_id', () => units.id),
    foundAt: instant('found_at').notNull(),
    responseDue: instant('response_due').notNull(),
    status: text('status', { enum: OPINION_STATUSES }).notNull().default('open'),
    response: text('response'),
    responseChannel: text('response_channel'),
    respondedAt: instant('responded_at'),
    /** False for a response after the deadline (recorded, never refused). */
    onTime: boolean('on_time'),
    evaluation: text('evaluation'),
    ...authored(),
  },
  (t) => [
    uniqueIndex('interaction_opinion_events_no_uq').on(t.eventNo),
    index('interaction_opinion_events_unit_idx').on(t.unitId, t.status),
    oneOf('interaction_opinion_events_level_check', t.level, OPINION_LEVELS),
    oneOf('interaction_opinion_events_status_check', t.status, OPINION_STATUSES),
  ],
);

export interface EvidenceFile {
  fileId: string;
  name: string;
  size: number;
}

export const commitments = pgTable(
  'interaction_commitments',
  {
    id: id(),
    /** CN2026-0001. */
    commitNo: text('commit_no').notNull(),
    content: text('content').notNull(),
    /** Where it was promised (a press conference, a 舆情 response, a letter reply …). */
    place: text('place').notNull(),
    unitId: refTo('unit_id', () => units.id),
    /** The 舆情 event whose response made the promise, when any. */
    opinionEventId: ref('opinion_event_id', () => opinionEvents.id),
    promisedOn: day('promised_on').notNull(),
    dueOn: day('due_on').notNull(),
    status: text('status', { enum: COMMITMENT_STATUSES }).notNull().default('ongoing'),
    completedOn: day('completed_on'),
    ...authored(),
  },
  (t) => [
    uniqueIndex('interaction_commitments_no_uq').on(t.commitNo),
    index('interaction_commitments_unit_idx').on(t.unitId, t.status),
    oneOf('interaction_commitments_status_check', t.status, COMMITMENT_STATUSES),
  ],
);

export const commitmentProgress = pgTable(
  'interaction_commitment_progress',
  {
    id: id(),
    commitmentId: ownedBy('commitment_id', () => commitments.id),
    on: day('on').notNull(),
    text: text('text').notNull(),
    /** Evidence files (platform/files), shown with the entry on /hdjl/cn. */
    evidence: jsonList<EvidenceFile>('evidence'),
    by: text('by').notNull(),
    ...created(),
  },
  (t) => [index('interaction_commitment_progress_idx').on(t.commitmentId, t.on)],
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
    /** Replies of letters held by this unit, and its consultations' answers, go to review before they are sent. */
    reviewRequired: boolean('review_required').notNull().default(false),
    /** Shown on the portal's letter form. */
    enabled: boolean('enabled').notNull().default(true),
    ...timestamps(),
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
    ...timestamps(),
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
