// Issue 14 part 6: the ledger by task (one row per task, units as sub-rows, filters), bulk 催办 and 延期 with the
// single actions' scope rules, 回头看 (unfinished tasks into the next year's plan) and 销号 of a task with evidence.
// The clock is the harness's fixed 2026-03-02 09:00 (China time).
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CommitPlanBody, TaskLedgerPage, WorkPlanSummary } from '../../src/contracts/tasks';
import { auditLog, notifications, taskAssignments, units, users } from '../../src/server/db/schema';
import { commitPlan } from '../../src/server/modules/tasks';
import { objectNames } from '../../src/server/platform/audit/names';
import { systemActor } from '../../src/server/platform/context';
import { type Client, setupApi, type TestApi } from '../api';

let api: TestApi;
let office: Client;
let fgw: Client;
let jw: Client;
let fgwReviewer: Client;
let secadmin: Client;
const unit = new Map<string, string>();
let plan2026: WorkPlanSummary;
let plan2027: WorkPlanSummary;

type T = [ref: string, lead: string, other: string, due: string];
function body(year: number, fp: string, tasks: T[]): CommitPlanBody {
  const u = (name: string) => ({ written: name, unitIds: [unit.get(name)!] });
  return {
    title: `${year}年政务公开工作任务分工`,
    issuer: null,
    docNumber: null,
    date: null,
    year,
    fingerprint: fp.repeat(64),
    cadence: 'quarter',
    replace: false,
    tasks: tasks.map(([ref, lead, other, due]) => ({
      ref,
      section: ['一、重点领域信息公开'],
      text: `任务${ref}：推进重点领域信息公开，做好政策解读和回应关切，全文不应被截断。`,
      measures: [],
      leadUnits: [u(lead)],
      responsibleUnits: [u(other)],
      deadlines: [{ kind: 'date', date: due, raw: `${due}前` }],
      disclosurePaths: [],
    })),
  };
}

const FGW = '区发展改革委';
const JW = '区教委';

beforeAll(async () => {
  api = await setupApi();
  office = await api.loginAs('office');
  fgw = await api.loginAs('fgw_liaison');
  jw = await api.loginAs('jw_liaison');
  fgwReviewer = await api.loginAs('fgw_reviewer');
  secadmin = await api.loginAs('secadmin');
  for (const u of await api.tdb.database.db.select().from(units)) unit.set(u.name, u.id);
  const actor = systemActor('test');
  plan2026 = await commitPlan(
    api.tdb.database,
    actor,
    body(2026, 'a', [
      ['T1', FGW, JW, '2026-02-28'], // overdue on 2026-03-02
      ['T2', JW, FGW, '2026-06-30'],
      ['T3', FGW, JW, '2026-12-31'],
    ]),
    api.config.districtName,
  );
  plan2027 = await commitPlan(
    api.tdb.database,
    actor,
    body(2027, 'b', [['N1', FGW, JW, '2027-12-31']]),
    api.config.districtName,
  );
});
afterAll(() => api.close());

const ledger = async (c: Client, q = '') => {
  const r = await c.get<TaskLedgerPage>(`/api/tasks/ledger/tasks?planId=${plan2026.id}${q}`);
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  return r.body.data!;
};
const assignmentOf = async (ref: string, unitName: string) => {
  const page = await ledger(office);
  return page.items.find((t) => t.ref === ref)!.units.find((u) => u.unitName === unitName)!.id;
};
const auditCount = async (action: string) =>
  (await api.tdb.database.db.select().from(auditLog).where(eq(auditLog.action, action))).length;
const notesOf = async (username: string) => {
  const db = api.tdb.database.db;
  const [u] = await db.select().from(users).where(eq(users.username, username));
  return db.select().from(notifications).where(eq(notifications.userId, u!.id));
};

describe('routes refuse without a session, without the permission, and bad input', () => {
  it('401 without a session', async () => {
    const anon = api.anon();
    expect((await anon.get('/api/tasks/ledger/tasks')).status).toBe(401);
    expect((await anon.post('/api/tasks/ledger/remind', { ids: [] })).status).toBe(401);
    expect((await anon.post('/api/tasks/ledger/extend', {})).status).toBe(401);
    expect((await anon.post(`/api/tasks/plans/${plan2026.id}/carry-over`, {})).status).toBe(401);
    expect(
      (
        await anon.upload(
          `/api/tasks/plan-tasks/${plan2026.id}/close?note=完成`,
          'a.txt',
          new Uint8Array([65]),
        )
      ).status,
    ).toBe(401);
  });

  it('403 without the permission', async () => {
    const id = await assignmentOf('T1', JW);
    expect((await secadmin.get('/api/tasks/ledger/tasks')).status).toBe(403);
    expect((await fgwReviewer.post('/api/tasks/ledger/remind', { ids: [id] })).status).toBe(403);
    expect(
      (
        await fgw.post('/api/tasks/ledger/extend', {
          ids: [id],
          newDueDate: '2026-05-31',
          reason: '客观原因',
        })
      ).status,
    ).toBe(403);
    expect(
      (await fgw.post(`/api/tasks/plans/${plan2026.id}/carry-over`, { targetPlanId: plan2027.id })).status,
    ).toBe(403);
    expect(
      (
        await fgw.upload(
          `/api/tasks/plan-tasks/${plan2026.id}/close?note=已完成`,
          'a.txt',
          new Uint8Array([65]),
        )
      ).status,
    ).toBe(403);
  });

  it('400 for bad input, with Chinese messages', async () => {
    const bad = await office.get('/api/tasks/ledger/tasks?dueFrom=2026-06-30&dueTo=2026-01-01');
    expect(bad.status).toBe(400);
    expect(bad.body.error?.message).toMatch(/截止日期范围无效/);
    const none = await office.post('/api/tasks/ledger/remind', { ids: [] });
    expect(none.status).toBe(400);
    expect(none.body.error?.message).toMatch(/至少选择一项/);
    const noReason = await office.post('/api/tasks/ledger/extend', {
      ids: [await assignmentOf('T1', JW)],
      newDueDate: '2026-05-31',
    });
    expect(noReason.status).toBe(400);
    expect(
      (await office.post(`/api/tasks/plans/${plan2026.id}/carry-over`, { targetPlanId: 'x' })).status,
    ).toBe(400);
    const noNote = await office.upload(
      `/api/tasks/plan-tasks/${plan2026.id}/close`,
      'a.txt',
      new Uint8Array([65]),
    );
    expect(noNote.status).toBe(400);
    expect(noNote.body.error?.message).toMatch(/销号说明/);
  });
});

describe('ledger by task', () => {
  it('one row per task, its units as sub-rows (lead first), status and progress rolled up, full text', async () => {
    const page = await ledger(office);
    expect(page.plan?.year).toBe(2026);
    expect(page.total).toBe(3);
    expect(page.items.map((t) => t.ref)).toEqual(['T1', 'T2', 'T3']);
    const t1 = page.items[0]!;
    expect(t1.text).toBe('任务T1：推进重点领域信息公开，做好政策解读和回应关切，全文不应被截断。');
    expect(t1.units.map((u) => [u.unitName, u.isLead, u.status])).toEqual([
      [FGW, true, 'overdue'],
      [JW, false, 'overdue'],
    ]);
    expect(t1.status).toBe('overdue');
    expect(t1.progress).toEqual({ total: 2, closed: 0, submitted: 0, overdue: 2, percent: 0 });
    expect(page.items[1]!.units[0]!.unitName).toBe(JW); // T2's lead
  });

  it('filters by unit (sub-rows of that unit only), status, due date and keyword; pages by task', async () => {
    const byUnit = await ledger(office, `&unitId=${unit.get(JW)}`);
    expect(byUnit.items.map((t) => t.units.map((u) => u.unitName))).toEqual([[JW], [JW], [JW]]);
    expect(byUnit.items[0]!.progress.total).toBe(2); // progress stays the task's
    expect((await ledger(office, '&status=overdue')).items.map((t) => t.ref)).toEqual(['T1']);
    expect((await ledger(office, '&dueTo=2026-06-30')).items.map((t) => t.ref)).toEqual(['T1', 'T2']);
    expect((await ledger(office, '&dueFrom=2026-07-01')).items.map((t) => t.ref)).toEqual(['T3']);
    expect(
      (await ledger(office, `&keyword=${encodeURIComponent('任务T2')}`)).items.map((t) => t.ref),
    ).toEqual(['T2']);
    const p2 = await ledger(office, '&pageSize=2&page=2');
    expect([p2.total, p2.items.map((t) => t.ref)]).toEqual([3, ['T3']]);
  });

  it('a unit sees its own assignments and every unit of the tasks it leads', async () => {
    const page = await ledger(jw);
    const units = Object.fromEntries(page.items.map((t) => [t.ref, t.units.map((u) => u.unitName)]));
    expect(units).toEqual({ T1: [JW], T2: [JW, FGW], T3: [JW] });
  });
});

describe('bulk 催办 and 延期', () => {
  it('a lead unit reminds the units of its tasks; the liaisons are told, each reminder audited', async () => {
    const before = (await notesOf('jw_liaison')).length;
    const r = await fgw.post<{ count: number }>('/api/tasks/ledger/remind', {
      ids: [await assignmentOf('T1', JW), await assignmentOf('T3', JW)],
      note: '请于本周内报送进展',
    });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body.data).toEqual({ count: 2 });
    const notes = await notesOf('jw_liaison');
    expect(notes.length - before).toBe(2);
    expect(notes.some((n) => n.title.startsWith('催办：任务 T1') && n.body === '请于本周内报送进展')).toBe(
      true,
    );
    expect(await auditCount('tasks.remind')).toBe(2);
  });

  it('a unit may not remind the units of a task it does not lead: 403, nothing sent', async () => {
    const r = await fgw.post('/api/tasks/ledger/remind', {
      ids: [await assignmentOf('T1', JW), await assignmentOf('T2', FGW)],
    });
    expect(r.status).toBe(403);
    expect(r.body.error?.message).toMatch(/只能催办本单位牵头任务/);
    expect(await auditCount('tasks.remind')).toBe(2);
  });

  it('the office reminds any unit', async () => {
    const r = await office.post('/api/tasks/ledger/remind', { ids: [await assignmentOf('T2', FGW)] });
    expect(r.status).toBe(200);
  });

  it('bulk 延期: all-or-nothing with the single extension rules, each audited', async () => {
    const t1 = [await assignmentOf('T1', FGW), await assignmentOf('T1', JW)];
    const t3 = await assignmentOf('T3', JW);
    const refused = await office.post('/api/tasks/ledger/extend', {
      ids: [...t1, t3],
      newDueDate: '2026-04-30',
      reason: '上级部署调整',
    });
    expect(refused.status).toBe(400);
    expect(refused.body.error?.message).toMatch(/任务 T3（区教委）：延期后的日期应晚于原完成时限 2026-12-31/);
    const ok = await office.post('/api/tasks/ledger/extend', {
      ids: t1,
      newDueDate: '2026-04-30',
      reason: '上级部署调整',
    });
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    const rows = await api.tdb.database.db
      .select()
      .from(taskAssignments)
      .where(eq(taskAssignments.dueDate, '2026-04-30'));
    expect(rows.map((r) => r.id).sort()).toEqual([...t1].sort());
    expect(await auditCount('tasks.due.extend')).toBe(2);
    expect((await ledger(office)).items[0]!.status).toBe('not_started');
  });
});

describe('销号 with evidence and 回头看', () => {
  it('closes a whole task with its evidence file; the file downloads; a second close is refused', async () => {
    const t3 = (await ledger(office)).items.find((t) => t.ref === 'T3')!;
    const r = await office.upload(
      `/api/tasks/plan-tasks/${t3.taskId}/close?note=${encodeURIComponent('已全部完成，附验收报告')}`,
      '验收报告.txt',
      new TextEncoder().encode('验收报告：任务已完成。'),
    );
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    const after = (await ledger(office)).items.find((t) => t.ref === 'T3')!;
    expect(after.status).toBe('closed');
    expect(after.units.every((u) => u.status === 'closed')).toBe(true);
    expect(after.closeNote).toBe('已全部完成，附验收报告');
    expect(after.closeEvidence?.name).toBe('验收报告.txt');
    const file = await office.get(`/api/tasks/attachments/${after.closeEvidence!.fileId}`);
    expect(file.status).toBe(200);
    expect(await auditCount('tasks.task.close')).toBe(1);
    const again = await office.upload(
      `/api/tasks/plan-tasks/${t3.taskId}/close?note=${encodeURIComponent('重复销号')}`,
      'b.txt',
      new TextEncoder().encode('x'),
    );
    expect(again.status).toBe(409);
  });

  it('carries unfinished tasks with their unfinished units (and the lead) into the next year, origin marked', async () => {
    // FGW finishes its part of T2 (led by JW): only JW comes along.
    expect((await office.post(`/api/tasks/assignments/${await assignmentOf('T2', FGW)}/close`)).status).toBe(
      200,
    );
    const same = await office.post(`/api/tasks/plans/${plan2026.id}/carry-over`, {
      targetPlanId: plan2026.id,
    });
    expect(same.status).toBe(400);
    const r = await office.post<{ tasks: number; assignments: number }>(
      `/api/tasks/plans/${plan2026.id}/carry-over`,
      { targetPlanId: plan2027.id, dueDate: '2027-06-30' },
    );
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    expect(r.body.data).toEqual({ tasks: 2, assignments: 3 });
    const next = await office.get<TaskLedgerPage>(`/api/tasks/ledger/tasks?planId=${plan2027.id}`);
    const items = next.body.data!.items;
    expect(items.map((t) => t.ref)).toEqual(['N1', '2026-T1', '2026-T2']);
    const t2 = items[2]!;
    expect(t2.carriedFrom).toMatchObject({ year: 2026, ref: 'T2' });
    expect(t2.units.map((u) => [u.unitName, u.isLead, u.dueDate, u.status])).toEqual([
      [JW, true, '2027-06-30', 'not_started'],
    ]);
    expect(t2.deadlineRaw).toBe('2027-06-30前（回头看，原时限：2026-06-30前）');
    expect(await auditCount('tasks.plan.carryover')).toBe(1);
    const names = await objectNames(api.tdb.database.db, [
      { objectType: 'workPlan', objectId: plan2027.id },
      { objectType: 'planTask', objectId: t2.taskId },
    ]);
    expect([...names.values()]).toEqual(['2027年政务公开工作任务分工', '2027年任务 2026-T2']);
    const twice = await office.post(`/api/tasks/plans/${plan2026.id}/carry-over`, {
      targetPlanId: plan2027.id,
    });
    expect(twice.status).toBe(409);
    expect(twice.body.error?.message).toMatch(/没有可转入的未完成任务/);
  });

  it('refuses a plan of another year than the next', async () => {
    const r = await office.post(`/api/tasks/plans/${plan2027.id}/carry-over`, { targetPlanId: plan2026.id });
    expect(r.status).toBe(400);
    expect(r.body.error?.message).toMatch(/下一年度（2028 年）/);
  });
});
