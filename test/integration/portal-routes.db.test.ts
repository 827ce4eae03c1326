// SECURITY.md 9, the portal's part of the matrix: every route the public site registers (GET pages and POST forms)
// with what an anonymous visitor gets. A route registered but missing from the table fails, so a new page or form
// cannot go unreviewed; a listed route that no longer exists fails too.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_DIST } from '../../src/server/app';
import { type Client, setupApi, type TestApi } from '../api';

let api: TestApi;
let anon: Client;
beforeAll(async () => {
  api = await setupApi();
  anon = api.anon();
});
afterAll(() => api?.close());

const NONE = '00000000-0000-4000-8000-000000000000';

/**
 * Each route: the anonymous answer, and the path probed (placeholders filled with ids that do not exist). POST forms
 * are probed same-site with an empty form: refused with a Chinese 400 (nothing stored), or 404 for an unknown draft.
 */
const PORTAL_ROUTES: Record<string, { status: number; path?: string }> = {
  'GET /': { status: 200 },
  'GET /favicon.svg': { status: 200 },
  'GET /favicon.ico': { status: 301 },
  'GET /static/portal.css': { status: 200 },
  'GET /xxgk': { status: 200 },
  // The 适老化 switch sets its cookie and goes back.
  'GET /xxgk/a11y': { status: 303 },
  'GET /xxgk/nb': { status: 200 },
  'GET /xxgk/nb/:id': { status: 404, path: `/xxgk/nb/${NONE}` },
  'GET /xxgk/zn': { status: 200 },
  'GET /xxgk/zd': { status: 200 },
  'GET /xxgk/fdzdgknr': { status: 200 },
  'GET /xxgk/units': { status: 200 },
  'GET /xxgk/unit/:unitId': { status: 404, path: `/xxgk/unit/${NONE}` },
  'GET /xxgk/unit/:unitId/zn': { status: 404, path: `/xxgk/unit/${NONE}/zn` },
  'GET /xxgk/unit/:unitId/zd': { status: 404, path: `/xxgk/unit/${NONE}/zd` },
  'GET /xxgk/unit/:unitId/fdzdgknr': { status: 404, path: `/xxgk/unit/${NONE}/fdzdgknr` },
  'GET /xxgk/unit/:unitId/nb': { status: 404, path: `/xxgk/unit/${NONE}/nb` },
  'GET /xxgk/column/:id': { status: 404, path: `/xxgk/column/${NONE}` },
  'GET /xxgk/ml': { status: 200 },
  'GET /xxgk/ml/:unit': { status: 404, path: `/xxgk/ml/${NONE}` },
  'GET /xxgk/info/:id': { status: 404, path: `/xxgk/info/${NONE}` },
  'GET /xxgk/file/:id': { status: 404, path: `/xxgk/file/${NONE}` },
  'GET /xxgk/gfxwj': { status: 200 },
  'GET /xxgk/zcjd': { status: 200 },
  'GET /xxgk/gfxwj/ql': { status: 200 },
  'GET /xxgk/gfxwj/ql/:year': { status: 404, path: '/xxgk/gfxwj/ql/1999' },
  'GET /xxgk/zfgs': { status: 200 },
  'GET /xxgk/wzjc': { status: 200 },
  'GET /xxgk/wzjc/:file': { status: 404, path: `/xxgk/wzjc/${NONE}` },
  'GET /xxgk/wzndbb': { status: 200 },
  'GET /xxgk/wzndbb/:id': { status: 404, path: `/xxgk/wzndbb/${NONE}` },
  'GET /xxgk/guide': { status: 200 },
  'GET /xxgk/search': { status: 200 },
  'GET /xxgk/khpg': { status: 200 },
  'GET /ysqgk': { status: 200 },
  'GET /ysqgk/apply': { status: 200 },
  'POST /ysqgk/apply': { status: 400 },
  'GET /ysqgk/query': { status: 200 },
  'GET /hdjl': { status: 200 },
  'GET /hdjl/xx': { status: 200 },
  'GET /hdjl/xx/write': { status: 200 },
  'POST /hdjl/xx/write': { status: 400 },
  'GET /hdjl/xx/query': { status: 200 },
  'GET /hdjl/tj': { status: 200 },
  'GET /hdjl/zxwd': { status: 200 },
  'GET /hdjl/zxwd/ask': { status: 200 },
  // 先查一查 is a read posted as a form (nothing is written).
  'POST /hdjl/zxwd/check': { status: 200 },
  'POST /hdjl/zxwd/ask': { status: 400 },
  'GET /hdjl/zxwd/query': { status: 200 },
  'POST /hdjl/zxwd/rate': { status: 400 },
  'GET /hdjl/zj': { status: 200 },
  'GET /hdjl/zj/:id': { status: 404, path: `/hdjl/zj/${NONE}` },
  'POST /hdjl/zj/:id': { status: 404, path: `/hdjl/zj/${NONE}` },
  'GET /hdjl/cn': { status: 200 },
  'GET /hdjl/cn/:id/files/:fileId': { status: 404, path: `/hdjl/cn/${NONE}/files/${NONE}` },
  // The console's shell (its API is the permission matrix's): served to anyone, data only after login.
  'GET /admin': { status: 302 },
  // 503 「管理后台尚未构建」 in a checkout whose console is not built yet (the database tests run before the browser tests build it).
  'GET /admin/*': {
    status: fs.existsSync(path.join(ADMIN_DIST, 'index.html')) ? 200 : 503,
    path: '/admin/login',
  },
};

/** Every non-API route the app registers (middleware excluded). */
const registered = () =>
  [
    ...new Set(
      api.app.routes
        .filter((r) => r.method !== 'ALL' && !r.path.startsWith('/api'))
        .map((r) => `${r.method} ${r.path}`),
    ),
  ].sort();

describe('portal routes (SECURITY.md 9)', () => {
  it('every registered portal route has a row, and every row a route', () => {
    expect(registered()).toEqual(Object.keys(PORTAL_ROUTES).sort());
  });

  it.each(Object.entries(PORTAL_ROUTES))('%s → %j for an anonymous visitor', async (route, want) => {
    const [method, pattern] = route.split(' ') as ['GET' | 'POST', string];
    const path = want.path ?? pattern;
    const r =
      method === 'GET'
        ? await anon.request('GET', path)
        : await anon.request('POST', path, undefined, { form: new FormData() });
    expect(r.status).toBe(want.status);
  });

  it.each(Object.keys(PORTAL_ROUTES).filter((r) => r.startsWith('POST')))(
    '%s refuses a cross-site post (403)',
    async (route) => {
      const path = PORTAL_ROUTES[route]!.path ?? route.slice(5);
      const r = await anon.request('POST', path, undefined, {
        form: new FormData(),
        headers: { host: 'gongkai.example', origin: 'https://evil.example' },
      });
      expect(r.status).toBe(403);
    },
  );
});
