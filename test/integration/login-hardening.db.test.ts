// Login that cannot be turned against users (issue 10 part 2; SECURITY.md 2–6): uniform answers, atomic counters,
// challenge and delay before any lock, hard lock with notice, password history, absolute session lifetime.
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, loginThrottle, notifications, users } from '../../src/server/db/schema';
import { DEMO_PASSWORD, setupApi, type TestApi } from '../api';

let api: TestApi;
beforeAll(async () => {
  api = await setupApi();
});
afterAll(() => api.close());

const db = () => api.tdb.database.db;
const userId = async (username: string) =>
  (await db().select().from(users).where(eq(users.username, username)))[0]!.id;
const counter = async (key: string) =>
  (await db().select().from(loginThrottle).where(eq(loginThrottle.key, key)))[0]?.failures ?? 0;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

describe('the same answer for unknown, existing and disabled accounts', () => {
  it('wrong password: identical status and body whether the name exists, is disabled or is unknown', async () => {
    await db().update(users).set({ status: 'disabled' }).where(eq(users.username, 'leader'));
    const bodies: string[] = [];
    for (const username of ['office', 'leader', 'no_such_user']) {
      const r = await api.anon().post('/api/auth/login', { username, password: 'Wrong#Pass1' });
      expect(r.status).toBe(401);
      bodies.push(JSON.stringify(r.body));
    }
    expect(new Set(bodies).size).toBe(1);
    expect(bodies[0]).toContain('用户名或密码错误');
  });

  it('a disabled account is named only to whoever gives its right password', async () => {
    const r = await api.anon().post('/api/auth/login', { username: 'leader', password: DEMO_PASSWORD });
    expect(r.status).toBe(401);
    expect(r.body.error?.message).toContain('已停用');
    expect(r.headers.getSetCookie().some((c) => c.startsWith('gk_sid='))).toBe(false);
    await db().update(users).set({ status: 'active' }).where(eq(users.username, 'leader'));
  });

  it('an unknown name costs about as long as a wrong password (argon2 runs on both paths)', async () => {
    const time = async (username: string) => {
      const t = performance.now();
      await api.anon().post('/api/auth/login', { username, password: 'Wrong#Pass2' });
      return performance.now() - t;
    };
    const known: number[] = [];
    const unknown: number[] = [];
    for (let i = 0; i < 3; i++) {
      api.clock.advance(31 * 60_000); // forget the counters: no challenge, no delay in the way
      known.push(await time('auditor'));
      unknown.push(await time(`ghost${i}`));
    }
    // Without the dummy verify an unknown name answers in a few ms against tens of ms for argon2.
    expect(median(unknown)).toBeGreaterThan(median(known) * 0.4);
  });
});

describe('counters in PostgreSQL, claimed atomically', () => {
  it('parallel wrong passwords cannot race past the challenge', async () => {
    api.clock.advance(31 * 60_000);
    const rs = await Promise.all(
      Array.from({ length: 9 }, (_, i) =>
        api.anon().post('/api/auth/login', { username: 'fgw_liaison', password: `Race#${i}xx` }),
      ),
    );
    const codes = rs.map((r) => r.body.error?.code);
    // Exactly the three free attempts were checked; every other one was told to answer a challenge.
    expect(codes.filter((c) => c === 'UNAUTHENTICATED')).toHaveLength(3);
    expect(codes.filter((c) => c === 'CHALLENGE_REQUIRED')).toHaveLength(6);
    expect(await counter('user:fgw_liaison')).toBe(3);
  });

  it('parallel attempts with solved challenges cannot race past the delay', async () => {
    api.clock.advance(2_000); // past the 1-second delay the third failure set
    const clients = Array.from({ length: 6 }, () => api.anon());
    const solved = await Promise.all(clients.map((c) => c.solveChallenge()));
    const rs = await Promise.all(
      clients.map((c, i) =>
        c.post('/api/auth/login', { username: 'fgw_liaison', password: `Race#${i}yy`, ...solved[i] }),
      ),
    );
    const codes = rs.map((r) => r.body.error?.code);
    expect(codes.filter((c) => c === 'UNAUTHENTICATED')).toHaveLength(1);
    expect(codes.filter((c) => c === 'RATE_LIMITED')).toHaveLength(5);
    expect(rs.find((r) => r.body.error?.code === 'RATE_LIMITED')!.body.error?.message).toMatch(
      /\d+ 秒后再试/,
    );
    expect(await counter('user:fgw_liaison')).toBe(4);
  });

  it('a challenge is single use and a wrong answer is refused', async () => {
    api.clock.advance(61_000);
    const c = api.anon();
    const ch = await c.solveChallenge();
    const wrong = await c.post('/api/auth/login', {
      username: 'fgw_liaison',
      password: DEMO_PASSWORD,
      challengeId: ch.challengeId,
      challengeAnswer: String(Number(ch.challengeAnswer) + 1),
    });
    expect(wrong.body.error?.code).toBe('CHALLENGE_REQUIRED');
    const reused = await c.post('/api/auth/login', {
      username: 'fgw_liaison',
      password: DEMO_PASSWORD,
      ...ch,
    });
    expect(reused.body.error?.code).toBe('CHALLENGE_REQUIRED');
    const ok = await c.login('fgw_liaison', DEMO_PASSWORD);
    expect(ok.status).toBe(200);
    expect(await counter('user:fgw_liaison')).toBe(0);
  });

  it('an attacker flooding a name locks it only at the hard threshold, for T, and the security admin is told', async () => {
    const sec = await api.loginAs('secadmin');
    const settings = (await sec.get<Record<string, number>>('/api/settings/security')).body.data!;
    expect(settings).toMatchObject({
      challengeThreshold: 3,
      hardLockThreshold: 5,
      sessionAbsoluteMinutes: 720,
    });
    expect((await sec.put('/api/settings/security', { ...settings, hardLockThreshold: 10 })).status).toBe(
      200,
    );
    const id = await userId('jw_liaison');
    for (let i = 0; i < 10; i++) {
      api.clock.advance(61_000);
      const r = await api.anon().login('jw_liaison', `Flood#${i}zz`);
      expect(r.status).toBe(401);
    }
    const locked = await api.anon().login('jw_liaison', DEMO_PASSWORD);
    expect(locked.status).toBe(423);
    const lockRows = await db()
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'auth.lock'), eq(auditLog.objectId, id)));
    expect(lockRows).toHaveLength(1);
    const secId = await userId('secadmin');
    const notes = await db().select().from(notifications).where(eq(notifications.userId, secId));
    expect(notes.some((n) => n.title.includes('jw_liaison') && n.title.includes('锁定'))).toBe(true);
    // The lock lasts T (30 minutes), no longer.
    api.clock.advance(31 * 60_000);
    expect((await api.anon().login('jw_liaison', DEMO_PASSWORD)).status).toBe(200);
    // An unknown name locks the same way: a lock tells nothing about existence.
    for (let i = 0; i < 10; i++) {
      api.clock.advance(61_000);
      await api.anon().login('nobody_here', `Flood#${i}zz`);
    }
    const ghost = await api.anon().login('nobody_here', 'x');
    expect(ghost.status).toBe(423);
    expect(ghost.body.error?.message).toBe(locked.body.error?.message);
    await sec.put('/api/settings/security', settings);
  });
});

describe('password history and session lifetime', () => {
  it('refuses the last 5 passwords and accepts an older one', async () => {
    const c = await api.loginAs('office');
    const change = (oldPassword: string, newPassword: string) =>
      c.post('/api/auth/password', { oldPassword, newPassword });
    const pw = ['Hist#Pass-01', 'Hist#Pass-02', 'Hist#Pass-03', 'Hist#Pass-04', 'Hist#Pass-05'];
    expect((await change(DEMO_PASSWORD, pw[0]!)).status).toBe(200);
    expect((await change(pw[0]!, pw[1]!)).status).toBe(200);
    expect((await change(pw[1]!, pw[2]!)).status).toBe(200);
    expect((await change(pw[2]!, pw[3]!)).status).toBe(200);
    // current pw[3]; before it pw[2], pw[1], pw[0], DEMO: five in all
    for (const old of [DEMO_PASSWORD, pw[0]!, pw[2]!]) {
      const r = await change(pw[3]!, old);
      expect(r.status).toBe(400);
      expect(r.body.error?.message).toContain('最近 5 次');
    }
    expect((await change(pw[3]!, pw[4]!)).status).toBe(200);
    // DEMO is now six passwords back
    expect((await change(pw[4]!, DEMO_PASSWORD)).status).toBe(200);
  });

  it('ends a session after the absolute lifetime even while it is in use', async () => {
    const c = await api.loginAs('auditor');
    for (let minutes = 0; minutes < 700; minutes += 20) {
      api.clock.advance(20 * 60_000);
      expect((await c.get('/api/auth/me')).status).toBe(200);
    }
    api.clock.advance(25 * 60_000); // 725 minutes since login, 25 since the last request
    const r = await c.get('/api/auth/me');
    expect(r.status).toBe(401);
  });
});
