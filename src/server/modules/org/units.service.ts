import { and, asc, eq, getTableColumns, ilike, inArray, or, sql } from 'drizzle-orm';
import type { CurrentUser, Paged, Unit, UnitGroup, UnitKind, UnitTreeNode } from '../../../contracts/api';
import { UNIT_KIND_LABELS } from '../../../contracts/api';
import type { Database, DbOrTx } from '../../db/client';
import { countWhere, pageOf } from '../../db/pages';
import { countsBy } from '../../db/reads';
import { unitAliases, unitGroupMembers, unitGroups, units, users } from '../../db/schema/org';
import { audit } from '../../platform/audit/audit';
import type { Actor } from '../../platform/context';
import { AppError, conflict, notFound } from '../../platform/errors';
import { readTable, writeTable } from '../../platform/xlsx';
import { assertUnitInScope, scopeFilter } from './org.scope';

export interface UnitInput {
  name: string;
  shortName?: string | null;
  fullName?: string | null;
  creditCode?: string | null;
  kind: UnitKind;
  parentId?: string | null;
  aliases?: string[];
  sort?: number;
}

type Scoped = Pick<CurrentUser, 'dataScope' | 'unitId'>;

async function toUnits(db: DbOrTx, rows: (typeof units.$inferSelect)[]): Promise<Unit[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const aliasRows = await db.select().from(unitAliases).where(inArray(unitAliases.unitId, ids));
  const userCounts = await countsBy(db, users.unitId, users, {
    where: and(inArray(users.unitId, ids), eq(users.status, 'active')),
  });
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    shortName: r.shortName,
    fullName: r.fullName,
    creditCode: r.creditCode,
    kind: r.kind,
    parentId: r.parentId,
    sort: r.sort,
    aliases: aliasRows.filter((a) => a.unitId === r.id).map((a) => a.alias),
    userCount: userCounts.get(r.id) ?? 0,
  }));
}

export async function listUnits(
  database: Database,
  user: Scoped,
  q: { keyword?: string; kind?: UnitKind; parentId?: string; page: number; pageSize: number },
): Promise<Paged<Unit>> {
  const conds = [scopeFilter(user, units.id)];
  if (q.keyword) {
    const kw = `%${q.keyword}%`;
    conds.push(
      or(
        ilike(units.name, kw),
        ilike(units.shortName, kw),
        sql`EXISTS (SELECT 1 FROM unit_aliases a WHERE a.unit_id = ${units.id} AND a.alias ILIKE ${kw})`,
      ),
    );
  }
  if (q.kind) conds.push(eq(units.kind, q.kind));
  if (q.parentId) conds.push(sql`${units.id} IN (SELECT gk_unit_subtree(${q.parentId}::uuid))`);
  const where = and(...conds.filter(Boolean));
  const { rows, total } = await pageOf(
    database.db,
    units,
    getTableColumns(units),
    where,
    [asc(units.sort), asc(units.name)],
    q,
  );
  return { items: await toUnits(database.db, rows), total: total };
}

export async function unitTree(database: Database, user: Scoped): Promise<UnitTreeNode[]> {
  const rows = await database.db
    .select()
    .from(units)
    .where(scopeFilter(user, units.id))
    .orderBy(asc(units.sort), asc(units.name));
  const nodes = new Map<string, UnitTreeNode>(
    rows.map((r) => [r.id, { id: r.id, name: r.name, kind: r.kind, children: [] }]),
  );
  const roots: UnitTreeNode[] = [];
  for (const r of rows) {
    const node = nodes.get(r.id)!;
    const parent = r.parentId ? nodes.get(r.parentId) : undefined;
    if (parent) parent.children.push(node);
    else roots.push(node);
  }
  return roots;
}

export async function getUnit(database: Database, user: Scoped, id: string): Promise<Unit> {
  const rows = await database.db.select().from(units).where(eq(units.id, id));
  if (!rows[0]) throw notFound('单位');
  await assertUnitInScope(database.db, user, id);
  return (await toUnits(database.db, rows))[0]!;
}

async function checkNames(tx: DbOrTx, name: string, aliases: string[], selfId: string | null): Promise<void> {
  const all = [name, ...aliases];
  if (new Set(all).size !== all.length) throw new AppError('VALIDATION', '别名不能与单位名称或其他别名重复');
  const byName = await tx
    .select({ id: units.id, name: units.name })
    .from(units)
    .where(inArray(units.name, all));
  const byAlias = await tx
    .select({ unitId: unitAliases.unitId, alias: unitAliases.alias })
    .from(unitAliases)
    .where(inArray(unitAliases.alias, all));
  const clash = byName.find((u) => u.id !== selfId)?.name ?? byAlias.find((a) => a.unitId !== selfId)?.alias;
  if (clash) throw conflict(`名称「${clash}」已被其他单位使用`);
}

async function checkParent(
  tx: DbOrTx,
  id: string | null,
  parentId: string | null | undefined,
  kind: UnitKind,
): Promise<void> {
  if (!parentId) {
    if (kind !== 'government') throw new AppError('VALIDATION', '除人民政府外，单位必须有上级单位');
    return;
  }
  const p = await tx.select({ id: units.id }).from(units).where(eq(units.id, parentId));
  if (!p[0]) throw new AppError('VALIDATION', '上级单位不存在');
  if (id) {
    const cyc = await tx.execute<{ bad: boolean }>(
      sql`SELECT ${parentId}::uuid IN (SELECT gk_unit_subtree(${id}::uuid)) AS bad`,
    );
    if (cyc.rows[0]?.bad) throw new AppError('VALIDATION', '不能把单位移到它自己的下级单位之下');
  }
}

/** The unit's own columns as entered (aliases are rows of their own). */
const unitRow = (input: UnitInput) => ({
  name: input.name,
  shortName: input.shortName || null,
  fullName: input.fullName || null,
  creditCode: input.creditCode?.toUpperCase() || null,
  kind: input.kind,
  parentId: input.parentId ?? null,
  sort: input.sort ?? 0,
});

/** Aliases trimmed, blanks and repeats dropped. */
const aliasesOf = (input: UnitInput) => [
  ...new Set((input.aliases ?? []).map((a) => a.trim()).filter(Boolean)),
];

export async function createUnitTx(tx: DbOrTx, actor: Actor, input: UnitInput): Promise<string> {
  const aliases = aliasesOf(input);
  await checkNames(tx, input.name, aliases, null);
  await checkParent(tx, null, input.parentId, input.kind);
  const [row] = await tx.insert(units).values(unitRow(input)).returning({ id: units.id });
  if (aliases.length)
    await tx.insert(unitAliases).values(aliases.map((alias) => ({ unitId: row!.id, alias })));
  await audit(tx, actor, {
    action: 'org.unit.create',
    objectType: 'unit',
    objectId: row!.id,
    detail: { name: input.name, kind: input.kind },
  });
  return row!.id;
}

export async function createUnit(
  database: Database,
  user: Scoped,
  actor: Actor,
  input: UnitInput,
): Promise<Unit> {
  if (input.parentId) await assertUnitInScope(database.db, user, input.parentId);
  const id = await database.db.transaction((tx) => createUnitTx(tx, actor, input));
  return getUnit(database, user, id);
}

/** The unit's aliases become exactly `aliases`. */
async function setAliases(tx: DbOrTx, unitId: string, aliases: readonly string[]): Promise<void> {
  await tx.delete(unitAliases).where(eq(unitAliases.unitId, unitId));
  if (aliases.length) await tx.insert(unitAliases).values(aliases.map((alias) => ({ unitId, alias })));
}

export async function updateUnit(
  database: Database,
  user: Scoped,
  actor: Actor,
  id: string,
  input: UnitInput,
): Promise<Unit> {
  await getUnit(database, user, id);
  const aliases = aliasesOf(input);
  await database.db.transaction(async (tx) => {
    await checkNames(tx, input.name, aliases, id);
    await checkParent(tx, id, input.parentId, input.kind);
    await tx
      .update(units)
      .set({ ...unitRow(input), updatedAt: new Date() })
      .where(eq(units.id, id));
    await setAliases(tx, id, aliases);
    await audit(tx, actor, {
      action: 'org.unit.update',
      objectType: 'unit',
      objectId: id,
      detail: { name: input.name },
    });
  });
  return getUnit(database, user, id);
}

/**
 * A unit under a new name. The old name stays as an alias when asked (the default), so a notice that writes
 * it (the name a unit created from an import preview was given) still resolves to this unit.
 */
export async function renameUnit(
  database: Database,
  user: Scoped,
  actor: Actor,
  id: string,
  input: { name: string; keepAlias?: boolean },
): Promise<Unit> {
  const u = await getUnit(database, user, id);
  const name = input.name.trim();
  if (name === u.name) return u;
  const keep = input.keepAlias !== false && !u.aliases.includes(u.name);
  // The new name may be one of the unit's own aliases: it stops being an alias.
  const aliases = [...u.aliases.filter((a) => a !== name), ...(keep ? [u.name] : [])];
  await database.db.transaction(async (tx) => {
    await checkNames(tx, name, aliases, id);
    await tx.update(units).set({ name, updatedAt: new Date() }).where(eq(units.id, id));
    await setAliases(tx, id, aliases);
    await audit(tx, actor, {
      action: 'org.unit.rename',
      objectType: 'unit',
      objectId: id,
      detail: { from: u.name, to: name, keptAlias: keep },
    });
  });
  return getUnit(database, user, id);
}

export async function deleteUnit(database: Database, user: Scoped, actor: Actor, id: string): Promise<void> {
  const u = await getUnit(database, user, id);
  if ((await countWhere(database.db, units, eq(units.parentId, id))) > 0)
    throw conflict('该单位还有下级单位，不能删除');
  if ((await countWhere(database.db, users, eq(users.unitId, id))) > 0)
    throw conflict('该单位还有用户，不能删除（可先调整用户所属单位）');
  await database.db.transaction(async (tx) => {
    try {
      await tx.delete(units).where(eq(units.id, id));
    } catch {
      throw conflict('该单位已被其他数据引用（如领导小组成员），不能删除');
    }
    await audit(tx, actor, {
      action: 'org.unit.delete',
      objectType: 'unit',
      objectId: id,
      detail: { name: u.name },
    });
  });
}

// ---- groups ----

export async function listGroups(db: DbOrTx): Promise<UnitGroup[]> {
  const groups = await db.select().from(unitGroups).orderBy(asc(unitGroups.name));
  const explicit = await db.select().from(unitGroupMembers);
  const all = await db.select({ id: units.id, kind: units.kind }).from(units);
  return groups.map((g) => ({
    id: g.id,
    name: g.name,
    aliases: g.aliases,
    needsChoice: g.needsChoice,
    memberUnitIds: [
      ...new Set([
        ...all.filter((u) => g.memberKinds.includes(u.kind)).map((u) => u.id),
        ...explicit.filter((m) => m.groupId === g.id).map((m) => m.unitId),
      ]),
    ],
  }));
}

// ---- xlsx import / export ----

const UNIT_HEADERS = ['单位名称', '简称', '类型', '上级单位', '别名'];
const KIND_BY_LABEL = new Map(Object.entries(UNIT_KIND_LABELS).map(([k, v]) => [v, k as UnitKind]));

export async function exportUnits(database: Database, user: Scoped): Promise<Uint8Array> {
  const rows = await database.db
    .select()
    .from(units)
    .where(scopeFilter(user, units.id))
    .orderBy(asc(units.sort), asc(units.name));
  const list = await toUnits(database.db, rows);
  const nameById = new Map(rows.map((r) => [r.id, r.name]));
  return writeTable(
    '单位',
    UNIT_HEADERS,
    list.map((u) => [
      u.name,
      u.shortName ?? '',
      UNIT_KIND_LABELS[u.kind],
      u.parentId ? (nameById.get(u.parentId) ?? '') : '',
      u.aliases.join('、'),
    ]),
  );
}

/** All or nothing: every row is checked first; any error aborts the whole import with the list of row errors. */
export async function importUnits(
  database: Database,
  actor: Actor,
  bytes: Uint8Array,
): Promise<{ created: number; updated: number }> {
  const rows = await readTable(bytes, ['单位名称', '类型'], ['简称', '上级单位', '别名']);
  if (rows.length === 0) throw new AppError('VALIDATION', '表格中没有数据行');
  const existing = await database.db.select().from(units);
  // A parent may be written by its name or by any alias (区政府 for 重庆市潼南区人民政府).
  const byName = new Map<string, string>(existing.map((u) => [u.name, u.id]));
  for (const a of await database.db.select().from(unitAliases))
    if (!byName.has(a.alias)) byName.set(a.alias, a.unitId);
  const errors: { row: number; message: string }[] = [];
  const incoming = new Set<string>();
  for (const r of rows) {
    const v = r.values;
    if (!v.单位名称) errors.push({ row: r.row, message: '单位名称不能为空' });
    if (incoming.has(v.单位名称!)) errors.push({ row: r.row, message: `单位「${v.单位名称}」在表中重复` });
    incoming.add(v.单位名称!);
    if (!KIND_BY_LABEL.has(v.类型!))
      errors.push({
        row: r.row,
        message: `类型「${v.类型}」无效，应为：${[...KIND_BY_LABEL.keys()].join('、')}`,
      });
    const parent = v.上级单位;
    if (parent && !byName.has(parent) && !rows.some((o) => o.values.单位名称 === parent)) {
      errors.push({ row: r.row, message: `上级单位「${parent}」不存在` });
    }
    if (!parent && v.类型 !== '人民政府')
      errors.push({ row: r.row, message: '除人民政府外，必须填写上级单位' });
  }
  if (errors.length)
    throw new AppError('VALIDATION', `导入失败：共 ${errors.length} 处错误，未导入任何数据`, {
      rows: errors,
    });
  let created = 0;
  let updated = 0;
  await database.db.transaction(async (tx) => {
    // Parents first: repeat passes until every row whose parent exists has been written.
    const pending = [...rows];
    const ids = new Map(byName);
    while (pending.length) {
      const before = pending.length;
      for (let i = 0; i < pending.length; i++) {
        const v = pending[i]!.values;
        const parentName = v.上级单位;
        if (parentName && !ids.has(parentName)) continue;
        const input: UnitInput = {
          name: v.单位名称!,
          shortName: v.简称 || null,
          kind: KIND_BY_LABEL.get(v.类型!)!,
          parentId: parentName ? ids.get(parentName)! : null,
          aliases: (v.别名 ?? '').split(/[、,，;；\s]+/).filter(Boolean),
        };
        const cur = ids.get(input.name);
        if (cur) {
          await checkNames(tx, input.name, input.aliases ?? [], cur);
          await tx
            .update(units)
            .set({
              shortName: input.shortName,
              kind: input.kind,
              parentId: input.parentId,
              updatedAt: new Date(),
            })
            .where(eq(units.id, cur));
          await tx.delete(unitAliases).where(eq(unitAliases.unitId, cur));
          if (input.aliases?.length)
            await tx.insert(unitAliases).values(input.aliases.map((alias) => ({ unitId: cur, alias })));
          updated++;
        } else {
          ids.set(input.name, await createUnitTx(tx, actor, input));
          created++;
        }
        pending.splice(i, 1);
        i--;
      }
      if (pending.length === before) throw new AppError('VALIDATION', '上级单位之间存在循环引用');
    }
    await audit(tx, actor, { action: 'org.unit.import', objectType: 'unit', detail: { created, updated } });
  });
  return { created, updated };
}
