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
// vitest's default is a worker per core but one: a single worker on a 2-core machine, which leaves a core idle while
// a file imports the server or waits on PostgreSQL. The unit tests take a worker per core; the two database passes
// run side by side with half the cores each (one test file at a time per PostgreSQL on 2 cores).
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

function vitestArgs(project, out, workers, extra = []) {
  return [
    'vitest',
    'run',
    '--project',
    project,
    `--maxWorkers=${workers}`,
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${out}`,
    ...extra,
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

function vitest(name, project, workers, env = {}) {
  const out = jsonOut(name);
  run(name, 'npx', vitestArgs(project, out, workers), env);
  count(name, out);
}

/** Several vitest runs at once; each one's output is printed whole when it ends. */
async function vitestTogether(runs) {
  console.log(`\n=== ${runs.map((r) => r.name).join(' + ')}: side by side ===`);
  await Promise.all(
    runs.map(({ name, project, workers, env, extra }) => {
      const out = jsonOut(name);
      const started = Date.now();
      const child = spawn('npx', vitestArgs(project, out, workers, extra), {
        cwd: root,
        env: { ...process.env, ...env, FORCE_COLOR: process.stdout.isTTY ? '1' : '0' },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      const chunks = [];
      child.stdout.on('data', (c) => chunks.push(c));
      child.stderr.on('data', (c) => chunks.push(c));
      return new Promise((resolve) => {
        child.on('close', (status) => {
          console.log(`\n=== ${name} ===`);
          process.stdout.write(Buffer.concat(chunks));
          console.log(
            `=== ${name}: ${status === 0 ? 'ok' : 'FAILED'} (${((Date.now() - started) / 1000).toFixed(0)} s) ===`,
          );
          if (status !== 0) failures.push(name);
          count(name, out);
          resolve();
        });
      });
    }),
  );
}

if (!only || only === 'check') {
  if (run('typecheck', 'npx', ['tsc', '--noEmit', '-p', 'tsconfig.json'])) passed++;
  else failed++;
  if (run('lint', 'npx', ['biome', 'check', '.'])) passed++;
  else failed++;
  if (run('boundaries', 'npm', ['run', '--silent', 'boundaries'])) passed++;
  else failed++;
  // Known-vulnerable dependencies (SECURITY.md 25): exit 2 = the advisory database could not be asked (said, not
  // counted either way; GONGKAI_AUDIT=required makes it a failure).
  console.log('\n=== advisories ===');
  const audit = spawnSync('node', ['scripts/audit.mjs'], { cwd: root, stdio: 'inherit' });
  if (audit.status === 0) passed++;
  else if (audit.status !== 2) {
    failed++;
    failures.push('advisories');
  }
}
if (!only || only === 'unit') vitest('unit', 'unit', Math.max(2, cores - 1));
if (!only || only === 'db') {
  const { TEST_DATABASE_URL } = process.env;
  const embedded = { name: 'db (embedded PostgreSQL)', project: 'db', env: { TEST_DATABASE_URL: '' } };
  if (TEST_DATABASE_URL) {
    // One results cache (node_modules/.vite/vitest) is enough: two runs ending at once would write it together.
    const external = {
      name: 'db (external PostgreSQL)',
      project: 'db',
      env: { TEST_DATABASE_URL },
      extra: ['--cache=false'],
    };
    const workers = Math.max(1, Math.floor(cores / 2));
    await vitestTogether([
      { ...embedded, workers },
      { ...external, workers },
    ]);
  } else vitest(embedded.name, 'db', Math.max(1, cores - 1), embedded.env);
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
