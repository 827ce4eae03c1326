// Units and groups written as plain data (parent by name, no ids), as seed/demo data and spreadsheets give them.
import type { UnitGroupRef, UnitKind, UnitRef } from './resolve';

export interface PlainUnit {
  name: string;
  kind: UnitKind;
  /** name of the parent unit; null for the root government */
  parent: string | null;
  aliases: string[];
}

export interface PlainUnitGroup {
  name: string;
  aliases: string[];
  needsChoice: boolean;
  members: { kinds?: UnitKind[]; unitNames?: string[] };
}

/**
 * Give plain units ids (by default the name itself, which is unique within a district) and link parents.
 * Problems (duplicate names, unknown parents or group members) are returned in Chinese, not thrown.
 */
export function unitRefsFromPlain(
  units: readonly PlainUnit[],
  groups: readonly PlainUnitGroup[],
  idOf: (name: string) => string = (name) => name,
): { units: UnitRef[]; groups: UnitGroupRef[]; problems: string[] } {
  const problems: string[] = [];
  const ids = new Map<string, string>();
  for (const u of units) {
    if (ids.has(u.name)) problems.push(`单位名称重复：${u.name}`);
    ids.set(u.name, idOf(u.name));
  }
  const refs: UnitRef[] = units.map((u) => {
    let parentId: string | null = null;
    if (u.parent !== null) {
      parentId = ids.get(u.parent) ?? null;
      if (parentId === null) problems.push(`单位「${u.name}」的上级单位「${u.parent}」不存在`);
    }
    return {
      id: ids.get(u.name) ?? idOf(u.name),
      name: u.name,
      kind: u.kind,
      parentId,
      aliases: [...u.aliases],
    };
  });
  const groupRefs: UnitGroupRef[] = groups.map((g) => {
    const unitIds: string[] = [];
    for (const n of g.members.unitNames ?? []) {
      const id = ids.get(n);
      if (id === undefined) problems.push(`单位集合「${g.name}」的成员「${n}」不存在`);
      else unitIds.push(id);
    }
    const members: UnitGroupRef['members'] = {};
    if (g.members.kinds) members.kinds = [...g.members.kinds];
    if (g.members.unitNames) members.unitIds = unitIds;
    return { id: idOf(g.name), name: g.name, aliases: [...g.aliases], needsChoice: g.needsChoice, members };
  });
  return { units: refs, groups: groupRefs, problems };
}
