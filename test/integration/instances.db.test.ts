// Several instances on one database (issue 10 part 9): two apps, each with its own connection pool and its own
// memory, share the login counters, rate limits and single-use challenges; X-Forwarded-For counts only from a
// trusted proxy.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app';
import { connect, type Database } from '../../src/server/db/client';
import { loginLog } from '../../src/server/db/schema';
import type { Platform } from '../../src/server/platform/context';
import { Client, DEMO_PASSWORD, setupApi, type TestApi } from '../api';

let api: TestApi;
let second: Database;
let b: Platform;
beforeAll(async () => {
  api = await setupApi({ config: { trustedProxies: ['127.0.0.1'] } });
  second = connect(api.tdb.url, 3);
  b = { ...api.platform, database: second };
});
afterAll(async () => {
  await second.close();
  await api.close();
});

const appA = () => new Client(api.app);
const appB = () => new Client(buildApp(b));
const from = (ip: string) => ({ headers: { 'x-forwarded-for': ip } });
const loginFrom = (c: Client, ip: string, username: string, password: string, extra = {}) =>
  c.request('POST', '/api/auth/login', { username, password, ...extra }, from(ip));

describe('two instances on one database', () => {
  it('failures on one instance count on the other: the challenge follows the name', async () => {
    const one = buildApp(b);
    for (let i = 0; i < 3; i++)
      expect((await loginFrom(appA(), '198.51.100.1', 'office', `Wrong#${i}aa`)).status).toBe(401);
    const r = await loginFrom(new Client(one), '198.51.100.2', 'office', 'Wrong#3aa');
    expect(r.body.error?.code).toBe('CHALLENGE_REQUIRED');
  });

  it('a challenge from one instance is accepted once, by either', async () => {
    api.clock.advance(2000); // past the 1-second delay after the third failure
    const ch = await appA().solveChallenge();
    const ok = await loginFrom(appB(), '198.51.100.3', 'office', DEMO_PASSWORD, ch);
    expect(ok.status).toBe(200);
    api.clock.advance(1000);
    for (let i = 0; i < 3; i++) await loginFrom(appA(), '198.51.100.3', 'office', `Wrong#${i}bb`);
    api.clock.advance(5000);
    const reused = await loginFrom(appA(), '198.51.100.3', 'office', DEMO_PASSWORD, ch);
    expect(reused.body.error?.code).toBe('CHALLENGE_REQUIRED');
  });

  it('the per-name rate limit is one window across both instances', async () => {
    api.clock.advance(61 * 60_000);
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++) {
      const c = i % 2 ? appB() : appA();
      statuses.push((await loginFrom(c, `203.0.113.${i + 1}`, 'nobody_at_all', 'x')).status);
    }
    // ten attempts a minute per name in all; each instance alone would have allowed eleven
    expect(statuses.at(-1)).toBe(429);
  });

  it('an instance whose clock is a little behind does not refuse a clean name or keep a stale window', async () => {
    api.clock.advance(61 * 60_000);
    expect((await loginFrom(appA(), '198.51.100.9', 'auditor', DEMO_PASSWORD)).status).toBe(200);
    api.clock.advance(-5_000);
    expect((await loginFrom(appB(), '198.51.100.9', 'auditor', DEMO_PASSWORD)).status).toBe(200);
    api.clock.advance(-3 * 60_000); // a window opened "in the future" is over, not endless
    for (let i = 0; i < 10; i++) await loginFrom(appA(), '198.51.100.10', 'skew_user', 'x');
    api.clock.advance(-2 * 60_000);
    const r = await loginFrom(appB(), '198.51.100.11', 'skew_user', 'x');
    expect(r.status).toBe(401);
  });
});

describe('client address', () => {
  it('takes X-Forwarded-For from a trusted proxy: each client has its own counter', async () => {
    api.clock.advance(61 * 60_000);
    for (let i = 0; i < 9; i++) await loginFrom(appA(), '192.0.2.50', `spray${i}`, 'x');
    const sprayer = await loginFrom(appA(), '192.0.2.50', 'spray_next', 'x');
    expect(sprayer.body.error?.code).toBe('CHALLENGE_REQUIRED');
    const neighbour = await loginFrom(appA(), '192.0.2.51', 'spray_next', 'x');
    expect(neighbour.body.error?.code).toBe('UNAUTHENTICATED');
    const logged = await api.tdb.database.db.select().from(loginLog).where(eq(loginLog.username, 'spray0'));
    expect(logged[0]?.ip).toBe('192.0.2.50');
  });

  it('ignores X-Forwarded-For from a peer that is not a trusted proxy', async () => {
    const untrusted = buildApp({ ...api.platform, config: { ...api.platform.config, trustedProxies: [] } });
    await loginFrom(new Client(untrusted), '192.0.2.99', 'spoof_check', 'x');
    const logged = await api.tdb.database.db
      .select()
      .from(loginLog)
      .where(eq(loginLog.username, 'spoof_check'));
    expect(logged[0]?.ip).toBe('127.0.0.1');
  });
});
