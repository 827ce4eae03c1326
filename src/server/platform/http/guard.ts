// The web's first and last line: one middleware that sets the security headers on every response (portal, API,
// console, 404, errors — also on Responses a handler built itself), refuses malformed input with a 400 before any
// handler can turn it into a 500, and the one rule for redirects (same-site relative paths only).
import { randomBytes } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';
import type { AppEnv } from '../context';
import { AppError } from '../errors';

/**
 * The Content-Security-Policy. Neither scripts nor styles may be inline: the portal's styles are all in
 * /static/portal.css (classes, the 适老化 modes too); the console's come from its built stylesheets, and what its
 * libraries insert at run time (antd's theme variables, the scroll lock of a Modal or Drawer, the editor's base
 * rules) carries the per-response nonce of its index.html (`styleNonce`, src/admin/csp-nonce.ts). Inline style
 * attributes are refused too; React's `style={{…}}` goes through the CSSOM, which the CSP does not govern.
 */
export function contentSecurityPolicy(styleNonce?: string): string {
  return [
    "default-src 'self'",
    styleNonce ? `style-src 'self' 'nonce-${styleNonce}'` : "style-src 'self'",
    "script-src 'self'",
    // Item bodies may show https images (the sanitiser's img schemes: https, data); an image cannot run script.
    "img-src 'self' data: blob: https:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "frame-ancestors 'none'",
    "form-action 'self'",
    "base-uri 'self'",
    "object-src 'none'",
  ].join('; ');
}

export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': contentSecurityPolicy(),
  'X-Frame-Options': 'DENY',
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'strict-origin-when-cross-origin',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'X-Permitted-Cross-Domain-Policies': 'none',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=()',
};

/** What the console's index.html holds where the server writes each response's style nonce (src/admin/index.html). */
export const STYLE_NONCE_PLACEHOLDER = '__GONGKAI_STYLE_NONCE__';

/** A fresh nonce (128 random bits) written into the console's index.html; the CSP of that response names it. */
export function withStyleNonce(html: string): { html: string; nonce: string } {
  const nonce = randomBytes(16).toString('base64');
  return { html: html.replaceAll(STYLE_NONCE_PLACEHOLDER, nonce), nonce };
}

/** HSTS for a year once the site is served only over TLS (GONGKAI_FORCE_HTTPS). */
export const HSTS = 'max-age=31536000; includeSubDomains';

/**
 * GONGKAI_FORCE_HTTPS: plain-HTTP reads are sent to the same path over HTTPS (301), plain-HTTP writes refused
 * (their body would already have crossed the wire in clear). The scheme is the socket's own unless a trusted proxy
 * says X-Forwarded-Proto. The health probe stays reachable over HTTP for load balancers.
 */
export function requireHttps(proxied: (c: Context) => boolean): MiddlewareHandler {
  return async (c, next) => {
    const url = new URL(c.req.url);
    const forwarded = proxied(c) ? c.req.header('x-forwarded-proto')?.split(',')[0]?.trim() : undefined;
    const scheme = (forwarded || url.protocol.replace(':', '')).toLowerCase();
    if (scheme !== 'https' && url.pathname !== '/api/health') {
      if (c.req.method !== 'GET' && c.req.method !== 'HEAD')
        throw new AppError('VALIDATION', '本系统只接受 HTTPS 连接，请使用 https:// 地址访问');
      const host = c.req.header('host') ?? url.host;
      if (!/^[A-Za-z0-9.-]+(:\d{1,5})?$|^\[[0-9A-Fa-f:.]+\](:\d{1,5})?$/.test(host))
        throw new AppError('VALIDATION', '请求的主机名无效');
      return c.redirect(`https://${host}${url.pathname}${url.search}`, 301);
    }
    await next();
    c.header('Strict-Transport-Security', HSTS);
  };
}

/**
 * Sets SECURITY_HEADERS on whatever response leaves the app, by building it anew with them. Setting them on
 * `c.res.headers` is not enough under @hono/node-server (the real server): its lightweight Response keeps such a
 * change apart from what it was built with, and the next wrap (the request id, on the way out) rebuilds the
 * response from the latter — the headers were lost on every portal page, API answer and 404, so the CSP never
 * reached a browser (found by e2e/xss.e2e.test.ts; web-guard-http.db.test.ts asserts them over a socket).
 */
export function securityHeaders(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    await next();
    const headers = new Headers(c.res.headers);
    for (const [k, v] of Object.entries(SECURITY_HEADERS)) headers.set(k, v);
    const nonce = c.get('styleNonce');
    if (nonce) headers.set('Content-Security-Policy', contentSecurityPolicy(nonce));
    const res = new Response(c.res.body, { status: c.res.status, statusText: c.res.statusText, headers });
    // Assigning c.res merges the old response's headers into the new one; start from none.
    c.res = undefined as unknown as Response;
    c.res = res;
  };
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what this refuses
const CONTROL = /[\u0000-\u001f\u007f]/;
// biome-ignore lint/suspicious/noControlCharactersInRegex: a header value may hold a tab, nothing else below 0x20
const HEADER_CONTROL = /[\u0000-\u0008\u000a-\u001f\u007f]/;
/** Query parameters that are page numbers, sizes or years: digits only (no Infinity, NaN, 1e9, -1). */
const NUMERIC_PARAMS = new Set(['page', 'pageSize', 'year', 'limit', 'offset']);
const MAX_PAGE = 100_000;
const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** Why a request is malformed, or null. Pure, for the middleware and its tests. */
export function malformedReason(req: {
  method: string;
  url: string;
  headers: Iterable<[string, string]>;
}): string | null {
  let url: URL;
  try {
    url = new URL(req.url);
  } catch {
    return '请求地址无效';
  }
  let path: string;
  try {
    path = decodeURIComponent(url.pathname);
  } catch {
    return '请求地址编码无效';
  }
  if (CONTROL.test(path)) return '请求地址含有控制字符';
  let params: [string, string][];
  try {
    params = [...url.searchParams];
  } catch {
    return '查询参数编码无效';
  }
  for (const [k, v] of params) {
    if (CONTROL.test(k) || CONTROL.test(v)) return '查询参数含有控制字符（如 NUL、回车、换行）';
    if (NUMERIC_PARAMS.has(k) && v !== '') {
      if (!/^\d{1,9}$/.test(v)) return `参数 ${k} 应为正整数`;
      if (k === 'page' && Number(v) > MAX_PAGE) return '页码过大';
    }
  }
  for (const [k, v] of req.headers) {
    if (HEADER_CONTROL.test(v)) return `请求头 ${k} 含有控制字符`;
  }
  const origin = [...req.headers].find(([k]) => k.toLowerCase() === 'origin')?.[1];
  if (origin !== undefined && UNSAFE.has(req.method.toUpperCase()) && !isHttpOrigin(origin))
    return '请求来源（Origin）无效';
  return null;
}

function isHttpOrigin(origin: string): boolean {
  try {
    const u = new URL(origin);
    return (u.protocol === 'http:' || u.protocol === 'https:') && u.host !== '';
  } catch {
    return false;
  }
}

/** Malformed input is a 400 with a Chinese message, before any handler sees it. */
export function rejectMalformed(): MiddlewareHandler {
  return async (c, next) => {
    const why = malformedReason({ method: c.req.method, url: c.req.url, headers: c.req.raw.headers });
    if (why) throw new AppError('VALIDATION', `请求格式无效：${why}`);
    await next();
  };
}

/**
 * A redirect target from user input: only a same-site relative path ('/xxgk/…'), never a scheme, a host,
 * '//' or '/\' (browsers read both as another host), nor control characters; anything else → fallback.
 */
export function sameSitePath(target: string | undefined | null, fallback: string): string {
  if (!target?.startsWith('/') || target.length > 2000) return fallback;
  if (/^\/[/\\]/.test(target) || target.includes('\\') || CONTROL.test(target)) return fallback;
  try {
    const base = 'http://gongkai.invalid';
    const u = new URL(target, base);
    if (u.origin !== base) return fallback;
    return u.pathname + u.search + u.hash;
  } catch {
    return fallback;
  }
}

/** PostgreSQL "data exception" codes (class 22: NUL bytes, bad encodings, out-of-range numbers or dates). */
export function isBadInputDbError(err: unknown): boolean {
  let e: unknown = err;
  for (let i = 0; i < 3 && e && typeof e === 'object'; i++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && /^22[0-9A-Z]{3}$/.test(code)) return true;
    e = (e as { cause?: unknown }).cause;
  }
  return false;
}
