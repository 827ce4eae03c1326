// The embedded PostgreSQL keeps data across restarts and refuses a second Gongkai on the same data dir;
// backup → restore round-trips every table.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { count, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { backupTo, restoreFrom } from '../../src/server/backup';
import { loadConfig } from '../../src/server/config';
import { auditLog, disclosureItems, units, users } from '../../src/server/db/schema';
import { startServer } from '../../src/server/main';
import { verifyAuditChain } from '../../src/server/platform/audit/audit';
import { createTestDatabase } from '../db';

describe('embedded PostgreSQL lifecycle', () => {
  it('data survives a restart; a second instance on the same data dir is refused', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gk-restart-'));
    fs.chmodSync(dir, 0o755);
    const config = loadConfig(
      {},
      {
        dataDir: dir,
        databaseUrl: null,
        port: 0,
        host: '127.0.0.1',
        adminPassword: 'Adm1n#Gongkai',
        demo: false,
        jobs: false,
        logLevel: 'error',
      },
    );
    try {
      const first = await startServer(config, { print: () => {}, buildAdmin: false });
      const root = (await first.db.database.db.select().from(units))[0]!;
      await first.db.database.db
        .insert(units)
        .values({ name: '区重启测试局', kind: 'department', parentId: root.id });
      // A second Gongkai process on the same data dir is refused with a clear message.
      const other = spawnSync(process.execPath, ['bin/gongkai.js', 'start', '--only', 'portal'], {
        env: { ...process.env, GONGKAI_DATA_DIR: dir, PORT: '0', DATABASE_URL: '' },
        encoding: 'utf8',
        timeout: 60_000,
      });
      expect(other.status).toBe(1);
      expect(other.stderr).toContain('正由另一个 Gongkai 进程');
      await first.stop();
      expect(fs.existsSync(path.join(dir, 'pg', 'postmaster.pid'))).toBe(false);
      const second = await startServer(config, { print: () => {}, buildAdmin: false });
      const found = await second.db.database.db.select().from(units).where(eq(units.name, '区重启测试局'));
      expect(found).toHaveLength(1);
      expect((await second.db.database.db.select({ n: count() }).from(users))[0]!.n).toBe(1);
      const health = await fetch(`${second.url}/api/health`);
      expect(await health.json()).toMatchObject({ status: 'ok', db: 'ok' });
      await second.stop();
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('backup and restore', () => {
  it('round-trips all data', async () => {
    const tdb = await createTestDatabase();
    const file = path.join(os.tmpdir(), `gk-backup-${process.pid}.dump`);
    try {
      const { bootstrap } = await import('../../src/server/bootstrap');
      await bootstrap(
        tdb.database,
        loadConfig({}, { demo: true, adminPassword: 'Adm1n#Gongkai', demoPassword: 'Demo#Gongkai1' }),
        () => {},
      );
      const snapshot = async () => ({
        units: (await tdb.database.db.select().from(units)).map((u) => u.name).sort(),
        users: (await tdb.database.db.select().from(users))
          .map((u) => `${u.username}:${u.passwordHash}`)
          .sort(),
        audit: (await tdb.database.db.select().from(auditLog)).map((a) => a.hash),
        // The demo's sample items (npm start's defaults): disclosure data is in the backup too.
        items: (await tdb.database.db.select().from(disclosureItems)).map((i) => i.title).sort(),
      });
      const before = await snapshot();
      expect(before.units.length).toBeGreaterThan(30);
      expect(before.items.length).toBeGreaterThan(0);
      await backupTo(tdb.url, file);
      expect(fs.statSync(file).size).toBeGreaterThan(1000);
      // Damage the data after the backup.
      await tdb.database.db.delete(users).where(eq(users.username, 'leader'));
      await tdb.database.db.delete(disclosureItems);
      await tdb.database.db.insert(units).values({ name: '区备份后新增局', kind: 'government' });
      await restoreFrom(tdb.url, file);
      expect(await snapshot()).toEqual(before);
      expect((await verifyAuditChain(tdb.database)).ok).toBe(true);
    } finally {
      fs.rmSync(file, { force: true });
      await tdb.drop();
    }
  });
});
