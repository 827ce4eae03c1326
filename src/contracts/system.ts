// Contracts of the system module: the security policy the security administrator edits (等保 8.1.4.1 身份鉴别).
import { z } from 'zod';
import { endpointsOf } from './http';

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
});
export type SecuritySettings = z.output<typeof securitySettingsSchema>;

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
};
