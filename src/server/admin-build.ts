// The console is a Vite build in dist/admin. `gongkai start` builds it when missing or when its sources changed
// (a hash of src/admin, src/contracts, src/domain — the console imports its rules — and the Vite config), so `npm install && npm start` needs no extra step.
// The build runs in a child process (admin-build-worker.ts): the server never holds Rollup's memory.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const ROOT = path.resolve(import.meta.dirname, '../..');
const DIST = path.join(ROOT, 'dist/admin');
const STAMP = path.join(DIST, '.source-hash');
/** tsx's loader for the child (import.meta.resolve is missing under vitest, which builds for the browser tests). */
const TSX_LOADER = pathToFileURL(
  path.join(path.dirname(createRequire(import.meta.url).resolve('tsx/package.json')), 'dist/loader.mjs'),
).href;

function walk(dir: string, out: string[]): void {
  if (!fs.existsSync(dir)) return;
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) walk(p, out);
    else if (!e.name.endsWith('.test.ts') && !e.name.endsWith('.test.tsx')) out.push(p);
  }
}

export function adminSourceHash(): string {
  const files: string[] = [];
  walk(path.join(ROOT, 'src/admin'), files);
  walk(path.join(ROOT, 'src/contracts'), files);
  walk(path.join(ROOT, 'src/domain'), files);
  // The build's own code too: a change in how it builds (its environment) must rebuild.
  files.push(
    path.join(ROOT, 'vite.admin.config.ts'),
    path.join(ROOT, 'package-lock.json'),
    path.join(import.meta.dirname, 'admin-build.ts'),
    path.join(import.meta.dirname, 'admin-build-worker.ts'),
  );
  const h = createHash('sha256');
  for (const f of files.sort()) {
    if (!fs.existsSync(f)) continue;
    h.update(path.relative(ROOT, f));
    h.update(fs.readFileSync(f));
  }
  return h.digest('hex');
}

export function adminBuildIsFresh(): boolean {
  return fs.existsSync(STAMP) && fs.readFileSync(STAMP, 'utf8') === adminSourceHash();
}

/**
 * The build's environment: always NODE_ENV=production. Vite keeps a NODE_ENV it finds, and vitest sets it to "test":
 * the console built by the browser tests' set-up was React's development build (0.57 MB instead of 0.35 MB, about
 * twice the main-thread time), and `npm start` served that build afterwards, its source hash being current.
 */
export function buildEnv(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return { ...env, NODE_ENV: 'production' };
}

export async function buildAdmin(log: (m: string) => void = console.log): Promise<void> {
  const started = Date.now();
  log('正在构建管理后台（首次启动或代码更新后需要约 1 分钟）…');
  await new Promise<void>((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--import', TSX_LOADER, path.join(import.meta.dirname, 'admin-build-worker.ts')],
      { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'], env: buildEnv(process.env) },
    );
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (d: string) => {
      for (const line of d.split('\n')) if (line.trim()) log(line.trim());
    });
    child.once('error', reject);
    child.once('exit', (code, signal) =>
      code === 0 ? resolve() : reject(new Error(`管理后台构建失败（退出码 ${code ?? signal}）`)),
    );
  });
  fs.writeFileSync(STAMP, adminSourceHash());
  log(`管理后台构建完成，用时 ${((Date.now() - started) / 1000).toFixed(0)} 秒`);
}

export async function ensureAdminBuilt(log: (m: string) => void): Promise<void> {
  if (!adminBuildIsFresh()) await buildAdmin(log);
}
