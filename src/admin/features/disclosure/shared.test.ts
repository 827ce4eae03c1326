import { describe, expect, it } from 'vitest';
import { eachReturns } from '../../../../test/table';
import type { UnitTreeNode } from '../../../contracts/api';
import { columnTree, keyOf, publishingUnit, toBodyHtml } from './shared';

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
});
