// SQL of the hotline ledger (interaction_calls). Unit names through the org face, scope in SQL.
import { and, desc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import type { CallChannel, CallStatus } from '../../../../domain/interaction/hotline';
import type { DbOrTx } from '../../../db/client';
import { anyContains } from '../../../db/filters';
import { lockAndLoad, updateById } from '../../../db/lock';
import { pageOf } from '../../../db/pages';
import { calls, consultations } from '../../../db/schema/interaction';
import { nextYearNo } from '../../../platform/counters';
import { scopeFilter, unitNameSql } from '../../org';
import type { Scoped } from './consultations';

export type CallRow = typeof calls.$inferSelect;

export interface CallFilter {
  keyword?: string;
  channel?: CallChannel;
  status?: CallStatus;
  unitId?: string;
  month?: string;
}

export async function nextCallNo(tx: DbOrTx, year: string): Promise<string> {
  return nextYearNo(tx, 'LD', 'call', year);
}

export async function insertCalls(tx: DbOrTx, values: (typeof calls.$inferInsert)[]): Promise<CallRow[]> {
  if (!values.length) return [];
  return tx.insert(calls).values(values).returning();
}

export async function updateCall(tx: DbOrTx, id: string, set: Partial<CallRow>): Promise<void> {
  await updateById(tx, calls, id, set);
}

export const lockCall = (tx: DbOrTx, id: string) => lockAndLoad(tx, calls, id);

function where(user: Scoped, q: CallFilter): SQL | undefined {
  const conds: (SQL | undefined)[] = [scopeFilter(user, calls.unitId)];
  if (q.keyword) conds.push(anyContains(q.keyword, calls.question, calls.callNo, calls.workOrderNo));
  if (q.channel) conds.push(eq(calls.channel, q.channel));
  if (q.status) conds.push(eq(calls.status, q.status));
  if (q.unitId) conds.push(eq(calls.unitId, q.unitId));
  if (q.month)
    conds.push(sql`to_char(${calls.calledAt} AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM') = ${q.month}`);
  return and(...conds);
}

const withUnit = {
  c: calls,
  unitName: unitNameSql(calls.unitId),
  consultNo: sql<
    string | null
  >`(SELECT x.consult_no FROM ${consultations} x WHERE x.id = ${calls.consultationId})`,
};
export type CallWithUnit = { c: CallRow; unitName: string; consultNo: string | null };

export async function callPage(db: DbOrTx, user: Scoped, q: CallFilter & { page: number; pageSize: number }) {
  const w = where(user, q);
  return pageOf(db, calls, withUnit, w, [desc(calls.calledAt), desc(calls.callNo)], q);
}

export function callRows(db: DbOrTx, user: Scoped, q: CallFilter) {
  return db
    .select(withUnit)
    .from(calls)
    .where(where(user, q))
    .orderBy(calls.calledAt, calls.callNo)
    .limit(50_000);
}

export async function callById(db: DbOrTx, id: string): Promise<CallWithUnit | null> {
  const [r] = await db.select(withUnit).from(calls).where(eq(calls.id, id));
  return r ?? null;
}

/** The work-order numbers of `nos` already in the ledger. */
export async function knownWorkOrders(db: DbOrTx, nos: readonly string[]): Promise<Set<string>> {
  if (!nos.length) return new Set();
  const rows = await db
    .select({ no: calls.workOrderNo })
    .from(calls)
    .where(inArray(calls.workOrderNo, [...nos]));
  return new Set(rows.map((r) => r.no ?? ''));
}
