// GONGKAI_FORCE_HTTPS (SECURITY.md 37): plain-HTTP reads go to HTTPS, plain-HTTP writes are refused, HSTS is sent,
// and the scheme a client claims counts only when a trusted proxy says it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app';
import { ADMIN_PASSWORD, setupApi, type TestApi } from '../api';

let api: TestApi;
beforeAll(async () => {
  api = await setupApi({ config: { forceHttps: true, secureCookies: true, trustedProxies: ['127.0.0.1'] } });
});
afterAll(() => api.close());

const send = (app: ReturnType<typeof buildApp>, path: string, init: RequestInit & { proto?: string } = {}) =>
  app.request(`http://gk.example.gov.cn${path}`, {
    ...init,
    headers: {
      host: 'gk.example.gov.cn',
      ...(init.proto ? { 'x-forwarded-proto': init.proto } : {}),
      ...(init.headers as Record<string, string>),
    },
  });

describe('HTTPS only', () => {
  it('redirects a plain-HTTP read to the same path over HTTPS', async () => {
    const r = await send(api.app, '/xxgk?x=1');
    expect(r.status).toBe(301);
    expect(r.headers.get('location')).toBe('https://gk.example.gov.cn/xxgk?x=1');
  });

  it('refuses a plain-HTTP write with a Chinese message, before any login is tried', async () => {
    const r = await send(api.app, '/api/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: 'http://gk.example.gov.cn' },
      body: JSON.stringify({ username: 'admin', password: ADMIN_PASSWORD }),
    });
    expect(r.status).toBe(400);
    expect(((await r.json()) as { error: { message: string } }).error.message).toContain('HTTPS');
  });

  it('serves HTTPS (as told by the trusted proxy) with HSTS; health stays reachable over HTTP', async () => {
    const r = await send(api.app, '/api/health', { proto: 'https' });
    expect(r.status).toBe(200);
    expect(r.headers.get('strict-transport-security')).toMatch(/max-age=31536000/);
    expect((await send(api.app, '/api/health')).status).toBe(200);
    const page = await send(api.app, '/xxgk', { proto: 'https' });
    expect(page.status).toBe(200);
  });

  it('believes X-Forwarded-Proto only from a trusted proxy', async () => {
    const untrusted = buildApp({ ...api.platform, config: { ...api.platform.config, trustedProxies: [] } });
    const r = await send(untrusted, '/xxgk', { proto: 'https' });
    expect(r.status).toBe(301);
  });

  it('is off by default: plain HTTP is served as before', async () => {
    const plain = buildApp({ ...api.platform, config: { ...api.platform.config, forceHttps: false } });
    const r = await send(plain, '/xxgk');
    expect(r.status).toBe(200);
    expect(r.headers.get('strict-transport-security')).toBeNull();
  });
});
