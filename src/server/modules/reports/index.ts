// The annual-report module's face: its registration (console routes, the daily deadline reminders) and what the
// portal may call (the published reports).
import { registerDailyJob } from '../../platform/jobs/scheduler';
import type { BusinessModule } from '../../platform/module';
import { remindReports } from './reminders';
import { reportsRoutes } from './reports.routes';

export { emptyTable2 } from './report';
export { publishedReport, publishedReports } from './reports.repo';

export const reportsModule: BusinessModule = {
  name: 'reports',
  routes: reportsRoutes,
  init(): void {
    registerDailyJob('reports.reminders', (database, today) => remindReports(database, today));
  },
};
