// The tasks module's face: its registration (routes, reminder jobs).
import type { BusinessModule } from '../../platform/module';
import { importTextRoutes } from './import-text.routes';
import { tasksInit } from './init';
import { tasksRoutes } from './tasks.routes';

export { type UnitTaskPaths, unitTaskDisclosurePaths } from './disclosure-paths';

export const tasksModule: BusinessModule = {
  name: 'tasks',
  routes: (app, p) => {
    tasksRoutes(app, p);
    importTextRoutes(app, p);
  },
  init: tasksInit,
};
