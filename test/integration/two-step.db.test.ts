// Two-step login (SECURITY.md 4 and 8): with GONGKAI_REQUIRE_2FA on (the default) the 三员 accounts need TOTP, and
// every console account once the policy 「后台账号必须启用两步验证」 says 全部后台账号 (the default outside the demo);
// codes are single use, ±1 step, and guessing is throttled; recovery codes work once; no seed in the database.
import { eq } from 'drizzle-orm';
import * as OTPAuth from 'otpauth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, userTotp } from '../../src/server/db/schema';
import { DEFAULT_SECURITY } from '../../src/server/platform/settings';
import { type Client, DEMO_PASSWORD, setupApi, type TestApi } from '../api';

let api: TestApi;
beforeAll(async () => {
  api = await setupApi({ config: { require2fa: true } });
});
afterAll(() => api.close());

const codeAt = (secret: string, ms: number) =>
  new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(secret), period: 30 }).generate({ timestamp: ms });

let secret = '';
let recovery: string[] = [];

async function passwordStep(
  username: string,
  password = DEMO_PASSWORD,
): Promise<{ c: Client; token: string }> {
  const c = api.anon();
  const r = await c.login<{ mfaRequired?: boolean; mfaToken?: string }>(username, password);
  expect(r.status).toBe(200);
  expect(r.body.data?.mfaRequired).toBe(true);
  expect(c.cookies.has('gk_sid')).toBe(false);
  return { c, token: r.body.data!.mfaToken! };
}

describe('two-step verification', () => {
  it('a 三员 password alone yields no privileged session: only enrolment is open', async () => {
    const c = await api.loginAs('secadmin');
    const me = await c.get<{ mustEnrollTotp: boolean }>('/api/auth/me');
    expect(me.body.data?.mustEnrollTotp).toBe(true);
    const blocked = await c.get('/api/settings/security');
    expect(blocked.status).toBe(403);
    expect(blocked.body.error?.code).toBe('MFA_ENROLMENT_REQUIRED');
    const status = await c.get('/api/auth/totp');
    expect(status.body.data).toEqual({ enabled: false, required: true, recoveryCodesLeft: 0 });
  });

  it('enrols: a wrong code is refused (400), the right one enables it and shows recovery codes once', async () => {
    const c = await api.loginAs('secadmin');
    const setup = await c.post<{ secret: string; uri: string }>('/api/auth/totp/setup');
    expect(setup.status).toBe(200);
    secret = setup.body.data!.secret;
    expect(setup.body.data!.uri).toMatch(/^otpauth:\/\/totp\/.*secret=/);
    expect((await c.post('/api/auth/totp/confirm', {})).status).toBe(400);
    const wrong = await c.post('/api/auth/totp/confirm', { code: '000000' });
    expect(wrong.status).toBe(400);
    const ok = await c.post<{ recoveryCodes: string[] }>('/api/auth/totp/confirm', {
      code: codeAt(secret, api.clock.now().getTime()),
    });
    expect(ok.status).toBe(200);
    recovery = ok.body.data!.recoveryCodes;
    expect(recovery).toHaveLength(10);
    expect(new Set(recovery).size).toBe(10);
    expect((await c.get('/api/settings/security')).status).toBe(200);
    expect((await c.post('/api/auth/totp/setup')).status).toBe(409);
    const audits = await api.tdb.database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'auth.totp.enable'));
    expect(audits).toHaveLength(1);
  });

  it('stores no usable seed and no recovery code in the database', async () => {
    const rows = await api.tdb.database.db.select().from(userTotp);
    const dump = JSON.stringify(rows);
    expect(dump).not.toContain(secret);
    for (const code of recovery) expect(dump).not.toContain(code.replace('-', ''));
  });

  it('logs in with password then code; the code of a used step is a replay and fails', async () => {
    const used = codeAt(secret, api.clock.now().getTime()); // the step spent by the enrolment
    const first = await passwordStep('secadmin');
    const replay = await first.c.post('/api/auth/login/totp', { mfaToken: first.token, code: used });
    expect(replay.status).toBe(401);
    api.clock.advance(30_000);
    const fresh = codeAt(secret, api.clock.now().getTime());
    const ok = await first.c.post<{ username: string }>('/api/auth/login/totp', {
      mfaToken: first.token,
      code: fresh,
    });
    expect(ok.status).toBe(200);
    expect(ok.body.data?.username).toBe('secadmin');
    expect((await first.c.get('/api/settings/security')).status).toBe(200);
    // The same code again, on a new password step: refused.
    const again = await passwordStep('secadmin');
    expect((await again.c.post('/api/auth/login/totp', { mfaToken: again.token, code: fresh })).status).toBe(
      401,
    );
    // A code one step old (clock drift) that was never used is accepted; two steps old is not.
    api.clock.advance(90_000);
    const now = api.clock.now().getTime();
    const tooOld = await passwordStep('secadmin');
    const r2 = await tooOld.c.post('/api/auth/login/totp', {
      mfaToken: tooOld.token,
      code: codeAt(secret, now - 60_000),
    });
    expect(r2.status).toBe(401);
    api.clock.advance(5_000); // wrong codes count against the name: a short delay now applies
    const late = await passwordStep('secadmin');
    const r1 = await late.c.post('/api/auth/login/totp', {
      mfaToken: late.token,
      code: codeAt(secret, now - 30_000),
    });
    expect(r1.status).toBe(200);
  });

  it('guessing is throttled: a pending login takes five codes, then even the right one is refused', async () => {
    api.clock.advance(60_000);
    const { c, token } = await passwordStep('secadmin');
    for (let i = 0; i < 5; i++) {
      const r = await c.post('/api/auth/login/totp', { mfaToken: token, code: String(100000 + i) });
      expect(r.status).toBe(401);
    }
    const right = await c.post('/api/auth/login/totp', {
      mfaToken: token,
      code: codeAt(secret, api.clock.now().getTime()),
    });
    expect(right.status).toBe(401);
    expect(right.body.error?.message).toContain('重新输入用户名和密码');
  });

  it('a recovery code works once', async () => {
    api.clock.advance(31 * 60_000);
    const a = await passwordStep('secadmin');
    const ok = await a.c.post('/api/auth/login/totp', { mfaToken: a.token, code: recovery[0] });
    expect(ok.status).toBe(200);
    expect(
      (await a.c.get<{ recoveryCodesLeft: number }>('/api/auth/totp')).body.data?.recoveryCodesLeft,
    ).toBe(9);
    const b = await passwordStep('secadmin');
    expect((await b.c.post('/api/auth/login/totp', { mfaToken: b.token, code: recovery[0] })).status).toBe(
      401,
    );
  });

  it('routes: 401 without a session, 400 on a bad body, 401 on an unknown pending login', async () => {
    for (const [m, p] of [
      ['GET', '/api/auth/totp'],
      ['POST', '/api/auth/totp/setup'],
      ['POST', '/api/auth/totp/confirm'],
      ['POST', '/api/auth/totp/disable'],
    ] as const)
      expect(
        (await api.anon().request(m, p, m === 'GET' ? undefined : { code: '123456', password: 'x' })).status,
      ).toBe(401);
    expect((await api.anon().post('/api/auth/login/totp', { mfaToken: 'x' })).status).toBe(400);
    expect((await api.anon().post('/api/auth/login', { username: '', password: 'x' })).status).toBe(400);
    const unknown = await api
      .anon()
      .post('/api/auth/login/totp', { mfaToken: 'not-a-token', code: '123456' });
    expect(unknown.status).toBe(401);
  });

  it('the demo district asks only the 三员; a real deployment (no stored policy) asks every account', async () => {
    const sec = await secadminSession();
    expect(
      (await sec.get<{ twoFactorScope: string }>('/api/settings/security')).body.data?.twoFactorScope,
    ).toBe('separated');
    expect(DEFAULT_SECURITY.twoFactorScope).toBe('all');
  });

  it('is optional for other accounts; a 三员 account cannot switch it off (403), others can with their password', async () => {
    const office = await api.loginAs('office');
    expect((await office.get<{ mustEnrollTotp: boolean }>('/api/auth/me')).body.data?.mustEnrollTotp).toBe(
      false,
    );
    expect((await office.get('/api/org/units')).status).toBe(200);
    const s = (await office.post<{ secret: string }>('/api/auth/totp/setup')).body.data!.secret;
    api.clock.advance(30_000);
    expect(
      (await office.post('/api/auth/totp/confirm', { code: codeAt(s, api.clock.now().getTime()) })).status,
    ).toBe(200);
    const pending = await passwordStep('office');
    expect(pending.token).toBeTruthy();
    expect((await office.post('/api/auth/totp/disable', { password: 'Wrong#Pass1' })).status).toBe(400);
    expect((await office.post('/api/auth/totp/disable', { password: DEMO_PASSWORD })).status).toBe(200);
    expect((await api.anon().login('office', DEMO_PASSWORD)).body.data).toMatchObject({ username: 'office' });

    const secClient = await secadminSession();
    const refused = await secClient.post('/api/auth/totp/disable', { password: DEMO_PASSWORD });
    expect(refused.status).toBe(403);
  });
});

/** secadmin (enrolled above) logged in with password and a fresh code. */
async function secadminSession(): Promise<Client> {
  api.clock.advance(30_000);
  const { c, token } = await passwordStep('secadmin');
  expect(
    (
      await c.post('/api/auth/login/totp', {
        mfaToken: token,
        code: codeAt(secret, api.clock.now().getTime()),
      })
    ).status,
  ).toBe(200);
  return c;
}

describe('policy 「后台账号必须启用两步验证」: 全部后台账号', () => {
  it('the security administrator switches it on; the change is audited', async () => {
    const sec = await secadminSession();
    const current = (await sec.get<Record<string, unknown>>('/api/settings/security')).body.data!;
    const bad = await sec.put('/api/settings/security', { ...current, twoFactorScope: 'some' });
    expect(bad.status).toBe(400);
    const r = await sec.put('/api/settings/security', { ...current, twoFactorScope: 'all' });
    expect(r.status).toBe(200);
    const rows = await api.tdb.database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'system.security.update'));
    expect(JSON.parse(String(rows.at(-1)?.detail))).toMatchObject({ twoFactorScope: 'all' });
  });

  // Each console role outside the 三员: password alone → only enrolment; enrolled → works; replay and guessing fail.
  it.each(['office', 'fgw_liaison', 'fgw_reviewer', 'leader'])('%s', async (username) => {
    const c = await api.loginAs(username);
    expect((await c.get<{ mustEnrollTotp: boolean }>('/api/auth/me')).body.data?.mustEnrollTotp).toBe(true);
    const blocked = await c.get('/api/notifications');
    expect(blocked.status).toBe(403);
    expect(blocked.body.error?.code).toBe('MFA_ENROLMENT_REQUIRED');
    expect((await c.get('/api/auth/totp')).body.data).toMatchObject({ enabled: false, required: true });

    const s = (await c.post<{ secret: string }>('/api/auth/totp/setup')).body.data!.secret;
    api.clock.advance(30_000);
    const used = codeAt(s, api.clock.now().getTime());
    expect((await c.post('/api/auth/totp/confirm', { code: used })).status).toBe(200);
    expect((await c.get('/api/notifications')).status).toBe(200);
    // The policy forbids switching it off again.
    expect((await c.post('/api/auth/totp/disable', { password: DEMO_PASSWORD })).status).toBe(403);

    // A password alone no longer opens a session; the enrolment's code is spent.
    const replay = await passwordStep(username);
    expect((await replay.c.post('/api/auth/login/totp', { mfaToken: replay.token, code: used })).status).toBe(
      401,
    );
    api.clock.advance(30_000);
    const fresh = codeAt(s, api.clock.now().getTime());
    const ok = await passwordStep(username);
    expect((await ok.c.post('/api/auth/login/totp', { mfaToken: ok.token, code: fresh })).status).toBe(200);
    expect((await ok.c.get('/api/notifications')).status).toBe(200);

    // Guessing: five wrong codes end the pending login; then even the right code is refused.
    api.clock.advance(60_000);
    const g = await passwordStep(username);
    for (let i = 0; i < 5; i++)
      expect(
        (await g.c.post('/api/auth/login/totp', { mfaToken: g.token, code: String(200000 + i) })).status,
      ).toBe(401);
    const right = await g.c.post('/api/auth/login/totp', {
      mfaToken: g.token,
      code: codeAt(s, api.clock.now().getTime()),
    });
    expect(right.status).toBe(401);
    expect(right.body.error?.message).toContain('重新输入用户名和密码');
  });
});
