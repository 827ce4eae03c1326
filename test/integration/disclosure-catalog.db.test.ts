// One catalog per unit (issue 5 part 1): each unit's own tree of the four standard columns, items filed only in
// their unit's tree, the office adding a column to every unit at once, task notices' paths per unit, the portal's
// unit pages, the cross-unit column filter of search.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ColumnRow, TaskPathRow } from '../../src/contracts/disclosure';
import {
  annualReports,
  disclosureItems,
  planTasks,
  taskAssignments,
  units,
  users,
  workPlans,
} from '../../src/server/db/schema';
import { indexItem } from '../../src/server/modules/disclosure/search';
import { emptyTable2 } from '../../src/server/modules/reports';
import { type Client, setupApi, type TestApi } from '../api';

let api: TestApi;
let office: Client;
let liaison: Client;
let fgwUnit: string;
let rootUnit: string;
let rootCols: ColumnRow[];
let fgwCols: ColumnRow[];

const byName = (cols: ColumnRow[], name: string) => cols.find((c) => c.name === name)!;
const columnsOf = async (c: Client, unitId?: string) =>
  (await c.get<ColumnRow[]>(`/api/disclosure/columns${unitId ? `?unitId=${unitId}` : ''}`)).body.data!;

beforeAll(async () => {
  api = await setupApi();
  api.platform.config.linkProbe = false;
  const db = api.tdb.database.db;
  fgwUnit = (await db.select().from(units).where(eq(units.name, '区发展改革委')))[0]!.id;
  rootUnit = (await db.select().from(units).where(eq(units.kind, 'government')))[0]!.id;
  office = await api.loginAs('office');
  liaison = await api.loginAs('fgw_liaison');
  rootCols = await columnsOf(office);
  fgwCols = await columnsOf(office, fgwUnit);
});
afterAll(() => api.close());

describe('a catalog per unit', () => {
  it('gives the district government and a department each their own standard tree', () => {
    for (const [cols, unit] of [
      [rootCols, rootUnit],
      [fgwCols, fgwUnit],
    ] as const) {
      expect(cols.filter((c) => !c.parentId).map((c) => c.name)).toEqual([
        '政府信息公开指南',
        '政府信息公开制度',
        '法定主动公开内容',
        '政府信息公开年报',
      ]);
      expect(cols).toHaveLength(4 + 15 + 7);
      expect(cols.every((c) => c.unitId === unit)).toBe(true);
    }
    const rootIds = new Set(rootCols.map((c) => c.id));
    expect(fgwCols.some((c) => rootIds.has(c.id))).toBe(false);
  });

  it('answers 404 for a unit that does not exist and 400 for a malformed one', async () => {
    expect(
      (await office.get('/api/disclosure/columns?unitId=00000000-0000-4000-8000-000000000000')).status,
    ).toBe(404);
    expect((await office.get('/api/disclosure/columns?unitId=fgw')).status).toBe(400);
  });

  it("files an item only in its own unit's catalog; without a column, in its Art. 20 category", async () => {
    const wrong = await liaison.post('/api/disclosure/items', {
      title: '规划公示',
      columnId: byName(rootCols, '规划信息').id,
    });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error?.message).toContain('不属于本单位的公开目录');
    const auto = await liaison.draftItem({
      title: '2026年重点项目计划',
      art20: 'art20_10',
    });
    expect(auto.status).toBe(201);
    const [row] = await api.tdb.database.db
      .select({ columnId: disclosureItems.columnId })
      .from(disclosureItems)
      .where(eq(disclosureItems.id, auto.body.data!.id));
    expect(row!.columnId).toBe(byName(fgwCols, '重大建设项目').id);
  });

  it('files an office draft under the unit above its 科室 by default, or under the unit the office picks', async () => {
    const db = api.tdb.database.db;
    const unitOf = async (id: string) =>
      (
        await db
          .select({ u: units.name })
          .from(disclosureItems)
          .innerJoin(units, eq(units.id, disclosureItems.unitId))
          .where(eq(disclosureItems.id, id))
      )[0]!.u;
    const own = await office.draftItem({ title: '区政府办公室通知' });
    expect(own.status).toBe(201);
    expect(await unitOf(own.body.data!.id)).toBe('区政府办公室');
    const forGov = await office.draftItem({
      title: '区政府通告',
      unitId: rootUnit,
      columnId: byName(rootCols, '规划信息').id,
    });
    expect(forGov.status).toBe(201);
    expect(await unitOf(forGov.body.data!.id)).toBe('重庆市潼南区人民政府');
    // A unit that does not exist is named, and nothing is written.
    const before = (await db.select().from(disclosureItems)).length;
    const ghost = await office.post('/api/disclosure/items', {
      title: '无此单位',
      unitId: '00000000-0000-4000-8000-000000000000',
    });
    expect(ghost.status).toBe(404);
    expect(ghost.body.error?.message).toBe('单位不存在');
    expect((await db.select().from(disclosureItems)).length).toBe(before);
    // A liaison cannot draft for another unit.
    expect((await liaison.post('/api/disclosure/items', { title: 'x', unitId: rootUnit })).status).toBe(404);
  });

  it('adds a column to every unit at once when asked, and only to the chosen unit otherwise', async () => {
    const fd = byName(rootCols, '法定主动公开内容').id;
    const one = await office.post<{ alsoCreated: number }>('/api/disclosure/columns', {
      name: '区政府常务会议',
      parentId: fd,
    });
    expect(one.status).toBe(201);
    expect(one.body.data!.alsoCreated).toBe(0);
    expect((await columnsOf(office, fgwUnit)).some((c) => c.name === '区政府常务会议')).toBe(false);
    const all = await office.post<{ alsoCreated: number }>('/api/disclosure/columns', {
      name: '重点领域信息公开',
      parentId: fd,
      allUnits: true,
    });
    expect(all.status).toBe(201);
    // fgw's catalog exists (listed above), so it receives the column under its own 法定主动公开内容.
    expect(all.body.data!.alsoCreated).toBeGreaterThanOrEqual(1);
    const fgwNow = await columnsOf(office, fgwUnit);
    const added = byName(fgwNow, '重点领域信息公开');
    expect(added.parentId).toBe(byName(fgwNow, '法定主动公开内容').id);
    // A unit id that disagrees with the parent's unit is refused.
    const mixed = await office.post('/api/disclosure/columns', { name: 'x', parentId: fd, unitId: fgwUnit });
    expect(mixed.status).toBe(400);
  });

  it('keeps a deleted standard sub-column deleted (the catalog is seeded once per unit)', async () => {
    const misc = byName(fgwCols, '社会救助').id;
    expect((await office.del(`/api/disclosure/columns/${misc}`)).status).toBe(200);
    expect((await columnsOf(office, fgwUnit)).some((c) => c.name === '社会救助')).toBe(false);
  });

  it('refuses to move a column under itself, its child, or another unit', async () => {
    const fd = byName(fgwCols, '法定主动公开内容');
    const plan = byName(fgwCols, '规划信息');
    const child = await office.post<ColumnRow>('/api/disclosure/columns', {
      name: '专项规划',
      parentId: plan.id,
    });
    for (const parentId of [plan.id, child.body.data!.id, byName(rootCols, '规划信息').id]) {
      const r = await office.put(`/api/disclosure/columns/${plan.id}`, { name: '规划信息', parentId });
      expect(r.status).toBe(400);
    }
    expect(
      (await office.put(`/api/disclosure/columns/${fd.id}`, { name: '法定主动公开内容', parentId: plan.id }))
        .status,
    ).toBe(400);
  });
});

describe("the disclosure paths of a unit's tasks", () => {
  it('lists them with where they land, and creates the missing columns from them', async () => {
    const db = api.tdb.database.db;
    const [plan] = await db
      .insert(workPlans)
      .values({ title: '2026年政务公开工作要点任务分工', year: 2026, fingerprint: 'x' })
      .returning();
    const [task] = await db
      .insert(planTasks)
      .values({
        planId: plan!.id,
        ref: '5',
        sort: 5,
        text: '公开国民经济和社会发展规划',
        deadlines: [],
        disclosurePaths: [
          ['政府网站', '政府信息公开', '法定主动公开内容', '规划信息', '国民经济和社会发展规划'],
        ],
      })
      .returning();
    await db.insert(taskAssignments).values({ taskId: task!.id, unitId: fgwUnit, isLead: true });
    const list = await liaison.get<TaskPathRow[]>(`/api/disclosure/columns/task-paths?unitId=${fgwUnit}`);
    expect(list.status).toBe(200);
    expect(list.body.data).toEqual([
      expect.objectContaining({
        segments: ['法定主动公开内容', '规划信息', '国民经济和社会发展规划'],
        missing: ['国民经济和社会发展规划'],
        columnId: null,
        tasks: [expect.objectContaining({ ref: '5', isLead: true })],
      }),
    ]);
    // The district government's catalog is not the unit's: its list stays empty.
    expect((await office.get<TaskPathRow[]>('/api/disclosure/columns/task-paths')).body.data).toEqual([]);
    const path = list.body.data![0]!.path;
    expect(
      (await liaison.post('/api/disclosure/columns/resolve-path', { path, create: true, unitId: fgwUnit }))
        .status,
    ).toBe(403);
    const made = await office.post<{ created: number; columnId: string }>(
      '/api/disclosure/columns/resolve-path',
      {
        path,
        create: true,
        unitId: fgwUnit,
      },
    );
    expect(made.body.data!.created).toBe(1);
    const after = await office.get<TaskPathRow[]>(`/api/disclosure/columns/task-paths?unitId=${fgwUnit}`);
    expect(after.body.data![0]).toMatchObject({ missing: [], columnId: made.body.data!.columnId });
    expect((await columnsOf(office, fgwUnit)).find((c) => c.id === made.body.data!.columnId)?.unitId).toBe(
      fgwUnit,
    );
    expect((await api.anon().get('/api/disclosure/columns/task-paths')).status).toBe(401);
  });
});

describe('portal', () => {
  let itemId: string;
  beforeAll(async () => {
    const r = await liaison.draftItem({
      title: '区发展改革委2026年专项规划编制通知',
      columnId: byName(fgwCols, '规划信息').id,
    });
    itemId = r.body.data!.id;
    const db = api.tdb.database.db;
    await db
      .update(disclosureItems)
      .set({ status: 'published', publishDate: '2026-03-01', publishedAt: new Date('2026-03-01T02:00:00Z') })
      .where(eq(disclosureItems.id, itemId));
    await indexItem(db, itemId);
  });

  const page = async (path: string) => {
    const r = await api.anon().request('GET', path);
    return { status: r.status, html: await r.raw.text(), headers: r.headers };
  };

  it('lists the units with their catalogs, and shows a unit catalog page', async () => {
    const list = await page('/xxgk/units');
    expect(list.status).toBe(200);
    expect(list.html).toContain(`href="/xxgk/unit/${fgwUnit}"`);
    expect(list.html).toContain('区发展改革委（1）');
    const unitPage = await page(`/xxgk/unit/${fgwUnit}`);
    expect(unitPage.status).toBe(200);
    expect(unitPage.html).toContain('区发展改革委信息公开目录');
    expect(unitPage.html).toContain(`/xxgk/column/${byName(fgwCols, '规划信息').id}`);
    expect(unitPage.html).toContain('规划信息（1）');
    // The console's tree counts the same published item.
    expect(byName(await columnsOf(office, fgwUnit), '规划信息').itemCount).toBe(1);
    // The side navigation leads to the unit's own four columns.
    expect(unitPage.html).toContain(`href="/xxgk/unit/${fgwUnit}/fdzdgknr"`);
  });

  it("serves a unit's standard column and lists its items there, not in the district government's", async () => {
    const fd = await page(`/xxgk/unit/${fgwUnit}/fdzdgknr`);
    expect(fd.status).toBe(200);
    expect(fd.html).toContain('区发展改革委2026年专项规划编制通知');
    expect(fd.html).toContain('发布机构：区发展改革委');
    const districtFd = await page('/xxgk/fdzdgknr');
    expect(districtFd.html).not.toContain('区发展改革委2026年专项规划编制通知');
    const item = await page(`/xxgk/info/${itemId}`);
    // Breadcrumbs: 政府信息公开 › 区发展改革委 › 法定主动公开内容 › 规划信息 › 正文.
    expect(item.html).toMatch(/政府信息公开<\/a>.*区发展改革委<\/a>.*法定主动公开内容<\/a>.*规划信息<\/a>/s);
  });

  it('answers 404 for unknown units, and sends the district government to /xxgk', async () => {
    expect((await page('/xxgk/unit/not-a-unit')).status).toBe(404);
    expect((await page('/xxgk/unit/00000000-0000-4000-8000-000000000000/zn')).status).toBe(404);
    const root = await api.anon().request('GET', `/xxgk/unit/${rootUnit}`);
    expect(root.status).toBe(301);
    expect(root.headers.get('Location')).toBe('/xxgk');
  });

  it("lists a unit's published annual reports in its 年报 column; /xxgk/nb links the district's other 年报 items", async () => {
    const db = api.tdb.database.db;
    await db.insert(annualReports).values({
      unitId: fgwUnit,
      year: 2025,
      table2: emptyTable2(),
      publishedAt: new Date('2026-01-20T02:00:00Z'),
      publishedHtml: '<p>年报</p>',
    });
    const nb = await page(`/xxgk/unit/${fgwUnit}/nb`);
    expect(nb.html).toContain('区发展改革委2025年政府信息公开工作年度报告');
    expect((await page('/xxgk/fdzdgknr')).html).not.toContain('年度报告</a>');
    expect((await page('/xxgk/nb')).html).not.toContain('本栏目发布的其他信息');
    const rootNb = byName(rootCols, '政府信息公开年报').id;
    const [other] = await db
      .insert(disclosureItems)
      .values({
        rootId: crypto.randomUUID(),
        unitId: rootUnit,
        columnId: rootNb,
        title: '年报解读',
        indexNo: 'NB-1',
        status: 'published',
        createdBy: (await db.select().from(users).limit(1))[0]!.id,
      })
      .returning();
    expect(other).toBeDefined();
    expect((await page('/xxgk/nb')).html).toContain(`href="/xxgk/column/${rootNb}"`);
  });

  it('filters search by a standard column across units', async () => {
    const q = encodeURIComponent('专项规划');
    const hit = await page(`/xxgk/search?q=${q}&column=art20_3`);
    expect(hit.html).toContain(`/xxgk/info/${itemId}`);
    const miss = await page(`/xxgk/search?q=${q}&column=art20_4`);
    expect(miss.html).not.toContain(`/xxgk/info/${itemId}`);
    // The filter form offers the standard columns by code.
    expect(hit.html).toContain('<option value="art20_3" selected');
  });
});
