// Unit-name resolution: maps a unit name as written in a document to a registered unit or unit group.
// Pure: the registry is a parameter (createUnitIndex), nothing is read from the database here.
import { cleanUnitName, normalizeUnitName, splitParenthesised, stripRegionPrefix } from './normalize';
import { nameSimilarity } from './similarity';

export const UNIT_KINDS = ['government', 'department', 'township', 'subdivision'] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];

export interface UnitRef {
  id: string;
  name: string;
  kind: UnitKind;
  parentId: string | null;
  aliases: string[];
}

/** A collective name such as 区政府各部门; members are all units of the given kinds plus the listed ids. */
export interface UnitGroupRef {
  id: string;
  name: string;
  aliases: string[];
  /** true when the group does not say which units are meant (区政府有关部门): a person must choose. */
  needsChoice: boolean;
  members: { kinds?: UnitKind[]; unitIds?: string[] };
}

/** Display labels for MatchStatus (import review screens). */
export const MATCH_STATUS_LABELS = {
  exact: '名称一致',
  alias: '别名/简称',
  normalized: '规范化后一致',
  group: '单位集合',
  suggestion: '疑似，需确认',
  unknown: '未匹配',
};
export type MatchStatus = keyof typeof MATCH_STATUS_LABELS;

export interface UnitSuggestion {
  unitId: string;
  unitName: string;
  confidence: number;
  reason: string;
}

export interface Resolution {
  written: string;
  status: MatchStatus;
  unitId?: string;
  unitName?: string;
  groupId?: string;
  groupName?: string;
  /** For a group: its members; when needsChoice, the candidates to choose from. */
  memberUnitIds?: string[];
  needsChoice?: boolean;
  confidence: number;
  suggestions: UnitSuggestion[];
  /** Chinese notes for the person checking the import (level mismatch, several names in one, …). */
  warnings: string[];
}

export interface UnitIndexOptions {
  /** Region names stripped before comparing, e.g. ['重庆市', '潼南']; 区/县 after them is stripped too. */
  regionPrefixes?: string[];
  /** The level of the owning government. When set, names written with the other prefix get a warning. */
  level?: '区' | '县';
  /** A suggestion at or above this score makes the status 'suggestion'; below it the name is 'unknown'. */
  suggestionThreshold?: number;
  /** Suggestions below this score are not listed at all. */
  minSuggestionScore?: number;
  maxSuggestions?: number;
}

type Target = { type: 'unit'; id: string } | { type: 'group'; id: string };

interface Candidate {
  unitId: string;
  /** normalised keys (abbreviations rewritten) */
  keys: string[];
  /** prefix-stripped forms with the words as written, for typo scoring */
  plain: string[];
}

export interface UnitIndex {
  readonly units: ReadonlyMap<string, UnitRef>;
  readonly groups: ReadonlyMap<string, UnitGroupRef>;
  readonly regionPrefixes: readonly string[];
  readonly level: '区' | '县' | undefined;
  readonly suggestionThreshold: number;
  readonly minSuggestionScore: number;
  readonly maxSuggestions: number;
  readonly byName: ReadonlyMap<string, Target[]>;
  readonly byAlias: ReadonlyMap<string, Target[]>;
  readonly byKey: ReadonlyMap<string, Target[]>;
  readonly candidates: readonly Candidate[];
}

function push(map: Map<string, Target[]>, key: string, t: Target): void {
  if (!key) return;
  const list = map.get(key) ?? [];
  if (!list.some((x) => x.type === t.type && x.id === t.id)) list.push(t);
  map.set(key, list);
}

/** A name "甲（乙）" stands for both 甲 and 乙: return the name plus those two. */
function spellings(name: string, aliases: readonly string[]): { names: string[]; aliases: string[] } {
  const derived: string[] = [];
  for (const s of [name, ...aliases]) {
    const p = splitParenthesised(cleanUnitName(s));
    if (p) derived.push(p.outer, p.inner);
  }
  return { names: [name], aliases: [...aliases, ...derived] };
}

export function createUnitIndex(
  units: UnitRef[],
  groups: UnitGroupRef[],
  opts: UnitIndexOptions = {},
): UnitIndex {
  const regionPrefixes = opts.regionPrefixes ?? [];
  const byName = new Map<string, Target[]>();
  const byAlias = new Map<string, Target[]>();
  const byKey = new Map<string, Target[]>();
  const candidates: Candidate[] = [];
  const add = (t: Target, name: string, aliases: readonly string[]): Candidate => {
    const sp = spellings(name, aliases);
    push(byName, name.trim(), t);
    for (const a of sp.aliases) push(byAlias, a.trim(), t);
    const all = [...sp.names, ...sp.aliases];
    const keys = [...new Set(all.map((s) => normalizeUnitName(s, regionPrefixes)))];
    for (const k of keys) push(byKey, k, t);
    const plain = [...new Set(all.map((s) => stripRegionPrefix(cleanUnitName(s), regionPrefixes)))];
    return { unitId: t.id, keys, plain };
  };
  for (const u of units) candidates.push(add({ type: 'unit', id: u.id }, u.name, u.aliases));
  for (const g of groups) add({ type: 'group', id: g.id }, g.name, g.aliases);
  return {
    units: new Map(units.map((u) => [u.id, u])),
    groups: new Map(groups.map((g) => [g.id, g])),
    regionPrefixes,
    level: opts.level,
    suggestionThreshold: opts.suggestionThreshold ?? 0.6,
    minSuggestionScore: opts.minSuggestionScore ?? 0.4,
    maxSuggestions: opts.maxSuggestions ?? 3,
    byName,
    byAlias,
    byKey,
    candidates,
  };
}

/** Members of a group, in registry order, without duplicates. Unknown group id → []. */
export function expandGroup(index: UnitIndex, groupId: string): UnitRef[] {
  const g = index.groups.get(groupId);
  if (!g) return [];
  const kinds = new Set(g.members.kinds ?? []);
  const ids = new Set(g.members.unitIds ?? []);
  return [...index.units.values()].filter((u) => kinds.has(u.kind) || ids.has(u.id));
}

const CONFIDENCE = { exact: 1, alias: 1, normalized: 0.95, parenthesis: 0.9, partial: 0.8 } as const;

function unresolved(written: string): Resolution {
  return { written, status: 'unknown', confidence: 0, suggestions: [], warnings: [] };
}

function fromTarget(
  index: UnitIndex,
  written: string,
  t: Target,
  status: MatchStatus,
  confidence: number,
): Resolution {
  if (t.type === 'group') {
    const g = index.groups.get(t.id);
    return {
      written,
      status: 'group',
      groupId: t.id,
      groupName: g?.name ?? t.id,
      memberUnitIds: expandGroup(index, t.id).map((u) => u.id),
      needsChoice: g?.needsChoice ?? false,
      confidence,
      suggestions: [],
      warnings: [],
    };
  }
  const u = index.units.get(t.id);
  return {
    written,
    status,
    unitId: t.id,
    unitName: u?.name ?? t.id,
    confidence,
    suggestions: [],
    warnings: [],
  };
}

function ambiguous(index: UnitIndex, written: string, targets: Target[]): Resolution {
  const units = targets.flatMap((t) => (t.type === 'unit' ? [index.units.get(t.id)] : []));
  return {
    written,
    status: 'suggestion',
    confidence: 0.5,
    suggestions: units.flatMap((u) =>
      u ? [{ unitId: u.id, unitName: u.name, confidence: 0.5, reason: '多个单位名称规范化后相同' }] : [],
    ),
    warnings: [`「${written}」可对应多个单位，请人工选择`],
  };
}

/** exact, alias and normalised look-ups only; null when none matches. */
export function lookupRegistered(index: UnitIndex, written: string): Resolution | null {
  const raw = written.trim();
  const pick = (targets: Target[] | undefined, status: MatchStatus, confidence: number) => {
    if (!targets || targets.length === 0) return null;
    if (targets.length > 1) return ambiguous(index, written, targets);
    const [t] = targets;
    return t ? fromTarget(index, written, t, status, confidence) : null;
  };
  return (
    pick(index.byName.get(raw), 'exact', CONFIDENCE.exact) ??
    pick(index.byAlias.get(raw), 'alias', CONFIDENCE.alias) ??
    pick(index.byKey.get(normalizeUnitName(raw, index.regionPrefixes)), 'normalized', CONFIDENCE.normalized)
  );
}

function suggest(index: UnitIndex, written: string): UnitSuggestion[] {
  const key = normalizeUnitName(written, index.regionPrefixes);
  const plain = stripRegionPrefix(cleanUnitName(written), index.regionPrefixes);
  const out: UnitSuggestion[] = [];
  for (const c of index.candidates) {
    let best = 0;
    let reason = '';
    for (const k of c.keys) {
      const s = nameSimilarity(key, k);
      if (s > best) {
        best = s;
        reason = `规范化名称相近（${key} ≈ ${k}）`;
      }
      // A truncated name ("区交通" for 区交通局) is contained in the registered one.
      const [shorter, longer] = key.length <= k.length ? [key, k] : [k, key];
      if (shorter.length >= 2 && longer.includes(shorter)) {
        const s2 = 0.5 + (0.4 * shorter.length) / longer.length;
        if (s2 > best) {
          best = s2;
          reason = `名称包含（${shorter} ⊂ ${longer}）`;
        }
      }
    }
    for (const p of c.plain) {
      const s = nameSimilarity(plain, p);
      if (s > best) {
        best = s;
        reason = `名称相近（${plain} ≈ ${p}）`;
      }
    }
    if (best >= index.minSuggestionScore) {
      const u = index.units.get(c.unitId);
      if (u) out.push({ unitId: u.id, unitName: u.name, confidence: round(best), reason });
    }
  }
  return out
    .sort((a, b) => b.confidence - a.confidence || a.unitName.localeCompare(b.unitName))
    .slice(0, index.maxSuggestions);
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}

function levelWarnings(index: UnitIndex, written: string): string[] {
  if (!index.level) return [];
  let s = cleanUnitName(written);
  for (const p of [...index.regionPrefixes].sort((a, b) => b.length - a.length)) {
    if (s.startsWith(p) && s.length > p.length) s = s.slice(p.length);
  }
  const other = index.level === '区' ? '县' : '区';
  if (s.startsWith(other) && !s.startsWith('区县')) {
    return [`「${written}」以“${other}”开头，本级为“${index.level}”，可能照抄了其他地方的文件，请核对`];
  }
  return [];
}

const LIST_SEPARATORS = /[、，,；;]/;

/**
 * "区发改局等部门（单位）" → "区发改局": "等" closes an open-ended list, its words are not part of the name; so does
 * "及相关单位" ("区财政局及相关单位": the unit named and others not named).
 */
export const ET_CETERA =
  /(?:等(?:(?:相关|有关|其他|其他有关|其他相关)?(?:部门|单位)(?:和单位|及单位|[（(]单位[）)])?|相关部门和单位|有关部门和单位)?|及(?:其他)?(?:相关|有关)(?:部门|单位)(?:和单位)?)[。.]?$/;
export const etCeteraWarning = (written: string) =>
  /等[^等]*$/.test(written)
    ? `「${written}」以“等”结尾，名单可能不完整`
    : `「${written}」还包括未列名的单位，名单可能不完整`;

/**
 * Resolve one written unit name. Order: exact name → alias → normalised key → "甲（乙）" as both names →
 * typo suggestions. Never drops a name: when nothing fits the status is 'unknown' with suggestions possibly
 * empty. Suggestions are never auto-accepted.
 */
export function resolveUnit(index: UnitIndex, written: string): Resolution {
  const cleaned = cleanUnitName(written);
  if (!cleaned) return { ...unresolved(written), warnings: ['单位名称为空'] };
  const extra = levelWarnings(index, written);

  const direct = lookupRegistered(index, written);
  if (direct) return { ...direct, warnings: [...direct.warnings, ...extra] };

  if (LIST_SEPARATORS.test(cleaned)) {
    return {
      ...unresolved(written),
      suggestions: suggest(index, written),
      warnings: [...extra, `「${written}」包含多个单位名称，应拆分后逐一匹配`],
    };
  }
  // 区县 governments are outside a district's or county's own tree (seeds/README: 巫山 004 "各区县政府").
  if (cleaned.includes('区县')) {
    return {
      ...unresolved(written),
      warnings: [...extra, `「${written}」指各区县政府，不属于本级单位，请人工确认`],
    };
  }

  // A task table's cell keeps "区乡村振兴局等部门（单位）" whole as the last name of its list: the named unit.
  const etc = ET_CETERA.exec(cleaned);
  if (etc && etc.index > 0) {
    const named = resolveUnit(index, cleaned.slice(0, etc.index));
    if (named.status !== 'unknown')
      return { ...named, written, warnings: [...named.warnings, etCeteraWarning(written)] };
  }

  const paren = splitParenthesised(cleaned);
  if (paren) {
    const outer = lookupRegistered(index, paren.outer);
    const inner = lookupRegistered(index, paren.inner);
    const idOf = (r: Resolution | null) => r?.unitId ?? r?.groupId;
    if (outer && inner && idOf(outer) && idOf(outer) === idOf(inner)) {
      return {
        ...outer,
        written,
        status: outer.status === 'group' ? 'group' : 'alias',
        confidence: CONFIDENCE.parenthesis,
        warnings: extra,
      };
    }
    if (outer && inner) {
      return {
        ...unresolved(written),
        status: 'suggestion',
        confidence: 0.5,
        suggestions: [outer, inner].flatMap((r) =>
          r.unitId && r.unitName
            ? [
                {
                  unitId: r.unitId,
                  unitName: r.unitName,
                  confidence: 0.5,
                  reason: '括号内外分别匹配不同单位',
                },
              ]
            : [],
        ),
        warnings: [...extra, `「${written}」括号内外指向不同单位，请人工选择`],
      };
    }
    const one = outer ?? inner;
    if (one && one.status !== 'suggestion') {
      const missing = outer ? paren.inner : paren.outer;
      return {
        ...one,
        written,
        confidence: CONFIDENCE.partial,
        warnings: [
          ...extra,
          `「${missing}」未登记，已按「${one.unitName ?? one.groupName ?? ''}」匹配，请核对`,
        ],
      };
    }
  }

  const suggestions = suggest(index, written);
  const best = suggestions[0];
  if (best && best.confidence >= index.suggestionThreshold) {
    return {
      ...unresolved(written),
      status: 'suggestion',
      confidence: best.confidence,
      suggestions,
      warnings: extra,
    };
  }
  return {
    ...unresolved(written),
    suggestions,
    warnings: [...extra, `「${written}」未匹配到已登记单位`],
  };
}

export function resolveUnits(index: UnitIndex, written: string[]): Resolution[] {
  return written.map((w) => resolveUnit(index, w));
}
