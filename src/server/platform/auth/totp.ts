// Two-step verification with TOTP (RFC 6238, the `otpauth` library) and one-time recovery codes. The seed is sealed
// outside the database's reach (seal.ts); an accepted time step is recorded so the same code never works twice.
import { randomBytes } from 'node:crypto';
import { and, eq, isNull, lt, sql } from 'drizzle-orm';
import * as OTPAuth from 'otpauth';
import { type RoleCode, SEPARATED_ROLES } from '../../../contracts/roles';
import type { TwoFactorScope } from '../../../contracts/system';
import type { Config } from '../../config';
import type { Database, DbOrTx } from '../../db/client';
import { users, userTotp } from '../../db/schema';
import { audit } from '../audit/audit';
import type { Actor, Clock, SessionUser } from '../context';
import { AppError } from '../errors';
import { getSecuritySettings } from '../settings';
import { hashPassword, verifyPassword } from './passwords';
import { RECOVERY_CODES, TOTP_PERIOD, TOTP_WINDOW, totpAcceptable, totpStep } from './rules';
import { seal, secretKey, unseal } from './seal';

/** GONGKAI_REQUIRE_2FA=0 turns the requirement off; otherwise the policy's scope says whose accounts need it. */
export const totpRequiredFor = (
  config: Pick<Config, 'require2fa'>,
  scope: TwoFactorScope,
  roles: readonly RoleCode[],
): boolean => config.require2fa && (scope === 'all' || roles.some((r) => SEPARATED_ROLES.includes(r)));

function totpOf(secret: string, username: string, config: Config): OTPAuth.TOTP {
  return new OTPAuth.TOTP({
    issuer: `${config.districtName}政务公开`,
    label: username,
    secret: OTPAuth.Secret.fromBase32(secret),
    period: TOTP_PERIOD,
    digits: 6,
    algorithm: 'SHA1',
  });
}

async function enrolment(db: DbOrTx, userId: string) {
  return (await db.select().from(userTotp).where(eq(userTotp.userId, userId)))[0] ?? null;
}

export async function hasTotp(db: DbOrTx, userId: string): Promise<boolean> {
  const e = await enrolment(db, userId);
  return !!e?.confirmedAt;
}

export async function totpStatus(database: Database, config: Config, user: SessionUser) {
  const e = await enrolment(database.db, user.id);
  return {
    enabled: !!e?.confirmedAt,
    required: totpRequiredFor(config, (await getSecuritySettings(database)).twoFactorScope, user.roles),
    recoveryCodesLeft: e?.confirmedAt ? e.recoveryHashes.length : 0,
  };
}

/** A new (unconfirmed) seed; an enrolment already confirmed must be switched off first. */
export async function setupTotp(database: Database, config: Config, user: SessionUser) {
  const e = await enrolment(database.db, user.id);
  if (e?.confirmedAt) throw new AppError('CONFLICT', '两步验证已开启；如需更换，请先关闭再重新设置');
  const secret = new OTPAuth.Secret({ size: 20 }).base32;
  const sealed = seal(secretKey(config), secret, user.id);
  await database.db
    .insert(userTotp)
    .values({ userId: user.id, secretSealed: sealed, recoveryHashes: [] })
    .onConflictDoUpdate({ target: userTotp.userId, set: { secretSealed: sealed, lastStep: 0 } });
  return { secret, uri: totpOf(secret, user.username, config).toString() };
}

/** The time step a code matches within ±window, or null. */
function matchedStep(
  config: Config,
  sealed: string,
  userId: string,
  username: string,
  code: string,
  now: Date,
) {
  if (!/^\d{6}$/.test(code)) return null;
  const t = totpOf(unseal(secretKey(config), sealed, userId), username, config);
  const delta = t.validate({ token: code, timestamp: now.getTime(), window: TOTP_WINDOW });
  return delta === null ? null : totpStep(now.getTime()) + delta;
}

/** Records the step as used only if it is later than the last one (atomic: a replay in parallel fails too). */
async function useStep(db: DbOrTx, userId: string, step: number): Promise<boolean> {
  const r = await db
    .update(userTotp)
    .set({ lastStep: step })
    .where(and(eq(userTotp.userId, userId), lt(userTotp.lastStep, step)))
    .returning({ userId: userTotp.userId });
  return r.length === 1;
}

const newRecoveryCode = () => {
  const s = randomBytes(8).toString('hex').slice(0, 10);
  return `${s.slice(0, 5)}-${s.slice(5)}`;
};

export async function confirmTotp(
  database: Database,
  config: Config,
  clock: Clock,
  user: SessionUser,
  code: string,
  actor: Actor,
): Promise<{ recoveryCodes: string[] }> {
  const now = clock.now();
  const e = await enrolment(database.db, user.id);
  if (!e || e.confirmedAt) throw new AppError('CONFLICT', '请先开始设置两步验证');
  const step = matchedStep(config, e.secretSealed, user.id, user.username, code, now);
  if (!totpAcceptable(step, totpStep(now.getTime()), e.lastStep))
    throw new AppError('VALIDATION', '验证码不正确，请核对手机时间后重试', {
      fields: { code: '验证码不正确' },
    });
  const codes = Array.from({ length: RECOVERY_CODES }, newRecoveryCode);
  const hashes = await Promise.all(codes.map((c) => hashPassword(c.replace('-', ''))));
  await database.db.transaction(async (tx) => {
    const r = await tx
      .update(userTotp)
      .set({ confirmedAt: now, lastStep: step!, recoveryHashes: hashes })
      .where(and(eq(userTotp.userId, user.id), isNull(userTotp.confirmedAt)))
      .returning({ userId: userTotp.userId });
    if (r.length !== 1) throw new AppError('CONFLICT', '两步验证已开启');
    await audit(tx, actor, { action: 'auth.totp.enable', objectType: 'user', objectId: user.id }, now);
  });
  return { recoveryCodes: codes };
}

export async function disableTotp(
  database: Database,
  config: Config,
  user: SessionUser,
  password: string,
  actor: Actor,
): Promise<void> {
  if (totpRequiredFor(config, (await getSecuritySettings(database)).twoFactorScope, user.roles))
    throw new AppError('FORBIDDEN', '该账号必须使用两步验证，不能关闭');
  const u = (
    await database.db.select({ hash: users.passwordHash }).from(users).where(eq(users.id, user.id))
  )[0];
  if (!u || !(await verifyPassword(u.hash, password)))
    throw new AppError('VALIDATION', '密码不正确', { fields: { password: '密码不正确' } });
  await database.db.transaction(async (tx) => {
    await tx.delete(userTotp).where(eq(userTotp.userId, user.id));
    await audit(tx, actor, { action: 'auth.totp.disable', objectType: 'user', objectId: user.id });
  });
}

/** Checks a login's second factor: a TOTP code (once per time step) or an unused recovery code (then spent). */
export async function verifySecondFactor(
  database: Database,
  config: Config,
  user: { id: string; username: string },
  code: string,
  now: Date,
): Promise<'totp' | 'recovery' | null> {
  const e = await enrolment(database.db, user.id);
  if (!e?.confirmedAt) return null;
  if (/^\d{6}$/.test(code)) {
    const step = matchedStep(config, e.secretSealed, user.id, user.username, code, now);
    return totpAcceptable(step, totpStep(now.getTime()), e.lastStep) &&
      (await useStep(database.db, user.id, step!))
      ? 'totp'
      : null;
  }
  for (const h of e.recoveryHashes) {
    if (await verifyPassword(h, code)) {
      const r = await database.db
        .update(userTotp)
        .set({ recoveryHashes: sql`array_remove(${userTotp.recoveryHashes}, ${h})` })
        .where(and(eq(userTotp.userId, user.id), sql`${h} = ANY(${userTotp.recoveryHashes})`))
        .returning({ userId: userTotp.userId });
      return r.length === 1 ? 'recovery' : null;
    }
  }
  return null;
}
