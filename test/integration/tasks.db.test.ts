import fs from 'node:fs';
import { and, eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Paged } from '../../src/contracts/api';
import type {
  AssignmentDetail,
  CommitPlanBody,
  Dashboard,
  ImportPreview,
  LedgerRow,
  UnitNameMatch,
  WorkPlanSummary,
} from '../../src/contracts/tasks';
import {
  auditLog,
  notifications,
  planTasks,
  taskAssignments,
  units,
  users,
} from '../../src/server/db/schema';
import { autoCommitBody, commitPlan } from '../../src/server/modules/tasks';
import { reminderJob, runReminders } from '../../src/server/modules/tasks/reminders';
import { systemActor } from '../../src/server/platform/context';
import { runJobOnce } from '../../src/server/platform/jobs/scheduler';
import { type Client, setupApi, type TestApi } from '../api';
import { commitBodyOf } from '../commit-body';

const SEED_001 = new URL('../../../shared/seeds/001_f1f23c2a90ae0336.txt', import.meta.url);
const seedBytes = () => new Uint8Array(fs.readFileSync(SEED_001));

async function unitId(api: TestApi, name: string): Promise<string> {
  return (await api.tdb.database.db.select().from(units).where(eq(units.name, name)))[0]!.id;
}

/** What the officer does in the preview: confident names as resolved, suggestions confirmed, choices made. */
function resolveAll(p: ImportPreview, fallback: string): Map<string, string[]> {
  const m = new Map<string, string[]>();
  for (const u of p.units) m.set(u.written, pick(u, fallback));
  return m;
}
function pick(u: UnitNameMatch, fallback: string): string[] {
  if (u.status === 'group')
    return u.needsChoice ? (u.memberUnitIds ?? []).slice(0, 2) : (u.memberUnitIds ?? []);
  if (u.status === 'suggestion') return [u.suggestions[0]!.unitId];
  if (u.status === 'unknown') return [fallback];
  return [u.unitId!];
}
function bodyOf(
  p: ImportPreview,
  ids: Map<string, string[]>,
  extra: Partial<CommitPlanBody> = {},
): CommitPlanBody {
  return { ...commitBodyOf(p, (w) => ({ unitIds: ids.get(w) ?? [] })), ...extra };
}

let api: TestApi;
let office: Client;
let fgw: Client;
let jw: Client;
let leader: Client;
let preview: ImportPreview;
let plan: WorkPlanSummary;
let ids: Map<string, string[]>;

beforeAll(async () => {
  api = await setupApi();
  office = await api.loginAs('office');
  fgw = await api.loginAs('fgw_liaison');
  jw = await api.loginAs('jw_liaison');
  leader = await api.loginAs('leader');
});
afterAll(() => api.close());

async function rowsOf(c: Client, q = ''): Promise<LedgerRow[]> {
  const r = await c.get<Paged<LedgerRow>>(`/api/tasks/ledger?pageSize=500${q}`);
  expect(r.status).toBe(200);
  return r.body.data!.items;
}

describe('import', () => {
  it('401 without a session, 403 for a liaison', async () => {
    expect((await api.anon().upload('/api/tasks/import/preview', 'a.txt', seedBytes())).status).toBe(401);
    expect((await api.anon().get('/api/tasks/ledger')).status).toBe(401);
    expect((await fgw.upload('/api/tasks/import/preview', 'a.txt', seedBytes())).status).toBe(403);
    expect((await fgw.post('/api/tasks/import/commit', {})).status).toBe(403);
    expect((await leader.upload('/api/tasks/import/preview', 'a.txt', seedBytes())).status).toBe(403);
  });

  it('400 for a file without tasks, nothing stored', async () => {
    const r = await office.upload(
      '/api/tasks/import/preview',
      'empty.txt',
      new TextEncoder().encode('关于做好有关工作的通知\n各单位：请认真落实。\n'),
    );
    expect(r.status).toBe(400);
    expect(r.body.error?.message).toMatch(/未读出任何任务/);
  });

  it('previews seed 001: every task, units with match status, the typo flagged with its suggestion', async () => {
    const r = await office.upload<ImportPreview>('/api/tasks/import/preview', '任务分工.txt', seedBytes());
    expect(r.status).toBe(200);
    preview = r.body.data!;
    expect(preview.plan.year).toBe(2021);
    expect(preview.plan.tasks).toHaveLength(46);
    expect(preview.duplicate).toBeNull();
    const typo = preview.units.find((u) => u.written === '区住房城市建委')!;
    expect(typo.status).toBe('suggestion');
    expect(typo.suggestions[0]?.unitName).toBe('区住房城乡建委');
    expect(preview.units.find((u) => u.written === '区发展改革委')?.status).toMatch(/exact|alias/);
    const some = preview.units.find((u) => u.written === '区政府有关部门')!;
    expect(some.status).toBe('group');
    expect(some.needsChoice).toBe(true);
    const every = preview.units.find((u) => u.written === '区政府各部门')!;
    expect(every.needsChoice).toBeFalsy();
    expect(every.memberUnitIds!.length).toBeGreaterThan(10);
  });

  it('refuses a commit with an unresolved name (400, row errors), nothing stored', async () => {
    const fallback = await unitId(api, '区政府办公室');
    const m = resolveAll(preview, fallback);
    m.set('区住房城市建委', []);
    const r = await office.post('/api/tasks/import/commit', bodyOf(preview, m));
    expect(r.status).toBe(400);
    expect(JSON.stringify(r.body.error?.details)).toContain('「区住房城市建委」尚未确定对应单位');
    expect(await api.tdb.database.db.select().from(planTasks)).toHaveLength(0);
    const bad = await office.post('/api/tasks/import/commit', { ...bodyOf(preview, m), year: 'x' });
    expect(bad.status).toBe(400);
  });

  it('the CLI’s automatic commit takes only confident names and refuses the rest, storing nothing', async () => {
    const body = autoCommitBody(preview, 'quarter');
    const typo = body.tasks.find((t) => t.ref === 'T017')!.responsibleUnits[0]!;
    expect(typo).toEqual({ written: '区住房城市建委', unitIds: [] });
    const every = body.tasks.flatMap((t) => t.responsibleUnits).find((u) => u.written === '区政府各部门');
    expect(every?.unitIds.length).toBeGreaterThan(10);
    await expect(
      commitPlan(api.tdb.database, systemActor('cli'), body, api.config.districtName),
    ).rejects.toThrow(/尚未确定对应单位/);
    expect(await api.tdb.database.db.select().from(planTasks)).toHaveLength(0);
  });

  it('commits all tasks with one assignment per (task, unit), groups expanded, lead units marked', async () => {
    ids = resolveAll(preview, await unitId(api, '区政府办公室'));
    const r = await office.post<WorkPlanSummary>('/api/tasks/import/commit', bodyOf(preview, ids));
    expect(r.status).toBe(201);
    plan = r.body.data!;
    expect(plan.taskCount).toBe(46);
    const db = api.tdb.database.db;
    const t017 = (await db.select().from(planTasks).where(eq(planTasks.ref, 'T017')))[0]!;
    const asg = await db
      .select({ unit: units.name, isLead: taskAssignments.isLead })
      .from(taskAssignments)
      .innerJoin(units, eq(units.id, taskAssignments.unitId))
      .where(eq(taskAssignments.taskId, t017.id));
    // T017: 区网信办 leads; 区住房城市建委 (fixed to 区住房城乡建委) and 区金融办 are responsible.
    // (the registry's name for 区网信办 is 区委网信办: matched by alias)
    expect(asg.find((a) => a.isLead)?.unit).toBe('区委网信办');
    // 区金融办 is not in the demo registry: the officer picked 区政府办公室 for it.
    expect(asg.map((a) => a.unit).sort()).toEqual(['区住房城乡建委', '区委网信办', '区政府办公室'].sort());
    expect(t017.responsibleUnitsWritten).toEqual(['区住房城市建委', '区金融办']);
    // T002 is led by 区发展改革委 for 区政府有关部门: the two units picked.
    const t002 = (await db.select().from(planTasks).where(eq(planTasks.ref, 'T002')))[0]!;
    const a2 = await db.select().from(taskAssignments).where(eq(taskAssignments.taskId, t002.id));
    expect(a2.length).toBeGreaterThanOrEqual(2);
    const audits = await db.select().from(auditLog).where(eq(auditLog.action, 'tasks.plan.import'));
    expect(audits).toHaveLength(1);
  });

  it('detects the same notice imported twice: 409 unless replace, preview shows the duplicate', async () => {
    const again = await office.upload<ImportPreview>('/api/tasks/import/preview', 'again.txt', seedBytes());
    expect(again.body.data?.duplicate?.planId).toBe(plan.id);
    expect(again.body.data?.duplicate?.replaceable).toBe(true);
    const dup = await office.post('/api/tasks/import/commit', bodyOf(preview, ids));
    expect(dup.status).toBe(409);
    const rep = await office.post<WorkPlanSummary>(
      '/api/tasks/import/commit',
      bodyOf(preview, ids, { replace: true }),
    );
    expect(rep.status).toBe(201);
    plan = rep.body.data!;
    const plans = await office.get<WorkPlanSummary[]>('/api/tasks/plans');
    expect(plans.body.data?.map((p) => p.id)).toEqual([plan.id]);
  });
});

describe.each([
  ['002_248bf8acb87e3faa', 23],
  ['003_ca55eb28d526b0b4', 47],
  ['004_f15923095469d340', 55],
])('seed %s', (file, tasks) => {
  // Task counts from the hand-made expected outputs (src/domain/tasks/fixtures/seed-*.expected.json).
  it(`previews all ${tasks} tasks and resolves or flags every unit name (none dropped)`, async () => {
    const bytes = new Uint8Array(
      fs.readFileSync(new URL(`../../../shared/seeds/${file}.txt`, import.meta.url)),
    );
    const r = await office.upload<ImportPreview>('/api/tasks/import/preview', `${file}.txt`, bytes);
    expect(r.status).toBe(200);
    const p = r.body.data!;
    expect(p.plan.tasks).toHaveLength(tasks);
    const written = new Set(p.plan.tasks.flatMap((t) => [...t.leadUnits, ...t.responsibleUnits]));
    expect(new Set(p.units.map((u) => u.written))).toEqual(written);
  });
});

describe('ledger workflow', () => {
  let fgwOwn: LedgerRow;
  let jwRow: LedgerRow;

  it('scopes the ledger: a liaison sees its own and led tasks, never another unit’s alone', async () => {
    const all = await office.get<Paged<LedgerRow>>('/api/tasks/ledger?pageSize=10&page=2');
    expect(all.body.data!.total).toBe(plan.assignmentCount);
    expect(all.body.data!.items).toHaveLength(10);
    const mine = await rowsOf(fgw, '&view=mine');
    expect(mine.length).toBeGreaterThan(0);
    expect(new Set(mine.map((r) => r.unitName))).toEqual(new Set(['区发展改革委']));
    const fgwAll = await rowsOf(fgw);
    // T011: 区发展改革委 is one of the lead units, so it also sees 区民政局's assignment of that task.
    expect(fgwAll.some((r) => r.ref === 'T011' && r.unitName === '区民政局')).toBe(true);
    // … but not 区教委's T036, which it does not lead.
    expect(fgwAll.some((r) => r.unitName === '区教委' && r.ref === 'T036')).toBe(false);
    jwRow = (await rowsOf(jw, '&view=mine')).find((r) => r.ref === 'T036')!;
    expect(jwRow.status).toBe('not_started');
    expect((await fgw.get(`/api/tasks/assignments/${jwRow.id}`)).status).toBe(404);
    fgwOwn = mine.find((r) => r.ref === 'T001')!;
    expect(fgwOwn.isLead).toBe(true);
    expect((await api.anon().get(`/api/tasks/assignments/${fgwOwn.id}`)).status).toBe(401);
    expect((await fgw.get('/api/tasks/ledger?status=bogus')).status).toBe(400);
  });

  it('a relative/undated task gets its date from the office; it turns 逾期 after the date, derived', async () => {
    // The test clock stands at 2026-03-02 09:00 China time (moving it days ahead would expire the sessions).
    expect(fgwOwn.dueDate).toBeNull();
    const due = (d: string) => office.put(`/api/tasks/assignments/${fgwOwn.id}/due`, { dueDate: d });
    expect((await fgw.put(`/api/tasks/assignments/${fgwOwn.id}/due`, { dueDate: '2026-03-10' })).status).toBe(
      403,
    );
    expect((await due('2026-02-30')).status).toBe(400);
    expect((await due('2026-03-02')).status).toBe(200);
    // the deadline day itself is still in time
    expect((await rowsOf(fgw, '&view=mine')).find((r) => r.id === fgwOwn.id)?.status).toBe('not_started');
    expect((await due('2026-03-01')).status).toBe(200);
    const overdue = await rowsOf(fgw, '&view=mine&status=overdue');
    expect(overdue.map((r) => r.id)).toContain(fgwOwn.id);
    expect(overdue.every((r) => r.dueDate! < '2026-03-02')).toBe(true);
  });

  it('liaison reports progress with an attachment and a link; completed goes to 待审核', async () => {
    const up = await fgw.upload<{ fileId: string }>(
      '/api/tasks/attachments',
      '截图说明.txt',
      new TextEncoder().encode('已在政府网站公开规划纲要'),
    );
    expect(up.status).toBe(201);
    expect(
      (await office.upload('/api/tasks/attachments', 'x.txt', new TextEncoder().encode('x'))).status,
    ).toBe(403);
    const bad = await fgw.post(`/api/tasks/assignments/${fgwOwn.id}/reports`, {
      text: '',
      links: ['not a url'],
    });
    expect(bad.status).toBe(400);
    // A link the drawer would render as <a href>: a javascript: URL is stored XSS (z.url() alone accepts it).
    const script = await fgw.post(`/api/tasks/assignments/${fgwOwn.id}/reports`, {
      text: '见链接',
      links: ['javascript:alert(document.cookie)'],
    });
    expect(script.status).toBe(400);
    expect(script.body.error?.message).toContain('证明材料链接应为 http:// 或 https:// 开头的网址');
    const other = await fgw.post(`/api/tasks/assignments/${jwRow.id}/reports`, { text: '越权报送' });
    expect(other.status).toBe(404);
    const r1 = await fgw.post(`/api/tasks/assignments/${fgwOwn.id}/reports`, { text: '正在整理历史规划' });
    expect(r1.status).toBe(201);
    const mid = (await fgw.get<AssignmentDetail>(`/api/tasks/assignments/${fgwOwn.id}`)).body.data!;
    // in progress, but its date has passed: shown 逾期
    expect([mid.state, mid.status]).toEqual(['in_progress', 'overdue']);
    api.clock.advance(60_000);
    const r2 = await fgw.post(`/api/tasks/assignments/${fgwOwn.id}/reports`, {
      text: '已全部公开',
      completed: true,
      links: ['https://www.cqtn.gov.cn/zwgk/ghxx/'],
      fileIds: [up.body.data!.fileId],
    });
    expect(r2.status).toBe(201);
    const d = (await fgw.get<AssignmentDetail>(`/api/tasks/assignments/${fgwOwn.id}`)).body.data!;
    expect(d.status).toBe('submitted');
    expect(d.reports).toHaveLength(2);
    expect(d.reports[0]!.attachments[0]?.name).toBe('截图说明.txt');
    expect(d.reports[0]!.links).toEqual(['https://www.cqtn.gov.cn/zwgk/ghxx/']);
    expect(d.can.report).toBe(false);
    // not overdue while waiting for review, although its date (2026-03-01) has passed
    expect(d.dueDate).toBe('2026-03-01');
    const file = await office.request('GET', `/api/tasks/attachments/${up.body.data!.fileId}`);
    expect(file.status).toBe(200);
    expect(await file.raw.text()).toBe('已在政府网站公开规划纲要');
    expect((await jw.request('GET', `/api/tasks/attachments/${up.body.data!.fileId}`)).status).toBe(404);
    // the office is told there is something to review
    const officeUser = (
      await api.tdb.database.db.select().from(users).where(eq(users.username, 'office'))
    )[0]!;
    const n = await api.tdb.database.db
      .select()
      .from(notifications)
      .where(eq(notifications.userId, officeUser.id));
    expect(n.some((x) => x.title.includes('待审核销号'))).toBe(true);
  });

  it('office closes out (销号); liaison cannot; closing twice is 409', async () => {
    expect((await fgw.post(`/api/tasks/assignments/${fgwOwn.id}/close`)).status).toBe(403);
    expect((await office.post(`/api/tasks/assignments/${fgwOwn.id}/close`)).status).toBe(200);
    expect((await office.post(`/api/tasks/assignments/${fgwOwn.id}/close`)).status).toBe(409);
    const d = (await fgw.get<AssignmentDetail>(`/api/tasks/assignments/${fgwOwn.id}`)).body.data!;
    expect(d.status).toBe('closed');
    expect(d.closedAt).not.toBeNull();
    const a = await api.tdb.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'tasks.closeout'), eq(auditLog.objectId, fgwOwn.id)));
    expect(a).toHaveLength(1);
  });

  it('office returns with a reason (400 without); the unit sees the reason and can report again', async () => {
    expect((await office.post(`/api/tasks/assignments/${jwRow.id}/return`, { reason: '' })).status).toBe(400);
    expect(
      (await office.post(`/api/tasks/assignments/${jwRow.id}/return`, { reason: '缺少公开链接' })).status,
    ).toBe(200);
    const d = (await jw.get<AssignmentDetail>(`/api/tasks/assignments/${jwRow.id}`)).body.data!;
    expect(d.status).toBe('returned');
    expect(d.returnReason).toBe('缺少公开链接');
    expect(d.can.report).toBe(true);
  });

  it('the lead unit reviews another unit’s completion report and may send it back', async () => {
    // T021: 区网信办 (registered as 区委网信办) leads, 区教委 is responsible.
    const t021 = (await rowsOf(jw, '&view=mine')).find((r) => r.ref === 'T021')!;
    const wxb = await unitId(api, '区委网信办');
    const admin = await api.loginAs('admin');
    const u = await admin.post('/api/org/users', {
      username: 'wxb_liaison',
      name: '赵六',
      unitId: wxb,
      roles: ['liaison'],
      password: 'Wxb#Liaison2026',
    });
    expect(u.status).toBe(201);
    const wxbC = await api.loginAs('wxb_liaison', 'Wxb#Liaison2026');
    expect(
      (await jw.post(`/api/tasks/assignments/${t021.id}/reports`, { text: '已完成', completed: true }))
        .status,
    ).toBe(201);
    // 区发展改革委 does not lead T021: it cannot even see it
    expect(
      (await fgw.post(`/api/tasks/assignments/${t021.id}/review`, { decision: 'approved' })).status,
    ).toBe(404);
    // 区教委 is not the lead either
    expect((await jw.post(`/api/tasks/assignments/${t021.id}/review`, { decision: 'approved' })).status).toBe(
      403,
    );
    const d = (await wxbC.get<AssignmentDetail>(`/api/tasks/assignments/${t021.id}`)).body.data!;
    expect(d.can.review).toBe(true);
    expect(d.siblings.map((s) => s.unitName).sort()).toEqual(['区委网信办', '区教委'].sort());
    expect((await wxbC.post(`/api/tasks/assignments/${t021.id}/review`, { decision: 'maybe' })).status).toBe(
      400,
    );
    expect(
      (
        await wxbC.post(`/api/tasks/assignments/${t021.id}/review`, {
          decision: 'returned',
          note: '数据不全',
        })
      ).status,
    ).toBe(200);
    const after = (await jw.get<AssignmentDetail>(`/api/tasks/assignments/${t021.id}`)).body.data!;
    expect(after.status).toBe('returned');
    expect(after.leadReview).toBe('returned');
    expect(after.returnReason).toBe('数据不全');
  });

  it('extension: the unit asks, a leader approves, the date moves and the history stays', async () => {
    const row = (await rowsOf(jw, '&view=mine')).find((r) => r.ref === 'T021')!;
    expect((await office.put(`/api/tasks/assignments/${row.id}/due`, { dueDate: '2026-03-31' })).status).toBe(
      200,
    );
    expect(
      (
        await jw.post(`/api/tasks/assignments/${row.id}/extensions`, {
          newDueDate: '2026-03-01',
          reason: '需要协调',
        })
      ).status,
    ).toBe(400);
    expect(
      (
        await fgw.post(`/api/tasks/assignments/${row.id}/extensions`, {
          newDueDate: '2026-04-30',
          reason: '协调',
        })
      ).status,
    ).toBe(404);
    expect(
      (
        await jw.post(`/api/tasks/assignments/${row.id}/extensions`, {
          newDueDate: '2026-04-30',
          reason: '需要协调数据',
        })
      ).status,
    ).toBe(201);
    expect(
      (
        await jw.post(`/api/tasks/assignments/${row.id}/extensions`, {
          newDueDate: '2026-05-30',
          reason: '再次申请',
        })
      ).status,
    ).toBe(409);
    expect((await office.get('/api/tasks/extensions?status=pending')).status).toBe(403);
    const pending = await leader.get<{ id: string; assignmentId: string }[]>(
      '/api/tasks/extensions?status=pending',
    );
    const ext = pending.body.data!.find((e) => e.assignmentId === row.id)!;
    expect((await jw.post(`/api/tasks/extensions/${ext.id}/decide`, { decision: 'approved' })).status).toBe(
      403,
    );
    expect(
      (await leader.post(`/api/tasks/extensions/${ext.id}/decide`, { decision: 'approved' })).status,
    ).toBe(200);
    expect(
      (await leader.post(`/api/tasks/extensions/${ext.id}/decide`, { decision: 'rejected' })).status,
    ).toBe(409);
    const d = (await jw.get<AssignmentDetail>(`/api/tasks/assignments/${row.id}`)).body.data!;
    expect(d.dueDate).toBe('2026-04-30');
    expect(d.extensions).toHaveLength(1);
    expect(d.extensions[0]).toMatchObject({
      oldDueDate: '2026-03-31',
      newDueDate: '2026-04-30',
      status: 'approved',
    });
  });
});

describe('reminders', () => {
  it('sends each reminder once, even when the daily job runs twice', async () => {
    const db = api.tdb.database.db;
    const row = (await rowsOf(jw, '&view=mine')).find((r) => r.ref === 'T036')!;
    // 2026-04-03 (Fri) → due 2026-04-10 (Fri): 4 working days later (04-04..06 清明 holiday), inside the 5-day window.
    await office.put(`/api/tasks/assignments/${row.id}/due`, { dueDate: '2026-04-10' });
    const jwUser = (await db.select().from(users).where(eq(users.username, 'jw_liaison')))[0]!;
    const count = async () =>
      (await db.select().from(notifications).where(eq(notifications.userId, jwUser.id))).filter((n) =>
        n.title.includes('T036'),
      ).length;
    const before = await count();
    const now = new Date('2026-04-03T08:00:00+08:00');
    const first = await runJobOnce(api.tdb.database, reminderJob, now);
    expect(first.ran).toBe(true);
    const second = await runJobOnce(api.tdb.database, reminderJob, now);
    expect(second.ran).toBe(false);
    expect(await count()).toBe(before + 1);
    // Even run directly (bypassing the run key), the dedupe key keeps it at one.
    const again = await runReminders(api.tdb.database, now);
    expect(await count()).toBe(before + 1);
    expect(again.sent).toBe(0);
    // on the day, then overdue: one more each
    await runReminders(api.tdb.database, new Date('2026-04-10T08:00:00+08:00'));
    await runReminders(api.tdb.database, new Date('2026-04-11T08:00:00+08:00'));
    await runReminders(api.tdb.database, new Date('2026-04-12T08:00:00+08:00'));
    expect(await count()).toBe(before + 3);
    const bell = await jw.get<{ unread: number; items: { title: string }[] }>('/api/notifications');
    expect(bell.body.data!.items.some((i) => i.title.includes('已逾期'))).toBe(true);
  });
});

describe('supervision', () => {
  it('dashboard counts by unit and by section; 403 for a liaison', async () => {
    expect((await fgw.get('/api/tasks/dashboard')).status).toBe(403);
    const d = (await office.get<Dashboard>(`/api/tasks/dashboard?planId=${plan.id}`)).body.data!;
    expect(d.totals.closed).toBe(1);
    expect(d.byUnit.find((u) => u.label === '区发展改革委')?.closed).toBe(1);
    expect(d.bySection.find((s) => s.label.startsWith('一、'))?.closed).toBe(1);
    const sum = Object.values(d.totals).reduce((a, b) => a + b, 0);
    expect(sum).toBe(plan.assignmentCount);
    expect((await leader.get('/api/tasks/dashboard')).status).toBe(200);
  });

  it('exports the ledger .xlsx in the table layout with status columns', async () => {
    expect((await fgw.get('/api/tasks/export.xlsx')).status).toBe(403);
    const r = await office.request('GET', `/api/tasks/export.xlsx?planId=${plan.id}`);
    expect(r.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await r.raw.arrayBuffer());
    const ws = wb.worksheets[0]!;
    expect(ws.getRow(2).values).toEqual(
      expect.arrayContaining(['工作任务', '牵头单位', '责任单位', '状态', '销号日期']),
    );
    const closedRow = ws.getRows(3, ws.rowCount - 2)!.find((row) => row.getCell(9).value === '已销号')!;
    expect(closedRow.getCell(7).value).toBe('区发展改革委（牵头）');
    expect(closedRow.getCell(10).value).toBe('已全部公开');
    expect(closedRow.getCell(11).value).toBe('2026-03-02');
  });

  it('generates the 通报 .docx listing returned items by unit', async () => {
    expect((await leader.get('/api/tasks/bulletin.docx')).status).toBe(403);
    const r = await office.request('GET', '/api/tasks/bulletin.docx');
    expect(r.status).toBe(200);
    const zip = unzipSync(new Uint8Array(await r.raw.arrayBuffer()));
    const xml = new TextDecoder().decode(zip['word/document.xml']);
    expect(xml).toContain('关于2021年政务公开工作任务落实情况的通报');
    expect(xml).toContain('被退回需整改的任务');
    expect(xml).toContain('区教委');
    expect(xml).toContain('缺少公开链接');
    // A real 文号 from the office's 机关代字 (the demo district: 潼府办), never a blank number.
    expect(xml).toContain('潼府办〔2026〕1号');
    expect(xml).not.toMatch(/〔\d{4}〕\s*号/);
    // The plan title already holds 《》: the inner pair becomes 〈〉, never 《…《…》…》.
    expect(xml).not.toMatch(/《[^》]*《/);
    expect(xml).toContain('各单位任务落实情况统计表');
    expect(xml).toContain('销号率');
    const numbered = await office.request('GET', '/api/tasks/bulletin.docx?number=12');
    const xml12 = new TextDecoder().decode(
      unzipSync(new Uint8Array(await numbered.raw.arrayBuffer()))['word/document.xml'],
    );
    expect(xml12).toContain('潼府办〔2026〕12号');
  });
});

describe('settings', () => {
  it('reminder lead time: office sets it (400 out of range, 403 for a liaison)', async () => {
    expect((await fgw.get<{ reminderDaysBefore: number }>('/api/tasks/settings')).body.data).toEqual({
      reminderDaysBefore: 5,
      bulletinAgencyCode: '潼府办',
      bulletinNextNumber: 1,
    });
    expect((await fgw.put('/api/tasks/settings', { reminderDaysBefore: 3 })).status).toBe(403);
    expect((await office.put('/api/tasks/settings', { reminderDaysBefore: 0 })).status).toBe(400);
    expect((await office.put('/api/tasks/settings', { reminderDaysBefore: 3 })).status).toBe(200);
    expect(
      (await fgw.get<{ reminderDaysBefore: number }>('/api/tasks/settings')).body.data?.reminderDaysBefore,
    ).toBe(3);
  });

  it('continuous tasks follow the office cadence until someone reports on them', async () => {
    const db = api.tdb.database.db;
    // T007 "及时公开…" is continuous: quarterly by default, one instance per quarter for each unit.
    const t007 = (await db.select().from(planTasks).where(eq(planTasks.ref, 'T007')))[0]!;
    const count = async () =>
      (await db.select().from(taskAssignments).where(eq(taskAssignments.taskId, t007.id))).length;
    const units = new Set(
      (await db.select().from(taskAssignments).where(eq(taskAssignments.taskId, t007.id))).map(
        (a) => a.unitId,
      ),
    ).size;
    expect(await count()).toBe(units * 4);
    expect((await fgw.put(`/api/tasks/plans/${plan.id}/cadence`, { cadence: 'month' })).status).toBe(403);
    expect((await office.put(`/api/tasks/plans/${plan.id}/cadence`, { cadence: 'daily' })).status).toBe(400);
    const r = await office.put<{ tasks: number }>(`/api/tasks/plans/${plan.id}/cadence`, {
      cadence: 'month',
    });
    expect(r.status).toBe(200);
    expect(await count()).toBe(units * 12);
    const may = (await rowsOf(fgw, '&view=mine')).find((x) => x.ref === 'T007' && x.period === '2021-05')!;
    expect(may.dueDate).toBe('2021-05-31');
    expect(
      (await fgw.post(`/api/tasks/assignments/${may.id}/reports`, { text: '5月已公开预算' })).status,
    ).toBe(201);
    expect((await office.put(`/api/tasks/plans/${plan.id}/cadence`, { cadence: 'quarter' })).status).toBe(
      409,
    );
    expect(await count()).toBe(units * 12);
  });
});
