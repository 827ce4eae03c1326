// @embedded-only: starts its own embedded PostgreSQL and never uses the test server; the external pass leaves it out.
// The `gongkai` command as a user runs it (a real process through bin/gongkai.js).
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { run } from '../run';

const ROOT = path.resolve(import.meta.dirname, '../..');
const SEED_000 = path.resolve(ROOT, '../shared/seeds/000_4dfb44639754fa34.txt');
// A private data dir: the CLI must not find (or start) anyone's real Gongkai.
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gk-cli-'));
fs.chmodSync(dataDir, 0o755);
const env = { ...process.env, GONGKAI_DATA_DIR: dataDir, DATABASE_URL: '' };
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

function gongkai(...args: string[]) {
  return gongkaiWith({}, ...args);
}
function gongkaiWith(extra: Record<string, string>, ...args: string[]) {
  return run(process.execPath, ['bin/gongkai.js', ...args], {
    cwd: ROOT,
    env: { ...env, ...extra },
    timeout: 60_000,
  });
}

describe('gongkai CLI', () => {
  it('--help lists every command', async () => {
    const r = await gongkai('--help');
    expect(r.status).toBe(0);
    for (const cmd of [
      'start',
      'build-admin',
      'db',
      'backup',
      'restore',
      'pitr',
      'import',
      'workdays',
      'audit',
    ])
      expect(r.stdout).toContain(cmd);
  });

  it.each([
    [['workdays', 'add', '2026-09-28', '20'], '2026-10-30'],
    [['workdays', 'add', '2025-12-31', '20'], '2026-01-29'],
    [['workdays', 'add', '2026-02-10', '7'], '2026-02-26'],
    [['workdays', 'is', '2026-10-10'], 'true'],
    [['workdays', 'is', '2026-02-16'], 'false'],
    [['workdays', 'is', '2025-09-28'], 'true'],
  ])('%j → %s', async (args, expected) => {
    const r = await gongkai(...args);
    expect(r.status).toBe(0);
    expect(r.stdout.trim()).toBe(expected);
  });

  it('marks a result past the loaded years as provisional', async () => {
    const r = await gongkai('workdays', 'add', '2026-12-30', '20');
    expect(r.status).toBe(0);
    expect(r.stderr).toContain('provisional');
  });

  it('refuses an impossible date in Chinese', async () => {
    const r = await gongkai('workdays', 'is', '2026-02-30');
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('日期「2026-02-30」无效');
  });

  it('import group --json prints the notice without touching a database', async () => {
    const r = await gongkai('import', 'group', SEED_000, '--json');
    expect(r.status).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j).toMatchObject({
      docNumber: '潼南府办〔2023〕18号',
      date: '2023-04-12',
      leader: { name: '曾伟' },
      officeDirector: '汤青青',
    });
    expect(j.memberUnits).toHaveLength(25);
    expect(j.duties).toHaveLength(25);
    expect(fs.existsSync(path.join(dataDir, 'pg'))).toBe(false);
  });

  // Ctrl-C at a terminal, and what systemd, Docker and Kubernetes send to stop a service.
  it.each([
    ['Ctrl-C (SIGINT)', 'SIGINT'],
    ['SIGTERM', 'SIGTERM'],
  ] as const)('start stops PostgreSQL cleanly on %s and keeps the data', async (_what, signal) => {
    const child = spawn(process.execPath, ['bin/gongkai.js', 'start', '--only', 'portal'], {
      cwd: ROOT,
      env: { ...env, PORT: '0', GONGKAI_ADMIN_PASSWORD: 'Adm1n#Gongkai', GONGKAI_DEMO: '0' },
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
    });
    child.stderr.on('data', (d: Buffer) => {
      err += d.toString();
    });
    const deadline = Date.now() + 60_000;
    while (!out.includes('Gongkai 已启动') && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 200));
    expect(out).toContain('Gongkai 已启动');
    const [code, killedBy] = await new Promise<[number | null, NodeJS.Signals | null]>((resolve) => {
      child.on('exit', (c, s) => resolve([c, s]));
      child.kill(signal);
    });
    // The handlers are installed before the line is printed: two CI runs saw the signal, sent on seeing the line,
    // meet Node's default action (killed by SIGINT, PostgreSQL left running) when they were installed after it.
    expect({ code, killedBy }, `stdout: ${out.slice(-500)}\nstderr: ${err.slice(-1500)}`).toEqual({
      code: 0,
      killedBy: null,
    });
    expect(out).toContain('正在停止');
    expect(fs.existsSync(path.join(dataDir, 'pg', 'postmaster.pid'))).toBe(false);
    expect(fs.existsSync(path.join(dataDir, 'gongkai.lock'))).toBe(false);
    // The command line finds the same data again: the audit chain written by the first start verifies.
    const v = await gongkai('audit', 'verify');
    expect(v.status).toBe(0);
    expect(v.stdout).toContain('审计链完整');
  });
  it('pitr: with WAL archiving on, a base backup of the running server and the restore drill pass', async () => {
    const archive = path.join(dataDir, 'wal-archive');
    const walEnv = { GONGKAI_WAL_ARCHIVE_DIR: archive };
    const child = spawn(process.execPath, ['bin/gongkai.js', 'start', '--only', 'portal'], {
      cwd: ROOT,
      env: { ...env, ...walEnv, PORT: '0', GONGKAI_ADMIN_PASSWORD: 'Adm1n#Gongkai', GONGKAI_DEMO: '0' },
    });
    let out = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
    });
    try {
      const deadline = Date.now() + 60_000;
      while (!out.includes('Gongkai 已启动') && Date.now() < deadline)
        await new Promise((r) => setTimeout(r, 200));
      expect(out).toContain('Gongkai 已启动');
      const base = await gongkaiWith(walEnv, 'pitr', 'base-backup', path.join(dataDir, 'base'));
      expect(base.status, base.stderr).toBe(0);
      const dir = /基础备份已完成：(.+)$/m.exec(base.stdout)![1]!;
      expect(fs.existsSync(path.join(dir, 'backup_label'))).toBe(true);
      const drill = await gongkaiWith(walEnv, 'pitr', 'drill', dir);
      expect(drill.status, drill.stderr).toBe(0);
      expect(drill.stdout).toMatch(/恢复演练通过：\d+ 张表/);
      expect(fs.readdirSync(archive).length).toBeGreaterThan(0);
    } finally {
      await new Promise<void>((resolve) => {
        child.on('exit', () => resolve());
        child.kill('SIGTERM');
      });
    }
    // Without a running server the commands say what is missing.
    const idle = await gongkaiWith(walEnv, 'pitr', 'base-backup', path.join(dataDir, 'base'));
    expect(idle.status).not.toBe(0);
    expect(idle.stderr).toContain('请先启动 Gongkai');
  }, 180_000);
});
