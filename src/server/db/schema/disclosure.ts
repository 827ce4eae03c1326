// Tables of the disclosure module (issue 5): catalog columns, information items (general, normative documents,
// policy interpretations), attachments, review history. The search vector lives on the item row.

import { sql } from 'drizzle-orm';
import {
  boolean,
  customType,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import type { UnitGuide } from '../../../contracts/disclosure';
import {
  type AdoptionCounts,
  type AdoptionEntry,
  COMMENT_STATUSES,
  DECISION_STATUSES,
  PARTICIPATION_KINDS,
} from '../../../domain/disclosure/decisions';
import type { DirectoryChanges, DomainNote } from '../../../domain/disclosure/directory';
import type { DueRule } from '../../../domain/disclosure/directory-due';
import { ENFORCEMENT_KINDS, ENFORCEMENT_STATUSES, PARTY_TYPES } from '../../../domain/disclosure/enforcement';
import { BRIEFING_KINDS } from '../../../domain/disclosure/interpretation-gate';
import { CAMPAIGN_STATUSES, REVIEW_DECISIONS } from '../../../domain/disclosure/normative-review';
import { ITEM_STATUSES } from '../../../domain/disclosure/workflow';
import type { FindingOverride } from '../../../domain/review/gate';
import type { Finding } from '../../../domain/review/types';
import { oneOf } from './checks';
import {
  createdAt,
  day,
  id,
  instant,
  jsonList,
  nowAt,
  ownedBy,
  ref,
  refTo,
  textList,
  updatedAt,
} from './columns';
import { authored, created, timestamps, withdrawal } from './groups';
import { units, users } from './org';
import { files } from './platform';

const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

/** Catalog columns: one tree per unit (its four standard columns and what the office adds under them). */
export const disclosureColumns = pgTable(
  'disclosure_columns',
  {
    id: id(),
    unitId: refTo('unit_id', () => units.id),
    parentId: uuid('parent_id'),
    name: text('name').notNull(),
    /** Standard column code ('zn', 'fdzdgknr', …), Art. 20 code ('art20_3'), Art. 21 code ('art21_1') or null. */
    code: text('code'),
    sort: integer('sort').notNull().default(0),
    createdAt: createdAt(),
  },
  (t) => [
    index('disclosure_columns_parent_idx').on(t.parentId),
    index('disclosure_columns_code_idx').on(t.code),
    index('disclosure_columns_unit_idx').on(t.unitId),
    uniqueIndex('disclosure_columns_name_uq').on(
      t.unitId,
      sql`coalesce(${t.parentId}, '00000000-0000-0000-0000-000000000000'::uuid)`,
      t.name,
    ),
  ],
);

export const disclosureItems = pgTable(
  'disclosure_items',
  {
    id: id(),
    /** All versions of one item share the root id; corrections add a version. */
    rootId: uuid('root_id').notNull(),
    version: integer('version').notNull().default(1),
    kind: text('kind', { enum: ['general', 'normative', 'interpretation'] })
      .notNull()
      .default('general'),
    unitId: refTo('unit_id', () => units.id),
    columnId: ref('column_id', () => disclosureColumns.id),
    title: text('title').notNull(),
    indexNo: text('index_no').notNull(),
    docNumber: text('doc_number'),
    /** 成文日期; with formedDate the start of the Art. 26 clock. */
    writtenDate: day('written_date'),
    formedDate: day('formed_date'),
    publishDate: day('publish_date'),
    topic: text('topic'),
    art20: text('art20'),
    summary: text('summary').notNull().default(''),
    bodyHtml: text('body_html').notNull().default(''),
    bodyText: text('body_text').notNull().default(''),
    status: text('status', { enum: ITEM_STATUSES }).notNull().default('draft'),
    level: integer('level').notNull().default(0),
    approvedBy: uuid('approved_by').array().notNull().default(sql`'{}'::uuid[]`),
    publishAt: instant('publish_at'),
    publishedAt: instant('published_at'),
    ...withdrawal(),
    /** Reviewer overrides of blocking findings: [{key, reason, by, at}]. */
    overrides: jsonb('overrides')
      .$type<(FindingOverride & { byName?: string; at?: string })[]>()
      .notNull()
      .default(sql`'[]'::jsonb`),
    findings: jsonList<Finding>('findings'),
    // Normative documents (行政规范性文件).
    validity: text('validity', { enum: ['in_force', 'expired', 'repealed'] }),
    effectiveDate: day('effective_date'),
    expiryDate: day('expiry_date'),
    repealedDate: day('repealed_date'),
    repealedById: uuid('repealed_by_id'),
    replacedById: uuid('replaced_by_id'),
    // Policy interpretations: the root id of the policy they interpret.
    policyRootId: uuid('policy_root_id'),
    interpretationForm: text('interpretation_form', { enum: ['text', 'graphic', 'video', 'qa'] }),
    needsInterpretation: boolean('needs_interpretation').notNull().default(false),
    createdBy: refTo('created_by', () => users.id),
    ...timestamps(),
  },
  (t) => [
    index('disclosure_items_unit_idx').on(t.unitId),
    index('disclosure_items_status_idx').on(t.status),
    index('disclosure_items_column_idx').on(t.columnId),
    index('disclosure_items_root_idx').on(t.rootId),
    index('disclosure_items_published_idx').on(t.publishedAt),
    uniqueIndex('disclosure_items_index_no_uq').on(t.indexNo, t.version),
    oneOf('disclosure_items_status_check', t.status, ITEM_STATUSES),
  ],
);

export const disclosureAttachments = pgTable(
  'disclosure_attachments',
  {
    id: id(),
    itemId: ownedBy('item_id', () => disclosureItems.id),
    fileId: refTo('file_id', () => files.id),
    name: text('name').notNull(),
    size: integer('size').notNull(),
    mime: text('mime').notNull(),
    /** Extracted text (all parts), for search. */
    text: text('text').notNull().default(''),
    findings: jsonList<Finding>('findings'),
    sort: integer('sort').notNull().default(0),
    createdAt: createdAt(),
  },
  (t) => [index('disclosure_attachments_item_idx').on(t.itemId)],
);

/**
 * The search index (issue 15 part 2): one row per published item, kept narrow so that matching, counting and facets
 * read neither bodies nor attachments. `grams`: the distinct character bigrams (domain/disclosure/grams.ts) of
 * title, metadata, body, attachments and column path — the match, a superset of a substring scan; `words`: jieba
 * words with weights (title A, the rest B, column path C) — the ranking.
 */
export const disclosureSearch = pgTable(
  'disclosure_search',
  {
    itemId: ownedBy('item_id', () => disclosureItems.id).primaryKey(),
    unitId: uuid('unit_id').notNull(),
    columnId: uuid('column_id'),
    /** The nearest standard column code above the item's column (facet), or null. */
    columnCode: text('column_code'),
    kind: text('kind').notNull(),
    year: integer('year'),
    publishedAt: instant('published_at').notNull(),
    grams: integer('grams').array().notNull(),
    words: tsvector('words').notNull(),
  },
  (t) => [
    index('disclosure_search_grams_idx').using('gin', t.grams),
    index('disclosure_search_published_idx').on(t.publishedAt.desc()),
  ],
);

/** Review history: every submit, approve, return, publish, withdraw, override, mask and correction. */
export const disclosureReviewSteps = pgTable(
  'disclosure_review_steps',
  {
    id: id(),
    itemId: ownedBy('item_id', () => disclosureItems.id),
    action: text('action').notNull(),
    levelName: text('level_name'),
    userId: uuid('user_id'),
    userName: text('user_name'),
    comment: text('comment'),
    at: nowAt('at'),
  },
  (t) => [index('disclosure_review_steps_item_idx').on(t.itemId)],
);

/**
 * 个人信息保护影响评估 (PIPL Art. 55/56; SECURITY.md 34): written with a reviewer's override of a blocking
 * personal-data finding, in the same transaction. The finding is kept masked: the record holds no personal data.
 */
export const disclosurePiaRecords = pgTable(
  'disclosure_pia_records',
  {
    id: id(),
    itemId: refTo('item_id', () => disclosureItems.id),
    /** The item's unit when assessed: the list's data scope. */
    unitId: refTo('unit_id', () => units.id),
    itemTitle: text('item_title').notNull(),
    findingKey: text('finding_key').notNull(),
    findingKind: text('finding_kind').notNull(),
    findingMessage: text('finding_message').notNull(),
    findingSource: text('finding_source'),
    findingMasked: text('finding_masked').notNull(),
    /** 处理目的及依据. */
    purpose: text('purpose').notNull(),
    /** 对个人权益的影响及安全风险. */
    impact: text('impact').notNull(),
    /** 采取的保护措施. */
    measures: text('measures').notNull(),
    /** The override's reason. */
    reason: text('reason').notNull(),
    assessedBy: refTo('assessed_by', () => users.id),
    assessedByName: text('assessed_by_name').notNull(),
    assessedAt: instant('assessed_at').notNull(),
  },
  (t) => [
    index('disclosure_pia_records_item_idx').on(t.itemId),
    index('disclosure_pia_records_at_idx').on(t.assessedAt),
  ],
);

/** Per-unit settings: review levels and the 索引号 unit code and sequence. */
export const disclosureUnitSettings = pgTable('disclosure_unit_settings', {
  unitId: ownedBy('unit_id', () => units.id).primaryKey(),
  reviewLevels: text('review_levels').array(),
  indexCode: text('index_code'),
  /** Last sequence number used per year: {"2026": 12}. */
  sequences: jsonb('sequences').$type<Record<string, number>>().notNull().default(sql`'{}'::jsonb`),
  /** The unit's 政府信息公开指南 (条例 Art. 12), edited by the office; null → the generated outline. */
  guide: jsonb('guide').$type<UnitGuide>(),
  /** Set once the unit's standard catalog has been created, so columns the office deletes stay deleted. */
  catalogSeeded: boolean('catalog_seeded').notNull().default(false),
});

// ---- 基层政务公开标准目录 (issue 13 part 1): imported versions (动态调整, with what changed), their rows, and each
// row's binding to a catalog column of every responsible unit. ----

export const directoryVersions = pgTable(
  'directory_versions',
  {
    id: id(),
    version: integer('version').notNull(),
    title: text('title').notNull(),
    /** Per-domain 未涉及 notes (CAT-2). */
    notApplicable: jsonList<DomainNote>('not_applicable'),
    /** Against the previous version: rows added, removed, changed. */
    changes: jsonb('changes').$type<DirectoryChanges>().notNull(),
    importedBy: refTo('imported_by', () => users.id),
    importedAt: nowAt('imported_at'),
  },
  (t) => [uniqueIndex('directory_versions_version_uq').on(t.version)],
);

export const directoryRows = pgTable(
  'directory_rows',
  {
    id: id(),
    versionId: ownedBy('version_id', () => directoryVersions.id),
    sort: integer('sort').notNull(),
    domain: text('domain').notNull(),
    otherDomain: text('other_domain'),
    seq: text('seq').notNull().default(''),
    level1: text('level1').notNull(),
    level2: text('level2').notNull(),
    content: text('content').notNull().default(''),
    basis: text('basis').notNull().default(''),
    /** 公开时限 as written; `dueRule` is what the reader made of it ({kind:'text'} when it could not). */
    timeLimit: text('time_limit').notNull().default(''),
    dueRule: jsonb('due_rule').$type<DueRule>().notNull(),
    subject: text('subject').notNull(),
    channels: textList('channels'),
    audience: textList('audience'),
    methods: textList('methods'),
    levels: textList('levels'),
    source: text('source').notNull().default(''),
  },
  (t) => [index('directory_rows_version_idx').on(t.versionId)],
);

export const directoryBindings = pgTable(
  'directory_bindings',
  {
    id: id(),
    rowId: ownedBy('row_id', () => directoryRows.id),
    unitId: refTo('unit_id', () => units.id),
    columnId: ownedBy('column_id', () => disclosureColumns.id),
  },
  (t) => [
    uniqueIndex('directory_bindings_row_unit_uq').on(t.rowId, t.unitId),
    index('directory_bindings_unit_idx').on(t.unitId),
  ],
);

/** 三同步 (issue 13 part 3): per policy (all versions share the root id) its 重大政策 mark, 第一解读人 and exemption. */
export const disclosureInterpretationPlans = pgTable('disclosure_interpretation_plans', {
  policyRootId: uuid('policy_root_id').primaryKey(),
  majorPolicy: boolean('major_policy').notNull().default(false),
  firstInterpreter: text('first_interpreter'),
  exemptionReason: text('exemption_reason'),
  updatedBy: refTo('updated_by', () => users.id),
  updatedAt: updatedAt(),
});

/** 新闻发布会 and 访谈 (issue 13 part 3): a register, each linked to the policies (roots) it explains. */
export const disclosureBriefings = pgTable(
  'disclosure_briefings',
  {
    id: id(),
    kind: text('kind', { enum: BRIEFING_KINDS }).notNull(),
    title: text('title').notNull(),
    heldOn: day('held_on').notNull(),
    unitId: refTo('unit_id', () => units.id),
    /** 发布人、解读人 as announced. */
    speakers: text('speakers').notNull().default(''),
    url: text('url'),
    policyRootIds: uuid('policy_root_ids').array().notNull().default(sql`'{}'::uuid[]`),
    createdBy: refTo('created_by', () => users.id),
    createdAt: createdAt(),
  },
  (t) => [
    index('disclosure_briefings_policies_idx').using('gin', t.policyRootIds),
    oneOf('disclosure_briefings_kind_check', t.kind, BRIEFING_KINDS),
  ],
);
/** 行政执法公示 (issue 13 part 6): enforcement decisions, their publication clock and state. A person's ID number is
 * stored sealed (platform/crypto/fields.ts); the public sees masked values only (domain/disclosure/enforcement). */
export const enforcementDecisions = pgTable(
  'enforcement_decisions',
  {
    id: id(),
    unitId: refTo('unit_id', () => units.id),
    kind: text('kind', { enum: ENFORCEMENT_KINDS }).notNull(),
    /** 决定文书号, unique within the unit. */
    docNumber: text('doc_number').notNull(),
    partyType: text('party_type', { enum: PARTY_TYPES }).notNull(),
    partyName: text('party_name').notNull(),
    /** 统一社会信用代码 (plain) or a person's ID number (sealed). */
    partyCode: text('party_code'),
    decisionDate: day('decision_date').notNull(),
    /** The last day to publish, from the decision date and the kind's setting when the record was made. */
    dueDate: day('due_date').notNull(),
    dueProvisional: boolean('due_provisional').notNull().default(false),
    conclusion: text('conclusion').notNull(),
    basis: text('basis'),
    status: text('status', { enum: ENFORCEMENT_STATUSES }).notNull().default('draft'),
    publishedOn: day('published_on'),
    ...withdrawal(),
    ...authored(),
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

/** 规范性文件清理 (issue 13 part 5): one campaign a year; each unit marks each of its documents in force. */
export const normativeCampaigns = pgTable(
  'normative_campaigns',
  {
    id: id(),
    year: integer('year').notNull(),
    title: text('title').notNull(),
    status: text('status', { enum: CAMPAIGN_STATUSES }).notNull().default('open'),
    /** Units mark their documents by this day. */
    dueDate: day('due_date').notNull(),
    publishedOn: day('published_on'),
    ...created(),
  },
  (t) => [
    uniqueIndex('normative_campaigns_year_uq').on(t.year),
    oneOf('normative_campaigns_status_ck', t.status, CAMPAIGN_STATUSES),
  ],
);

/** The documents a campaign covers (those in force when it started) and each unit's mark. */
export const normativeMarks = pgTable(
  'normative_marks',
  {
    id: id(),
    campaignId: ownedBy('campaign_id', () => normativeCampaigns.id),
    /** The document's root id (every version of it). */
    itemRootId: uuid('item_root_id').notNull(),
    unitId: refTo('unit_id', () => units.id),
    decision: text('decision', { enum: REVIEW_DECISIONS }),
    reason: text('reason'),
    markedBy: ref('marked_by', () => users.id),
    markedAt: instant('marked_at'),
  },
  (t) => [
    uniqueIndex('normative_marks_doc_uq').on(t.campaignId, t.itemRootId),
    index('normative_marks_unit_idx').on(t.campaignId, t.unitId),
    oneOf('normative_marks_decision_ck', t.decision, REVIEW_DECISIONS),
  ],
);

/** 合法性审核 and 备案审查 of a normative document (all its versions). */
export const normativeLegalMarks = pgTable('normative_legal_marks', {
  itemRootId: uuid('item_root_id').primaryKey(),
  /** 合法性审核 date and the reviewing body's opinion. */
  legalityReviewedOn: day('legality_reviewed_on'),
  legalityOpinion: text('legality_opinion'),
  /** 备案审查: the filing number and date at the people's congress / the government above. */
  filingNumber: text('filing_number'),
  filedOn: day('filed_on'),
  updatedBy: ref('updated_by', () => users.id),
  updatedAt: updatedAt(),
});

/** 重大行政决策预公开 (issue 13 part 4): decision drafts opened for public comment, their period and the
 * 意见采纳情况 (domain/disclosure/decisions). The final decision is a disclosure item. */
export const decisionDrafts = pgTable(
  'decision_drafts',
  {
    id: id(),
    unitId: refTo('unit_id', () => units.id),
    title: text('title').notNull(),
    background: text('background').notNull(),
    basis: text('basis').notNull(),
    explanation: text('explanation').notNull(),
    draftText: text('draft_text').notNull(),
    /** How comments may also be sent (post, e-mail), as the office writes it. */
    channels: text('channels'),
    commentDays: integer('comment_days').notNull(),
    status: text('status', { enum: DECISION_STATUSES }).notNull().default('draft'),
    openedOn: day('opened_on'),
    periodEnd: day('period_end'),
    periodEndMoved: boolean('period_end_moved').notNull().default(false),
    closedAt: instant('closed_at'),
    adoptionDue: day('adoption_due'),
    adoptionSummary: text('adoption_summary'),
    adoptionEntries: jsonb('adoption_entries').$type<AdoptionEntry[]>(),
    adoptionCounts: jsonb('adoption_counts').$type<AdoptionCounts>(),
    adoptionPublishedOn: day('adoption_published_on'),
    finalItemId: ref('final_item_id', () => disclosureItems.id),
    decidedOn: day('decided_on'),
    ...authored(),
  },
  (t) => [
    index('decision_drafts_unit_idx').on(t.unitId, t.createdAt),
    index('decision_drafts_status_idx').on(t.status, t.periodEnd),
    oneOf('decision_drafts_status_ck', t.status, DECISION_STATUSES),
  ],
);

/** Public comments on a draft. A comment quoting ID or phone numbers keeps its original sealed and is held. */
export const decisionComments = pgTable(
  'decision_comments',
  {
    id: id(),
    draftId: refTo('draft_id', () => decisionDrafts.id),
    /** Optional: real names are not required. */
    authorName: text('author_name'),
    /** The text with ID and phone numbers masked: the only text the public reads. */
    publicText: text('public_text').notNull(),
    /** The original, sealed (platform/crypto/fields.ts), when it differs from the public text. */
    originalSealed: text('original_sealed'),
    personalData: boolean('personal_data').notNull().default(false),
    status: text('status', { enum: COMMENT_STATUSES }).notNull(),
    hideReason: text('hide_reason'),
    moderatedBy: ref('moderated_by', () => users.id),
    moderatedAt: instant('moderated_at'),
    createdAt: createdAt(),
  },
  (t) => [
    index('decision_comments_draft_idx').on(t.draftId, t.createdAt),
    oneOf('decision_comments_status_ck', t.status, COMMENT_STATUSES),
  ],
);

/** 列席 (public, expert and media representatives at meetings, seed 002) and 政府开放日 events. */
export const decisionParticipations = pgTable(
  'decision_participations',
  {
    id: id(),
    unitId: refTo('unit_id', () => units.id),
    kind: text('kind', { enum: PARTICIPATION_KINDS }).notNull(),
    title: text('title').notNull(),
    heldOn: day('held_on').notNull(),
    place: text('place'),
    publicCount: integer('public_count').notNull().default(0),
    expertCount: integer('expert_count').notNull().default(0),
    mediaCount: integer('media_count').notNull().default(0),
    summary: text('summary'),
    draftId: ref('draft_id', () => decisionDrafts.id),
    ...created(),
  },
  (t) => [
    index('decision_participations_unit_idx').on(t.unitId, t.heldOn),
    oneOf('decision_participations_kind_ck', t.kind, PARTICIPATION_KINDS),
  ],
);
