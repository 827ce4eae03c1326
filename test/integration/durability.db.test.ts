// SECURITY.md 17 and 40: audit is fail-closed (a write whose audit row cannot be stored does not happen, the
// answer is a generic error and the security administrators are alerted), and Gongkai refuses a database that
// may lose acknowledged writes.
import { and, eq, like, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { guardDurability, unsafeDurability } from '../../src/server/db/roles';
import { notifications, units, users } from '../../src/server/db/schema';
import { AUDIT_ALERT_EVENT, AUDIT_ALERT_WINDOW_MS } from '../../src/server/platform/audit/alert';
import { setupApi, type TestApi } from '../api';

let api: TestApi;
beforeAll(async () => {
  api = await setupApi();
});
afterAll(() => api.close());

describe('audit is fail-closed', () => {
  it('a unit whose audit row is refused is not created; the answer is generic', async () => {
    const db = api.tdb.database.db;
    const office = await api.loginAs('office');
    const root = (await db.select().from(units).where(eq(units.name, '重庆市潼南区人民政府')))[0]!;
    // The test database's superuser plays a failing audit store.
    await db.execute(sql`CREATE FUNCTION gk_test_refuse_audit() RETURNS trigger LANGUAGE plpgsql AS
      $$ BEGIN IF NEW.action LIKE 'org.unit.%' THEN RAISE EXCEPTION 'audit store down'; END IF; RETURN NEW; END $$`);
    await db.execute(sql`CREATE TRIGGER gk_test_refuse_audit BEFORE INSERT ON audit_log
      FOR EACH ROW EXECUTE FUNCTION gk_test_refuse_audit()`);
    try {
      const r = await office.post('/api/org/units', {
        name: '区审计失败局',
        kind: 'department',
        parentId: root.id,
      });
      expect(r.status).toBe(500);
      expect(r.body.error?.message).toMatch(/^服务器内部错误/);
      expect(JSON.stringify(r.body)).not.toContain('audit store down');
      expect(await db.select().from(units).where(eq(units.name, '区审计失败局'))).toHaveLength(0);
    } finally {
      await db.execute(sql`DROP TRIGGER gk_test_refuse_audit ON audit_log`);
      await db.execute(sql`DROP FUNCTION gk_test_refuse_audit()`);
    }
    const ok = await office.post('/api/org/units', {
      name: '区审计失败局',
      kind: 'department',
      parentId: root.id,
    });
    expect(ok.status).toBe(201);
  });
});

describe('a failing audit write alerts the security administrators', () => {
  it('refuses the action, then tells every security admin once per window, on a connection of its own', async () => {
    const db = api.tdb.database.db;
    const office = await api.loginAs('office');
    const root = (await db.select().from(units).where(eq(units.name, '重庆市潼南区人民政府')))[0]!;
    const [sec] = await db.select().from(users).where(eq(users.username, 'secadmin'));
    const lines: [string, string, Record<string, unknown> | undefined][] = [];
    const quiet = api.platform.log;
    api.platform.log = (level, msg, extra) => void lines.push([level, msg, extra]);
    const bell = () =>
      db
        .select()
        .from(notifications)
        .where(and(eq(notifications.userId, sec!.id), like(notifications.title, '审计日志%')))
        .orderBy(notifications.createdAt);
    const create = (name: string) =>
      office.post('/api/org/units', { name, kind: 'department', parentId: root.id });
    await db.execute(sql`CREATE FUNCTION gk_test_refuse_audit() RETURNS trigger LANGUAGE plpgsql AS
      $$ BEGIN IF NEW.action LIKE 'org.unit.%' THEN RAISE EXCEPTION 'audit store down'; END IF; RETURN NEW; END $$`);
    await db.execute(sql`CREATE TRIGGER gk_test_refuse_audit BEFORE INSERT ON audit_log
      FOR EACH ROW EXECUTE FUNCTION gk_test_refuse_audit()`);
    // The test above failed an audit write too: start a new window.
    api.clock.advance(AUDIT_ALERT_WINDOW_MS);
    const before = (await bell()).length;
    try {
      // A storm: three refusals in the window make one alert.
      for (const name of ['区告警一局', '区告警二局', '区告警三局'])
        expect((await create(name)).status).toBe(500);
      expect(await db.select().from(units).where(like(units.name, '区告警%'))).toHaveLength(0);
      const first = (await bell()).slice(before);
      expect(first).toHaveLength(1);
      expect(first[0]!.body).toContain('/api/org/units');
      expect(lines.filter(([, msg]) => msg === AUDIT_ALERT_EVENT)).toEqual([
        ['error', AUDIT_ALERT_EVENT, expect.objectContaining({ path: '/api/org/units', suppressed: 0 })],
      ]);
      // After the window the next failure alerts again and counts the ones kept quiet.
      api.clock.advance(AUDIT_ALERT_WINDOW_MS);
      expect((await create('区告警四局')).status).toBe(500);
      const second = (await bell()).slice(before);
      expect(second).toHaveLength(2);
      expect(second.map((n) => n.body).join()).toContain('又失败 2 次');
      expect(lines.filter(([, msg]) => msg === AUDIT_ALERT_EVENT)).toHaveLength(2);
    } finally {
      api.platform.log = quiet;
      await db.execute(sql`DROP TRIGGER gk_test_refuse_audit ON audit_log`);
      await db.execute(sql`DROP FUNCTION gk_test_refuse_audit()`);
    }
  });

  it('a refused download alerts too (the window is per database: a fresh one here)', async () => {
    const other = await setupApi();
    try {
      const db = other.tdb.database.db;
      const office = await other.loginAs('office');
      await db.execute(sql`CREATE FUNCTION gk_test_refuse_export() RETURNS trigger LANGUAGE plpgsql AS
        $$ BEGIN IF NEW.action = 'export' THEN RAISE EXCEPTION 'audit store down'; END IF; RETURN NEW; END $$`);
      await db.execute(sql`CREATE TRIGGER gk_test_refuse_export BEFORE INSERT ON audit_log
        FOR EACH ROW EXECUTE FUNCTION gk_test_refuse_export()`);
      expect((await office.get('/api/org/users/export')).status).toBe(500);
      const [sec] = await db.select().from(users).where(eq(users.username, 'secadmin'));
      const bell = await db.select().from(notifications).where(eq(notifications.userId, sec!.id));
      expect(bell.map((n) => n.title)).toContain('审计日志写入失败，相关操作已被拒绝');
    } finally {
      await other.close();
    }
  });
});

describe('durability guard', () => {
  it.each([
    [{ fsync: 'on', synchronous_commit: 'on', full_page_writes: 'on' }, []],
    [{ fsync: 'off', synchronous_commit: 'on', full_page_writes: 'on' }, ['fsync']],
    [
      { fsync: 'on', synchronous_commit: 'off', full_page_writes: 'off' },
      ['synchronous_commit', 'full_page_writes'],
    ],
    [{ fsync: 'on', synchronous_commit: 'local', full_page_writes: 'on' }, []],
  ])('%o → %o', (values, off) => {
    expect(unsafeDurability(values)).toEqual(off);
  });

  it('refuses a database with synchronous_commit off unless allowed, and passes the test servers as they are', async () => {
    const warnings: string[] = [];
    await expect(guardDurability(api.tdb.database, false, (m) => warnings.push(m))).resolves.toBeUndefined();
    const client = await api.tdb.database.pool.connect();
    try {
      await client.query('SET synchronous_commit = off');
      // pg_settings shows this session's value: a pool of one connection stands for a server configured so.
      await expect(
        guardDurability({ pool: { query: client.query.bind(client) } as never }, false, () => {}),
      ).rejects.toThrow(/synchronous_commit=off/);
      await expect(
        guardDurability({ pool: { query: client.query.bind(client) } as never }, true, (m) =>
          warnings.push(m),
        ),
      ).resolves.toBeUndefined();
      expect(warnings.join()).toContain('synchronous_commit=off');
    } finally {
      await client.query('RESET synchronous_commit');
      client.release();
    }
  });
});
