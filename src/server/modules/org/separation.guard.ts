// 三权分立 at the org module's writes: the pure rules of domain/org/separation decide; a refusal becomes a 403
// (400 for roles that cannot stand together) with a failure audit row written in its own transaction, so the
// refused attempt stays on record although nothing else is written.
import { eq } from 'drizzle-orm';
import type { CurrentUser } from '../../../contracts/api';
import {
  type AccountAction,
  accountChangeRefusal,
  roleCombinationError,
  rolePermissionRefusal,
} from '../../../domain/org/separation';
import type { Database, DbOrTx } from '../../db/client';
import { userRoles } from '../../db/schema/org';
import { auditFailure } from '../../platform/audit/audit';
import type { Actor } from '../../platform/context';
import { AppError, forbidden } from '../../platform/errors';

type Caller = Pick<CurrentUser, 'id' | 'roles'>;

export interface Refusal {
  reason: string;
  /** 'FORBIDDEN' for who-may-do-what; 'VALIDATION' for roles that cannot stand together. */
  code: 'FORBIDDEN' | 'VALIDATION';
}

export async function rolesOf(db: DbOrTx, userId: string): Promise<string[]> {
  const rows = await db.select({ r: userRoles.roleCode }).from(userRoles).where(eq(userRoles.userId, userId));
  return rows.map((x) => x.r);
}

/** Why this account change is refused, or null (the rules only: scope and existence are checked elsewhere). */
export function accountRefusal(
  caller: Caller,
  action: AccountAction,
  target: { id: string; roles: readonly string[] } | undefined,
  rolesAfter: readonly string[],
): Refusal | null {
  const combination = roleCombinationError(rolesAfter);
  if (combination) return { reason: combination, code: 'VALIDATION' };
  const reason = accountChangeRefusal({
    actor: { id: caller.id, roles: caller.roles },
    action,
    target,
    rolesAfter,
  });
  return reason ? { reason, code: 'FORBIDDEN' } : null;
}

export function roleRefusal(caller: Caller, role: string, permissions: readonly string[]): Refusal | null {
  const reason = rolePermissionRefusal(caller.roles, role, permissions);
  return reason ? { reason, code: 'FORBIDDEN' } : null;
}

/** Records the refused attempt (its own transaction) and throws the refusal. */
export async function refuse(
  database: Database,
  actor: Actor,
  refusal: Refusal,
  entry: { action: string; objectType: string; objectId?: string | null; detail?: Record<string, unknown> },
): Promise<never> {
  await auditFailure(database, actor, { ...entry, detail: { ...entry.detail, reason: refusal.reason } });
  throw refusal.code === 'FORBIDDEN' ? forbidden(refusal.reason) : new AppError('VALIDATION', refusal.reason);
}

/** Refuses (403/400 + audit row) when the rules forbid this account change; returns otherwise. */
export async function guardAccount(
  database: Database,
  caller: Caller,
  actor: Actor,
  action: AccountAction,
  target: { id: string; roles: readonly string[] } | undefined,
  rolesAfter: readonly string[],
): Promise<void> {
  const refusal = accountRefusal(caller, action, target, rolesAfter);
  if (refusal)
    await refuse(database, actor, refusal, {
      action: `org.user.${action}`,
      objectType: 'user',
      objectId: target?.id ?? null,
      detail: { roles: [...rolesAfter] },
    });
}
