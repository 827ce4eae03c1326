// The system module's face: its registration (routes, the daily retention purge); no other module calls into it.
import { chinaDate } from '../../../domain/calendar';
import type { Platform } from '../../platform/context';
import { registerJob } from '../../platform/jobs/scheduler';
import type { BusinessModule } from '../../platform/module';
import { retentionJob } from './retention';
import { systemRoutes } from './system.routes';

export const RETENTION_JOB = 'system.retention-purge';

export const systemModule: BusinessModule = {
  name: 'system',
  routes: systemRoutes,
  init(p: Platform) {
    registerJob({
      name: RETENTION_JOB,
      runKey: (now) => chinaDate(now),
      run: async (_database, now) => ({ ...(await retentionJob(p, now)) }),
    });
  },
};
