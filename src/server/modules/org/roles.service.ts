import { eq } from 'drizzle-orm';
import type { CurrentUser, Role } from '../../../contracts/api';
import { ALL_PERMISSIONS, type PermissionCode } from '../../../contracts/permissions';
import { BUILTIN_ROLES, type RoleCode } from '../../../contracts/roles';
import { isPrivileged, PRIVILEGED_CODES } from '../../../domain/org/separation';
import type { Database, DbOrTx } from '../../db/client';
import { rolePermissions } from '../../db/schema/org';
import { audit } from '../../platform/audit/audit';
import type { Actor } from '../../platform/context';
import { AppError, notFound } from '../../platform/errors';
import { getSetting, putSetting } from '../../platform/settings';
import { refuse, roleRefusal } from './separation.guard';

/** Codes only a 三员 role may hold. */
const RESERVED = new Set<string>(Object.values(PRIVILEGED_CODES).flat());
const sameCodes = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((p) => b.includes(p));

/**
 * Seeds the built-in roles' permissions on first start, and on every later start adds the codes that a new
 * version's defaults introduced (new modules) without undoing the security admin's edits: a code the defaults
 * already contained last time and that is missing now was removed on purpose and stays removed.
 *
 * 三权分立, without a migration: the three 三员 roles' stored permissions are forced back to their built-in sets
 * on every start (nobody may edit them, so any difference is tampering or an older version's defaults — this is
 * how `org:role:update`, once the system admin's, leaves it for the security admin's); and a code reserved to a
 * 三员 role is taken out of every business role that holds it.
 */
export async function seedRoles(tx: DbOrTx): Promise<void> {
  const seen = (await getSetting<Record<string, string[]>>(tx, 'roles.defaultsSeen')) ?? {};
  for (const r of BUILTIN_ROLES) {
    const row = (await tx.select().from(rolePermissions).where(eq(rolePermissions.roleCode, r.code)))[0];
    if (!row) {
      await tx.insert(rolePermissions).values({ roleCode: r.code, permissions: r.permissions });
    } else if (isPrivileged(r.code)) {
      if (!sameCodes(row.permissions, r.permissions))
        await tx
          .update(rolePermissions)
          .set({ permissions: r.permissions, updatedAt: new Date() })
          .where(eq(rolePermissions.roleCode, r.code));
    } else {
      const before = new Set(seen[r.code] ?? row.permissions);
      const added = r.permissions.filter((p) => !before.has(p) && !row.permissions.includes(p));
      const kept = row.permissions.filter((p) => !RESERVED.has(p));
      if (added.length || kept.length !== row.permissions.length) {
        await tx
          .update(rolePermissions)
          .set({ permissions: [...kept, ...added], updatedAt: new Date() })
          .where(eq(rolePermissions.roleCode, r.code));
      }
    }
    seen[r.code] = [...r.permissions];
  }
  await putSetting(tx, 'roles.defaultsSeen', seen);
}

export async function listRoles(database: Database): Promise<Role[]> {
  const rows = await database.db.select().from(rolePermissions);
  return BUILTIN_ROLES.map((b) => ({
    code: b.code,
    name: b.name,
    description: b.description,
    dataScope: b.dataScope,
    permissions: (rows.find((r) => r.roleCode === b.code)?.permissions ?? b.permissions) as PermissionCode[],
  }));
}

export async function updateRole(
  database: Database,
  caller: Pick<CurrentUser, 'id' | 'roles'>,
  actor: Actor,
  code: RoleCode,
  permissions: PermissionCode[],
): Promise<Role> {
  if (!BUILTIN_ROLES.some((r) => r.code === code)) throw notFound('角色');
  const unknown = permissions.filter((p) => !ALL_PERMISSIONS.includes(p));
  if (unknown.length) throw new AppError('VALIDATION', `未知的权限编码：${unknown.join('、')}`);
  const refusal = roleRefusal(caller, code, permissions);
  if (refusal)
    await refuse(database, actor, refusal, {
      action: 'org.role.update',
      objectType: 'role',
      objectId: code,
      detail: { permissions },
    });
  await database.db.transaction(async (tx) => {
    await tx
      .insert(rolePermissions)
      .values({ roleCode: code, permissions })
      .onConflictDoUpdate({ target: rolePermissions.roleCode, set: { permissions, updatedAt: new Date() } });
    await audit(tx, actor, {
      action: 'org.role.update',
      objectType: 'role',
      objectId: code,
      detail: { permissions },
    });
  });
  const roles = await listRoles(database);
  return roles.find((r) => r.code === code)!;
}

export async function roleExists(db: DbOrTx, code: string): Promise<boolean> {
  const r = await db.select().from(rolePermissions).where(eq(rolePermissions.roleCode, code));
  return !!r[0];
}
