// 互动回应 (issue 11 parts 5 and 6): the hotline ledger (来电登记, 12345 work orders), 舆情 events and the public
// commitments (公开承诺) with their progress entries. The caller's name and phone are sealed at rest.
import { boolean, index, pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { COMMITMENT_STATUSES } from '../../../domain/interaction/commitments';
import { CALL_CHANNELS, CALL_STATUSES } from '../../../domain/interaction/hotline';
import { OPINION_LEVELS, OPINION_STATUSES } from '../../../domain/interaction/opinion';
import { oneOf } from './checks';
import { createdAt, day, id, instant, jsonList, ownedBy, ref, refTo, updatedAt } from './columns';
import { consultations } from './interaction';
import { units, users } from './org';

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
    createdBy: ref('created_by', () => users.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
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
    createdBy: ref('created_by', () => users.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
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
    createdBy: ref('created_by', () => users.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
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
    createdBy: ref('created_by', () => users.id),
    createdAt: createdAt(),
  },
  (t) => [index('interaction_commitment_progress_idx').on(t.commitmentId, t.on)],
);
