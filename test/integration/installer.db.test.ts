// SECURITY.md 7, the installer: a first start without GONGKAI_ADMIN_PASSWORD creates the one initial account with a
// random password shown once, which must be changed before anything else; no other (default or shared) account
// exists, and a second start creates nothing more.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkPassword, DEFAULT_PASSWORD_POLICY } from '../../src/domain/security/password-policy';
import { buildApp } from '../../src/server/app';
import { bootstrap } from '../../src/server/bootstrap';
import { loadConfig } from '../../src/server/config';
import { users } from '../../src/server/db/schema';
import type { Platform } from '../../src/server/platform/context';
import { fieldKeysOf } from '../../src/server/platform/crypto/fields';
import { Client, NEW_PASSWORD } from '../api';
import { createTestDatabase, type TestDatabase } from '../db';

const config = loadConfig({}, { demo: false, demoContent: false, logLevel: 'error', require2fa: false });
const installs: TestDatabase[] = [];
afterAll(async () => {
  for (const t of installs) await t.drop();
});

/** A fresh database started once: what the installer printed, and the app over it. */
async function install() {
  const tdb = await createTestDatabase();
  installs.push(tdb);
  const printed: string[] = [];
  await bootstrap(tdb.database, config, (m) => printed.push(m));
  let now = new Date('2026-03-02T09:00:00+08:00').getTime();
  const platform: Platform = {
    database: tdb.database,
    config,
    clock: { now: () => new Date(now) },
    fieldKeys: fieldKeysOf(config.fieldKeysFile),
    log: () => {},
  };
  const password = /初始密码（只显示这一次，请妥善保存）：(\S+)/.exec(printed.join('\n'))?.[1];
  // A quiet spell longer than the lock duration: the next guess meets no delay left by the last.
  const later = () => {
    now += 31 * 60_000;
  };
  return { tdb, printed, password, app: buildApp(platform), later };
}

let first: Awaited<ReturnType<typeof install>>;
let second: Awaited<ReturnType<typeof install>>;
beforeAll(async () => {
  first = await install();
  second = await install();
});

describe('first start (installer)', () => {
  it('creates admin alone, with a random password that meets the policy, different on every install', async () => {
    expect(first.password).toBeDefined();
    expect(second.password).toBeDefined();
    expect(first.password).not.toBe(second.password);
    expect(first.password!.length).toBeGreaterThanOrEqual(16);
    expect(checkPassword(first.password!, DEFAULT_PASSWORD_POLICY, { username: 'admin' })).toEqual([]);
    const rows = await first.tdb.database.db.select().from(users);
    expect(rows.map((u) => [u.username, u.mustChangePassword])).toEqual([['admin', true]]);
  });

  it('no default credentials: common guesses fail; the printed password must be changed before anything else', async () => {
    for (const guess of ['admin', 'admin123', 'Admin@123', '123456', 'password']) {
      first.later();
      expect((await new Client(first.app).login('admin', guess)).status).toBe(401);
    }
    first.later();
    const c = new Client(first.app);
    const r = await c.login<{ mustChangePassword: boolean }>('admin', first.password!);
    expect(r.status).toBe(200);
    expect(r.body.data!.mustChangePassword).toBe(true);
    const blocked = await c.get('/api/org/users');
    expect(blocked.status).toBe(403);
    expect(blocked.body.error?.code).toBe('PASSWORD_CHANGE_REQUIRED');
    expect(
      (await c.post('/api/auth/password', { oldPassword: first.password, newPassword: NEW_PASSWORD })).status,
    ).toBe(200);
    expect((await c.get('/api/org/users')).status).toBe(200);
  });

  it('a second start creates no account and prints no password', async () => {
    const printed: string[] = [];
    await bootstrap(first.tdb.database, config, (m) => printed.push(m));
    expect(printed.join('\n')).not.toContain('初始密码');
    expect((await first.tdb.database.db.select().from(users)).map((u) => u.username)).toEqual(['admin']);
  });
});
