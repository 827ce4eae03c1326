// `npm test`: typecheck + lint, unit tests, integration tests against the embedded PostgreSQL and (when
// TEST_DATABASE_URL is set) against that server too, then the browser tests. Ends with "N passed, N failed".
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

process.env.TZ = 'Asia/Shanghai';
const root = path.resolve(import.meta.dirname, '..');
const tmp = path.join(root, '.tmp');
fs.mkdirSync(tmp, { recursive: true });
const only = process.argv[2]; // optional: check | unit | db | e2e

let passed = 0;
let failed = 0;
const failures = [];
// vitest's default is a worker per core but one: a single worker on a 2-core machine. The unit tests take a worker
// per core (two at least: twice as fast on 2 cores, bench/README.md "Test suite time"); the database passes keep the
// default.
const cores = os.availableParallelism();

function run(name, cmd, args, env = {}) {
  console.log(`\n=== ${name} ===`);
  const started = Date.now();
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  console.log(
    `=== ${name}: ${r.status === 0 ? 'ok' : 'FAILED'} (${((Date.now() - started) / 1000).toFixed(0)} s) ===`,
  );
  if (r.status !== 0) failures.push(name);
  return r.status === 0;
}

function vitestArgs(project, out, workers) {
  return [
    'vitest',
    'run',
    '--project',
    project,
    `--maxWorkers=${workers}`,
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${out}`,
  ];
}

function jsonOut(name) {
  const out = path.join(tmp, `vitest-${name.replace(/\W+/g, '-')}.json`);
  fs.rmSync(out, { force: true });
  return out;
}

function count(name, out) {
  if (fs.existsSync(out)) {
    const r = JSON.parse(fs.readFileSync(out, 'utf8'));
    passed += r.numPassedTests;
    failed +=
      r.numFailedTests + (r.numTotalTestSuites > 0 && r.success === false && r.numFailedTests === 0 ? 1 : 0);
    if (r.numPendingTests || r.numTodoTests) {
      console.log(`${name}: ${r.numPendingTests} skipped, ${r.numTodoTests} todo`);
    }
  } else {
    failed += 1;
  }
}

function vitest(name, project, workers, env = {}, extra = []) {
  const out = jsonOut(name);
  run(name, 'npx', [...vitestArgs(project, out, workers), ...extra], env);
  count(name, out);
}

/** The database test files whose first line says `// @embedded-only`, relative to the root. */
function embeddedOnly() {
  const found = [];
  const walk = (dir) => {
    for (const e of fs.readdirSync(path.join(root, dir), { withFileTypes: true })) {
      const rel = path.join(dir, e.name);
      if (e.isDirectory()) {
        if (e.name !== 'node_modules' && !e.name.startsWith('.')) walk(rel);
      } else if (e.name.endsWith('.db.test.ts')) {
        const first = fs.readFileSync(path.join(root, rel), 'utf8').split('\n', 1)[0];
        if (first.startsWith('// @embedded-only')) found.push(rel);
      }
    }
  };
  for (const dir of ['src', 'test']) walk(dir);
  return found.sort();
}

// A step run beside others: its output is kept and printed whole when it ends, with the same "=== name ===" lines.
function runQuiet(name, cmd, args) {
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { cwd: root, env: process.env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d) => {
      out += d;
    });
    child.stderr.on('data', (d) => {
      out += d;
    });
    child.on('close', (status) => {
      const s = ((Date.now() - started) / 1000).toFixed(0);
      resolve({ name, status, s, out });
    });
  });
}

function report({ name, status, s, out }, verdict = status === 0 ? 'ok' : 'FAILED') {
  console.log(`\n=== ${name} ===`);
  if (out) process.stdout.write(out.endsWith('\n') ? out : `${out}\n`);
  console.log(`=== ${name}: ${verdict} (${s} s) ===`);
}

if (!only || only === 'check') {
  // tsc takes most of a minute on one core; the linter, the boundaries and the advisories (a few seconds each) run
  // beside it on the other.
  const started = Date.now();
  const [typecheck, rest] = await Promise.all([
    runQuiet('typecheck', 'npx', ['tsc', '--noEmit', '-p', 'tsconfig.json']),
    (async () => [
      await runQuiet('lint', 'npx', ['biome', 'check', '.']),
      await runQuiet('boundaries', 'npm', ['run', '--silent', 'boundaries']),
      await runQuiet('advisories', 'node', ['scripts/audit.mjs']),
    ])(),
  ]);
  for (const r of [typecheck, ...rest.slice(0, 2)]) {
    report(r);
    if (r.status === 0) passed++;
    else {
      failed++;
      failures.push(r.name);
    }
  }
  // Known-vulnerable dependencies (SECURITY.md 25): exit 2 = the advisory database could not be asked (said, not
  // counted either way; GONGKAI_AUDIT=required makes it a failure).
  const audit = rest[2];
  report(audit, { 0: 'ok', 2: 'not asked' }[audit.status] ?? 'FAILED');
  if (audit.status === 0) passed++;
  else if (audit.status !== 2) {
    failed++;
    failures.push('advisories');
  }
  console.log(`=== checks: ${((Date.now() - started) / 1000).toFixed(0)} s in all ===`);
}
if (!only || only === 'unit') {
  // .doc/.wps notices and the notices printed to PDF by a word processor are tested through LibreOffice.
  if (spawnSync('sh', ['-c', 'command -v soffice || command -v libreoffice']).status !== 0) {
    console.error(
      '\n单元测试需要 LibreOffice（读取 .doc/.wps、打印 PDF）：Debian 上运行 apt-get install libreoffice-writer-nogui',
    );
    failures.push('unit (no LibreOffice)');
    failed++;
  }
  vitest('unit', 'unit', Math.max(2, cores - 1));
}
if (!only || only === 'db') {
  // One after the other: side by side (one worker each) measured no faster on the shared 2-core machine
  // (bench/README.md, "Test suite time").
  const { TEST_DATABASE_URL } = process.env;
  const workers = Math.max(1, cores - 1);
  vitest('db (embedded PostgreSQL)', 'db', workers, { TEST_DATABASE_URL: '' });
  if (TEST_DATABASE_URL) {
    // A file marked @embedded-only starts its own embedded PostgreSQL (the CLI, a crash, a restore drill) and never
    // touches the test server: against the external server it would repeat the embedded pass to the letter.
    const own = embeddedOnly();
    console.log(
      `\ndb (external PostgreSQL): ${own.length} files marked @embedded-only ran in the embedded pass only: ${own.join(', ')}`,
    );
    vitest(
      'db (external PostgreSQL)',
      'db',
      workers,
      { TEST_DATABASE_URL },
      own.flatMap((f) => ['--exclude', f]),
    );
  }
}
if (!only || only === 'e2e') {
  const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!fs.existsSync(chromium)) {
    console.error(
      `\n浏览器测试需要 Chromium（${chromium}）：Debian 上运行 apt-get install chromium fonts-noto-cjk`,
    );
    failures.push('e2e (no chromium)');
    failed++;
  } else {
    vitest('e2e (browser)', 'e2e', 1);
  }
}

console.log('');
if (failures.length) console.log(`Failed steps: ${failures.join(', ')}`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failures.length || failed ? 1 : 0);
