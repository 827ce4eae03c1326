// Session life (SECURITY.md 5, 6, 7, 8, 13): a fresh opaque ID per login, sessions ended on the server by a password
// change, a reset, a disable; a role change takes effect on the very next request; no stored password in clear.
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { users } from '../../src/server/db/schema';
import { ADMIN_PASSWORD, type Client, DEMO_PASSWORD, NEW_PASSWORD, setupApi, type TestApi } from '../api';

let api: TestApi;
let office: Client;
beforeAll(async () => {
  api = await setupApi();
  office = await api.loginAs('office');
});
afterAll(() => api.close());

const userRow = async (username: string) =>
  (await api.tdb.database.db.select().from(users).where(eq(users.username, username)))[0]!;

const me = async (c: Client) => (await c.get('/api/auth/me')).status;

describe('sessions', () => {
  it('issues a fresh 256-bit session ID at every login', async () => {
    const a = await api.loginAs('jw_liaison');
    const b = await api.loginAs('jw_liaison');
    const sa = a.cookies.get('gk_sid')!;
    const sb = b.cookies.get('gk_sid')!;
    expect(sa).not.toBe(sb);
    // base64url of 32 random bytes
    expect(Buffer.from(sa, 'base64url')).toHaveLength(32);
    expect(await me(a)).toBe(200);
    expect(await me(b)).toBe(200);
  });

  it('a password change ends the other sessions of that user, not the one that changed it', async () => {
    const a = await api.loginAs('leader');
    const b = await api.loginAs('leader');
    const r = await a.post('/api/auth/password', { oldPassword: DEMO_PASSWORD, newPassword: NEW_PASSWORD });
    expect(r.status).toBe(200);
    expect(await me(a)).toBe(200);
    expect(await me(b)).toBe(401);
  });

  it('a reset (office) or a disable (system admin) ends the user’s sessions on the server', async () => {
    const reset = await api.loginAs('fgw_reviewer');
    const target = await userRow('fgw_reviewer');
    const r = await office.post(`/api/org/users/${target.id}/reset-password`, {
      password: 'Reset#Pass2026x',
    });
    expect(r.status).toBe(200);
    expect(await me(reset)).toBe(401);

    const gone = await api.loginAs('jw_liaison');
    const victim = await userRow('jw_liaison');
    const admin = await api.loginAs('admin');
    expect((await admin.del(`/api/org/users/${victim.id}`)).status).toBe(200);
    expect(await me(gone)).toBe(401);
  });

  it('an account no longer active is refused on its open session, whatever changed its status', async () => {
    // Defence in depth: the status is checked on every request, not only when a disable ends the sessions.
    const c = await api.loginAs('office_reviewer');
    expect(await me(c)).toBe(200);
    await api.tdb.database.db
      .update(users)
      .set({ status: 'disabled' })
      .where(eq(users.username, 'office_reviewer'));
    expect(await me(c)).toBe(401);
    await api.tdb.database.db
      .update(users)
      .set({ status: 'active' })
      .where(eq(users.username, 'office_reviewer'));
    expect(await me(c)).toBe(200);
  });

  it('a role removed takes effect on the very next request of an open session', async () => {
    const c = await api.loginAs('fgw_liaison');
    // Allowed: the body is checked (400), so the permission passed.
    expect((await c.post('/api/disclosure/items', {})).status).toBe(400);
    const u = await userRow('fgw_liaison');
    const upd = await office.put(`/api/org/users/${u.id}`, {
      name: u.name,
      unitId: u.unitId,
      roles: ['leader'],
      phone: '',
      status: 'active',
    });
    expect(upd.status).toBe(200);
    expect((await c.post('/api/disclosure/items', {})).status).toBe(403);
  });

  it('user names are unique after case folding', async () => {
    const u = await userRow('office');
    const r = await office.post('/api/org/users', {
      username: 'FGW_Reviewer',
      name: '重名',
      unitId: u.unitId,
      roles: ['liaison'],
      password: 'Init#Pass2026',
    });
    expect(r.status).toBeGreaterThanOrEqual(400);
    expect(r.status).toBeLessThan(500);
    const rows = await api.tdb.database.db
      .select()
      .from(users)
      .where(sql`lower(${users.username}) = 'fgw_reviewer'`);
    expect(rows).toHaveLength(1);
  });

  it('passwords are argon2id hashes and no table holds a password in clear', async () => {
    const hashes = await api.tdb.database.db.select({ h: users.passwordHash }).from(users);
    expect(hashes.length).toBeGreaterThan(5);
    for (const { h } of hashes) expect(h).toMatch(/^\$argon2id\$/);
    const tables = await api.tdb.database.db.execute<{ t: string }>(
      sql`SELECT quote_ident(table_name) AS t FROM information_schema.tables
          WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'`,
    );
    expect(tables.rows.length).toBeGreaterThan(10);
    for (const { t } of tables.rows) {
      const dump = await api.tdb.database.db.execute<{ j: string }>(
        sql.raw(`SELECT coalesce(string_agg(row_to_json(x)::text, ''), '') AS j FROM ${t} x`),
      );
      const text = dump.rows[0]!.j;
      for (const pw of [DEMO_PASSWORD, ADMIN_PASSWORD, NEW_PASSWORD]) expect(text, t).not.toContain(pw);
    }
  });
});

describe('cookies behind TLS', () => {
  it('marks the session cookie Secure when GONGKAI_SECURE_COOKIES is on', async () => {
    const tls = await setupApi({ config: { secureCookies: true } });
    try {
      const r = await tls.anon().post('/api/auth/login', { username: 'admin', password: ADMIN_PASSWORD });
      expect(r.status).toBe(200);
      const sid = r.headers.getSetCookie().find((x) => x.startsWith('gk_sid='))!;
      expect(sid).toMatch(/;\s*Secure/i);
    } finally {
      await tls.close();
    }
  });
});
