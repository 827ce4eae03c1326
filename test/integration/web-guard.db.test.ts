// Issue 10 part 7: every response carries the security headers; redirects stay on the site; malformed input is a
// 400, never a 500; the API description needs a session unless a setting opens it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app';
import { SECURITY_HEADERS } from '../../src/server/platform/http/guard';
import { type ApiResponse, setupApi, type TestApi } from '../api';

let api: TestApi;
beforeAll(async () => {
  api = await setupApi({ demo: false });
});
afterAll(() => api.close());

function expectSecurityHeaders(res: ApiResponse | Response, what: string) {
  const h = 'raw' in res ? res.headers : res.headers;
  for (const [k, v] of Object.entries(SECURITY_HEADERS)) expect(h.get(k), `${what}: ${k}`).toBe(v);
  expect(h.get('content-security-policy')).toContain("frame-ancestors 'none'");
  expect(h.get('content-security-policy')).not.toMatch(/script-src[^;]*unsafe-inline/);
  // Nor inline styles (SECURITY.md 21): the portal's rules are all in /static/portal.css.
  expect(h.get('content-security-policy')).toMatch(/(^|; )style-src 'self'(;|$)/);
  expect(h.get('content-security-policy')).not.toContain('unsafe-inline');
}

describe('security headers on every response', () => {
  it('portal pages, the application form, API answers, 404s, redirects and errors', async () => {
    const anon = api.anon();
    const cases: [string, number][] = [
      ['/', 200],
      ['/xxgk', 200],
      ['/xxgk/search?q=公开', 200],
      ['/ysqgk/apply', 200],
      ['/static/portal.css', 200],
      ['/api/health', 200],
      ['/api/auth/me', 401],
      ['/no/such/page', 404],
      ['/api/no/such', 404],
      ['/xxgk/a11y?mode=large&back=/xxgk', 303],
    ];
    for (const [path, status] of cases) {
      const r = await anon.get(path);
      expect(r.status, path).toBe(status);
      expectSecurityHeaders(r, path);
    }
  });

  it('an unexpected error (500) carries them too, with no stack in the body', async () => {
    const app = buildApp(api.platform);
    app.get('/boom', () => {
      throw new Error('secret internals');
    });
    const res = await app.request('/boom');
    expect(res.status).toBe(500);
    expectSecurityHeaders(res, '500');
    expect(await res.text()).not.toContain('secret internals');
  });
});

describe('redirects only to same-site relative paths', () => {
  it.each([
    ['https://evil.example/x', '/xxgk'],
    ['//evil.example/x', '/xxgk'],
    ['/\\evil.example/x', '/xxgk'],
    ['/%5Cevil.example', '/%5Cevil.example'],
    ['/\t/evil.example', '/xxgk'],
    ['javascript:alert(1)', '/xxgk'],
    ['/xxgk/guide?x=1', '/xxgk/guide?x=1'],
  ])('back=%s → %s', async (back, expected) => {
    const r = await api.anon().get(`/xxgk/a11y?mode=large&back=${encodeURIComponent(back)}`);
    if (back.includes('\t')) {
      // A control character is malformed input in itself.
      expect(r.status).toBe(400);
      return;
    }
    expect(r.status).toBe(303);
    const location = r.headers.get('location')!;
    expect(location).toBe(expected);
    expect(new URL(location, 'http://site.test').origin).toBe('http://site.test');
  });
});

describe('malformed input is a 400, never a 500', () => {
  it.each([
    ['NUL in a search word', 'GET', '/xxgk/search?q=%00abc'],
    ['NUL in an API filter', 'GET', '/api/audit/logs?username=a%00b'],
    ['page=Infinity on the portal', 'GET', '/xxgk/search?q=x&page=Infinity'],
    ['page=Infinity on the API', 'GET', '/api/audit/logs?page=Infinity'],
    ['page=1e9', 'GET', '/xxgk/gfxwj?page=1e9'],
    ['page past the last possible', 'GET', '/xxgk/search?q=x&page=999999999'],
    ['year=NaN', 'GET', '/xxgk/gfxwj?year=NaN'],
    ['CR/LF in a parameter', 'GET', '/xxgk/search?q=a%0d%0aSet-Cookie:%20x=1'],
    ['NUL in the path', 'GET', '/xxgk/info/%00'],
  ])('%s', async (_what, method, path) => {
    const r = await api.anon().request(method, path);
    expect(r.status).toBe(400);
    expect(r.body.error?.message).toMatch(/请求格式无效/);
    expectSecurityHeaders(r, path);
  });

  it('Origin: null on a login or an application form post', async () => {
    for (const path of ['/api/auth/login', '/ysqgk/apply']) {
      const res = await api.app.request(path, {
        method: 'POST',
        headers: { origin: 'null', 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'admin', password: 'x' }),
      });
      expect(res.status, path).toBe(400);
    }
  });

  it('a cross-site Origin on a login or an application form post is refused; the same site is served', async () => {
    for (const path of ['/api/auth/login', '/ysqgk/apply']) {
      const post = (origin: string) =>
        api.app.request(`http://gk.example.gov.cn${path}`, {
          method: 'POST',
          headers: { host: 'gk.example.gov.cn', origin, 'content-type': 'application/json' },
          body: JSON.stringify({ username: 'admin', password: 'x' }),
        });
      const evil = await post('https://evil.example');
      const same = await post('http://gk.example.gov.cn');
      expect(evil.status, path).toBe(403);
      expect(await evil.text()).toContain('请求来源不明');
      // The same site gets through the guard to the handler: a wrong password (401) or an incomplete form (400).
      expect(same.status, path).toBe(path === '/api/auth/login' ? 401 : 400);
    }
  });

  it('a control character in a header value', async () => {
    const res = await api.app.request('/api/health', { headers: { 'user-agent': 'a\u0001b' } });
    expect(res.status).toBe(400);
  });

  it('a NUL byte inside a JSON body is refused, not stored and not a 500', async () => {
    const admin = await api.loginAs('admin');
    const r = await admin.post('/api/auth/login', { username: 'ad\u0000min', password: 'x' });
    expect(r.status).toBeLessThan(500);
    expect(r.status).toBeGreaterThanOrEqual(400);
  });
});

describe('/api/docs', () => {
  it('needs a session by default', async () => {
    expect((await api.anon().get('/api/docs')).status).toBe(401);
    const admin = await api.loginAs('admin');
    const r = await admin.get<unknown>('/api/docs');
    expect(r.status).toBe(200);
    expect((r.body as unknown as { openapi: string }).openapi).toBe('3.1.0');
  });

  it('is public when GONGKAI_PUBLIC_API_DOCS=1', async () => {
    const app = buildApp({ ...api.platform, config: { ...api.platform.config, publicApiDocs: true } });
    const res = await app.request('/api/docs');
    expect(res.status).toBe(200);
  });
});
