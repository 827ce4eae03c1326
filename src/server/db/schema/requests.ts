// 依申请公开 cases, their letters and remedies (issue 4).
import { boolean, index, integer, jsonb, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { ExtensionRequestInfo } from '../../../contracts/requests';
import type { ClockEvent } from '../../../domain/requests/clock';
import { CASE_STATUSES } from '../../../domain/requests/clock';
import { APPLICANT_KINDS, OUTCOME_CODES } from '../../../domain/requests/outcomes';
import { oneOf } from './checks';
import { createdAt, day, id, ownedBy, ref, refTo } from './columns';
import { authored } from './groups';
import { units } from './org';
import { files } from './platform';

/** One timeline entry: a clock event (drives the due date) or a plain record (letter, reply, note). */
export interface TimelineEntry {
  /** Instant recorded (ISO). */
  at: string;
  by: string;
  text: string;
  event?: ClockEvent;
  /** Extra facts letters need (e.g. the items to correct). */
  meta?: Record<string, string | number>;
}

/** A clerk's request to extend (条例 Art. 33 ¶2), decided by an approver in the system before the clock moves. */
export type ExtensionRequest = ExtensionRequestInfo;

/** Personal data of the applicant; never shown on the portal. */
export interface ApplicantData {
  name: string;
  idType: 'id_card' | 'other' | 'credit_code';
  idNumber: string;
  phone: string;
  email: string | null;
  address: string | null;
  /** Organisation: contact person. */
  contactPerson: string | null;
}

export const requestCases = pgTable(
  'request_cases',
  {
    id: id(),
    /** Year-sequence number shown to staff, e.g. 2026-0001. */
    caseNo: text('case_no').notNull(),
    queryCode: text('query_code').notNull(),
    unitId: refTo('unit_id', () => units.id),
    channel: text('channel').notNull(),
    applicantKind: text('applicant_kind', { enum: APPLICANT_KINDS }).notNull(),
    applicant: jsonb('applicant').$type<ApplicantData>().notNull(),
    /** Normalised applicant key (ID number or name+phone) for 按件 counting and duplicate detection. */
    applicantKey: text('applicant_key').notNull(),
    idProofFileId: ref('id_proof_file_id', () => files.id),
    description: text('description').notNull(),
    purpose: text('purpose'),
    deliveryForm: text('delivery_form').notNull(),
    deliveryChannel: text('delivery_channel').notNull(),
    submittedOn: day('submitted_on'),
    /** Art. 31 receipt date; null while a portal submission awaits confirmation (双方确认). */
    receivedOn: day('received_on'),
    receiptRule: text('receipt_rule'),
    receiptConfirmedBy: text('receipt_confirmed_by'),
    duplicateOf: uuid('duplicate_of'),
    feeMethod: text('fee_method'),
    feeAmount: integer('fee_amount'),
    /** 'submitted' (awaiting confirmation), a ClockStatus while open, or 'closed'. */
    status: text('status', { enum: CASE_STATUSES }).notNull(),
    replyDue: day('reply_due'),
    trace: jsonb('trace').$type<string[]>().notNull().default([]),
    timeline: jsonb('timeline').$type<TimelineEntry[]>().notNull().default([]),
    outcome: text('outcome', { enum: OUTCOME_CODES }),
    legalBasis: text('legal_basis'),
    replyText: text('reply_text'),
    closedOn: day('closed_on'),
    /** Whether the reply went out on or before the due date. */
    onTime: boolean('on_time'),
    /** The latest extension request and its decision; the extension itself is a clock event in the timeline. */
    extensionRequest: jsonb('extension_request').$type<ExtensionRequest>(),
    ...authored(),
  },
  (t) => [
    uniqueIndex('request_cases_query_code_uq').on(t.queryCode),
    uniqueIndex('request_cases_case_no_uq').on(t.caseNo),
    index('request_cases_unit_idx').on(t.unitId, t.status),
    index('request_cases_applicant_idx').on(t.applicantKey, t.receivedOn),
    index('request_cases_due_idx').on(t.status, t.replyDue),
    oneOf('request_cases_status_check', t.status, CASE_STATUSES),
    oneOf('request_cases_applicant_kind_check', t.applicantKind, APPLICANT_KINDS),
    oneOf('request_cases_outcome_check', t.outcome, OUTCOME_CODES),
  ],
);

export const requestLetters = pgTable(
  'request_letters',
  {
    id: id(),
    caseId: ownedBy('case_id', () => requestCases.id),
    kind: text('kind').notNull(),
    version: integer('version').notNull(),
    letterDate: day('letter_date').notNull(),
    fileId: refTo('file_id', () => files.id),
    createdBy: text('created_by').notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('request_letters_version_uq').on(t.caseId, t.kind, t.version)],
);

export const requestRemedies = pgTable(
  'request_remedies',
  {
    id: id(),
    caseId: ownedBy('case_id', () => requestCases.id),
    kind: text('kind', { enum: ['reconsideration', 'litigation'] }).notNull(),
    afterReconsideration: boolean('after_reconsideration').notNull().default(false),
    result: text('result', { enum: ['upheld', 'corrected', 'other', 'pending'] }).notNull(),
    filedOn: day('filed_on').notNull(),
    note: text('note'),
    createdAt: createdAt(),
  },
  (t) => [index('request_remedies_case_idx').on(t.caseId)],
);
