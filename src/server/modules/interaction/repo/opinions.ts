// SQL of the 舆情 events (interaction_opinion_events).
import { and, desc, eq, type SQL, sql } from 'drizzle-orm';
import type { OpinionLevel, OpinionStatus } from '../../../../domain/interaction/opinion';
import { anyContains } from '../../../db/filters';
import { opinionEvents } from '../../../db/schema/interaction';
import { scopeFilter, unitNameSql } from '../../org';
import type { Scoped } from './consultations';
import { recordReads, recordWrites } from './records';

export type OpinionRow = typeof opinionEvents.$inferSelect;

export interface OpinionFilter {
  keyword?: string;
  level?: OpinionLevel;
  status?: OpinionStatus;
  unitId?: string;
  overdue?: boolean;
}

export const {
  nextNo: nextEventNo,
  insert: insertOpinion,
  update: updateOpinion,
  lock: lockOpinion,
} = recordWrites(opinionEvents, 'YQ', 'opinion');

function where(user: Scoped, q: OpinionFilter, now: Date): SQL | undefined {
  const conds: (SQL | undefined)[] = [scopeFilter(user, opinionEvents.unitId)];
  if (q.keyword)
    conds.push(anyContains(q.keyword, opinionEvents.summary, opinionEvents.source, opinionEvents.eventNo));
  if (q.level) conds.push(eq(opinionEvents.level, q.level));
  if (q.status) conds.push(eq(opinionEvents.status, q.status));
  if (q.unitId) conds.push(eq(opinionEvents.unitId, q.unitId));
  if (q.overdue)
    conds.push(sql`${opinionEvents.status} = 'open' AND ${opinionEvents.responseDue} < ${now.toISOString()}`);
  return and(...conds);
}

const withUnit = { o: opinionEvents, unitName: unitNameSql(opinionEvents.unitId) };
export type OpinionWithUnit = { o: OpinionRow; unitName: string };

export const { page: opinionPage, byId: opinionById } = recordReads(opinionEvents, withUnit, where, [
  sql`${opinionEvents.status} <> 'open'`,
  opinionEvents.responseDue,
  desc(opinionEvents.createdAt),
]);
