// The disclosure module's face: its registration (console routes, scheduled jobs) and what the portal, the annual
// reports, the CLI and the start-up may call. Nothing else of this folder is imported from outside.
import type { Hono } from 'hono';
import { registerAuditNamer } from '../../platform/audit/names';
import type { AppEnv, Platform } from '../../platform/context';
import { registerDailyJob, registerJob } from '../../platform/jobs/scheduler';
import type { BusinessModule } from '../../platform/module';
import { closeEndedDecisions, remindAdoption } from './decisions';
import { decisionsRoutes } from './decisions.routes';
import { directoryRoutes } from './directory.routes';
import { disclosureRoutes } from './disclosure.routes';
import { enforcementRoutes } from './enforcement.routes';
import { interpretationRoutes } from './interpretation.routes';
import { normativeRoutes } from './normative.routes';
import { expireNormative, publishDue } from './publishing';
import { itemTitles } from './repo/items';

// The media module's 政府网站工作年度报表.
export { type DisclosureYearFigures, disclosureYearFigures } from './annual-report-reads';
// 考核评估.
export {
  interpretationRecordsForYear,
  normativeRecordsForYear,
  timelinessRecordsForYear,
} from './assessment-reads';
// The portal's read services.
export { attachmentFile } from './attachments';
// Start-up: 镇街 catalogs seeded with the county Art. 21 list get the township one.
export { applyTownshipArt21List, listColumns } from './catalog';
// The CLI: `gongkai review check` and `gongkai search reindex`.
export { checkOptions } from './checks';
// The Q&A base's 政策依据 (interaction).
export { type CitedItem, citedItems, publishedRootsByTitle } from './cited';
// The portal's 重大行政决策预公开 pages (/hdjl/zj).
export {
  type PublicDecision,
  type PublicDecisionSummary,
  priorPortalComment,
  publicDecision,
  publicDecisionList,
  submitComment,
} from './decision-comments';
// Start-up: the demo district's sample items.
export { seedDisclosureDemo } from './demo-content';
// The portal's 标准目录 pages.
export { directoryUnits, type PublicDirectoryRow, unitDirectoryPage } from './directory-public';
// 依申请转主动公开 (requests): the de-identified reply becomes a draft item, reviewed like any other.
export { createItem as draftItem } from './drafting';
// The portal's 行政执法公示 list.
export { type PublicEnforcement, publicEnforcementList } from './enforcement';
export { findBrokenLinks, type ProbeOptions } from './link-probe';
// The portal's 规范性文件清理结果.
export { publishedCampaignResult, publishedCampaignYears } from './normative-review';
export {
  catalogUnits,
  columnPage,
  districtColumnWithItems,
  guidePage,
  latestInterpretations,
  normativeQuery,
  portalHome,
  publicItem,
  publishingUnits,
  standardColumnId,
} from './public';
export {
  countMatches,
  indexMissing,
  reindexAll,
  type SearchLimits,
  searchItems,
} from './search';
// The annual report's table 二.
export { normativeDocumentCounts } from './stats';
// The to-do centre.
export { disclosureTodo } from './todo';

export const disclosureModule: BusinessModule = {
  name: 'disclosure',
  routes: (app: Hono<AppEnv>, p: Platform) => {
    disclosureRoutes(app, p);
    directoryRoutes(app, p);
    interpretationRoutes(app, p);
    enforcementRoutes(app, p);
    decisionsRoutes(app, p);
    normativeRoutes(app, p);
  },
  init(p: Platform) {
    registerAuditNamer(['disclosureItem'], itemTitles);
    // Scheduled publishing: once a minute.
    registerJob({
      name: 'disclosure.publishDue',
      runKey: (now) => now.toISOString().slice(0, 16),
      run: async (_db, now) => ({ published: await publishDue(p, now) }),
    });
    // Automatic expiry of normative documents: once a day (China date).
    registerDailyJob('disclosure.expireNormative', async (db, today) => ({
      expired: await expireNormative(db, today),
    }));
    // 重大行政决策预公开: periods that ended are closed, then the 意见采纳情况 reminders (once a day, China date).
    registerDailyJob('disclosure.closeDecisions', async (db, _today, now) => ({
      closed: await closeEndedDecisions(db, now),
    }));
    registerDailyJob('disclosure.adoptionReminders', async (db, today) => remindAdoption(db, today));
  },
};
