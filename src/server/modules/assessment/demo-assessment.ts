// Demo 考核 (the demo district's ranking page and /xxgk/khpg are not all tied): for `year`, both unit kinds'
// default trees frozen, manual scores (F1, F2) and a 电话测评 result for every unit, varied by a fixed pattern; the
// 镇街 result published. Written once (setting `demo.assessmentSeeded`); run after the other modules' demo rows.
import type { AssessedKind } from '../../../domain/assessment/tree';
import type { Database } from '../../db/client';
import { assessmentPhoneResults, assessmentScores } from '../../db/schema/assessment';
import { audit } from '../../platform/audit/audit';
import { systemActor } from '../../platform/context';
import { getSetting, putSetting } from '../../platform/settings';
import { listUnits } from '../org';
import { planRow } from './assessment.repo';
import { freezePlan } from './plans';
import { publishResults } from './publishing';

/** F1, F2 (of 5 each) and the 电话测评 (of 100), taken in turn. */
const PATTERN: readonly [number, number, number][] = [
  [5, 5, 96],
  [4.5, 5, 88],
  [4, 4.5, 92],
  [5, 3.5, 75],
  [3.5, 4, 84],
  [3, 4.5, 68],
  [4.5, 3, 90],
  [2.5, 3.5, 62],
  [4, 2, 79],
  [2, 3, 55],
];

export async function seedAssessmentDemo(database: Database, year: number, now: Date): Promise<number> {
  if (await getSetting<boolean>(database, 'demo.assessmentSeeded')) return 0;
  const actor = systemActor('demo');
  const db = database.db;
  let scored = 0;
  for (const unitKind of ['department', 'township'] as const satisfies AssessedKind[]) {
    if (await planRow(db, year, unitKind)) continue;
    const plan = await freezePlan(database, actor, { year, unitKind }, now);
    const units = await listUnits(db, [unitKind]);
    await db.transaction(async (tx) => {
      const rows = units.map((u, k) => ({ u, p: PATTERN[k % PATTERN.length]! }));
      if (!rows.length) return;
      await tx.insert(assessmentScores).values(
        rows.flatMap(({ u, p }) =>
          (['F1', 'F2'] as const).map((code, j) => ({
            planId: plan.id!,
            unitId: u.id,
            code,
            score: p[j]!,
            evidence: code === 'F1' ? '（示例）培训通知、签到表' : '（示例）三审三校记录',
            scorer: '汤青青',
            scoredBy: null,
            scoredAt: now,
          })),
        ),
      );
      await tx
        .insert(assessmentPhoneResults)
        .values(rows.map(({ u, p }) => ({ year, unitId: u.id, score: p[2], calls: 3, note: '（示例）' })))
        .onConflictDoNothing();
      await audit(tx, actor, {
        action: 'assessment.demo.seed',
        objectType: 'assessment_plan',
        objectId: plan.id,
        detail: { year, unitKind, units: rows.length },
      });
      scored += rows.length;
    });
  }
  // The 镇街 result is published (the portal's /xxgk/khpg); the departments stay 评分中 on the ranking page.
  const township = await planRow(db, year, 'township');
  if (township?.status === 'scoring')
    await publishResults(database, actor, { year, unitKind: 'township' }, `${year + 1}-01-15`, now);
  await putSetting(db, 'demo.assessmentSeeded', true);
  return scored;
}
