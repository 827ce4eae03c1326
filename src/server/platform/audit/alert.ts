// A failing audit write refuses the action (fail-closed, SECURITY.md 17) and alerts the security administrators:
// a bell notice written on a connection of its own (the failed transaction is rolled back by then), and an error
// log line with a fixed event name for log monitoring. A storm gives one alert per window, not one per failure.
import { and, eq } from 'drizzle-orm';
import type { Database } from '../../db/client';
import { userRoles, users } from '../../db/schema';
import type { Platform } from '../context';
import { errorFields } from '../log';
import { notify } from '../notify/service';

/** The log line's `msg`: monitoring matches this exact text. */
export const AUDIT_ALERT_EVENT = 'audit.write.failed';
export const AUDIT_ALERT_WINDOW_MS = 15 * 60_000;

// Errors thrown by an audit append (audit.ts marks them): the caller's transaction passes the same object on.
const failures = new WeakSet<object>();
export function markAuditFailure(e: unknown): void {
  if (e !== null && typeof e === 'object') failures.add(e);
}
export const isAuditFailure = (e: unknown): boolean => e !== null && typeof e === 'object' && failures.has(e);

// Per database (one per process in production, one per test file in tests): when the last alert went out.
const windows = new WeakMap<Database, { since: number; suppressed: number }>();

/** Alerts once per window; later failures in the window are only counted, and the next alert reports them. */
export async function alertAuditFailure(
  p: Pick<Platform, 'database' | 'clock' | 'log'>,
  where: { requestId?: string | null; path?: string; job?: string },
  err: unknown,
): Promise<void> {
  const now = p.clock.now().getTime();
  const w = windows.get(p.database);
  if (w && now - w.since < AUDIT_ALERT_WINDOW_MS) {
    w.suppressed++;
    return;
  }
  windows.set(p.database, { since: now, suppressed: 0 });
  const earlier = w?.suppressed ?? 0;
  // The statement and the database's reason (never the parameters, SECURITY.md 8), so the alert says why.
  const { error, cause } = errorFields(err);
  p.log('error', AUDIT_ALERT_EVENT, { ...where, suppressed: earlier, error, ...(cause ? { cause } : {}) });
  try {
    const admins = await p.database.db
      .select({ id: users.id })
      .from(userRoles)
      .innerJoin(users, eq(users.id, userRoles.userId))
      .where(and(eq(userRoles.roleCode, 'secadmin'), eq(users.status, 'active')));
    const at = new Date(now).toISOString();
    await notify(
      p.database.db,
      admins.map((a) => ({
        userId: a.id,
        title: '审计日志写入失败，相关操作已被拒绝',
        body:
          `${at} 起审计记录无法写入（${where.path ?? where.job ?? '未知来源'}，请求号 ${where.requestId ?? '无'}），` +
          `相关操作均已回滚。${earlier ? `上一告警后又失败 ${earlier} 次。` : ''}请立即检查数据库与审计日志。`,
        link: null,
        // Several processes alert once per window between them.
        dedupeKey: `${AUDIT_ALERT_EVENT}:${Math.floor(now / AUDIT_ALERT_WINDOW_MS)}`,
      })),
    );
  } catch (e) {
    // The database may be down altogether: the log line above is then the alert.
    p.log('error', `${AUDIT_ALERT_EVENT}.notify`, { error: errorFields(e).error });
  }
}
