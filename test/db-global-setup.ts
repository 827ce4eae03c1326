// Starts one PostgreSQL for the whole test run and prepares a migrated template database; each test file
// clones it (CREATE DATABASE … TEMPLATE), which takes milliseconds. A second template holds what the bootstrap
// seeds with the tests' usual configuration (test/config.ts: the demo district, its users' argon2id hashes): most
// files clone that one instead of seeding the same rows again (seconds each on a busy 2-core machine). The server is the embedded PostgreSQL by
// default, or the one at TEST_DATABASE_URL (CI runs the suite against both).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { bootstrap } from '../src/server/bootstrap';
import { connect, runMigrations } from '../src/server/db/client';
import { startEmbedded } from '../src/server/db/embedded';
import { seedKey, testConfig } from './config';

declare module 'vitest' {
  export interface ProvidedContext {
    pgAdminUrl: string;
    pgTemplate: string;
    /** The migrated template after `bootstrap` with `testConfig()`; `pgSeedKey` is that configuration's seedKey. */
    pgSeededTemplate: string;
    pgSeedKey: string;
    pgTarget: string;
  }
}

export default async function setup(project: TestProject) {
  const external = process.env.TEST_DATABASE_URL;
  let adminUrl: string;
  let stop: (() => Promise<void>) | null = null;
  let dir: string | null = null;
  if (external) {
    adminUrl = external;
  } else {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gk-test-pg-'));
    fs.chmodSync(dir, 0o755);
    const handle = await startEmbedded(dir, () => {}, { role: 'cli' });
    adminUrl = handle.url.replace(/\/gongkai$/, '/postgres');
    stop = () => handle.stop();
  }
  const template = `gk_tpl_${process.pid}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${template}`);
  await admin.query(`CREATE DATABASE ${template}`);
  await admin.end();
  const tplUrl = withDatabase(adminUrl, template);
  const db = connect(tplUrl, 2);
  await runMigrations(db);
  await db.close();
  const seeded = `${template}_seeded`;
  const admin2 = new pg.Client({ connectionString: adminUrl });
  await admin2.connect();
  await admin2.query(`DROP DATABASE IF EXISTS ${seeded}`);
  await admin2.query(`CREATE DATABASE ${seeded} TEMPLATE ${template}`);
  await admin2.end();
  const seededDb = connect(withDatabase(adminUrl, seeded), 2);
  await bootstrap(seededDb, testConfig(), () => {});
  await seededDb.close();
  project.provide('pgAdminUrl', adminUrl);
  project.provide('pgTemplate', template);
  project.provide('pgSeededTemplate', seeded);
  project.provide('pgSeedKey', seedKey(testConfig()));
  project.provide('pgTarget', external ? 'external' : 'embedded');
  return async () => {
    const c = new pg.Client({ connectionString: adminUrl });
    await c.connect();
    const dbs = await c.query<{ datname: string }>(
      `SELECT datname FROM pg_database WHERE datname LIKE 'gk_t%_${process.pid}%' OR datname = $1`,
      [template],
    );
    for (const r of dbs.rows)
      await c.query(`DROP DATABASE IF EXISTS ${r.datname} WITH (FORCE)`).catch(() => {});
    await c.end();
    if (stop) await stop();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  };
}

export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}
