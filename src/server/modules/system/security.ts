// Use case: the security administrator changes the security policy (one audited write).
import type { SecuritySettings } from '../../../contracts/system';
import type { Actor, Platform } from '../../platform/context';
import { getSecuritySettings, putAuditedSetting } from '../../platform/settings';

export { getSecuritySettings };

export async function updateSecuritySettings(
  p: Platform,
  actor: Actor,
  value: SecuritySettings,
): Promise<SecuritySettings> {
  await putAuditedSetting(p.database, actor, 'security', value, {
    action: 'system.security.update',
    objectType: 'setting',
    objectId: 'security',
    detail: value,
  });
  return getSecuritySettings(p.database);
}
