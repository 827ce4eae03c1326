// The HTTP application: middleware (request id, security headers, session, CSRF, body limit, errors) and the
// routes of every module. `only` serves just the public portal or just the console (DESIGN.md "Scale").
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { getConnInfo } from '@hono/node-server/conninfo';
import { serveStatic } from '@hono/node-server/serve-static';
import { type Context, Hono, type MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { getCookie } from 'hono/cookie';
import { ZodError } from 'zod';
import { mountPortal } from '../portal';
import { MODULES } from './modules';
import { alertAuditFailure, isAuditFailure } from './platform/audit/alert';
import { auditFailure } from './platform/audit/audit';
import { auditDownloads } from './platform/audit/downloads';
import { auditRoutes } from './platform/audit/routes';
import { clientAddress, trustedProxies, trusts } from './platform/auth/client-address';
import { authRoutes } from './platform/auth/routes';
import { SESSION_COOKIE, sessionUser } from './platform/auth/service';
import { calendarRoutes } from './platform/calendar/routes';
import { type AppEnv, actorOf, type Platform } from './platform/context';
import { AppError } from './platform/errors';
import { readPagePreloads, withPagePreloads } from './platform/http/console-index';
import {
  isBadInputDbError,
  rejectMalformed,
  requireHttps,
  securityHeaders,
  withStyleNonce,
} from './platform/http/guard';
import { openApiDocument } from './platform/http/openapi';
import { type PageCache, pageCache } from './platform/http/page-cache';
import { errorFields } from './platform/log';
import { notifyRoutes } from './platform/notify/routes';
import { RateLimiter } from './platform/ratelimit';
import { configureUploads } from './platform/upload/limits';
import { VERSION } from './version';

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
export const ADMIN_DIST = path.resolve(import.meta.dirname, '../../dist/admin');

function peerIp(c: Context<AppEnv>): string {
  try {
    return getConnInfo(c).remote.address ?? '127.0.0.1';
  } catch {
    return '127.0.0.1'; // in-process requests (tests)
  }
}

export interface AppOptions {
  only?: 'portal' | 'admin' | null;
  limiter?: RateLimiter;
  /** Rendered portal pages kept in memory (startServer gives one, with its change listener). */
  pageCache?: PageCache;
}

export function buildApp(p: Platform, opts: AppOptions = {}): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const limiter = opts.limiter ?? new RateLimiter(p.database, () => p.clock.now().getTime());
  const proxies = trustedProxies(p.config.trustedProxies);
  const only = opts.only ?? null;
  configureUploads(p.config);

  // Outermost: a kept page is the response as it was sent.
  if (opts.pageCache) app.use('*', pageCache(opts.pageCache));
  app.use('*', async (c, next) => {
    const given = c.req.header('x-request-id');
    c.set('requestId', given && /^[\w-]{8,64}$/.test(given) ? given : randomUUID());
    c.set('ip', clientAddress(peerIp(c), c.req.header('x-forwarded-for'), proxies));
    c.set('user', null);
    c.set('limiter', limiter);
    await next();
    c.header('X-Request-Id', c.get('requestId'));
  });

  // First on the way in, last on the way out: every response carries the security headers.
  app.use('*', securityHeaders());
  app.use('*', rejectMalformed());
  if (p.config.forceHttps)
    app.use(
      '*',
      requireHttps((c) => trusts(proxies, peerIp(c))),
    );

  app.onError(async (err, c) => {
    const e =
      err instanceof AppError
        ? err
        : err instanceof ZodError
          ? new AppError('VALIDATION', `输入有误：${err.issues[0]?.message ?? ''}`)
          : isBadInputDbError(err)
            ? new AppError('VALIDATION', '输入有误：含有无法保存的字符（如 NUL）或超出范围的数值')
            : null;
    if (!e) {
      p.log('error', 'unhandled error', {
        requestId: c.get('requestId'),
        path: c.req.path,
        ...errorFields(err),
      });
      if (isAuditFailure(err))
        await alertAuditFailure(p, { requestId: c.get('requestId'), path: c.req.path }, err);
      return c.json(
        {
          error: { code: 'INTERNAL', message: `服务器内部错误，请稍后再试（请求号 ${c.get('requestId')}）` },
        },
        500,
      );
    }
    if (
      (e.code === 'FORBIDDEN' || (e.code === 'CSRF' && UNSAFE.has(c.req.method))) &&
      c.req.path.startsWith('/api/')
    ) {
      // A refused access (a read too: SECURITY.md 15) and a forged write are audit rows of their own.
      void auditFailure(p.database, actorOf(c.get('user'), c), {
        action: `denied ${c.req.method} ${c.req.routePath ?? c.req.path}`.slice(0, 120),
        objectType: 'request',
        objectId: c.req.path.slice(0, 200),
        detail: e.message,
      }).catch((fail) => alertAuditFailure(p, { requestId: c.get('requestId'), path: c.req.path }, fail));
    }
    return c.json(
      {
        error: {
          code: e.code,
          message: e.message,
          ...(e.details !== undefined ? { details: e.details } : {}),
        },
      },
      e.status as 400,
    );
  });

  app.notFound((c) => {
    if (c.req.path.startsWith('/api/'))
      return c.json({ error: { code: 'NOT_FOUND', message: '接口不存在' } }, 404);
    return c.text('页面不存在', 404);
  });

  // ---- health and docs (both processes) ----
  app.get('/api/health', async (c) => {
    let db = 'ok';
    try {
      await p.database.pool.query('SELECT 1');
    } catch {
      db = 'error';
    }
    return c.json({ status: db === 'ok' ? 'ok' : 'degraded', db, version: VERSION }, db === 'ok' ? 200 : 503);
  });
  // The API description helps an attacker map the console: signed-in users only, unless opened by a setting.
  const docs = (c: Context<AppEnv>) => {
    if (!p.config.publicApiDocs && !c.get('user')) throw new AppError('UNAUTHENTICATED', '请先登录');
    return c.json(openApiDocument(VERSION));
  };
  if (only === 'portal' && p.config.publicApiDocs) app.get('/api/docs', docs);

  if (only !== 'admin') {
    mountPortal(app, p, limiter);
  }
  for (const m of MODULES) m.init?.(p);

  if (only !== 'portal') {
    app.use(
      '/api/*',
      bodyLimit({
        maxSize: p.config.maxUploadBytes + 1024 * 1024,
        onError: () => {
          throw new AppError(
            'PAYLOAD_TOO_LARGE',
            `上传内容过大，上限为 ${Math.floor(p.config.maxUploadBytes / 1048576)} MB`,
          );
        },
      }),
    );
    app.use('/api/*', async (c, next) => {
      const sid = getCookie(c, SESSION_COOKIE);
      const user = sid ? await sessionUser(p, sid) : null;
      c.set('user', user);
      if (UNSAFE.has(c.req.method)) {
        if (user) {
          if (c.req.header('x-csrf-token') !== user.csrfToken)
            throw new AppError('CSRF', '页面已过期或请求来源不明（CSRF 校验失败），请刷新页面后重试');
        } else {
          // No session yet (login): refuse cross-site posts by their Origin.
          const origin = c.req.header('origin');
          const host = c.req.header('host');
          if (origin && host && new URL(origin).host !== host)
            throw new AppError('CSRF', '请求来源不明（CSRF 校验失败）');
        }
      }
      await next();
      c.header('Cache-Control', 'no-store');
    });
    app.use('/api/*', auditDownloads(p));
    app.get('/api/docs', docs);
    authRoutes(app, p, limiter);
    auditRoutes(app, p);
    calendarRoutes(app, p);
    notifyRoutes(app, p);
    for (const m of MODULES) m.routes?.(app, p);

    // The console SPA (built by `gongkai build-admin` / on start).
    let assets: MiddlewareHandler | null = null;
    app.use('/admin/assets/*', async (c, next) => {
      assets ??= serveStatic({
        root: path.relative(process.cwd(), ADMIN_DIST),
        rewriteRequestPath: (p2) => p2.replace(/^\/admin/, ''),
        // The .br and .gz files written at build (platform/http/precompress.ts).
        precompressed: true,
      });
      // Hashed file names: cache for a year.
      c.header('Cache-Control', 'public, max-age=31536000, immutable');
      return assets(c, next);
    });
    app.get('/admin', (c) => c.redirect('/admin/'));
    app.get('/admin/*', (c) => {
      const index = path.join(ADMIN_DIST, 'index.html');
      if (!fs.existsSync(index)) return c.text('管理后台尚未构建：请运行 npx gongkai build-admin', 503);
      c.header('Cache-Control', 'no-cache');
      // Each response its own style nonce (the CSP names it; src/admin/csp-nonce.ts gives it to the <style>
      // elements antd and its components insert at run time), and the page's own code named for preloading.
      const page = withPagePreloads(
        fs.readFileSync(index, 'utf8'),
        readPagePreloads(path.join(ADMIN_DIST, 'page-preloads.json')),
        c.req.path.replace(/^\/admin/, '') || '/',
      );
      const { html, nonce } = withStyleNonce(page);
      c.set('styleNonce', nonce);
      return c.html(html);
    });
  }
  return app;
}
