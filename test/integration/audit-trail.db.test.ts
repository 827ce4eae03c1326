// Issue 10 part 3: an audit trail that survives its own database. The app role cannot rewrite the logs; the
// login log is chained; signed checkpoints outside the database expose a truncated or re-chained log; every
// download is an audit row.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { and, asc, desc, eq, gt, sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AUDIT_OBJECT_LABELS } from '../../src/contracts/audit-labels';
import { loadConfig } from '../../src/server/config';
import type { Database } from '../../src/server/db/client';
import { guardAppRole, inspectAppRole } from '../../src/server/db/roles';
import { auditLog, loginLog, units } from '../../src/server/db/schema';
import { audit } from '../../src/server/platform/audit/audit';
import { auditHash, walkLoginChain } from '../../src/server/platform/audit/chain';
import { verifyAuditTrail, writeCheckpoint } from '../../src/server/platform/audit/checkpoint';
import { systemActor } from '../../src/server/platform/context';
import type { TestApi } from '../api';
import { type AuditHarness, openAuditHarness } from '../audit-harness';

const ROOT = path.resolve(import.meta.dirname, '../..');
let api: TestApi;
let app: Database;
let files: { auditKeyFile: string; auditCheckpointFile: string };

let dir: string;
let harness: AuditHarness;

beforeAll(async () => {
  harness = await openAuditHarness('gk-audit-');
  ({ api, app, files, dir } = harness);
});
afterAll(() => harness.close());

const platform = () => ({ ...api.platform, config: { ...api.platform.config, ...files } });
const sqlState = async (p: Promise<unknown>) => {
  try {
    await p;
    return 'ok';
  } catch (e) {
    return ((e as { cause?: { code?: string } }).cause?.code ?? (e as { code?: string }).code) as string;
  }
};

describe('the app role', () => {
  it('appends to and reads the logs, writes business tables, but cannot rewrite or unprotect the logs', async () => {
    await app.db.transaction((tx) =>
      audit(tx, systemActor('test'), { action: 'test.append', objectType: 't' }),
    );
    expect((await app.db.select().from(auditLog).orderBy(desc(auditLog.seq)).limit(1))[0]!.action).toBe(
      'test.append',
    );
    await app.db.insert(loginLog).values({ username: 'x', result: 'unknown_user' });
    expect(await sqlState(app.db.update(units).set({ sort: 1 }).where(eq(units.kind, 'government')))).toBe(
      'ok',
    );
    // 42501 = insufficient privilege: refused by the grants, not by the triggers the owner could drop.
    for (const stmt of [
      'UPDATE audit_log SET detail = NULL WHERE seq = 1',
      'DELETE FROM audit_log',
      'TRUNCATE audit_log',
      'UPDATE login_log SET ip = NULL',
      'DELETE FROM login_log',
      'ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update',
      'DROP TRIGGER login_log_chain ON login_log',
      // A PIA record (SECURITY.md 34) stays as it was assessed.
      "UPDATE disclosure_pia_records SET purpose = ''",
      'DELETE FROM disclosure_pia_records',
    ]) {
      expect(await sqlState(app.pool.query(stmt)), stmt).toMatch(/^(42501|42809)$/);
    }
    expect(await inspectAppRole(app)).toMatchObject({ superuser: false, canRewriteAudit: false });
  });

  it('a superuser is refused as the app role unless GONGKAI_ALLOW_SUPERUSER=1', async () => {
    const warnings: string[] = [];
    await expect(guardAppRole(api.tdb.database, false, (m) => warnings.push(m))).rejects.toThrow(
      /超级用户.*GONGKAI_ALLOW_SUPERUSER/,
    );
    await expect(guardAppRole(api.tdb.database, true, (m) => warnings.push(m))).resolves.toMatchObject({
      superuser: true,
    });
    expect(warnings.join()).toContain('警告');
    await expect(guardAppRole(app, false, () => {})).resolves.toMatchObject({ superuser: false });
  });
});

describe('the login log chain', () => {
  it('links every login, whoever inserts it, and shows an edited row', async () => {
    await api.anon().post('/api/auth/login', { username: 'office', password: 'wrong-Password1' });
    await api.loginAs('office');
    const ok = await walkLoginChain(api.tdb.database);
    expect(ok.ok).toBe(true);
    expect(ok.checked).toBeGreaterThanOrEqual(3);
    const rows = await api.tdb.database.db.select().from(loginLog).orderBy(asc(loginLog.id));
    expect(rows[0]!.prevHash).toBe('0'.repeat(64));
    for (let i = 1; i < rows.length; i++) expect(rows[i]!.prevHash).toBe(rows[i - 1]!.hash);
    const db = api.tdb.database.db;
    expect(await sqlState(db.execute(sql`UPDATE login_log SET result = 'success'`))).toBe('P0001');
    await db.execute(sql`ALTER TABLE login_log DISABLE TRIGGER login_log_no_update`);
    await db.execute(sql`UPDATE login_log SET result = 'success' WHERE id = ${rows[1]!.id}`);
    await db.execute(sql`ALTER TABLE login_log ENABLE TRIGGER login_log_no_update`);
    const broken = await walkLoginChain(api.tdb.database);
    expect(broken).toMatchObject({ ok: false, firstBrokenSeq: rows[1]!.id });
    expect(broken.message).toContain('登录日志');
    // Put it back for the next tests.
    await db.execute(sql`ALTER TABLE login_log DISABLE TRIGGER login_log_no_update`);
    await db.execute(sql`UPDATE login_log SET result = ${rows[1]!.result} WHERE id = ${rows[1]!.id}`);
    await db.execute(sql`ALTER TABLE login_log ENABLE TRIGGER login_log_no_update`);
    expect((await walkLoginChain(api.tdb.database)).ok).toBe(true);
  });
});

describe('signed checkpoints', () => {
  const addRows = async (n: number) => {
    for (let i = 0; i < n; i++)
      await app.db.transaction((tx) =>
        audit(tx, systemActor('test'), { action: `test.cp.${i}`, objectType: 't', detail: `row ${i}` }),
      );
  };

  it('are written with a key outside the database and verify', async () => {
    const first = await writeCheckpoint(platform());
    expect(first).not.toBeNull();
    expect(fs.statSync(files.auditKeyFile).mode & 0o777).toBe(0o600);
    // Unchanged heads: no new line.
    expect(await writeCheckpoint(platform())).toBeNull();
    await addRows(3);
    const second = await writeCheckpoint(platform());
    expect(second!.audit.seq).toBeGreaterThan(first!.audit.seq);
    const lines = fs.readFileSync(files.auditCheckpointFile, 'utf8').trim().split('\n');
    expect(lines).toHaveLength(2);
    const r = await verifyAuditTrail(api.tdb.database, files);
    expect(r).toMatchObject({ ok: true, checkpoints: 2 });
    expect(r.message).toContain('审计链完整');
  });

  it('expose the newest rows deleted (truncation) — through the CLI too', async () => {
    const db = api.tdb.database.db;
    const cp = JSON.parse(fs.readFileSync(files.auditCheckpointFile, 'utf8').trim().split('\n').pop()!);
    const trail = path.join(dir, 'truncated');
    fs.mkdirSync(trail);
    for (const f of Object.values(files)) fs.copyFileSync(f, path.join(trail, path.basename(f)));
    await db.execute(sql`ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update`);
    const removed = await db
      .delete(auditLog)
      .where(gt(auditLog.seq, cp.audit.seq - 2))
      .returning();
    await db.execute(sql`ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_update`);
    // The chain alone still verifies: the deleted rows were its end.
    const r = await verifyAuditTrail(api.tdb.database, files);
    expect(r.ok).toBe(false);
    expect(r.problems.join()).toMatch(/审计日志被截断.*最新的记录被删除/);

    const cli = spawnSync(process.execPath, ['bin/gongkai.js', 'audit', 'verify'], {
      cwd: ROOT,
      encoding: 'utf8',
      timeout: 60_000,
      env: {
        ...process.env,
        DATABASE_URL: api.tdb.url,
        GONGKAI_ALLOW_SUPERUSER: '1',
        GONGKAI_AUDIT_KEY_FILE: path.join(trail, 'audit-hmac.key'),
        GONGKAI_AUDIT_CHECKPOINTS: path.join(trail, 'audit-checkpoints.jsonl'),
      },
    });
    expect(cli.status, cli.stderr).toBe(3);
    expect(cli.stdout).toContain('被截断');
    // Restore the rows (same content, same hashes) for the next test.
    await db.insert(auditLog).values(removed);
    expect((await verifyAuditTrail(api.tdb.database, files)).ok).toBe(true);
  });

  it('expose a record edited and the chain recomputed after it', async () => {
    const db = api.tdb.database.db;
    const target = (await db.select().from(auditLog).where(eq(auditLog.action, 'test.cp.0')))[0]!;
    await db.execute(sql`ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update`);
    const rows = await db
      .select()
      .from(auditLog)
      .where(gt(auditLog.seq, target.seq - 1))
      .orderBy(asc(auditLog.seq));
    let prev = target.prevHash;
    for (const r of rows) {
      const edited = { ...r, detail: r.seq === target.seq ? 'rewritten history' : r.detail, prevHash: prev };
      const hash = auditHash(edited);
      await db
        .update(auditLog)
        .set({ detail: edited.detail, prevHash: prev, hash })
        .where(and(eq(auditLog.seq, r.seq)));
      prev = hash;
    }
    await db.execute(sql`ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_update`);
    const r = await verifyAuditTrail(api.tdb.database, files);
    expect(r.ok).toBe(false);
    expect(r.problems.join()).toMatch(/重新计算过哈希链/);
  });

  it('a forged checkpoint line fails its signature', async () => {
    const lines = fs.readFileSync(files.auditCheckpointFile, 'utf8').trim().split('\n');
    const cp = JSON.parse(lines[0]!);
    cp.audit.seq = 1;
    fs.appendFileSync(files.auditCheckpointFile, `${JSON.stringify(cp)}\n`);
    const r = await verifyAuditTrail(api.tdb.database, files);
    expect(r.problems.join()).toMatch(/签名不符/);
  });

  it('without the key only the chains are checked, and it says so', async () => {
    const r = await verifyAuditTrail(api.tdb.database, {
      auditKeyFile: path.join(dir, 'none.key'),
      auditCheckpointFile: files.auditCheckpointFile,
    });
    expect(r.message).toContain('未找到检查点密钥');
  });

  it('defaults to files beside the data directory', () => {
    const c = loadConfig({ GONGKAI_DATA_DIR: '/srv/gk' });
    expect(c.auditKeyFile).toBe('/srv/gk/audit-hmac.key');
    expect(c.auditCheckpointFile).toBe('/srv/gk/audit-checkpoints.jsonl');
  });
});

describe('exports are audited', () => {
  it('a download writes an export row naming the file and its filters', async () => {
    const auditor = await api.loginAs('auditor');
    const res = await auditor.get('/api/audit/logs/export?action=org.unit');
    expect(res.status).toBe(200);
    const [row] = await api.tdb.database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'export'))
      .orderBy(desc(auditLog.seq))
      .limit(1);
    expect(row).toMatchObject({
      username: 'auditor',
      objectType: 'file',
      objectId: '/api/audit/logs/export',
    });
    expect(JSON.parse(row!.detail!)).toMatchObject({ filename: '审计日志.xlsx', query: '?action=org.unit' });
  });

  it('the file reads in Chinese: China time, action and object type names, system jobs named', async () => {
    await audit(api.tdb.database.db, systemActor('media.availability'), {
      action: 'media.availability.sample',
      objectType: 'media_website',
      objectId: null,
      detail: null,
    });
    const auditor = await api.loginAs('auditor');
    const res = await auditor.request('GET', '/api/audit/logs/export?action=media.availability');
    expect(res.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await res.raw.arrayBuffer());
    const ws = wb.worksheets[0]!;
    const head = Array.from({ length: ws.columnCount }, (_, i) => String(ws.getRow(1).getCell(i + 1).value));
    const row = Object.fromEntries(head.map((h, i) => [h, ws.getRow(2).getCell(i + 1).value]));
    expect(ws.rowCount).toBe(2);
    expect(row).toMatchObject({
      用户: '系统（网站可用性监测）',
      操作代码: 'media.availability.sample',
      对象类型: AUDIT_OBJECT_LABELS.media_website,
    });
    expect(row.操作).toMatch(/[\u4e00-\u9fff]/);
    expect(row.北京时间).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
  });

  it('no row, no file: a failing audit write refuses the download', async () => {
    const c = new pg.Client({ connectionString: api.tdb.url });
    await c.connect();
    await c.query(`CREATE OR REPLACE FUNCTION gk_test_fail() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN IF NEW.action = 'export' THEN RAISE EXCEPTION 'audit down'; END IF; RETURN NEW; END $$`);
    await c.query(
      'CREATE TRIGGER zz_test_fail BEFORE INSERT ON audit_log FOR EACH ROW EXECUTE FUNCTION gk_test_fail()',
    );
    try {
      const auditor = await api.loginAs('auditor');
      const res = await auditor.get('/api/audit/logs/export');
      expect(res.status).toBe(500);
      expect(res.headers.get('content-disposition')).toBeNull();
      expect(res.body.error?.message).toContain('审计');
    } finally {
      await c.query('DROP TRIGGER zz_test_fail ON audit_log');
      await c.end();
    }
  });
});
