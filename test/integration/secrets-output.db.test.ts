// SECURITY.md 8 (and 19): a known password goes through an account's life (creation, login, wrong passwords,
// refused and accepted changes, an administrator's reset, a change that fails inside the database, a TOTP
// enrolment and a login with a code and with a recovery code) while every response and every line the server logs
// is captured. None holds a password, the TOTP seed or a recovery code (after the one answer that shows them to
// their holder), none an argon2 hash; the audit and login logs in the database hold none of them either.
import { eq, sql } from 'drizzle-orm';
import * as OTPAuth from 'otpauth';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { units, users } from '../../src/server/db/schema';
import { logLine } from '../../src/server/platform/log';
import { type ApiResponse, setupApi, type TestApi } from '../api';

const KNOWN = 'Kn0wn#Secret-2026x';
const SECOND = 'Next#Secret-2027y';
const RESET = 'Reset#Secret-2028z';
const FOURTH = 'Fourth#Secret-2029w';
const PASSWORDS = [KNOWN, SECOND, RESET, FOURTH];

let api: TestApi;
/** Every response: status, headers and body, as text. */
const responses: string[] = [];
/** Every line the server logged (formatted as the real logger writes it) or printed to the console. */
const logged: string[] = [];

async function rec<T>(p: Promise<ApiResponse<T>>): Promise<ApiResponse<T>> {
  const r = await p;
  responses.push(`${r.status} ${JSON.stringify([...r.headers])} ${JSON.stringify(r.body)}`);
  return r;
}

beforeAll(async () => {
  api = await setupApi();
  api.platform.log = (level, msg, extra) => {
    logged.push(logLine(api.clock.now(), level, msg, extra));
  };
  for (const m of ['log', 'info', 'warn', 'error', 'debug'] as const)
    vi.spyOn(console, m).mockImplementation((...args: unknown[]) => {
      logged.push(args.map((a) => (typeof a === 'string' ? a : JSON.stringify(a))).join(' '));
    });
});
afterAll(async () => {
  vi.restoreAllMocks();
  await api.close();
});

describe('no password or hash in responses, logs or the logs’ tables (SECURITY.md 8)', () => {
  it('a known password through creation, login failures, changes, a reset, a failing change and two-step login', async () => {
    const db = api.tdb.database.db;
    const admin = await api.loginAs('admin');
    const unitId = (await db.select().from(units).where(eq(units.name, '区教委')))[0]!.id;
    const created = await rec(
      admin.post<{ id: string }>('/api/org/users', {
        username: 'probe',
        name: '测试探针',
        unitId,
        roles: ['liaison'],
        password: KNOWN,
      }),
    );
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const id = created.body.data!.id;

    // Wrong passwords, an unknown name with the right password, wrong types, an overlong password.
    const anon = api.anon();
    for (const body of [
      { username: 'probe', password: `${KNOWN}x` },
      { username: 'probe', password: KNOWN.slice(0, -1) },
      { username: 'ghost_probe', password: KNOWN },
      { username: 'probe', password: [KNOWN] },
      { username: ['probe'], password: KNOWN },
      { username: 'probe', password: KNOWN.repeat(20) },
    ]) {
      const r = await rec(anon.post('/api/auth/login', body));
      expect(r.status, JSON.stringify(body)).toBeGreaterThanOrEqual(400);
    }

    const probe = api.anon();
    const first = await rec(probe.login('probe', KNOWN));
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    // Refused changes: a wrong old password, a weak new one, the same one again.
    for (const body of [
      { oldPassword: `${KNOWN}x`, newPassword: SECOND },
      { oldPassword: KNOWN, newPassword: 'abc' },
      { oldPassword: KNOWN, newPassword: KNOWN },
      { oldPassword: KNOWN, newPassword: SECOND.repeat(20) },
    ]) {
      const r = await rec(probe.post('/api/auth/password', body));
      expect(r.status, JSON.stringify(body)).toBeGreaterThanOrEqual(400);
    }
    expect(
      (await rec(probe.post('/api/auth/password', { oldPassword: KNOWN, newPassword: SECOND }))).status,
    ).toBe(200);
    expect((await rec(api.anon().login('probe', KNOWN))).status).toBe(401);
    const again = api.anon();
    expect((await rec(again.login('probe', SECOND))).status).toBe(200);
    expect(
      (await rec(again.post('/api/auth/totp/disable', { password: KNOWN }))).status,
    ).toBeGreaterThanOrEqual(400);

    // The administrator resets it and reads the account, alone and in the list.
    expect((await rec(admin.post(`/api/org/users/${id}/reset-password`, { password: RESET }))).status).toBe(
      200,
    );
    expect((await rec(admin.get(`/api/org/users/${id}`))).status).toBe(200);
    expect((await rec(admin.get('/api/org/users?keyword=probe'))).status).toBe(200);

    // A change that fails inside the database after the new hash is computed: an unhandled error, logged.
    const reset = api.anon();
    expect((await rec(reset.login('probe', RESET))).status).toBe(200);
    await db.execute(
      sql.raw(`CREATE FUNCTION fuzz_refuse() RETURNS trigger LANGUAGE plpgsql AS
               $$ BEGIN RAISE EXCEPTION 'disk full'; END $$;
               CREATE TRIGGER fuzz_refuse BEFORE UPDATE OF password_hash ON users
               FOR EACH ROW EXECUTE FUNCTION fuzz_refuse()`),
    );
    const failed = await rec(reset.post('/api/auth/password', { oldPassword: RESET, newPassword: FOURTH }));
    await db.execute(sql.raw('DROP TRIGGER fuzz_refuse ON users; DROP FUNCTION fuzz_refuse()'));
    expect(failed.status).toBe(500);
    expect(failed.body.error?.message).toMatch(/服务器内部错误/);
    const incident = logged.filter((l) => l.includes('unhandled error'));
    expect(incident).toHaveLength(1);
    // The line says what failed (the statement and the database's reason), so it can be acted on.
    expect(incident[0]).toContain('Failed query: update');
    expect(incident[0]).toContain('disk full');

    // A TOTP seed and recovery codes: shown once to the account's holder (not recorded here), then never again.
    const setup = await reset.post<{ secret: string }>('/api/auth/totp/setup');
    expect(setup.status).toBe(200);
    const seed = setup.body.data!.secret;
    const codeAt = (ms: number) =>
      new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(seed), period: 30 }).generate({ timestamp: ms });
    const confirmed = await reset.post<{ recoveryCodes: string[] }>('/api/auth/totp/confirm', {
      code: codeAt(api.clock.now().getTime()),
    });
    expect(confirmed.status).toBe(200);
    const recovery = confirmed.body.data!.recoveryCodes;
    expect((await rec(reset.get('/api/auth/totp'))).status).toBe(200);
    for (const second of [codeAt(api.clock.now().getTime() + 600_000), recovery[0]!]) {
      const c = api.anon();
      const step = await rec(c.login<{ mfaToken: string }>('probe', RESET));
      expect(step.body.data?.mfaToken).toBeTruthy();
      await rec(c.post('/api/auth/login/totp', { mfaToken: step.body.data!.mfaToken, code: second }));
    }
    expect(responses.at(-1)).toMatch(/^200 /);

    // The auditor reads the audit and login logs.
    const auditor = await api.loginAs('auditor');
    expect((await rec(auditor.get('/api/audit/logs?pageSize=500'))).status).toBe(200);
    expect((await rec(auditor.get('/api/audit/logins?pageSize=500'))).status).toBe(200);

    const hash = (await db.select().from(users).where(eq(users.id, id)))[0]!.passwordHash;
    expect(hash).toMatch(/^\$argon2id\$/);
    expect(responses.length).toBeGreaterThan(20);
    const secrets = [...PASSWORDS, seed, ...recovery, ...recovery.map((r) => r.replace('-', ''))];
    for (const text of [...responses, ...logged]) {
      for (const pw of secrets) expect(text).not.toContain(pw);
      expect(text).not.toContain('$argon2');
      expect(text).not.toContain(hash.split('$').pop());
    }
    // The logs kept in the database: no password, not even a wrong one.
    for (const table of ['audit_log', 'login_log']) {
      const dump = await db.execute<{ j: string }>(
        sql.raw(`SELECT coalesce(string_agg(row_to_json(x)::text, ''), '') AS j FROM ${table} x`),
      );
      expect(dump.rows[0]!.j.length).toBeGreaterThan(100);
      for (const pw of secrets) expect(dump.rows[0]!.j, table).not.toContain(pw);
      expect(dump.rows[0]!.j, table).not.toContain('$argon2');
    }
  });
});
