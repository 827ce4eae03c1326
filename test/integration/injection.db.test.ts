// SECURITY.md 23: a corpus of SQL-injection payloads in every query parameter of every console list and search
// route, and in the portal's search and filters: never a 500, nothing changed, no row count moved.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ZodObject, ZodRawShape } from 'zod';
import { BUILTIN_ROLES } from '../../src/contracts/roles';
import { DEMO_USERS } from '../../src/server/demo';
import { routeRegistry } from '../../src/server/platform/http/route';
import { type Client, setupApi, type TestApi } from '../api';

const PAYLOADS = [
  "' OR '1'='1",
  "'; DROP TABLE users; --",
  '1; DELETE FROM audit_log',
  "%' OR 1=1 --",
  '\\',
  '") OR ("a"="a',
  "' UNION SELECT password_hash FROM users --",
  '$1',
  "規劃' AND (SELECT count(*) FROM users) > 0 --",
];

let api: TestApi;
const clients = new Map<string, Client>();
beforeAll(async () => {
  api = await setupApi();
  for (const u of DEMO_USERS) clients.set(u.username, await api.loginAs(u.username));
});
afterAll(() => api.close());

async function rowCounts(): Promise<Record<string, number>> {
  const tables = await api.tdb.database.db.execute<{ t: string }>(
    sql`SELECT quote_ident(table_name) AS t FROM information_schema.tables
        WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY 1`,
  );
  const out: Record<string, number> = {};
  for (const { t } of tables.rows) {
    const r = await api.tdb.database.db.execute<{ n: number }>(
      sql.raw(`SELECT count(*)::int AS n FROM ${t}`),
    );
    out[t] = r.rows[0]!.n;
  }
  return out;
}

describe('SQL injection corpus', () => {
  it('every query parameter of every console GET route: never a 500', async () => {
    const routes = routeRegistry.filter(
      (r) => r.method === 'get' && r.auth === 'session' && r.query && !r.path.includes(':'),
    );
    expect(routes.length).toBeGreaterThan(10);
    // Reading leaves audit rows (exports, unmasked reads); everything else must stay as it was.
    const before = await rowCounts();
    const bad: string[] = [];
    for (const r of routes) {
      const holder = DEMO_USERS.find((u) =>
        u.roles.some(
          (c) => !r.permission || BUILTIN_ROLES.find((b) => b.code === c)?.permissions.includes(r.permission),
        ),
      );
      if (!holder) continue;
      const keys = Object.keys((r.query as ZodObject<ZodRawShape>).shape);
      for (const payload of PAYLOADS) {
        const qs = new URLSearchParams(keys.map((k) => [k, payload])).toString();
        const res = await clients.get(holder.username)!.get(`${r.path}?${qs}`);
        if (res.status >= 500) bad.push(`${r.path} ${payload} → ${res.status}`);
      }
    }
    expect(bad).toEqual([]);
    const after = await rowCounts();
    for (const t of Object.keys(before).filter((x) => !['audit_log', 'sessions', 'rate_limits'].includes(x)))
      expect(after[t], t).toBe(before[t]);
    expect(after.users).toBeGreaterThan(5);
  });

  it('the portal search and filters: answered (200) or refused (400), never a 500', async () => {
    for (const payload of PAYLOADS) {
      for (const path of ['/xxgk/search', '/xxgk/gfxwj', '/xxgk/nb', '/ysqgk/query']) {
        const q = new URLSearchParams({
          q: payload,
          unit: payload,
          year: '2026',
          status: payload,
          sort: payload,
        });
        const r = await api.anon().request('GET', `${path}?${q}`);
        expect([200, 400], `${path} ${payload} → ${r.status}`).toContain(r.status);
      }
    }
  });
});
