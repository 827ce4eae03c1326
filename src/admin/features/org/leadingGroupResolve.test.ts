import { describe, expect, it } from 'vitest';
import { eachReturns } from '../../../../test/table';
import type { LeadingGroupNotice, MatchStatus, UnitMatch } from '../../../contracts/api';
import { commitBody, initialResolutions, type Resolution, unresolvedCount } from './leadingGroupResolve';

const m = (written: string, status: MatchStatus, unitId?: string, suggestions: string[] = []): UnitMatch => ({
  written,
  status,
  unitId,
  unitName: unitId ? `${written}(${unitId})` : undefined,
  confidence: unitId ? 1 : 0.5,
  suggestions: suggestions.map((id) => ({ unitId: id, unitName: id, confidence: 0.8, reason: '相似' })),
});

describe('initialResolutions', () => {
  it.each<[UnitMatch, Resolution]>([
    [m('区政府办', 'exact', 'u1'), { unitId: 'u1' }],
    [m('区发改局', 'alias', 'u2'), { unitId: 'u2' }],
    [m('区 教育局', 'normalized', 'u3'), { unitId: 'u3' }],
    [m('各镇街', 'group', 'g1'), { unitId: 'g1' }],
    [m('各镇街', 'group'), null], // a group that needs a choice
    // a suggestion is never accepted silently, even if the server put its best guess in unitId
    [m('区卫健委', 'suggestion', 'u4', ['u4', 'u5']), null],
    [m('区数据局', 'unknown'), null],
  ])('%j -> %j', (match, expected) => {
    expect(initialResolutions([match])).toEqual([expected]);
  });
});

describe('unresolvedCount', () => {
  eachReturns(
    unresolvedCount,
    [
      [[], 0],
      [[{ unitId: 'a' }, { create: true }], 0],
      [[{ unitId: 'a' }, null, null], 2],
    ],
    '%j -> %i',
  );
});

describe('commitBody', () => {
  const notice = { title: '关于调整区政务公开工作领导小组的通知' } as LeadingGroupNotice;
  const matches = [
    m('区政府办', 'exact', 'u1'),
    m('区卫健委', 'suggestion', undefined, ['u5']),
    m('区数据局', 'unknown'),
  ];

  it('maps each written name to its unit or to creation, in order', () => {
    expect(commitBody(notice, matches, [{ unitId: 'u1' }, { unitId: 'u5' }, { create: true }])).toEqual({
      notice,
      resolutions: [
        { written: '区政府办', unitId: 'u1' },
        { written: '区卫健委', unitId: 'u5' },
        { written: '区数据局', create: true },
      ],
    });
  });
  it('refuses while a row is unresolved', () => {
    expect(() => commitBody(notice, matches, [{ unitId: 'u1' }, null, { create: true }])).toThrow('区卫健委');
  });
  it('refuses misaligned resolutions', () => {
    expect(() => commitBody(notice, matches, [{ unitId: 'u1' }])).toThrow();
  });
});
