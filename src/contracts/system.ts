// Contracts of the system module: the security policy the security administrator edits (等保 8.1.4.1 身份鉴别).
import { z } from 'zod';
import { RETENTION_FIELDS, type RetentionSettings, retentionError } from '../domain/security/retention';
import { endpointsOf, zCounts } from './http';

export const TWO_FACTOR_SCOPES = ['separated', 'all'] as const;
export type TwoFactorScope = (typeof TWO_FACTOR_SCOPES)[number];
export const TWO_FACTOR_SCOPE_LABELS: Record<TwoFactorScope, string> = {
  separated: '仅三员（系统管理员、安全管理员、审计管理员）',
  all: '全部后台账号',
};

export const securitySettingsSchema = z.object({
  passwordMinLength: z.number().int().min(8, '密码最短不能少于 8 位').max(64),
  passwordMinClasses: z.number().int().min(2, '至少要求 2 类字符').max(4),
  /** Failures of one name or one address after which every further attempt needs a solved challenge. */
  challengeThreshold: z.number().int().min(1).max(10),
  /** Failures of one name that lock it hard for `lockoutMinutes` (far above the challenge: no easy lock-out). */
  hardLockThreshold: z.number().int().min(3).max(100),
  lockoutMinutes: z.number().int().min(1).max(1440),
  sessionIdleMinutes: z.number().int().min(5).max(480),
  /** Absolute session lifetime, whatever the activity (≤ 12 h by default). */
  sessionAbsoluteMinutes: z.number().int().min(30).max(1440),
  /** Forced rotation: days a password stays valid (0: never expires). */
  passwordMaxAgeDays: z.number().int().min(0, '不能小于 0').max(365, '最长 365 天'),
  /** Who must log in with a second factor: the 三员 only, or every console account (SECURITY.md 4). */
  twoFactorScope: z.enum(TWO_FACTOR_SCOPES, { message: '请选择须启用两步验证的账号范围' }),
});
export type SecuritySettings = z.output<typeof securitySettingsSchema>;

/** One retention setting: a whole number within its bounds, refused with the domain's Chinese message. */
const retentionField = (key: keyof RetentionSettings) =>
  z
    .number()
    .int(`${RETENTION_FIELDS[key].label}应为整数`)
    .superRefine((v, ctx) => {
      const e = retentionError(key, v);
      if (e) ctx.addIssue({ code: 'custom', message: e });
    });

/** Retention of logs and personal data (SECURITY.md 18 and 38; src/domain/security/retention.ts). */
export const retentionSettingsSchema = z.object({
  logDays: retentionField('logDays'),
  requestYears: retentionField('requestYears'),
  letterYears: retentionField('letterYears'),
  consultationYears: retentionField('consultationYears'),
  callYears: retentionField('callYears'),
  expiredSessionDays: retentionField('expiredSessionDays'),
});

export type { RetentionSettings };

/** What the last purge run removed or cleared. */
export const retentionRunSchema = z.object({
  at: z.string(),
  ...zCounts('auditRows', 'loginRows'),
  /** Why the logs were not purged (no owner connection), or null. */
  logsSkipped: z.string().nullable(),
  ...zCounts('requestCases', 'letters', 'consultations', 'calls', 'sessions', 'tokens'),
});
export type RetentionRun = z.output<typeof retentionRunSchema>;

export const retentionViewSchema = z.object({
  settings: retentionSettingsSchema,
  lastRun: retentionRunSchema.nullable(),
});
export type RetentionView = z.output<typeof retentionViewSchema>;

const tag = '系统设置';
const api = endpointsOf(tag);

export const systemApi = {
  getSecurity: api.get('/api/settings/security', '安全策略', 'system:security:list', {
    response: securitySettingsSchema,
  }),
  putSecurity: api.put('/api/settings/security', '修改安全策略', 'system:security:update', {
    body: securitySettingsSchema,
    response: securitySettingsSchema,
  }),
  getRetention: api.get('/api/settings/retention', '保存期限与上次清理', 'system:security:list', {
    response: retentionViewSchema,
  }),
  putRetention: api.put('/api/settings/retention', '修改保存期限', 'system:security:update', {
    body: retentionSettingsSchema,
    response: retentionViewSchema,
  }),
};
