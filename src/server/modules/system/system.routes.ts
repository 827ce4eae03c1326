// HTTP only: each contract of src/contracts/system.ts mounted on its use case.
import type { Hono } from 'hono';
import { systemApi } from '../../../contracts/system';
import { type AppEnv, actorOf, type Platform } from '../../platform/context';
import { route } from '../../platform/http/route';
import { retentionView, updateRetentionSettings } from './retention';
import { getSecuritySettings, updateSecuritySettings } from './security';

export function systemRoutes(app: Hono<AppEnv>, p: Platform): void {
  route(app, systemApi.getSecurity, () => getSecuritySettings(p.database));
  route(app, systemApi.putSecurity, ({ c, user, body }) => updateSecuritySettings(p, actorOf(user, c), body));
  route(app, systemApi.getRetention, () => retentionView(p.database));
  route(app, systemApi.putRetention, ({ c, user, body }) =>
    updateRetentionSettings(p, actorOf(user, c), body),
  );
}
