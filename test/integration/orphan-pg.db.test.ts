// @embedded-only: starts its own embedded PostgreSQL and never uses the test server; the external pass leaves it out.
// Issue 10 part 8: after `kill -9` of the server its embedded PostgreSQL keeps running; the next start recognises
// it as its own (same data directory, by postmaster.pid), stops it and starts normally.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/server/config';
import { runningPostmaster } from '../../src/server/db/embedded';
import { units } from '../../src/server/db/schema';
import { startServer } from '../../src/server/main';

const ROOT = path.resolve(import.meta.dirname, '../..');

async function waitFor(cond: () => boolean, ms: number): Promise<boolean> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (cond()) return true;
    await new Promise((r) => setTimeout(r, 200));
  }
  return cond();
}

describe('orphaned embedded PostgreSQL', () => {
  it('kill -9 of the server: the next start stops the orphan and starts normally, data kept', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gk-orphan-'));
    fs.chmodSync(dir, 0o755);
    const pgDir = path.join(dir, 'pg');
    try {
      const child = spawn(process.execPath, ['bin/gongkai.js', 'start', '--only', 'portal'], {
        cwd: ROOT,
        env: {
          ...process.env,
          GONGKAI_DATA_DIR: dir,
          DATABASE_URL: '',
          PORT: '0',
          GONGKAI_ADMIN_PASSWORD: 'Adm1n#Gongkai',
          GONGKAI_DEMO: '0',
          GONGKAI_JOBS: '0',
        },
      });
      let out = '';
      child.stdout.on('data', (d: Buffer) => {
        out += d.toString();
      });
      child.stderr.on('data', (d: Buffer) => {
        out += d.toString();
      });
      expect(await waitFor(() => out.includes('Gongkai 已启动'), 90_000), out).toBe(true);
      const orphan = runningPostmaster(pgDir);
      expect(orphan).toMatchObject({ ours: true });
      await new Promise<void>((resolve) => {
        child.on('exit', () => resolve());
        child.kill('SIGKILL');
      });
      // The server is gone; its PostgreSQL is not.
      expect(runningPostmaster(pgDir)?.pid).toBe(orphan!.pid);

      const messages: string[] = [];
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
      const server = await startServer(config, { print: (m) => messages.push(m), buildAdmin: false });
      try {
        expect(messages.join('\n')).toContain(`遗留的内置 PostgreSQL（PID ${orphan!.pid}）`);
        const now = runningPostmaster(pgDir);
        expect(now?.ours).toBe(true);
        expect(now?.pid).not.toBe(orphan!.pid);
        // What the first start wrote is there: the root units of its bootstrap.
        const gov = await server.db.database.db.select().from(units).where(eq(units.kind, 'government'));
        expect(gov.length).toBeGreaterThan(0);
        const health = await fetch(`${server.url}/api/health`);
        expect(await health.json()).toMatchObject({ status: 'ok', db: 'ok' });
      } finally {
        await server.stop();
      }
      expect(runningPostmaster(pgDir)).toBeNull();
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a postmaster.pid naming another data directory is not ours and is never stopped', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gk-orphan-foreign-'));
    try {
      // This test process is alive: a pid file pointing at it with a different data directory.
      fs.writeFileSync(path.join(dir, 'postmaster.pid'), `${process.pid}\n/somewhere/else\n`);
      expect(runningPostmaster(dir)).toEqual({ pid: process.pid, ours: false });
      fs.writeFileSync(path.join(dir, 'postmaster.pid'), `${process.pid}\n${dir}\n`);
      // Same directory, but the live process is not a postgres started on it (a reused pid).
      expect(runningPostmaster(dir)).toEqual({ pid: process.pid, ours: false });
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
