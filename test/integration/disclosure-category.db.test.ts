// An item's 公开类别 (issue 13 part 2, PUB-6): required; an Art. 20 category or an Art. 21 topic of the unit's own
// list (镇街 the township list, other units the county one); taken from the column, through its ancestors, when the
// draft leaves it out; shown on the portal and numbered in the 索引号.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ColumnRow, ItemDetail } from '../../src/contracts/disclosure';
import { auditLog, disclosureItems, units } from '../../src/server/db/schema';
import { type Client, setupApi, type TestApi } from '../api';

let api: TestApi;
let office: Client;
let liaison: Client;
let town: string;
let fgwCols: ColumnRow[];
let townCols: ColumnRow[];

const ITEMS = '/api/disclosure/items';
const byCode = (cols: ColumnRow[], code: string) => cols.find((c) => c.code === code)!;
const itemRow = async (id: string) =>
  (await api.tdb.database.db.select().from(disclosureItems).where(eq(disclosureItems.id, id)))[0]!;

beforeAll(async () => {
  api = await setupApi();
  api.platform.config.linkProbe = false;
  const db = api.tdb.database.db;
  town = (await db.select().from(units).where(eq(units.name, '双江镇')))[0]!.id;
  const fgw = (await db.select().from(units).where(eq(units.name, '区发展改革委')))[0]!.id;
  office = await api.loginAs('office');
  liaison = await api.loginAs('fgw_liaison');
  fgwCols = (await office.get<ColumnRow[]>(`/api/disclosure/columns?unitId=${fgw}`)).body.data!;
  townCols = (await office.get<ColumnRow[]>(`/api/disclosure/columns?unitId=${town}`)).body.data!;
});
afterAll(() => api.close());

describe('公开类别 (PUB-6)', () => {
  it('is required: 400 "请选择公开类别" without one, also in a column that gives none; nothing written', async () => {
    const before = (await api.tdb.database.db.select().from(disclosureItems)).length;
    const none = await liaison.post(ITEMS, { title: '无类别的信息' });
    expect(none.status).toBe(400);
    expect(none.body.error?.message).toBe('请选择公开类别');
    const guide = await liaison.post(ITEMS, { title: '指南栏目信息', columnId: byCode(fgwCols, 'zn').id });
    expect(guide.status).toBe(400);
    expect(guide.body.error?.message).toBe('请选择公开类别');
    const bad = await liaison.post(ITEMS, { title: '错误类别', art20: 'art21_9' });
    expect(bad.status).toBe(400);
    expect(bad.body.error?.message).toContain('公开类别不正确');
    expect((await api.tdb.database.db.select().from(disclosureItems)).length).toBe(before);
  });

  it('is taken from the column, through a sub-column the office added, and numbered in the 索引号', async () => {
    const plan = await liaison.post<{ id: string }>(ITEMS, {
      title: '专项规划编制通知',
      columnId: byCode(fgwCols, 'art20_3').id,
    });
    expect(plan.status).toBe(201);
    const row = await itemRow(plan.body.data!.id);
    expect(row.art20).toBe('art20_3');
    expect(row.indexNo).toMatch(/-03-2026-/);
    // A sub-column under 社会救助 (art21_7) files its items under that topic.
    const sub = await office.post<{ id: string }>('/api/disclosure/columns', {
      name: '临时救助',
      parentId: byCode(fgwCols, 'art21_7').id,
    });
    expect(sub.status).toBe(201);
    const relief = await liaison.post<{ id: string }>(ITEMS, {
      title: '临时救助公示',
      columnId: sub.body.data!.id,
    });
    expect(relief.status).toBe(201);
    const r2 = await itemRow(relief.body.data!.id);
    expect(r2.art20).toBe('art21_7');
    expect(r2.indexNo).toMatch(/-21-2026-/);
    // Saving the form again without a category keeps the column's.
    const saved = await liaison.put<ItemDetail>(`${ITEMS}/${relief.body.data!.id}`, {
      title: '临时救助公示（修改）',
      columnId: sub.body.data!.id,
    });
    expect(saved.status).toBe(200);
    expect(saved.body.data!.art20).toBe('art21_7');
    // … and a save with neither is refused like a new draft.
    const empty = await liaison.put(`${ITEMS}/${relief.body.data!.id}`, { title: '临时救助公示（再改）' });
    expect(empty.status).toBe(400);
    expect(empty.body.error?.message).toBe('请选择公开类别');
    expect((await itemRow(relief.body.data!.id)).title).toBe('临时救助公示（修改）');
  });

  it('takes the chosen category over the column, and files a draft without a column under its category', async () => {
    const r = await liaison.post<{ id: string }>(ITEMS, {
      title: '规划栏目中的收费信息',
      columnId: byCode(fgwCols, 'art20_3').id,
      art20: 'art20_8',
    });
    expect(r.status).toBe(201);
    expect(await itemRow(r.body.data!.id)).toMatchObject({
      art20: 'art20_8',
      columnId: byCode(fgwCols, 'art20_3').id,
    });
    const topic = await liaison.post<{ id: string }>(ITEMS, { title: '公共服务事项', art20: 'art21_2' });
    expect(topic.status).toBe(201);
    expect((await itemRow(topic.body.data!.id)).columnId).toBe(byCode(fgwCols, 'art21_2').id);
  });

  it("accepts the township list for a 镇街 and refuses the other level's topics with a clear message", async () => {
    const ok = await office.post<{ id: string }>(ITEMS, {
      title: '筹资筹劳方案公示',
      unitId: town,
      art20: 'art21t_5',
    });
    expect(ok.status).toBe(201);
    const row = await itemRow(ok.body.data!.id);
    expect(row.art20).toBe('art21t_5');
    expect(row.columnId).toBe(byCode(townCols, 'art21t_5').id);
    // Topics in both lists (社会救助) are allowed for a 镇街 too.
    expect((await office.post(ITEMS, { title: '社会救助公示', unitId: town, art20: 'art21_7' })).status).toBe(
      201,
    );
    const county = await office.post(ITEMS, { title: '市政建设公告', unitId: town, art20: 'art21_1' });
    expect(county.status).toBe(400);
    expect(county.body.error?.message).toBe(
      '「市政建设」是县级人民政府及其部门的第二十一条公开事项，不适用于镇街，请重新选择公开类别',
    );
    const dept = await liaison.post(ITEMS, { title: '农业政策落实', art20: 'art21t_1' });
    expect(dept.status).toBe(400);
    expect(dept.body.error?.message).toBe(
      '「贯彻落实农业农村政策」是乡、镇人民政府的第二十一条公开事项，不适用于本单位，请重新选择公开类别',
    );
    expect((await liaison.post(ITEMS, { title: '市政建设公告', art20: 'art21_1' })).status).toBe(201);
    // The write and its audit row: one each for the accepted township draft.
    const audits = await api.tdb.database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.objectId, ok.body.data!.id));
    expect(audits.map((a) => a.action)).toEqual(['disclosure.item.create']);
  });

  it('shows an Art. 21 topic as the item’s 主题分类 on the portal', async () => {
    const r = await office.post<{ id: string }>(ITEMS, {
      title: '宅基地使用审核结果公示',
      unitId: town,
      columnId: byCode(townCols, 'art21t_4').id,
    });
    expect(r.status).toBe(201);
    await api.tdb.database.db
      .update(disclosureItems)
      .set({ status: 'published', publishDate: '2026-03-01', publishedAt: new Date('2026-03-01T02:00:00Z') })
      .where(eq(disclosureItems.id, r.body.data!.id));
    const html = await (await api.app.request(`/xxgk/info/${r.body.data!.id}`)).text();
    expect(html).toContain('第二十一条 宅基地使用情况审核');
  });
});
