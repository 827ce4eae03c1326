// Search that never misses (issue 15 part 2): on generated items (words outside jieba's dictionary planted at random
// places, attachments, random substrings as queries) the search finds every item a substring scan finds; 规划 finds
// the item filed under 规划信息; suggestions lead to results and never name a 科室; an empty result offers fewer
// words; facets count the matches.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { disclosureAttachments, disclosureItems, files } from '../../src/server/db/schema';
import { countMatches, searchItems } from '../../src/server/modules/disclosure';
import { ensureUnitCatalog } from '../../src/server/modules/disclosure/catalog';
import { unitColumnByCode } from '../../src/server/modules/disclosure/repo/catalog';
import { indexItem, unindexItem } from '../../src/server/modules/disclosure/search';
import { setupApi, type TestApi } from '../api';

let api: TestApi;
const NOW = new Date('2026-06-01T00:00:00Z');
let seed = 20261205;
const rnd = () => {
  seed = (seed * 1103515245 + 12345) & 0x7fffffff;
  return seed / 0x7fffffff;
};
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;

// Common words, words jieba does not know, and single characters that glue onto their neighbours.
const WORDS = '工作 通知 补贴 发展 规划 项目 建设 教育 农村 安全 管理 公开'.split(' ');
const PLANTED = ['秸秆禁烧', '森林防火', '河长制', '耕地撂荒', '渝快办', 'GB/T2260', '〔2026〕'];
const GLUE = '的了和在区县镇村年月日第一二三人事物地为于以及等与对';

interface Doc {
  id: string;
  title: string;
  body: string;
  attachment: string;
}
const docs: Doc[] = [];
let planColumnItem = '';

function text(len: number): string {
  let s = '';
  while (s.length < len) {
    const r = rnd();
    s += r < 0.5 ? pick(WORDS) : r < 0.6 ? pick(PLANTED) : pick([...GLUE]);
  }
  return s;
}

beforeAll(async () => {
  api = await setupApi();
  const db = api.tdb.database.db;
  const unit = await db.execute<{ id: string }>(sql`SELECT id FROM units WHERE name = '区发展改革委'`);
  const unitId = unit.rows[0]!.id;
  const author = await db.execute<{ id: string }>(sql`SELECT id FROM users WHERE username = 'fgw_liaison'`);
  const createdBy = author.rows[0]!.id;
  await ensureUnitCatalog(db, unitId);
  const planCol = (await unitColumnByCode(db, unitId, 'art20_3'))!;
  const [file] = await db
    .insert(files)
    .values({ name: 'a.txt', mime: 'text/plain', size: 1, sha256: 'x', content: '' })
    .returning();
  for (let i = 0; i < 300; i++) {
    const id = crypto.randomUUID();
    const d: Doc = { id, title: text(12), body: text(200), attachment: i % 5 === 0 ? text(120) : '' };
    docs.push(d);
    await db.insert(disclosureItems).values({
      id,
      rootId: id,
      unitId,
      title: d.title,
      indexNo: `T-${i}`,
      bodyText: d.body,
      status: 'published',
      publishDate: `202${i % 6}-03-01`,
      publishedAt: new Date(Date.UTC(2020 + (i % 6), 2, 1)),
      kind: i % 10 === 0 ? 'normative' : 'general',
      createdBy,
    });
    if (d.attachment)
      await db.insert(disclosureAttachments).values({
        itemId: id,
        fileId: file!.id,
        name: '附件',
        size: 1,
        mime: 'text/plain',
        text: d.attachment,
      });
    await indexItem(db, id);
  }
  // The demo's case: a plan filed under 规划信息 whose text never says 规划.
  planColumnItem = crypto.randomUUID();
  await db.insert(disclosureItems).values({
    id: planColumnItem,
    rootId: planColumnItem,
    unitId,
    columnId: planCol.id,
    title: '区发展改革委2026年重点项目投资计划',
    indexNo: 'T-plan',
    bodyText: '现将本年度重点项目投资计划公布如下。',
    status: 'published',
    publishDate: '2026-02-20',
    publishedAt: new Date('2026-02-20T01:00:00Z'),
    createdBy,
  });
  await indexItem(db, planColumnItem);
}, 240_000);
afterAll(() => api?.close());

const search = (q: string, f = {}) =>
  searchItems(api.tdb.database, '重庆市潼南区', q, { pageSize: 1000, ...f }, NOW);

/** What a substring scan finds (case-insensitive, like ILIKE), every word of the query. */
const scan = (q: string) =>
  docs
    .filter((d) =>
      q
        .toLowerCase()
        .split(/\s+/u)
        .filter((w) => w.length > 0)
        .every((w) => [d.title, d.body, d.attachment].some((t) => t.toLowerCase().includes(w))),
    )
    .map((d) => d.id)
    .sort();

describe('recall against a substring scan', () => {
  const queries = [
    ...PLANTED,
    'gb/t2260',
    '秸秆禁烧 补贴',
    '河长制 耕地撂荒',
    '工作',
    '禁烧',
    '防火工作',
    '的工作',
    '补贴的',
  ];
  it.each(queries)('%s', async (q) => {
    const want = scan(q);
    expect(want.length).toBeGreaterThan(0);
    const found = new Set((await search(q)).hits.map((h) => h.id));
    expect(want.filter((id) => !found.has(id))).toEqual([]);
    expect(await countMatches(api.tdb.database, q)).toBeGreaterThanOrEqual(want.length);
  });

  it('random substrings of random items (2–6 characters, attachments included)', async () => {
    let missed = 0;
    let checked = 0;
    for (let k = 0; k < 60; k++) {
      const d = pick(docs);
      const source = d.attachment && k % 3 === 0 ? d.attachment : k % 4 === 0 ? d.title : d.body;
      const at = Math.floor(rnd() * (source.length - 6));
      const q = source.slice(at, at + 2 + Math.floor(rnd() * 5));
      const want = scan(q);
      const found = new Set((await search(q)).hits.map((h) => h.id));
      missed += want.filter((id) => !found.has(id)).length;
      checked += want.length;
    }
    expect(checked).toBeGreaterThan(100);
    expect(missed).toBe(0);
  });

  it('a withdrawn item is no longer found', async () => {
    const d = docs[7]!;
    await unindexItem(api.tdb.database.db, d.id);
    const q = d.title.slice(0, 4);
    expect((await search(q)).hits.map((h) => h.id)).not.toContain(d.id);
    await indexItem(api.tdb.database.db, d.id);
    expect((await search(q)).hits.map((h) => h.id)).toContain(d.id);
  });
});

describe('ranking, help and facets', () => {
  it('规划 finds the item filed under 规划信息', async () => {
    const r = await search('规划', { pageSize: 1000 });
    expect(r.hits.map((h) => h.id)).toContain(planColumnItem);
  });

  it('an item with the word in its title ranks above one with it only in the body', async () => {
    const r = await search('森林防火');
    const inTitle = new Set(docs.filter((d) => d.title.includes('森林防火')).map((d) => d.id));
    expect(inTitle.size).toBeGreaterThan(0);
    expect(inTitle.has(r.hits[0]!.id)).toBe(true);
  });

  it('facets count the matches by year and kind', async () => {
    const r = await search('秸秆禁烧');
    const want = scan('秸秆禁烧');
    const sum = (xs: { count: number }[]) => xs.reduce((a, b) => a + b.count, 0);
    expect(sum(r.facets.years)).toBe(r.total);
    expect(sum(r.facets.kinds)).toBe(r.total);
    expect(r.total).toBeGreaterThanOrEqual(want.length);
    const y2023 = docs.filter((d, i) => i % 6 === 3 && want.includes(d.id)).length;
    expect(r.facets.years.find((y) => y.value === '2023')?.count).toBe(y2023);
    // A facet narrows the results to its count.
    const narrowed = await search('秸秆禁烧', { year: 2023 });
    expect(narrowed.total).toBe(y2023);
  });

  it('an empty result offers fewer words that do find something', async () => {
    const r = await search('秸秆禁烧 不存在的词语');
    expect(r.total).toBe(0);
    expect(r.fewerWords).toContain('秸秆禁烧');
    expect(r.fewerWords).not.toContain('不存在的词语');
    const html = await (
      await api.app.request(`/xxgk/search?q=${encodeURIComponent('秸秆禁烧 不存在的词语')}`)
    ).text();
    expect(html).toContain('减少或拆分检索词');
    expect(html).toContain('href="/xxgk"');
    expect(html).toContain('href="/ysqgk"');
  });

  it('"您是不是要找" never offers an internal 科室 and only what finds something', async () => {
    // The unit registry reads these as typos of the 科室 信息科（政务公开科）.
    for (const q of ['信息课', '政务公开课', '区政府办公室信息课', '发展改革委员']) {
      const r = await search(q);
      for (const s of r.suggestions) {
        expect(s).not.toContain('信息科（政务公开科）');
        expect((await search(s)).total).toBeGreaterThan(0);
      }
    }
    // A public unit with published items is still offered.
    expect((await search('发展改革委员')).suggestions).toEqual(['区发展改革委']);
  });

  it('the portal page shows facets with counts', async () => {
    const html = await (await api.app.request(`/xxgk/search?q=${encodeURIComponent('秸秆禁烧')}`)).text();
    expect(html).toContain('class="facets"');
    expect(html).toMatch(/2023年<\/a> <span class="count">\(\d+\)/);
  });
});
