import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { unitRefsFromPlain } from '../units/plain';
import { createUnitIndex, expandGroup, resolveUnits } from '../units/resolve';
import { DEMO_DISTRICT, DEMO_GROUPS, DEMO_MEMBER_UNITS, DEMO_ROOT_UNIT, DEMO_UNITS } from './demo-district';
import { parseLeadingGroupNotice } from './leading-group-notice';

const SEED = readFileSync(
  new URL('../../../../shared/seeds/000_4dfb44639754fa34.txt', import.meta.url),
  'utf8',
);
const built = unitRefsFromPlain(DEMO_UNITS, DEMO_GROUPS);
const index = createUnitIndex(built.units, built.groups, {
  regionPrefixes: [...DEMO_DISTRICT.regionPrefixes],
  level: DEMO_DISTRICT.level,
});

describe('demo district 潼南区', () => {
  it('is a tree: one root government, every parent exists, no duplicate names', () => {
    expect(built.problems).toEqual([]);
    const roots = built.units.filter((u) => u.parentId === null);
    expect(roots.map((u) => [u.name, u.kind])).toEqual([[DEMO_ROOT_UNIT, 'government']]);
  });
  it('has 25 departments, one subdivision under the office, 4 townships', () => {
    const count = (k: string) => built.units.filter((u) => u.kind === k).length;
    expect([count('department'), count('subdivision'), count('township')]).toEqual([25, 1, 4]);
    const sub = built.units.find((u) => u.kind === 'subdivision');
    expect(sub?.parentId).toBe('区政府办公室');
  });
  it('every unit of the seed 000 member list and duty list resolves to a distinct demo department', () => {
    const notice = parseLeadingGroupNotice(SEED);
    const members = resolveUnits(index, notice.memberUnits);
    expect(members.every((r) => r.status === 'exact' || r.status === 'alias')).toBe(true);
    expect(new Set(members.map((r) => r.unitId)).size).toBe(25);
    const duties = resolveUnits(
      index,
      notice.duties.map((d) => d.unit),
    );
    expect(duties.map((r) => r.unitId)).toEqual(members.map((r) => r.unitId));
  });
  it('no alias is claimed by two units', () => {
    const seen = new Map<string, string>();
    for (const u of DEMO_UNITS) {
      for (const a of [u.name, ...u.aliases]) {
        expect(seen.get(a) ?? u.name).toBe(u.name);
        seen.set(a, u.name);
      }
    }
  });
  it('the groups name the addressees of seed 000 and 002', () => {
    const rs = resolveUnits(index, [
      '各镇人民政府、街道办事处',
      '区政府各部门',
      '有关单位',
      '区政府有关部门',
    ]);
    expect(rs.map((r) => [r.status, r.needsChoice])).toEqual([
      ['group', false],
      ['group', false],
      ['group', true],
      ['group', true],
    ]);
    expect(expandGroup(index, '领导小组各成员单位').map((u) => u.name)).toEqual(
      DEMO_MEMBER_UNITS.map((u) => u.name),
    );
  });
});
