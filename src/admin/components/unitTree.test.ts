import { describe, expect, it } from 'vitest';
import type { UnitTreeNode } from '../../contracts/api';
import { filterTree, unitNameIndex } from './unitTree';

const n = (id: string, name: string, children: UnitTreeNode[] = []): UnitTreeNode => ({
  id,
  name,
  kind: 'department',
  children,
});
const tree = [
  n('gov', '某某区人民政府', [
    n('edu', '区教育局', [n('edu-office', '办公室')]),
    n('health', '区卫生健康委员会'),
    n('town', '城关镇人民政府', [n('town-office', '党政办公室')]),
  ]),
];
const ids = (nodes: UnitTreeNode[]): string[] => nodes.flatMap((x) => [x.id, ...ids(x.children)]);

describe('filterTree', () => {
  it.each([
    ['', ['gov', 'edu', 'edu-office', 'health', 'town', 'town-office']],
    ['  ', ['gov', 'edu', 'edu-office', 'health', 'town', 'town-office']],
    ['教育', ['gov', 'edu']],
    ['办公室', ['gov', 'edu', 'edu-office', 'town', 'town-office']],
    ['人民政府', ['gov', 'town']],
    ['公安', []],
  ])('%j keeps %j', (keyword, expected) => {
    expect(ids(filterTree(tree, keyword))).toEqual(expected);
  });
});

describe('unitNameIndex', () => {
  it('indexes every level', () => {
    const idx = unitNameIndex(tree);
    expect(idx.size).toBe(6);
    expect(idx.get('town-office')).toBe('党政办公室');
  });
});
