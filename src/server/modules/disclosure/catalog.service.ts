// Catalog columns (issue 5 part 1): one tree per unit, seeded with the standard columns and edited by the office;
// disclosure paths from task notices map onto a unit's tree, and missing columns can be created from a path.
import { and, asc, count, eq, sql } from 'drizzle-orm';
import type { ColumnInput, ColumnRow, TaskPathRow } from '../../../contracts/disclosure';
import {
  columnChain,
  defaultCatalog,
  matchPath,
  parseDisclosurePath,
} from '../../../domain/disclosure/catalog';
import type { Database, DbOrTx } from '../../db/client';
import {
  disclosureColumns,
  disclosureItems,
  disclosureUnitSettings,
  planTasks,
  taskAssignments,
  units,
  workPlans,
} from '../../db/schema';
import { audit } from '../../platform/audit/audit';
import type { Actor } from '../../platform/context';
import { conflict, invalid, notFound } from '../../platform/errors';

const STANDARD_TOP = ['zn', 'zd', 'fdzdgknr', 'nb'];

/** The district government: the unit at the top of the tree, whose catalog /xxgk/zn etc. show. */
export async function rootUnitId(db: DbOrTx): Promise<string | null> {
  const [r] = await db
    .select({ id: units.id })
    .from(units)
    .where(sql`${units.parentId} IS NULL`)
    .orderBy(asc(units.sort), asc(units.name))
    .limit(1);
  return r?.id ?? null;
}

/**
 * Creates the unit's standard columns once (the first time its catalog is needed). Columns are matched by code, so
 * a tree that already holds some of them (moved there by migration 0007) is completed, never doubled; after that
 * the unit is marked seeded and a column the office deletes stays deleted.
 */
export async function ensureUnitCatalog(db: DbOrTx, unitId: string): Promise<void> {
  const seeded = async () =>
    (
      await db
        .select({ s: disclosureUnitSettings.catalogSeeded })
        .from(disclosureUnitSettings)
        .where(eq(disclosureUnitSettings.unitId, unitId))
    )[0]?.s === true;
  if (await seeded()) return;
  await db.execute(sql`SELECT pg_advisory_xact_lock(7324501, hashtext(${unitId}))`);
  if (await seeded()) return;
  const existing = await db
    .select({ id: disclosureColumns.id, code: disclosureColumns.code, parentId: disclosureColumns.parentId })
    .from(disclosureColumns)
    .where(eq(disclosureColumns.unitId, unitId));
  const byCode = new Map(existing.filter((c) => c.code).map((c) => [c.code!, c.id]));
  let sort = 0;
  for (const top of defaultCatalog()) {
    let topId = byCode.get(top.code!);
    if (!topId) {
      const [row] = await db
        .insert(disclosureColumns)
        .values({ unitId, name: top.name, code: top.code ?? null, sort })
        .onConflictDoNothing()
        .returning({ id: disclosureColumns.id });
      // A column the office made by hand with the standard name takes the code instead of a duplicate.
      topId =
        row?.id ??
        (
          await db
            .update(disclosureColumns)
            .set({ code: top.code ?? null })
            .where(
              and(
                eq(disclosureColumns.unitId, unitId),
                sql`${disclosureColumns.parentId} IS NULL`,
                eq(disclosureColumns.name, top.name),
              ),
            )
            .returning({ id: disclosureColumns.id })
        )[0]!.id;
    }
    sort++;
    let sub = 0;
    for (const c of top.children) {
      if (!byCode.has(c.code!))
        await db
          .insert(disclosureColumns)
          .values({ unitId, name: c.name, code: c.code ?? null, parentId: topId, sort: sub })
          .onConflictDoNothing();
      sub++;
    }
  }
  await db
    .insert(disclosureUnitSettings)
    .values({ unitId, catalogSeeded: true })
    .onConflictDoUpdate({ target: disclosureUnitSettings.unitId, set: { catalogSeeded: true } });
}

async function unitOrThrow(db: DbOrTx, unitId: string) {
  const [u] = await db.select({ id: units.id, name: units.name }).from(units).where(eq(units.id, unitId));
  if (!u) throw notFound('单位');
  return u;
}

async function unitColumns(db: DbOrTx, unitId: string): Promise<ColumnRow[]> {
  return db
    .select({
      id: disclosureColumns.id,
      unitId: disclosureColumns.unitId,
      parentId: disclosureColumns.parentId,
      name: disclosureColumns.name,
      code: disclosureColumns.code,
      sort: disclosureColumns.sort,
      itemCount: sql<number>`(SELECT count(*)::int FROM disclosure_items i WHERE i.column_id = disclosure_columns.id AND i.status = 'published')`,
    })
    .from(disclosureColumns)
    .where(eq(disclosureColumns.unitId, unitId))
    .orderBy(asc(disclosureColumns.sort), asc(disclosureColumns.name));
}

/** One unit's catalog as a flat list (default: the district government's). */
export async function listColumns(database: Database, unitId?: string): Promise<ColumnRow[]> {
  const unit = unitId ?? (await rootUnitId(database.db));
  if (!unit) return [];
  return database.db.transaction(async (tx) => {
    await unitOrThrow(tx, unit);
    await ensureUnitCatalog(tx, unit);
    return unitColumns(tx, unit);
  });
}

async function sameLevelTaken(
  tx: DbOrTx,
  unitId: string,
  parentId: string | null,
  name: string,
  not?: string,
) {
  const r = await tx.execute(
    sql`SELECT 1 FROM disclosure_columns WHERE unit_id = ${unitId}::uuid AND parent_id IS NOT DISTINCT FROM ${parentId}::uuid AND name = ${name} ${not ? sql`AND id <> ${not}::uuid` : sql``}`,
  );
  return r.rows.length > 0;
}

/**
 * Adds a column to a unit's catalog. With `allUnits`, the same column is added under the same path in every other
 * unit's catalog that has that path (the office adding, say, a 专题 for all departments at once).
 */
export async function createColumn(
  database: Database,
  actor: Actor,
  input: ColumnInput,
): Promise<ColumnRow & { alsoCreated: number }> {
  return database.db.transaction(async (tx) => {
    let unitId = input.unitId ?? null;
    let parentPath: string[] = [];
    if (input.parentId) {
      const [p] = await tx.select().from(disclosureColumns).where(eq(disclosureColumns.id, input.parentId));
      if (!p) throw notFound('上级栏目');
      if (unitId && unitId !== p.unitId) throw invalid('上级栏目不属于所选单位的公开目录');
      unitId = p.unitId;
      parentPath = columnChain(await unitColumns(tx, unitId), p.id).map((c) => c.name);
    } else {
      unitId ??= await rootUnitId(tx);
      if (!unitId) throw invalid('请先建立单位');
      await unitOrThrow(tx, unitId);
    }
    await ensureUnitCatalog(tx, unitId);
    if (await sameLevelTaken(tx, unitId, input.parentId ?? null, input.name))
      throw conflict(`同级已有栏目「${input.name}」`);
    const [row] = await tx
      .insert(disclosureColumns)
      .values({ unitId, name: input.name, parentId: input.parentId ?? null, sort: input.sort ?? 100 })
      .returning();
    let alsoCreated = 0;
    if (input.allUnits) {
      const others = await tx
        .selectDistinct({ unitId: disclosureColumns.unitId })
        .from(disclosureColumns)
        .where(sql`${disclosureColumns.unitId} <> ${unitId}::uuid`);
      for (const o of others) {
        const cols = await unitColumns(tx, o.unitId);
        const m = matchPath(cols, [...parentPath, input.name]);
        // Only where the parent path exists and the column itself does not.
        if (m.missing.length !== 1 || m.matched.length !== parentPath.length) continue;
        await tx
          .insert(disclosureColumns)
          .values({ unitId: o.unitId, name: input.name, parentId: m.parentId, sort: input.sort ?? 100 });
        alsoCreated++;
      }
    }
    await audit(tx, actor, {
      action: 'disclosure.column.create',
      objectType: 'disclosureColumn',
      objectId: row!.id,
      detail: { unitId, name: input.name, path: parentPath, alsoCreated },
    });
    return { ...row!, itemCount: 0, alsoCreated };
  });
}

export async function updateColumn(
  database: Database,
  actor: Actor,
  id: string,
  input: ColumnInput,
): Promise<void> {
  await database.db.transaction(async (tx) => {
    const [row] = await tx.select().from(disclosureColumns).where(eq(disclosureColumns.id, id));
    if (!row) throw notFound('栏目');
    const parentId = input.parentId !== undefined ? input.parentId : row.parentId;
    if (parentId) {
      if (row.code && STANDARD_TOP.includes(row.code)) throw invalid('四个标准一级栏目不能移到其他栏目下');
      const cols = await unitColumns(tx, row.unitId);
      const parent = cols.find((c) => c.id === parentId);
      if (!parent) throw invalid('上级栏目不属于本单位的公开目录');
      // The new parent's ancestors must not include the column itself (no cycles).
      if (columnChain(cols, parent.id).some((c) => c.id === id))
        throw invalid('栏目不能移到自己或自己的下级栏目下');
    }
    if (await sameLevelTaken(tx, row.unitId, parentId, input.name, id))
      throw conflict(`同级已有栏目「${input.name}」`);
    await tx
      .update(disclosureColumns)
      .set({ name: input.name, parentId, ...(input.sort !== undefined ? { sort: input.sort } : {}) })
      .where(eq(disclosureColumns.id, id));
    await audit(tx, actor, {
      action: 'disclosure.column.update',
      objectType: 'disclosureColumn',
      objectId: id,
      detail: { from: row.name, to: input.name, parentId },
    });
  });
}

export async function deleteColumn(database: Database, actor: Actor, id: string): Promise<void> {
  await database.db.transaction(async (tx) => {
    const [row] = await tx.select().from(disclosureColumns).where(eq(disclosureColumns.id, id));
    if (!row) throw notFound('栏目');
    if (row.code && STANDARD_TOP.includes(row.code)) throw conflict('四个标准一级栏目不能删除');
    const [kids] = await tx
      .select({ n: count() })
      .from(disclosureColumns)
      .where(eq(disclosureColumns.parentId, id));
    if ((kids?.n ?? 0) > 0) throw conflict('请先删除下级栏目');
    const [items] = await tx
      .select({ n: count() })
      .from(disclosureItems)
      .where(eq(disclosureItems.columnId, id));
    if ((items?.n ?? 0) > 0) throw conflict('栏目下已有信息，不能删除');
    await tx.delete(disclosureColumns).where(eq(disclosureColumns.id, id));
    await audit(tx, actor, {
      action: 'disclosure.column.delete',
      objectType: 'disclosureColumn',
      objectId: id,
      detail: { unitId: row.unitId, name: row.name },
    });
  });
}

/**
 * Maps a disclosure path written in a task notice onto a unit's catalog (default: the district government's). With
 * `create`, missing columns are created (each level under the previous one) and the deepest column id is returned.
 */
export async function resolvePath(
  database: Database,
  actor: Actor,
  path: string,
  create: boolean,
  unitId?: string,
): Promise<{
  segments: string[];
  matched: string[];
  missing: string[];
  columnId: string | null;
  created: number;
}> {
  const segments = parseDisclosurePath(path);
  if (segments.length === 0) throw invalid('公开路径为空');
  return database.db.transaction(async (tx) => {
    const unit = unitId ?? (await rootUnitId(tx));
    if (!unit) throw invalid('请先建立单位');
    await unitOrThrow(tx, unit);
    await ensureUnitCatalog(tx, unit);
    const m = matchPath(await unitColumns(tx, unit), segments);
    let columnId = m.matched.at(-1) ?? null;
    let created = 0;
    if (create && m.missing.length) {
      let parent = m.parentId;
      for (const name of m.missing) {
        const [row] = await tx
          .insert(disclosureColumns)
          .values({ unitId: unit, name, parentId: parent, sort: 100 })
          .returning({ id: disclosureColumns.id });
        parent = row!.id;
        created++;
      }
      columnId = parent;
      await audit(tx, actor, {
        action: 'disclosure.column.createFromPath',
        objectType: 'disclosureColumn',
        objectId: columnId,
        detail: { unitId: unit, path, created: m.missing },
      });
    }
    return { segments, matched: m.matched, missing: create ? [] : m.missing, columnId, created };
  });
}

/**
 * The disclosure paths of the tasks a unit leads or shares (from imported 任务分工 notices), each mapped onto the
 * unit's catalog: what the office checks after importing a notice, creating the missing columns in one go.
 */
export async function taskPaths(database: Database, unitId?: string): Promise<TaskPathRow[]> {
  const unit = unitId ?? (await rootUnitId(database.db));
  if (!unit) return [];
  return database.db.transaction(async (tx) => {
    await unitOrThrow(tx, unit);
    await ensureUnitCatalog(tx, unit);
    const cols = await unitColumns(tx, unit);
    const rows = await tx
      .selectDistinct({
        ref: planTasks.ref,
        text: planTasks.text,
        plan: workPlans.title,
        isLead: taskAssignments.isLead,
        paths: planTasks.disclosurePaths,
      })
      .from(taskAssignments)
      .innerJoin(planTasks, eq(planTasks.id, taskAssignments.taskId))
      .innerJoin(workPlans, eq(workPlans.id, planTasks.planId))
      .where(
        and(eq(taskAssignments.unitId, unit), sql`jsonb_array_length(${planTasks.disclosurePaths}) > 0`),
      );
    const byPath = new Map<string, TaskPathRow>();
    for (const r of rows)
      for (const p of r.paths) {
        const path = p.join('>');
        const segments = parseDisclosurePath(path);
        if (segments.length === 0) continue;
        let row = byPath.get(path);
        if (!row) {
          const m = matchPath(cols, segments);
          row = {
            path,
            segments,
            missing: m.missing,
            columnId: m.missing.length ? null : (m.matched.at(-1) ?? null),
            tasks: [],
          };
          byPath.set(path, row);
        }
        if (!row.tasks.some((t) => t.ref === r.ref && t.plan === r.plan))
          row.tasks.push({ ref: r.ref, text: r.text.slice(0, 80), plan: r.plan, isLead: r.isLead });
      }
    return [...byPath.values()].sort((a, b) => a.path.localeCompare(b.path, 'zh'));
  });
}
