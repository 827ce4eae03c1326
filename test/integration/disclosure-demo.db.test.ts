// The demo district's sample items (npm start): published once into each unit's own catalog, findable, linked
// (interpretation ↔ policy), and clean under the same checks every draft passes.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runChecks } from '../../src/domain/review/checks';
import { disclosureColumns, disclosureItems, units } from '../../src/server/db/schema';
import { DEMO_ITEMS, seedDisclosureDemo } from '../../src/server/modules/disclosure/demo-content';
import { setupApi, type TestApi } from '../api';

let api: TestApi;
beforeAll(async () => {
  api = await setupApi();
});
afterAll(() => api?.close());

describe('demo content', () => {
  it('publishes every sample once, each in its own unit’s catalog', async () => {
    const db = api.tdb.database.db;
    expect(await db.transaction((tx) => seedDisclosureDemo(tx))).toBe(DEMO_ITEMS.length);
    expect(await db.transaction((tx) => seedDisclosureDemo(tx))).toBe(0);
    const rows = await db
      .select({
        title: disclosureItems.title,
        status: disclosureItems.status,
        unit: units.name,
        colUnit: disclosureColumns.unitId,
        unitId: disclosureItems.unitId,
        policyRootId: disclosureItems.policyRootId,
        art20: disclosureItems.art20,
      })
      .from(disclosureItems)
      .innerJoin(units, eq(units.id, disclosureItems.unitId))
      .innerJoin(disclosureColumns, eq(disclosureColumns.id, disclosureItems.columnId));
    expect(rows).toHaveLength(DEMO_ITEMS.length);
    for (const r of rows) {
      expect(r.status).toBe('published');
      expect(r.colUnit).toBe(r.unitId);
      expect(r.title).toContain('示例');
      // PUB-6: every item has a 公开类别.
      expect(r.art20).toMatch(/^art2[01]/);
    }
    expect(rows.find((r) => r.unit === '双江镇')?.art20).toBe('art21t_5');
    expect(rows.find((r) => r.title.includes('政策解读'))!.policyRootId).not.toBeNull();
  });

  it.each(DEMO_ITEMS.map((d) => [d.title, d] as const))('%s passes the automatic checks', (_t, d) => {
    expect(runChecks(`${d.title}\n${d.body.join('\n')}`).filter((f) => f.blocking)).toEqual([]);
  });

  it('is on the portal and in search', async () => {
    const html = await (await api.app.request('/xxgk/gfxwj')).text();
    expect(html).toContain('潼南区政务公开工作制度（示例）');
    const [enrol] = await api.tdb.database.db
      .select({ id: disclosureItems.id })
      .from(disclosureItems)
      .where(eq(disclosureItems.title, '2026年秋季义务教育阶段招生入学工作方案（示例）'));
    const hits = await (await api.app.request(`/xxgk/search?q=${encodeURIComponent('招生入学')}`)).text();
    expect(hits).toContain(`/xxgk/info/${enrol!.id}`);
  });

  it('shows a summary that repeats the opening of the body only once in the search snippet', async () => {
    const html = await (await api.app.request(`/xxgk/search?q=${encodeURIComponent('投资计划')}`)).text();
    expect(html.split('为扎实推进2026年').length - 1).toBe(1);
  });
});
