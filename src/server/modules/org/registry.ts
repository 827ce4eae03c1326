// The unit registry as the pure resolver sees it. Other modules (task imports, review checks) resolve names
// written in documents through this service, never through the org tables.
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
