// HTTP only: the contracts of src/contracts/auth.ts mounted on the login, session and two-step use cases.
import type { Context, Hono } from 'hono';
import { deleteCookie, setCookie } from 'hono/cookie';
import { authApi } from '../../../contracts/auth';
import type { AppEnv, Platform } from '../context';
import { actorOf } from '../context';
import { AppError } from '../errors';
import { route } from '../http/route';
import type { RateLimiter } from '../ratelimit';
import { login, loginTotp } from './login';
import { CSRF_COOKIE, changePassword, currentUserById, logout, SESSION_COOKIE } from './service';
import { newChallenge } from './tokens';
import { confirmTotp, disableTotp, setupTotp, totpStatus } from './totp';

export function authRoutes(app: Hono<AppEnv>, p: Platform, limiter: RateLimiter): void {
  const { database, clock, config } = p;
  const cookieOpts = { path: '/', sameSite: 'Strict' as const, secure: config.secureCookies };
  const deps = {
    database,
    clock,
    config,
    currentUser: (id: string) => currentUserById(database, config, id, clock.now()),
  };
  const client = (c: Context<AppEnv>) => ({
    ip: c.get('ip'),
    userAgent: c.req.header('user-agent')?.slice(0, 200) ?? null,
  });
  const startSession = (c: Context<AppEnv>, r: { sessionId: string; csrfToken: string }) => {
    setCookie(c, SESSION_COOKIE, r.sessionId, { ...cookieOpts, httpOnly: true });
    setCookie(c, CSRF_COOKIE, r.csrfToken, { ...cookieOpts, httpOnly: false });
  };
  /** The instance-independent fixed windows (PostgreSQL) in front of the per-name and per-address counters. */
  const limit = async (keys: [string, number][]) => {
    let wait = 0;
    for (const [key, n] of keys) wait = Math.max(wait, await limiter.hit(key, n, 60_000));
    if (wait)
      throw new AppError('RATE_LIMITED', `登录尝试过于频繁，请 ${wait} 秒后再试`, {
        retryAfterSeconds: wait,
      });
  };

  route(app, authApi.challenge, async ({ c }) => {
    await limit([[`challenge:ip:${c.get('ip')}`, 30]]);
    return newChallenge(database.db, clock.now());
  });
  route(app, authApi.login, async ({ c, body }) => {
    const ip = c.get('ip');
    await limit([
      [`login:ip:${ip}`, 20],
      [`login:user:${body.username.toLowerCase()}`, 10],
    ]);
    const r = await login(deps, { ...body, ...client(c) }, actorOf(null, c));
    if (r.kind === 'mfa') return { mfaRequired: true as const, mfaToken: r.mfaToken };
    startSession(c, r);
    return r.user;
  });
  route(app, authApi.loginTotp, async ({ c, body }) => {
    await limit([[`login:ip:${c.get('ip')}`, 20]]);
    const r = await loginTotp(deps, { ...body, ...client(c) }, actorOf(null, c));
    startSession(c, r);
    return r.user;
  });
  route(app, authApi.me, async ({ user }) => {
    const { sessionIdHash: _s, csrfToken: _c, ...rest } = user;
    return rest;
  });
  route(app, authApi.logout, async ({ c, user }) => {
    await logout(database, user, actorOf(user, c));
    deleteCookie(c, SESSION_COOKIE, cookieOpts);
    deleteCookie(c, CSRF_COOKIE, cookieOpts);
    return { ok: true as const };
  });
  route(app, authApi.csrf, async ({ c, user }) => {
    setCookie(c, CSRF_COOKIE, user.csrfToken, { ...cookieOpts, httpOnly: false });
    return { token: user.csrfToken };
  });
  route(app, authApi.password, async ({ c, user, body }) => {
    await changePassword(database, user, body, actorOf(user, c), clock.now());
    return { ok: true as const };
  });
  route(app, authApi.totpStatus, ({ user }) => totpStatus(database, config, user));
  route(app, authApi.totpSetup, ({ user }) => setupTotp(database, config, user));
  route(app, authApi.totpConfirm, ({ c, user, body }) =>
    confirmTotp(database, config, clock, user, body.code, actorOf(user, c)),
  );
  route(app, authApi.totpDisable, async ({ c, user, body }) => {
    await limit([[`totp-disable:user:${user.id}`, 5]]);
    await disableTotp(database, config, user, body.password, actorOf(user, c));
    return { ok: true as const };
  });
}
