// What a business module gives the composition root. Each module's `index.ts` exports one of these (its
// registration) beside the functions other modules and the portal may call; `modules/index.ts` lists them.
import type { Hono } from 'hono';
import type { AppEnv, Platform } from './context';

export interface BusinessModule {
  name: string;
  /** Console API routes (served by the admin process). */
  routes?(app: Hono<AppEnv>, p: Platform): void;
  /** Registers scheduled jobs and calendar-change hooks; called once at start. */
  init?(p: Platform): void;
}
