import { and, asc, eq, ilike, inArray, isNotNull, notLike, or, sql } from 'drizzle-orm';
import type { CurrentUser, Paged, User } from '../../../contracts/api';
import { BUILTIN_ROLES, ROLE_CODES, type RoleCode } from '../../../contracts/roles';
import { maskPhone } from '../../../domain/privacy/mask';
import type { Database, DbOrTx, Tx } from '../../db/client';
import { countWhere, onePage } from '../../db/pages';
import { units, userRoles, users } from '../../db/schema/org';
import { audit } from '../../platform/audit/audit';
import { generatePassword, hashPassword } from '../../platform/auth/passwords';
import { revokeSessions } from '../../platform/auth/revoke';
import { validateNewPassword } from '../../platform/auth/service';
import { type Actor, systemActor } from '../../platform/context';
import { type FieldKeys, openedOrNull, SEAL_PREFIX, sealedOrNull } from '../../platform/crypto/fields';
import { AppError, conflict, notFound } from '../../platform/errors';
import { lockFound } from '../../platform/lock-found';
import { readTable, writeTable } from '../../platform/xlsx';
import { assertUnitInScope, scopeFilter } from './org.scope';
import { accountRefusal, guardAccount, type Refusal, refuse, rolesOf } from './separation.guard';

type Scoped = Pick<CurrentUser, 'dataScope' | 'unitId' | 'roles' | 'id'>;

const ROLE_NAME = new Map(BUILTIN_ROLES.map((r) => [r.code, r.name]));
const ROLE_BY_NAME = new Map(BUILTIN_ROLES.map((r) => [r.name, r.code]));

async function toUsers(
  db: DbOrTx,
  keys: FieldKeys,
  rows: { u: typeof users.$inferSelect; unitName: string }[],
  now: Date,
): Promise<User[]> {
  if (rows.length === 0) return [];
  const roles = await db
    .select()
    .from(userRoles)
    .where(
      inArray(
        userRoles.userId,
        rows.map((r) => r.u.id),
      ),
    );
  return rows.map(({ u, unitName }) => ({
    id: u.id,
    username: u.username,
    name: u.name,
    unitId: u.unitId,
    unitName,
    roles: roles.filter((r) => r.userId === u.id).map((r) => r.roleCode as RoleCode),
    // Sealed at rest (SECURITY.md 37); the console only ever sees it masked.
    phoneMasked: maskPhone(openedOrNull(keys, u.phone)),
    status: u.status,
    locked: !!u.lockedUntil && u.lockedUntil > now,
    mustChangePassword: u.mustChangePassword,
    lastLoginAt: u.lastLoginAt?.toISOString() ?? null,
    createdAt: u.createdAt.toISOString(),
  }));
}

export async function listUsers(
  database: Database,
  keys: FieldKeys,
  user: Scoped,
  q: {
    keyword?: string;
    unitId?: string;
    role?: RoleCode;
    status?: 'active' | 'disabled';
    page: number;
    pageSize: number;
  },
  now: Date,
): Promise<Paged<User>> {
  const conds = [scopeFilter(user, users.unitId)];
  if (q.keyword) conds.push(or(ilike(users.username, `%${q.keyword}%`), ilike(users.name, `%${q.keyword}%`)));
  if (q.unitId) conds.push(sql`${users.unitId} IN (SELECT gk_unit_subtree(${q.unitId}::uuid))`);
  if (q.role)
    conds.push(
      sql`EXISTS (SELECT 1 FROM user_roles r WHERE r.user_id = ${users.id} AND r.role_code = ${q.role})`,
    );
  if (q.status) conds.push(eq(users.status, q.status));
  const where = and(...conds.filter(Boolean));
  const total = await countWhere(database.db, users, where);
  const rows = await onePage(
    database.db
      .select({ u: users, unitName: units.name })
      .from(users)
      .innerJoin(units, eq(units.id, users.unitId))
      .where(where)
      .orderBy(asc(units.sort), asc(units.name), asc(users.username))
      .$dynamic(),
    q,
  );
  return { items: await toUsers(database.db, keys, rows, now), total: total };
}

export async function getUser(
  database: Database,
  keys: FieldKeys,
  caller: Scoped,
  id: string,
  now: Date,
): Promise<User> {
  const rows = await database.db
    .select({ u: users, unitName: units.name })
    .from(users)
    .innerJoin(units, eq(units.id, users.unitId))
    .where(eq(users.id, id));
  if (!rows[0]) throw notFound('用户');
  await assertUnitInScope(database.db, caller, rows[0].u.unitId, '用户');
  return (await toUsers(database.db, keys, rows, now))[0]!;
}

export interface NewUser {
  username: string;
  name: string;
  unitId: string;
  roles: RoleCode[];
  phone?: string | null;
  password: string;
}

export async function createUserTx(
  tx: DbOrTx,
  keys: FieldKeys,
  actor: Actor,
  input: NewUser,
  passwordHash: string,
  mustChange = true,
): Promise<string> {
  const dup = await tx
    .select({ id: users.id })
    .from(users)
    .where(sql`lower(${users.username}) = lower(${input.username})`);
  if (dup[0]) throw conflict(`用户名「${input.username}」已存在`);
  const unit = await tx.select({ id: units.id }).from(units).where(eq(units.id, input.unitId));
  if (!unit[0]) throw new AppError('VALIDATION', '所属单位不存在');
  const [row] = await tx
    .insert(users)
    .values({
      username: input.username,
      name: input.name,
      unitId: input.unitId,
      phone: sealedOrNull(keys, input.phone),
      passwordHash,
      mustChangePassword: mustChange,
    })
    .returning({ id: users.id });
  if (input.roles.length)
    await tx.insert(userRoles).values(input.roles.map((roleCode) => ({ userId: row!.id, roleCode })));
  await audit(tx, actor, {
    action: 'org.user.create',
    objectType: 'user',
    objectId: row!.id,
    detail: { username: input.username, roles: input.roles, phone: input.phone ?? null },
  });
  return row!.id;
}

/**
 * An account made at start (the first administrator, the demo accounts): the configured password or a generated one,
 * to be changed at first login. Answers the password, for the start-up message.
 */
export async function createStartAccount(
  database: Database,
  keys: FieldKeys,
  actor: Actor,
  input: Omit<NewUser, 'password'>,
  configured: string | null,
): Promise<string> {
  const password = configured ?? generatePassword();
  const hash = await hashPassword(password);
  await database.db.transaction((tx) => createUserTx(tx, keys, actor, { ...input, password }, hash, true));
  return password;
}

export async function createUser(
  database: Database,
  keys: FieldKeys,
  caller: Scoped,
  actor: Actor,
  input: NewUser,
  now: Date,
): Promise<User> {
  await guardAccount(database, caller, actor, 'create', undefined, input.roles);
  await assertUnitInScope(database.db, caller, input.unitId);
  await validateNewPassword(database, input.password, input.username);
  const hash = await hashPassword(input.password);
  const id = await database.db.transaction((tx) => createUserTx(tx, keys, actor, input, hash));
  return getUser(database, keys, caller, id, now);
}

export async function updateUser(
  database: Database,
  keys: FieldKeys,
  caller: Scoped,
  actor: Actor,
  id: string,
  input: {
    name: string;
    unitId: string;
    roles: RoleCode[];
    phone?: string | null;
    status: 'active' | 'disabled';
  },
  now: Date,
): Promise<User> {
  // Lock the account and decide on what is locked: a concurrent edit cannot slip between the check and the write.
  const refusal = await database.db.transaction(async (tx): Promise<Refusal | null> => {
    const before = await lockFound(tx, users, id, '用户');
    await assertUnitInScope(tx, caller, before.unitId, '用户');
    const beforeRoles = await rolesOf(tx, id);
    const action =
      input.status === before.status ? 'update' : input.status === 'disabled' ? 'disable' : 'enable';
    const refused = accountRefusal(caller, action, { id, roles: beforeRoles }, input.roles);
    if (refused) return refused;
    if (id === caller.id && input.status === 'disabled')
      throw new AppError('VALIDATION', '不能停用自己的账号');
    await assertUnitInScope(tx, caller, input.unitId);
    const rolesChanged = beforeRoles.slice().sort().join() !== input.roles.slice().sort().join();
    await tx
      .update(users)
      .set({
        name: input.name,
        unitId: input.unitId,
        // undefined: unchanged (the console only ever sees the masked number); null: cleared.
        ...(input.phone === undefined ? {} : { phone: sealedOrNull(keys, input.phone) }),
        status: input.status,
        updatedAt: new Date(),
      })
      .where(eq(users.id, id));
    if (rolesChanged) {
      await tx.delete(userRoles).where(eq(userRoles.userId, id));
      if (input.roles.length)
        await tx.insert(userRoles).values(input.roles.map((roleCode) => ({ userId: id, roleCode })));
    }
    if (input.status === 'disabled') await revokeSessions(tx, id);
    await audit(tx, actor, {
      action: 'org.user.update',
      objectType: 'user',
      objectId: id,
      detail: { roles: input.roles, status: input.status, unitId: input.unitId },
    });
    return null;
  });
  if (refusal)
    await refuse(database, actor, refusal, {
      action: 'org.user.update',
      objectType: 'user',
      objectId: id,
      detail: { roles: input.roles, status: input.status },
    });
  return getUser(database, keys, caller, id, now);
}

/** The account as the caller may see it, once the 三员 separation allows `action` on it (or refused, audited). */
async function guardedUser(
  database: Database,
  keys: FieldKeys,
  caller: Scoped,
  actor: Actor,
  id: string,
  action: 'resetPassword' | 'unlock' | 'disable',
  now: Date,
): Promise<User> {
  const u = await getUser(database, keys, caller, id, now);
  await guardAccount(database, caller, actor, action, u, u.roles);
  return u;
}

/** Writes a change of the account and its audit row (`org.user.<action>`) in one transaction. */
function writeAccount(
  database: Database,
  actor: Actor,
  id: string,
  action: string,
  write: (tx: Tx) => Promise<unknown>,
): Promise<void> {
  return database.db.transaction(async (tx) => {
    await write(tx);
    await audit(tx, actor, { action: `org.user.${action}`, objectType: 'user', objectId: id });
  });
}

export async function resetPassword(
  database: Database,
  keys: FieldKeys,
  caller: Scoped,
  actor: Actor,
  id: string,
  password: string,
  now: Date,
): Promise<void> {
  const u = await guardedUser(database, keys, caller, actor, id, 'resetPassword', now);
  await validateNewPassword(database, password, u.username);
  const hash = await hashPassword(password);
  await writeAccount(database, actor, id, 'resetPassword', async (tx) => {
    await tx
      .update(users)
      .set({
        passwordHash: hash,
        mustChangePassword: true,
        failedAttempts: 0,
        lockedUntil: null,
        updatedAt: new Date(),
      })
      .where(eq(users.id, id));
    await revokeSessions(tx, id);
  });
}

export async function unlockUser(
  database: Database,
  keys: FieldKeys,
  caller: Scoped,
  actor: Actor,
  id: string,
  now: Date,
) {
  await guardedUser(database, keys, caller, actor, id, 'unlock', now);
  await writeAccount(database, actor, id, 'unlock', (tx) =>
    tx.update(users).set({ failedAttempts: 0, lockedUntil: null }).where(eq(users.id, id)),
  );
}

export async function disableUser(
  database: Database,
  keys: FieldKeys,
  caller: Scoped,
  actor: Actor,
  id: string,
  now: Date,
) {
  if (id === caller.id) throw new AppError('VALIDATION', '不能停用自己的账号');
  await guardedUser(database, keys, caller, actor, id, 'disable', now);
  await writeAccount(database, actor, id, 'disable', async (tx) => {
    await tx.update(users).set({ status: 'disabled', updatedAt: new Date() }).where(eq(users.id, id));
    await revokeSessions(tx, id);
  });
}

const USER_HEADERS = ['用户名', '姓名', '所属单位', '角色', '手机号', '状态'];

export async function exportUsers(
  database: Database,
  keys: FieldKeys,
  caller: Scoped,
  now: Date,
): Promise<Uint8Array> {
  const page = await listUsers(database, keys, caller, { page: 1, pageSize: 100000 }, now);
  return writeTable(
    '用户',
    USER_HEADERS,
    page.items.map((u) => [
      u.username,
      u.name,
      u.unitName,
      u.roles.map((r) => ROLE_NAME.get(r)).join('、'),
      u.phoneMasked ?? '',
      u.status === 'active' ? '正常' : '停用',
    ]),
  );
}

export async function importUsers(
  database: Database,
  keys: FieldKeys,
  caller: Scoped,
  actor: Actor,
  bytes: Uint8Array,
): Promise<{ created: number }> {
  const rows = await readTable(bytes, ['用户名', '姓名', '所属单位', '角色', '初始密码'], ['手机号']);
  if (rows.length === 0) throw new AppError('VALIDATION', '表格中没有数据行');
  const unitRows = await database.db.select({ id: units.id, name: units.name }).from(units);
  const unitByName = new Map(unitRows.map((u) => [u.name, u.id]));
  const existing = await database.db.select({ username: users.username }).from(users);
  const taken = new Set(existing.map((u) => u.username.toLowerCase()));
  const errors: { row: number; message: string }[] = [];
  const prepared: NewUser[] = [];
  for (const r of rows) {
    const v = r.values;
    const username = v.用户名!;
    if (!/^[A-Za-z0-9_.-]{3,32}$/.test(username))
      errors.push({ row: r.row, message: `用户名「${username}」无效：3–32 位字母、数字、下划线` });
    if (taken.has(username.toLowerCase()))
      errors.push({ row: r.row, message: `用户名「${username}」已存在` });
    taken.add(username.toLowerCase());
    const unitId = unitByName.get(v.所属单位!);
    if (!unitId) errors.push({ row: r.row, message: `所属单位「${v.所属单位}」不存在` });
    const roles = (v.角色 ?? '')
      .split(/[、,，;；\s]+/)
      .filter(Boolean)
      .map((n) => ROLE_BY_NAME.get(n) ?? (ROLE_CODES.includes(n as RoleCode) ? (n as RoleCode) : null));
    if (roles.some((x) => x === null) || roles.length === 0)
      errors.push({
        row: r.row,
        message: `角色「${v.角色}」无效，应为：${[...ROLE_BY_NAME.keys()].join('、')}`,
      });
    const roleCodes = roles.filter((x): x is RoleCode => x !== null);
    const refusal = accountRefusal(caller, 'create', undefined, roleCodes);
    if (refusal?.code === 'VALIDATION') errors.push({ row: r.row, message: refusal.reason });
    else if (refusal)
      await refuse(database, actor, refusal, {
        action: 'org.user.import',
        objectType: 'user',
        detail: { row: r.row, username, roles: roleCodes },
      });
    try {
      await validateNewPassword(database, v.初始密码!, username);
    } catch (e) {
      errors.push({ row: r.row, message: (e as Error).message });
    }
    if (unitId) {
      try {
        await assertUnitInScope(database.db, caller, unitId);
      } catch {
        errors.push({ row: r.row, message: `无权在单位「${v.所属单位}」下创建用户` });
      }
    }
    prepared.push({
      username,
      name: v.姓名!,
      unitId: unitId ?? '',
      roles: roleCodes,
      phone: v.手机号 || null,
      password: v.初始密码!,
    });
  }
  if (errors.length)
    throw new AppError('VALIDATION', `导入失败：共 ${errors.length} 处错误，未导入任何数据`, {
      rows: errors,
    });
  const hashes = await Promise.all(prepared.map((p) => hashPassword(p.password)));
  await database.db.transaction(async (tx) => {
    for (const [i, p] of prepared.entries()) await createUserTx(tx, keys, actor, p, hashes[i]!);
    await audit(tx, actor, {
      action: 'org.user.import',
      objectType: 'user',
      detail: { created: prepared.length },
    });
  });
  return { created: prepared.length };
}

/**
 * Seals staff phones stored in plain text before they were sealed (SECURITY.md 37), in one transaction with its
 * audit row. Idempotent: run at every start; a retired key's values are re-sealed by platform/crypto/reseal.ts.
 * Returns how many accounts changed.
 */
export async function sealStoredUserPhones(database: Database, keys: FieldKeys): Promise<number> {
  return database.db.transaction(async (tx) => {
    const plain = await tx
      .select({ id: users.id, phone: users.phone })
      .from(users)
      .where(and(isNotNull(users.phone), notLike(users.phone, `${SEAL_PREFIX}:%`)))
      .for('update');
    for (const r of plain)
      await tx
        .update(users)
        .set({ phone: sealedOrNull(keys, r.phone) })
        .where(eq(users.id, r.id));
    if (plain.length)
      await audit(tx, systemActor('bootstrap'), {
        action: 'org.user.sealPhones',
        objectType: 'user',
        detail: { sealed: plain.length },
      });
    return plain.length;
  });
}
