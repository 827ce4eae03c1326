// Read services for the public portal: the catalog of every unit, a column's page, an item's page, the
// normative-document query and the 指南. Only published items (and the notice of a withdrawn one) leave here.
import type { UnitGuide } from '../../../contracts/disclosure';
import { chinaDate } from '../../../domain/calendar';
import { columnChain } from '../../../domain/disclosure/catalog';
import { type Validity, validityOn } from '../../../domain/disclosure/rules';
import type { Database, DbOrTx } from '../../db/client';
import type { Platform } from '../../platform/context';
import { listUnits, rootUnit, type UnitInfo } from '../org';
import { ensureUnitCatalog } from './catalog';
import { columnById, columnsOfUnit, publishedInColumns, unitColumnByCode } from './repo/catalog';
import { currentVersionOf, findItem, interpretationsOf } from './repo/items';
import {
  attachmentLinks,
  latestPublished,
  latestPublishedAt,
  type NormativeFilter,
  normativeRows,
  publishedCountByUnit,
  publishedVersionOfItem,
  publishingUnits,
} from './repo/public';
import { editedGuides } from './repo/settings';

export { publishingUnits };

/** The id of one of the unit's four standard columns (the catalog is seeded on first visit). */
export async function standardColumnId(
  database: Database,
  unitId: string,
  code: string,
): Promise<string | null> {
  await database.db.transaction((tx) => ensureUnitCatalog(tx, unitId));
  return (await unitColumnByCode(database.db, unitId, code, { top: true }))?.id ?? null;
}

/**
 * For the portal's 年报 page (reports): the district government's own top column of a standard code, when
 * published items were filed in it besides the annual reports.
 */
export async function districtColumnWithItems(db: DbOrTx, code: string): Promise<string | null> {
  const root = await rootUnit(db);
  return root
    ? ((await unitColumnByCode(db, root.id, code, { top: true, withItems: true }))?.id ?? null)
    : null;
}

/** A column with its chain from the top, sub-columns and one page of the published items below it. */
export async function columnPage(database: Database, columnId: string, page: number, size: number) {
  const db = database.db;
  const one = await columnById(db, columnId);
  if (!one) return null;
  const cols = await columnsOfUnit(db, one.unitId);
  const col = cols.find((x) => x.id === columnId)!;
  const chain = columnChain(cols, col.id);
  const subtree = new Set([col.id]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const x of cols)
      if (x.parentId && subtree.has(x.parentId) && !subtree.has(x.id)) {
        subtree.add(x.id);
        grew = true;
      }
  }
  const { total, rows } = await publishedInColumns(db, [...subtree], page, size);
  return { unitId: one.unitId, col, chain, kids: cols.filter((x) => x.parentId === col.id), total, rows };
}

/** Units with a catalog on the portal (government, departments, townships) and their published counts. */
export async function catalogUnits(database: Database) {
  const db = database.db;
  const counts = await publishedCountByUnit(db);
  const units = await listUnits(db, ['government', 'department', 'township']);
  return {
    units: units.map((u) => ({ id: u.id, name: u.name, kind: u.kind, items: counts.get(u.id) ?? 0 })),
    lastModified: await latestPublishedAt(db),
  };
}

/**
 * An item's public page: null when there is none to show; a withdrawn item gives only its withdrawal notice; a
 * superseded one points at the version that replaced it.
 */
export async function publicItem(p: Platform, id: string) {
  const db = p.database.db;
  const item = await findItem(db, id);
  if (!item || !['published', 'withdrawn', 'superseded'].includes(item.status)) return null;
  if (item.status === 'withdrawn')
    return {
      withdrawn: true as const,
      title: item.title,
      withdrawnOn: item.withdrawnAt ? chinaDate(item.withdrawnAt) : '',
      reason: item.withdrawReason,
    };
  const newer = item.status === 'superseded' ? await currentVersionOf(db, item.rootId, true) : null;
  const chain = columnChain(await columnsOfUnit(db, item.unitId), item.columnId);
  // 废止/替代 links of normative documents (issue 5 part 3): to the published version of the other document.
  const links: { label: string; id: string; title: string }[] = [];
  for (const [label, ref] of [
    ['废止本文件的文件', item.repealedById],
    ['替代本文件的文件', item.replacedById],
  ] as const) {
    const other = ref ? await publishedVersionOfItem(db, ref) : null;
    if (other) links.push({ label, ...other });
  }
  const validity: Validity | null =
    item.kind === 'normative' && item.validity
      ? validityOn(
          { ...item, validity: item.validity, issuedDate: item.writtenDate },
          chinaDate(p.clock.now()),
        )
      : null;
  const { findings: _f, overrides: _o, ...shown } = item;
  return {
    withdrawn: false as const,
    item: shown,
    newer: newer ? { id: newer.id } : null,
    chain,
    attachments: await attachmentLinks(db, id),
    interpretations: await interpretationsOf(db, item.rootId, true),
    policy: item.policyRootId ? await currentVersionOf(db, item.policyRootId, true) : null,
    links,
    validity,
    lastModified: new Date(
      Math.max(item.updatedAt.getTime(), (item.publishedAt ?? item.updatedAt).getTime()),
    ),
  };
}

/** The unified query of normative documents, with each one's validity today and the units to filter by. */
export async function normativeQuery(p: Platform, f: NormativeFilter & { validity?: Validity | '' }) {
  const db = p.database.db;
  const today = chinaDate(p.clock.now());
  const rows = (await normativeRows(db, f))
    .map((r) => ({
      ...r,
      now: validityOn({ ...r, validity: r.validity ?? 'in_force', issuedDate: r.writtenDate }, today),
    }))
    .filter((r) => !f.validity || r.now === f.validity);
  return { rows, units: await publishingUnits(db, true) };
}

/**
 * The 指南 page of a unit (default: the district government): its edited guide or null for the generated outline,
 * the names of its top columns, and the other units with an edited guide (in unit order).
 */
export async function guidePage(database: Database, unit: UnitInfo | null) {
  const db = database.db;
  const all = await listUnits(db);
  const guides = new Map((await editedGuides(db)).map((g) => [g.unitId, g.guide]));
  const edited: (UnitInfo & { guide: UnitGuide })[] = all.flatMap((u) => {
    const guide = guides.get(u.id);
    return guide ? [{ ...u, guide }] : [];
  });
  if (unit) await database.db.transaction((tx) => ensureUnitCatalog(tx, unit.id));
  const topColumns = unit
    ? (await columnsOfUnit(db, unit.id)).filter((c) => !c.parentId).map((c) => c.name)
    : [];
  return {
    guide: unit ? (guides.get(unit.id) ?? null) : null,
    topColumns,
    others: edited.filter((e) => e.id !== unit?.id),
  };
}

/**
 * The portal home: the newest items, the newest of each 重点领域 (standard codes, every unit's catalog, with the
 * district government's column for 更多), normative documents and interpretations.
 */
export async function portalHome(database: Database, areaCodes: readonly string[]) {
  const db = database.db;
  const root = await rootUnit(db);
  const areas = await Promise.all(
    areaCodes.map(async (code) => ({
      code,
      columnId: root ? ((await unitColumnByCode(db, root.id, code))?.id ?? null) : null,
      rows: await latestPublished(db, { columnCode: code, limit: 5 }),
    })),
  );
  return {
    latest: await latestPublished(db, { limit: 8 }),
    areas,
    normative: await latestPublished(db, { kind: 'normative', limit: 6 }),
    interpretations: await latestPublished(db, { kind: 'interpretation', limit: 6 }),
    lastModified: await latestPublishedAt(db),
  };
}

/** The newest published interpretations (the portal's 政策解读 list). */
export async function latestInterpretations(database: Database, limit: number) {
  return latestPublished(database.db, { kind: 'interpretation', limit });
}
