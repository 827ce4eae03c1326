// Portal page speed (issue 15 part 4): the cached home page of a real Gongkai server (portal only, demo district
// with its sample items, embedded PostgreSQL or BENCH_DATABASE_URL) against Debian's nginx serving the same HTML
// as a static file, in the same run, with the same load generator (keep-alive HTTP/1.1, a worker thread).
// Run: npx tsx bench/portal.ts   (BENCH_SECONDS=10, BENCH_CONNECTIONS=32). Without nginx it measures Gongkai alone
// and says so. The last line of output is one JSON object with the figures.
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { loadConfig } from '../src/server/config';
import { freePort } from '../src/server/db/embedded';
import { startServer } from '../src/server/main';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 32);

// The load generator: CONNECTIONS requests in flight on keep-alive sockets, for `ms`; counts answers and latencies.
const GENERATOR = `
const http = require('node:http');
const { parentPort, workerData: w } = require('node:worker_threads');
const agent = new http.Agent({ keepAlive: true, maxSockets: w.connections });
const lat = [];
let done = 0, bytes = 0, errors = 0, stop = false, open = 0;
function one() {
  const t = performance.now();
  open++;
  const req = http.get({ host: '127.0.0.1', port: w.port, path: w.path, agent, headers: w.headers }, (res) => {
    res.on('data', (d) => { bytes += d.length; });
    res.on('end', () => {
      open--;
      if (res.statusCode === 200) { done++; if (lat.length < 200000) lat.push(performance.now() - t); } else errors++;
      if (!stop) one(); else if (open === 0) finish();
    });
  });
  req.on('error', () => { open--; errors++; if (!stop) one(); else if (open === 0) finish(); });
}
function finish() {
  lat.sort((a, b) => a - b);
  const p = (x) => lat[Math.min(lat.length - 1, Math.floor(x * lat.length))] ?? 0;
  parentPort.postMessage({ done, bytes, errors, p50: p(0.5), p99: p(0.99) });
  agent.destroy();
}
for (let i = 0; i < w.connections; i++) one();
setTimeout(() => { stop = true; }, w.ms);
`;

interface Load {
  rps: number;
  mbps: number;
  p50: number;
  p99: number;
  errors: number;
}

function load(
  port: number,
  urlPath: string,
  ms: number,
  headers: Record<string, string> = {},
): Promise<Load> {
  return new Promise((resolve, reject) => {
    const w = new Worker(GENERATOR, {
      eval: true,
      workerData: { port, path: urlPath, ms, connections: CONNECTIONS, headers },
    });
    w.once('message', (m: { done: number; bytes: number; errors: number; p50: number; p99: number }) => {
      void w.terminate();
      resolve({
        rps: Math.round(m.done / (ms / 1000)),
        mbps: Math.round((m.bytes / (ms / 1000) / 1e6) * 10) / 10,
        p50: Math.round(m.p50 * 100) / 100,
        p99: Math.round(m.p99 * 100) / 100,
        errors: m.errors,
      });
    });
    w.once('error', reject);
  });
}

/** Warm up, then measure. */
async function measure(port: number, urlPath: string, headers: Record<string, string> = {}) {
  await load(port, urlPath, 1500, headers);
  return load(port, urlPath, SECONDS * 1000, headers);
}

function nginxBinary(): string | null {
  for (const p of ['/usr/sbin/nginx', '/usr/bin/nginx']) if (fs.existsSync(p)) return p;
  try {
    return execFileSync('which', ['nginx'], { encoding: 'utf8' }).trim() || null;
  } catch {
    return null;
  }
}

async function startNginx(bin: string, dir: string, workers: string) {
  const port = await freePort();
  const conf = path.join(dir, `nginx-${workers}.conf`);
  // A plain static server as Debian ships it would serve a file: sendfile, keep-alive, no logging, no gzip.
  fs.writeFileSync(
    conf,
    `worker_processes ${workers};
daemon off;
pid ${dir}/nginx-${workers}.pid;
error_log ${dir}/nginx-error.log warn;
events { worker_connections 1024; }
http {
  include /etc/nginx/mime.types;
  access_log off;
  sendfile on;
  tcp_nopush on;
  keepalive_requests 100000;
  open_file_cache max=100;
  server {
    listen 127.0.0.1:${port};
    root ${dir}/html;
    location / { index index.html; }
  }
}
`,
  );
  const proc = spawn(bin, ['-c', conf, '-p', dir], { stdio: 'ignore' });
  for (let i = 0; i < 50; i++) {
    try {
      const r = await fetch(`http://127.0.0.1:${port}/`);
      if (r.ok) break;
    } catch {
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  return {
    port,
    stop: () =>
      new Promise<void>((resolve) => {
        proc.once('exit', () => resolve());
        proc.kill('SIGQUIT');
      }),
  };
}

async function main() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gk-bench-portal-'));
  fs.chmodSync(dir, 0o755);
  const config = loadConfig(
    {},
    {
      dataDir: path.join(dir, 'data'),
      ...(process.env.BENCH_DATABASE_URL ? { databaseUrl: process.env.BENCH_DATABASE_URL } : {}),
      port: 0,
      host: '127.0.0.1',
      only: 'portal',
      demo: true,
      demoContent: true,
      adminPassword: 'Adm1n#Gongkai-bench',
      logLevel: 'error',
      jobs: false,
    },
  );
  const server = await startServer(config, { print: () => {}, buildAdmin: false });
  const html = await (await fetch(`${server.url}/`)).text();
  fs.mkdirSync(path.join(dir, 'html'));
  fs.chmodSync(path.join(dir, 'html'), 0o755);
  fs.writeFileSync(path.join(dir, 'html', 'index.html'), html);
  fs.chmodSync(path.join(dir, 'html', 'index.html'), 0o644);

  const rows: { name: string; load: Load }[] = [];
  rows.push({ name: 'gongkai', load: await measure(server.port, '/') });
  rows.push({ name: 'gongkai-br', load: await measure(server.port, '/', { 'Accept-Encoding': 'br' }) });
  const bin = nginxBinary();
  let skipped: string | null = null;
  if (bin) {
    for (const workers of ['1', 'auto']) {
      const ng = await startNginx(bin, dir, workers);
      rows.push({ name: `nginx-${workers}`, load: await measure(ng.port, '/') });
      await ng.stop();
    }
  } else {
    skipped = 'nginx 未安装：只测了 Gongkai（apt-get install -y nginx 后重跑可得对比）';
    console.log(skipped);
  }
  await server.stop();
  fs.rmSync(dir, { recursive: true, force: true });

  const of = (n: string) => rows.find((r) => r.name === n)?.load;
  const g = of('gongkai')!;
  const n1 = of('nginx-1');
  const na = of('nginx-auto');
  console.log(
    [
      `Home page ${Buffer.byteLength(html)} bytes, ${CONNECTIONS} keep-alive connections, ${SECONDS} s per target, ${os.cpus().length} CPUs`,
      '',
      '| Server | requests/s | MB/s | p50 ms | p99 ms | errors |',
      '|---|---|---|---|---|---|',
      ...rows.map(
        (r) =>
          `| ${r.name} | ${r.load.rps} | ${r.load.mbps} | ${r.load.p50} | ${r.load.p99} | ${r.load.errors} |`,
      ),
    ].join('\n'),
  );
  console.log(
    JSON.stringify({
      bytes: Buffer.byteLength(html),
      gongkaiRps: g.rps,
      nginx1Rps: n1?.rps ?? null,
      nginxAutoRps: na?.rps ?? null,
      ratioVsNginx1: n1 ? Math.round((g.rps / n1.rps) * 100) / 100 : null,
      ratioVsNginxAuto: na ? Math.round((g.rps / na.rps) * 100) / 100 : null,
      skipped,
    }),
  );
}

await main();
