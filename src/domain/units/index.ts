export { resolveUnitList } from './list';
export {
  applyAbbreviations,
  cleanUnitName,
  normalizeUnitName,
  stripRegionPrefix,
  UNIT_ABBREVIATIONS,
} from './normalize';
export type { PlainUnit, PlainUnitGroup } from './plain';
export { unitRefsFromPlain } from './plain';
export type {
  MatchStatus,
  Resolution,
  UnitGroupRef,
  UnitIndex,
  UnitIndexOptions,
  UnitKind,
  UnitRef,
  UnitSuggestion,
} from './resolve';
export {
  createUnitIndex,
  expandGroup,
  lookupRegistered,
  MATCH_STATUS_LABELS,
  resolveUnit,
  resolveUnits,
} from './resolve';
