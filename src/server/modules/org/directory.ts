// Read services of the org module for other modules and the portal: units and users as others need them. The org
// tables stay org's: a listing that needs a unit's name or order embeds `unitNameSql` / `unitSortSql` (SQL written
// here) instead of joining `units` itself.
import { and, asc, eq, inArray, isNull, type SQL, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { PermissionCode } from '../../../contracts/permissions';
import { BUILTIN_ROLES, type RoleCode } from '../../../contracts/roles';
import type { UnitKind } from '../../../domain/units';
import type { DbOrTx } from '../../db/client';
import { labelsById } from '../../db/reads';
import { rolePermissions, unitAliases, units, userRoles, users } from '../../db/schema/org';

export interface UnitInfo {
  id: string;
  name: string;
  shortName: string | null;
  kind: UnitKind;
  parentId: string | null;
  sort: number;
}

const unitColumns = {
  id: units.id,
  name: units.name,
  shortName: units.shortName,
  kind: units.kind,
  parentId: units.parentId,
  sort: units.sort,
};

/** A unit's 全称 and 统一社会信用代码/组织机构代码 (letters' signatures, the 索引号), when set. */
export async function unitCodes(
  db: DbOrTx,
  unitId: string,
): Promise<{ fullName: string | null; creditCode: string | null } | null> {
  const [u] = await db
    .select({ fullName: units.fullName, creditCode: units.creditCode })
    .from(units)
    .where(eq(units.id, unitId));
  return u ?? null;
}

/** The name of the unit whose id is in `col` (a scalar subquery to embed in another module's SELECT). */
export function unitNameSql(col: AnyPgColumn | SQL): SQL<string> {
  return sql<string>`(SELECT u.name FROM units u WHERE u.id = ${col})`;
}

/** The display order of the unit whose id is in `col` (for ORDER BY in another module's query). */
export function unitSortSql(col: AnyPgColumn | SQL): SQL<number> {
  return sql<number>`(SELECT u.sort FROM units u WHERE u.id = ${col})`;
}

export async function getUnit(db: DbOrTx, id: string): Promise<UnitInfo | null> {
  const [u] = await db.select(unitColumns).from(units).where(eq(units.id, id));
  return u ?? null;
}

export async function findUnitByName(db: DbOrTx, name: string): Promise<UnitInfo | null> {
  const [u] = await db.select(unitColumns).from(units).where(eq(units.name, name));
  return u ?? null;
}

/** id → name of the rows of `table` with the given ids (unknown ids are left out). */
const namesOf = (db: DbOrTx, table: typeof units | typeof users, ids: readonly string[]) =>
  labelsById(db, table, table.name, ids);

/** id → name for the given units (unknown ids are left out). */
export function unitNames(db: DbOrTx, ids: readonly string[]): Promise<Map<string, string>> {
  return namesOf(db, units, ids);
}

/** Units in display order, optionally of some kinds only. */
export async function listUnits(db: DbOrTx, kinds?: readonly UnitKind[]): Promise<UnitInfo[]> {
  return db
    .select(unitColumns)
    .from(units)
    .where(kinds ? inArray(units.kind, [...kinds]) : undefined)
    .orderBy(asc(units.sort), asc(units.name));
}

/** The root of the unit tree (the district's 人民政府), or null before the first start. */
export async function rootUnit(db: DbOrTx): Promise<UnitInfo | null> {
  const [u] = await db
    .select(unitColumns)
    .from(units)
    .where(isNull(units.parentId))
    .orderBy(asc(units.sort), asc(units.name))
    .limit(1);
  return u ?? null;
}

/** The district's name as citizens read it ("重庆市潼南区"): the root unit without 人民政府, else the fallback. */
export async function districtName(db: DbOrTx, fallback: string): Promise<string> {
  const root = await rootUnit(db);
  return root?.name.replace(/人民政府$/, '') || fallback;
}

/** The unit and its ancestors, nearest first. */
export async function unitAncestry(db: DbOrTx, unitId: string): Promise<UnitInfo[]> {
  const r = await db.execute<{
    id: string;
    name: string;
    short_name: string | null;
    kind: UnitKind;
    parent_id: string | null;
    sort: number;
  }>(sql`
    WITH RECURSIVE up AS (
      SELECT u.*, 0 AS depth FROM units u WHERE u.id = ${unitId}::uuid
      UNION ALL SELECT u.*, up.depth + 1 FROM units u JOIN up ON u.id = up.parent_id WHERE up.depth < 32
    )
    SELECT id, name, short_name, kind, parent_id, sort FROM up ORDER BY depth`);
  return r.rows.map((u) => ({
    id: u.id,
    name: u.name,
    shortName: u.short_name,
    kind: u.kind,
    parentId: u.parent_id,
    sort: u.sort,
  }));
}

/** Every name a document may use for a unit: names, short names and aliases (e.g. for a segmenter dictionary). */
export async function unitVocabulary(db: DbOrTx): Promise<string[]> {
  const names = await db.select({ n: units.name, s: units.shortName }).from(units);
  const aliases = await db.select({ a: unitAliases.alias }).from(unitAliases);
  return [...names.flatMap((r) => (r.s ? [r.n, r.s] : [r.n])), ...aliases.map((r) => r.a)];
}

export interface UserRef {
  id: string;
  name: string;
  unitId: string;
}

/** Active users holding `perm` through any of their roles, and matching `where`. */
function usersWithPermission(db: DbOrTx, perm: PermissionCode, where: SQL | undefined): Promise<UserRef[]> {
  return db
    .selectDistinct({ id: users.id, name: users.name, unitId: users.unitId })
    .from(users)
    .innerJoin(userRoles, eq(userRoles.userId, users.id))
    .innerJoin(rolePermissions, eq(rolePermissions.roleCode, userRoles.roleCode))
    .where(and(eq(users.status, 'active'), sql`${perm} = ANY(${rolePermissions.permissions})`, where));
}

/** Active users holding `perm` through any of their roles; with `unitIds`, only users of those units. */
export async function activeUsersWithPermission(
  db: DbOrTx,
  perm: PermissionCode,
  unitIds?: readonly string[],
): Promise<UserRef[]> {
  return usersWithPermission(db, perm, unitIds ? inArray(users.unitId, [...unitIds]) : undefined);
}

/**
 * Active users holding `perm` whose data scope covers `unitId`: a role of scope 'all', or the unit in their own
 * unit's subtree (the same rule as assertUnitInScope, for users other than the caller).
 */
export async function activeUsersWithPermissionOver(
  db: DbOrTx,
  perm: PermissionCode,
  unitId: string,
): Promise<UserRef[]> {
  const allScope = BUILTIN_ROLES.filter((r) => r.dataScope === 'all').map((r) => sql`${r.code}`);
  return usersWithPermission(
    db,
    perm,
    sql`(EXISTS (SELECT 1 FROM user_roles ur WHERE ur.user_id = ${users.id} AND ur.role_code IN (${sql.join(allScope, sql`, `)}))
      OR ${unitId}::uuid IN (SELECT gk_unit_subtree(${users.unitId})))`,
  );
}

/** Active users holding a role; with `unitIds`, only users of those units. */
export async function activeUsersWithRole(
  db: DbOrTx,
  role: RoleCode,
  unitIds?: readonly string[],
): Promise<UserRef[]> {
  return db
    .selectDistinct({ id: users.id, name: users.name, unitId: users.unitId })
    .from(users)
    .innerJoin(userRoles, eq(userRoles.userId, users.id))
    .where(
      and(
        eq(users.status, 'active'),
        eq(userRoles.roleCode, role),
        unitIds ? inArray(users.unitId, [...unitIds]) : undefined,
      ),
    );
}

/** id → display name for the given users. */
export function userNames(db: DbOrTx, ids: readonly string[]): Promise<Map<string, string>> {
  return namesOf(db, users, ids);
}

export async function findUserByUsername(db: DbOrTx, username: string): Promise<UserRef | null> {
  const [u] = await db
    .select({ id: users.id, name: users.name, unitId: users.unitId })
    .from(users)
    .where(eq(users.username, username));
  return u ?? null;
}
