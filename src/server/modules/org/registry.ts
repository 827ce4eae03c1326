// The unit registry as the pure resolver sees it. Other modules (task imports, review checks) resolve names
// written in documents through this service, never through the org tables.

import { eq, or, sql } from 'drizzle-orm';
import {
  createUnitIndex,
  type Resolution,
  resolveUnits,
  type UnitGroupRef,
  type UnitIndex,
  type UnitRef,
} from '../../../domain/units';
import type { DbOrTx } from '../../db/client';
import { unitAliases, unitGroupMembers, unitGroups, units } from '../../db/schema/org';
import type { Actor } from '../../platform/context';
import { invalid } from '../../platform/errors';
import { rootUnit } from './directory';
import { createUnitTx, listGroups } from './units.service';

/** "重庆市潼南区" → ['重庆市', '潼南']: the region words that documents put in front of unit names. */
export function regionPrefixesOf(districtName: string): string[] {
  const out: string[] = [];
  let rest = districtName;
  for (;;) {
    const m = /^(.+?(?:省|自治区|市|自治州|盟))(.+)$/u.exec(rest);
    if (!m) break;
    out.push(m[1]!);
    rest = m[2]!;
  }
  const local = rest.replace(/(区|县|旗)$/u, '');
  if (local) out.push(local);
  return out.length ? out : [districtName];
}

export function levelOf(districtName: string): '区' | '县' | undefined {
  if (districtName.endsWith('区')) return '区';
  if (districtName.endsWith('县')) return '县';
  return undefined;
}

export async function loadUnitIndex(db: DbOrTx, districtName: string): Promise<UnitIndex> {
  const rows = await db.select().from(units);
  const aliases = await db.select().from(unitAliases);
  const groups = await db.select().from(unitGroups);
  const members = await db.select().from(unitGroupMembers);
  const refs: UnitRef[] = rows.map((u) => ({
    id: u.id,
    name: u.name,
    kind: u.kind,
    parentId: u.parentId,
    aliases: [
      ...(u.shortName ? [u.shortName] : []),
      ...aliases.filter((a) => a.unitId === u.id).map((a) => a.alias),
    ],
  }));
  const groupRefs: UnitGroupRef[] = groups.map((g) => ({
    id: g.id,
    name: g.name,
    aliases: g.aliases,
    needsChoice: g.needsChoice,
    members: {
      kinds: g.memberKinds as UnitRef['kind'][],
      unitIds: members.filter((m) => m.groupId === g.id).map((m) => m.unitId),
    },
  }));
  return createUnitIndex(refs, groupRefs, {
    regionPrefixes: regionPrefixesOf(districtName),
    level: levelOf(districtName),
  });
}

export async function resolveNames(
  db: DbOrTx,
  districtName: string,
  written: string[],
): Promise<Resolution[]> {
  return resolveUnits(await loadUnitIndex(db, districtName), written);
}

/**
 * A unit mapping the officer made by hand on an import preview (a name the registry could not resolve, mapped to
 * one unit) is remembered as that unit's alias, so the next notice resolves it by itself (issue 14 part 4). Names
 * already known — a unit's name, an alias, a group — and names mapped to several units are left alone. Returns the
 * aliases added, in the caller's transaction (its audit row names them).
 */
export async function learnAliases(
  tx: DbOrTx,
  districtName: string,
  mappings: readonly { written: string; unitIds: readonly string[] }[],
): Promise<{ alias: string; unitId: string }[]> {
  const single = new Map<string, string>();
  for (const m of mappings) {
    const w = m.written.trim();
    if (m.unitIds.length !== 1 || w.length < 2 || w.length > 50) continue;
    if (single.has(w) && single.get(w) !== m.unitIds[0])
      single.set(w, ''); // mapped two ways: not learnt
    else single.set(w, m.unitIds[0]!);
  }
  const candidates = [...single].filter(([, id]) => id !== '');
  if (!candidates.length) return [];
  const resolved = await resolveNames(
    tx,
    districtName,
    candidates.map(([w]) => w),
  );
  // Only what the registry could not name by itself (a suggestion or nothing) is learnt.
  const learnt = candidates
    .filter((_, i) => resolved[i]!.status === 'suggestion' || resolved[i]!.status === 'unknown')
    .map(([alias, unitId]) => ({ alias, unitId }));
  if (!learnt.length) return [];
  // An alias another unit already holds stays with it (the unique index would refuse it anyway).
  const added = await tx.insert(unitAliases).values(learnt).onConflictDoNothing().returning();
  return added.map((a) => ({ alias: a.alias, unitId: a.unitId }));
}

/**
 * A unit an imported notice names and the registry lacks, created from the import preview with the kind the
 * officer chose (issue 14 part 4): under the district government, audited like every new unit, in the caller's
 * transaction. A name another unit already holds is refused (409).
 */
export async function createUnitFromNotice(
  tx: DbOrTx,
  actor: Actor,
  input: { name: string; kind: 'department' | 'township' },
): Promise<string> {
  const root = await rootUnit(tx);
  if (!root) throw invalid('尚未设置本级人民政府，不能新建单位');
  return createUnitTx(tx, actor, { name: input.name, kind: input.kind, parentId: root.id });
}

/** A unit group's members as the registry expands them (kinds and listed units); null when there is no such group. */
export async function groupMembers(
  db: DbOrTx,
  groupId: string,
): Promise<{ name: string; memberUnitIds: string[] } | null> {
  const g = (await listGroups(db)).find((x) => x.id === groupId);
  return g ? { name: g.name, memberUnitIds: g.memberUnitIds } : null;
}

/**
 * The officer stood a written name ("区级其他有关部门") for a unit group: the name becomes the group's alias, so
 * the next notice resolves it to that group by itself. Only a name the registry could not name exactly (a
 * suggestion, nothing, or a group that asks for a choice) is learnt, and never one that already is a group's
 * name or alias. Returns whether it was added (the caller's audit row names it).
 */
export async function learnGroupAlias(
  tx: DbOrTx,
  districtName: string,
  groupId: string,
  written: string,
): Promise<boolean> {
  const w = written.trim();
  if (w.length < 2 || w.length > 50) return false;
  const [r] = await resolveNames(tx, districtName, [w]);
  const learnable =
    r?.status === 'unknown' ||
    r?.status === 'suggestion' ||
    (r?.status === 'group' && r.needsChoice === true);
  if (!learnable) return false;
  const taken = await tx
    .select({ id: unitGroups.id })
    .from(unitGroups)
    .where(or(eq(unitGroups.name, w), sql`${w} = ANY(${unitGroups.aliases})`));
  if (taken.length) return false;
  const updated = await tx
    .update(unitGroups)
    .set({ aliases: sql`array_append(${unitGroups.aliases}, ${w})` })
    .where(eq(unitGroups.id, groupId))
    .returning({ id: unitGroups.id });
  return updated.length > 0;
}
