// 国办秘函〔2019〕19号 website rules (REGULATIONS §5, §9.6 MON-1…6). Every threshold and every name pattern is data
// the office can edit (settings); the defaults below are the national ones.
import { addDays, addMonths, isFresh } from './dates';

export interface CheckThresholds {
  homeDays: number; // MON-2: home page must show a new item within this many days
  dynamicDays: number; // MON-3: 动态/要闻 columns
  noticeDays: number; // MON-3: 通知公告/政策文件 first-level columns
  staleColumnsVeto: number; // MON-3 (a)
  blankColumnsVeto: number; // MON-3 (c)
  messageWindowDays: number; // MON-4: messages left in the year before the check
  messageMonths: number; // MON-4: unanswered for more than this many months
  guideMissingMin: number; // 办事指南 missing this many of the 8 key elements
  availabilityFailurePct: number; // MON-1: failed samples ≥ this share → veto
  availabilityTimeoutMs: number; // MON-1: a sample fails if the page is not open after this long
}

export const DEFAULT_THRESHOLDS: CheckThresholds = {
  homeDays: 14,
  dynamicDays: 14,
  noticeDays: 183,
  staleColumnsVeto: 5,
  blankColumnsVeto: 5,
  messageWindowDays: 365,
  messageMonths: 3,
  guideMissingMin: 4,
  availabilityFailurePct: 5,
  availabilityTimeoutMs: 15_000,
};

export type ColumnKind = 'dynamic' | 'notice' | 'policy' | 'consult' | 'other';

/** Name patterns per column kind (regular-expression sources), tried after `other`: editable by the office. */
export interface ColumnPatterns {
  other: string;
  consult: string;
  dynamic: string;
  notice: string;
  policy: string;
}

export const DEFAULT_COLUMN_PATTERNS: ColumnPatterns = {
  // Columns the update windows never judge: plans, reports, guides, interpretations, interaction sub-columns.
  other:
    '规划|计划|年报|年度报告|工作报告|指南|目录|解读|回应关切|访谈|调查|征集|信访|举报|纪检|专题|专栏|图解|简介|概况|领导(?!活动)|机构|职能|统计|数据|预决算|财政|视频(?!新闻)',
  consult: '咨询|留言|问政|信箱|诉求|建言|来信|网上问答|市民热线',
  dynamic:
    '动态|要闻|新闻|快讯|资讯|简讯|工作信息|政务信息|时政|头条|聚焦|进展|活动|部门信息|乡镇信息|街道信息|媒体|热点',
  notice: '公告|公示|通知|通告|公报',
  policy: '政策文件|政策法规|文件|规范性|法规|规章|政府令|政策',
};

export function classifyColumn(name: string, patterns: ColumnPatterns = DEFAULT_COLUMN_PATTERNS): ColumnKind {
  const n = name.replace(/\s+/g, '');
  if (!n) return 'other';
  for (const kind of ['consult', 'other', 'dynamic', 'notice', 'policy'] as const) {
    const src = patterns[kind];
    if (src && new RegExp(src).test(n)) return kind;
  }
  return 'other';
}

export type StaleJudgement = { stale: false } | { stale: true; windowDays: number; rule: string };

/** MON-3 (a): is a column of this kind stale at `asOf` given its latest item? Other kinds are never judged. */
export function judgeColumn(
  kind: ColumnKind,
  firstLevel: boolean,
  latest: string | undefined,
  asOf: string,
  t: CheckThresholds = DEFAULT_THRESHOLDS,
): StaleJudgement {
  if (kind === 'dynamic')
    return isFresh(latest, asOf, t.dynamicDays)
      ? { stale: false }
      : { stale: true, windowDays: t.dynamicDays, rule: `动态/要闻类${t.dynamicDays}天` };
  if ((kind === 'notice' || kind === 'policy') && firstLevel)
    return isFresh(latest, asOf, t.noticeDays)
      ? { stale: false }
      : { stale: true, windowDays: t.noticeDays, rule: `通知公告/政策文件类一级栏目${t.noticeDays}天` };
  return { stale: false };
}

export interface MessageFacts {
  left: string;
  answered: boolean;
  answeredOn?: string;
}

/**
 * MON-4: a message left in the year before `asOf` and unanswered for more than N months: either still unanswered
 * and left before as-of minus N months, or answered only after N months.
 */
export function messageOverdue(
  m: MessageFacts,
  asOf: string,
  t: CheckThresholds = DEFAULT_THRESHOLDS,
): boolean {
  if (m.left > asOf || m.left < addDays(asOf, -t.messageWindowDays)) return false;
  const due = addMonths(m.left, t.messageMonths);
  if (!m.answered) return asOf > due;
  return m.answeredOn !== undefined && m.answeredOn > due;
}

export const VETO_LABELS = {
  home_not_updated: '首页不更新',
  columns_not_updated: '栏目不更新',
  blank_columns: '空白栏目过多',
  interaction_poor: '互动回应差',
  serious_error: '严重表述错误',
  unreachable: '站点无法访问',
} as const;
export type VetoRule = keyof typeof VETO_LABELS;

/** The label of a stored veto's rule (an unknown code is shown as it is). */
export function vetoLabel(rule: string): string {
  return Object.hasOwn(VETO_LABELS, rule) ? VETO_LABELS[rule as VetoRule] : rule;
}

export interface Veto {
  rule: VetoRule;
  detail: string;
}

export interface VerdictInput {
  reachable: boolean;
  homeLatest?: string;
  staleColumns: number;
  blankColumns: number;
  unansweredMessages: number;
  seriousErrors: number;
  asOf: string;
  /** MON-1 sampling, when the scheduler has samples: failed and total. */
  availability?: { failed: number; total: number };
}

/** MON-1: the share of failed samples (%, one decimal) and whether it reaches the veto threshold (≥ 5 %). */
export function availabilityShare(
  a: { failed: number; total: number },
  t: Pick<CheckThresholds, 'availabilityFailurePct'> = DEFAULT_THRESHOLDS,
): { share: number; veto: boolean } {
  if (a.total <= 0) return { share: 0, veto: false };
  return {
    share: Math.round((a.failed * 1000) / a.total) / 10,
    veto: (a.failed * 100) / a.total >= t.availabilityFailurePct,
  };
}

/** MON-6 for the vetoes: any veto makes the site 不合格. */
export function decideVerdict(v: VerdictInput, t: CheckThresholds = DEFAULT_THRESHOLDS) {
  const vetoes: Veto[] = [];
  if (!v.reachable) vetoes.push({ rule: 'unreachable', detail: '网站首页无法访问' });
  else {
    const a = v.availability;
    if (a && availabilityShare(a, t).veto)
      vetoes.push({
        rule: 'unreachable',
        detail: `抽测${a.total}次，${a.failed}次无法访问（${((a.failed * 100) / a.total).toFixed(1)}%）`,
      });
    if (!isFresh(v.homeLatest, v.asOf, t.homeDays))
      vetoes.push({
        rule: 'home_not_updated',
        detail: v.homeLatest
          ? `首页最新信息发布于${v.homeLatest}，超过${t.homeDays}天未更新`
          : `首页没有可识别发布日期的信息，视为${t.homeDays}天未更新`,
      });
    if (v.staleColumns >= t.staleColumnsVeto)
      vetoes.push({ rule: 'columns_not_updated', detail: `${v.staleColumns}个栏目未按期更新` });
    if (v.blankColumns >= t.blankColumnsVeto)
      vetoes.push({ rule: 'blank_columns', detail: `${v.blankColumns}个空白栏目` });
    if (v.unansweredMessages > 0)
      vetoes.push({
        rule: 'interaction_poor',
        detail: `${v.unansweredMessages}条政务咨询留言超过3个月未答复`,
      });
    if (v.seriousErrors > 0)
      vetoes.push({ rule: 'serious_error', detail: `${v.seriousErrors}处严重表述错误` });
  }
  return { verdict: vetoes.length ? ('不合格' as const) : ('合格' as const), vetoes };
}
