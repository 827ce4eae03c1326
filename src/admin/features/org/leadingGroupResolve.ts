// State of the 领导小组 import preview: each written member unit must be resolved to an existing unit or marked
// "新建单位" before the notice can be committed (POST /api/org/leading-group/commit).
import type { LeadingGroupNotice, MatchStatus, UnitMatch } from '../../../contracts/api';

export const MATCH_STATUS_LABELS: Record<MatchStatus, string> = {
  exact: '精确匹配',
  alias: '别名',
  normalized: '规范化',
  group: '单位组',
  suggestion: '疑似',
  unknown: '未知',
};
export const MATCH_STATUS_COLORS: Record<MatchStatus, string> = {
  exact: 'green',
  alias: 'cyan',
  normalized: 'blue',
  group: 'purple',
  suggestion: 'orange',
  unknown: 'red',
};

export type Resolution = { unitId: string } | { create: true } | null;

/** Matches the server resolved (a unit id on a confident status) start resolved; the rest wait for a choice. */
export function initialResolutions(matches: readonly UnitMatch[]): Resolution[] {
  return matches.map((m) =>
    m.unitId && m.status !== 'suggestion' && m.status !== 'unknown' ? { unitId: m.unitId } : null,
  );
}

export function unresolvedCount(res: readonly Resolution[]): number {
  return res.filter((r) => r === null).length;
}

export function commitBody(
  notice: LeadingGroupNotice,
  matches: readonly UnitMatch[],
  res: readonly Resolution[],
): { notice: LeadingGroupNotice; resolutions: { written: string; unitId?: string; create?: boolean }[] } {
  if (res.length !== matches.length) throw new Error('resolutions do not align with matches');
  const resolutions = matches.map((m, i) => {
    const r = res[i];
    if (!r) throw new Error(`unresolved member unit: ${m.written}`);
    return 'create' in r ? { written: m.written, create: true } : { written: m.written, unitId: r.unitId };
  });
  return { notice, resolutions };
}
