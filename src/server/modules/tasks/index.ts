// The tasks module's face: its registration (routes, reminder jobs), the notice import the CLI runs, and the
// tasks' disclosure paths per unit (for disclosure).
import type { BusinessModule } from '../../platform/module';
import { tasksInit } from './init';
import { tasksRoutes } from './tasks.routes';

// 考核评估.
export { taskRecordsForYear } from './assessment-reads';
export { type UnitTaskPaths, unitTaskDisclosurePaths } from './disclosure-paths';
export { autoCommitBody, commitPlan, parsePlan, previewImport } from './import.service';
export { closeRectificationTask, openRectificationTask, type RectificationTaskInput } from './rectification';
export { getTasksSettings } from './settings.service';
// The to-do centre.
export { tasksTodo } from './todo';

export const tasksModule: BusinessModule = { name: 'tasks', routes: tasksRoutes, init: tasksInit };
