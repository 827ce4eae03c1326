// The business modules, in the order their routes are mounted. Each module's index.ts exports its registration
// (platform/module.ts) beside what other modules and the portal may call; app.ts reads this list.
import type { BusinessModule } from '../platform/module';
import { assessmentModule } from './assessment';
import { disclosureModule } from './disclosure';
import { interactionModule } from './interaction';
import { mediaModule } from './media';
import { orgModule } from './org';
import { reportsModule } from './reports';
import { requestsModule } from './requests';
import { systemModule } from './system';
import { tasksModule } from './tasks';
import { todoModule } from './todo';

export type { BusinessModule };

export const MODULES: BusinessModule[] = [
  orgModule,
  systemModule,
  requestsModule,
  reportsModule,
  tasksModule,
  disclosureModule,
  mediaModule,
  todoModule,
  interactionModule,
  assessmentModule,
];
