// The system module's face: its registration (routes, the daily retention purge); no other module calls into it.
import type { Platform } from '../../platform/context';
import { registerDailyJob } from '../../platform/jobs/scheduler';
import type { BusinessModule } from '../../platform/module';
import { retentionJob } from './retention';
import { systemRoutes } from './system.routes';

export const RETENTION_JOB = 'system.retention-purge';

export const systemModule: BusinessModule = {
  name: 'system',
  routes: systemRoutes,
  init(p: Platform) {
    registerDailyJob(RETENTION_JOB, async (_database, _today, now) => ({ ...(await retentionJob(p, now)) }));
  },
};
