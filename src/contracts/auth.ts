// Contracts of login, sessions and two-step verification (platform/auth). Login has up to three steps: a
// challenge once a name or an address has failed a few times, the password, then a TOTP or recovery code when the
// account has (or must have) a second factor.
import { z } from 'zod';
import { endpointsOf, zOk, zUnitRef } from './http';
import { ALL_PERMISSIONS } from './permissions';
import { ROLE_CODES } from './roles';

export const currentUserSchema = z.object({
  id: z.string(),
  username: z.string(),
  name: z.string(),
  ...zUnitRef,
  roles: z.array(z.enum(ROLE_CODES)),
  permissions: z.array(z.enum(ALL_PERMISSIONS as [string, ...string[]])),
  dataScope: z.enum(['all', 'unit']),
  mustChangePassword: z.boolean(),
  /** The account must set up two-step verification before anything else (三员 accounts). */
  mustEnrollTotp: z.boolean(),
});

/** The password was right; the second step (POST /api/auth/login/totp) finishes the login. */
export const mfaPendingSchema = z.object({ mfaRequired: z.literal(true), mfaToken: z.string() });

const tag = '登录与会话';
const api = endpointsOf(tag);
const code = z
  .string()
  .trim()
  .min(1, '请输入验证码')
  .max(32)
  .transform((s) => s.replace(/[\s-]/g, ''));

export const authApi = {
  challenge: api.post('/api/auth/challenge', '取登录验证题（一次有效）', null, {
    auth: 'public',
    response: z.object({ id: z.string(), question: z.string() }),
  }),
  login: api.post('/api/auth/login', '登录（用户名与密码）', null, {
    auth: 'public',
    body: z.object({
      username: z.string().trim().min(1, '请输入用户名').max(64),
      password: z.string().min(1, '请输入密码').max(256),
      challengeId: z.string().max(100).optional(),
      challengeAnswer: z.string().trim().max(20).optional(),
    }),
    response: z.union([currentUserSchema, mfaPendingSchema]),
  }),
  loginTotp: api.post('/api/auth/login/totp', '登录第二步：动态验证码或恢复码', null, {
    auth: 'public',
    body: z.object({ mfaToken: z.string().min(1).max(100), code }),
    response: currentUserSchema,
  }),
  me: api.get('/api/auth/me', '当前用户、角色与权限', null, {
    allowPasswordChange: true,
    response: currentUserSchema,
  }),
  logout: api.post('/api/auth/logout', '退出登录', null, { allowPasswordChange: true, response: zOk }),
  csrf: api.get('/api/auth/csrf', '重新下发 CSRF 令牌 Cookie', null, {
    allowPasswordChange: true,
    response: z.object({ token: z.string() }),
  }),
  password: api.post('/api/auth/password', '修改密码', null, {
    allowPasswordChange: true,
    body: z.object({
      oldPassword: z.string().min(1, '请输入原密码').max(256),
      newPassword: z.string().min(1, '请输入新密码').max(256),
    }),
    response: zOk,
  }),
  totpStatus: api.get('/api/auth/totp', '两步验证状态', null, {
    allowPasswordChange: true,
    response: z.object({
      enabled: z.boolean(),
      required: z.boolean(),
      recoveryCodesLeft: z.number().int(),
    }),
  }),
  totpSetup: api.post('/api/auth/totp/setup', '开始设置两步验证（生成密钥）', null, {
    allowPasswordChange: true,
    response: z.object({ secret: z.string(), uri: z.string() }),
  }),
  totpConfirm: api.post('/api/auth/totp/confirm', '确认两步验证（输入验证码，取恢复码）', null, {
    allowPasswordChange: true,
    body: z.object({ code }),
    response: z.object({ recoveryCodes: z.array(z.string()) }),
  }),
  totpDisable: api.post('/api/auth/totp/disable', '关闭两步验证（须输入密码）', null, {
    body: z.object({ password: z.string().min(1, '请输入密码').max(256) }),
    response: zOk,
  }),
};
