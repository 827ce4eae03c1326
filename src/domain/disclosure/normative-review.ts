// 规范性文件清理 and stale citations (issue 13 part 5). A yearly campaign asks each unit to mark each of its
// documents in force 继续有效 / 修改 / 废止 with a reason; the office publishes the result list, and a 废止 mark
// repeals the document on that day. A published text that cites a document no longer in force — by its 文号 or by
// its 《title》 — is flagged, so that items, interpretations and answers are not left pointing at dead rules.

export const REVIEW_DECISIONS = ['keep', 'amend', 'repeal'] as const;
export type ReviewDecision = (typeof REVIEW_DECISIONS)[number];
export const REVIEW_DECISION_LABELS: Record<ReviewDecision, string> = {
  keep: '继续有效',
  amend: '需修改',
  repeal: '废止',
};

export const CAMPAIGN_STATUSES = ['open', 'published'] as const;
export type CampaignStatus = (typeof CAMPAIGN_STATUSES)[number];

/** A mark needs a reason unless the document simply stays in force. */
export function markError(decision: ReviewDecision, reason: string | null | undefined): string | null {
  if (decision !== 'keep' && !(reason ?? '').trim())
    return `标记为“${REVIEW_DECISION_LABELS[decision]}”须说明理由`;
  return null;
}

export interface CitableDoc {
  id: string;
  title: string;
  docNumber: string | null;
}

/** 文号 written with any of the usual brackets and spaces compare equal: 潼府发〔2020〕3号 = 潼府发[2020]3号. */
export function normalizeDocNumber(s: string): string {
  return s
    .replace(/[〔［【[（(]/g, '[')
    .replace(/[〕］】\]）)]/g, ']')
    .replace(/[\s　]/g, '')
    .replace(/\]第(\d+)号/g, ']$1号');
}

const TITLE_RE = /《([^《》]{4,80})》/g;

/** The documents among `docs` that `text` cites, by 文号 or by full 《title》, each once, in `docs` order. */
export function citedDocs<T extends CitableDoc>(text: string, docs: readonly T[]): T[] {
  // 文号 are looked up in the normalised text; the digits must end there (3号 is not 30号).
  const flat = normalizeDocNumber(text);
  const titles = new Set([...text.matchAll(TITLE_RE)].map((m) => m[1]!.replace(/\s+/g, '')));
  return docs.filter(
    (d) =>
      (d.docNumber !== null && d.docNumber !== '' && flat.includes(normalizeDocNumber(d.docNumber))) ||
      titles.has(d.title.replace(/^《|》$/g, '').replace(/\s+/g, '')),
  );
}
