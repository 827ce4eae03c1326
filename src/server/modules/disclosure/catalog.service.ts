// Catalog columns (issue 5 part 1): seeded with the standard tree, edited by the office; disclosure paths from
// task notices map onto it, and missing columns can be created from a path.
import { asc, count, eq, sql } from 'drizzle-orm';
import type { ColumnInput, ColumnRow } from '../../../contracts/disclosure';
import { defaultCatalog, matchPath, parseDisclosurePath } from '../../../domain/disclosure/catalog';
import type { Database, DbOrTx } from '../../db/client';
import { disclosureColumns, disclosureItems } from '../../db/schema';
import { audit } from '../../platform/audit/audit';
import type { Actor } from '../../platform/context';
import { conflict, invalid, notFound } from '../../platform/errors';

/** Creates the default catalog when the table is empty (idempotent; runs at start and before first use). */
export async function ensureCatalog(db: DbOrTx): Promise<void> {
  const [n] = await db.select({ n: count() }).from(disclosureColumns);
  if ((n?.n ?? 0) > 0) return;
  await db.execute(sql`SELECT pg_advisory_xact_lock(7324501)`);
  const [again] = await db.select({ n: count() }).from(disclosureColumns);
  if ((again?.n ?? 0) > 0) return;
  let sort = 0;
  for (const top of defaultCatalog()) {
    const [row] = await db
      .insert(disclosureColumns)
      .values({ name: top.name, code: top.code ?? null, sort: sort++ })
      .returning({ id: disclosureColumns.id });
    let sub = 0;
    for (const c of top.children)
      await db
        .insert(disclosureColumns)
        .values({ name: c.name, code: c.code ?? null, parentId: row!.id, sort: sub++ });
  }
}

export async function listColumns(database: Database): Promise<ColumnRow[]> {
  await database.db.transaction((tx) => ensureCatalog(tx));
  const rows = await database.db
    .select({
      id: disclosureColumns.id,
      parentId: disclosureColumns.parentId,
      name: disclosureColumns.name,
      code: disclosureColumns.code,
      sort: disclosureColumns.sort,
      itemCount: sql<number>`(SELECT count(*)::int FROM disclosure_items i WHERE i.column_id = ${disclosureColumns.id} AND i.status = 'published')`,
    })
    .from(disclosureColumns)
    .orderBy(asc(disclosureColumns.sort), asc(disclosureColumns.name));
  return rows;
}

export async function createColumn(database: Database, actor: Actor, input: ColumnInput): Promise<ColumnRow> {
  return database.db.transaction(async (tx) => {
    if (input.parentId) {
      const p = await tx.select().from(disclosureColumns).where(eq(disclosureColumns.id, input.parentId));
      if (!p[0]) throw notFound('上级栏目');
    }
    const dup = await tx.execute(
      sql`SELECT 1 FROM disclosure_columns WHERE parent_id IS NOT DISTINCT FROM ${input.parentId ?? null}::uuid AND name = ${input.name}`,
    );
    if (dup.rows.length) throw conflict(`同级已有栏目「${input.name}」`);
    const [row] = await tx
      .insert(disclosureColumns)
      .values({ name: input.name, parentId: input.parentId ?? null, sort: input.sort ?? 100 })
      .returning();
    await audit(tx, actor, {
      action: 'disclosure.column.create',
      objectType: 'disclosureColumn',
      objectId: row!.id,
      detail: { name: input.name },
    });
    return { ...row!, itemCount: 0 };
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
    if (input.parentId === id) throw invalid('栏目不能作为自己的上级');
    await tx
      .update(disclosureColumns)
      .set({
        name: input.name,
        ...(input.parentId !== undefined ? { parentId: input.parentId } : {}),
        ...(input.sort !== undefined ? { sort: input.sort } : {}),
      })
      .where(eq(disclosureColumns.id, id));
    await audit(tx, actor, {
      action: 'disclosure.column.update',
      objectType: 'disclosureColumn',
      objectId: id,
      detail: { from: row.name, to: input.name },
    });
  });
}

export async function deleteColumn(database: Database, actor: Actor, id: string): Promise<void> {
  await database.db.transaction(async (tx) => {
    const [row] = await tx.select().from(disclosureColumns).where(eq(disclosureColumns.id, id));
    if (!row) throw notFound('栏目');
    if (row.code && ['zn', 'zd', 'fdzdgknr', 'nb'].includes(row.code))
      throw conflict('四个标准一级栏目不能删除');
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
      detail: { name: row.name },
    });
  });
}

/**
 * Maps a disclosure path written in a task notice onto the catalog. With `create`, missing columns are created
 * (each level under the previous one) and the deepest column id is returned.
 */
export async function resolvePath(
  database: Database,
  actor: Actor,
  path: string,
  create: boolean,
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
    await ensureCatalog(tx);
    const cols = await tx
      .select({
        id: disclosureColumns.id,
        parentId: disclosureColumns.parentId,
        name: disclosureColumns.name,
      })
      .from(disclosureColumns);
    const m = matchPath(cols, segments);
    let columnId = m.matched.at(-1) ?? null;
    let created = 0;
    if (create && m.missing.length) {
      let parent = m.parentId;
      for (const name of m.missing) {
        const [row] = await tx
          .insert(disclosureColumns)
          .values({ name, parentId: parent, sort: 100 })
          .returning({ id: disclosureColumns.id });
        parent = row!.id;
        created++;
      }
      columnId = parent;
      await audit(tx, actor, {
        action: 'disclosure.column.createFromPath',
        objectType: 'disclosureColumn',
        objectId: columnId,
        detail: { path, created: m.missing },
      });
    }
    return { segments, matched: m.matched, missing: create ? [] : m.missing, columnId, created };
  });
}
