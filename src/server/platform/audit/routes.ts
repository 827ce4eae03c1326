import { and, count, desc, eq, gte, ilike, lte, type SQL } from 'drizzle-orm';
import type { Hono } from 'hono';
import { z } from 'zod';
import type { AuditRecord, LoginRecord } from '../../../contracts/api';
import { auditLog, loginLog } from '../../db/schema';
import type { AppEnv, Platform } from '../context';
import { defineRoute, zPage } from '../http/route';
import { fileResponse, XLSX_MIME } from '../http/upload';
import { writeTable } from '../xlsx';
import { verifyAuditTrail } from './checkpoint';

const RESULT_LABEL = { success: '成功', failure: '失败' } as const;

export function auditRoutes(app: Hono<AppEnv>, p: Platform): void {
  const { database } = p;
  const tag = '审计';
  // A day (YYYY-MM-DD, China time) or an instant (ISO 8601 with offset), as the console's range picker sends.
  const zWhen = z
    .string()
    .refine((s) => /^\d{4}-\d{2}-\d{2}$/.test(s) || !Number.isNaN(Date.parse(s)), '时间格式不正确')
    .optional();
  const filters = z.object({
    from: zWhen,
    to: zWhen,
    username: z.string().max(64).optional(),
    action: z.string().max(64).optional(),
    objectType: z.string().max(64).optional(),
    result: z.enum(['success', 'failure']).optional(),
    ...zPage,
  });
  type Filters = z.infer<typeof filters>;
  // Day boundaries in China Standard Time (UTC+8, no DST), whatever the server's TZ.
  const dayStart = (d: string) => new Date(d.length === 10 ? `${d}T00:00:00+08:00` : d);
  const dayEnd = (d: string) => new Date(d.length === 10 ? `${d}T23:59:59.999+08:00` : d);
  const where = (q: Filters) => {
    const c: (SQL | undefined)[] = [];
    if (q.from) c.push(gte(auditLog.at, dayStart(q.from)));
    if (q.to) c.push(lte(auditLog.at, dayEnd(q.to)));
    if (q.username) c.push(ilike(auditLog.username, `%${q.username}%`));
    if (q.action) c.push(ilike(auditLog.action, `${q.action}%`));
    if (q.objectType) c.push(eq(auditLog.objectType, q.objectType));
    if (q.result) c.push(eq(auditLog.result, q.result));
    return and(...c);
  };
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

  defineRoute(app, {
    method: 'get',
    path: '/api/audit/logs',
    tag,
    summary: '审计日志',
    permission: 'audit:log:list',
    query: filters,
    handler: async ({ query }) => {
      const w = where(query);
      const [total] = await database.db.select({ n: count() }).from(auditLog).where(w);
      const rows = await database.db
        .select()
        .from(auditLog)
        .where(w)
        .orderBy(desc(auditLog.seq))
        .limit(query.pageSize)
        .offset((query.page - 1) * query.pageSize);
      return { items: rows.map(toRecord), total: Number(total?.n ?? 0) };
    },
  });
  defineRoute(app, {
    method: 'get',
    path: '/api/audit/logs/export',
    tag,
    summary: '导出审计日志（.xlsx）',
    permission: 'audit:log:export',
    query: filters,
    handler: async ({ query }) => {
      const rows = await database.db
        .select()
        .from(auditLog)
        .where(where(query))
        .orderBy(desc(auditLog.seq))
        .limit(100_000);
      const bytes = await writeTable(
        '审计日志',
        ['序号', '时间', '用户', '单位', '操作', '对象类型', '对象', '结果', 'IP', '请求号', '详情'],
        rows.map((r) => [
          r.seq,
          r.at.toISOString(),
          r.username,
          r.unitName,
          r.action,
          r.objectType,
          r.objectId,
          RESULT_LABEL[r.result],
          r.ip,
          r.requestId,
          r.detail,
        ]),
      );
      return fileResponse(bytes, '审计日志.xlsx', XLSX_MIME);
    },
  });
  defineRoute(app, {
    method: 'get',
    path: '/api/audit/logins',
    tag,
    summary: '登录日志',
    permission: 'audit:login:list',
    query: z.object({
      from: zWhen,
      to: zWhen,
      username: z.string().max(64).optional(),
      result: z.enum(['success', 'bad_password', 'locked', 'unknown_user', 'disabled']).optional(),
      ...zPage,
    }),
    handler: async ({ query }) => {
      const c: (SQL | undefined)[] = [];
      if (query.from) c.push(gte(loginLog.at, dayStart(query.from)));
      if (query.to) c.push(lte(loginLog.at, dayEnd(query.to)));
      if (query.username) c.push(ilike(loginLog.username, `%${query.username}%`));
      if (query.result) c.push(eq(loginLog.result, query.result));
      const w = and(...c);
      const [total] = await database.db.select({ n: count() }).from(loginLog).where(w);
      const rows = await database.db
        .select()
        .from(loginLog)
        .where(w)
        .orderBy(desc(loginLog.id))
        .limit(query.pageSize)
        .offset((query.page - 1) * query.pageSize);
      const items: LoginRecord[] = rows.map((r) => ({
        id: String(r.id),
        at: r.at.toISOString(),
        username: r.username,
        result: r.result,
        ip: r.ip,
        userAgent: r.userAgent,
      }));
      return { items, total: Number(total?.n ?? 0) };
    },
  });
  defineRoute(app, {
    method: 'get',
    path: '/api/audit/verify',
    tag,
    summary: '校验审计日志与登录日志的哈希链及签名检查点',
    permission: 'audit:chain:verify',
    handler: () => verifyAuditTrail(database, p.config),
  });
}
