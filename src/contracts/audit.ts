// Contracts of the audit log and the login log (auditor): filters, records and the chain check.
import { z } from 'zod';
import { endpointsOf, zFile, zInstant, zPage, zPaged } from './http';

const tag = '审计';
const api = endpointsOf(tag);

/** A day (YYYY-MM-DD, China time) or an instant (ISO 8601 with offset), as the console's range picker sends. */
const zWhen = z
  .string()
  .refine((s) => /^\d{4}-\d{2}-\d{2}$/.test(s) || !Number.isNaN(Date.parse(s)), '时间格式不正确')
  .optional();

export const auditFiltersSchema = z.object({
  from: zWhen,
  to: zWhen,
  username: z.string().max(64).optional(),
  action: z.string().max(64).optional(),
  objectType: z.string().max(64).optional(),
  result: z.enum(['success', 'failure']).optional(),
  ...zPage,
});
export type AuditFilters = z.output<typeof auditFiltersSchema>;

/** What a login attempt came to (login_log.result). */
export const LOGIN_RESULTS = [
  'success',
  'bad_password',
  'locked',
  'unknown_user',
  'disabled',
  'throttled', // refused before the password was checked: challenge missing or wrong, or the delay not over
  'mfa_pending', // right password, waiting for the second step
  'mfa_failed', // wrong TOTP or recovery code
] as const;
export type LoginResultCode = (typeof LOGIN_RESULTS)[number];
export const loginFiltersSchema = z.object({
  from: zWhen,
  to: zWhen,
  username: z.string().max(64).optional(),
  result: z.enum(LOGIN_RESULTS).optional(),
  ...zPage,
});
export type LoginFilters = z.output<typeof loginFiltersSchema>;

export const auditRecordSchema = z.object({
  id: z.string(),
  seq: z.number().int(),
  at: zInstant,
  userId: z.string().nullable(),
  username: z.string().nullable(),
  unitName: z.string().nullable(),
  action: z.string(),
  objectType: z.string(),
  objectId: z.string().nullable(),
  result: z.enum(['success', 'failure']),
  ip: z.string().nullable(),
  requestId: z.string().nullable(),
  /** Personal data already masked. */
  detail: z.string().nullable(),
  /** The object's name (user, unit, item title, case number…) when its module names it. */
  objectName: z.string().nullable().optional(),
});
export type AuditRecord = z.output<typeof auditRecordSchema>;

export const loginRecordSchema = z.object({
  id: z.string(),
  at: zInstant,
  username: z.string(),
  result: z.enum(LOGIN_RESULTS),
  ip: z.string().nullable(),
  userAgent: z.string().nullable(),
});
export type LoginRecord = z.output<typeof loginRecordSchema>;

export const verifyResultSchema = z.object({
  ok: z.boolean(),
  checked: z.number().int(),
  firstBrokenSeq: z.number().int().nullable(),
  message: z.string(),
  /** Login-log records checked (its own chain). */
  loginChecked: z.number().int(),
  /** Signed checkpoints found beside the data directory, and the newest one's time. */
  checkpoints: z.number().int(),
  lastCheckpointAt: z.string().nullable(),
  problems: z.array(z.string()),
});
export type VerifyResult = z.output<typeof verifyResultSchema>;

export const auditApi = {
  logs: api.get('/api/audit/logs', '审计日志', 'audit:log:list', {
    query: auditFiltersSchema,
    response: zPaged(auditRecordSchema),
  }),
  exportLogs: api.get('/api/audit/logs/export', '导出审计日志（.xlsx）', 'audit:log:export', {
    query: auditFiltersSchema,
    response: zFile,
  }),
  logins: api.get('/api/audit/logins', '登录日志', 'audit:login:list', {
    query: loginFiltersSchema,
    response: zPaged(loginRecordSchema),
  }),
  verify: api.get('/api/audit/verify', '校验审计日志与登录日志的哈希链及签名检查点', 'audit:chain:verify', {
    response: verifyResultSchema,
  }),
};
