// Government websites and 政务新媒体 (issue 12): the register, its filings (备案) with the signed request scan, the
// website checks with their findings, and the 整改 items opened from findings.
import { sql } from 'drizzle-orm';
import { boolean, index, integer, jsonb, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { type ManualValues, REPORT_STATUSES, type ReportSnapshot } from '../../../domain/media/annual-report';
import { BULLETIN_PERIODS, type BulletinFigures } from '../../../domain/media/bulletin';
import type { AccountVeto } from '../../../domain/media/newmedia';
import {
  CHANNEL_STATUSES,
  FILING_KINDS,
  FILING_STATUSES,
  FILING_TARGETS,
  MEDIA_PLATFORMS,
} from '../../../domain/media/registry';
import type { Veto } from '../../../domain/media/rules';
import type { Finding } from '../../../domain/media/site';
import { oneOf } from './checks';
import { createdAt, day, id, instant, jsonList, nowAt, ownedBy, ref, refTo } from './columns';
import { created, timestamps } from './groups';
import { units, users } from './org';
import { files } from './platform';

export const mediaWebsites = pgTable(
  'media_websites',
  {
    id: id(),
    /** The owning unit (主办单位 in the unit tree): scope and 整改 go to it. */
    unitId: refTo('unit_id', () => units.id),
    name: text('name').notNull(),
    url: text('url').notNull(),
    /** websiteKey(url): one register entry per site. */
    urlKey: text('url_key').notNull(),
    siteCode: text('site_code').notNull().default(''),
    icp: text('icp').notNull().default(''),
    psb: text('psb').notNull().default(''),
    sponsor: text('sponsor').notNull().default(''),
    operator: text('operator').notNull().default(''),
    status: text('status', { enum: CHANNEL_STATUSES }).notNull().default('running'),
    ...timestamps(),
  },
  (t) => [
    uniqueIndex('media_websites_url_key_uq').on(t.urlKey),
    index('media_websites_unit_idx').on(t.unitId),
    oneOf('media_websites_status_ck', t.status, CHANNEL_STATUSES),
  ],
);

export const mediaAccounts = pgTable(
  'media_accounts',
  {
    id: id(),
    unitId: refTo('unit_id', () => units.id),
    platform: text('platform', { enum: MEDIA_PLATFORMS }).notNull(),
    name: text('name').notNull(),
    accountId: text('account_id').notNull(),
    sponsor: text('sponsor').notNull().default(''),
    maintainer: text('maintainer').notNull().default(''),
    status: text('status', { enum: CHANNEL_STATUSES }).notNull().default('running'),
    ...timestamps(),
  },
  (t) => [
    uniqueIndex('media_accounts_platform_account_uq').on(t.platform, t.accountId),
    index('media_accounts_unit_idx').on(t.unitId),
    oneOf('media_accounts_platform_ck', t.platform, MEDIA_PLATFORMS),
    oneOf('media_accounts_status_ck', t.status, CHANNEL_STATUSES),
  ],
);

export const mediaFilings = pgTable(
  'media_filings',
  {
    id: id(),
    kind: text('kind', { enum: FILING_KINDS }).notNull(),
    target: text('target', { enum: FILING_TARGETS }).notNull(),
    /** The register entry; null for 开设 until approved. */
    targetId: uuid('target_id'),
    unitId: refTo('unit_id', () => units.id),
    /** The proposed register fields (开设, 变更). */
    payload: jsonb('payload').$type<Record<string, string>>().notNull().default({}),
    note: text('note').notNull().default(''),
    /** The 主要负责人-signed, sealed request (scan): required. */
    scanFileId: refTo('scan_file_id', () => files.id),
    status: text('status', { enum: FILING_STATUSES }).notNull().default('pending'),
    reviewNote: text('review_note').notNull().default(''),
    submittedBy: ref('submitted_by', () => users.id),
    reviewedBy: ref('reviewed_by', () => users.id),
    reviewedAt: instant('reviewed_at'),
    createdAt: createdAt(),
  },
  (t) => [
    index('media_filings_unit_idx').on(t.unitId),
    oneOf('media_filings_kind_ck', t.kind, FILING_KINDS),
    oneOf('media_filings_target_ck', t.target, FILING_TARGETS),
    oneOf('media_filings_status_ck', t.status, FILING_STATUSES),
  ],
);

/** Which uploads are filing scans, and of which unit (a filing may cite only its own unit's scans). */
export const mediaScans = pgTable('media_scans', {
  fileId: refTo('file_id', () => files.id).primaryKey(),
  unitId: refTo('unit_id', () => units.id),
  uploadedBy: ref('uploaded_by', () => users.id),
});

export const CHECK_TRIGGERS = ['schedule', 'manual'] as const;

export const mediaSiteChecks = pgTable(
  'media_site_checks',
  {
    id: id(),
    websiteId: ownedBy('website_id', () => mediaWebsites.id),
    asOf: day('as_of').notNull(),
    trigger: text('trigger', { enum: CHECK_TRIGGERS }).notNull(),
    verdict: text('verdict').notNull(),
    pages: integer('pages').notNull(),
    vetoes: jsonb('vetoes').$type<Veto[]>().notNull(),
    findings: jsonb('findings').$type<Finding[]>().notNull(),
    notes: jsonb('notes').$type<string[]>().notNull().default([]),
    /** MON-1: the last 7 days' availability samples the verdict used (null: no samples). */
    availability: jsonb('availability').$type<{ failed: number; total: number }>(),
    checkedBy: ref('checked_by', () => users.id),
    checkedAt: nowAt('checked_at'),
  },
  (t) => [
    index('media_site_checks_site_idx').on(t.websiteId, t.checkedAt),
    oneOf('media_site_checks_trigger_ck', t.trigger, CHECK_TRIGGERS),
  ],
);

/** MON-1 availability sampling: one GET of a running site's home page about every 72 minutes. */
export const mediaAvailabilitySamples = pgTable(
  'media_availability_samples',
  {
    id: id(),
    websiteId: ownedBy('website_id', () => mediaWebsites.id),
    at: instant('at').notNull(),
    ok: boolean('ok').notNull(),
    ms: integer('ms').notNull(),
    /** HTTP status, or the failure (timeout, refused, dns, blocked, failed). */
    status: text('status').notNull(),
  },
  (t) => [index('media_availability_samples_site_idx').on(t.websiteId, t.at)],
);

export const RECTIFICATION_STATUSES = ['open', 'closed'] as const;

export const mediaRectifications = pgTable(
  'media_rectifications',
  {
    id: id(),
    websiteId: ownedBy('website_id', () => mediaWebsites.id),
    unitId: refTo('unit_id', () => units.id),
    /** findingKey(finding): the same fault found again by a later check. */
    findingKey: text('finding_key').notNull(),
    finding: jsonb('finding').$type<Finding>().notNull(),
    openedByCheckId: refTo('opened_by_check_id', () => mediaSiteChecks.id),
    /** The 整改 task in the tasks ledger (its assignment id). */
    taskAssignmentId: uuid('task_assignment_id'),
    dueDate: day('due_date').notNull(),
    status: text('status', { enum: RECTIFICATION_STATUSES }).notNull().default('open'),
    closedByCheckId: ref('closed_by_check_id', () => mediaSiteChecks.id),
    openedAt: nowAt('opened_at'),
    closedAt: instant('closed_at'),
  },
  (t) => [
    index('media_rectifications_site_idx').on(t.websiteId, t.status),
    oneOf('media_rectifications_status_ck', t.status, RECTIFICATION_STATUSES),
  ],
);

export const POST_SOURCES = ['manual', 'import'] as const;

/** 政务新媒体 post records (issue 12 part 3): entered, or imported from the platform's exported post list. */
export const mediaPosts = pgTable(
  'media_posts',
  {
    id: id(),
    accountId: ownedBy('account_id', () => mediaAccounts.id),
    title: text('title').notNull(),
    publishedOn: day('published_on').notNull(),
    reads: integer('reads'),
    url: text('url').notNull().default(''),
    source: text('source', { enum: POST_SOURCES }).notNull(),
    ...created(),
  },
  (t) => [
    uniqueIndex('media_posts_account_day_title_uq').on(t.accountId, t.publishedOn, t.title),
    oneOf('media_posts_source_ck', t.source, POST_SOURCES),
  ],
);

/** 抽查 of one account: the MON-5 judgement on that day with screenshots as evidence (stored files). */
export const mediaSpotChecks = pgTable(
  'media_spot_checks',
  {
    id: id(),
    accountId: ownedBy('account_id', () => mediaAccounts.id),
    unitId: refTo('unit_id', () => units.id),
    checkedOn: day('checked_on').notNull(),
    lastPost: day('last_post'),
    interactionWorks: boolean('interaction_works').notNull(),
    verdict: text('verdict').notNull(),
    vetoes: jsonList<AccountVeto>('vetoes'),
    note: text('note').notNull().default(''),
    evidenceFileIds: uuid('evidence_file_ids').array().notNull().default(sql`'{}'::uuid[]`),
    checkedBy: ref('checked_by', () => users.id),
    createdAt: createdAt(),
  },
  (t) => [index('media_spot_checks_account_idx').on(t.accountId, t.checkedOn)],
);

/** Screenshots uploaded as 抽查 evidence, and by whom (a spot check may cite only its own uploads). */
export const mediaEvidence = pgTable('media_evidence', {
  fileId: refTo('file_id', () => files.id).primaryKey(),
  uploadedBy: ref('uploaded_by', () => users.id),
});

export const BULLETIN_STATUSES = ['draft', 'published'] as const;

/** 检查通报 (issue 12 part 5): one a period; the .docx is a stored file, published on the portal when released. */
export const mediaBulletins = pgTable(
  'media_bulletins',
  {
    id: id(),
    year: integer('year').notNull(),
    period: text('period', { enum: BULLETIN_PERIODS }).notNull(),
    title: text('title').notNull(),
    docNumber: text('doc_number').notNull(),
    figures: jsonb('figures').$type<BulletinFigures>().notNull(),
    fileId: refTo('file_id', () => files.id),
    status: text('status', { enum: BULLETIN_STATUSES }).notNull().default('draft'),
    ...created(),
    publishedAt: instant('published_at'),
  },
  (t) => [
    index('media_bulletins_status_idx').on(t.status, t.publishedAt),
    oneOf('media_bulletins_period_ck', t.period, BULLETIN_PERIODS),
    oneOf('media_bulletins_status_ck', t.status, BULLETIN_STATUSES),
  ],
);

/** 政府网站工作年度报表 (issue 12 part 1): one a website and year. The hand-filled values are kept as given; the
 * computed figures are frozen on submit (null while a draft: computed live). Published reports never change. */
export const mediaAnnualReports = pgTable(
  'media_annual_reports',
  {
    id: id(),
    websiteId: ownedBy('website_id', () => mediaWebsites.id),
    year: integer('year').notNull(),
    status: text('status', { enum: REPORT_STATUSES }).notNull().default('draft'),
    manual: jsonb('manual').$type<ManualValues>().notNull().default({ values: {}, followers: {} }),
    computed: jsonb('computed').$type<ReportSnapshot>(),
    returnReason: text('return_reason').notNull().default(''),
    updatedBy: ref('updated_by', () => users.id),
    submittedBy: ref('submitted_by', () => users.id),
    submittedAt: instant('submitted_at'),
    publishedBy: ref('published_by', () => users.id),
    publishedAt: instant('published_at'),
    ...timestamps(),
  },
  (t) => [
    uniqueIndex('media_annual_reports_site_year_uq').on(t.websiteId, t.year),
    index('media_annual_reports_year_idx').on(t.year, t.status),
    oneOf('media_annual_reports_status_ck', t.status, REPORT_STATUSES),
  ],
);
