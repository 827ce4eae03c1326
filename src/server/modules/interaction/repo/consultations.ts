// SQL of the consultations (interaction_consultations). Unit names through the org face, scope in SQL.
import { and, desc, eq, isNotNull, or, type SQL, sql } from 'drizzle-orm';
import type { CurrentUser } from '../../../../contracts/api';
import type { ConsultChannel, ConsultStatus } from '../../../../domain/interaction/consultation';
import type { DbOrTx } from '../../../db/client';
import { anyContains } from '../../../db/filters';
import { consultations } from '../../../db/schema/interaction';
import { scopeFilter, unitNameSql } from '../../org';
import { recordReads, recordWrites } from './records';

export type ConsultRow = typeof consultations.$inferSelect;
export type Scoped = Pick<CurrentUser, 'dataScope' | 'unitId'>;

export interface ConsultFilter {
  keyword?: string;
  status?: ConsultStatus;
  channel?: ConsultChannel;
  unitId?: string;
  overdue?: boolean;
  month?: string;
  /** Answers waiting for review (see domain awaitingReview). */
  reviewing?: boolean;
}

export const {
  nextNo: nextConsultNo,
  insert: insertConsultation,
  update: updateConsultation,
  lock: lockConsultation,
} = recordWrites(consultations, 'ZX', 'consultation');

function where(user: Scoped, q: ConsultFilter, asOf: string): SQL | undefined {
  const conds: (SQL | undefined)[] = [scopeFilter(user, consultations.unitId)];
  if (q.keyword)
    conds.push(
      anyContains(q.keyword, consultations.question, consultations.consultNo, consultations.workOrderNo),
    );
  if (q.status) conds.push(eq(consultations.status, q.status));
  if (q.channel) conds.push(eq(consultations.channel, q.channel));
  if (q.unitId) conds.push(eq(consultations.unitId, q.unitId));
  if (q.overdue) conds.push(sql`${consultations.status} = 'open' AND ${consultations.answerDue} < ${asOf}`);
  if (q.reviewing)
    conds.push(
      sql`${consultations.status} = 'open' AND ${consultations.answer} IS NOT NULL AND ${consultations.answeredOn} IS NULL`,
    );
  if (q.month) conds.push(sql`to_char(${consultations.receivedOn}, 'YYYY-MM') = ${q.month}`);
  return and(...conds);
}

const withUnit = { c: consultations, unitName: unitNameSql(consultations.unitId) };

/** consultPage: the consultations in the user's scope, open ones by due date first. */
export const {
  page: consultPage,
  byId: consultById,
  byCode: consultByCode,
} = recordReads(
  consultations,
  withUnit,
  where,
  [sql`${consultations.status} <> 'open'`, consultations.answerDue, desc(consultations.createdAt)],
  consultations.queryCode,
);

/** Every row of the filter (the ledger export; a district has thousands a year). */
export function consultRows(db: DbOrTx, user: Scoped, q: ConsultFilter, asOf: string) {
  return db
    .select(withUnit)
    .from(consultations)
    .where(where(user, q, asOf))
    .orderBy(consultations.receivedOn, consultations.consultNo)
    .limit(50_000);
}

/** The year's rows in scope for the statistics. */
export function consultYear(db: DbOrTx, user: Scoped, year: number) {
  return db
    .select(withUnit)
    .from(consultations)
    .where(
      and(
        scopeFilter(user, consultations.unitId),
        sql`${consultations.receivedOn} BETWEEN ${`${year}-01-01`} AND ${`${year}-12-31`}`,
      ),
    );
}

/** The consultations waiting for an answer (reminders, calendar changes). */
export function openConsultations(db: DbOrTx): Promise<ConsultRow[]> {
  return db.select().from(consultations).where(eq(consultations.status, 'open'));
}

/** Every consultation that holds an asker's name or contact (for the start-up sealing step). */
export const consultsWithAsker = (db: DbOrTx) =>
  db
    .select({
      id: consultations.id,
      askerName: consultations.askerName,
      askerContact: consultations.askerContact,
    })
    .from(consultations)
    .where(or(isNotNull(consultations.askerName), isNotNull(consultations.askerContact)));

/** Sealing is no edit: updated_at stays. */
export async function setAsker(
  db: DbOrTx,
  id: string,
  askerName: string | null,
  askerContact: string | null,
) {
  await db.update(consultations).set({ askerName, askerContact }).where(eq(consultations.id, id));
}
