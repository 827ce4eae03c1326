// Per-test-file database: a clone of the migrated template (or of the seeded one: the migrated template after the
// bootstrap of test/config.ts's configuration, the demo district included), dropped afterwards.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
import { connect, type Database } from '../src/server/db/client';
import { ensureLoginRole } from '../src/server/db/roles';

export interface TestDatabase {
  database: Database;
  url: string;
  drop(): Promise<void>;
}

export async function createTestDatabase(opts: { seeded?: boolean } = {}): Promise<TestDatabase> {
  const adminUrl = inject('pgAdminUrl');
  const template = inject('pgTemplate');
  const name = `gk_t${randomBytes(4).toString('hex')}_${template.split('_').pop()}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(
    `CREATE DATABASE ${name} TEMPLATE ${opts.seeded ? inject('pgSeededTemplate') : template}`,
  );
  await admin.end();
  const u = new URL(adminUrl);
  u.pathname = `/${name}`;
  const database = connect(u.toString(), 5);
  return {
    database,
    url: u.toString(),
    async drop() {
      await database.close();
      const c = new pg.Client({ connectionString: adminUrl });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

/** A non-superuser app role on the test server (cluster-wide, shared by every test file): its URL for `tdb`. */
export async function appRoleUrl(tdb: TestDatabase): Promise<string> {
  const role = 'gk_test_app';
  const password = 'gk-test-app-Pw1';
  const admin = new pg.Client({ connectionString: inject('pgAdminUrl') });
  await admin.connect();
  try {
    await ensureLoginRole(admin, role, password);
  } finally {
    await admin.end();
  }
  const u = new URL(tdb.url);
  u.username = role;
  u.password = password;
  return u.toString();
}
