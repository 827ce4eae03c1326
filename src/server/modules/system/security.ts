// Use case: the security administrator changes the security policy (one audited write).
import type { SecuritySettings } from '../../../contracts/system';
import { audit } from '../../platform/audit/audit';
import type { Actor, Platform } from '../../platform/context';
import { getSecuritySettings, putSetting } from '../../platform/settings';

export { getSecuritySettings };

export async function updateSecuritySettings(
  p: Platform,
  actor: Actor,
  value: SecuritySettings,
): Promise<SecuritySettings> {
  await p.database.db.transaction(async (tx) => {
    await putSetting(tx, 'security', value);
    await audit(tx, actor, {
      action: 'system.security.update',
      objectType: 'setting',
      objectId: 'security',
      detail: value,
    });
  });
  return getSecuritySettings(p.database);
}
