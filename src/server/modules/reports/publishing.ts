// Use cases: the office saves table 二 and the narrative, and publishes the report to the portal's 政府信息公开年报
// column (the HTML is frozen at publication).
import type { ReportInput } from '../../../contracts/reports';
import { validateReport } from '../../../domain/requests/annual-report-check';
import { reportLayout } from '../../../domain/requests/annual-report-layout';
import { earlyPublicationProblem, yearEnded } from '../../../domain/requests/report-timing';
import type { Database } from '../../db/client';
import { audit } from '../../platform/audit/audit';
import type { Actor } from '../../platform/context';
import { invalid } from '../../platform/errors';
import { assertUnitInScope } from '../org';
import { reportHtml } from './export';
import { buildReport, type Scoped, unitOf } from './report';
import { markPublished, upsertReport } from './reports.repo';

export async function saveReport(
  database: Database,
  actor: Actor,
  user: Scoped,
  unitId: string,
  year: number,
  input: ReportInput,
): Promise<void> {
  await database.db.transaction(async (tx) => {
    await assertUnitInScope(tx, user, unitId);
    await unitOf(tx, unitId);
    await upsertReport(tx, unitId, year, input);
    await audit(tx, actor, {
      action: 'reports.save',
      objectType: 'annual_report',
      objectId: `${unitId}:${year}`,
    });
  });
}

/**
 * Publishes to the portal (政府信息公开年报). A report with validation errors is refused, naming the cells; before
 * the year ends only with a reason, which the audit row keeps.
 */
export async function publishReport(
  database: Database,
  actor: Actor,
  user: Scoped,
  unitId: string,
  year: number,
  today: string,
  earlyReason?: string,
): Promise<void> {
  await assertUnitInScope(database.db, user, unitId);
  const early = earlyPublicationProblem(year, today, earlyReason);
  if (early) throw invalid(early, { fields: { earlyReason: '请填写提前发布的理由' } });
  const { saved, report } = await buildReport(database, unitId, year);
  const v = validateReport(report);
  if (v.errors.length > 0) {
    throw invalid(
      `年度报告有 ${v.errors.length} 处错误，不能发布：${v.errors.map((e) => e.message).join('；')}`,
      { issues: v.errors },
    );
  }
  if (!saved) throw invalid('请先保存年度报告（第二部分数据和文字部分）');
  const html = reportHtml(reportLayout(report));
  await database.db.transaction(async (tx) => {
    await markPublished(tx, saved.id, html);
    await audit(tx, actor, {
      action: 'reports.publish',
      objectType: 'annual_report',
      objectId: saved.id,
      ...(yearEnded(year, today) ? {} : { detail: `年度结束前提前发布，理由：${earlyReason?.trim()}` }),
    });
  });
}
