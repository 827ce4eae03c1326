// The disclosure module's face: its registration (console routes, scheduled jobs) and what the portal, the annual
// reports, the CLI and the start-up may call. Nothing else of this folder is imported from outside.
import type { Hono } from 'hono';
import { chinaDate } from '../../../domain/calendar';
import type { AppEnv, Platform } from '../../platform/context';
import { registerJob } from '../../platform/jobs/scheduler';
import type { BusinessModule } from '../../platform/module';
import { disclosureRoutes } from './disclosure.routes';
import { enforcementRoutes } from './enforcement.routes';
import { normativeRoutes } from './normative.routes';
import { expireNormative, publishDue } from './publishing';

// The portal's read services.
export { attachmentFile } from './attachments';
export { listColumns } from './catalog';
// The CLI: `gongkai review check` and `gongkai search reindex`.
export { checkOptions } from './checks';
// Start-up: the demo district's sample items.
export { seedDisclosureDemo } from './demo-content';
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
  normativeQuery,
  publicItem,
  publishingUnits,
  standardColumnId,
} from './public';
export { reindexAll, searchItems } from './search';
// The annual report's table 二.
export { normativeDocumentCounts } from './stats';

export const disclosureModule: BusinessModule = {
  name: 'disclosure',
  routes: (app: Hono<AppEnv>, p: Platform) => {
    disclosureRoutes(app, p);
    enforcementRoutes(app, p);
    normativeRoutes(app, p);
  },
  init(p: Platform) {
    // Scheduled publishing: once a minute.
    registerJob({
      name: 'disclosure.publishDue',
      runKey: (now) => now.toISOString().slice(0, 16),
      run: async (_db, now) => ({ published: await publishDue(p, now) }),
    });
    // Automatic expiry of normative documents: once a day (China date).
    registerJob({
      name: 'disclosure.expireNormative',
      runKey: (now) => chinaDate(now),
      run: async (db, now) => ({ expired: await expireNormative(db, chinaDate(now)) }),
    });
  },
};
