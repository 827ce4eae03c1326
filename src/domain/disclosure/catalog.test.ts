import { describe, expect, it } from 'vitest';
import { eachEquals } from '../../../test/table';
import {
  ART20_CATEGORIES,
  CATEGORY_CODES,
  type CatalogLevel,
  categoryGroups,
  categoryLabel,
  categoryOfColumns,
  columnChain,
  defaultCatalog,
  itemCategory,
  matchPath,
  parseDisclosurePath,
  STANDARD_CODES,
  type TownshipChild,
  townshipArt21Fix,
} from './catalog';

describe('default catalog', () => {
  it('has the four standard columns in order and 15 Art. 20 categories under 法定主动公开内容', () => {
    const cat = defaultCatalog();
    expect(cat.map((c) => c.name)).toEqual([
      '政府信息公开指南',
      '政府信息公开制度',
      '法定主动公开内容',
      '政府信息公开年报',
    ]);
    const fd = cat[2]!;
    expect(fd.children.filter((c) => c.code?.startsWith('art20_'))).toHaveLength(15);
    expect(fd.children.filter((c) => c.code?.startsWith('art21_')).map((c) => c.name)).toEqual([
      '市政建设',
      '公共服务',
      '公益事业',
      '土地征收',
      '房屋征收',
      '治安管理',
      '社会救助',
    ]);
    expect(ART20_CATEGORIES[2]!.no).toBe('（三）');
  });

  it('gives every standard column a distinct code (the key that lines up the catalogs of different units)', () => {
    const codes = STANDARD_CODES.map((c) => c.code);
    expect(new Set(codes).size).toBe(codes.length);
    // The county tree, then the five township-only Art. 21 topics.
    expect(codes).toHaveLength(4 + 15 + 7 + 5);
    expect(STANDARD_CODES.find((c) => c.code === 'art20_3')?.name).toBe('法定主动公开内容 › 规划信息');
  });
});

describe('township catalog (条例 Art. 21, second list)', () => {
  it('gives 镇街 the township topics, sharing the county codes of topics in both lists', () => {
    const fd = defaultCatalog('township')[2]!;
    const art21 = fd.children.filter((c) => c.code?.startsWith('art21'));
    expect(art21.map((c) => c.name)).toEqual([
      '贯彻落实农业农村政策',
      '农田水利工程建设运营',
      '农村土地承包经营权流转',
      '宅基地使用情况审核',
      '土地征收',
      '房屋征收',
      '筹资筹劳',
      '社会救助',
    ]);
    expect(art21.filter((c) => !c.code!.startsWith('art21t_')).map((c) => c.code)).toEqual([
      'art21_4',
      'art21_5',
      'art21_7',
    ]);
    expect(fd.children.some((c) => c.name === '治安管理')).toBe(false);
    expect(fd.children.filter((c) => c.code?.startsWith('art20_'))).toHaveLength(15);
  });
});

describe("an item's 公开类别 (PUB-6)", () => {
  const allowed = (level: CatalogLevel) =>
    categoryGroups(level).flatMap((g) => g.options.map((o) => o.value));
  const chain = (...codes: (string | null)[]) => codes.map((code) => ({ code }));

  it('offers the Art. 20 categories and the Art. 21 list of the unit level, grouped', () => {
    expect(categoryGroups('county').map((g) => [g.label, g.options.length])).toEqual([
      ['条例第二十条', 15],
      ['条例第二十一条（县级人民政府及其部门）', 7],
    ]);
    expect(categoryGroups('township').map((g) => [g.label, g.options.length])).toEqual([
      ['条例第二十条', 15],
      ['条例第二十一条（乡、镇人民政府）', 8],
    ]);
    expect(categoryGroups('township')[1]!.options[0]).toEqual({
      value: 'art21t_1',
      label: '贯彻落实农业农村政策',
    });
    // Every offered code is one the contract accepts.
    for (const level of ['county', 'township'] as const)
      expect(allowed(level).every((c) => CATEGORY_CODES.includes(c))).toBe(true);
    expect(CATEGORY_CODES).toHaveLength(15 + 7 + 5);
  });

  // [chosen, column chain codes from the top, kind, level] → category or error.
  const cases: [
    string | null,
    (string | null)[],
    string,
    CatalogLevel,
    { category: string } | { error: string },
  ][] = [
    ['art20_3', [], 'general', 'county', { category: 'art20_3' }],
    ['art21_1', [], 'general', 'county', { category: 'art21_1' }],
    ['art21t_5', [], 'general', 'township', { category: 'art21t_5' }],
    // Topics in both lists keep the county code and are allowed everywhere.
    ['art21_7', [], 'general', 'township', { category: 'art21_7' }],
    ['art21_4', [], 'general', 'county', { category: 'art21_4' }],
    [
      'art21t_1',
      [],
      'general',
      'county',
      {
        error:
          '「贯彻落实农业农村政策」是乡、镇人民政府的第二十一条公开事项，不适用于本单位，请重新选择公开类别',
      },
    ],
    [
      'art21_1',
      [],
      'general',
      'township',
      { error: '「市政建设」是县级人民政府及其部门的第二十一条公开事项，不适用于镇街，请重新选择公开类别' },
    ],
    // Derived from the column: the nearest coded ancestor, through columns the office added.
    [null, ['fdzdgknr', 'art20_3'], 'general', 'county', { category: 'art20_3' }],
    [null, ['fdzdgknr', 'art21t_2', null, null], 'general', 'township', { category: 'art21t_2' }],
    [
      null,
      ['fdzdgknr', 'art21_6', null],
      'general',
      'township',
      { error: expect.stringContaining('「治安管理」') },
    ],
    // The chosen category wins over the column's.
    ['art20_15', ['fdzdgknr', 'art20_3'], 'general', 'county', { category: 'art20_15' }],
    // A normative document is (一) unless its column or the author says otherwise.
    [null, [], 'normative', 'county', { category: 'art20_1' }],
    [null, ['fdzdgknr', 'art21_7'], 'normative', 'township', { category: 'art21_7' }],
    // Columns that are no category (指南, 年报, the 法定主动公开内容 root, office columns) give none.
    [null, ['zn'], 'general', 'county', { error: '请选择公开类别' }],
    [null, ['fdzdgknr', null], 'general', 'county', { error: '请选择公开类别' }],
    [null, [], 'interpretation', 'county', { error: '请选择公开类别' }],
    ['', [], 'general', 'county', { error: '请选择公开类别' }],
    ['art22_1', [], 'general', 'county', { error: '公开类别不正确' }],
  ];
  it.each(cases)('chosen %s, columns %j, %s, %s', (chosen, codes, kind, level, expected) => {
    expect(itemCategory({ chosen, columnChain: chain(...codes), kind, level })).toEqual(expected);
  });

  it('finds the category of a column chain and labels it', () => {
    expect(categoryOfColumns(chain('fdzdgknr', 'art20_11', null))).toBe('art20_11');
    expect(categoryOfColumns(chain('nb'))).toBeNull();
    expect(categoryLabel('art20_3')).toBe('第二十条（三）规划信息');
    expect(categoryLabel('art21_2')).toBe('第二十一条 公共服务');
    expect(categoryLabel('art21t_5')).toBe('第二十一条 筹资筹劳');
    expect(categoryLabel('zn')).toBeNull();
    expect(categoryLabel(null)).toBeNull();
  });
});

describe('parseDisclosurePath', () => {
  eachEquals(parseDisclosurePath, [
    [
      '政府网站>政府信息公开>法定主动公开内容>规划信息>国民经济和社会发展规划',
      ['法定主动公开内容', '规划信息', '国民经济和社会发展规划'],
    ],
    ['政府信息公开＞政府信息公开工作年度报告', ['政府信息公开年报']],
    ['法定主动公开内容 > 财政预决算', ['法定主动公开内容', '财政预算决算']],
    ['政府信息公开', ['政府信息公开']],
  ]);
});

describe('matchPath', () => {
  const cols = [
    { id: 'a', parentId: null, name: '法定主动公开内容' },
    { id: 'b', parentId: 'a', name: '规划信息' },
    { id: 'c', parentId: null, name: '政府信息公开年报' },
  ];
  it.each([
    [['法定主动公开内容', '规划信息'], ['a', 'b'], [], 'b'],
    [['法定主动公开内容', '规划信息', '国民经济和社会发展规划'], ['a', 'b'], ['国民经济和社会发展规划'], 'b'],
    [['法定主动公开内容', '统计 信息'], ['a'], ['统计 信息'], 'a'],
    [['其他专项信息'], [], ['其他专项信息'], null],
    // a sub-column name only matches under its own parent
    [['规划信息'], [], ['规划信息'], null],
  ])('%j', (segments, matched, missing, parentId) => {
    expect(matchPath(cols, segments)).toEqual({ matched, missing, parentId });
  });
});

describe('columnChain', () => {
  const cols = [
    { id: 'a', parentId: null, name: '法定主动公开内容' },
    { id: 'b', parentId: 'a', name: '规划信息' },
    { id: 'c', parentId: 'b', name: '专项规划' },
    // a damaged link: x and y point at each other
    { id: 'x', parentId: 'y', name: 'x' },
    { id: 'y', parentId: 'x', name: 'y' },
  ];
  it.each([
    ['c', ['a', 'b', 'c']],
    ['a', ['a']],
    ['missing', []],
    [null, []],
  ])('%s → %j', (id, want) => {
    expect(columnChain(cols, id).map((c) => c.id)).toEqual(want);
  });
  it('stops on a cycle instead of looping', () => {
    expect(columnChain(cols, 'x').length).toBeLessThanOrEqual(cols.length);
  });
});

describe('townshipArt21Fix (back-fill of 镇街 catalogs seeded with the county list)', () => {
  const county = defaultCatalog('county')[2]!.children.map((c) => ({
    id: c.code!,
    code: c.code!,
    inUse: false,
  }));
  const township = defaultCatalog('township')[2]!.children.map((c) => ({
    id: c.code!,
    code: c.code!,
    inUse: false,
  }));
  const inUse = (rows: TownshipChild[], code: string) =>
    rows.map((r) => (r.code === code ? { ...r, inUse: true } : r));
  const summary = (rows: TownshipChild[]) => {
    const f = townshipArt21Fix(rows);
    return { add: f.add.map((a) => `${a.code}:${a.sort}`), remove: f.remove, keep: f.keep };
  };
  const added = ['art21t_1:15', 'art21t_2:16', 'art21t_3:17', 'art21t_4:18', 'art21t_5:21'];
  eachEquals(summary, [
    // A catalog seeded with the county list: township topics added, empty county-only topics removed.
    [county, { add: added, remove: ['art21_1', 'art21_2', 'art21_3', 'art21_6'], keep: [] }],
    // 治安管理 holds items: kept for the office to move them.
    [inUse(county, 'art21_6'), { add: added, remove: ['art21_1', 'art21_2', 'art21_3'], keep: ['art21_6'] }],
    // Already the township list: nothing to do (the back-fill is idempotent).
    [township, { add: [], remove: [], keep: [] }],
    // A township catalog where the office deleted a topic: left as it is.
    [township.filter((c) => c.code !== 'art21t_5'), { add: [], remove: [], keep: [] }],
    // The office already removed the county-only topics by hand: the township ones are still added.
    [
      county.filter((c) => !['art21_1', 'art21_2', 'art21_3', 'art21_6'].includes(c.code)),
      { add: added, remove: [], keep: [] },
    ],
    // Columns the office added by hand (no code) are never touched.
    [[...township, { id: 'x', code: null, inUse: false }], { add: [], remove: [], keep: [] }],
  ]);
});
