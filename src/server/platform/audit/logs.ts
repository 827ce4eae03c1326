// Reading the audit log and the login log for the auditor: filtered pages and the .xlsx export.
import { and, desc, eq, gte, ilike, lte, type SQL } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { AuditFilters, AuditRecord, LoginFilters, LoginRecord } from '../../../contracts/audit';
import { AUDIT_OBJECT_LABELS, auditActionLabel, auditActorLabel } from '../../../contracts/audit-labels';
import { chinaDateTime } from '../../../domain/calendar';
import type { DbOrTx } from '../../db/client';
import { countWhere, onePage } from '../../db/pages';
import { auditLog, loginLog } from '../../db/schema/platform';
import { writeTable } from '../xlsx';
import { objectNames } from './names';

const RESULT_LABEL = { success: '成功', failure: '失败' } as const;

// Day boundaries in China Standard Time (UTC+8, no DST), whatever the server's TZ.
const dayStart = (d: string) => new Date(d.length === 10 ? `${d}T00:00:00+08:00` : d);
const dayEnd = (d: string) => new Date(d.length === 10 ? `${d}T23:59:59.999+08:00` : d);

function auditWhere(q: Omit<AuditFilters, 'page' | 'pageSize'>) {
  const c: (SQL | undefined)[] = [];
  if (q.from) c.push(gte(auditLog.at, dayStart(q.from)));
  if (q.to) c.push(lte(auditLog.at, dayEnd(q.to)));
  if (q.username) c.push(ilike(auditLog.username, `%${q.username}%`));
  if (q.action) c.push(ilike(auditLog.action, `${q.action}%`));
  if (q.objectType) c.push(eq(auditLog.objectType, q.objectType));
  if (q.result) c.push(eq(auditLog.result, q.result));
  return and(...c);
}

const toRecord = (r: typeof auditLog.$inferSelect): AuditRecord => ({
  id: r.id,
  seq: r.seq,
  at: r.at.toISOString(),
  userId: r.userId,
  username: r.username,
  unitName: r.unitName,
  action: r.action,
  objectType: r.objectType,
  objectId: r.objectId,
  result: r.result,
  ip: r.ip,
  requestId: r.requestId,
  detail: r.detail,
});

/** One page of a log (its rows typed as `R`), newest first, with the count of all rows that match. */
async function newestFirst<R>(
  db: DbOrTx,
  table: PgTable & { $inferSelect: R },
  order: PgColumn,
  where: SQL | undefined,
  q: { page: number; pageSize: number },
): Promise<{ rows: R[]; total: number }> {
  const total = await countWhere(db, table, where);
  const rows = await onePage(db.select().from(table).where(where).orderBy(desc(order)).$dynamic(), q);
  return { rows: rows as R[], total: total };
}

export async function listAuditLog(db: DbOrTx, q: AuditFilters) {
  const w = auditWhere(q);
  const { rows, total } = await newestFirst(db, auditLog, auditLog.seq, w, q);
  const names = await objectNames(db, rows);
  return {
    items: rows.map((r) => ({
      ...toRecord(r),
      objectName: names.get(`${r.objectType}:${r.objectId}`) ?? null,
    })),
    total,
  };
}

/**
 * The log as an .xlsx for the auditor: the time in UTC and in China time; actions, object types and system jobs
 * in Chinese, with the action code and the object's id beside them; the objects' names as the console shows them.
 */
export async function exportAuditLog(db: DbOrTx, q: AuditFilters): Promise<Uint8Array> {
  const rows = await db
    .select()
    .from(auditLog)
    .where(auditWhere(q))
    .orderBy(desc(auditLog.seq))
    .limit(100_000);
  const names = await objectNames(db, rows);
  return writeTable(
    '审计日志',
    [
      '序号',
      '时间',
      '北京时间',
      '用户',
      '单位',
      '操作',
      '操作代码',
      '对象类型',
      '对象',
      '对象编号',
      '结果',
      'IP',
      '请求号',
      '详情',
    ],
    rows.map((r) => [
      r.seq,
      // UTC with its offset, as the record holds it (SECURITY.md 15); beside it as an officer reads it.
      r.at.toISOString(),
      chinaDateTime(r.at),
      auditActorLabel(r.username, r.userId),
      r.unitName,
      auditActionLabel(r.action),
      r.action,
      AUDIT_OBJECT_LABELS[r.objectType] ?? r.objectType,
      names.get(`${r.objectType}:${r.objectId}`) ?? r.objectId,
      r.objectId,
      RESULT_LABEL[r.result],
      r.ip,
      r.requestId,
      r.detail,
    ]),
  );
}

export async function listLoginLog(db: DbOrTx, q: LoginFilters) {
  const c: (SQL | undefined)[] = [];
  if (q.from) c.push(gte(loginLog.at, dayStart(q.from)));
  if (q.to) c.push(lte(loginLog.at, dayEnd(q.to)));
  if (q.username) c.push(ilike(loginLog.username, `%${q.username}%`));
  if (q.result) c.push(eq(loginLog.result, q.result));
  const w = and(...c);
  const { rows, total } = await newestFirst(db, loginLog, loginLog.id, w, q);
  const items: LoginRecord[] = rows.map((r) => ({
    id: String(r.id),
    at: r.at.toISOString(),
    username: r.username,
    result: r.result,
    ip: r.ip,
    userAgent: r.userAgent,
  }));
  return { items, total };
}
