// What the 考核评估 reads of website supervision (through this module's face): every check of the year of a
// unit's websites (met: verdict 合格).
import { and, eq, gte, lte } from 'drizzle-orm';
import type { AssessRecord } from '../../../domain/assessment/scoring';
import type { DbOrTx } from '../../db/client';
import { mediaSiteChecks, mediaWebsites } from '../../db/schema/media';

export async function siteRecordsForYear(db: DbOrTx, year: number): Promise<AssessRecord[]> {
  const rows = await db
    .select({
      id: mediaSiteChecks.id,
      unitId: mediaWebsites.unitId,
      name: mediaWebsites.name,
      asOf: mediaSiteChecks.asOf,
      verdict: mediaSiteChecks.verdict,
      vetoes: mediaSiteChecks.vetoes,
    })
    .from(mediaSiteChecks)
    .innerJoin(mediaWebsites, eq(mediaWebsites.id, mediaSiteChecks.websiteId))
    .where(and(gte(mediaSiteChecks.asOf, `${year}-01-01`), lte(mediaSiteChecks.asOf, `${year}-12-31`)))
    .orderBy(mediaSiteChecks.asOf);
  return rows.map((r) => ({
    id: r.id,
    unitId: r.unitId,
    label: `${r.name}（${r.asOf}检查）`,
    ok: r.verdict === '合格',
    detail: r.verdict === '合格' ? '合格' : `不合格：${r.vetoes.map((v) => v.detail).join('；')}`,
  }));
}
