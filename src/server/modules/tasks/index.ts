// The tasks module's face: its registration (routes, reminder jobs) and the notice import the CLI runs.
import type { BusinessModule } from '../../platform/module';
import { tasksInit } from './init';
import { tasksRoutes } from './tasks.routes';

export { autoCommitBody, commitPlan, parsePlan, previewImport } from './import.service';

export const tasksModule: BusinessModule = { name: 'tasks', routes: tasksRoutes, init: tasksInit };
