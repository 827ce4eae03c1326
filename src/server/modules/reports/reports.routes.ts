// HTTP only: each contract of src/contracts/reports.ts mounted on its use case.
import type { Hono } from 'hono';
import { reportsApi as api, reportKey } from '../../../contracts/reports';
import { chinaDate } from '../../../domain/calendar';
import { type AppEnv, actorOf, type Platform } from '../../platform/context';
import { route } from '../../platform/http/route';
import { fileResponse } from '../../platform/http/upload';
import { exportReport } from './export';
import { publishReport, saveReport } from './publishing';
import { getReport, overview } from './report';
import { getReportSettings, putReportSettings } from './settings';

export function reportsRoutes(app: Hono<AppEnv>, p: Platform): void {
  const { database } = p;
  const today = () => chinaDate(p.clock.now());

  route(app, api.getSettings, () => getReportSettings(database));
  route(app, api.putSettings, ({ c, user, body }) => putReportSettings(database, actorOf(user, c), body));
  route(app, api.overview, ({ user, query }) => overview(database, user, query.year, today()));
  route(app, api.get, ({ user, params }) => {
    const { unitId, year } = reportKey.parse(params);
    return getReport(database, user, unitId, year, today());
  });
  route(app, api.save, async ({ c, user, params, body }) => {
    const { unitId, year } = reportKey.parse(params);
    await saveReport(database, actorOf(user, c), user, unitId, year, body);
    return getReport(database, user, unitId, year, today());
  });
  route(app, api.publish, async ({ c, user, params, body }) => {
    const { unitId, year } = reportKey.parse(params);
    await publishReport(database, actorOf(user, c), user, unitId, year, today(), body.earlyReason);
    return getReport(database, user, unitId, year, today());
  });
  for (const [e, format] of [
    [api.exportDocx, 'docx'],
    [api.exportHtml, 'html'],
  ] as const) {
    route(app, e, async ({ user, params }) => {
      const { unitId, year } = reportKey.parse(params);
      await getReport(database, user, unitId, year, today()); // scope check
      const f = await exportReport(database, unitId, year, format);
      return fileResponse(f.bytes, f.name, f.mime);
    });
  }
}
