import { eq } from 'drizzle-orm';
import type { Role } from '../../../contracts/api';
import { ALL_PERMISSIONS, type PermissionCode } from '../../../contracts/permissions';
import { BUILTIN_ROLES, type RoleCode } from '../../../contracts/roles';
import type { Database, DbOrTx } from '../../db/client';
import { rolePermissions } from '../../db/schema/org';
import { audit } from '../../platform/audit/audit';
import type { Actor } from '../../platform/context';
import { AppError, notFound } from '../../platform/errors';
import { getSetting, putSetting } from '../../platform/settings';

// 三权分立: permissions that belong to exactly one of the separated roles and may never be given to another role.
const EXCLUSIVE: Partial<Record<RoleCode, PermissionCode[]>> = {
  auditor: ['audit:log:list', 'audit:log:export', 'audit:chain:verify'],
  secadmin: ['system:security:list', 'system:security:update', 'org:user:unlock'],
  sysadmin: ['org:role:list', 'org:role:update'],
};

export function checkExclusive(role: RoleCode, permissions: PermissionCode[]): void {
  for (const [owner, codes] of Object.entries(EXCLUSIVE) as [RoleCode, PermissionCode[]][]) {
    if (owner === role) continue;
    const bad = permissions.filter((p) => codes.includes(p));
    if (bad.length)
      throw new AppError(
        'VALIDATION',
        `三权分立：权限 ${bad.join('、')} 只能属于${BUILTIN_ROLES.find((r) => r.code === owner)?.name}`,
      );
  }
}

/**
 * Seeds the built-in roles' permissions on first start, and on every later start adds the codes that a new
 * version's defaults introduced (new modules) without undoing the system admin's edits: a code the defaults
 * already contained last time and that is missing now was removed on purpose and stays removed.
 */
export async function seedRoles(tx: DbOrTx): Promise<void> {
  const seen = (await getSetting<Record<string, string[]>>(tx, 'roles.defaultsSeen')) ?? {};
  for (const r of BUILTIN_ROLES) {
    const row = (await tx.select().from(rolePermissions).where(eq(rolePermissions.roleCode, r.code)))[0];
    if (!row) {
      await tx.insert(rolePermissions).values({ roleCode: r.code, permissions: r.permissions });
    } else {
      const before = new Set(seen[r.code] ?? row.permissions);
      const added = r.permissions.filter((p) => !before.has(p) && !row.permissions.includes(p));
      if (added.length) {
        await tx
          .update(rolePermissions)
          .set({ permissions: [...row.permissions, ...added], updatedAt: new Date() })
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
  actor: Actor,
  code: RoleCode,
  permissions: PermissionCode[],
): Promise<Role> {
  if (!BUILTIN_ROLES.some((r) => r.code === code)) throw notFound('角色');
  const unknown = permissions.filter((p) => !ALL_PERMISSIONS.includes(p));
  if (unknown.length) throw new AppError('VALIDATION', `未知的权限编码：${unknown.join('、')}`);
  checkExclusive(code, permissions);
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
