// 三权分立 (等保2.0 三级; SECURITY.md 12): who may touch which account and grant which role. Pure rules; the
// org module calls them before every account or role write and turns a refusal into a 403 with an audit row.
//
// The rules, in words:
// - the three administrator roles (系统管理员, 安全管理员, 审计管理员) are 三员: an account holds at most one of
//   them, and then no other role;
// - only the security administrator assigns a 三员 role and acts on a 三员 account (edit, reset, disable, enable,
//   unlock); the system administrator manages ordinary accounts; the office (主管部门) manages business accounts
//   in its scope and grants only the working roles below it (联络员, 审核人, 领导);
// - business roles are granted by the system administrator, the security administrator, or (in part) the office,
//   because the office enrols the units' liaison officers itself (DESIGN: 创建联络员账号);
// - nobody changes their own roles, nor the permissions of a role they hold;
// - only the security administrator edits role permissions, and never those of a 三员 role: theirs are fixed
//   by the built-in definition, so none can be widened with another's codes or stripped to blind the auditor;
// - codes that belong to a 三员 role (audit, security policy, role editing, unlocking) are never given to a
//   business role.

export const PRIVILEGED_ROLES = ['sysadmin', 'secadmin', 'auditor'] as const;
export type PrivilegedRole = (typeof PRIVILEGED_ROLES)[number];

/** Working roles the office may grant to accounts in its scope. */
export const OFFICE_GRANTABLE = ['liaison', 'reviewer', 'leader'] as const;

/** Permission codes that only a 三员 role may hold. */
export const PRIVILEGED_CODES: Readonly<Record<PrivilegedRole, readonly string[]>> = {
  sysadmin: [],
  secadmin: ['system:security:list', 'system:security:update', 'org:user:unlock', 'org:role:update'],
  auditor: ['audit:log:list', 'audit:log:export', 'audit:chain:verify'],
};

const PRIVILEGED_CODES_ALL: readonly string[] = Object.values(PRIVILEGED_CODES).flat();

export type AccountAction = 'create' | 'update' | 'resetPassword' | 'disable' | 'enable' | 'unlock';

export interface AccountChange {
  actor: { id: string; roles: readonly string[] };
  action: AccountAction;
  /** The account acted on (absent on create). */
  target?: { id: string; roles: readonly string[] };
  /** The target's roles after the change (equal to its roles when they do not change). */
  rolesAfter: readonly string[];
}

export function isPrivileged(role: string): role is PrivilegedRole {
  return (PRIVILEGED_ROLES as readonly string[]).includes(role);
}

const sameSet = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((r) => b.includes(r));

/** Why the roles themselves cannot stand together, or null. */
export function roleCombinationError(roles: readonly string[]): string | null {
  const sep = roles.filter(isPrivileged);
  if (sep.length > 1) return '三权分立：系统管理员、安全管理员、审计管理员不能由同一账号兼任';
  if (sep.length === 1 && roles.length > 1)
    return '三权分立：系统管理员、安全管理员、审计管理员不能兼任其他角色';
  return null;
}

/** Why the actor may not make this account change (a Chinese reason for the 403), or null when allowed. */
export function accountChangeRefusal(c: AccountChange): string | null {
  const actorRoles = c.actor.roles;
  const isSec = actorRoles.includes('secadmin');
  const before = c.target?.roles ?? [];
  const rolesChange = !sameSet(before, c.rolesAfter);
  if (c.target && c.target.id === c.actor.id && rolesChange) return '不能修改自己的角色';
  const touchesPrivileged = [...before, ...c.rolesAfter].some(isPrivileged);
  if (touchesPrivileged && !isSec)
    return '三员账号（系统管理员、安全管理员、审计管理员）只能由安全管理员管理';
  if (touchesPrivileged && c.target?.id === c.actor.id && c.action !== 'update')
    return '不能对自己的账号执行此操作';
  if (!rolesChange) return null;
  if (isSec || actorRoles.includes('sysadmin')) return null;
  if (actorRoles.includes('office')) {
    const granted = c.rolesAfter.filter((r) => !before.includes(r));
    const removed = before.filter((r) => !c.rolesAfter.includes(r));
    const outside = [...granted, ...removed].filter(
      (r) => !(OFFICE_GRANTABLE as readonly string[]).includes(r),
    );
    return outside.length ? '主管部门只能分配联络员、审核人、领导角色' : null;
  }
  return '无权分配角色';
}

/** Why the actor may not set these permissions on this role, or null when allowed. */
export function rolePermissionRefusal(
  actorRoles: readonly string[],
  role: string,
  permissions: readonly string[],
): string | null {
  if (!actorRoles.includes('secadmin')) return '只有安全管理员可以修改角色权限';
  if (actorRoles.includes(role)) return '不能修改自己所属角色的权限';
  if (isPrivileged(role)) return '三员角色的权限固定，不能修改';
  const reserved = permissions.filter((p) => PRIVILEGED_CODES_ALL.includes(p));
  return reserved.length ? `三权分立：权限 ${reserved.join('、')} 只能属于三员角色` : null;
}
