// The public portal's one entry: app.ts (the composition root) mounts it. Page groups come first so that a
// module's column (e.g. /xxgk/nb) wins over the shell's placeholder. The portal renders; its data comes from the
// modules' faces (src/server/modules/<m>/index.ts), never from the database directly.
import type { Hono } from 'hono';
import type { AppEnv, Platform } from '../server/platform/context';
import type { RateLimiter } from '../server/platform/ratelimit';
import { a11yRoutes } from './a11y';
import { commitmentsPortal } from './hdjl/cn';
import { decisionsPortal } from './hdjl/zj';
import { homePortal } from './home';
import { interactionPortal } from './interaction';
import { reportsPortal } from './reports';
import { districtNameOf, requestsPortal } from './requests';
import { portalRoutes } from './routes';
import { disclosurePortal } from './xxgk';

export function mountPortal(app: Hono<AppEnv>, p: Platform, limiter: RateLimiter): void {
  a11yRoutes(app);
  homePortal(app, p);
  requestsPortal(app, p, districtNameOf(p));
  reportsPortal(app, p);
  interactionPortal(app, p, districtNameOf(p));
  disclosurePortal(app, p);
  decisionsPortal(app, p);
  commitmentsPortal(app, p);
  portalRoutes(app, p, limiter);
}
