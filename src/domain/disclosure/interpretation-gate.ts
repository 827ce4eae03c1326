// 三同步 as a gate (issue 13 part 3; seeds 002/003: 解读 prepared, reviewed and published with the policy, major
// policies in at least 3 forms, the 第一解读人 named). A policy marked as needing interpretation cannot pass 终审
// until an interpretation is ready to publish with it, or an exemption with a reason is recorded.
import type { ItemStatus } from './workflow';

/** An interpretation that passed its own 终审 (published, or waiting for its scheduled time). */
export const READY_STATUSES: readonly ItemStatus[] = ['scheduled', 'published'];

export const DEFAULT_MAJOR_MIN_FORMS = 3;

/** The register of 新闻发布会 and 访谈; a held one linked to a policy counts as one more form of its interpretation. */
export const BRIEFING_KINDS = ['press_conference', 'interview'] as const;
export type BriefingKind = (typeof BRIEFING_KINDS)[number];
export const BRIEFING_KIND_LABELS: Record<BriefingKind, string> = {
  press_conference: '新闻发布会',
  interview: '访谈',
};

export interface InterpretationPlan {
  /** 重大政策: needs `minForms` different forms. */
  majorPolicy: boolean;
  /** 第一解读人 (usually the unit's principal). */
  firstInterpreter: string | null;
  /** 不解读的理由: with a reason the gate is open. */
  exemptionReason: string | null;
}

export interface GateResult {
  allowed: boolean;
  /** Why 终审 is refused (Chinese), when it is. */
  message?: string;
  /** Distinct forms of the ready interpretations. */
  forms: string[];
}

export function interpretationGate(
  policy: { needsInterpretation: boolean },
  plan: InterpretationPlan | null,
  interpretations: readonly { status: string; form: string | null }[],
  minForms = DEFAULT_MAJOR_MIN_FORMS,
): GateResult {
  const ready = interpretations.filter((i) => READY_STATUSES.includes(i.status as ItemStatus));
  const forms = [...new Set(ready.map((i) => i.form ?? 'text'))];
  if (!policy.needsInterpretation || plan?.exemptionReason?.trim()) return { allowed: true, forms };
  if (ready.length === 0)
    return {
      allowed: false,
      forms,
      message: '三同步：该政策需同步解读，解读稿尚未通过审核（或登记不解读的理由）',
    };
  if (plan?.majorPolicy && forms.length < minForms)
    return {
      allowed: false,
      forms,
      message: `三同步：重大政策解读形式不得少于 ${minForms} 种，现有 ${forms.length} 种`,
    };
  if (!plan?.firstInterpreter?.trim()) return { allowed: false, forms, message: '三同步：请登记第一解读人' };
  return { allowed: true, forms };
}
