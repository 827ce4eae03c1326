// Publication gate (issue 5 part 6): a blocking finding stops publication until it is masked (it then no longer
// appears when the checks run again) or a reviewer overrides it with a reason, which the caller records — except
// the kinds no reason can release (ALWAYS_BLOCKING_KINDS).
import { ALWAYS_BLOCKING_KINDS, type Finding } from './types';

export interface FindingOverride {
  /** findingKey() of the finding being overridden. */
  key: string;
  reason: string;
  /** Reviewer's user id; the caller checks the permission. */
  by: string;
}

/**
 * Identity of a finding that survives re-running the checks on unchanged text: where it is, what kind, what text.
 * If the text around it changes, the offsets change and the override has to be given again, on purpose.
 */
export function findingKey(f: Pick<Finding, 'kind' | 'start' | 'text' | 'source'>): string {
  return `${f.source ?? ''}|${f.kind}|${f.start}|${f.text}`;
}

export interface GateOptions {
  /** Shortest accepted reason, in characters after trimming. Default 2 [I]: the issue only says "with a reason". */
  minReasonLength?: number;
}

export interface GateResult {
  allowed: boolean;
  /** Blocking findings with no valid override. */
  unresolved: Finding[];
  /** Blocking findings released by an override, with it. */
  overridden: { finding: Finding; override: FindingOverride }[];
  /** Overrides refused (reason too short) or matching no current finding (stale). */
  rejected: { override: FindingOverride; why: 'reason_too_short' | 'stale' | 'not_overridable' }[];
}

export function publicationGate(
  findings: readonly Finding[],
  overrides: readonly FindingOverride[],
  opts: GateOptions = {},
): GateResult {
  const minReason = opts.minReasonLength ?? 2;
  const rejected: GateResult['rejected'] = [];
  const valid = new Map<string, FindingOverride>();
  const current = new Set(findings.filter((f) => f.blocking).map(findingKey));
  const fixed = new Set(findings.filter((f) => ALWAYS_BLOCKING_KINDS.includes(f.kind)).map(findingKey));
  for (const o of overrides) {
    if (fixed.has(o.key)) rejected.push({ override: o, why: 'not_overridable' });
    else if (o.reason.trim().length < minReason) rejected.push({ override: o, why: 'reason_too_short' });
    else if (!current.has(o.key)) rejected.push({ override: o, why: 'stale' });
    else valid.set(o.key, o);
  }
  const unresolved: Finding[] = [];
  const overridden: GateResult['overridden'] = [];
  for (const f of findings) {
    if (!f.blocking) continue;
    const o = valid.get(findingKey(f));
    if (o) overridden.push({ finding: f, override: o });
    else unresolved.push(f);
  }
  return { allowed: unresolved.length === 0, unresolved, overridden, rejected };
}
