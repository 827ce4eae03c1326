// Contracts of login, sessions and two-step verification (platform/auth). Login has up to three steps: a
// challenge once a name or an address has failed a few times, the password, then a TOTP or recovery code when the
// account has (or must have) a second factor.
import { z } from 'zod';
import { endpoint, zOk } from './http';
import { ALL_PERMISSIONS } from './permissions';
import { ROLE_CODES } from './roles';

export const currentUserSchema = z.object({
  id: z.string(),
  username: z.string(),
  name: z.string(),
  unitId: z.string(),
  unitName: z.string(),
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
const code = z
  .string()
  .trim()
  .min(1, '请输入验证码')
  .max(32)
  .transform((s) => s.replace(/[\s-]/g, ''));

export const authApi = {
  challenge: endpoint({
    method: 'post',
    path: '/api/auth/challenge',
    tag,
    summary: '取登录验证题（一次有效）',
    auth: 'public',
    response: z.object({ id: z.string(), question: z.string() }),
  }),
  login: endpoint({
    method: 'post',
    path: '/api/auth/login',
    tag,
    summary: '登录（用户名与密码）',
    auth: 'public',
    body: z.object({
      username: z.string().trim().min(1, '请输入用户名').max(64),
      password: z.string().min(1, '请输入密码').max(256),
      challengeId: z.string().max(100).optional(),
      challengeAnswer: z.string().trim().max(20).optional(),
    }),
    response: z.union([currentUserSchema, mfaPendingSchema]),
  }),
  loginTotp: endpoint({
    method: 'post',
    path: '/api/auth/login/totp',
    tag,
    summary: '登录第二步：动态验证码或恢复码',
    auth: 'public',
    body: z.object({ mfaToken: z.string().min(1).max(100), code }),
    response: currentUserSchema,
  }),
  me: endpoint({
    method: 'get',
    path: '/api/auth/me',
    tag,
    summary: '当前用户、角色与权限',
    allowPasswordChange: true,
    response: currentUserSchema,
  }),
  logout: endpoint({
    method: 'post',
    path: '/api/auth/logout',
    tag,
    summary: '退出登录',
    allowPasswordChange: true,
    response: zOk,
  }),
  csrf: endpoint({
    method: 'get',
    path: '/api/auth/csrf',
    tag,
    summary: '重新下发 CSRF 令牌 Cookie',
    allowPasswordChange: true,
    response: z.object({ token: z.string() }),
  }),
  password: endpoint({
    method: 'post',
    path: '/api/auth/password',
    tag,
    summary: '修改密码',
    allowPasswordChange: true,
    body: z.object({
      oldPassword: z.string().min(1, '请输入原密码').max(256),
      newPassword: z.string().min(1, '请输入新密码').max(256),
    }),
    response: zOk,
  }),
  totpStatus: endpoint({
    method: 'get',
    path: '/api/auth/totp',
    tag,
    summary: '两步验证状态',
    allowPasswordChange: true,
    response: z.object({
      enabled: z.boolean(),
      required: z.boolean(),
      recoveryCodesLeft: z.number().int(),
    }),
  }),
  totpSetup: endpoint({
    method: 'post',
    path: '/api/auth/totp/setup',
    tag,
    summary: '开始设置两步验证（生成密钥）',
    allowPasswordChange: true,
    response: z.object({ secret: z.string(), uri: z.string() }),
  }),
  totpConfirm: endpoint({
    method: 'post',
    path: '/api/auth/totp/confirm',
    tag,
    summary: '确认两步验证（输入验证码，取恢复码）',
    allowPasswordChange: true,
    body: z.object({ code }),
    response: z.object({ recoveryCodes: z.array(z.string()) }),
  }),
  totpDisable: endpoint({
    method: 'post',
    path: '/api/auth/totp/disable',
    tag,
    summary: '关闭两步验证（须输入密码）',
    body: z.object({ password: z.string().min(1, '请输入密码').max(256) }),
    response: zOk,
  }),
};
