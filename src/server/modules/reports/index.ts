// The annual-report module's face: its registration (console routes).
import type { BusinessModule } from '../../platform/module';
import { reportsRoutes } from './reports.routes';

export { publishedReports } from './reports.service';

export const reportsModule: BusinessModule = { name: 'reports', routes: reportsRoutes };
