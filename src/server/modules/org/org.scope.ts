// Data scope is a query concern: unit-scoped roles see their own unit and its sub-units, enforced in SQL.
import { type SQL, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { CurrentUser } from '../../../contracts/api';
import type { DbOrTx } from '../../db/client';
import { notFound } from '../../platform/errors';

/** A WHERE fragment limiting `unitColumn` to the caller's scope (undefined when the caller sees all units). */
export function scopeFilter(
  user: Pick<CurrentUser, 'dataScope' | 'unitId'>,
  unitColumn: AnyPgColumn,
): SQL | undefined {
  if (user.dataScope === 'all') return undefined;
  return sql`${unitColumn} IN (SELECT gk_unit_subtree(${user.unitId}::uuid))`;
}

/** Whether the unit is in the caller's scope; null when there is no such unit. */
export async function unitInScope(
  db: DbOrTx,
  user: Pick<CurrentUser, 'dataScope' | 'unitId'>,
  unitId: string,
): Promise<boolean | null> {
  const r = await db.execute<{ ok: boolean }>(
    sql`SELECT ${user.dataScope === 'all' ? sql`true` : sql`${unitId}::uuid IN (SELECT gk_unit_subtree(${user.unitId}::uuid))`} AS ok FROM units WHERE id = ${unitId}::uuid`,
  );
  return r.rows[0] ? r.rows[0].ok : null;
}

/**
 * Refuses a unit outside the caller's scope exactly as an unknown one: 404 "<what>不存在", where `what` names the
 * object the caller asked for (a case, an item…), so another unit's record answers like an ID that never existed
 * (SECURITY.md row 10: no IDOR, and no telling which IDs exist).
 */
export async function assertUnitInScope(
  db: DbOrTx,
  user: Pick<CurrentUser, 'dataScope' | 'unitId'>,
  unitId: string,
  what = '单位',
): Promise<void> {
  // A unit that does not exist is named as such for every caller (not a 500 from a foreign key later on).
  const ok = await unitInScope(db, user, unitId);
  if (ok === null) throw notFound('单位');
  if (!ok) throw notFound(what);
}
