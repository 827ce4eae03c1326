// HTTP only: the audit contracts (src/contracts/audit.ts) mounted on the log readers and the chain check.
import type { Hono } from 'hono';
import { auditApi } from '../../../contracts/audit';
import type { AppEnv, Platform } from '../context';
import { route } from '../http/route';
import { fileResponse, XLSX_MIME } from '../http/upload';
import { verifyAuditTrail } from './checkpoint';
import { exportAuditLog, listAuditLog, listLoginLog } from './logs';

export function auditRoutes(app: Hono<AppEnv>, p: Platform): void {
  const db = p.database.db;
  route(app, auditApi.logs, ({ query }) => listAuditLog(db, query));
  route(app, auditApi.exportLogs, async ({ query }) =>
    fileResponse(await exportAuditLog(db, query), '审计日志.xlsx', XLSX_MIME),
  );
  route(app, auditApi.logins, ({ query }) => listLoginLog(db, query));
  route(app, auditApi.verify, () => verifyAuditTrail(p.database, p.config));
}
