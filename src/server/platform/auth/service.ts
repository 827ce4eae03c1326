// Login, sessions and the current user's permissions.
import { createHash, randomBytes } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import type { CurrentUser } from '../../../contracts/api';
import type { PermissionCode } from '../../../contracts/permissions';
import { type DataScope, ROLE_CODES, type RoleCode } from '../../../contracts/roles';
import { checkPassword } from '../../../domain/security/password-policy';
import type { Database } from '../../db/client';
import { loginLog, rolePermissions, sessions, units, userRoles, users } from '../../db/schema';
import { audit } from '../audit/audit';
import type { Actor, Clock, SessionUser } from '../context';
import { AppError } from '../errors';
import { getSecuritySettings } from '../settings';
import { burnVerify, hashPassword, verifyPassword } from './passwords';

export const SESSION_COOKIE = 'gk_sid';
export const CSRF_COOKIE = 'gk_csrf';

export const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

export async function loadPermissions(
  database: Database,
  roles: RoleCode[],
): Promise<{ permissions: PermissionCode[]; dataScope: DataScope }> {
  if (roles.length === 0) return { permissions: [], dataScope: 'unit' };
  const rows = await database.db.select().from(rolePermissions);
  const perms = new Set<PermissionCode>();
  for (const r of rows) {
    if (roles.includes(r.roleCode as RoleCode)) for (const p of r.permissions) perms.add(p as PermissionCode);
  }
  const { BUILTIN_ROLES } = await import('../../../contracts/roles');
  const scope: DataScope = roles.some((rc) => BUILTIN_ROLES.find((b) => b.code === rc)?.dataScope === 'all')
    ? 'all'
    : 'unit';
  return { permissions: [...perms].sort(), dataScope: scope };
}

export async function currentUserById(database: Database, userId: string): Promise<CurrentUser | null> {
  const rows = await database.db
    .select({ u: users, unitName: units.name })
    .from(users)
    .innerJoin(units, eq(units.id, users.unitId))
    .where(eq(users.id, userId));
  const row = rows[0];
  if (!row) return null;
  const roleRows = await database.db.select().from(userRoles).where(eq(userRoles.userId, userId));
  const roles = roleRows
    .map((r) => r.roleCode)
    .filter((r): r is RoleCode => (ROLE_CODES as readonly string[]).includes(r));
  const { permissions, dataScope } = await loadPermissions(database, roles);
  return {
    id: row.u.id,
    username: row.u.username,
    name: row.u.name,
    unitId: row.u.unitId,
    unitName: row.unitName,
    roles,
    permissions,
    dataScope,
    mustChangePassword: row.u.mustChangePassword,
  };
}

export interface LoginResult {
  user: CurrentUser;
  sessionId: string;
  csrfToken: string;
}

export async function login(
  database: Database,
  clock: Clock,
  input: { username: string; password: string; ip: string | null; userAgent: string | null },
  actor: Actor,
): Promise<LoginResult> {
  const sec = await getSecuritySettings(database);
  const now = clock.now();
  const rows = await database.db
    .select()
    .from(users)
    .where(sql`lower(${users.username}) = lower(${input.username})`);
  const u = rows[0];
  const logLogin = (
    result: 'success' | 'bad_password' | 'locked' | 'unknown_user' | 'disabled',
    userId: string | null,
  ) =>
    database.db.insert(loginLog).values({
      at: now,
      username: input.username.slice(0, 64),
      userId,
      result,
      ip: input.ip,
      userAgent: input.userAgent,
    });
  if (!u) {
    await burnVerify(input.password);
    await logLogin('unknown_user', null);
    throw new AppError('UNAUTHENTICATED', '用户名或密码错误');
  }
  if (u.status !== 'active') {
    await logLogin('disabled', u.id);
    throw new AppError('UNAUTHENTICATED', '该账号已停用，请联系系统管理员');
  }
  if (u.lockedUntil && u.lockedUntil > now) {
    await logLogin('locked', u.id);
    const minutes = Math.ceil((u.lockedUntil.getTime() - now.getTime()) / 60000);
    throw new AppError(
      'LOCKED',
      `连续登录失败次数过多，账号已锁定，请 ${minutes} 分钟后再试或联系安全管理员解锁`,
    );
  }
  if (!(await verifyPassword(u.passwordHash, input.password))) {
    const attempts = u.failedAttempts + 1;
    const lock = attempts >= sec.lockoutThreshold;
    await database.db.transaction(async (tx) => {
      await tx
        .update(users)
        .set({
          failedAttempts: lock ? 0 : attempts,
          lockedUntil: lock ? new Date(now.getTime() + sec.lockoutMinutes * 60000) : null,
        })
        .where(eq(users.id, u.id));
      if (lock) {
        await audit(
          tx,
          { ...actor, userId: u.id, username: u.username },
          {
            action: 'auth.lock',
            objectType: 'user',
            objectId: u.id,
            detail: `连续 ${attempts} 次密码错误，锁定 ${sec.lockoutMinutes} 分钟`,
          },
          now,
        );
      }
    });
    await logLogin('bad_password', u.id);
    if (lock)
      throw new AppError('LOCKED', `连续 ${attempts} 次密码错误，账号已锁定 ${sec.lockoutMinutes} 分钟`);
    const left = sec.lockoutThreshold - attempts;
    throw new AppError('UNAUTHENTICATED', `用户名或密码错误，再错 ${left} 次账号将被锁定`);
  }
  const sessionId = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  await database.db.transaction(async (tx) => {
    await tx
      .update(users)
      .set({ failedAttempts: 0, lockedUntil: null, lastLoginAt: now })
      .where(eq(users.id, u.id));
    await tx.insert(sessions).values({
      idHash: sha256(sessionId),
      userId: u.id,
      csrfToken,
      createdAt: now,
      lastSeenAt: now,
      ip: input.ip,
      userAgent: input.userAgent,
    });
    await audit(
      tx,
      { ...actor, userId: u.id, username: u.username, unitId: u.unitId },
      { action: 'auth.login', objectType: 'session', objectId: u.id },
      now,
    );
  });
  await logLogin('success', u.id);
  const user = await currentUserById(database, u.id);
  if (!user) throw new AppError('INTERNAL', '登录失败');
  return { user, sessionId, csrfToken };
}

/** Loads the session behind a cookie, enforcing the idle timeout; touches last_seen_at. */
export async function sessionUser(
  database: Database,
  clock: Clock,
  cookie: string,
): Promise<SessionUser | null> {
  const idHash = sha256(cookie);
  const rows = await database.db.select().from(sessions).where(eq(sessions.idHash, idHash));
  const s = rows[0];
  if (!s) return null;
  const sec = await getSecuritySettings(database);
  const now = clock.now();
  if (now.getTime() - s.lastSeenAt.getTime() > sec.sessionIdleMinutes * 60000) {
    await database.db.delete(sessions).where(eq(sessions.idHash, idHash));
    return null;
  }
  const user = await currentUserById(database, s.userId);
  if (!user) return null;
  const disabled = await database.db
    .select({ status: users.status })
    .from(users)
    .where(eq(users.id, s.userId));
  if (disabled[0]?.status !== 'active') return null;
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
    { username: u.username },
  );
  if (errors.length)
    throw new AppError('VALIDATION', errors.join('；'), { fields: { newPassword: errors.join('；') } });
  const hash = await hashPassword(input.newPassword);
  await database.db.transaction(async (tx) => {
    await tx
      .update(users)
      .set({
        passwordHash: hash,
        mustChangePassword: false,
        passwordChangedAt: new Date(),
        updatedAt: new Date(),
      })
      .where(eq(users.id, u.id));
    // Other sessions of this user end: a changed password must lock out whoever knew the old one.
    await tx
      .delete(sessions)
      .where(and(eq(sessions.userId, u.id), sql`${sessions.idHash} <> ${user.sessionIdHash}`));
    await audit(tx, actor, { action: 'auth.changePassword', objectType: 'user', objectId: u.id });
  });
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
    { username },
  );
  if (errors.length)
    throw new AppError('VALIDATION', `密码不符合要求：${errors.join('；')}`, {
      fields: { password: errors.join('；') },
    });
}
