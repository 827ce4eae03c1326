// The 依申请公开 module: console routes, portal pages, the daily auto-close job and the calendar hook.
import { chinaDate } from '../../../domain/calendar';
import { onCalendarChange } from '../../platform/calendar/service';
import type { Platform } from '../../platform/context';
import { registerJob } from '../../platform/jobs/scheduler';
import type { BusinessModule } from '../../platform/module';
import { remindDueCases, remindReports } from './reminders';
import { requestsRoutes } from './requests.routes';
import { closeLapsedCases, recomputeOpenCases } from './requests.service';

export const requestsModule: BusinessModule = {
  name: 'requests',
  routes: requestsRoutes,
  init(p: Platform): void {
    registerJob({
      name: 'requests.autoclose',
      runKey: (now) => chinaDate(now),
      run: (database, now) => closeLapsedCases(database, chinaDate(now)),
    });
    registerJob({
      name: 'requests.reminders',
      runKey: (now) => chinaDate(now),
      run: async (database, now) => ({
        ...(await remindDueCases(database, chinaDate(now))),
        reports: (await remindReports(database, chinaDate(now))).sent,
      }),
    });
    onCalendarChange('requests', async (database, calendar) => {
      await recomputeOpenCases(database, calendar, chinaDate(p.clock.now()));
    });
  },
};
