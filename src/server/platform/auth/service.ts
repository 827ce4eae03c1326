// Login, sessions and the current user's permissions.
import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import type { CurrentUser } from '../../../contracts/api';
import type { PermissionCode } from '../../../contracts/permissions';
import { BUILTIN_ROLES, type DataScope, ROLE_CODES, type RoleCode } from '../../../contracts/roles';
import { checkPassword, passwordExpired, SITE_WORDS } from '../../../domain/security/password-policy';
import type { Config } from '../../config';
import type { Database } from '../../db/client';
import { passwordHistory, rolePermissions, sessions, units, userRoles, users } from '../../db/schema';
import { audit } from '../audit/audit';
import type { Actor, Clock, SessionUser } from '../context';
import { AppError } from '../errors';
import { getSecuritySettings } from '../settings';
import { hashPassword, verifyPassword } from './passwords';
import { PASSWORD_HISTORY } from './rules';
import { sha256 } from './tokens';
import { hasTotp, totpRequiredFor } from './totp';

export const SESSION_COOKIE = 'gk_sid';
export const CSRF_COOKIE = 'gk_csrf';

export { sha256 };

/** The permissions and data scope of these roles, from the role-permission rows (all of them: a handful). */
function permissionsOf(
  rows: { roleCode: string; permissions: string[] }[],
  roles: RoleCode[],
): { permissions: PermissionCode[]; dataScope: DataScope } {
  if (roles.length === 0) return { permissions: [], dataScope: 'unit' };
  const perms = new Set<PermissionCode>();
  for (const r of rows) {
    if (roles.includes(r.roleCode as RoleCode)) for (const p of r.permissions) perms.add(p as PermissionCode);
  }
  const scope: DataScope = roles.some((rc) => BUILTIN_ROLES.find((b) => b.code === rc)?.dataScope === 'all')
    ? 'all'
    : 'unit';
  return { permissions: [...perms].sort(), dataScope: scope };
}

/** The user as a session sees it at `now`: an expired password (forced rotation) must be changed first. */
export async function currentUserById(
  database: Database,
  config: Pick<Config, 'require2fa'>,
  userId: string,
  now: Date,
): Promise<CurrentUser | null> {
  return (await loadUser(database, config, userId, now))?.user ?? null;
}

/**
 * The user and whether the account is active. Every API request asks (sessionUser): the independent reads go
 * out together, one round trip to the database instead of four.
 */
async function loadUser(
  database: Database,
  config: Pick<Config, 'require2fa'>,
  userId: string,
  now: Date,
): Promise<{ user: CurrentUser; active: boolean } | null> {
  const [rows, roleRows, permissionRows, sec] = await Promise.all([
    database.db
      .select({ u: users, unitName: units.name })
      .from(users)
      .innerJoin(units, eq(units.id, users.unitId))
      .where(eq(users.id, userId)),
    database.db.select().from(userRoles).where(eq(userRoles.userId, userId)),
    database.db.select().from(rolePermissions),
    getSecuritySettings(database),
  ]);
  const row = rows[0];
  if (!row) return null;
  const roles = roleRows
    .map((r) => r.roleCode)
    .filter((r): r is RoleCode => (ROLE_CODES as readonly string[]).includes(r));
  const { permissions, dataScope } = permissionsOf(permissionRows, roles);
  const { passwordMaxAgeDays, twoFactorScope } = sec;
  const expired = passwordExpired(row.u.passwordChangedAt ?? row.u.createdAt, passwordMaxAgeDays, now);
  const user: CurrentUser = {
    id: row.u.id,
    username: row.u.username,
    name: row.u.name,
    unitId: row.u.unitId,
    unitName: row.unitName,
    roles,
    permissions,
    dataScope,
    mustChangePassword: row.u.mustChangePassword || expired,
    // An account the policy asks for a second factor may only set one up until it has one (SECURITY.md 4).
    mustEnrollTotp: totpRequiredFor(config, twoFactorScope, roles) && !(await hasTotp(database.db, userId)),
  };
  return { user, active: row.u.status === 'active' };
}

/** Loads the session behind a cookie, enforcing the idle timeout and the absolute lifetime; touches last_seen_at. */
export async function sessionUser(
  { database, clock, config }: { database: Database; clock: Clock; config: Pick<Config, 'require2fa'> },
  cookie: string,
): Promise<SessionUser | null> {
  const idHash = sha256(cookie);
  const rows = await database.db.select().from(sessions).where(eq(sessions.idHash, idHash));
  const s = rows[0];
  if (!s) return null;
  const sec = await getSecuritySettings(database);
  const now = clock.now();
  if (
    now.getTime() - s.lastSeenAt.getTime() > sec.sessionIdleMinutes * 60000 ||
    now.getTime() - s.createdAt.getTime() > sec.sessionAbsoluteMinutes * 60000
  ) {
    await database.db.delete(sessions).where(eq(sessions.idHash, idHash));
    return null;
  }
  const loaded = await loadUser(database, config, s.userId, now);
  if (!loaded?.active) return null;
  const { user } = loaded;
  // Touch at most every 30 s: fewer writes, still precise enough for a 30-minute idle timeout.
  if (now.getTime() - s.lastSeenAt.getTime() > 30_000) {
    await database.db.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.idHash, idHash));
  }
  return { ...user, sessionIdHash: idHash, csrfToken: s.csrfToken };
}

export async function logout(database: Database, user: SessionUser, actor: Actor): Promise<void> {
  await database.db.transaction(async (tx) => {
    await tx.delete(sessions).where(eq(sessions.idHash, user.sessionIdHash));
    await audit(tx, actor, { action: 'auth.logout', objectType: 'session', objectId: user.id });
  });
}

export async function changePassword(
  database: Database,
  user: SessionUser,
  input: { oldPassword: string; newPassword: string },
  actor: Actor,
  now: Date,
): Promise<void> {
  const rows = await database.db.select().from(users).where(eq(users.id, user.id));
  const u = rows[0];
  if (!u) throw new AppError('NOT_FOUND', '用户不存在');
  if (!(await verifyPassword(u.passwordHash, input.oldPassword)))
    throw new AppError('VALIDATION', '原密码不正确');
  if (input.oldPassword === input.newPassword) throw new AppError('VALIDATION', '新密码不能与原密码相同');
  const sec = await getSecuritySettings(database);
  const errors = checkPassword(
    input.newPassword,
    { minLength: sec.passwordMinLength, minClasses: sec.passwordMinClasses },
    { username: u.username, words: await contextWords(database) },
  );
  if (errors.length)
    throw new AppError('VALIDATION', errors.join('；'), { fields: { newPassword: errors.join('；') } });
  const previous = await database.db
    .select({ id: passwordHistory.id, hash: passwordHistory.hash })
    .from(passwordHistory)
    .where(eq(passwordHistory.userId, u.id))
    .orderBy(desc(passwordHistory.id));
  // The current password and the ones before it, PASSWORD_HISTORY in all.
  for (const h of previous.slice(0, PASSWORD_HISTORY - 1).map((p) => p.hash)) {
    if (await verifyPassword(h, input.newPassword)) {
      const msg = `新密码不能与最近 ${PASSWORD_HISTORY} 次使用过的密码相同`;
      throw new AppError('VALIDATION', msg, { fields: { newPassword: msg } });
    }
  }
  const hash = await hashPassword(input.newPassword);
  await database.db.transaction(async (tx) => {
    await tx
      .update(users)
      .set({
        passwordHash: hash,
        mustChangePassword: false,
        passwordChangedAt: now,
        updatedAt: now,
      })
      .where(eq(users.id, u.id));
    await tx.insert(passwordHistory).values({ userId: u.id, hash: u.passwordHash });
    const stale = previous.slice(PASSWORD_HISTORY - 2).map((p) => p.id);
    if (stale.length) await tx.delete(passwordHistory).where(inArray(passwordHistory.id, stale));
    // Other sessions of this user end: a changed password must lock out whoever knew the old one.
    await tx
      .delete(sessions)
      .where(and(eq(sessions.userId, u.id), sql`${sessions.idHash} <> ${user.sessionIdHash}`));
    await audit(tx, actor, { action: 'auth.changePassword', objectType: 'user', objectId: u.id });
  });
}

/** The context list of the password policy: the site's names and every unit's (the district's departments). */
async function contextWords(database: Database): Promise<string[]> {
  const rows = await database.db.select({ name: units.name }).from(units);
  return [...SITE_WORDS, ...rows.map((r) => r.name)];
}

export async function validateNewPassword(
  database: Database,
  password: string,
  username: string,
): Promise<void> {
  const sec = await getSecuritySettings(database);
  const errors = checkPassword(
    password,
    { minLength: sec.passwordMinLength, minClasses: sec.passwordMinClasses },
    { username, words: await contextWords(database) },
  );
  if (errors.length)
    throw new AppError('VALIDATION', `密码不符合要求：${errors.join('；')}`, {
      fields: { password: errors.join('；') },
    });
}
