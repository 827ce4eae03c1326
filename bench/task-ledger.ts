// The ledger by task (issue 14 part 6): how long one page takes on a 55-task × 30-unit plan (1,650 assignments).
// Runs the real use case (`listTaskLedger`: one SQL query per page) and, in the same run on the same tables, a
// baseline that reads the same page one task at a time (1 + N queries), for the office (every unit) and a unit's
// liaison (own unit plus the tasks it leads). Each result is parsed with the response schema, as the route does.
// Run: npx tsx bench/task-ledger.ts  (BENCH_RUNS=30; BENCH_DATABASE_URL=postgres://… an empty database, else an
// embedded PostgreSQL in a temporary directory). Prints a Markdown table.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { asc, eq, inArray, sql } from 'drizzle-orm';
import { taskLedgerPageSchema } from '../src/contracts/tasks';
import { connect, type Database, runMigrations } from '../src/server/db/client';
import { startEmbedded } from '../src/server/db/embedded';
import { units } from '../src/server/db/schema/org';
import { planTasks, taskAssignments, workPlans } from '../src/server/db/schema/tasks';
import type { Viewer } from '../src/server/modules/tasks/ledger.repo';
import { statusSql, visibleTo } from '../src/server/modules/tasks/ledger.repo';
import { listTaskLedger } from '../src/server/modules/tasks/task-ledger';

const RUNS = Number(process.env.BENCH_RUNS ?? 30);
const TASKS = 55;
const UNITS = 30;
const TODAY = '2026-06-15';
const STATES = ['not_started', 'in_progress', 'submitted', 'closed', 'returned'] as const;

async function seed(database: Database): Promise<{ planId: string; unitIds: string[] }> {
  const db = database.db;
  const unitIds = (
    await db
      .insert(units)
      .values(
        Array.from({ length: UNITS }, (_, i) => ({
          name: `基准测试单位${String(i + 1).padStart(2, '0')}`,
          kind: 'department' as const,
          sort: i,
        })),
      )
      .returning({ id: units.id })
  ).map((u) => u.id);
  const [plan] = await db
    .insert(workPlans)
    .values({ title: '基准测试任务分工', year: 2026, fingerprint: 'f'.repeat(64) })
    .returning({ id: workPlans.id });
  const text =
    '深入推进重点领域信息公开，围绕优化营商环境、保障和改善民生，及时公开政策文件并做好解读回应。'.repeat(3);
  const tasks = await db
    .insert(planTasks)
    .values(
      Array.from({ length: TASKS }, (_, i) => ({
        planId: plan!.id,
        ref: String(i + 1),
        sort: i + 1,
        section: ['一、重点领域信息公开'],
        text: `${i + 1}. ${text}`,
        deadlines: [{ kind: 'date' as const, date: '2026-06-30', raw: '6月底前' }],
        disclosurePaths: [],
      })),
    )
    .returning({ id: planTasks.id });
  await db.insert(taskAssignments).values(
    tasks.flatMap((t, ti) =>
      unitIds.map((unitId, ui) => ({
        taskId: t.id,
        unitId,
        isLead: ui === ti % UNITS,
        dueDate: ui % 3 ? '2026-06-30' : '2026-05-31',
        state: STATES[(ti + ui) % STATES.length]!,
      })),
    ),
  );
  await db.execute(sql`ANALYZE`);
  return { planId: plan!.id, unitIds };
}

/** The baseline: the page's tasks, then each task's visible assignments in its own query. */
async function onePerTask(database: Database, v: Viewer, planId: string, pageSize: number) {
  const db = database.db;
  const tasks = await db
    .select({ id: planTasks.id, ref: planTasks.ref, text: planTasks.text })
    .from(planTasks)
    .where(eq(planTasks.planId, planId))
    .orderBy(asc(planTasks.sort))
    .limit(pageSize);
  const out = [];
  for (const t of tasks) {
    const rows = await db
      .select({ id: taskAssignments.id, unitId: taskAssignments.unitId, status: statusSql(TODAY) })
      .from(taskAssignments)
      .where(sql`${inArray(taskAssignments.taskId, [t.id])} AND ${visibleTo(v) ?? sql`TRUE`}`);
    out.push({ ...t, units: rows });
  }
  return out;
}

async function time(f: () => Promise<unknown>): Promise<{ median: number; p95: number }> {
  await f();
  const ms: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const s = performance.now();
    await f();
    ms.push(performance.now() - s);
  }
  ms.sort((a, b) => a - b);
  return { median: ms[Math.floor(RUNS / 2)]!, p95: ms[Math.min(RUNS - 1, Math.floor(RUNS * 0.95))]! };
}

async function main() {
  let url = process.env.BENCH_DATABASE_URL;
  let stop: (() => Promise<void>) | null = null;
  if (!url) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gk-bench-pg-'));
    fs.chmodSync(dir, 0o755);
    const h = await startEmbedded(dir, () => {}, { role: 'cli' });
    url = h.url;
    stop = () => h.stop();
  }
  const database = connect(url, 4);
  await runMigrations(database);
  const { planId, unitIds } = await seed(database);
  const viewers: [string, Viewer][] = [
    ['office (all units)', { dataScope: 'all', unitId: unitIds[0]!, permissions: [] }],
    ['liaison (own unit + led tasks)', { dataScope: 'unit', unitId: unitIds[0]!, permissions: [] }],
  ];
  const fmt = (n: number) => n.toFixed(1);
  console.log(`\n${TASKS} tasks × ${UNITS} units, ${RUNS} runs each\n`);
  console.log('| Viewer | page size | one query: median / p95 ms | 1 + N queries: median / p95 ms | ratio |');
  console.log('| ------ | --------- | -------------------------- | ------------------------------ | ----- |');
  for (const [name, v] of viewers)
    for (const pageSize of [20, TASKS]) {
      const ours = await time(async () =>
        taskLedgerPageSchema.parse(
          await listTaskLedger(database.db, v, { planId, page: 1, pageSize }, TODAY),
        ),
      );
      const base = await time(() => onePerTask(database, v, planId, pageSize));
      console.log(
        `| ${name} | ${pageSize} | ${fmt(ours.median)} / ${fmt(ours.p95)} | ${fmt(base.median)} / ${fmt(base.p95)} | ${(ours.median / base.median).toFixed(2)} |`,
      );
    }
  await database.close();
  await stop?.();
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
