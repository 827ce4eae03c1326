// 问答库 entries (issue 11 part 2): review before publication and the stale flag of an entry whose cited normative
// document is repealed or expired.
import { codesOf } from '../codes';
import { maskLetterText, SHIPPED_SENSITIVE_WORDS, sensitiveHits } from './letter';

export const QA_STATUS_LABELS = {
  pending: '待审核',
  published: '已公开',
  rejected: '已退回',
  retired: '已下线',
} as const;
export type QaStatus = keyof typeof QA_STATUS_LABELS;
export const QA_STATUSES = codesOf(QA_STATUS_LABELS);

export const QA_REVIEW_LABELS = { approve: '通过', reject: '退回', retire: '下线' } as const;
export type QaReview = keyof typeof QA_REVIEW_LABELS;

const NEXT: Record<QaReview, { from: QaStatus[]; to: QaStatus }> = {
  approve: { from: ['pending'], to: 'published' },
  reject: { from: ['pending'], to: 'rejected' },
  retire: { from: ['published'], to: 'retired' },
};

/** The status a review decision leads to, or null when the decision does not apply to `status`. */
export function reviewTransition(status: QaStatus, decision: QaReview): QaStatus | null {
  const t = NEXT[decision];
  return t.from.includes(status) ? t.to : null;
}

/** Editing an entry sends it back to review: what the public reads is always what a reviewer passed. */
export const STATUS_AFTER_EDIT: QaStatus = 'pending';

/** A policy document an entry cites: a disclosure item when it could be linked, else just its title. */
export interface PolicyRef {
  title: string;
  itemId: string | null;
}

export interface CitedDocument {
  validity: 'in_force' | 'expired' | 'repealed' | null;
  withdrawn: boolean;
}

/** The titles of the cited documents that no longer stand (repealed, expired or withdrawn). */
export function staleReasons(refs: readonly PolicyRef[], docs: ReadonlyMap<string, CitedDocument>): string[] {
  const out: string[] = [];
  for (const r of refs) {
    const d = r.itemId ? docs.get(r.itemId) : undefined;
    if (!d) continue;
    if (d.validity === 'repealed') out.push(`《${r.title}》已废止`);
    else if (d.validity === 'expired') out.push(`《${r.title}》已失效`);
    else if (d.withdrawn) out.push(`《${r.title}》已撤回`);
  }
  return out;
}

/** Keywords typed as one string (、，, ; or spaces between them), without repeats. */
export function splitKeywords(s: string | null | undefined): string[] {
  return [
    ...new Set(
      (s ?? '')
        .split(/[、，,;；\s]+/u)
        .map((k) => k.trim())
        .filter(Boolean),
    ),
  ].slice(0, 20);
}

/** 政策依据 cell: titles separated by 、；; or new lines, with or without 《》. */
export function splitPolicyTitles(s: string | null | undefined): string[] {
  return [
    ...new Set(
      (s ?? '')
        .split(/[；;\n]+|》\s*[、，,]?\s*《/u)
        .map((t) => t.replace(/[《》]/gu, '').trim())
        .filter(Boolean),
    ),
  ];
}

export type QaPublication =
  | { ok: true; question: string; answer: string; masked: number }
  | { ok: false; reasons: string[] };

/**
 * What of a question and its answer may go public in the base (a citizen wrote the question): refused with the
 * reason when either holds a sensitive word, otherwise the question with personal data masked (the asker's own name
 * wherever it occurs) and the answer as the unit wrote it.
 */
export function qaPublication(
  text: { question: string; answer: string },
  words: readonly string[] = SHIPPED_SENSITIVE_WORDS,
  askerName: string | null = null,
): QaPublication {
  const reasons: string[] = [];
  for (const [where, t] of [
    ['问题', text.question],
    ['答复', text.answer],
  ] as const) {
    const hits = sensitiveHits(t, words);
    if (hits.length) reasons.push(`${where}含有敏感词“${hits.join('”“')}”，不能公开到问答库`);
  }
  if (reasons.length) return { ok: false, reasons };
  const q = maskLetterText(text.question, { writerName: askerName, writerPhone: null, writerIdNo: null });
  return { ok: true, question: q.text, answer: text.answer, masked: q.masked };
}
