// Point-in-time recovery with the embedded binaries alone (they ship no pg_basebackup): continuous WAL archiving
// by archive_command, a base backup by PostgreSQL's low-level API (pg_backup_start, a file copy, pg_backup_stop
// with its backup_label), and a restore into a scratch data directory that replays the archive up to a moment.
// `tableFingerprints` gives each table's row count and checksum, to compare a restored copy with its source.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { osUser, startEmbedded } from './embedded';

/** Server settings that copy every finished WAL segment into `archiveDir` (never over an existing file). */
export function archiveSettings(archiveDir: string): Record<string, string> {
  return {
    archive_mode: 'on',
    wal_level: 'replica',
    archive_command: `test ! -f ${archiveDir}/%f && cp %p ${archiveDir}/%f`,
  };
}

/** Creates the archive directory (PostgreSQL's, since it writes there) and returns it. */
export function prepareArchive(dir: string): string {
  fs.mkdirSync(dir, { recursive: true });
  giveToPostgres(dir);
  return dir;
}

/** Makes `dir` (recursively) PostgreSQL's when it runs as its own system user; 0700 as it requires. */
export function giveToPostgres(dir: string): void {
  fs.chmodSync(dir, 0o700);
  const owner = osUser();
  if (!owner) return;
  const walk = (p: string) => {
    fs.chownSync(p, owner.uid, owner.gid);
    if (fs.statSync(p).isDirectory()) for (const e of fs.readdirSync(p)) walk(path.join(p, e));
  };
  walk(dir);
}

/** What a base backup leaves out: WAL (replayed from the archive), and files of the running server. */
const SKIP = new Set(['postmaster.pid', 'postmaster.opts', 'pg_internal.init']);
const EMPTY = new Set([
  'pg_wal',
  'pg_replslot',
  'pg_stat_tmp',
  'pg_dynshmem',
  'pg_notify',
  'pg_serial',
  'pg_snapshots',
  'pg_subtrans',
]);

/**
 * Takes a base backup of the running cluster `pgDir` into `dest` (a data directory of its own): backup mode on one
 * session, the files copied, backup mode ended — which waits until the WAL the backup needs is archived — and its
 * backup_label written beside the files.
 */
export async function takeBaseBackup(superUrl: string, pgDir: string, dest: string): Promise<void> {
  const c = new pg.Client({ connectionString: superUrl });
  await c.connect();
  try {
    await c.query(`SELECT pg_backup_start('gongkai base backup', true)`);
    fs.cpSync(pgDir, dest, {
      recursive: true,
      filter: (src) => {
        const rel = path.relative(pgDir, src);
        const [top] = rel.split(path.sep);
        if (SKIP.has(path.basename(src))) return false;
        // The directory itself is kept (PostgreSQL needs it), not what is in it.
        return !(top && EMPTY.has(top) && rel !== top);
      },
    });
    const r = await c.query<{ labelfile: string; spcmapfile: string | null }>(
      'SELECT labelfile, spcmapfile FROM pg_backup_stop(true)',
    );
    fs.writeFileSync(path.join(dest, 'backup_label'), r.rows[0]!.labelfile);
    if (r.rows[0]!.spcmapfile) fs.writeFileSync(path.join(dest, 'tablespace_map'), r.rows[0]!.spcmapfile);
  } finally {
    await c.end();
  }
  giveToPostgres(dest);
}

/**
 * Prepares a copy of a base backup to start as a restore: WAL from `archiveDir` replayed up to `target` (commits
 * after it are not applied), then the server opens for writes.
 */
export function prepareRestore(pgDir: string, archiveDir: string, target: Date | { name: string }): void {
  fs.appendFileSync(
    path.join(pgDir, 'postgresql.auto.conf'),
    [
      `restore_command = 'cp ${archiveDir}/%f %p'`,
      target instanceof Date
        ? // PostgreSQL's own timestamp syntax (it refuses the ISO 'T' and 'Z').
          `recovery_target_time = '${target.toISOString().replace('T', ' ').replace('Z', '+00')}'`
        : `recovery_target_name = '${target.name.replace(/[^\w-]/g, '')}'`,
      `recovery_target_action = 'promote'`,
      '',
    ].join('\n'),
  );
  fs.writeFileSync(path.join(pgDir, 'recovery.signal'), '');
  giveToPostgres(pgDir);
}

/** Waits until a restoring server has reached its target and opened for writes. */
export async function waitForPromotion(url: string, timeoutMs = 60_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const c = new pg.Client({ connectionString: url });
    try {
      await c.connect();
      const r = await c.query<{ r: boolean }>('SELECT pg_is_in_recovery() AS r');
      if (!r.rows[0]!.r) return;
    } catch {
      // still starting
    } finally {
      await c.end().catch(() => {});
    }
    if (Date.now() > end) throw new Error('恢复未能在规定时间内完成');
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** Each table of the public schema: its row count and an MD5 over its rows in a fixed order. */
export async function tableFingerprints(
  c: pg.ClientBase,
): Promise<Record<string, { rows: number; md5: string }>> {
  const tables = await c.query<{ t: string }>(
    `SELECT quote_ident(relname) AS t FROM pg_class
      WHERE relnamespace = 'public'::regnamespace AND relkind = 'r' ORDER BY relname`,
  );
  const out: Record<string, { rows: number; md5: string }> = {};
  for (const { t } of tables.rows) {
    const r = await c.query<{ rows: number; md5: string }>(
      `SELECT count(*)::int AS rows, md5(coalesce(string_agg(x::text, E'\\n' ORDER BY x::text), '')) AS md5 FROM ${t} x`,
    );
    out[t] = r.rows[0]!;
  }
  return out;
}

/** Waits until the WAL segment `file` is in the archive. */
async function archived(archiveDir: string, file: string, timeoutMs = 60_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!fs.existsSync(path.join(archiveDir, file))) {
    if (Date.now() > end) throw new Error(`WAL 段 ${file} 未能归档，请检查 archive_command 与归档目录`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

export interface DrillResult {
  tables: number;
  rows: number;
  /** Tables whose row count or checksum differ between the source and the restored copy. */
  mismatches: string[];
}

/**
 * The automated restore drill: on the running cluster, with writes to every table held back for the moment (SHARE
 * locks, reads go on), each table's fingerprint is taken and a named restore point written; then `baseBackup` is
 * restored into a scratch data directory, the archive replayed to that point, and the two compared table by table.
 * `dataDir` is Gongkai's data directory (the superuser's password file is copied from it).
 */
export async function restoreDrill(opts: {
  superUrl: string;
  dataDir: string;
  baseBackup: string;
  archiveDir: string;
  scratchRoot?: string;
}): Promise<DrillResult> {
  const name = `gongkai-drill-${Date.now()}`;
  const c = new pg.Client({ connectionString: opts.superUrl });
  await c.connect();
  let expected: Awaited<ReturnType<typeof tableFingerprints>>;
  try {
    // Writers running meanwhile hold some tables and may wait for one this lock already holds. The drill waits for
    // a table at most 200 ms, well before PostgreSQL looks for deadlocks (deadlock_timeout, 1 s by default), so it is
    // always the drill that steps back — never a user's write refused — and it tries again (the writer goes on).
    for (let attempt = 1; ; attempt++) {
      try {
        await c.query('BEGIN');
        await c.query(`SET LOCAL lock_timeout = '200ms'`);
        const tables = await c.query<{ t: string }>(
          `SELECT quote_ident(relname) AS t FROM pg_class WHERE relnamespace = 'public'::regnamespace AND relkind = 'r'`,
        );
        await c.query(`LOCK TABLE ${tables.rows.map((r) => r.t).join(', ')} IN SHARE MODE`);
        expected = await tableFingerprints(c);
        await c.query('SELECT pg_create_restore_point($1)', [name]);
        await c.query('COMMIT');
        break;
      } catch (e) {
        await c.query('ROLLBACK');
        // 55P03: the lock was not granted within lock_timeout; 40P01: a deadlock all the same (a longer wait elsewhere).
        const code = (e as { code?: string }).code;
        if ((code !== '55P03' && code !== '40P01') || attempt >= 60) throw e;
        // A random pause: a writer that loops without rest must not fall into step with the drill's attempts (the
        // drill wins only in a gap between two of its transactions; a CI run lost twenty attempts in a row).
        await new Promise((r) => setTimeout(r, 20 + Math.random() * 180));
      }
    }
    const wal = await c.query<{ f: string }>('SELECT pg_walfile_name(pg_switch_wal()) AS f');
    await archived(opts.archiveDir, wal.rows[0]!.f);
  } finally {
    await c.end();
  }
  const scratch = fs.mkdtempSync(path.join(opts.scratchRoot ?? os.tmpdir(), 'gk-drill-'));
  fs.chmodSync(scratch, 0o755);
  try {
    fs.copyFileSync(path.join(opts.dataDir, 'pg-password'), path.join(scratch, 'pg-password'));
    fs.cpSync(opts.baseBackup, path.join(scratch, 'pg'), { recursive: true });
    prepareRestore(path.join(scratch, 'pg'), opts.archiveDir, { name });
    const restored = await startEmbedded(scratch);
    try {
      await waitForPromotion(restored.url);
      const r = new pg.Client({ connectionString: restored.url });
      await r.connect();
      try {
        const got = await tableFingerprints(r);
        const names = [...new Set([...Object.keys(expected), ...Object.keys(got)])].sort();
        return {
          tables: names.length,
          rows: Object.values(expected).reduce((n, t) => n + t.rows, 0),
          mismatches: names.filter((t) => JSON.stringify(expected[t]) !== JSON.stringify(got[t])),
        };
      } finally {
        await r.end();
      }
    } finally {
      await restored.stop();
    }
  } finally {
    fs.rmSync(scratch, { recursive: true, force: true });
  }
}
