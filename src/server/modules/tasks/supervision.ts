// Supervision outputs of a plan (the given one, else the latest): the dashboard, the 台账 .xlsx and the 通报 .docx,
// each over the rows the viewer may see.
import { eq } from 'drizzle-orm';
import type { Dashboard } from '../../../contracts/tasks';
import { bulletinDocNumber, bulletinIssuer } from '../../../domain/tasks/bulletin';
import type { DbOrTx } from '../../db/client';
import { planTasks } from '../../db/schema/tasks';
import { dashboard } from './dashboard';
import { bulletinDocx, ledgerXlsx } from './exports';
import { allRows, latestPlanId, latestReports, planOrLatest, type Viewer } from './ledger.repo';

export async function planDashboard(
  db: DbOrTx,
  v: Viewer,
  planId: string | undefined,
  today: string,
): Promise<Dashboard> {
  return dashboard(db, v, planId ?? (await latestPlanId(db)), today);
}

export async function exportLedger(db: DbOrTx, v: Viewer, planId: string | undefined, today: string) {
  const plan = await planOrLatest(db, planId);
  const rows = await allRows(db, v, plan.id, today);
  const tasks = await db
    .select({
      id: planTasks.id,
      leadUnitsWritten: planTasks.leadUnitsWritten,
      responsibleUnitsWritten: planTasks.responsibleUnitsWritten,
    })
    .from(planTasks)
    .where(eq(planTasks.planId, plan.id));
  const byTask = new Map(tasks.map((t) => [t.id, t]));
  const bytes = await ledgerXlsx(
    `${plan.title}（台账）`,
    rows.map((r) => ({
      ...r,
      leadWritten: byTask.get(r.taskId)?.leadUnitsWritten ?? [],
      responsibleWritten: byTask.get(r.taskId)?.responsibleUnitsWritten ?? [],
    })),
    await latestReports(
      db,
      rows.map((r) => r.id),
    ),
  );
  return { bytes, name: `任务台账-${plan.year}.xlsx` };
}

export async function exportBulletin(
  db: DbOrTx,
  v: Viewer,
  q: { planId?: string; number?: number },
  today: string,
  districtName: string,
  settings: { bulletinAgencyCode: string; bulletinNextNumber: number },
) {
  const plan = await planOrLatest(db, q.planId);
  const rows = await allRows(db, v, plan.id, today);
  const year = Number(today.slice(0, 4));
  const bytes = await bulletinDocx({
    year: plan.year,
    planTitle: plan.title,
    today,
    issuer: bulletinIssuer(districtName),
    docNumber: bulletinDocNumber(settings.bulletinAgencyCode, year, q.number ?? settings.bulletinNextNumber),
    rows,
  });
  return { bytes, name: `政务公开工作任务落实情况通报-${today}.docx` };
}
