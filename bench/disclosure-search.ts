// Search benchmark (issue 5 part 10, issue 15 part 3): N published items of Chinese government text (≈1,500
// characters each, sentences drawn from the five seed documents), indexed as the app indexes them (character bigrams
// for matching, jieba words for ranking: search-index.ts), against a plain ILIKE scan in the same run.
// Run: npx tsx bench/disclosure-search.ts   (BENCH_ITEMS=100000 by default, BENCH_ITEMS=1000000 for the large run;
// BENCH_DATABASE_URL to use an existing PostgreSQL, otherwise an embedded one in a temporary directory).
// Prints a Markdown table; the last line is one JSON object with the figures.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { connect, runMigrations } from '../src/server/db/client';
import { startEmbedded } from '../src/server/db/embedded';
import { countMatches, searchItems } from '../src/server/modules/disclosure';
import { indexValues } from '../src/server/modules/disclosure/search-index';

const N = Number(process.env.BENCH_ITEMS ?? 100_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 30);
/** The ILIKE scan reads the whole table each time: a few runs give its median. */
const ILIKE_RUNS = Number(process.env.BENCH_ILIKE_RUNS ?? 3);
/**
 * BENCH_REPEAT=k: index N/k distinct items as the app does, then copy each k−1 times in SQL (new ids, their own
 * publication dates and month marks). A million items then load in minutes instead of hours; every word keeps its
 * document frequency, so the posting lists and the plans are those of N distinct items.
 */
const REPEAT = Number(process.env.BENCH_REPEAT ?? 1);
const DISTINCT = Math.ceil(N / REPEAT);
/** Publication day of the g-th of N items: spread over 2021–2025 for the recency factor. */
const dayOf = (g: number) => new Date(Date.UTC(2021, 0, 1) + Math.floor((g / N) * 5 * 365) * 86400_000);
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
  // BENCH_REUSE=1: keep a corpus of the same size loaded by an earlier run (to iterate on the queries).
  const have = await db.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM disclosure_search`);
  const reuse = process.env.BENCH_REUSE === '1' && have.rows[0]!.n === N;
  if (!reuse) await db.execute(sql`TRUNCATE disclosure_items CASCADE`);
  await db.execute(sql`SET maintenance_work_mem = '512MB'`);
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
  if (!reuse) await db.execute(sql`DROP INDEX IF EXISTS disclosure_search_grams_idx`);
  const t0 = performance.now();
  let idxMs = 0;
  let chars = 0;
  const BATCH = 250;
  let pending: Promise<void> = Promise.resolve();
  for (let start = 0; start < (reuse ? 0 : DISTINCT); start += BATCH) {
    const items: ReturnType<typeof sql>[] = [];
    const rows: ReturnType<typeof sql>[] = [];
    for (let i = start; i < Math.min(DISTINCT, start + BATCH); i++) {
      const it = makeItem(i);
      chars += it.title.length + it.body.length;
      // Copies interleave with the originals (item i is the (i·k)-th of N), so both spread over the five years.
      const at = dayOf(i * REPEAT);
      const day = at.toISOString();
      const id = crypto.randomUUID();
      const s0 = performance.now();
      const v = indexValues({
        title: it.title,
        rest: `BENCH-${i} 区发展改革委 ${it.body}`,
        columnPath: '',
        publishedAt: at,
      });
      idxMs += performance.now() - s0;
      items.push(
        sql`(${id}::uuid, ${id}::uuid, ${it.title}, ${it.body}, ${`BENCH-${i}`}, ${day}::timestamptz, (${day}::timestamptz)::date, ${unitId}::uuid, ${userId}::uuid, 'published')`,
      );
      rows.push(
        sql`(${id}::uuid, ${unitId}::uuid, 'general', extract(year FROM ${day}::timestamptz)::int, ${day}::timestamptz, ${v.grams}, ${v.words})`,
      );
    }
    // One batch is written while the next is indexed: jieba runs in this process, PostgreSQL on the other core.
    await pending;
    pending = (async () => {
      await db.execute(sql`INSERT INTO disclosure_items (id, root_id, title, body_text, index_no, published_at, publish_date, unit_id, created_by, status)
        VALUES ${sql.join(items, sql`, `)}`);
      await db.execute(sql`INSERT INTO disclosure_search (item_id, unit_id, kind, year, published_at, grams, words)
        VALUES ${sql.join(rows, sql`, `)}`);
    })();
    if ((start / BATCH) % 40 === 0) console.error(`已写入 ${start + items.length} / ${DISTINCT}`);
  }
  await pending;
  // The copies, in SQL: copy j of item i is the (i·k + j)-th item; its month mark replaces the original's.
  const month = (at: ReturnType<typeof sql>) =>
    sql`((1 << 16) | ((extract(year FROM ${at} AT TIME ZONE 'UTC')::int - 2000) * 12 + extract(month FROM ${at} AT TIME ZONE 'UTC')::int - 1))`;
  for (let j = 1; j < (reuse ? 0 : REPEAT); j++) {
    await db.execute(sql`
      WITH src AS (
        SELECT d.*, s.grams, s.words, s.kind AS search_kind, gen_random_uuid() AS new_id,
               timestamptz '2021-01-01 00:00Z' + floor(((split_part(d.index_no, '-', 2)::int * ${REPEAT} + ${j})::float8 / ${N}) * 1825) * interval '1 day' AS at
        FROM disclosure_items d JOIN disclosure_search s ON s.item_id = d.id
        WHERE d.index_no NOT LIKE '%-%-%' AND split_part(d.index_no, '-', 2)::int * ${REPEAT} + ${j} < ${N}
      ), items AS (
        INSERT INTO disclosure_items (id, root_id, title, body_text, index_no, published_at, publish_date, unit_id, created_by, status)
        SELECT new_id, new_id, title, body_text, index_no || '-' || ${j}, at, (at AT TIME ZONE 'UTC')::date, unit_id, created_by, 'published' FROM src
      )
      INSERT INTO disclosure_search (item_id, unit_id, kind, year, published_at, grams, words)
      SELECT new_id, unit_id, search_kind, extract(year FROM at AT TIME ZONE 'UTC')::int, at,
             array_append(array_remove(grams, ${month(sql`published_at`)}), ${month(sql`at`)}), words
      FROM src`);
    console.error(`已复制第 ${j} 份（共 ${REPEAT - 1} 份）`);
  }
  const loadMs = performance.now() - t0;
  const g0 = performance.now();
  await db.execute(
    sql`CREATE INDEX IF NOT EXISTS disclosure_search_grams_idx ON disclosure_search USING gin (grams)`,
  );
  const ginMs = performance.now() - g0;
  await db.execute(sql`VACUUM ANALYZE disclosure_search`);
  await db.execute(sql`ANALYZE disclosure_items`);
  const size = await db.execute<{ t: string; s: string; i: string }>(
    sql`SELECT pg_size_pretty(pg_table_size('disclosure_items')) AS t, pg_size_pretty(pg_table_size('disclosure_search')) AS s,
               pg_size_pretty(pg_relation_size('disclosure_search_grams_idx')) AS i`,
  );

  const now = new Date('2026-03-01T00:00:00Z');
  const queries: [string, string, string][] = [
    ['rare', '罕见词', RARE],
    ['medium', '中频词', MEDIUM],
    ['frequent', '高频词', '工作'],
    ['two-words', '两词', `${MEDIUM} ${PAIR}`],
  ];
  const table: string[] = [];
  const json: {
    name: string;
    hits: number;
    substringHits: number;
    medianMs: number;
    p95Ms: number;
    ilikeMedianMs: number;
  }[] = [];
  for (const [name, label, q] of queries) {
    const times: number[] = [];
    let shown = '';
    // Two untimed runs first: the previous query's ILIKE scan (gigabytes at a million items) has just pushed the
    // search tables out of the page cache, which a serving database never does between two searches.
    for (let r = 0; r < 2; r++) await searchItems(database, '重庆市潼南区', q, {}, now);
    for (let r = 0; r < RUNS; r++) {
      const a = performance.now();
      const res = await searchItems(database, '重庆市潼南区', q, {}, now);
      times.push(performance.now() - a);
      if (res.hits.length === 0 || !res.hits[0]!.snippet) throw new Error(`${q}: no hits or snippets`);
      shown = `${res.total}${res.totalIsLowerBound ? '+' : ''}`;
    }
    // What the search really finds (uncounted by the cap), outside the timing.
    const hits = await countMatches(database, q);
    const words = q.split(' ');
    const where = sql.join(
      words.map((w) => sql`(title ILIKE ${`%${w}%`} OR body_text ILIKE ${`%${w}%`})`),
      sql` AND `,
    );
    const scan: number[] = [];
    let substringHits = 0;
    for (let r = 0; r < ILIKE_RUNS; r++) {
      const b = performance.now();
      const c = await db.execute<{ n: number }>(
        sql`SELECT count(*)::int AS n FROM disclosure_items WHERE status = 'published' AND ${where}`,
      );
      await db.execute(
        sql`SELECT id, title FROM disclosure_items WHERE status = 'published' AND ${where} ORDER BY published_at DESC LIMIT 10`,
      );
      scan.push(performance.now() - b);
      substringHits = c.rows[0]!.n;
    }
    const row = {
      name,
      hits,
      substringHits,
      medianMs: round(pct(times, 0.5)),
      p95Ms: round(pct(times, 0.95)),
      ilikeMedianMs: round(pct(scan, 0.5)),
    };
    json.push(row);
    table.push(
      `| ${label}「${q}」 | ${hits} (${shown}) | ${row.medianMs} | ${row.p95Ms} | ${substringHits} | ${row.ilikeMedianMs} |`,
    );
  }
  const report = [
    `Load average at the end: ${os
      .loadavg()
      .map((x) => x.toFixed(1))
      .join(' ')} (${os.cpus().length} CPUs)`,
    `Items: ${N}${REPEAT > 1 ? ` (${DISTINCT} distinct, each ${REPEAT} times)` : ''}, characters: ${((chars * REPEAT) / 1e6).toFixed(1)} M (avg ${(chars / DISTINCT).toFixed(0)} per item), runs per query: ${RUNS} (ILIKE ${ILIKE_RUNS})`,
    `Index values (jieba + bigrams, in JS): ${(idxMs / 1000).toFixed(1)} s; load with to_tsvector, no GIN: ${(loadMs / 1000).toFixed(1)} s; GIN build: ${(ginMs / 1000).toFixed(1)} s`,
    `disclosure_items ${size.rows[0]!.t}, disclosure_search ${size.rows[0]!.s}, its GIN index ${size.rows[0]!.i}`,
    '',
    '| Query | hits (shown) | median ms | p95 ms | ILIKE hits | ILIKE median ms |',
    '|---|---|---|---|---|---|',
    ...table,
  ].join('\n');
  console.log(report);
  await database.close();
  if (stop) await stop();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
  console.log(JSON.stringify({ items: N, queries: json }));
}

const round = (x: number) => Math.round(x * 10) / 10;

await main();
