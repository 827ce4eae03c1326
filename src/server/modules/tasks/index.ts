// The tasks module's face: its registration (routes, reminder jobs).
import type { BusinessModule } from '../../platform/module';
import { tasksInit } from './init';
import { tasksRoutes } from './tasks.routes';

export { type UnitTaskPaths, unitTaskDisclosurePaths } from './disclosure-paths';

export const tasksModule: BusinessModule = { name: 'tasks', routes: tasksRoutes, init: tasksInit };
