// Login: the steps that keep it from being turned against users (SECURITY.md 2–4). Counters per name and per
// address are claimed atomically in PostgreSQL before the password is checked; past a few failures an attempt
// needs a solved challenge and waits a growing delay; only far later is a name locked (and the security
// administrator told). Unknown, existing and disabled accounts get the same answer in about the same time: argon2
// always runs, and a disabled account is named only to whoever knows its password.
import { randomBytes } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import type { CurrentUser, LoginResultCode } from '../../../contracts/api';
import type { Config } from '../../config';
import type { Database, DbOrTx } from '../../db/client';
import { loginLog, sessions, units, userRoles, users } from '../../db/schema';
import { audit } from '../audit/audit';
import type { Actor, Clock } from '../context';
import { AppError } from '../errors';
import { notify } from '../notify/service';
import { getSecuritySettings } from '../settings';
import { burnVerify, verifyPassword } from './passwords';
import { locksNow, needsChallenge, throttleRule } from './rules';
import {
  addFailure,
  type Claim,
  challengeDue,
  claimAttempt,
  forgiveAttempt,
  lockName,
  nameLockedUntil,
  throttleKey,
} from './throttle';
import { dropMfaToken, issueMfaToken, sha256, solveChallenge, useMfaAttempt } from './tokens';
import { hasTotp, verifySecondFactor } from './totp';

export interface LoginInput {
  username: string;
  password: string;
  challengeId?: string;
  challengeAnswer?: string;
  ip: string | null;
  userAgent: string | null;
}

export type LoginResult =
  | { kind: 'session'; user: CurrentUser; sessionId: string; csrfToken: string }
  | { kind: 'mfa'; mfaToken: string };

export const BAD_CREDENTIALS = '用户名或密码错误';

class Refused extends Error {
  constructor(readonly claim: Claim) {
    super('refused');
  }
}

interface Deps {
  database: Database;
  config: Config;
  clock: Clock;
  currentUser: (userId: string) => Promise<CurrentUser | null>;
}

/** The audit log's words for a refused login (the login log keeps the code). */
const REFUSED: Partial<Record<LoginResultCode, string>> = {
  bad_password: '密码错误',
  unknown_user: '用户不存在',
  locked: '账号已锁定',
  disabled: '账号已停用',
  throttled: '尝试过于频繁或验证题未通过',
  mfa_failed: '两步验证码错误',
};

/** A login attempt in the login log; a refused one is also an audit row (SECURITY.md 15), in one transaction. */
function logLogin(
  d: Deps,
  input: LoginInput,
  result: LoginResultCode,
  u: { id: string; unitId: string } | null | undefined,
  actor: Actor,
) {
  const at = d.clock.now();
  const username = input.username.slice(0, 64);
  return d.database.db.transaction(async (tx) => {
    await tx.insert(loginLog).values({
      at,
      username,
      userId: u?.id ?? null,
      result,
      ip: input.ip,
      userAgent: input.userAgent,
    });
    const refused = REFUSED[result];
    if (!refused) return;
    await audit(
      tx,
      { ...actor, ...(await actorUnit(tx, u)), username },
      {
        action: 'auth.login',
        objectType: 'session',
        objectId: u?.id ?? null,
        result: 'failure',
        detail: refused,
      },
      at,
    );
  });
}

/** Who a login is about, for its audit row: the account and its unit (none for an unknown name). */
async function actorUnit(db: DbOrTx, u: { id: string; unitId: string } | null | undefined) {
  if (!u) return { userId: null, unitId: null, unitName: null };
  const [unit] = await db.select({ name: units.name }).from(units).where(eq(units.id, u.unitId));
  return { userId: u.id, unitId: u.unitId, unitName: unit?.name ?? null };
}

const lockedError = (until: Date, now: Date) => {
  const minutes = Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 60000));
  return new AppError(
    'LOCKED',
    `该账号连续登录失败次数过多，已暂时锁定，请 ${minutes} 分钟后再试或联系安全管理员解锁`,
    { remainingSeconds: Math.ceil((until.getTime() - now.getTime()) / 1000) },
  );
};

export async function login(d: Deps, input: LoginInput, actor: Actor): Promise<LoginResult> {
  const { database, clock } = d;
  const sec = await getSecuritySettings(database);
  const now = clock.now();
  const db = database.db;
  const nameKey = throttleKey('user', input.username);
  const ipKey = input.ip ? throttleKey('ip', input.ip) : null;
  const userRule = throttleRule('user', sec);
  const ipRule = throttleRule('ip', sec);
  const u = (
    await db.select().from(users).where(sql`lower(${users.username}) = lower(${input.username})`)
  )[0];

  // A lock belongs to the name: for an account, the account's own lock (the security admin can lift it).
  const lockedUntil = u
    ? u.lockedUntil && u.lockedUntil > now
      ? u.lockedUntil
      : null
    : await nameLockedUntil(db, nameKey, now);
  if (lockedUntil) {
    await logLogin(d, input, 'locked', u, actor);
    throw lockedError(lockedUntil, now);
  }

  const solved =
    !!input.challengeId &&
    !!input.challengeAnswer &&
    (await solveChallenge(db, input.challengeId, input.challengeAnswer, now));
  const forgetMs = sec.lockoutMinutes * 60_000;
  // Both counters or neither: a refusal by the address undoes the name's claim (the transaction rolls back).
  let claim: Claim;
  try {
    claim = await db.transaction(async (tx) => {
      const byName = await claimAttempt(tx, nameKey, userRule, { now, challengeSolved: solved, forgetMs });
      if (!byName.ok || !ipKey) return byName;
      const byIp = await claimAttempt(tx, ipKey, ipRule, { now, challengeSolved: solved, forgetMs });
      if (!byIp.ok) throw new Refused(byIp);
      return byName;
    });
  } catch (e) {
    if (!(e instanceof Refused)) throw e;
    claim = e.claim;
  }
  if (!claim.ok) {
    await logLogin(d, input, 'throttled', u, actor);
    if (claim.reason === 'delay')
      throw new AppError('RATE_LIMITED', `登录尝试过于频繁，请 ${claim.waitSeconds} 秒后再试`, {
        retryAfterSeconds: claim.waitSeconds,
      });
    throw new AppError(
      'CHALLENGE_REQUIRED',
      input.challengeId ? '验证题答案不正确或已过期，请重新作答' : '登录失败次数较多，请先回答验证题',
    );
  }
  const failures = claim.failures;

  // argon2 runs on every path: an unknown name costs the same as a wrong password.
  const passwordOk = u
    ? await verifyPassword(u.passwordHash, input.password)
    : await burnVerify(input.password);
  if (!u || !passwordOk) {
    await logLogin(d, input, u ? 'bad_password' : 'unknown_user', u, actor);
    if (locksNow(failures, userRule)) await lock(d, nameKey, u ?? null, failures, actor);
    const next =
      needsChallenge(failures, userRule) || (ipKey !== null && (await challengeDue(db, ipKey, ipRule)));
    throw new AppError('UNAUTHENTICATED', BAD_CREDENTIALS, next ? { challenge: true } : undefined);
  }
  if (ipKey) await forgiveAttempt(db, ipKey, now, false);
  if (u.status !== 'active') {
    await forgiveAttempt(db, nameKey, now, true);
    await logLogin(d, input, 'disabled', u, actor);
    throw new AppError('UNAUTHENTICATED', '该账号已停用，请联系系统管理员');
  }
  if (await hasTotp(db, u.id)) {
    // The name's counter stays as it is until the second step succeeds: wrong codes add to it.
    await logLogin(d, input, 'mfa_pending', u, actor);
    return { kind: 'mfa', mfaToken: await issueMfaToken(db, u.id, now) };
  }
  await forgiveAttempt(db, nameKey, now, true);
  return startSession(d, u.id, input, actor, 'password');
}

/** The second step: a TOTP or recovery code for a pending login (a few tries per password, then start again). */
export async function loginTotp(
  d: Deps,
  input: { mfaToken: string; code: string; ip: string | null; userAgent: string | null },
  actor: Actor,
): Promise<LoginResult & { kind: 'session' }> {
  const now = d.clock.now();
  const db = d.database.db;
  const userId = await useMfaAttempt(db, input.mfaToken, now);
  if (!userId)
    throw new AppError('UNAUTHENTICATED', '登录已过期或验证码错误次数过多，请重新输入用户名和密码');
  const u = (await db.select().from(users).where(eq(users.id, userId)))[0];
  if (u?.status !== 'active') throw new AppError('UNAUTHENTICATED', '登录已过期，请重新登录');
  const info = { username: u.username, password: '', ip: input.ip, userAgent: input.userAgent };
  const how = await verifySecondFactor(d.database, d.config, u, input.code, now);
  const nameKey = throttleKey('user', u.username);
  if (!how) {
    await logLogin(d, info, 'mfa_failed', u, actor);
    const sec = await getSecuritySettings(d.database);
    const failures = await addFailure(db, nameKey, now);
    if (locksNow(failures, throttleRule('user', sec))) {
      await dropMfaToken(db, input.mfaToken);
      await lock(d, nameKey, u, failures, actor);
    }
    throw new AppError('UNAUTHENTICATED', '验证码不正确');
  }
  await dropMfaToken(db, input.mfaToken);
  await forgiveAttempt(db, nameKey, now, true);
  return startSession(d, u.id, info, actor, how);
}

/** A hard lock of a name; for an account also an audit row and a notice to every security administrator. */
async function lock(
  d: Deps,
  nameKey: string,
  u: { id: string; username: string; unitId: string } | null,
  failures: number,
  actor: Actor,
): Promise<void> {
  const sec = await getSecuritySettings(d.database);
  const now = d.clock.now();
  const until = new Date(now.getTime() + sec.lockoutMinutes * 60_000);
  await d.database.db.transaction(async (tx) => {
    await lockName(tx, nameKey, now, until);
    if (!u) return;
    await tx.update(users).set({ lockedUntil: until, failedAttempts: failures }).where(eq(users.id, u.id));
    const detail = `连续 ${failures} 次登录失败，锁定 ${sec.lockoutMinutes} 分钟`;
    await audit(
      tx,
      { ...actor, userId: u.id, username: u.username },
      {
        action: 'auth.lock',
        objectType: 'user',
        objectId: u.id,
        detail,
      },
      now,
    );
    const admins = await tx
      .select({ id: users.id })
      .from(userRoles)
      .innerJoin(users, eq(users.id, userRoles.userId))
      .where(and(eq(userRoles.roleCode, 'secadmin'), eq(users.status, 'active')));
    await notify(
      tx,
      admins.map((a) => ({
        userId: a.id,
        title: `账号 ${u.username} 已被锁定`,
        body: `${detail}（最近来源 ${actor.ip ?? '未知'}）。如确认为本人，可在用户管理中解锁。`,
        link: '/org/users',
        dedupeKey: `auth.lock:${u.id}:${now.toISOString()}`,
      })),
    );
  });
}

async function startSession(
  d: Deps,
  userId: string,
  input: { username: string; ip: string | null; userAgent: string | null; password: string },
  actor: Actor,
  how: 'password' | 'totp' | 'recovery',
): Promise<LoginResult & { kind: 'session' }> {
  const now = d.clock.now();
  const sessionId = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  const u = (await d.database.db.select().from(users).where(eq(users.id, userId)))[0]!;
  await d.database.db.transaction(async (tx) => {
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
      { ...actor, ...(await actorUnit(tx, u)), username: u.username },
      {
        action: 'auth.login',
        objectType: 'session',
        objectId: u.id,
        ...(how === 'password'
          ? {}
          : { detail: how === 'totp' ? '两步验证：动态验证码' : '两步验证：恢复码' }),
      },
      now,
    );
  });
  await logLogin(d, input, 'success', u, actor);
  const user = await d.currentUser(u.id);
  if (!user) throw new AppError('INTERNAL', '登录失败');
  return { kind: 'session', user, sessionId, csrfToken };
}
