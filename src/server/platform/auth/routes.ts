import type { Hono } from 'hono';
import { deleteCookie, setCookie } from 'hono/cookie';
import { z } from 'zod';
import type { AppEnv, Platform } from '../context';
import { actorOf } from '../context';
import { AppError } from '../errors';
import { defineRoute } from '../http/route';
import type { RateLimiter } from '../ratelimit';
import { CSRF_COOKIE, changePassword, login, logout, SESSION_COOKIE } from './service';

export function authRoutes(app: Hono<AppEnv>, p: Platform, limiter: RateLimiter): void {
  const { database, clock, config } = p;
  const tag = '登录与会话';
  const cookieOpts = { path: '/', sameSite: 'Strict' as const, secure: config.secureCookies };

  defineRoute(app, {
    method: 'post',
    path: '/api/auth/login',
    tag,
    summary: '登录',
    auth: 'public',
    body: z.object({
      username: z.string().trim().min(1, '请输入用户名').max(64),
      password: z.string().min(1, '请输入密码').max(256),
    }),
    handler: async ({ c, body }) => {
      const ip = c.get('ip');
      const wait = Math.max(
        limiter.hit(`login:ip:${ip}`, 20, 60_000),
        limiter.hit(`login:user:${body.username.toLowerCase()}`, 10, 60_000),
      );
      if (wait) throw new AppError('RATE_LIMITED', `登录尝试过于频繁，请 ${wait} 秒后再试`);
      const r = await login(
        database,
        clock,
        { ...body, ip, userAgent: c.req.header('user-agent')?.slice(0, 200) ?? null },
        actorOf(null, c),
      );
      setCookie(c, SESSION_COOKIE, r.sessionId, { ...cookieOpts, httpOnly: true });
      setCookie(c, CSRF_COOKIE, r.csrfToken, { ...cookieOpts, httpOnly: false });
      return r.user;
    },
  });
  defineRoute(app, {
    method: 'get',
    path: '/api/auth/me',
    tag,
    summary: '当前用户、角色与权限',
    allowPasswordChange: true,
    handler: async ({ user }) => {
      const { sessionIdHash: _s, csrfToken: _c, ...rest } = user;
      return rest;
    },
  });
  defineRoute(app, {
    method: 'post',
    path: '/api/auth/logout',
    tag,
    summary: '退出登录',
    allowPasswordChange: true,
    handler: async ({ c, user }) => {
      await logout(database, user, actorOf(user, c));
      deleteCookie(c, SESSION_COOKIE, cookieOpts);
      deleteCookie(c, CSRF_COOKIE, cookieOpts);
      return { ok: true };
    },
  });
  defineRoute(app, {
    method: 'get',
    path: '/api/auth/csrf',
    tag,
    summary: '重新下发 CSRF 令牌 Cookie',
    allowPasswordChange: true,
    handler: async ({ c, user }) => {
      setCookie(c, CSRF_COOKIE, user.csrfToken, { ...cookieOpts, httpOnly: false });
      return { token: user.csrfToken };
    },
  });
  defineRoute(app, {
    method: 'post',
    path: '/api/auth/password',
    tag,
    summary: '修改密码',
    allowPasswordChange: true,
    body: z.object({
      oldPassword: z.string().min(1, '请输入原密码').max(256),
      newPassword: z.string().min(1, '请输入新密码').max(256),
    }),
    handler: async ({ c, user, body }) => {
      await changePassword(database, user, body, actorOf(user, c));
      return { ok: true };
    },
  });
}
