// Business modules: each adds its routes (and jobs) here with one line, so app.ts stays the same.
import type { Hono } from 'hono';
import type { AppEnv, Platform } from '../platform/context';
import { disclosureModule } from './disclosure/disclosure.module';
import { orgRoutes } from './org/org.routes';
import { reportsModule } from './reports';
import { requestsModule } from './requests';
import { systemRoutes } from './system/system.routes';
import { tasksInit } from './tasks/init';
import { tasksRoutes } from './tasks/tasks.routes';

export interface BusinessModule {
  name: string;
  /** Console API routes (served by the admin process). */
  routes?(app: Hono<AppEnv>, p: Platform): void;
  /** Public portal pages and forms (served by the portal process). */
  portal?(app: Hono<AppEnv>, p: Platform): void;
  /** Registers scheduled jobs and calendar-change hooks; called once at start. */
  init?(p: Platform): void;
}

export const MODULES: BusinessModule[] = [
  { name: 'org', routes: orgRoutes },
  { name: 'system', routes: systemRoutes },
  requestsModule,
  reportsModule,
  { name: 'tasks', routes: tasksRoutes, init: tasksInit },
  disclosureModule,
];
