// The 政府信息公开 catalog (issue 5 part 1). Four standard first-level columns (REGULATIONS.md §4, order [V-3P],
// prescribed by 61号 [M]); under 法定主动公开内容 the 15 categories of 条例 Art. 20 and the topics of Art. 21
// (REGULATIONS.md §1.1 [V S1]). Each unit has its own tree, seeded from this default and edited by the office.

export const STANDARD_COLUMNS = [
  { code: 'zn', name: '政府信息公开指南' },
  { code: 'zd', name: '政府信息公开制度' },
  { code: 'fdzdgknr', name: '法定主动公开内容' },
  { code: 'nb', name: '政府信息公开年报' },
] as const;
export type StandardColumnCode = (typeof STANDARD_COLUMNS)[number]['code'];

/** Art. 20 categories, numbered (一)–(十五) as the enum of REGULATIONS.md §1.1; short labels for columns. */
export const ART20_CATEGORIES = [
  { code: 'art20_1', no: '（一）', name: '行政法规、规章和规范性文件' },
  { code: 'art20_2', no: '（二）', name: '机关职能' },
  { code: 'art20_3', no: '（三）', name: '规划信息' },
  { code: 'art20_4', no: '（四）', name: '统计信息' },
  { code: 'art20_5', no: '（五）', name: '行政许可和对外管理服务' },
  { code: 'art20_6', no: '（六）', name: '行政处罚和行政强制' },
  { code: 'art20_7', no: '（七）', name: '财政预算决算' },
  { code: 'art20_8', no: '（八）', name: '行政事业性收费' },
  { code: 'art20_9', no: '（九）', name: '政府集中采购' },
  { code: 'art20_10', no: '（十）', name: '重大建设项目' },
  { code: 'art20_11', no: '（十一）', name: '扶贫教育医疗社保就业' },
  { code: 'art20_12', no: '（十二）', name: '突发公共事件应对' },
  { code: 'art20_13', no: '（十三）', name: '监督检查情况' },
  { code: 'art20_14', no: '（十四）', name: '公务员招考' },
  { code: 'art20_15', no: '（十五）', name: '其他应主动公开的信息' },
] as const;
export type Art20Code = (typeof ART20_CATEGORIES)[number]['code'];

// Art. 21 topics in both lists (the county code, so the cross-unit column filter finds them in every catalog).
const LAND_TAKING = { code: 'art21_4', name: '土地征收' } as const;
const HOUSE_TAKING = { code: 'art21_5', name: '房屋征收' } as const;
const SOCIAL_RELIEF = { code: 'art21_7', name: '社会救助' } as const;

/** Art. 21 topics of 设区的市级、县级人民政府及其部门 (the district level Gongkai serves), coded art21_1…7. */
export const ART21_TOPICS = [
  { code: 'art21_1', name: '市政建设' },
  { code: 'art21_2', name: '公共服务' },
  { code: 'art21_3', name: '公益事业' },
  LAND_TAKING,
  HOUSE_TAKING,
  { code: 'art21_6', name: '治安管理' },
  SOCIAL_RELIEF,
] as const;

/** Art. 21 topics of 乡(镇)人民政府 (REGULATIONS.md §1.1: a second list, not the county one). */
export const ART21_TOWNSHIP_TOPICS = [
  { code: 'art21t_1', name: '贯彻落实农业农村政策' },
  { code: 'art21t_2', name: '农田水利工程建设运营' },
  { code: 'art21t_3', name: '农村土地承包经营权流转' },
  { code: 'art21t_4', name: '宅基地使用情况审核' },
  LAND_TAKING,
  HOUSE_TAKING,
  { code: 'art21t_5', name: '筹资筹劳' },
  SOCIAL_RELIEF,
] as const;

/** Whose Art. 21 list a catalog takes: 镇街 the township list, every other unit the county list. */
export type CatalogLevel = 'county' | 'township';

// ---- 公开类别 of an item (PUB-6: one Art. 20 category or one Art. 21 topic) ----

const art21List = (level: CatalogLevel) => (level === 'township' ? ART21_TOWNSHIP_TOPICS : ART21_TOPICS);

/** Every code an item's 公开类别 may take in some unit: the Art. 20 categories and both Art. 21 lists. */
export const CATEGORY_CODES: readonly [string, ...string[]] = [
  ...ART20_CATEGORIES.map((a) => a.code),
  ...ART21_TOPICS.map((t) => t.code),
  ...ART21_TOWNSHIP_TOPICS.filter((t) => t.code.startsWith('art21t_')).map((t) => t.code),
] as [string, ...string[]];
const CATEGORY_SET = new Set<string>(CATEGORY_CODES);

export interface CategoryGroup {
  label: string;
  options: { value: string; label: string }[];
}

/** The 公开类别 a unit of this level may choose, grouped: the Art. 20 categories, then its own Art. 21 list. */
export function categoryGroups(level: CatalogLevel): CategoryGroup[] {
  return [
    {
      label: '条例第二十条',
      options: ART20_CATEGORIES.map((a) => ({ value: a.code, label: `${a.no}${a.name}` })),
    },
    {
      label:
        level === 'township' ? '条例第二十一条（乡、镇人民政府）' : '条例第二十一条（县级人民政府及其部门）',
      options: art21List(level).map((t) => ({ value: t.code, label: t.name })),
    },
  ];
}

/** "第二十条（三）规划信息", "第二十一条 市政建设"; null for a code that is no category. */
export function categoryLabel(code: string | null | undefined): string | null {
  const a20 = ART20_CATEGORIES.find((a) => a.code === code);
  if (a20) return `第二十条${a20.no}${a20.name}`;
  const a21 = [...ART21_TOPICS, ...ART21_TOWNSHIP_TOPICS].find((t) => t.code === code);
  return a21 ? `第二十一条 ${a21.name}` : null;
}

/** The category a column files its items under: the nearest coded ancestor's (the chain runs from the top). */
export function categoryOfColumns(chain: readonly { code?: string | null }[]): string | null {
  for (let i = chain.length - 1; i >= 0; i--) {
    const code = chain[i]!.code;
    if (code && CATEGORY_SET.has(code)) return code;
  }
  return null;
}

export type CategoryResult = { category: string } | { error: string };

/**
 * An item's 公开类别 (PUB-6): the one chosen, else its column's, else (一) for a normative document; it must be an
 * Art. 20 category or a topic of the unit's own Art. 21 list (a 镇街 the township list, other units the county one).
 */
export function itemCategory(v: {
  chosen?: string | null;
  columnChain: readonly { code?: string | null }[];
  kind: string;
  level: CatalogLevel;
}): CategoryResult {
  const category =
    v.chosen || categoryOfColumns(v.columnChain) || (v.kind === 'normative' ? 'art20_1' : null);
  if (!category) return { error: '请选择公开类别' };
  if (!CATEGORY_SET.has(category)) return { error: '公开类别不正确' };
  if (category.startsWith('art20_') || art21List(v.level).some((t) => t.code === category))
    return { category };
  const name = [...ART21_TOPICS, ...ART21_TOWNSHIP_TOPICS].find((t) => t.code === category)!.name;
  return {
    error:
      v.level === 'township'
        ? `「${name}」是县级人民政府及其部门的第二十一条公开事项，不适用于镇街，请重新选择公开类别`
        : `「${name}」是乡、镇人民政府的第二十一条公开事项，不适用于本单位，请重新选择公开类别`,
  };
}

export interface CatalogNode {
  name: string;
  /** Standard column code, Art. 20 or Art. 21 code, or undefined for a column the office added. */
  code?: string;
  children: CatalogNode[];
}

/** The tree every unit's catalog starts from (one per unit; the office edits each afterwards). */
export function defaultCatalog(level: CatalogLevel = 'county'): CatalogNode[] {
  const art21 = level === 'township' ? ART21_TOWNSHIP_TOPICS : ART21_TOPICS;
  return STANDARD_COLUMNS.map((c) => ({
    name: c.name,
    code: c.code,
    children:
      c.code === 'fdzdgknr'
        ? [...ART20_CATEGORIES, ...art21].map((a) => ({ name: a.name, code: a.code, children: [] }))
        : [],
  }));
}

/** A column under a 镇街's 法定主动公开内容, as the back-fill of the township Art. 21 list sees it. */
export interface TownshipChild {
  id: string;
  code: string | null;
  /** It holds items or sub-columns, so it cannot simply go. */
  inUse: boolean;
}

export interface TownshipArt21Fix {
  /** Township topics the catalog lacks, with the sort they take after the fifteen Art. 20 columns. */
  add: { code: string; name: string; sort: number }[];
  /** Empty columns of county-only topics (seeded before 镇街 took the township list). */
  remove: string[];
  /** County-only topic columns kept because they hold items or sub-columns (the office decides). */
  keep: string[];
}

const TOWNSHIP_CODES = new Set<string>(ART21_TOWNSHIP_TOPICS.map((t) => t.code));
const COUNTY_ONLY_CODES = new Set<string>(
  ART21_TOPICS.filter((t) => !TOWNSHIP_CODES.has(t.code)).map((t) => t.code),
);

/**
 * What turns a 镇街 catalog seeded with the county Art. 21 list into the township one (条例 Art. 21): the missing
 * township topics are added, the county-only topics removed when empty and kept otherwise. A catalog seeded with
 * the township list (no county-only topic, some township-only one) is left as the office keeps it.
 */
export function townshipArt21Fix(children: readonly TownshipChild[]): TownshipArt21Fix {
  const have = new Set(children.map((c) => c.code).filter((c): c is string => !!c));
  // Seeded with the township list already: a county-only topic is absent and some township-only topic present.
  const countySeeded =
    [...have].some((c) => COUNTY_ONLY_CODES.has(c)) || ![...have].some((c) => c.startsWith('art21t_'));
  if (!countySeeded) return { add: [], remove: [], keep: [] };
  return {
    add: ART21_TOWNSHIP_TOPICS.map((t, i) => ({
      code: t.code,
      name: t.name,
      sort: ART20_CATEGORIES.length + i,
    })).filter((t) => !have.has(t.code)),
    remove: children.filter((c) => c.code && COUNTY_ONLY_CODES.has(c.code) && !c.inUse).map((c) => c.id),
    keep: children.filter((c) => c.code && COUNTY_ONLY_CODES.has(c.code) && c.inUse).map((c) => c.id),
  };
}

/** Every coded column (the same in each unit's catalog), in catalog order: the portal's cross-unit column filter. */
export const STANDARD_CODES: readonly { code: string; name: string }[] = [
  ...defaultCatalog().flatMap((top) => [
    { code: top.code!, name: top.name },
    ...top.children.map((k) => ({ code: k.code!, name: `${top.name} › ${k.name}` })),
  ]),
  // The township-only Art. 21 topics (the shared ones are listed above under the county code).
  ...ART21_TOWNSHIP_TOPICS.filter((t) => t.code.startsWith('art21t_')).map((t) => ({
    code: t.code,
    name: `法定主动公开内容 › ${t.name}`,
  })),
];

// Prefixes that name the site, not a column: "政府网站>政府信息公开>法定主动公开内容>…".
const SITE_PREFIXES = ['政府网站', '门户网站', '政府门户网站', '区政府网站', '政府信息公开', '政务公开'];
// Names written in notices for standard columns (61号 allows 工作年度报告 for 年报, REGULATIONS.md §4).
const COLUMN_SYNONYMS: Record<string, string> = {
  政府信息公开工作年度报告: '政府信息公开年报',
  信息公开指南: '政府信息公开指南',
  信息公开制度: '政府信息公开制度',
  信息公开年报: '政府信息公开年报',
  规划计划: '规划信息',
  财政信息: '财政预算决算',
  财政预决算: '财政预算决算',
};

/** "政府网站>政府信息公开>法定主动公开内容>规划信息>国民经济和社会发展规划" → the column names below the site. */
export function parseDisclosurePath(path: string): string[] {
  const parts = path
    .split(/\s*(?:>|＞|→|›|»|\/|、)\s*/u)
    .map((s) => s.trim().replace(/^[“"「『]|[”"」』]$/gu, ''))
    .filter(Boolean);
  let i = 0;
  while (i < parts.length - 1 && SITE_PREFIXES.includes(parts[i]!)) i++;
  return parts.slice(i).map((p) => COLUMN_SYNONYMS[p] ?? p);
}

export interface FlatColumn {
  id: string;
  parentId: string | null;
  name: string;
}

export interface PathMatch {
  /** Ids of the matched columns, from the top. */
  matched: string[];
  /** Names below the deepest match that do not exist yet (to be created under `parentId`). */
  missing: string[];
  /** Column under which `missing` would be created; null when nothing matched (top level). */
  parentId: string | null;
}

const norm = (s: string) => s.replace(/[\s　]/gu, '');

/** Walks the path down the tree; names compare without spaces. A missing level stops the walk. */
export function matchPath(columns: readonly FlatColumn[], segments: readonly string[]): PathMatch {
  const matched: string[] = [];
  let parent: string | null = null;
  let i = 0;
  for (; i < segments.length; i++) {
    const seg = norm(segments[i]!);
    const hit = columns.find((c) => c.parentId === parent && norm(c.name) === seg);
    if (!hit) break;
    matched.push(hit.id);
    parent = hit.id;
  }
  return { matched, missing: segments.slice(i), parentId: parent };
}

/** The column and its ancestors, from the top of the tree down (empty when `id` is not in `cols`). */
export function columnChain<T extends FlatColumn>(cols: readonly T[], id: string | null): T[] {
  const chain: T[] = [];
  // Bounded by the tree's size, so a damaged parent link cannot loop forever.
  let cur = cols.find((c) => c.id === id);
  while (cur && chain.length < cols.length) {
    chain.unshift(cur);
    const parentId = cur.parentId;
    cur = cols.find((c) => c.id === parentId);
  }
  return chain;
}
