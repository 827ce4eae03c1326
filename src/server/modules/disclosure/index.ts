// The disclosure module's face: its registration (console routes, scheduled jobs).
import type { Hono } from 'hono';
import { chinaDate } from '../../../domain/calendar';
import type { AppEnv, Platform } from '../../platform/context';
import { registerJob } from '../../platform/jobs/scheduler';
import type { BusinessModule } from '../../platform/module';
import { disclosureRoutes } from './disclosure.routes';
import { expireNormative, publishDue } from './items.service';

export const disclosureModule: BusinessModule = {
  name: 'disclosure',
  routes: (app: Hono<AppEnv>, p: Platform) => disclosureRoutes(app, p),
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
export { districtColumnWithItems } from './district-column';
export { normativeDocumentCounts } from './items.service';
