// Search benchmark (issue 5 part 10): N published items of Chinese government text (≈1,500 characters each,
// sentences drawn from the five seed documents), jieba → tsvector('simple') + GIN, against a plain ILIKE scan.
// Run: npx tsx bench/disclosure-search.ts   (BENCH_ITEMS=100000 by default; BENCH_DATABASE_URL to use an
// existing PostgreSQL, otherwise an embedded one in a temporary directory). Prints a Markdown table.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { connect, runMigrations } from '../src/server/db/client';
import { startEmbedded } from '../src/server/db/embedded';
import { searchItems } from '../src/server/modules/disclosure';
import { tokensText } from '../src/server/platform/text/segmenter';

const N = Number(process.env.BENCH_ITEMS ?? 100_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 30);
const SEEDS = path.join(import.meta.dirname, '../../shared/seeds');

// Deterministic PRNG so that every run builds the same corpus.
let state = 20260301;
const rand = () => {
  state = (state * 1103515245 + 12345) & 0x7fffffff;
  return state / 0x7fffffff;
};
const pick = <T>(a: readonly T[]): T => a[Math.floor(rand() * a.length)]!;

const sentences = fs
  .readdirSync(SEEDS)
  .filter((f) => f.endsWith('.txt'))
  .flatMap((f) => fs.readFileSync(path.join(SEEDS, f), 'utf8').split(/(?<=[。；！？])|\n+/u))
  .map((s) => s.replace(/\s+/gu, '').trim())
  .filter((s) => s.length >= 12 && s.length <= 200 && /\p{Script=Han}/u.test(s));

const TOPICS = [
  '教育',
  '医疗',
  '社会保障',
  '就业',
  '城市建设',
  '交通',
  '环境保护',
  '安全生产',
  '财政预算',
  '农业农村',
  '市场监管',
  '住房',
];
const KINDS = ['通知', '公告', '实施方案', '工作要点', '管理办法', '情况报告', '公示'];
// Planted words with known document frequencies: rare 0.1 %, medium 5 %, and 补贴 10 % for the two-word query.
const RARE = '森林防火';
const MEDIUM = '秸秆禁烧';
const PAIR = '补贴';

function makeItem(i: number): { title: string; body: string } {
  const tags: string[] = [];
  if (i % 1000 === 7) tags.push(RARE);
  if (i % 20 === 3) tags.push(MEDIUM);
  if (i % 10 === 1) tags.push(PAIR);
  const title = `关于${pick(TOPICS)}${tags.length && rand() < 0.3 ? tags[0] : ''}${pick(TOPICS)}工作的${pick(KINDS)}`;
  let body = '';
  while (body.length < 1500) body += pick(sentences);
  for (const t of tags) {
    const at = Math.floor(rand() * body.length);
    body = `${body.slice(0, at)}${t}${body.slice(at)}`;
  }
  return { title, body: body.slice(0, 1550) };
}

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(p * s.length))]!;
};

async function main() {
  let url = process.env.BENCH_DATABASE_URL;
  let stop: (() => Promise<void>) | null = null;
  let dir: string | null = null;
  if (!url) {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gk-bench-pg-'));
    fs.chmodSync(dir, 0o755);
    const h = await startEmbedded(dir, () => {}, { role: 'cli' });
    url = h.url;
    stop = () => h.stop();
  }
  const database = connect(url, 4);
  await runMigrations(database);
  const db = database.db;
  await db.execute(sql`TRUNCATE disclosure_items CASCADE`);
  const unit = await db.execute<{ id: string }>(
    sql`INSERT INTO units (name, kind) VALUES ('区发展改革委', 'department') ON CONFLICT (name) DO UPDATE SET kind = 'department' RETURNING id`,
  );
  const unitId = unit.rows[0]!.id;
  const user = await db.execute<{ id: string }>(
    sql`INSERT INTO users (username, name, unit_id, password_hash) VALUES ('bench', '基准', ${unitId}, 'x') ON CONFLICT DO NOTHING RETURNING id`,
  );
  const userId =
    user.rows[0]?.id ??
    (await db.execute<{ id: string }>(sql`SELECT id FROM users WHERE username = 'bench'`)).rows[0]!.id;

  // Load without the GIN index, then build it: the figure of a complete `gongkai search reindex` from scratch.
  await db.execute(sql`DROP INDEX IF EXISTS disclosure_items_search_idx`);
  const t0 = performance.now();
  let segMs = 0;
  let chars = 0;
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const BATCH = 500;
  for (let start = 0; start < N; start += BATCH) {
    const rows: unknown[][] = [];
    for (let i = start; i < Math.min(N, start + BATCH); i++) {
      const it = makeItem(i);
      const s0 = performance.now();
      const tt = tokensText(it.title);
      const bt = tokensText(it.body);
      segMs += performance.now() - s0;
      chars += it.title.length + it.body.length;
      // Spread publication over five years for the recency factor.
      const day = new Date(Date.UTC(2021, 0, 1) + Math.floor((i / N) * 5 * 365) * 86400_000);
      rows.push([it.title, it.body, `BENCH-${i}`, day.toISOString(), tt, bt]);
    }
    const params: unknown[] = [];
    const values = rows
      .map((r) => {
        const b = params.length;
        params.push(...r);
        return `(gen_random_uuid(), $${b + 1}, $${b + 2}, $${b + 3}, $${b + 4}::timestamptz, ($${b + 4}::timestamptz)::date, setweight(to_tsvector('simple', $${b + 5}), 'A') || setweight(to_tsvector('simple', $${b + 6}), 'B'))`;
      })
      .join(',');
    await client.query(
      `INSERT INTO disclosure_items (root_id, title, body_text, index_no, published_at, publish_date, search_vector, unit_id, created_by, status)
       SELECT v.r, v.t, v.b, v.i, v.p, v.d, v.s, '${unitId}', '${userId}', 'published' FROM (VALUES ${values}) AS v(r, t, b, i, p, d, s)`,
      params,
    );
    if ((start / BATCH) % 20 === 0) console.error(`已写入 ${start + rows.length} / ${N}`);
  }
  const loadMs = performance.now() - t0;
  const g0 = performance.now();
  await client.query(
    'CREATE INDEX disclosure_items_search_idx ON disclosure_items USING gin (search_vector)',
  );
  const ginMs = performance.now() - g0;
  await client.query('ANALYZE disclosure_items');
  const size = await client.query<{ t: string; i: string }>(
    `SELECT pg_size_pretty(pg_table_size('disclosure_items')) AS t, pg_size_pretty(pg_relation_size('disclosure_items_search_idx')) AS i`,
  );

  const now = new Date('2026-03-01T00:00:00Z');
  const queries: [string, string][] = [
    ['罕见词', RARE],
    ['中频词', MEDIUM],
    ['高频词', '工作'],
    ['两词', `${MEDIUM} ${PAIR}`],
  ];
  const out: string[] = [];
  for (const [label, q] of queries) {
    const fts: number[] = [];
    const scan: number[] = [];
    let hits = 0;
    let scanHits = 0;
    for (let r = 0; r < RUNS; r++) {
      const a = performance.now();
      const res = await searchItems(database, '重庆市潼南区', q, {}, now);
      fts.push(performance.now() - a);
      hits = res.total;
      const words = q.split(' ');
      const where = words.map((_, k) => `(title ILIKE $${k + 1} OR body_text ILIKE $${k + 1})`).join(' AND ');
      const args = words.map((w) => `%${w}%`);
      const b = performance.now();
      const c = await client.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM disclosure_items WHERE status = 'published' AND ${where}`,
        args,
      );
      await client.query(
        `SELECT id, title FROM disclosure_items WHERE status = 'published' AND ${where} ORDER BY published_at DESC LIMIT 10`,
        args,
      );
      scan.push(performance.now() - b);
      scanHits = c.rows[0]!.n;
    }
    // The first run of each warms the caches; both sides get the same treatment.
    out.push(
      `| ${label}「${q}」 | ${hits} | ${pct(fts, 0.5).toFixed(1)} | ${pct(fts, 0.95).toFixed(1)} | ${scanHits} | ${pct(scan, 0.5).toFixed(1)} | ${pct(scan, 0.95).toFixed(1)} |`,
    );
  }
  await client.end();
  const report = [
    `Items: ${N}, characters: ${(chars / 1e6).toFixed(1)} M (avg ${(chars / N).toFixed(0)} per item), runs per query: ${RUNS}`,
    `Segmentation (jieba, search mode): ${(segMs / 1000).toFixed(1)} s (${(chars / (segMs / 1000) / 1e6).toFixed(2)} M chars/s)`,
    `Load (segment + insert + to_tsvector, no index): ${(loadMs / 1000).toFixed(1)} s; GIN index build: ${(ginMs / 1000).toFixed(1)} s`,
    `Table size ${size.rows[0]!.t}, GIN index ${size.rows[0]!.i}`,
    '',
    '| Query | FTS hits | FTS median ms | FTS p95 ms | ILIKE hits | ILIKE median ms | ILIKE p95 ms |',
    '|---|---|---|---|---|---|---|',
    ...out,
  ].join('\n');
  console.log(report);
  await database.close();
  if (stop) await stop();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
}

await main();
