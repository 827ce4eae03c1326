// 重大行政决策预公开 (issue 13 part 4; seeds 001/002/003): a decision draft published with its background, basis and
// explanation for public comment, its comment period, the 意见采纳情况 due within 1 month of the period's end, and
// the moderation of comments. Periods follow 民法典 §201–§203: the start day is not counted, a month ends on the
// corresponding day (or the month's last day), and a period whose last day is a rest day or holiday ends on the
// next working day.

import type { WorkingDayCalendar } from '../calendar/calendar';
import { addDays, isIsoDate } from '../calendar/dates';
import { codesOf } from '../codes';
import { sensitiveHits } from '../interaction/letter';
import { maskPersonalData } from '../privacy/mask';

export const DECISION_STATUS_LABELS = {
  draft: '草稿',
  open: '征求意见中',
  closed: '征求意见结束',
  adopted: '已公布采纳情况',
  decided: '已作出决策',
} as const;
export type DecisionStatus = keyof typeof DECISION_STATUS_LABELS;
export const DECISION_STATUSES = codesOf(DECISION_STATUS_LABELS);

export const COMMENT_STATUS_LABELS = {
  pending: '待审核',
  shown: '已显示',
  hidden: '不予显示',
} as const;
export type CommentStatus = keyof typeof COMMENT_STATUS_LABELS;
export const COMMENT_STATUSES = codesOf(COMMENT_STATUS_LABELS);

export const ADOPTION_OUTCOME_LABELS = {
  adopted: '采纳',
  partly: '部分采纳',
  not_adopted: '不予采纳',
} as const;
export type AdoptionOutcome = keyof typeof ADOPTION_OUTCOME_LABELS;
export const ADOPTION_OUTCOMES = codesOf(ADOPTION_OUTCOME_LABELS);

export const PARTICIPATION_KIND_LABELS = {
  attendance: '列席会议',
  open_day: '政府开放日',
} as const;
export type ParticipationKind = keyof typeof PARTICIPATION_KIND_LABELS;
export const PARTICIPATION_KINDS = codesOf(PARTICIPATION_KIND_LABELS);

/** Comment period in days (a setting; 30 by default [M: REGULATIONS has no national number, local practice]). */
export const DEFAULT_COMMENT_DAYS = 30;
/** Reminders of the 意见采纳情况 start this many days before it is due [I]. */
export const ADOPTION_WARN_DAYS = 7;

export interface PeriodEnd {
  date: string;
  /** The last day moved past rest days or holidays (民法典 §203). */
  moved: boolean;
  provisional: boolean;
}

/** §203: a last day that is not a working day moves to the next working day. */
export function nextWorkingDayFrom(cal: WorkingDayCalendar, d: string): PeriodEnd {
  let date = d;
  let provisional = false;
  for (let i = 0; i < 60; i++) {
    const a = cal.isWorkingDay(date);
    provisional ||= a.provisional;
    if (a.working) return { date, moved: date !== d, provisional };
    date = addDays(date, 1);
  }
  throw new Error(`${d} 之后 60 日内没有工作日`);
}

/** The last day to comment on a draft opened on `openedOn` for `days` days (the opening day not counted). */
export function commentPeriodEnd(
  cal: WorkingDayCalendar,
  openedOn: string,
  days = DEFAULT_COMMENT_DAYS,
): PeriodEnd {
  if (!isIsoDate(openedOn)) throw new Error(`无效日期 ${openedOn}`);
  if (!Number.isInteger(days) || days < 1) throw new Error('征求意见期限至少 1 日');
  return nextWorkingDayFrom(cal, addDays(openedOn, days));
}

/** §202: the corresponding day `months` later, or that month's last day when there is none. */
export function addMonths(iso: string, months: number): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${String(month).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

/** Seed 003: "公开征求群众意见结束后，1个月内发布意见采纳情况" — due 1 month after the period's last day. */
export function adoptionDue(cal: WorkingDayCalendar, periodEnd: string): PeriodEnd {
  return nextWorkingDayFrom(cal, addMonths(periodEnd, 1));
}

export type AdoptionAlert = 'none' | 'due_soon' | 'overdue';

/** Whether the 意见采纳情况 needs a reminder on `today` (none once it is published). */
export function adoptionAlert(
  due: string,
  published: boolean,
  today: string,
  warnDays = ADOPTION_WARN_DAYS,
): AdoptionAlert {
  if (published) return 'none';
  if (today > due) return 'overdue';
  return today >= addDays(due, -warnDays) ? 'due_soon' : 'none';
}

export type DecisionAction = 'edit' | 'open' | 'close' | 'adopt' | 'decide';
const ALLOWED: Record<DecisionAction, readonly DecisionStatus[]> = {
  edit: ['draft'],
  open: ['draft'],
  close: ['open'],
  adopt: ['closed'],
  decide: ['adopted'],
};
const REFUSALS: Record<DecisionAction, string> = {
  edit: '只有草稿可以修改',
  open: '只有草稿可以发布征求意见',
  close: '只有征求意见中的草案可以结束征求意见',
  adopt: '征求意见结束后才能公布意见采纳情况，且只能公布一次',
  decide: '公布意见采纳情况后才能关联最终决策',
};

/** null when `action` is allowed in `status`, else the Chinese reason. */
export function refusal(status: DecisionStatus, action: DecisionAction): string | null {
  return ALLOWED[action].includes(status) ? null : REFUSALS[action];
}

/** Comments accepted only while the period runs (China dates, the last day included). */
export function acceptsComments(status: DecisionStatus, periodEnd: string | null, today: string): boolean {
  return status === 'open' && periodEnd !== null && today <= periodEnd;
}

/**
 * The checks of a new comment: one quoting an ID or phone number, or with a sensitive word (however written, SECURITY.md
 * 39), is held for moderation (pending), never dropped; others are shown at once. The public only reads the masked text.
 */
export function screenComment(
  text: string,
  words: readonly string[],
): {
  status: CommentStatus;
  personalData: boolean;
  sensitiveWords: string[];
  publicText: string;
} {
  const publicText = maskPersonalData(text);
  const personalData = publicText !== text;
  const hits = sensitiveHits(text, words);
  return {
    status: personalData || hits.length ? 'pending' : 'shown',
    personalData,
    sensitiveWords: hits,
    publicText,
  };
}

export interface AdoptionEntry {
  opinion: string;
  outcome: AdoptionOutcome;
  reason: string | null;
}

export interface AdoptionCounts {
  received: number;
  adopted: number;
  partly: number;
  notAdopted: number;
}

/** Errors of an 意见采纳情况 (Chinese), and its counts: every opinion not (fully) adopted says why (seed 002). */
export function checkAdoption(
  entries: readonly AdoptionEntry[],
  received: number,
): { errors: string[]; counts: AdoptionCounts } {
  const errors: string[] = [];
  entries.forEach((e, i) => {
    if (e.outcome !== 'adopted' && !(e.reason ?? '').trim())
      errors.push(`第 ${i + 1} 条意见${ADOPTION_OUTCOME_LABELS[e.outcome]}，请说明理由`);
  });
  const n = (o: AdoptionOutcome) => entries.filter((e) => e.outcome === o).length;
  if (entries.length > received)
    errors.push(`列出的意见（${entries.length} 条）多于收到的意见（${received} 条）`);
  return {
    errors,
    counts: { received, adopted: n('adopted'), partly: n('partly'), notAdopted: n('not_adopted') },
  };
}
