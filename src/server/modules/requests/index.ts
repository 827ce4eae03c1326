// The 依申请公开 module: console routes, portal pages, the daily auto-close job and the calendar hook.
import type { Hono } from 'hono';
import { districtNameOf, requestsPortal } from '../../../portal/requests';
import { onCalendarChange } from '../../platform/calendar/service';
import type { AppEnv, Platform } from '../../platform/context';
import { chinaDate, registerJob } from '../../platform/jobs/scheduler';
import { requestsRoutes } from './requests.routes';
import { closeLapsedCases, recomputeOpenCases } from './requests.service';

export const requestsModule = {
  name: 'requests',
  routes: requestsRoutes,
  portal(app: Hono<AppEnv>, p: Platform): void {
    requestsPortal(app, p, districtNameOf(p));
  },
  init(p: Platform): void {
    registerJob({
      name: 'requests.autoclose',
      runKey: (now) => chinaDate(now),
      run: (database, now) => closeLapsedCases(database, chinaDate(now)),
    });
    onCalendarChange('requests', async (database, calendar) => {
      await recomputeOpenCases(database, calendar, chinaDate(p.clock.now()));
    });
  },
};
