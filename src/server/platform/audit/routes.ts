// HTTP only: the audit contracts (src/contracts/audit.ts) mounted on the log readers and the chain check. Reading
// a log is itself audited (SECURITY.md 15): the page and its audit row in one transaction, so no row, no page.
import type { Context, Hono } from 'hono';
import { auditApi } from '../../../contracts/audit';
import type { DbOrTx } from '../../db/client';
import { type AppEnv, actorOf, type Platform } from '../context';
import { route } from '../http/route';
import { fileResponse, XLSX_MIME } from '../http/upload';
import { audit } from './audit';
import { verifyAuditTrail } from './checkpoint';
import { exportAuditLog, listAuditLog, listLoginLog } from './logs';

export function auditRoutes(app: Hono<AppEnv>, p: Platform): void {
  const db = p.database.db;
  /** Runs a log read and writes its `audit.query` row naming the log and the filters. */
  const queried = <T>(c: Context<AppEnv>, log: string, filters: object, read: (tx: DbOrTx) => Promise<T>) =>
    db.transaction(async (tx) => {
      const out = await read(tx);
      await audit(
        tx,
        actorOf(c.get('user'), c),
        { action: 'audit.query', objectType: log, detail: { ...filters } },
        p.clock.now(),
      );
      return out;
    });
  route(app, auditApi.logs, ({ c, query }) =>
    queried(c, 'audit_log', query, (tx) => listAuditLog(tx, query)),
  );
  route(app, auditApi.exportLogs, async ({ query }) =>
    fileResponse(await exportAuditLog(db, query), '审计日志.xlsx', XLSX_MIME),
  );
  route(app, auditApi.logins, ({ c, query }) =>
    queried(c, 'login_log', query, (tx) => listLoginLog(tx, query)),
  );
  route(app, auditApi.verify, () => verifyAuditTrail(p.database, p.config));
}
