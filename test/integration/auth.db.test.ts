import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, loginLog, users } from '../../src/server/db/schema';
import { ADMIN_PASSWORD, DEMO_PASSWORD, NEW_PASSWORD, setupApi, type TestApi } from '../api';

let api: TestApi;
beforeAll(async () => {
  api = await setupApi();
});
afterAll(() => api.close());

describe('login and sessions', () => {
  it('logs in with HttpOnly SameSite cookies and a readable CSRF cookie', async () => {
    const c = api.anon();
    const r = await c.post<{ username: string; mustChangePassword: boolean }>('/api/auth/login', {
      username: 'admin',
      password: ADMIN_PASSWORD,
    });
    expect(r.status).toBe(200);
    expect(r.body.data?.username).toBe('admin');
    expect(r.body.data?.mustChangePassword).toBe(true);
    const cookies = r.headers.getSetCookie();
    const sid = cookies.find((x) => x.startsWith('gk_sid='))!;
    expect(sid).toMatch(/HttpOnly/i);
    expect(sid).toMatch(/SameSite=Strict/i);
    const csrf = cookies.find((x) => x.startsWith('gk_csrf='))!;
    expect(csrf).not.toMatch(/HttpOnly/i);
  });

  it('refuses a wrong password with a Chinese message and logs the attempt', async () => {
    const r = await api.anon().post('/api/auth/login', { username: 'office', password: 'wrong' });
    expect(r.status).toBe(401);
    expect(r.body.error?.message).toContain('用户名或密码错误');
    const log = await api.tdb.database.db.select().from(loginLog).where(eq(loginLog.username, 'office'));
    expect(log.some((l) => l.result === 'bad_password')).toBe(true);
  });

  it('forces the first-login password change and enforces the password policy', async () => {
    const c = api.anon();
    await c.post('/api/auth/login', { username: 'leader', password: DEMO_PASSWORD });
    const blocked = await c.get('/api/org/units');
    expect(blocked.status).toBe(403);
    expect(blocked.body.error?.code).toBe('PASSWORD_CHANGE_REQUIRED');
    expect((await c.get('/api/auth/me')).status).toBe(200);
    const weak = await c.post('/api/auth/password', { oldPassword: DEMO_PASSWORD, newPassword: 'abcdefgh' });
    expect(weak.status).toBe(400);
    expect(weak.body.error?.message).toContain('至少 3 类');
    const ok = await c.post('/api/auth/password', { oldPassword: DEMO_PASSWORD, newPassword: NEW_PASSWORD });
    expect(ok.status).toBe(200);
    expect((await c.get('/api/org/units')).status).toBe(200);
  });

  it('after a few failures asks for a challenge instead of locking; the right password still gets in', async () => {
    for (let i = 0; i < 3; i++) {
      const r = await api.anon().post('/api/auth/login', { username: 'jw_liaison', password: `bad${i}` });
      expect(r.status).toBe(401);
      expect(r.body.error?.code).toBe('UNAUTHENTICATED');
    }
    api.clock.advance(61_000);
    const fourth = await api.anon().post('/api/auth/login', { username: 'jw_liaison', password: 'bad3' });
    expect(fourth.status).toBe(401);
    expect(fourth.body.error?.code).toBe('CHALLENGE_REQUIRED');
    // Five failures once locked the account: now the owner only answers a sum.
    const c = api.anon();
    expect((await c.login('jw_liaison', DEMO_PASSWORD)).status).toBe(200);
  });

  it('locks only at the hard threshold, for the configured minutes; the security admin can unlock it', async () => {
    for (let i = 0; i < 5; i++) {
      api.clock.advance(61_000);
      const r = await api.anon().login('fgw_reviewer', `x${i}`);
      expect(r.status, `attempt ${i + 1}`).toBe(401);
    }
    api.clock.advance(61_000);
    const locked = await api.anon().login('fgw_reviewer', DEMO_PASSWORD);
    expect(locked.status).toBe(423);
    expect(locked.body.error?.message).toContain('锁定');
    api.clock.advance(31 * 60_000);
    expect((await api.anon().login('fgw_reviewer', DEMO_PASSWORD)).status).toBe(200);

    for (let i = 0; i < 5; i++) {
      api.clock.advance(61_000);
      await api.anon().login('fgw_reviewer', `y${i}`);
    }
    expect((await api.anon().login('fgw_reviewer', DEMO_PASSWORD)).status).toBe(423);
    const sec = await api.loginAs('secadmin');
    const u = (await api.tdb.database.db.select().from(users).where(eq(users.username, 'fgw_reviewer')))[0]!;
    expect((await sec.post(`/api/org/users/${u.id}/unlock`)).status).toBe(200);
    const unlockRows = await api.tdb.database.db.select().from(auditLog).where(eq(auditLog.objectId, u.id));
    expect(
      unlockRows.filter((a) => a.action === 'org.user.unlock').map((a) => [a.username, a.result]),
    ).toEqual([['secadmin', 'success']]);
    api.clock.advance(61_000);
    expect((await api.anon().login('fgw_reviewer', DEMO_PASSWORD)).status).toBe(200);
  });

  it('ends the session after 30 idle minutes', async () => {
    const c = await api.loginAs('fgw_liaison');
    expect((await c.get('/api/auth/me')).status).toBe(200);
    api.clock.advance(29 * 60_000);
    expect((await c.get('/api/auth/me')).status).toBe(200);
    api.clock.advance(31 * 60_000);
    const r = await c.get('/api/auth/me');
    expect(r.status).toBe(401);
    expect(r.body.error?.message).toBe('请先登录');
  });

  it('refuses a write without the CSRF token and stores nothing', async () => {
    const c = await api.loginAs('office');
    const denied = async () =>
      (await api.tdb.database.db.select().from(auditLog)).filter(
        (a) =>
          a.result === 'failure' && a.action.startsWith('denied POST') && a.objectId === '/api/org/units',
      ).length;
    const before = await denied();
    const r = await c.request(
      'POST',
      '/api/org/units',
      { name: '区测试局', kind: 'department' },
      { csrf: false },
    );
    expect(r.status).toBe(403);
    expect(r.body.error?.code).toBe('CSRF');
    const units = await c.get<{ total: number }>('/api/org/units?keyword=区测试局');
    expect(units.body.data?.total).toBe(0);
    // The refusal's audit row is written beside the answer, not before it: wait for it (a loaded machine is slow).
    await expect.poll(denied, { timeout: 10_000 }).toBe(before + 1);
  });

  it('rate-limits login attempts per IP', async () => {
    let last = 0;
    for (let i = 0; i < 25; i++)
      last = (await api.anon().post('/api/auth/login', { username: `nobody${i}`, password: 'x' })).status;
    expect(last).toBe(429);
    api.clock.advance(61_000);
    expect((await api.anon().post('/api/auth/login', { username: 'nobody', password: 'x' })).status).toBe(
      401,
    );
  });

  it('logs out', async () => {
    const c = await api.loginAs('auditor');
    expect((await c.post('/api/auth/logout')).status).toBe(200);
    expect((await c.get('/api/auth/me')).status).toBe(401);
  });

  it('sends security headers', async () => {
    const r = await api.anon().get('/api/health');
    expect(r.headers.get('x-content-type-options')).toBe('nosniff');
    expect(r.headers.get('x-frame-options')).toBe('DENY'); // consistent with frame-ancestors 'none'
    expect(r.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(r.body).toMatchObject({ status: 'ok', db: 'ok' });
  });
});
