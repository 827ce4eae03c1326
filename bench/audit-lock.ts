// What the audit log's global advisory lock costs concurrent writers (issue 9 part 5).
// Every write appends an audit row in its own transaction, serialised by one advisory lock so that each row links
// to the one before it (platform/audit/audit.ts). This bench runs W concurrent writers, each doing T small
// business transactions (one UPDATE of its own row, no contention between writers), twice on the same database:
//   baseline — the UPDATE alone;
//   audited  — the UPDATE plus audit() (advisory lock, read of the chain head, hash, INSERT).
// Run: npx tsx bench/audit-lock.ts   (BENCH_TX=300 per writer; BENCH_DATABASE_URL to use an existing PostgreSQL,
// otherwise an embedded one in a temporary directory). Prints a Markdown table.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { connect, type Database, runMigrations } from '../src/server/db/client';
import { startEmbedded } from '../src/server/db/embedded';
import { audit } from '../src/server/platform/audit/audit';
import type { Actor } from '../src/server/platform/context';

const TX = Number(process.env.BENCH_TX ?? 300);
const WRITERS = [1, 2, 4, 8];

interface Run {
  txPerSec: number;
  p50: number;
  p95: number;
}

function quantile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
}

async function run(database: Database, writers: number, audited: boolean): Promise<Run> {
  const latencies: number[] = [];
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: writers }, async (_, w) => {
      const actor: Actor = {
        userId: null,
        username: `bench${w}`,
        unitId: null,
        unitName: null,
        ip: '127.0.0.1',
        requestId: null,
      };
      for (let i = 0; i < TX; i++) {
        const s = performance.now();
        await database.db.transaction(async (tx) => {
          await tx.execute(sql`UPDATE bench_rows SET n = n + 1 WHERE id = ${w}`);
          if (audited)
            await audit(tx, actor, { action: 'bench.write', objectType: 'bench', objectId: String(w) });
        });
        latencies.push(performance.now() - s);
      }
    }),
  );
  const seconds = (performance.now() - t0) / 1000;
  latencies.sort((a, b) => a - b);
  return {
    txPerSec: (writers * TX) / seconds,
    p50: quantile(latencies, 0.5),
    p95: quantile(latencies, 0.95),
  };
}

async function main() {
  let url = process.env.BENCH_DATABASE_URL;
  let stop: (() => Promise<void>) | null = null;
  if (!url) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gk-bench-pg-'));
    fs.chmodSync(dir, 0o755);
    const h = await startEmbedded(dir, () => {}, { role: 'cli' });
    url = h.url;
    stop = () => h.stop();
  }
  const database = connect(url, Math.max(...WRITERS) + 2);
  await runMigrations(database);
  await database.db.execute(sql`DROP TABLE IF EXISTS bench_rows`);
  await database.db.execute(sql`CREATE TABLE bench_rows (id int PRIMARY KEY, n int NOT NULL DEFAULT 0)`);
  await database.db.execute(
    sql`INSERT INTO bench_rows (id) SELECT g FROM generate_series(0, ${Math.max(...WRITERS) - 1}) g`,
  );
  await run(database, 2, true); // warm-up: connections, plans

  const fmt = (n: number) => n.toFixed(n >= 100 ? 0 : 1);
  console.log(`\n${TX} transactions per writer\n`);
  console.log(
    '| Writers | baseline tx/s | audited tx/s | ratio | baseline p50/p95 ms | audited p50/p95 ms |',
  );
  console.log(
    '| ------- | ------------- | ------------ | ----- | ------------------- | ------------------ |',
  );
  for (const w of WRITERS) {
    const base = await run(database, w, false);
    const aud = await run(database, w, true);
    console.log(
      `| ${w} | ${fmt(base.txPerSec)} | ${fmt(aud.txPerSec)} | ${(aud.txPerSec / base.txPerSec).toFixed(2)} | ` +
        `${fmt(base.p50)} / ${fmt(base.p95)} | ${fmt(aud.p50)} / ${fmt(aud.p95)} |`,
    );
  }
  await database.db.execute(sql`DROP TABLE bench_rows`);
  await database.close();
  await stop?.();
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
