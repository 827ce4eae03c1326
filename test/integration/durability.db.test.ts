// SECURITY.md 17 and 40: audit is fail-closed (a write whose audit row cannot be stored does not happen, and the
// answer is a generic error), and Gongkai refuses a database that may lose acknowledged writes.
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { guardDurability, unsafeDurability } from '../../src/server/db/roles';
import { units } from '../../src/server/db/schema';
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
