import { describe, expect, it } from 'vitest';
import { eachReturns } from '../../../../test/table';
import type { UnitTreeNode } from '../../../contracts/api';
import {
  categoryOptions,
  columnCategory,
  columnTree,
  keyOf,
  publishingUnit,
  toBodyHtml,
  unitLevel,
} from './shared';

describe('toBodyHtml', () => {
  eachReturns(
    toBodyHtml,
    [
      ['第一段\n\n第二段', '<p>第一段</p><p>第二段</p>'],
      ['a < b & c', '<p>a &lt; b &amp; c</p>'],
      ['<p>已是 HTML</p>', '<p>已是 HTML</p>'],
      // What the rich-text editor sends for a typed tag: already HTML, passed through (still escaped).
      ['<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>', '<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>'],
      ['', ''],
    ],
    '%j',
  );
});

describe('columnTree', () => {
  it('nests children under their parent', () => {
    const t = columnTree([
      {
        id: 'a',
        unitId: 'u',
        parentId: null,
        name: '法定主动公开内容',
        code: 'fdzdgknr',
        sort: 0,
        itemCount: 0,
      },
      { id: 'b', unitId: 'u', parentId: 'a', name: '规划信息', code: 'art20_3', sort: 0, itemCount: 0 },
    ]);
    expect(t).toEqual([
      {
        value: 'a',
        key: 'a',
        title: '法定主动公开内容',
        children: [{ value: 'b', key: 'b', title: '规划信息', children: [] }],
      },
    ]);
  });
});

describe('keyOf', () => {
  it('matches the server key format', () => {
    expect(keyOf({ kind: 'mobile', text: '13812345678', start: 3, source: '正文' })).toBe(
      '正文|mobile|3|13812345678',
    );
  });
});

describe('publishingUnit', () => {
  const n = (id: string, kind: UnitTreeNode['kind'], children: UnitTreeNode[] = []): UnitTreeNode => ({
    id,
    name: id,
    kind,
    children,
  });
  const tree = [
    n('gov', 'government', [
      n('office', 'department', [n('xxk', 'subdivision', [n('team', 'subdivision')])]),
      n('town', 'township'),
    ]),
  ];
  it.each([
    ['a department publishes under itself', tree, 'office', 'office'],
    ['a 科室 publishes under its department', tree, 'xxk', 'office'],
    ['a 科室 inside a 科室 too', tree, 'team', 'office'],
    ['a 镇街 under itself', tree, 'town', 'town'],
    // A user who only sees their own 科室 (scoped tree) keeps it, as the server does.
    ['a scoped tree without the parent', [n('xxk', 'subdivision')], 'xxk', 'xxk'],
    ['a tree not loaded yet', [], 'xxk', 'xxk'],
  ])('%s', (_name, t, unit, want) => {
    expect(publishingUnit(t, unit)).toBe(want);
  });
  // Whose Art. 21 list a unit's items take (PUB-6).
  it.each([
    ['office', 'county'],
    ['town', 'township'],
    ['gov', 'county'],
    ['missing', 'county'],
    [null, 'county'],
  ] as const)('unit %s takes the %s Art. 21 list', (id, level) => {
    expect(unitLevel(tree, id)).toBe(level);
  });
});

describe('公开类别 in the item form (PUB-6)', () => {
  it('groups the options and pre-fills from the column or its nearest coded ancestor', () => {
    expect(categoryOptions('township').map((g) => g.label)).toEqual([
      '条例第二十条',
      '条例第二十一条（乡、镇人民政府）',
    ]);
    const row = (id: string, parentId: string | null, code: string | null) => ({
      id,
      unitId: 'u',
      parentId,
      name: id,
      code,
      sort: 0,
      itemCount: 0,
    });
    const rows = [
      row('fd', null, 'fdzdgknr'),
      row('jz', 'fd', 'art21_7'),
      row('ls', 'jz', null),
      row('zn', null, 'zn'),
    ];
    expect(columnCategory(rows, 'ls')).toBe('art21_7');
    expect(columnCategory(rows, 'jz')).toBe('art21_7');
    expect(columnCategory(rows, 'zn')).toBeNull();
    expect(columnCategory(rows, 'fd')).toBeNull();
    expect(columnCategory(rows, undefined)).toBeNull();
  });
});
