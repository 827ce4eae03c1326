// SECURITY.md 1, forced rotation on a fake clock: a password older than the maximum age (the security setting
// passwordMaxAgeDays, 90 days by default, 0 = never) must be changed before any other call succeeds.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { users } from '../../src/server/db/schema';
import { type Client, DEMO_PASSWORD, setupApi, type TestApi } from '../api';

const DAY = 86_400_000;
let api: TestApi;
beforeAll(async () => {
  api = await setupApi();
});
afterAll(() => api.close());

/** The security administrator sets the maximum age (signed in afresh: the fake clock jumps by days). */
const setMaxAge = async (days: number) => {
  const sec = await api.loginAs('secadmin');
  const settings = (await sec.get<Record<string, number>>('/api/settings/security')).body.data!;
  const r = await sec.put('/api/settings/security', { ...settings, passwordMaxAgeDays: days });
  expect(r.status, JSON.stringify(r.body)).toBe(200);
};
/** The password of `username` as if last set `days` days before the fake clock's now. */
const setDaysAgo = (username: string, days: number) =>
  api.tdb.database.db
    .update(users)
    .set({ mustChangePassword: false, passwordChangedAt: new Date(api.clock.now().getTime() - days * DAY) })
    .where(eq(users.username, username));
const login = async (username: string, password: string) => {
  const c = api.anon();
  const r = await c.login<{ mustChangePassword: boolean }>(username, password);
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  return { c, mustChange: r.body.data!.mustChangePassword };
};

describe('forced password rotation', () => {
  it('defaults to 90 days; the setting is validated', async () => {
    const sec: Client = await api.loginAs('secadmin');
    const settings = (await sec.get<Record<string, number>>('/api/settings/security')).body.data!;
    expect(settings.passwordMaxAgeDays).toBe(90);
    const bad = await sec.put('/api/settings/security', { ...settings, passwordMaxAgeDays: 400 });
    expect(bad.status).toBe(400);
    expect((await sec.put('/api/settings/security', { ...settings, passwordMaxAgeDays: -1 })).status).toBe(
      400,
    );
  });

  it('a password past its age must be changed before any other call; the new one counts from the fake now', async () => {
    await setMaxAge(30);
    // Ten minutes short of 30 days: usable; ten minutes on, the open session is held at the change.
    await setDaysAgo('fgw_liaison', 30 - 10 / 1440);
    const fresh = await login('fgw_liaison', DEMO_PASSWORD);
    expect(fresh.mustChange).toBe(false);
    expect((await fresh.c.get('/api/disclosure/items')).status).toBe(200);
    api.clock.advance(11 * 60_000);
    const held = await fresh.c.get('/api/disclosure/items');
    expect(held.status).toBe(403);
    expect(held.body.error?.code).toBe('PASSWORD_CHANGE_REQUIRED');

    // Signing in again does not help: every call but the change is refused.
    const stale = await login('fgw_liaison', DEMO_PASSWORD);
    expect(stale.mustChange).toBe(true);
    for (const [method, path, body] of [
      ['GET', '/api/disclosure/items', undefined],
      ['GET', '/api/requests/cases', undefined],
      ['POST', '/api/disclosure/items', { title: '过期密码不能起草' }],
    ] as const) {
      const r = await stale.c.request(method, path, body);
      expect(r.status, `${method} ${path}`).toBe(403);
      expect(r.body.error).toMatchObject({ code: 'PASSWORD_CHANGE_REQUIRED' });
      expect(r.body.error!.message).toContain('已过期');
    }
    // Reading who one is and changing the password stay open.
    expect((await stale.c.get<{ mustChangePassword: boolean }>('/api/auth/me')).body.data).toMatchObject({
      mustChangePassword: true,
    });
    const changed = await stale.c.post('/api/auth/password', {
      oldPassword: DEMO_PASSWORD,
      newPassword: 'Rotate#2026-a',
    });
    expect(changed.status, JSON.stringify(changed.body)).toBe(200);
    expect((await stale.c.get('/api/disclosure/items')).status).toBe(200);
    const [row] = await api.tdb.database.db.select().from(users).where(eq(users.username, 'fgw_liaison'));
    expect(row!.passwordChangedAt).toEqual(api.clock.now());

    // 29 days on it is still valid; at 30 it expires again.
    api.clock.advance(29 * DAY);
    expect((await login('fgw_liaison', 'Rotate#2026-a')).mustChange).toBe(false);
    api.clock.advance(DAY);
    expect((await login('fgw_liaison', 'Rotate#2026-a')).mustChange).toBe(true);
  });

  it('an account never given a change date counts from its creation', async () => {
    await setMaxAge(30);
    await api.tdb.database.db
      .update(users)
      .set({
        mustChangePassword: false,
        passwordChangedAt: null,
        createdAt: new Date(api.clock.now().getTime() - 31 * DAY),
      })
      .where(eq(users.username, 'jw_liaison'));
    expect((await login('jw_liaison', DEMO_PASSWORD)).mustChange).toBe(true);
  });

  it('0 days: passwords do not expire', async () => {
    await setMaxAge(0);
    await setDaysAgo('fgw_reviewer', 3650);
    const { c, mustChange } = await login('fgw_reviewer', DEMO_PASSWORD);
    expect(mustChange).toBe(false);
    expect((await c.get('/api/disclosure/items')).status).toBe(200);
  });
});

describe('the context list over the API', () => {
  it('a new password holding a unit’s or the site’s name is refused; a long passphrase is accepted', async () => {
    const c = await api.loginAs('office_reviewer');
    for (const newPassword of ['区发展改革委Ab#1', 'Xx#1政务公开ok', 'Ab#1区教委2026']) {
      const r = await c.post('/api/auth/password', { oldPassword: DEMO_PASSWORD, newPassword });
      expect(r.status, newPassword).toBe(400);
      expect(r.body.error?.message).toContain('不能包含网站名称或单位名称');
    }
    const long = `Passphrase#1 ${'绿水青山就是金山银山'.repeat(6)}`;
    expect(long.length).toBeGreaterThan(64);
    expect(
      (await c.post('/api/auth/password', { oldPassword: DEMO_PASSWORD, newPassword: long })).status,
    ).toBe(200);
  });
});
