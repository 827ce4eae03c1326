// Portal search filters (issue 5 part 8): unit, column and validity can be chosen on the search page, are applied,
// and survive paging. Items are published directly in the database: the review workflow has its own tests.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ColumnRow } from '../../src/contracts/disclosure';
import { disclosureItems, units } from '../../src/server/db/schema';
import { indexItem } from '../../src/server/modules/disclosure/search';
import { setupApi, type TestApi } from '../api';

let api: TestApi;
let planCol: string;
let fgwUnit: string;
const ids: Record<string, string> = {};

beforeAll(async () => {
  api = await setupApi();
  api.platform.config.linkProbe = false;
  const office = await api.loginAs('office');
  const fgw = await api.loginAs('fgw_liaison');
  fgwUnit = (await api.tdb.database.db.select().from(units).where(eq(units.name, '区发展改革委')))[0]!.id;
  const cols = (await office.get<ColumnRow[]>(`/api/disclosure/columns?unitId=${fgwUnit}`)).body.data!;
  planCol = cols.find((c) => c.name === '规划信息')!.id;
  const jw = await api.loginAs('jw_liaison');
  for (const [key, client, body] of [
    ['plan', fgw, { title: '城区绿化提升规划', columnId: planCol }],
    ['other', fgw, { title: '城区绿化养护通知' }],
    ['school', jw, { title: '校园绿化建设方案' }],
    ['norm', fgw, { title: '绿化管理办法', kind: 'normative', validity: 'repealed' }],
  ] as const) {
    const r = await client.draftItem<{ id: string; unitId: string }>(body);
    expect(r.status).toBe(201);
    ids[key] = r.body.data!.id;
  }
  const db = api.tdb.database.db;
  for (const id of Object.values(ids)) {
    await db
      .update(disclosureItems)
      .set({ status: 'published', publishDate: '2026-03-01' })
      .where(eq(disclosureItems.id, id));
    await indexItem(db, id);
  }
});
afterAll(() => api?.close());

const hitsOf = async (qs: string) => {
  const html = await (await api.app.request(`/xxgk/search?q=${encodeURIComponent('绿化')}${qs}`)).text();
  return {
    html,
    ids: Object.entries(ids)
      .filter(([, id]) => html.includes(`/xxgk/info/${id}`))
      .map(([k]) => k),
  };
};

describe('portal search filters', () => {
  it('the form offers unit, column and validity', async () => {
    const { html, ids: all } = await hitsOf('');
    expect(all.sort()).toEqual(['norm', 'other', 'plan', 'school']);
    for (const name of ['unit', 'column', 'validity', 'year']) expect(html).toContain(`name="${name}"`);
    expect(html).toContain(`<option value="${fgwUnit}"`);
    // Columns are offered by standard code: one choice covers that column in every unit's catalog.
    expect(html).toContain('<option value="art20_3"');
  });

  it.each([
    ['column', () => '&column=art20_3', ['plan']],
    ['column (a normative document filed in its Art. 20 category)', () => '&column=art20_1', ['norm']],
    ['unit', () => `&unit=${fgwUnit}`, ['norm', 'other', 'plan']],
    ['validity', () => '&validity=repealed', ['norm']],
  ])('filters by %s and keeps the choice selected', async (_name, qs, want) => {
    const { html, ids: got } = await hitsOf(qs());
    expect(got.sort()).toEqual(want);
    expect(html).toMatch(/<option value="[^"]+" selected/);
  });

  it("filters by one unit's column given by id (links from a unit's column page)", async () => {
    expect((await hitsOf(`&column=${planCol}`)).ids).toEqual(['plan']);
  });
});
