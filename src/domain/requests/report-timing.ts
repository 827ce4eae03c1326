// When an annual report (政府信息公开工作年度报告) may be published and when it is overdue (条例第四十九条): it
// reports a whole year, so it is published only after that year ends — earlier only with a stated reason; it is
// overdue once its publication deadline has passed unpublished. Dates are China calendar dates 'YYYY-MM-DD'.

/** Whether the report of `year` may be published on `today` without a reason (the year has ended). */
export function yearEnded(year: number, today: string): boolean {
  return today >= `${year + 1}-01-01`;
}

/** The refusal of an early publication without a reason, or null when it may go ahead. */
export function earlyPublicationProblem(year: number, today: string, reason?: string | null): string | null {
  if (yearEnded(year, today) || reason?.trim()) return null;
  return `${year} 年尚未结束，年度报告应在年度结束后发布；如确需提前发布，请填写提前发布的理由`;
}

/** Whether the report is overdue: unpublished after its deadline `due`. */
export function reportOverdue(due: string, published: boolean, today: string): boolean {
  return !published && today > due;
}
