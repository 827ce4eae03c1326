// The annual-report module's face: its registration (console routes, the daily deadline reminders) and what the
// portal may call (the published reports).
import { chinaDate } from '../../../domain/calendar';
import { registerJob } from '../../platform/jobs/scheduler';
import type { BusinessModule } from '../../platform/module';
import { remindReports } from './reminders';
import { reportsRoutes } from './reports.routes';

export { emptyTable2 } from './report';
export { publishedReport, publishedReports } from './reports.repo';

export const reportsModule: BusinessModule = {
  name: 'reports',
  routes: reportsRoutes,
  init(): void {
    registerJob({
      name: 'reports.reminders',
      runKey: (now) => chinaDate(now),
      run: (database, now) => remindReports(database, chinaDate(now)),
    });
  },
};
