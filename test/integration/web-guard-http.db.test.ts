// The security headers as a browser receives them: through the real server (@hono/node-server and the portal page
// cache, src/server/main.ts), not the in-process app.request of web-guard.db.test.ts. Under the node server a
// header set on an already built response was dropped by the next wrap, so no portal page, API answer or 404
// carried the CSP (found by e2e/xss.e2e.test.ts, SECURITY row 21).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/server/config';
import { type RunningServer, startServer } from '../../src/server/main';
import { SECURITY_HEADERS } from '../../src/server/platform/http/guard';
import { appRoleUrl, createTestDatabase, type TestDatabase } from '../db';

let tdb: TestDatabase;
let server: RunningServer;
beforeAll(async () => {
  tdb = await createTestDatabase();
  const config = loadConfig(
    {},
    {
      databaseUrl: await appRoleUrl(tdb),
      ownerDatabaseUrl: tdb.url,
      port: 0,
      host: '127.0.0.1',
      adminPassword: 'Adm1n#Gongkai',
      demo: false,
      logLevel: 'error',
      jobs: false,
    },
  );
  server = await startServer(config, { print: () => {}, buildAdmin: false });
});
afterAll(async () => {
  await server?.stop();
  await tdb?.drop();
});

describe('security headers over a socket', () => {
  it('portal pages (rendered, then from the page cache), the form, API answers, 404s and redirects', async () => {
    const cases: [string, number][] = [
      ['/', 200],
      ['/', 200],
      ['/xxgk', 200],
      ['/xxgk/search?q=公开', 200],
      ['/ysqgk/apply', 200],
      ['/hdjl/zxwd', 200],
      ['/static/portal.css', 200],
      ['/api/health', 200],
      ['/api/auth/me', 401],
      ['/no/such/page', 404],
      ['/api/no/such', 404],
      ['/xxgk/search?q=%00', 400],
      ['/xxgk/a11y?mode=large&back=/xxgk', 303],
    ];
    for (const [path, status] of cases) {
      const res = await fetch(`${server.url}${path}`, { redirect: 'manual' });
      expect(res.status, path).toBe(status);
      for (const [k, v] of Object.entries(SECURITY_HEADERS))
        expect(res.headers.get(k), `${path}: ${k}`).toBe(v);
      // No inline script or style (SECURITY.md 21).
      expect(res.headers.get('content-security-policy'), path).not.toContain('unsafe-inline');
      expect(res.headers.get('content-security-policy'), path).toMatch(/(^|; )style-src 'self'(;|$)/);
      expect(res.headers.get('x-request-id'), path).toMatch(/^[\w-]{8,64}$/);
    }
  });
});
