// Issue 10 part 9: two Gongkai processes on one database share the login counters and the single-use challenges
// (test/integration/instances.db.test.ts shows the same for two apps in one process, with a controllable clock).
import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../db';

const ROOT = path.resolve(import.meta.dirname, '../..');
const DEMO_PASSWORD = 'Demo#Gongkai1';

let tdb: TestDatabase;
let dir: string;
const children: ChildProcess[] = [];

/** Starts one server process and resolves with its base URL once it listens. */
function serve(): Promise<string> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'test/fixtures/instance/serve.ts'], {
    cwd: ROOT,
    env: {
      ...process.env,
      DATABASE_URL: tdb.url,
      GONGKAI_ALLOW_SUPERUSER: '1',
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
        resolve(`http://127.0.0.1:${m[1]}`);
      }
    };
    child.stdout!.on('data', read);
    child.stderr!.on('data', read);
    child.on('exit', (code) => reject(new Error(`server exited (${code}):\n${out}`)));
  });
}

const login = async (base: string, body: Record<string, string>) => {
  const r = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: r.status, code: ((await r.json()) as { error?: { code: string } }).error?.code };
};

let a: string;
let b: string;
beforeAll(async () => {
  tdb = await createTestDatabase();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gk-procs-'));
  a = await serve(); // the first one bootstraps the district; the second finds it done
  b = await serve();
}, 200_000);
afterAll(async () => {
  for (const c of children) c.kill('SIGTERM');
  await Promise.all(children.map((c) => (c.exitCode === null ? new Promise((r) => c.on('exit', r)) : null)));
  await tdb.drop();
  fs.rmSync(dir, { recursive: true, force: true });
}, 60_000);

describe('two Gongkai processes on one database', () => {
  it('failures counted by one process make the other ask for the challenge', async () => {
    expect(a).not.toBe(b);
    for (let i = 0; i < 3; i++)
      expect((await login(a, { username: 'office', password: `Wrong#${i}x` })).status).toBe(401);
    const r = await login(b, { username: 'office', password: 'Wrong#3x' });
    expect(r.code).toBe('CHALLENGE_REQUIRED');
  });

  it('a challenge issued by one process is accepted by the other, once', async () => {
    const ch = (await (await fetch(`${a}/api/auth/challenge`, { method: 'POST' })).json()) as {
      data: { id: string; question: string };
    };
    const [, x, op, y] = /^(\d+) ([+×]) (\d+)/.exec(ch.data.question)!;
    const answer = String(op === '+' ? Number(x) + Number(y) : Number(x) * Number(y));
    // The delay after repeated failures is a second or two of wall time.
    await new Promise((r) => setTimeout(r, 2500));
    const ok = await login(b, {
      username: 'office',
      password: DEMO_PASSWORD,
      challengeId: ch.data.id,
      challengeAnswer: answer,
    });
    expect(ok.status).toBe(200);
    for (let i = 0; i < 3; i++) await login(b, { username: 'office', password: `Wrong#${i}y` });
    await new Promise((r) => setTimeout(r, 2500));
    const reused = await login(a, {
      username: 'office',
      password: DEMO_PASSWORD,
      challengeId: ch.data.id,
      challengeAnswer: answer,
    });
    expect(reused.code).toBe('CHALLENGE_REQUIRED');
  });
});
