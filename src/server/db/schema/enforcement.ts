// 行政执法公示 (issue 13 part 6): enforcement decisions of each unit, their publication clock and state. A person's ID
// number is stored sealed (platform/crypto/fields.ts); the public sees masked values only (domain/disclosure/enforcement).
import { boolean, date, index, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { ENFORCEMENT_KINDS, ENFORCEMENT_STATUSES, PARTY_TYPES } from '../../../domain/disclosure/enforcement';
import { oneOf } from './checks';
import { units, users } from './org';

export const enforcementDecisions = pgTable(
  'enforcement_decisions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => units.id),
    kind: text('kind', { enum: ENFORCEMENT_KINDS }).notNull(),
    /** 决定文书号, unique within the unit. */
    docNumber: text('doc_number').notNull(),
    partyType: text('party_type', { enum: PARTY_TYPES }).notNull(),
    partyName: text('party_name').notNull(),
    /** 统一社会信用代码 (plain) or a person's ID number (sealed). */
    partyCode: text('party_code'),
    decisionDate: date('decision_date', { mode: 'string' }).notNull(),
    /** The last day to publish, from the decision date and the kind's setting when the record was made. */
    dueDate: date('due_date', { mode: 'string' }).notNull(),
    dueProvisional: boolean('due_provisional').notNull().default(false),
    conclusion: text('conclusion').notNull(),
    basis: text('basis'),
    status: text('status', { enum: ENFORCEMENT_STATUSES }).notNull().default('draft'),
    publishedOn: date('published_on', { mode: 'string' }),
    withdrawnAt: timestamp('withdrawn_at', { withTimezone: true }),
    withdrawReason: text('withdraw_reason'),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('enforcement_doc_uq').on(t.unitId, t.docNumber),
    index('enforcement_unit_idx').on(t.unitId, t.decisionDate),
    index('enforcement_status_idx').on(t.status, t.dueDate),
    oneOf('enforcement_kind_ck', t.kind, ENFORCEMENT_KINDS),
    oneOf('enforcement_party_type_ck', t.partyType, PARTY_TYPES),
    oneOf('enforcement_status_ck', t.status, ENFORCEMENT_STATUSES),
  ],
);
