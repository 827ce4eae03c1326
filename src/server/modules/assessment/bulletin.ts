// Use case: the 考核通报 (.docx). A published plan's 通报 is its published snapshot (what the portal shows); before
// publication it is the live computation, and only the office (scope: all) may take it — it names every unit.
import { assessmentBulletinFigures, type BulletinUnit } from '../../../domain/assessment/bulletin';
import { ASSESSED_KIND_LABELS, type AssessedKind } from '../../../domain/assessment/tree';
import { bulletinDocNumber, bulletinIssuer } from '../../../domain/tasks/bulletin';
import type { Database } from '../../db/client';
import { forbidden } from '../../platform/errors';
import { getTasksSettings } from '../tasks';
import { planOf, resultsOfPlan } from './assessment.repo';
import { assessmentBulletinDocx } from './bulletin-docx';
import { computeResults } from './compute';

export async function assessmentBulletin(
  database: Database,
  user: { dataScope: string },
  q: { year: number; unitKind: AssessedKind; number?: number | undefined },
  today: string,
  districtName: string,
): Promise<{ bytes: Uint8Array; name: string }> {
  const plan = await planOf(database.db, q.year, q.unitKind);
  const published = plan.status === 'published' && plan.id !== null;
  if (!published && user.dataScope !== 'all')
    throw forbidden('考核结果公布前，考核通报仅由政务公开主管部门下载');
  let units: BulletinUnit[];
  if (published && plan.id) {
    units = (await resultsOfPlan(database.db, plan.id)).map((r) => ({
      unit: r.unitName,
      total: r.total,
      rank: r.rank,
      bulletin: r.bulletin,
      scores: r.indicators.map((i) => ({ code: i.code, score: i.score, applicable: i.applicable !== false })),
    }));
  } else {
    units = (await computeResults(database, q.year, q.unitKind, today)).units.map((u) => ({
      unit: u.unit,
      total: u.total,
      rank: u.rank,
      bulletin: u.bulletin,
      scores: u.indicators,
    }));
  }
  const kindLabel = ASSESSED_KIND_LABELS[q.unitKind];
  const settings = await getTasksSettings(database, districtName);
  const title = `关于${q.year}年度${kindLabel}政务公开考核结果的通报`;
  const bytes = await assessmentBulletinDocx({
    title,
    year: q.year,
    kindLabel,
    issuer: bulletinIssuer(districtName),
    docNumber: bulletinDocNumber(
      settings.bulletinAgencyCode,
      Number(today.slice(0, 4)),
      q.number ?? settings.bulletinNextNumber,
    ),
    today,
    figures: assessmentBulletinFigures(plan.indicators, units),
    units,
  });
  return { bytes, name: `${title}.docx` };
}
