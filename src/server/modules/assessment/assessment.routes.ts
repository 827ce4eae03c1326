// HTTP only: each contract of src/contracts/assessment.ts mounted on its use case.
import type { Hono } from 'hono';
import { assessmentApi as api } from '../../../contracts/assessment';
import { ASSESSED_KIND_LABELS } from '../../../domain/assessment/tree';
import { chinaDate } from '../../../domain/calendar';
import { type AppEnv, actorOf, type Platform } from '../../platform/context';
import { route } from '../../platform/http/route';
import { DOCX_MIME, fileResponse, readUpload, XLSX_MIME } from '../../platform/http/upload';
import { manualScores, planOf } from './assessment.repo';
import { assessmentBulletin } from './bulletin';
import { computeResults, scopedResults } from './compute';
import { freezePlan, saveTree } from './plans';
import { exportResults, publishResults } from './publishing';
import { importPhone, previewPhone, putManualScore } from './scoring';
import { getAssessmentSettings, putAssessmentSettings } from './settings';

const MAX_SHEET_BYTES = 5 * 1024 * 1024;

export function assessmentRoutes(app: Hono<AppEnv>, p: Platform): void {
  const { database } = p;
  const today = () => chinaDate(p.clock.now());
  route(app, api.plan, ({ query }) => planOf(database.db, query.year, query.unitKind));
  route(app, api.putPlan, ({ c, user, body }) =>
    saveTree(database, actorOf(user, c), { year: body.year, unitKind: body.unitKind }, body.indicators),
  );
  route(app, api.freeze, ({ c, user, body }) => freezePlan(database, actorOf(user, c), body, p.clock.now()));
  route(app, api.results, async ({ user, query }) =>
    scopedResults(user, database, await computeResults(database, query.year, query.unitKind, today())),
  );
  route(app, api.scores, async ({ user, query }) => {
    const plan = await planOf(database.db, query.year, query.unitKind);
    if (!plan.id) return [];
    const rows = await manualScores(database.db, plan.id);
    const visible = user.dataScope === 'all' ? rows : rows.filter((r) => r.unitId === user.unitId);
    return visible.map((r) => ({
      unitId: r.unitId,
      code: r.code,
      score: r.score,
      evidence: r.evidence,
      scorer: r.scorer,
      scoredAt: r.scoredAt.toISOString(),
    }));
  });
  route(app, api.putScore, ({ c, user, body }) => putManualScore(database, actorOf(user, c), body));
  route(app, api.phonePreview, async ({ c }) =>
    previewPhone(database, (await readUpload(c, MAX_SHEET_BYTES)).bytes),
  );
  route(app, api.phoneImport, async ({ c, user, query }) =>
    importPhone(database, actorOf(user, c), query.year, (await readUpload(c, MAX_SHEET_BYTES)).bytes),
  );
  route(app, api.export, async ({ user, query }) => {
    const results = await scopedResults(
      user,
      database,
      await computeResults(database, query.year, query.unitKind, today()),
    );
    return fileResponse(
      await exportResults(results),
      `${query.year}年${ASSESSED_KIND_LABELS[query.unitKind]}政务公开考核结果.xlsx`,
      XLSX_MIME,
    );
  });
  route(app, api.bulletin, async ({ user, query }) => {
    const f = await assessmentBulletin(database, user, query, today(), p.config.districtName);
    return fileResponse(f.bytes, f.name, DOCX_MIME);
  });
  route(app, api.settings, () => getAssessmentSettings(database.db));
  route(app, api.putSettings, ({ c, user, body }) => putAssessmentSettings(database, actorOf(user, c), body));
  route(app, api.publish, ({ c, user, body }) =>
    publishResults(database, actorOf(user, c), body, today(), p.clock.now()),
  );
}
