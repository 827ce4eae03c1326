// POST /api/tasks/import/commit with the officer's decisions on unit names the registry lacks (issue 14 part 4):
// skip a name, create the unit in the registry with its kind, stand "区级其他有关部门" for a unit group the officer
// chooses. Every decision is remembered: the created unit and the group's new alias resolve the next notice.
import { eq, inArray, isNull } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportPreview } from '../../src/contracts/tasks';
import {
  auditLog,
  planTasks,
  taskAssignments,
  unitGroups,
  units,
  workPlans,
} from '../../src/server/db/schema';
import { commitPlan } from '../../src/server/modules/tasks';
import { systemActor } from '../../src/server/platform/context';
import { type Client, setupApi, type TestApi } from '../api';
import { commitBodyOf as bodyOf } from '../commit-body';

const PREVIEW = '/api/tasks/import/preview-text';
const COMMIT = '/api/tasks/import/commit';

/** A copied web table naming a unit the demo registry lacks and "区级其他有关部门". */
const notice = (title: string, task: string) =>
  [
    title,
    '发布日期：2026-03-02',
    '工作任务 | 牵头单位 | 责任单位 | 完成时限 |',
    `1.${task}公开数据资源目录。 | 区大数据发展局 | 区级其他有关部门 | 2026年6月底前 |`,
    `2.${task}公开教育收费标准。 | 区教委 | 区教育考试服务中心 | 2026年9月底前 |`,
  ].join('\n');

let api: TestApi;
let office: Client;
let fgw: Client;

beforeAll(async () => {
  api = await setupApi();
  office = await api.loginAs('office');
  fgw = await api.loginAs('fgw_liaison');
});
afterAll(() => api.close());

const db = () => api.tdb.database.db;
const unitId = async (name: string) => (await db().select().from(units).where(eq(units.name, name)))[0]?.id;
const groupId = async (name: string) =>
  (await db().select().from(unitGroups).where(eq(unitGroups.name, name)))[0]!.id;

async function preview(title: string, task: string): Promise<ImportPreview> {
  const r = await office.post<ImportPreview>(PREVIEW, { text: notice(title, task) });
  expect(r.status).toBe(200);
  return r.body.data!;
}

describe('import decisions on unit names', () => {
  it('401 without a session, 403 for a liaison', async () => {
    const p = await preview('关于印发数据工作要点的通知', '');
    const body = bodyOf(p, () => ({ skip: true }));
    expect((await api.anon().post(COMMIT, body)).status).toBe(401);
    expect((await fgw.post(COMMIT, body)).status).toBe(403);
  });

  it('400: two decisions for one name, a bad kind, every unit of a task skipped, an undecided name', async () => {
    const p = await preview('关于印发数据工作要点的通知', '');
    const both = await office.post(
      COMMIT,
      bodyOf(p, () => ({ skip: true, create: { kind: 'department' } })),
    );
    expect(both.status).toBe(400);
    expect(both.body.error?.message).toMatch(/只能选择一种处理/);
    const kind = await office.post(
      COMMIT,
      bodyOf(p, () => ({ create: { kind: 'government' as 'department' } })),
    );
    expect(kind.status).toBe(400);
    const skipped = await office.post(
      COMMIT,
      bodyOf(p, () => ({ skip: true })),
    );
    expect(skipped.status).toBe(400);
    expect(skipped.body.error?.message).toMatch(/单位都已跳过，至少保留一个承担单位/);
    const open = await office.post(
      COMMIT,
      bodyOf(p, () => ({})),
    );
    expect(open.status).toBe(400);
    expect(open.body.error?.message).toMatch(/尚未确定对应单位/);
    expect(await db().select().from(workPlans)).toHaveLength(0);
  });

  it('the preview shows the unknown unit and "区级其他有关部门" as waiting for the officer', async () => {
    const p = await preview('关于印发数据工作要点的通知', '');
    const status = (w: string) => p.units.find((u) => u.written === w);
    expect(status('区大数据发展局')?.status).toMatch(/unknown|suggestion/);
    expect(status('区教育考试服务中心')?.status).toMatch(/unknown|suggestion/);
    const other = status('区级其他有关部门')!;
    expect(other.status === 'group' ? other.needsChoice : other.status !== 'exact').toBe(true);
  });

  it('creates a unit from the preview (audited), skips another, expands the chosen group; all remembered', async () => {
    const p = await preview('关于印发数据工作要点的通知', '');
    const departments = await groupId('区政府各部门');
    const body = bodyOf(p, (w) => {
      if (w === '区大数据发展局') return { create: { kind: 'department' } };
      if (w === '区教育考试服务中心') return { skip: true };
      if (w === '区级其他有关部门') return { groupId: departments };
      return {};
    });
    const r = await office.post(COMMIT, body);
    expect(r.status).toBe(201);

    const created = await db().select().from(units).where(eq(units.name, '区大数据发展局'));
    expect(created).toHaveLength(1);
    expect(created[0]!.kind).toBe('department');
    const [root] = await db().select().from(units).where(isNull(units.parentId));
    expect(created[0]!.parentId).toBe(root!.id);
    const actions = (await db().select().from(auditLog)).map((a) => a.action);
    expect(actions).toEqual(
      expect.arrayContaining(['org.unit.create', 'org.group.alias.learn', 'tasks.plan.import']),
    );
    const learnt = (
      await db().select().from(auditLog).where(eq(auditLog.action, 'org.group.alias.learn'))
    )[0]!;
    expect(JSON.parse(String(learnt.detail))).toEqual({
      learnt: [{ alias: '区级其他有关部门', group: '区政府各部门' }],
    });

    // task 1: the created unit leads; the group's members (every department, the new one too) are responsible
    const tasks = await db().select().from(planTasks).orderBy(planTasks.sort);
    const asg = await db()
      .select()
      .from(taskAssignments)
      .where(
        inArray(
          taskAssignments.taskId,
          tasks.map((t) => t.id),
        ),
      );
    const ofTask = (i: number) => asg.filter((a) => a.taskId === tasks[i]!.id);
    const depts = await db().select().from(units).where(eq(units.kind, 'department'));
    expect(new Set(ofTask(0).map((a) => a.unitId))).toEqual(new Set(depts.map((d) => d.id)));
    expect(ofTask(0).find((a) => a.unitId === created[0]!.id)?.isLead).toBe(true);
    // task 2: the skipped name keeps its text but takes no assignment; 区教委 alone
    expect(tasks[1]!.responsibleUnitsWritten).toEqual(['区教育考试服务中心']);
    expect(new Set(ofTask(1).map((a) => a.unitId))).toEqual(new Set([await unitId('区教委')]));

    // The next notice resolves both by itself.
    const next = await preview('关于印发下半年数据工作的通知', '继续');
    expect(next.units.find((u) => u.written === '区大数据发展局')).toMatchObject({
      status: 'exact',
      unitId: created[0]!.id,
    });
    expect(next.units.find((u) => u.written === '区级其他有关部门')).toMatchObject({
      status: 'group',
      groupName: '区政府各部门',
    });
    expect(next.units.find((u) => u.written === '区级其他有关部门')?.needsChoice).toBeFalsy();
  });

  it('refuses to create a unit whose name is taken (409) and a user without 新增单位 (403); nothing stored', async () => {
    const p = await preview('关于印发另一数据工作要点的通知', '另外');
    const taken = await office.post(
      COMMIT,
      bodyOf(p, (w) =>
        w === '区教育考试服务中心'
          ? { create: { kind: 'department', name: '区教委' } }
          : w === '区级其他有关部门'
            ? { skip: true }
            : {},
      ),
    );
    expect(taken.status).toBe(409);
    expect(taken.body.error?.message).toMatch(/已被其他单位使用/);
    const noRight = commitPlan(
      api.tdb.database,
      systemActor('test'),
      bodyOf(p, (w) => (w === '区教育考试服务中心' ? { create: { kind: 'township' } } : { skip: true })),
      '重庆市潼南区',
    );
    await expect(noRight).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect(await db().select().from(units).where(eq(units.name, '区教育考试服务中心'))).toHaveLength(0);
  });
});
