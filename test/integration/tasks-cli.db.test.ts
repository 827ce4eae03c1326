// `gongkai import tasks FILE --commit` as a user runs it: a real process (bin/gongkai.js) against a test database.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/server/config';
import { auditLog, planTasks, taskAssignments, units, workPlans } from '../../src/server/db/schema';
import { createTestDatabase, type TestDatabase } from '../db';
import { run } from '../run';

const ROOT = path.resolve(import.meta.dirname, '../..');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gk-cli-tasks-'));
let tdb: TestDatabase;

/** A small notice in seed 002's prose form; every name is a unit of the demo district (潼南). */
const notice = (units2: string) => `重庆市潼南区人民政府办公室关于印发2026年潼南区政务公开工作要点的通知
潼南府办发〔2026〕9号
各镇人民政府、街道办事处，区政府各部门，有关单位：
现将《2026年潼南区政务公开工作要点》印发给你们，请认真贯彻执行。
重庆市潼南区人民政府办公室
2026年3月2日
2026年潼南区政务公开工作要点
一、深化重点领域信息公开
（一）优化营商环境信息公开
1.公开优化营商环境政策措施及解读，2026年6月底前完成。(牵头单位:区发展改革委,责任单位:${units2})
2.每季度公开教育经费执行情况。(责任单位:区教委)
`;

function gongkai(...args: string[]) {
  return run(process.execPath, ['bin/gongkai.js', ...args], {
    cwd: ROOT,
    env: {
      ...process.env,
      GONGKAI_DATA_DIR: dir,
      DATABASE_URL: tdb.url,
      GONGKAI_DEMO: '0',
      // The test database's URL is the server's superuser.
      GONGKAI_ALLOW_SUPERUSER: '1',
    },
    timeout: 120_000,
  });
}
const write = (name: string, text: string) => {
  const f = path.join(dir, name);
  fs.writeFileSync(f, text);
  return f;
};

beforeAll(async () => {
  tdb = await createTestDatabase();
  // the demo district's registry (区发展改革委, 区教委, …), as a running Gongkai would have it; without the demo
  // content, whose own 任务分工 would stand beside the notices these tests import
  const { bootstrap } = await import('../../src/server/bootstrap');
  await bootstrap(
    tdb.database,
    loadConfig(
      {},
      { demo: true, demoContent: false, adminPassword: 'Adm1n#Gongkai', demoPassword: 'Demo#Gongkai1' },
    ),
    () => {},
  );
}, 120_000);
afterAll(async () => {
  await tdb?.drop();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('gongkai import tasks --commit', () => {
  it('refuses a notice with a name that does not resolve, lists it, and stores nothing', async () => {
    const r = await gongkai(
      'import',
      'tasks',
      write('bad.txt', notice('区教委、区住房城市建委')),
      '--commit',
    );
    expect(r.status).not.toBe(0);
    expect(r.stderr).toContain('未能确定：区住房城市建委');
    expect(r.stderr).toContain('未保存');
    return expect(tdb.database.db.select().from(planTasks)).resolves.toHaveLength(0);
  }, 120_000);

  it('stores a notice whose names all resolve: plan, tasks, one assignment per (task, unit, period)', async () => {
    const file = write('good.txt', notice('区教委'));
    const r = await gongkai('import', 'tasks', file, '--commit');
    expect(r.stderr).not.toMatch(/错误|Error/);
    expect(r.status).toBe(0);
    // T001: 区发展改革委 (lead) + 区教委; T002 每季度: 区教委 × 4 quarters
    expect(r.stdout).toContain('任务 2 项，分解到单位 6 项次');
    const db = tdb.database.db;
    const plans = await db.select().from(workPlans);
    expect(plans.map((p) => [p.title, p.docNumber, p.date, p.year, p.cadence])).toEqual([
      [
        '重庆市潼南区人民政府办公室关于印发2026年潼南区政务公开工作要点的通知',
        '潼南府办发〔2026〕9号',
        '2026-03-02',
        2026,
        'quarter',
      ],
    ]);
    const tasks = await db.select().from(planTasks).orderBy(asc(planTasks.sort));
    expect(tasks.map((t) => [t.ref, t.leadUnitsWritten, t.responsibleUnitsWritten, t.deadlines])).toEqual([
      ['T001', ['区发展改革委'], ['区教委'], [{ kind: 'date', date: '2026-06-30', raw: '2026年6月底前' }]],
      ['T002', [], ['区教委'], [{ kind: 'recurring', every: 'quarter', raw: '每季度' }]],
    ]);
    const asg = await db
      .select({
        ref: planTasks.ref,
        unit: units.name,
        isLead: taskAssignments.isLead,
        period: taskAssignments.period,
        due: taskAssignments.dueDate,
      })
      .from(taskAssignments)
      .innerJoin(planTasks, eq(planTasks.id, taskAssignments.taskId))
      .innerJoin(units, eq(units.id, taskAssignments.unitId));
    expect(
      asg.map((a) => `${a.ref} ${a.unit}${a.isLead ? '(牵头)' : ''} ${a.period ?? '-'} ${a.due}`).sort(),
    ).toEqual(
      [
        'T001 区发展改革委(牵头) - 2026-06-30',
        'T001 区教委 - 2026-06-30',
        'T002 区教委 2026-Q1 2026-03-31',
        'T002 区教委 2026-Q2 2026-06-30',
        'T002 区教委 2026-Q3 2026-09-30',
        'T002 区教委 2026-Q4 2026-12-31',
      ].sort(),
    );
    expect(await db.select().from(auditLog).where(eq(auditLog.action, 'tasks.plan.import'))).toHaveLength(1);

    // the same notice again is refused unless --replace; with it, the draft is replaced (still one plan)
    const again = await gongkai('import', 'tasks', file, '--commit');
    expect(again.status).not.toBe(0);
    expect(again.stderr).toContain('该通知已导入为');
    expect(await db.select().from(workPlans)).toHaveLength(1);
    const replaced = await gongkai('import', 'tasks', file, '--commit', '--replace');
    expect(replaced.status).toBe(0);
    const after = await db.select().from(workPlans);
    expect(after).toHaveLength(1);
    expect(after[0]!.id).not.toBe(plans[0]!.id);
  }, 240_000);

  it('a notice without a year is refused without --year; with it, "10月底前" is due in that year', async () => {
    const file = write(
      'noyear.txt',
      `关于印发政务公开工作要点的通知
一、深化重点领域信息公开
（一）优化营商环境信息公开
1.公开优化营商环境政策措施及解读，10月底前完成。(牵头单位:区发展改革委,责任单位:区教委)
`,
    );
    const db = tdb.database.db;
    const before = (await db.select().from(planTasks)).length;
    const r = await gongkai('import', 'tasks', file, '--commit');
    expect(r.status).not.toBe(0);
    expect(r.stderr).toContain('请用 --year 指定');
    expect(await db.select().from(planTasks)).toHaveLength(before);
    const ok = await gongkai('import', 'tasks', file, '--commit', '--year', '2027');
    expect(ok.status).toBe(0);
    const [t] = await db
      .select()
      .from(planTasks)
      .where(eq(planTasks.text, '1.公开优化营商环境政策措施及解读，10月底前完成。'));
    expect(t?.deadlines).toEqual([{ kind: 'date', date: '2027-10-31', raw: '10月底前' }]);
  }, 120_000);
});
