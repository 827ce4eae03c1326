// The media module's face (issue 12): government websites and 政务新媒体 — register, filings, website checks and
// the 整改 they open. The CLI calls `checkSite`; the scheduler checks every running site once a week and samples
// every running site's home page about every 72 minutes (MON-1 availability).
import { chinaDate } from '../../../domain/calendar';
import { type Platform, systemActor } from '../../platform/context';
import { registerJob } from '../../platform/jobs/scheduler';
import { errorFields } from '../../platform/log';
import type { BusinessModule } from '../../platform/module';
import { publishedReport, publishedReports } from './annual-reports';
import { sampleAvailability, sampleRunKey } from './availability';
import { bulletinFile, publishedBulletins } from './bulletins';
import { rectifyDue, runCheck, sitesDue } from './checks';
import { mediaRoutes } from './media.routes';
import { RECTIFY_WORKING_DAYS } from './rectification';

// 考核评估.
export { newMediaRecordsForYear, siteRecordsForYear } from './assessment-reads';
export { seedAnnualReportDemo, seedMediaDemo } from './demo-media';
export { checkSite, type SiteCheckOptions, type SiteCheckResult } from './site-check';

/** The portal's reads: published 检查通报 and their .docx. */
export const publicBulletins = (p: Pick<Platform, 'database'>) => publishedBulletins(p.database.db);
export const publicBulletinFile = (p: Pick<Platform, 'database'>, id: string) =>
  bulletinFile(p.database.db, id, true);

/** The portal's reads: published 政府网站工作年度报表. */
export const publicAnnualReports = (p: Pick<Platform, 'database'>) => publishedReports(p.database.db);
export const publicAnnualReport = (p: Pick<Platform, 'database' | 'clock'>, id: string) =>
  publishedReport(p.database.db, id, chinaDate(p.clock.now()));
export type { ReportView as PublicAnnualReport } from './annual-reports';

/** Sites are re-checked weekly; a few per run keeps one job run short. */
const CHECK_EVERY_DAYS = 7;
const SITES_PER_RUN = 5;

export const mediaModule: BusinessModule = {
  name: 'media',
  routes: mediaRoutes,
  init(p) {
    if (!p.config.linkProbe) return; // no outbound requests configured
    registerJob({
      name: 'media.site-checks',
      runKey: (now) => chinaDate(now),
      async run(database, now) {
        const due = await sitesDue(database, now, CHECK_EVERY_DAYS, SITES_PER_RUN);
        const dueDate = await rectifyDue(database, now, RECTIFY_WORKING_DAYS);
        let checked = 0;
        for (const s of due) {
          try {
            await runCheck(database, systemActor('media.site-checks'), s.id, {
              asOf: chinaDate(now),
              trigger: 'schedule',
              settings: { allowPrivate: p.config.linkProbePrivate, maxPages: 300 },
              dueDate,
              now,
            });
            checked++;
          } catch (e) {
            p.log('warn', 'website check failed', { websiteId: s.id, error: errorFields(e).error });
          }
        }
        return { due: due.length, checked };
      },
    });
    registerJob({
      name: 'media.availability',
      runKey: sampleRunKey,
      run: (database, now) =>
        sampleAvailability(database, now, {
          allowPrivate: p.config.linkProbePrivate,
          timeoutMs: p.config.availabilityTimeoutMs,
        }),
    });
  },
};
