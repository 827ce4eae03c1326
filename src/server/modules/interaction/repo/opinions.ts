// SQL of the 舆情 events (interaction_opinion_events).
import { and, desc, eq, type SQL, sql } from 'drizzle-orm';
import type { OpinionLevel, OpinionStatus } from '../../../../domain/interaction/opinion';
import type { DbOrTx } from '../../../db/client';
import { anyContains } from '../../../db/filters';
import { pageOf } from '../../../db/pages';
import { opinionEvents } from '../../../db/schema/interaction';
import { scopeFilter, unitNameSql } from '../../org';
import type { Scoped } from './consultations';
import { recordWrites } from './records';

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

export async function opinionPage(
  db: DbOrTx,
  user: Scoped,
  q: OpinionFilter & { page: number; pageSize: number },
  now: Date,
) {
  const w = where(user, q, now);
  return pageOf(
    db,
    opinionEvents,
    withUnit,
    w,
    [sql`${opinionEvents.status} <> 'open'`, opinionEvents.responseDue, desc(opinionEvents.createdAt)],
    q,
  );
}

export async function opinionById(db: DbOrTx, id: string): Promise<OpinionWithUnit | null> {
  const [r] = await db.select(withUnit).from(opinionEvents).where(eq(opinionEvents.id, id));
  return r ?? null;
}
