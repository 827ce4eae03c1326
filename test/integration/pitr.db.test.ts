// @embedded-only: starts its own embedded PostgreSQL and never uses the test server; the external pass leaves it out.
// Requirement 40's restore drill: an embedded cluster with continuous WAL archiving and the Gongkai schema; a base
// backup; writes before and after a moment T; the archive flushed; the base backup restored into a scratch data
// directory up to T. Every table's row count and checksum equal the source's at T, and the writes after T are not
// there. Then the drill as Gongkai runs it (restoreDrill, `gongkai pitr drill`): a named restore point taken while a
// writer keeps writing, the restored copy equal to the source at that point, table by table.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, expect, it } from 'vitest';
import { connect, runMigrations } from '../../src/server/db/client';
import { type EmbeddedHandle, startEmbedded } from '../../src/server/db/embedded';
import {
  archiveSettings,
  giveToPostgres,
  prepareRestore,
  restoreDrill,
  tableFingerprints,
  takeBaseBackup,
  waitForPromotion,
} from '../../src/server/db/pitr';

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'gk-pitr-'));
fs.chmodSync(root, 0o755);
const source = path.join(root, 'source');
const scratch = path.join(root, 'scratch');
const archive = path.join(root, 'archive');
const handles: EmbeddedHandle[] = [];
let src: EmbeddedHandle;
afterAll(async () => {
  for (const h of handles) await h.stop();
  fs.rmSync(root, { recursive: true, force: true });
}, 60_000);

async function client(url: string): Promise<pg.Client> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  return c;
}

/** Writes `n` settings and moves a counter: real tables of the schema, one transaction. */
async function write(c: pg.Client, batch: string, n: number) {
  await c.query('BEGIN');
  for (let i = 0; i < n; i++)
    await c.query('INSERT INTO settings (key, value) VALUES ($1, $2)', [
      `drill.${batch}.${i}`,
      JSON.stringify({ batch, i }),
    ]);
  await c.query(
    `INSERT INTO counters (name, value) VALUES ('drill', 1) ON CONFLICT (name) DO UPDATE SET value = counters.value + 1`,
  );
  await c.query('COMMIT');
}

it('a base backup plus archived WAL restores to a point in time: row counts and checksums match', async () => {
  fs.mkdirSync(archive);
  giveToPostgres(archive);
  fs.chmodSync(archive, 0o755);
  src = await startEmbedded(source, () => {}, { settings: archiveSettings(archive) });
  handles.push(src);
  const schema = connect(src.url, 2);
  await runMigrations(schema);
  await schema.close();

  const c = await client(src.url);
  await write(c, 'before-backup', 20);
  const backup = path.join(root, 'base');
  await takeBaseBackup(src.url, path.join(source, 'pg'), backup);
  expect(fs.existsSync(path.join(backup, 'backup_label'))).toBe(true);

  // After the backup: kept by the restore (before T) …
  await write(c, 'before-target', 15);
  await c.query(`DELETE FROM settings WHERE key = 'drill.before-backup.0'`);
  const atTarget = await tableFingerprints(c);
  const target = (await c.query<{ t: Date }>('SELECT clock_timestamp() AS t')).rows[0]!.t;
  await new Promise((r) => setTimeout(r, 1100));
  // … and not (after T).
  await write(c, 'after-target', 7);
  await c.query(`UPDATE settings SET value = '"changed"' WHERE key LIKE 'drill.before-target.%'`);
  const atEnd = await tableFingerprints(c);
  const { rows } = await c.query<{ wal: string }>('SELECT pg_walfile_name(pg_switch_wal()) AS wal');
  await c.end();
  // The segment holding the last commits reaches the archive.
  const end = Date.now() + 30_000;
  while (!fs.existsSync(path.join(archive, rows[0]!.wal)) && Date.now() < end)
    await new Promise((r) => setTimeout(r, 200));
  expect(fs.existsSync(path.join(archive, rows[0]!.wal))).toBe(true);
  expect(atEnd).not.toEqual(atTarget);

  // The drill: the base backup restored into a scratch data directory, replayed up to T.
  fs.mkdirSync(scratch);
  fs.copyFileSync(path.join(source, 'pg-password'), path.join(scratch, 'pg-password'));
  fs.renameSync(backup, path.join(scratch, 'pg'));
  prepareRestore(path.join(scratch, 'pg'), archive, target);
  const restored = await startEmbedded(scratch);
  handles.push(restored);
  await waitForPromotion(restored.url);
  const r = await client(restored.url);
  try {
    const got = await tableFingerprints(r);
    expect(Object.keys(got).length).toBeGreaterThan(40);
    expect(got).toEqual(atTarget);
    const drill = await r.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM settings WHERE key LIKE 'drill.%'`,
    );
    expect(drill.rows[0]!.n).toBe(20 - 1 + 15);
  } finally {
    await r.end();
  }
}, 180_000);

it('the restore drill: a restore point taken under concurrent writes, every table equal at that point', async () => {
  const base = path.join(root, 'base2');
  await takeBaseBackup(src.url, path.join(source, 'pg'), base);
  const c = await client(src.url);
  let writing = true;
  let batches = 0;
  const writer = (async () => {
    while (writing) {
      await write(c, `during-drill-${batches}`, 3);
      batches++;
    }
  })();
  try {
    await new Promise((r) => setTimeout(r, 300));
    const result = await restoreDrill({
      superUrl: src.url,
      dataDir: source,
      baseBackup: base,
      archiveDir: archive,
      scratchRoot: root,
    });
    expect(result.tables).toBeGreaterThan(40);
    expect(result.rows).toBeGreaterThan(30);
    expect(result.mismatches).toEqual([]);
  } finally {
    writing = false;
    await writer;
    await c.end();
  }
  // The writer really wrote around the restore point (the drill had something to tell apart).
  expect(batches).toBeGreaterThan(2);
}, 180_000);
