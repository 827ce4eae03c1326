// The 基层政务公开标准目录 (issue 13 part 1): an .xlsx with merged cells imported through preview and commit (all or
// nothing), rows bound to the catalog columns of the units responsible (县级 → 区民政局, 乡级 → every 镇街), versions
// with what changed, and the coverage check on seeded items with hand-computed results; 整改 tasks in the ledger.
import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  Coverage,
  DirectoryPreview,
  DirectoryRow,
  DirectoryVersion,
} from '../../src/contracts/directory';
import { CAT1_COLUMNS } from '../../src/domain/disclosure/directory';
import {
  auditLog,
  disclosureItems,
  taskAssignments,
  units,
  users,
  workPlans,
} from '../../src/server/db/schema';
import { type Client, setupApi, type TestApi } from '../api';
import { directoryXlsx } from '../fixtures/directory-xlsx';

const HEAD = [...CAT1_COLUMNS];

let api: TestApi;
let office: Client;
let liaison: Client;
let auditor: Client;
const unitIdOf = async (name: string) =>
  (await api.tdb.database.db.select().from(units).where(eq(units.name, name)))[0]!.id;

beforeAll(async () => {
  api = await setupApi();
  office = await api.loginAs('office');
  liaison = await api.loginAs('fgw_liaison');
  auditor = await api.loginAs('auditor');
});
afterAll(() => api.close());

const preview = async (c: Client, bytes: Uint8Array, name = '标准目录.xlsx') =>
  c.upload<DirectoryPreview>('/api/disclosure/directory/preview', name, bytes);
const commitBody = (p: DirectoryPreview, extra: Record<string, unknown> = {}) => ({
  title: '潼南区社会救助领域标准目录',
  rows: p.rows.map(({ due: _d, units: _u, errors: _e, warnings: _w, ...r }) => r),
  notApplicable: p.notApplicable,
  ...extra,
});

describe('routes: 401, 403, 400', () => {
  it('refuses anonymous callers and roles without the permission', async () => {
    const anon = api.anon();
    expect((await anon.get('/api/disclosure/directory/versions')).status).toBe(401);
    expect((await anon.get('/api/disclosure/directory/rows')).status).toBe(401);
    expect((await anon.get('/api/disclosure/directory/coverage?from=2026-01-01&to=2026-03-31')).status).toBe(
      401,
    );
    expect((await anon.post('/api/disclosure/directory/commit', {})).status).toBe(401);
    expect((await anon.post('/api/disclosure/directory/rectify', {})).status).toBe(401);
    expect((await preview(anon, await directoryXlsx())).status).toBe(401);
    // A liaison sees the directory but may not import it or send out 整改.
    expect((await preview(liaison, await directoryXlsx())).status).toBe(403);
    expect((await liaison.post('/api/disclosure/directory/commit', {})).status).toBe(403);
    expect((await liaison.post('/api/disclosure/directory/rectify', {})).status).toBe(403);
    expect((await auditor.get('/api/disclosure/directory/versions')).status).toBe(403);
    expect((await auditor.get('/api/disclosure/directory/rows')).status).toBe(403);
    expect(
      (await auditor.get('/api/disclosure/directory/coverage?from=2026-01-01&to=2026-03-31')).status,
    ).toBe(403);
  });

  it('answers 400 with a Chinese message for bad input', async () => {
    const notTable = await preview(office, new TextEncoder().encode('这不是目录'), '说明.txt');
    expect(notTable.status).toBe(200);
    expect(notTable.body.data!.errors[0]).toContain('未找到标准目录表格');
    const noRows = await office.post('/api/disclosure/directory/commit', { title: '目录', rows: [] });
    expect(noRows.status).toBe(400);
    expect(noRows.body.error?.message).toContain('没有目录事项');
    const badPeriod = await office.get('/api/disclosure/directory/coverage?from=2026-04-01&to=2026-03-31');
    expect(badPeriod.status).toBe(400);
    expect(badPeriod.body.error?.message).toContain('开始日期不能晚于结束日期');
    expect(
      (
        await office.post('/api/disclosure/directory/rectify', {
          from: '2026-01-01',
          to: '2026-13-01',
          dueDate: '2026-05-01',
        })
      ).status,
    ).toBe(400);
    expect((await office.get('/api/disclosure/directory/rows?unitId=x')).status).toBe(400);
  });
});

describe('import', () => {
  it('names the missing columns and an unknown unit; commit refuses until the officer maps it', async () => {
    const missing = await preview(office, await directoryXlsx({ head: HEAD.slice(0, 8) }));
    expect(missing.body.data!.errors).toEqual(['「社会救助领域」缺少列：公开对象、公开方式、公开层级']);

    const unknown = (await preview(office, await directoryXlsx({ subject3: '区星际事务局' }))).body.data!;
    expect(unknown.errors).toEqual(['「社会救助领域」第4行：公开主体「区星际事务局」不是已登记的单位']);
    const refused = await office.post('/api/disclosure/directory/commit', commitBody(unknown));
    expect(refused.status).toBe(400);
    expect(refused.body.error?.message).toContain('区星际事务局');
    const db = api.tdb.database.db;
    expect(
      await db.select().from(auditLog).where(eq(auditLog.action, 'disclosure.directory.import')),
    ).toHaveLength(0);
    // The officer's choice for the unknown name is checked the same way: a township is no 县级 unit.
    const wrongUnit = await office.post('/api/disclosure/directory/commit', {
      ...commitBody(unknown),
      unitMap: { 区星际事务局: [await unitIdOf('双江镇')] },
    });
    expect(wrongUnit.status).toBe(400);
    expect(wrongUnit.body.error?.message).toContain('县级事项的公开主体「区星际事务局」中没有区级单位');
  });

  it('previews rows with merged cells carried down, due rules and the units bound', async () => {
    const p = (await preview(office, await directoryXlsx())).body.data!;
    expect(p.errors).toEqual([]);
    expect(p.currentVersion).toBeNull();
    expect(p.rows.map((r) => [r.domain, r.level1, r.level2, r.due, r.units.length])).toEqual([
      ['社会救助', '低保', '政策文件', '形成或变更后 20 个工作日内', 1],
      ['社会救助', '低保', '审核结果', '每季度', 4],
      ['社会救助', '救助标准', '标准', '长期公开', 1],
    ]);
    expect(p.rows[1]!.units.map((u) => u.unitName).sort()).toEqual(
      ['双江镇', '柏梓镇', '桂林街道', '梓潼街道'].sort(),
    );
  });

  it('commits version 1, binding each row to a column of each unit (法定主动公开内容 › 社会救助 › 一级事项)', async () => {
    const p = (await preview(office, await directoryXlsx())).body.data!;
    const r = await office.post<DirectoryVersion>('/api/disclosure/directory/commit', commitBody(p));
    expect(r.status).toBe(201);
    expect(r.body.data).toMatchObject({ version: 1, rowCount: 3, bindingCount: 1 + 4 + 1 });
    const rows = (
      await office.get<DirectoryRow[]>(`/api/disclosure/directory/rows?unitId=${await unitIdOf('区民政局')}`)
    ).body.data!;
    expect(rows.map((x) => x.level2)).toEqual(['政策文件', '标准']);
    const cols = (
      await office.get<{ id: string; name: string; parentId: string | null }[]>(
        `/api/disclosure/columns?unitId=${await unitIdOf('区民政局')}`,
      )
    ).body.data!;
    const col = cols.find((c) => c.id === rows[0]!.units[0]!.columnId)!;
    expect(col.name).toBe('低保');
    expect(cols.find((c) => c.id === col.parentId)!.name).toBe('社会救助');
    const db = api.tdb.database.db;
    expect(
      await db.select().from(auditLog).where(eq(auditLog.action, 'disclosure.directory.import')),
    ).toHaveLength(1);
  });

  it("gives a 镇街's catalog the township Art. 21 list (part 2), where its 乡级 rows are bound", async () => {
    const cols = (
      await office.get<{ id: string; name: string; code: string | null }[]>(
        `/api/disclosure/columns?unitId=${await unitIdOf('双江镇')}`,
      )
    ).body.data!;
    const names = cols.map((c) => c.name);
    expect(names).toContain('筹资筹劳');
    expect(names).toContain('宅基地使用情况审核');
    expect(names).not.toContain('治安管理');
    expect(cols.find((c) => c.name === '社会救助')!.code).toBe('art21_7');
    expect(names).toContain('低保');
  });

  it('keeps versions with what changed (动态调整)', async () => {
    const p = (await preview(office, await directoryXlsx({ time1: '每年3月底前' }))).body.data!;
    expect(p.currentVersion).toBe(1);
    expect(p.changes).toEqual({
      added: [],
      removed: [],
      changed: [{ key: '社会救助|低保|政策文件', fields: ['公开时限'] }],
    });
    expect(
      (await office.post('/api/disclosure/directory/commit', commitBody(p, { title: '第二版' }))).status,
    ).toBe(201);
    const versions = (await liaison.get<DirectoryVersion[]>('/api/disclosure/directory/versions')).body.data!;
    expect(versions.map((v) => [v.version, v.title, v.changes.changed.length])).toEqual([
      [2, '第二版', 1],
      [1, '潼南区社会救助领域标准目录', 0],
    ]);
    // Back to the first wording for the coverage check below.
    const back = (await preview(office, await directoryXlsx())).body.data!;
    expect((await office.post('/api/disclosure/directory/commit', commitBody(back))).status).toBe(201);
  });
});

describe('coverage check (hand-computed)', () => {
  const seedItem = async (
    unit: string,
    path: string[],
    title: string,
    publishDate: string,
    formedDate: string | null,
    withdrawn = false,
  ) => {
    const db = api.tdb.database.db;
    const unitId = await unitIdOf(unit);
    const cols = (
      await office.get<{ id: string; name: string; parentId: string | null }[]>(
        `/api/disclosure/columns?unitId=${unitId}`,
      )
    ).body.data!;
    let parent: string | null = null;
    for (const name of path) parent = cols.find((c) => c.parentId === parent && c.name === name)!.id;
    const [creator] = await db.select().from(users).where(eq(users.username, 'office'));
    const id = randomUUID();
    await db.insert(disclosureItems).values({
      id,
      rootId: id,
      unitId,
      columnId: parent,
      title,
      indexNo: `T-${id.slice(0, 8)}`,
      status: 'published',
      publishDate,
      publishedAt: new Date(`${publishDate}T10:00:00+08:00`),
      formedDate,
      createdBy: creator!.id,
      ...(withdrawn ? { withdrawnAt: new Date(`${publishDate}T12:00:00+08:00`) } : {}),
    });
  };

  beforeAll(async () => {
    const dibao = ['法定主动公开内容', '社会救助', '低保'];
    // 区民政局: formed Mon 2026-02-02, due 2026-03-06 (20 working days over 春节 with make-up Saturdays), published 03-09.
    await seedItem('区民政局', dibao, '2026年低保政策调整', '2026-03-09', '2026-02-02');
    // Outside the period: not counted.
    await seedItem(
      '区民政局',
      ['法定主动公开内容', '社会救助', '救助标准'],
      '2025年救助标准',
      '2026-04-20',
      null,
    );
    // 双江镇 publishes its Q1 list in the quarter; 柏梓镇's was withdrawn, so it does not count.
    await seedItem('双江镇', dibao, '一季度低保名单', '2026-02-10', null);
    await seedItem('柏梓镇', dibao, '一季度低保名单', '2026-03-20', null, true);
    api.clock.set(new Date('2026-04-15T10:00:00+08:00'));
    // Six weeks on, the sessions have expired.
    office = await api.loginAs('office');
    liaison = await api.loginAs('fgw_liaison');
  });

  it('finds the late, the missing and the fulfilled per unit and domain', async () => {
    const r = await office.get<Coverage>('/api/disclosure/directory/coverage?from=2026-01-01&to=2026-03-31');
    expect(r.status).toBe(200);
    const c = r.body.data!;
    expect(c.asOf).toBe('2026-03-31');
    expect(c.version).toBe(3);
    const status = Object.fromEntries(c.rows.map((x) => [`${x.unitName}/${x.level2}`, x.status]));
    expect(status).toEqual({
      '区民政局/政策文件': 'late',
      '区民政局/标准': 'missing',
      '双江镇/审核结果': 'ok',
      '柏梓镇/审核结果': 'missing',
      '桂林街道/审核结果': 'missing',
      '梓潼街道/审核结果': 'missing',
    });
    expect(c.rows.find((x) => x.unitName === '区民政局' && x.level2 === '政策文件')!.notes).toEqual([
      '「2026年低保政策调整」超期公开（形成于 2026-02-02，应于 2026-03-06 前，实际 2026-03-09）',
    ]);
    expect(c.rows.find((x) => x.unitName === '柏梓镇')!.notes).toEqual([
      '2026年第1季度未公开（应于 2026-03-31 前）',
    ]);
    expect(c.summary.find((s) => s.unitName === '区民政局')).toMatchObject({
      domain: '社会救助',
      total: 2,
      ok: 0,
      late: 1,
      missing: 1,
    });
    expect(c.summary.find((s) => s.unitName === '双江镇')).toMatchObject({ total: 1, ok: 1, missing: 0 });
  });

  it("shows each unit's directory on the portal with links to the items that fulfil it", async () => {
    const list = await api.app.request('/xxgk/ml');
    const mz = await unitIdOf('区民政局');
    expect(list.status).toBe(200);
    expect(await list.text()).toContain(`/xxgk/ml/${mz}`);
    const page = await api.app.request(`/xxgk/ml/${mz}`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('2026年低保政策调整');
    expect(html).toMatch(/href="\/xxgk\/info\/[0-9a-f-]{36}"/);
    // 区发展改革委 has no row bound: no directory page.
    expect((await api.app.request(`/xxgk/ml/${await unitIdOf('区发展改革委')}`)).status).toBe(404);
  });

  it('keeps a liaison to their own unit', async () => {
    const own = (
      await liaison.get<Coverage>('/api/disclosure/directory/coverage?from=2026-01-01&to=2026-03-31')
    ).body.data!;
    expect(own.rows).toEqual([]);
    const other = await liaison.get(
      `/api/disclosure/directory/coverage?from=2026-01-01&to=2026-03-31&unitId=${await unitIdOf('区民政局')}`,
    );
    expect(other.status).toBe(404);
  });

  it('sends the findings out as 整改 tasks, one per unit, in the tasks ledger', async () => {
    const r = await office.post<{ planId: string; taskCount: number }>('/api/disclosure/directory/rectify', {
      from: '2026-01-01',
      to: '2026-03-31',
      dueDate: '2026-04-30',
    });
    expect(r.status).toBe(201);
    expect(r.body.data!.taskCount).toBe(4);
    const db = api.tdb.database.db;
    const [plan] = await db.select().from(workPlans).where(eq(workPlans.id, r.body.data!.planId));
    expect(plan!.title).toBe('标准目录覆盖检查整改（2026-01-01至2026-03-31）');
    const mz = await db
      .select()
      .from(taskAssignments)
      .where(
        and(
          eq(taskAssignments.unitId, await unitIdOf('区民政局')),
          eq(taskAssignments.dueDate, '2026-04-30'),
        ),
      );
    expect(mz).toHaveLength(1);
    // The same findings twice: the tasks module refuses the duplicate.
    const again = await office.post('/api/disclosure/directory/rectify', {
      from: '2026-01-01',
      to: '2026-03-31',
      dueDate: '2026-04-30',
    });
    expect(again.status).toBe(409);
  });
});
