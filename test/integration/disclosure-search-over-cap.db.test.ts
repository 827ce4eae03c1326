// Search beyond the count cap (issue 15 part 3): with small limits (cap 100, 10 candidates, windows of the 60 and 600
// most recent items) on 3,000 items, every way the candidates are found — the small month window after the
// estimate-driven check, a window skipped because the share of matches says it holds too few, the large window, and
// all matches when the words are only in old items — must give the same answer as the plain definition: the
// `candidates` most recent matches, ranked. A window chosen wrongly would rank older items or miss newer ones.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bigramCodes, monthCode, queryGrams } from '../../src/domain/disclosure/grams';
import { type SearchLimits, searchItems } from '../../src/server/modules/disclosure';
import { setupApi, type TestApi } from '../api';

let api: TestApi;
const NOW = new Date('2026-06-01T00:00:00Z');
const N = 3_000;
const LIMITS: SearchLimits = { countCap: 100, candidates: 10, recent: [60, 600] };

/** Item i's words: 工作 in all, 秸秆禁烧 in a fifth, 补贴 in a third, 河长制 only in old items, 森林防火 in 50. */
function wordsOf(i: number): string[] {
  const w = ['工作', '通知'];
  if (i % 5 === 0) w.push('秸秆禁烧');
  if (i % 3 === 0) w.push('补贴');
  if (i < 1_500 && i % 10 === 0) w.push('河长制');
  if (i % 60 === 7) w.push('森林防火');
  return w;
}
/** Item i is published i hours after the start: every date distinct, the newest last. */
const publishedAt = (i: number) => new Date(Date.UTC(2025, 0, 1) + i * 3_600_000);

beforeAll(async () => {
  api = await setupApi();
  const db = api.tdb.database.db;
  const unitId = (await db.execute<{ id: string }>(sql`SELECT id FROM units WHERE name = '区发展改革委'`))
    .rows[0]!.id;
  const createdBy = (
    await db.execute<{ id: string }>(sql`SELECT id FROM users WHERE username = 'fgw_liaison'`)
  ).rows[0]!.id;
  // Only these items in the index (the demo's samples would match 工作 too).
  await db.execute(sql`DELETE FROM disclosure_search`);
  for (let start = 0; start < N; start += 500) {
    const items = [];
    const rows = [];
    for (let i = start; i < start + 500; i++) {
      const id = crypto.randomUUID();
      const at = publishedAt(i).toISOString();
      const text = wordsOf(i).join(' ');
      const grams = `{${[...bigramCodes(text), monthCode(publishedAt(i))].join(',')}}`;
      items.push(
        sql`(${id}::uuid, ${id}::uuid, ${`第${i}号 ${text}`}, ${text}, ${`OC-${i}`}, ${at}::timestamptz, (${at}::timestamptz)::date, ${unitId}::uuid, ${createdBy}::uuid, 'published')`,
      );
      rows.push(
        sql`(${id}::uuid, ${unitId}::uuid, 'general', 2025, ${at}::timestamptz, ${grams}::int4[], to_tsvector('simple', ${text}))`,
      );
    }
    await db.execute(sql`INSERT INTO disclosure_items (id, root_id, title, body_text, index_no, published_at, publish_date, unit_id, created_by, status)
      VALUES ${sql.join(items, sql`, `)}`);
    await db.execute(sql`INSERT INTO disclosure_search (item_id, unit_id, kind, year, published_at, grams, words)
      VALUES ${sql.join(rows, sql`, `)}`);
  }
  // Statistics as autovacuum keeps them: the planner's estimate and the row count drive the choices.
  await db.execute(sql`VACUUM ANALYZE disclosure_search`);
}, 240_000);
afterAll(() => api?.close());

/** The plain definition: the item ids of the `candidates` most recent matches of every word of `q`. */
async function mostRecent(q: string, k: number): Promise<string[]> {
  const r = await api.tdb.database.db.execute<{ item_id: string }>(
    sql`SELECT item_id FROM disclosure_search WHERE grams @> ${`{${queryGrams(q).join(',')}}`}::int4[]
        ORDER BY published_at DESC LIMIT ${k}`,
  );
  return r.rows.map((x) => x.item_id).sort();
}

const search = (q: string) => searchItems(api.tdb.database, '重庆市潼南区', q, { pageSize: 10 }, NOW, LIMITS);

describe('over the count cap, the candidates are the most recent matches', () => {
  const cases: [string, number][] = [
    // The estimate says "most items": over the cap among the 600 most recent (a share of at least 101/600), so the
    // 60-item window is expected to hold 10 and is asked first.
    ['工作', N],
    // Counted over the cap: at least 101 of 3,000 (3.4 %), the 60-item window skipped, the 600-item one asked.
    ['秸秆禁烧', N / 5],
    ['秸秆禁烧 补贴', N / 15],
    // The same share; the 600-item window holds none of these old items: all matches are asked.
    ['河长制', 150],
  ];
  it.each(cases)('%s (%i matches)', async (q, matches) => {
    const r = await search(q);
    expect(matches).toBeGreaterThan(LIMITS.countCap);
    expect(r.total).toBe(LIMITS.countCap);
    expect(r.totalIsLowerBound).toBe(true);
    expect(r.facetsOmitted).toBe(true);
    expect(r.facets.units).toEqual([]);
    expect(r.hits.map((h) => h.id).sort()).toEqual(await mostRecent(q, LIMITS.candidates));
  });

  it('within the cap: the exact number, and facets that add up to it', async () => {
    const r = await search('森林防火');
    expect(r.total).toBe(50);
    expect(r.totalIsLowerBound).toBe(false);
    expect(r.facetsOmitted).toBe(false);
    expect(r.facets.units.reduce((a, u) => a + u.count, 0)).toBe(50);
    expect(r.hits).toHaveLength(10);
  });

  it('the default limits give the same candidates when nothing is over the cap', async () => {
    const r = await searchItems(api.tdb.database, '重庆市潼南区', '河长制', { pageSize: 200 }, NOW);
    expect(r.total).toBe(150);
    expect(r.hits).toHaveLength(150);
  });
});
