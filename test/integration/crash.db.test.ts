// @embedded-only: starts its own embedded PostgreSQL and never uses the test server; the external pass leaves it out.
// Requirement 40's crash harness. A real server on its own embedded PostgreSQL; concurrent writers submit through
// the real HTTP routes — the portal's 依申请公开 form and the console's registration API — and record every id the
// server acknowledged (a 2xx with its query code). At a seeded random moment the app is killed with SIGKILL (round
// 1), then PostgreSQL's postmaster (round 2). After each restart every acknowledged submission is there; at the end
// every request is sent again with its request id (the form's rid, the API's Idempotency-Key): the acknowledged
// ones answer the same case, the unanswered ones are stored once, and nothing is duplicated. Then amcheck checks
// every B-tree index against its table and every table's heap, and every foreign key and CHECK constraint is
// re-evaluated over the data.
import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { chinaDate } from '../../src/domain/calendar';
import { runningEmbeddedUrl, runningPostmaster } from '../../src/server/db/embedded';

const ROOT = path.resolve(import.meta.dirname, '../..');
const DEMO_PASSWORD = 'Demo#Gongkai1';
/** The seed of the kill moments: printed with a failure so the run can be repeated. */
const SEED = Number(process.env.GONGKAI_CRASH_SEED ?? 20261206);
const WRITERS = 4;

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gk-crash-'));
fs.chmodSync(dir, 0o755);
const pgDir = path.join(dir, 'pg');
const children: ChildProcess[] = [];
afterAll(async () => {
  for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
  // A postmaster left behind by a failed run: stopped with the data directory.
  const orphan = runningPostmaster(pgDir);
  if (orphan?.ours) process.kill(orphan.pid, 'SIGQUIT');
  await new Promise((r) => setTimeout(r, 500));
  fs.rmSync(dir, { recursive: true, force: true });
}, 30_000);

/** mulberry32: a small seeded generator, so the kill moments are random but repeatable. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const random = seeded(SEED);

/** Starts the server (test/fixtures/instance/serve.ts) on the data directory; resolves with its base URL. */
function serve(): Promise<{ child: ChildProcess; base: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'test/fixtures/instance/serve.ts'], {
    cwd: ROOT,
    env: {
      ...process.env,
      DATABASE_URL: '',
      GONGKAI_DATA_DIR: dir,
      PORT: '0',
      HOST: '127.0.0.1',
      GONGKAI_DEMO: '1',
      GONGKAI_DEMO_CONTENT: '0',
      GONGKAI_DEMO_PASSWORD: DEMO_PASSWORD,
      GONGKAI_ADMIN_PASSWORD: 'Adm1n#Gongkai',
      GONGKAI_JOBS: '0',
      GONGKAI_REQUIRE_2FA: '0',
      GONGKAI_LOG_LEVEL: 'error',
      // Each writer's post comes "from" an address of its own, so the per-address limits do not stop the run.
      GONGKAI_TRUSTED_PROXIES: '127.0.0.1',
    },
  });
  children.push(child);
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${out}`)), 90_000);
    const read = (d: Buffer) => {
      out += d.toString();
      const m = /LISTENING (\d+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve({ child, base: `http://127.0.0.1:${m[1]}` });
      }
    };
    child.stdout!.on('data', read);
    child.stderr!.on('data', read);
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited (${code}):\n${out}`));
    });
  });
}

const killed = (child: ChildProcess) =>
  new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.on('exit', () => resolve());
    child.kill('SIGKILL');
  });

// ---- What a writer sends, kept so it can be sent again with the same request id --------------------------------

/** A valid 居民身份证号码 (GB 11643 check digit) for applicant `n`. */
function idNumber(n: number): string {
  const body = `110105${19500101 + (n % 28) + Math.floor(n / 28) * 100}${String(n % 1000).padStart(3, '0')}`;
  const w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...body].reduce((s, d, i) => s + Number(d) * w[i]!, 0);
  return body + '10X98765432'[sum % 11];
}

interface Sent {
  kind: 'portal' | 'api';
  key: string;
  /** The form fields or the JSON body, as first sent. */
  body: Record<string, unknown>;
  ip: string;
  /** The query code the server acknowledged (2xx), if it did. */
  acked: string | null;
}

let seq = 0;
const ipOf = (n: number) => `198.51.${100 + Math.floor(n / 250)}.${(n % 250) + 1}`;

async function login(base: string): Promise<{ cookie: string; csrf: string }> {
  const r = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'fgw_liaison', password: DEMO_PASSWORD }),
  });
  expect(r.status, await r.clone().text()).toBe(200);
  const pairs = r.headers.getSetCookie().map((c) => c.split(';')[0]!);
  const csrf = pairs.find((p) => p.startsWith('gk_csrf='))!.split('=')[1]!;
  return { cookie: pairs.join('; '), csrf };
}

/** Why the last send got no acknowledgement (for the failure message). */
let lastRefusal = '';

/** Sends (or sends again) one submission; returns the acknowledged query code or null. */
async function send(
  base: string,
  s: Sent,
  session: { cookie: string; csrf: string },
): Promise<string | null> {
  if (s.kind === 'api') {
    const r = await fetch(`${base}/api/requests/cases`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        cookie: session.cookie,
        'x-csrf-token': session.csrf,
        'idempotency-key': s.key,
      },
      body: JSON.stringify(s.body),
    });
    if (r.status !== 201) {
      lastRefusal = `${r.status} ${await r.text()}`;
      return null;
    }
    return ((await r.json()) as { data: { queryCode: string } }).data.queryCode;
  }
  const r = await fetch(`${base}/ysqgk/apply`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-forwarded-for': s.ip },
    body: new URLSearchParams(s.body as Record<string, string>).toString(),
  });
  if (r.status !== 200 && r.status !== 201) {
    lastRefusal = `${r.status} ${(await r.text()).slice(0, 2000)}`;
    return null;
  }
  return /data-testid="query-code">([A-Z0-9]+)</.exec(await r.text())?.[1] ?? null;
}

/** A new portal application: the form read like a browser (its question answered, its hidden fields kept). */
async function newPortal(base: string, unitId: string): Promise<Sent> {
  const n = seq++;
  const ip = ipOf(n);
  const page = await (await fetch(`${base}/ysqgk/apply`, { headers: { 'x-forwarded-for': ip } })).text();
  const token = /name="token" value="([^"]+)"/.exec(page)![1]!;
  const rid = /name="rid" value="([^"]+)"/.exec(page)![1]!;
  const [, a, b] = /验证问题：(\d+) 加 (\d+) 等于几/.exec(page)!;
  const body = {
    token,
    rid,
    answer: String(Number(a) + Number(b)),
    unitId,
    kind: 'natural_person',
    name: `申请人${n}`,
    idType: 'id_card',
    idNumber: idNumber(n),
    // A number per applicant: the portal limits each phone number per day (SECURITY.md 39).
    phone: `139${String(n).padStart(8, '0')}`,
    description: `崩溃测试 ${n}：2025年项目审批情况`,
    deliveryForm: 'electronic',
    deliveryChannel: 'email',
    email: 'a@example.cn',
  };
  return { kind: 'portal', key: rid, body, ip, acked: null };
}

function newApi(unitId: string): Sent {
  const n = seq++;
  return {
    kind: 'api',
    key: `crash-api-${SEED}-${n}`,
    ip: '',
    acked: null,
    body: {
      unitId,
      applicant: {
        kind: 'natural_person',
        name: `来访人${n}`,
        idType: 'id_card',
        idNumber: idNumber(n),
        phone: '13800138000',
      },
      description: `崩溃测试 ${n}：重大项目清单`,
      deliveryForm: 'electronic',
      deliveryChannel: 'email',
      channel: 'in_person',
      handedInOn: chinaDate(new Date()),
    },
  };
}

/** Writers submit until `stop()` is called or the server stops answering; every submission is kept in `log`. */
function startWriters(base: string, unitId: string, log: Sent[]) {
  let stopped = false;
  let firstAck: () => void;
  const acked = new Promise<void>((r) => {
    firstAck = r;
  });
  const writer = async (w: number) => {
    let session: { cookie: string; csrf: string } | null = null;
    try {
      session = await login(base);
    } catch {
      return;
    }
    for (let i = 0; !stopped; i++) {
      let s: Sent;
      try {
        s = (w + i) % 2 === 0 ? await newPortal(base, unitId) : newApi(unitId);
      } catch {
        return; // the server is gone
      }
      log.push(s);
      try {
        s.acked = await send(base, s, session);
        if (s.acked) firstAck();
      } catch {
        // No answer: the request may or may not have been committed.
      }
    }
  };
  const done = Promise.all(Array.from({ length: WRITERS }, (_, w) => writer(w)));
  return {
    acked,
    async stop() {
      stopped = true;
      await done;
    },
  };
}

async function unitOf(base: string): Promise<string> {
  const page = await (await fetch(`${base}/ysqgk/apply`)).text();
  return /<option value="([0-9a-f-]{36})"[^>]*>区发展改革委</.exec(page)![1]!;
}

async function superClient(): Promise<pg.Client> {
  const c = new pg.Client({ connectionString: runningEmbeddedUrl(dir)! });
  await c.connect();
  return c;
}

/** Every acknowledged query code is a stored case. */
async function expectAcknowledgedKept(log: Sent[]) {
  const codes = log.flatMap((s) => (s.acked ? [s.acked] : []));
  expect(codes.length).toBeGreaterThan(0);
  const c = await superClient();
  try {
    const r = await c.query<{ query_code: string }>(
      'SELECT query_code FROM request_cases WHERE query_code = ANY($1)',
      [codes],
    );
    const stored = new Set(r.rows.map((x) => x.query_code));
    expect(
      codes.filter((k) => !stored.has(k)),
      `seed ${SEED}`,
    ).toEqual([]);
  } finally {
    await c.end();
  }
}

const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('crash durability (SIGKILL of the app, then of PostgreSQL)', () => {
  const log: Sent[] = [];

  it('round 1: kill -9 of the app at a random moment loses no acknowledged submission', async () => {
    let { child, base } = await serve();
    const unitId = await unitOf(base);
    // The demo clerk writes at once, without the first-login password change.
    const c = await superClient();
    await c.query(`UPDATE users SET must_change_password = false WHERE username = 'fgw_liaison'`);
    await c.end();
    const writers = startWriters(base, unitId, log);
    await writers.acked;
    await wait(300 + random() * 1500);
    await killed(child);
    await writers.stop();
    ({ child, base } = await serve()); // finds its orphaned PostgreSQL, stops it, starts again
    await expectAcknowledgedKept(log);
    // Both routes were acknowledged before the kill: the portal form and the console's API.
    expect(log.filter((s) => s.acked && s.kind === 'portal').length).toBeGreaterThan(0);
    expect(log.filter((s) => s.acked && s.kind === 'api').length).toBeGreaterThan(0);
    await new Promise<void>((resolve) => {
      child.on('exit', () => resolve());
      child.kill('SIGTERM');
    });
  }, 200_000);

  it('round 2: kill -9 of the postmaster at a random moment loses no acknowledged submission', async () => {
    const before = log.length;
    let { child, base } = await serve();
    const unitId = await unitOf(base);
    const writers = startWriters(base, unitId, log);
    await writers.acked;
    await wait(300 + random() * 1500);
    const postmaster = runningPostmaster(pgDir)!;
    expect(postmaster.ours).toBe(true);
    process.kill(postmaster.pid, 'SIGKILL');
    // The app answers 500s now; the writers keep their unanswered requests for the retry below.
    await wait(500);
    await killed(child);
    await writers.stop();
    expect(log.slice(before).some((s) => s.acked)).toBe(true);
    // Backends notice their postmaster's death and exit; then PostgreSQL starts with crash recovery. A backend still
    // holding the shared memory makes PostgreSQL refuse to start: that start is tried once more a moment later.
    for (let i = 0; i < 50 && stillRunning(postmaster.pid); i++) await wait(100);
    ({ child, base } = await serve().catch(async () => {
      await wait(3000);
      return serve();
    }));
    await expectAcknowledgedKept(log);

    // Everything sent again with its request id: the acknowledged answer the same case, the rest are stored once.
    const session = await login(base);
    for (const s of log) {
      const code = await send(base, s, session);
      expect(code, `${s.kind} ${s.key}: ${lastRefusal}`).toBeTruthy();
      if (s.acked) expect(code).toBe(s.acked);
    }
    const c = await superClient();
    try {
      const cases = await c.query<{ n: number; codes: number }>(
        'SELECT count(*)::int AS n, count(DISTINCT query_code)::int AS codes FROM request_cases',
      );
      // One case per request id, whatever was acknowledged before the crashes.
      expect(cases.rows[0]).toEqual({ n: log.length, codes: log.length });
      await expectIntact(c);
    } finally {
      await c.end();
    }
    await new Promise<void>((resolve) => {
      child.on('exit', () => resolve());
      child.kill('SIGTERM');
    });
  }, 200_000);
});

function stillRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** amcheck on every B-tree index (with its heap) and every table, and every FK and CHECK constraint re-evaluated. */
async function expectIntact(c: pg.Client) {
  await c.query('CREATE EXTENSION IF NOT EXISTS amcheck');
  const indexes = await c.query<{ idx: string }>(
    `SELECT i.indexrelid::regclass::text AS idx FROM pg_index i
       JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_am am ON am.oid = c.relam
       JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE am.amname = 'btree' AND n.nspname = 'public' AND c.relpersistence <> 't' AND i.indisvalid`,
  );
  expect(indexes.rows.length).toBeGreaterThan(20);
  for (const { idx } of indexes.rows) await c.query('SELECT bt_index_check($1::regclass, true)', [idx]);
  const tables = await c.query<{ t: string }>(
    `SELECT c.oid::regclass::text AS t FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = 'public' AND c.relkind = 'r'`,
  );
  for (const { t } of tables.rows) {
    const heap = await c.query('SELECT * FROM verify_heapam($1::regclass)', [t]);
    expect(heap.rows, t).toEqual([]);
  }
  const constraints = await c.query<{ rel: string; name: string; type: string; def: string }>(
    `SELECT conrelid::regclass::text AS rel, conname AS name, contype AS type, pg_get_constraintdef(oid) AS def
       FROM pg_constraint WHERE contype IN ('f', 'c') AND connamespace = 'public'::regnamespace`,
  );
  expect(constraints.rows.length).toBeGreaterThan(10);
  for (const k of constraints.rows) {
    const sql =
      k.type === 'c'
        ? `SELECT count(*)::int AS n FROM ${k.rel} WHERE NOT (${k.def.replace(/^CHECK /, '').replace(/ NOT VALID$/, '')})`
        : foreignKeyOrphans(k.rel, k.def);
    const r = await c.query<{ n: number }>(sql);
    expect(r.rows[0]!.n, `${k.rel} ${k.name}`).toBe(0);
  }
}

/** Rows of `rel` whose foreign key names no row of the referenced table. */
function foreignKeyOrphans(rel: string, def: string): string {
  const m = /^FOREIGN KEY \(([^)]+)\) REFERENCES ([^\s(]+)\(([^)]+)\)/.exec(def)!;
  const cols = m[1]!.split(', ');
  const refCols = m[3]!.split(', ');
  const notNull = cols.map((col) => `c.${col} IS NOT NULL`).join(' AND ');
  const match = cols.map((col, i) => `p.${refCols[i]} = c.${col}`).join(' AND ');
  return `SELECT count(*)::int AS n FROM ${rel} c WHERE ${notNull} AND NOT EXISTS (SELECT 1 FROM ${m[2]} p WHERE ${match})`;
}
