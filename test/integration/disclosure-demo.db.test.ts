// The demo district's sample items (npm start): published once into each unit's own catalog, findable, linked
// (interpretation ↔ policy), and clean under the same checks every draft passes; its websites, 政务新媒体 and last
// year's 考核 (frozen trees, manual scores, 电话测评, the 镇街 result published) written once and not all tied.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Paged } from '../../src/contracts/api';
import type { Results } from '../../src/contracts/assessment';
import type { LedgerRow, WorkPlanSummary } from '../../src/contracts/tasks';
import type { TodoGroup } from '../../src/contracts/todo';
import { runChecks } from '../../src/domain/review/checks';
import { disclosureColumns, disclosureItems, units, users } from '../../src/server/db/schema';
import { seedTasksDemo } from '../../src/server/demo';
import { seedAssessmentDemo } from '../../src/server/modules/assessment';
import { DEMO_ITEMS, seedDisclosureDemo } from '../../src/server/modules/disclosure/demo-content';
import { seedAnnualReportDemo, seedMediaDemo } from '../../src/server/modules/media';
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

describe('demo websites, 政务新媒体 and 考核', () => {
  const now = new Date('2026-03-02T09:00:00+08:00');
  it('is written once, and the ranking and /xxgk/khpg are not all tied', async () => {
    const database = api.tdb.database;
    expect(await database.db.transaction((tx) => seedMediaDemo(tx, 2025))).toBe(2);
    expect(await database.db.transaction((tx) => seedMediaDemo(tx, 2025))).toBe(0);
    expect(await seedAssessmentDemo(database, 2025, now)).toBeGreaterThan(0);
    expect(await seedAssessmentDemo(database, 2025, now)).toBe(0);
    const office = await api.loginAs('office');
    const r = await office.get<Results>('/api/assessment/results?year=2025&unitKind=department');
    expect(r.body.data!.plan.status).toBe('scoring');
    const totals = r.body.data!.units.map((u) => u.total);
    expect(new Set(totals).size).toBeGreaterThan(3);
    // 区发展改革委: its website check (E1) and its spot-checked account (E2) count; the F1/F2 of the pattern.
    const fgw = r.body.data!.units.find((u) => u.unit === '区发展改革委')!;
    expect(
      fgw.indicators.filter((i) => i.code === 'E1' || i.code === 'E2').map((i) => [i.code, i.score]),
    ).toEqual([
      ['E1', 5],
      ['E2', 3],
    ]);
    const jw = r.body.data!.units.find((u) => u.unit === '区教委')!;
    expect(jw.indicators.find((i) => i.code === 'E2')!.records[0]!.detail).toContain('检查前14天内未更新');
    const html = await (await api.app.request('/xxgk/khpg?year=2025')).text();
    expect(html).toContain('2025年度镇街政务公开考核结果');
    const published = [...html.matchAll(/<td>(\d+(?:\.\d+)?)<\/td><\/tr>/g)].map((m) => m[1]);
    expect(new Set(published).size).toBeGreaterThan(1);
  });

  it('publishes last year’s 年度报表 of the 区发展改革委 demo site once, shown on /xxgk/wzndbb', async () => {
    const database = api.tdb.database;
    expect(await database.db.transaction((tx) => seedAnnualReportDemo(tx, 2025, now))).toBe(1);
    expect(await database.db.transaction((tx) => seedAnnualReportDemo(tx, 2025, now))).toBe(0);
    const list = await (await api.app.request('/xxgk/wzndbb')).text();
    const id = /href="\/xxgk\/wzndbb\/([0-9a-f-]{36})"/.exec(list)![1]!;
    expect(list).toContain('区发展改革委网站（示例）');
    const page = await (await api.app.request(`/xxgk/wzndbb/${id}`)).text();
    expect(page).toMatch(/网站总访问量（次）<\/th><td>52310</);
    // The demo account's three posts of 2025 (demo-media.ts), counted when the report was frozen.
    expect(page).toMatch(/潼南发改（示例）”：信息发布量（条）<\/th><td>3</);
  });
});

describe('demo work plan', () => {
  it('imports the notice of the year once, every task with its units resolved, dates of that year', async () => {
    expect(await seedTasksDemo(api.tdb.database, api.config, 2031)).toBe(11);
    expect(await seedTasksDemo(api.tdb.database, api.config, 2031)).toBe(0);
    const office = await api.loginAs('office');
    const plans = (await office.get<WorkPlanSummary[]>('/api/tasks/plans')).body.data!;
    expect(plans.map((p) => [p.title, p.year, p.taskCount])).toEqual([
      ['重庆市潼南区人民政府办公室关于印发2031年潼南区政务公开工作要点任务分工的通知', 2031, 11],
    ]);
    const ledger = await office.get<Paged<LedgerRow>>(
      `/api/tasks/ledger?planId=${plans[0]!.id}&pageSize=500`,
    );
    const rows = ledger.body.data!.items;
    // Every task has its lead unit; the groups are their members (各镇街 → the four 镇街, 区政府各部门 → departments).
    expect(new Set(rows.filter((r) => r.isLead).map((r) => r.ref)).size).toBe(11);
    expect(
      rows
        .filter((r) => r.ref === 'T008')
        .map((r) => r.unitName)
        .sort(),
    ).toEqual(['区政府办公室', '双江镇', '柏梓镇', '桂林街道', '梓潼街道'].sort());
    expect(rows.filter((r) => r.ref === 'T011').length).toBeGreaterThanOrEqual(25);
    expect(rows.find((r) => r.ref === 'T002')).toMatchObject({ unitName: '区财政局', dueDate: '2031-09-30' });

    // In the autumn the 区发展改革委's liaison sees its overdue tasks, a quarterly task once per quarter, named.
    const autumn = new Date('2031-11-03T10:00:00+08:00');
    api.clock.set(autumn);
    // Five years on, the demo password would have expired: changed "today".
    await api.tdb.database.db
      .update(users)
      .set({ passwordChangedAt: autumn })
      .where(eq(users.username, 'fgw_liaison'));
    const fgw = await api.loginAs('fgw_liaison');
    const todo = await fgw.get<{ groups: TodoGroup[] }>('/api/todo');
    expect(todo.status, JSON.stringify(todo.body)).toBe(200);
    const due = todo.body.data!.groups.find((g) => g.kind === 'tasks.due')!;
    expect(due.items.map((i) => [i.title.split(' ')[0], i.due, i.overdue])).toEqual([
      ['T003（2031年第1季度）', '2031-03-31', true],
      ['T001', '2031-06-30', true],
      ['T003（2031年第2季度）', '2031-06-30', true],
      ['T003（2031年第3季度）', '2031-09-30', true],
    ]);
  });
});
