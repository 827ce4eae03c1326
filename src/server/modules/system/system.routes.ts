import type { Hono } from 'hono';
import { audit } from '../../platform/audit/audit';
import type { AppEnv, Platform } from '../../platform/context';
import { actorOf } from '../../platform/context';
import { defineRoute } from '../../platform/http/route';
import { getSecuritySettings, putSetting, securitySettingsSchema } from '../../platform/settings';

export function systemRoutes(app: Hono<AppEnv>, p: Platform): void {
  const { database } = p;
  const tag = '系统设置';
  defineRoute(app, {
    method: 'get',
    path: '/api/settings/security',
    tag,
    summary: '安全策略',
    permission: 'system:security:list',
    handler: () => getSecuritySettings(database),
  });
  defineRoute(app, {
    method: 'put',
    path: '/api/settings/security',
    tag,
    summary: '修改安全策略',
    permission: 'system:security:update',
    body: securitySettingsSchema,
    handler: async ({ c, user, body }) => {
      await database.db.transaction(async (tx) => {
        await putSetting(tx, 'security', body);
        await audit(tx, actorOf(user, c), {
          action: 'system.security.update',
          objectType: 'setting',
          objectId: 'security',
          detail: body,
        });
      });
      return getSecuritySettings(database);
    },
  });
}
