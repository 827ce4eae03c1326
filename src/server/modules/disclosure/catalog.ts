// Use case: the catalog (issue 5 part 1) — one tree of columns per unit, seeded with the standard columns and
// edited by the office; disclosure paths from task notices map onto a unit's tree, and missing columns can be
// created from a path.
import type { ColumnInput, ColumnRow, TaskPathRow } from '../../../contracts/disclosure';
import {
  type CatalogLevel,
  columnChain,
  defaultCatalog,
  itemCategory,
  matchPath,
  parseDisclosurePath,
  townshipArt21Fix,
} from '../../../domain/disclosure/catalog';
import type { Database, DbOrTx } from '../../db/client';
import { audit } from '../../platform/audit/audit';
import type { Actor } from '../../platform/context';
import { conflict, invalid, notFound } from '../../platform/errors';
import { getSetting, putSetting } from '../../platform/settings';
import { getUnit, listUnits, rootUnit } from '../org';
import { unitTaskDisclosurePaths } from '../tasks';
import {
  adoptTopColumn,
  catalogSeeded,
  childCount,
  columnById,
  columnRows,
  columnsOfUnit,
  deleteColumnRow,
  insertColumn,
  itemCountInColumn,
  lockCatalogSeeding,
  markCatalogSeeded,
  otherCatalogUnits,
  sameLevelTaken,
  updateColumnRow,
} from './repo/catalog';

const STANDARD_TOP = ['zn', 'zd', 'fdzdgknr', 'nb'];

/** The district government: the unit at the top of the tree, whose catalog /xxgk/zn etc. show. */
export async function rootUnitId(db: DbOrTx): Promise<string | null> {
  return (await rootUnit(db))?.id ?? null;
}

/** 镇街 take the township Art. 21 list (条例 Art. 21: a second list, not the county one); every other unit the county one. */
export async function catalogLevelOf(db: DbOrTx, unitId: string): Promise<CatalogLevel> {
  return (await getUnit(db, unitId))?.kind === 'township' ? 'township' : 'county';
}

/**
 * An item's 公开类别 in its unit (PUB-6, domain itemCategory): the chosen one, else its column's (walking up the
 * column's ancestors), else (一) for a normative document. 400 when there is none or it is not the unit's.
 */
export async function itemCategoryIn(
  db: DbOrTx,
  v: { unitId: string; columnId: string | null; chosen: string | null | undefined; kind: string },
): Promise<string> {
  const chain = v.columnId ? columnChain(await columnsOfUnit(db, v.unitId), v.columnId) : [];
  const r = itemCategory({
    chosen: v.chosen,
    columnChain: chain,
    kind: v.kind,
    level: await catalogLevelOf(db, v.unitId),
  });
  if ('error' in r) throw invalid(r.error);
  return r.category;
}

/**
 * Creates the unit's standard columns once (the first time its catalog is needed). Columns are matched by code, so
 * a tree that already holds some of them (moved there by migration 0007) is completed, never doubled; after that
 * the unit is marked seeded and a column the office deletes stays deleted.
 */
export async function ensureUnitCatalog(db: DbOrTx, unitId: string): Promise<void> {
  if (await catalogSeeded(db, unitId)) return;
  await lockCatalogSeeding(db, unitId);
  if (await catalogSeeded(db, unitId)) return;
  const existing = await columnsOfUnit(db, unitId);
  const byCode = new Map(existing.filter((c) => c.code).map((c) => [c.code!, c.id]));
  const level = await catalogLevelOf(db, unitId);
  let sort = 0;
  for (const top of defaultCatalog(level)) {
    let topId = byCode.get(top.code!);
    if (!topId) {
      const row = await insertColumn(db, { unitId, name: top.name, code: top.code ?? null, sort }, true);
      // A column the office made by hand with the standard name takes the code instead of a duplicate.
      topId = row?.id ?? (await adoptTopColumn(db, unitId, top.name, top.code ?? null))!;
    }
    sort++;
    let sub = 0;
    for (const c of top.children) {
      if (!byCode.has(c.code!))
        await insertColumn(
          db,
          { unitId, name: c.name, code: c.code ?? null, parentId: topId, sort: sub },
          true,
        );
      sub++;
    }
  }
  await markCatalogSeeded(db, unitId);
}

const TOWNSHIP_FIX_SETTING = 'disclosure.townshipArt21';

/**
 * Back-fill (issue 13 part 2): 镇街 catalogs seeded before 镇街 took the township Art. 21 list get it now — the
 * missing township topics added, empty county-only topics removed, county-only topics holding items kept for the
 * office. Runs at every start; each 镇街 is fixed once (recorded in the settings, so a topic the office deletes
 * afterwards stays deleted), in one transaction with its audit row. Returns the 镇街 changed.
 */
export async function applyTownshipArt21List(database: Database, actor: Actor): Promise<number> {
  let changed = 0;
  for (const unit of await listUnits(database.db, ['township'])) {
    const did = await database.db.transaction(async (tx) => {
      await lockCatalogSeeding(tx, unit.id);
      const done = (await getSetting<{ units: string[] }>(tx, TOWNSHIP_FIX_SETTING))?.units ?? [];
      if (done.includes(unit.id)) return false;
      // A catalog not seeded yet will be seeded with the township list.
      if (!(await catalogSeeded(tx, unit.id))) return false;
      const cols = await columnsOfUnit(tx, unit.id);
      const fd = cols.find((c) => c.code === 'fdzdgknr' && !c.parentId);
      let fix: ReturnType<typeof townshipArt21Fix> = { add: [], remove: [], keep: [] };
      if (fd) {
        const children = [];
        for (const c of cols.filter((k) => k.parentId === fd.id))
          children.push({
            id: c.id,
            code: c.code,
            inUse: (await childCount(tx, c.id)) > 0 || (await itemCountInColumn(tx, c.id)) > 0,
          });
        fix = townshipArt21Fix(children);
        for (const t of fix.add)
          await insertColumn(
            tx,
            { unitId: unit.id, name: t.name, code: t.code, parentId: fd.id, sort: t.sort },
            true,
          );
        for (const id of fix.remove) await deleteColumnRow(tx, id);
      }
      await putSetting(tx, TOWNSHIP_FIX_SETTING, { units: [...done, unit.id] });
      const nameOf = (id: string) => cols.find((c) => c.id === id)?.name ?? id;
      const detail = {
        unitName: unit.name,
        added: fix.add.map((t) => t.name),
        removed: fix.remove.map(nameOf),
        kept: fix.keep.map(nameOf),
      };
      if (!detail.added.length && !detail.removed.length && !detail.kept.length) return false;
      await audit(tx, actor, {
        action: 'disclosure.catalog.townshipArt21',
        objectType: 'unit',
        objectId: unit.id,
        detail,
      });
      return true;
    });
    if (did) changed++;
  }
  return changed;
}

async function unitOrThrow(db: DbOrTx, unitId: string) {
  const u = await getUnit(db, unitId);
  if (!u) throw notFound('单位');
  return u;
}

/** The unit's catalog (seeded first when needed), inside one transaction. */
async function withCatalog<T>(
  database: Database,
  unitId: string,
  then: (tx: DbOrTx, cols: ColumnRow[]) => Promise<T>,
): Promise<T> {
  return database.db.transaction(async (tx) => {
    await unitOrThrow(tx, unitId);
    await ensureUnitCatalog(tx, unitId);
    return then(tx, await columnRows(tx, unitId));
  });
}

/** One unit's catalog as a flat list (default: the district government's). */
export async function listColumns(database: Database, unitId?: string): Promise<ColumnRow[]> {
  const unit = unitId ?? (await rootUnitId(database.db));
  if (!unit) return [];
  return withCatalog(database, unit, async (_tx, cols) => cols);
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
      const p = await columnById(tx, input.parentId);
      if (!p) throw notFound('上级栏目');
      if (unitId && unitId !== p.unitId) throw invalid('上级栏目不属于所选单位的公开目录');
      unitId = p.unitId;
      parentPath = columnChain(await columnRows(tx, unitId), p.id).map((c) => c.name);
    } else {
      unitId ??= await rootUnitId(tx);
      if (!unitId) throw invalid('请先建立单位');
      await unitOrThrow(tx, unitId);
    }
    await ensureUnitCatalog(tx, unitId);
    if (await sameLevelTaken(tx, unitId, input.parentId ?? null, input.name))
      throw conflict(`同级已有栏目「${input.name}」`);
    const row = (await insertColumn(tx, {
      unitId,
      name: input.name,
      parentId: input.parentId ?? null,
      sort: input.sort ?? 100,
    }))!;
    let alsoCreated = 0;
    if (input.allUnits) {
      for (const other of await otherCatalogUnits(tx, unitId)) {
        const m = matchPath(await columnRows(tx, other), [...parentPath, input.name]);
        // Only where the parent path exists and the column itself does not.
        if (m.missing.length !== 1 || m.matched.length !== parentPath.length) continue;
        await insertColumn(tx, {
          unitId: other,
          name: input.name,
          parentId: m.parentId,
          sort: input.sort ?? 100,
        });
        alsoCreated++;
      }
    }
    await audit(tx, actor, {
      action: 'disclosure.column.create',
      objectType: 'disclosureColumn',
      objectId: row.id,
      detail: { unitId, name: input.name, path: parentPath, alsoCreated },
    });
    return { ...row, itemCount: 0, alsoCreated };
  });
}

export async function updateColumn(
  database: Database,
  actor: Actor,
  id: string,
  input: ColumnInput,
): Promise<void> {
  await database.db.transaction(async (tx) => {
    const row = await columnById(tx, id);
    if (!row) throw notFound('栏目');
    const parentId = input.parentId !== undefined ? input.parentId : row.parentId;
    if (parentId) {
      if (row.code && STANDARD_TOP.includes(row.code)) throw invalid('四个标准一级栏目不能移到其他栏目下');
      const cols = await columnRows(tx, row.unitId);
      const parent = cols.find((c) => c.id === parentId);
      if (!parent) throw invalid('上级栏目不属于本单位的公开目录');
      // The new parent's ancestors must not include the column itself (no cycles).
      if (columnChain(cols, parent.id).some((c) => c.id === id))
        throw invalid('栏目不能移到自己或自己的下级栏目下');
    }
    if (await sameLevelTaken(tx, row.unitId, parentId, input.name, id))
      throw conflict(`同级已有栏目「${input.name}」`);
    await updateColumnRow(tx, id, {
      name: input.name,
      parentId,
      ...(input.sort !== undefined ? { sort: input.sort } : {}),
    });
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
    const row = await columnById(tx, id);
    if (!row) throw notFound('栏目');
    if (row.code && STANDARD_TOP.includes(row.code)) throw conflict('四个标准一级栏目不能删除');
    if ((await childCount(tx, id)) > 0) throw conflict('请先删除下级栏目');
    if ((await itemCountInColumn(tx, id)) > 0) throw conflict('栏目下已有信息，不能删除');
    await deleteColumnRow(tx, id);
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
  const unit = unitId ?? (await rootUnitId(database.db));
  if (!unit) throw invalid('请先建立单位');
  return withCatalog(database, unit, async (tx, cols) => {
    const m = matchPath(cols, segments);
    let columnId = m.matched.at(-1) ?? null;
    let created = 0;
    if (create && m.missing.length) {
      let parent = m.parentId;
      for (const name of m.missing) {
        parent = (await insertColumn(tx, { unitId: unit, name, parentId: parent, sort: 100 }))!.id;
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
  return withCatalog(database, unit, async (tx, cols) => {
    const byPath = new Map<string, TaskPathRow>();
    for (const r of await unitTaskDisclosurePaths(tx, unit))
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
