// The system module's face: its registration (no other module calls into it).
import type { BusinessModule } from '../../platform/module';
import { systemRoutes } from './system.routes';

export const systemModule: BusinessModule = { name: 'system', routes: systemRoutes };
