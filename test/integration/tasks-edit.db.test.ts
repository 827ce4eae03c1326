// Issue 3 part 3: every cell of the import preview is editable, and the commit stores what the officer edited.
// The console's own state helpers (importState) build the edits and the commit body, as the page does.
import fs from 'node:fs';
import { asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  commitBody,
  deadlinesFromText,
  deadlinesInYear,
  deadlinesText,
  initialChoices,
  measuresFromText,
  pathsFromText,
} from '../../src/admin/features/tasks/importState';
import type { ImportPreview, ParsedPlan, WorkPlanSummary } from '../../src/contracts/tasks';
import { planTasks, taskAssignments, units, workPlans } from '../../src/server/db/schema';
import { type Client, setupApi, type TestApi } from '../api';

const SEED_001 = new URL('../../../shared/seeds/001_f1f23c2a90ae0336.txt', import.meta.url);

let api: TestApi;
let office: Client;
beforeAll(async () => {
  api = await setupApi();
  office = await api.loginAs('office');
});
afterAll(() => api.close());

describe('import preview edits reach the stored plan', () => {
  it('edited measures, deadlines (re-read with parseDeadline), sections, paths, 文号 and date are stored; assignments follow', async () => {
    const r = await office.upload<ImportPreview>(
      '/api/tasks/import/preview',
      '任务分工.txt',
      new Uint8Array(fs.readFileSync(SEED_001)),
    );
    expect(r.status).toBe(200);
    const preview = r.body.data!;
    const db = api.tdb.database.db;
    const fallback = (await db.select().from(units).where(eq(units.name, '区政府办公室')))[0]!.id;
    // the officer resolves every doubtful name (not under test here)
    const choices = initialChoices(preview.units);
    for (const u of preview.units)
      if (!choices[u.written]?.length)
        choices[u.written] = u.needsChoice
          ? (u.memberUnitIds ?? []).slice(0, 1)
          : [u.suggestions[0]?.unitId ?? fallback];

    // Seed 001 T003 (国土空间规划) and T005 (市场准入负面清单) carry no measures and no deadline.
    const task = (p: ParsedPlan, ref: string) => p.tasks.find((t) => t.ref === ref)!;
    expect(task(preview.plan, 'T003').measures).toEqual([]);
    expect(deadlinesText(task(preview.plan, 'T003').deadlines)).toBe('');
    expect(task(preview.plan, 'T005').deadlines).toEqual([]);

    const measures = measuresFromText('1．在政府网站公开规划全文\n\n2．同步公开图解  ');
    const t3 = deadlinesFromText('2021年9月底前', [], 2021);
    const t5 = deadlinesFromText('每季度', [], 2021);
    expect([t3.unreadable, t5.unreadable]).toEqual([[], []]);
    const edited: ParsedPlan = {
      ...preview.plan,
      docNumber: '渝中府办发〔2021〕99号',
      date: '2021-04-01',
      tasks: preview.plan.tasks.map((t) =>
        t.ref === 'T003'
          ? {
              ...t,
              measures,
              deadlines: t3.deadlines,
              section: ['一、规划信息'],
              disclosurePaths: pathsFromText('政府网站 > 政府信息公开 > 国土空间规划\n政务新媒体'),
            }
          : t.ref === 'T005'
            ? { ...t, deadlines: t5.deadlines }
            : t,
      ),
    };
    const c = await office.post<WorkPlanSummary>(
      '/api/tasks/import/commit',
      commitBody(preview, edited, choices, { year: 2021, cadence: 'quarter', replace: false }),
    );
    expect(c.status).toBe(201);

    const stored = async (ref: string) => {
      const t = (await db.select().from(planTasks).where(eq(planTasks.ref, ref)))[0]!;
      const a = await db
        .select({ period: taskAssignments.period, dueDate: taskAssignments.dueDate })
        .from(taskAssignments)
        .where(eq(taskAssignments.taskId, t.id))
        .orderBy(asc(taskAssignments.dueDate));
      return { t, a };
    };
    const s3 = await stored('T003');
    expect(s3.t.measures).toEqual(['1．在政府网站公开规划全文', '2．同步公开图解']);
    expect(s3.t.deadlines).toEqual([{ kind: 'date', date: '2021-09-30', raw: '2021年9月底前' }]);
    expect(s3.t.section).toEqual(['一、规划信息']);
    expect(s3.t.disclosurePaths).toEqual([['政府网站', '政府信息公开', '国土空间规划'], ['政务新媒体']]);
    const [p] = await db.select().from(workPlans);
    expect([p!.docNumber, p!.date]).toEqual(['渝中府办发〔2021〕99号', '2021-04-01']);
    // T003's one unit (区规划自然资源局) is due on the edited date
    expect(s3.a).toEqual([{ period: null, dueDate: '2021-09-30' }]);

    const s5 = await stored('T005');
    expect(s5.t.deadlines).toEqual([{ kind: 'recurring', every: 'quarter', raw: '每季度' }]);
    // 每季度: one instance per quarter for each of its units, due on the quarter's last day
    const quarters = [...new Set(s5.a.map((x) => `${x.period} ${x.dueDate}`))].sort();
    expect(quarters).toEqual([
      '2021-Q1 2021-03-31',
      '2021-Q2 2021-06-30',
      '2021-Q3 2021-09-30',
      '2021-Q4 2021-12-31',
    ]);
    // an unedited task keeps what the notice said
    expect((await stored('T001')).t.measures).toEqual(task(preview.plan, 'T001').measures);
  });

  it('a notice without a year: "10月底前" is refused until the officer gives the year, then due in that year', async () => {
    const text = `关于印发政务公开工作要点的通知
一、深化重点领域信息公开
（一）优化营商环境信息公开
1.公开优化营商环境政策措施及解读，10月底前完成。(牵头单位:区发展改革委,责任单位:区教委)
`;
    const r = await office.upload<ImportPreview>(
      '/api/tasks/import/preview',
      '要点.txt',
      new TextEncoder().encode(text),
    );
    expect(r.status).toBe(200);
    const preview = r.body.data!;
    expect(preview.plan.year).toBeNull();
    const choices = initialChoices(preview.units);
    expect(Object.values(choices).every((v) => v?.length)).toBe(true);
    const opts = { year: 2026, cadence: 'quarter', replace: false } as const;
    const bad = await office.post(
      '/api/tasks/import/commit',
      commitBody(preview, preview.plan, choices, opts),
    );
    expect(bad.status).toBe(400);
    expect(bad.body.error?.message).toContain('完成时限「10月底前」缺少年份');
    // what the page does when the officer types the year
    const fixed: ParsedPlan = {
      ...preview.plan,
      tasks: preview.plan.tasks.map((t) => ({ ...t, deadlines: deadlinesInYear(t.deadlines, 2026) })),
    };
    const ok = await office.post<WorkPlanSummary>(
      '/api/tasks/import/commit',
      commitBody(preview, fixed, choices, opts),
    );
    expect(ok.status).toBe(201);
    const db = api.tdb.database.db;
    const asg = await db
      .select({ due: taskAssignments.dueDate })
      .from(taskAssignments)
      .innerJoin(planTasks, eq(planTasks.id, taskAssignments.taskId))
      .where(eq(planTasks.planId, ok.body.data!.id));
    expect(asg.map((a) => a.due)).toEqual(['2026-10-31', '2026-10-31']);
  });
});
