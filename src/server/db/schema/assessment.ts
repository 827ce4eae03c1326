// 考核评估 (issue 12 part 6): one plan per year and unit kind (its indicator tree, frozen when scoring starts),
// manual scores with evidence by named scorers, imported 电话测评 results, and the published results (the
// portal's /xxgk/khpg reads these, never a live computation).
import { doublePrecision, index, integer, jsonb, pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { BULLETINS, type IndicatorScore } from '../../../domain/assessment/scoring';
import { ASSESSED_KINDS, type Indicator, PLAN_STATUSES } from '../../../domain/assessment/tree';
import { oneOf } from './checks';
import { createdAt, id, instant, nowAt, ownedBy, ref, refTo } from './columns';
import { timestamps } from './groups';
import { units, users } from './org';

export const assessmentPlans = pgTable(
  'assessment_plans',
  {
    id: id(),
    year: integer('year').notNull(),
    unitKind: text('unit_kind', { enum: ASSESSED_KINDS }).notNull(),
    status: text('status', { enum: PLAN_STATUSES }).notNull().default('draft'),
    indicators: jsonb('indicators').$type<Indicator[]>().notNull(),
    frozenAt: instant('frozen_at'),
    frozenBy: ref('frozen_by', () => users.id),
    publishedAt: instant('published_at'),
    ...timestamps(),
  },
  (t) => [
    uniqueIndex('assessment_plans_year_kind_uq').on(t.year, t.unitKind),
    oneOf('assessment_plans_kind_ck', t.unitKind, ASSESSED_KINDS),
    oneOf('assessment_plans_status_ck', t.status, PLAN_STATUSES),
  ],
);

export const assessmentScores = pgTable(
  'assessment_scores',
  {
    id: id(),
    planId: ownedBy('plan_id', () => assessmentPlans.id),
    unitId: refTo('unit_id', () => units.id),
    code: text('code').notNull(),
    score: doublePrecision('score').notNull(),
    evidence: text('evidence').notNull(),
    /** The named scorer (评分人) as written on the form. */
    scorer: text('scorer').notNull(),
    scoredBy: ref('scored_by', () => users.id),
    scoredAt: nowAt('scored_at'),
  },
  (t) => [uniqueIndex('assessment_scores_uq').on(t.planId, t.unitId, t.code)],
);

/** 电话测评: one imported result per unit and year (a later import replaces the year's rows). */
export const assessmentPhoneResults = pgTable(
  'assessment_phone_results',
  {
    id: id(),
    year: integer('year').notNull(),
    unitId: refTo('unit_id', () => units.id),
    score: doublePrecision('score').notNull(),
    calls: integer('calls').notNull(),
    note: text('note').notNull().default(''),
    importedBy: ref('imported_by', () => users.id),
    importedAt: nowAt('imported_at'),
  },
  (t) => [uniqueIndex('assessment_phone_uq').on(t.year, t.unitId)],
);

/** The published ranking: a snapshot taken when the office publishes (the portal shows it). */
export const assessmentResults = pgTable(
  'assessment_results',
  {
    id: id(),
    planId: ownedBy('plan_id', () => assessmentPlans.id),
    unitId: refTo('unit_id', () => units.id),
    unitName: text('unit_name').notNull(),
    total: doublePrecision('total').notNull(),
    rank: integer('rank').notNull(),
    bulletin: text('bulletin', { enum: BULLETINS }),
    // Snapshots published before the no-records policy lack `applicable` (every indicator counted then).
    indicators: jsonb('indicators')
      .$type<(Omit<IndicatorScore, 'records' | 'applicable'> & { applicable?: boolean })[]>()
      .notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('assessment_results_uq').on(t.planId, t.unitId),
    oneOf('assessment_results_bulletin_ck', t.bulletin, BULLETINS),
    index('assessment_results_plan_idx').on(t.planId, t.rank),
  ],
);
