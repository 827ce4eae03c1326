// 考核评估 (issue 12 part 6): the yearly indicator tree per unit kind — categories (一级指标) holding indicators
// (二级指标) with weights summing to 100 — its checks, and the plan's life cycle (draft → scoring → published: the
// tree is frozen when scoring starts). The default tree follows seed 001's wording (任务分工完成情况, 三审三校,
// 每年至少开展1次培训, 在线测评、电话测评).
import { codesOf } from '../codes';

export const ASSESSED_KIND_LABELS = { department: '区政府部门', township: '镇街' } as const;
export type AssessedKind = keyof typeof ASSESSED_KIND_LABELS;
export const ASSESSED_KINDS = codesOf(ASSESSED_KIND_LABELS);

export const PLAN_STATUS_LABELS = { draft: '编制中', scoring: '评分中', published: '已公布' } as const;
export type PlanStatus = keyof typeof PLAN_STATUS_LABELS;
export const PLAN_STATUSES = codesOf(PLAN_STATUS_LABELS);

export const METHOD_LABELS = { computed: '系统计算', manual: '人工评分', social: '社会评价' } as const;
export type IndicatorMethod = keyof typeof METHOD_LABELS;
export const INDICATOR_METHODS = codesOf(METHOD_LABELS);

/** Where a computed indicator's records come from (each read through the owning module's face). */
export const SOURCE_LABELS = {
  tasks_on_time: '任务分工按时完成（任务督办）',
  requests_on_time: '依申请公开按时答复（依申请公开）',
  requests_corrected: '复议诉讼未被纠错（依申请公开）',
  art26_timely: '信息按时公开，条例第二十六条（信息发布）',
  interpretations: '政策文件与解读同步（信息发布）',
  consult_on_time: '政策咨询按时答复（互动回应）',
  letters_on_time: '信箱来信按时答复（互动回应）',
  site_results: '政府网站检查合格（网站监管）',
  newmedia_results: '政务新媒体检查合格（网站监管）',
  normative_current: '规范性文件有效性及时更新（规范性文件）',
} as const;
export type ComputedSource = keyof typeof SOURCE_LABELS;
export const COMPUTED_SOURCES = codesOf(SOURCE_LABELS);

export interface Indicator {
  /** Stable code within the tree, e.g. "A1". */
  code: string;
  /** 一级指标. */
  category: string;
  /** 二级指标. */
  name: string;
  /** Points (the tree's weights sum to 100). */
  weight: number;
  method: IndicatorMethod;
  /** The live-data source of a computed indicator; null otherwise. */
  source: ComputedSource | null;
  /** 评分标准 shown to scorers and on the portal. */
  criteria: string;
}

export const TOTAL_WEIGHT = 100;
export const CODE_RE = /^[A-Z][0-9]{1,2}$/;

const computed = (
  code: string,
  category: string,
  name: string,
  weight: number,
  source: ComputedSource,
  criteria: string,
): Indicator => ({ code, category, name, weight, method: 'computed', source, criteria });
const manual = (
  code: string,
  category: string,
  name: string,
  weight: number,
  criteria: string,
): Indicator => ({
  code,
  category,
  name,
  weight,
  method: 'manual',
  source: null,
  criteria,
});

/**
 * The default tree of a unit kind (seeded for any year the office has not edited yet). Why each weight (seed 001
 * unless said otherwise):
 * - A1 20: the 《任务分工》 is "政务公开年度考核" content by name (一、四: 跟踪检查结果纳入年度考核) — the largest item.
 * - B1 12, B2/B3 8 (镇街 6): 主动公开 is most of the notice's text; timeliness is the 条例's own rule (Art. 26), the
 *   解读 and 规范性文件 sections are narrower (镇街 issue few policies and normative documents, hence less).
 * - C1 10, C2 6: 依申请公开 answered within the statutory limit, and not corrected on 复议/诉讼.
 * - 回应关切 8 (镇街 10, closer to the citizens): D1 政策咨询 5 (镇街 6) — the notice's explicit 5-working-day
 *   rule (三、5) —, D2 信箱来信 3 (镇街 4) — "件件有落实、事事有回音" (六、1) without a national clock of its own.
 * - 平台建设 8 (镇街 6): E1 政府网站 5 (镇街 4), E2 政务新媒体 3 (镇街 2) — the notice's 公开路径 lead to the
 *   government website first and count 政务新媒体 among the 其他渠道; 19号 checks both with the same vetoes.
 * - F1/F2 5 (镇街 6): 培训 and 三审三校, scored by hand with evidence.
 * - G1 10 (镇街 12): 在线测评、电话测评 (七、1) and the citizens' ratings.
 */
export function defaultTree(kind: AssessedKind): Indicator[] {
  const t = kind === 'department';
  return [
    computed(
      'A1',
      '工作任务落实',
      '《任务分工》完成情况',
      20,
      'tasks_on_time',
      '年度内到期的任务分工按时完成的比例计分',
    ),
    computed(
      'B1',
      '主动公开',
      '信息公开及时性',
      12,
      'art26_timely',
      '自形成或变更之日起20个工作日内公开的比例计分',
    ),
    computed(
      'B2',
      '主动公开',
      '政策解读',
      t ? 8 : 6,
      'interpretations',
      '需解读的政策文件同步发布解读的比例计分',
    ),
    computed(
      'B3',
      '主动公开',
      '规范性文件动态更新',
      t ? 8 : 6,
      'normative_current',
      '现行有效的规范性文件未超过有效期的比例计分',
    ),
    computed(
      'C1',
      '依申请公开',
      '依申请公开按时答复',
      10,
      'requests_on_time',
      '年度内办结的申请按法定期限答复的比例计分',
    ),
    computed(
      'C2',
      '依申请公开',
      '行政复议、诉讼纠错情况',
      6,
      'requests_corrected',
      '结案的复议、诉讼中未被纠错的比例计分',
    ),
    computed(
      'D1',
      '回应关切',
      '政策咨询按时答复',
      t ? 5 : 6,
      'consult_on_time',
      '5个工作日内答复政策咨询的比例计分',
    ),
    computed(
      'D2',
      '回应关切',
      '信箱来信按时答复',
      t ? 3 : 4,
      'letters_on_time',
      '信箱来信在答复期限内答复的比例计分（逾期答复、逾期未答复均不达标）',
    ),
    computed(
      'E1',
      '平台建设',
      '政府网站',
      t ? 5 : 4,
      'site_results',
      '年度内政府网站检查结论为合格的比例计分',
    ),
    computed(
      'E2',
      '平台建设',
      '政务新媒体',
      t ? 3 : 2,
      'newmedia_results',
      '年度内政务新媒体抽查合格的比例计分；未抽查的账号按年末前14天内有无更新判断',
    ),
    manual(
      'F1',
      '组织保障',
      '机构人员与培训',
      t ? 5 : 6,
      '明确工作机构、配齐人员，每年至少开展1次政务公开培训',
    ),
    manual(
      'F2',
      '组织保障',
      '审查机制',
      t ? 5 : 6,
      '落实“三审三校”制度，严把政治关、法律关、政策关、保密关、文字关',
    ),
    {
      code: 'G1',
      category: '社会评价',
      name: '社会评价',
      weight: t ? 10 : 12,
      method: 'social',
      source: null,
      criteria: '群众对咨询答复的满意度评价与电话测评结果的平均得分率计分',
    },
  ];
}

/** Hundredths, so that 0.1 + 0.2 style sums compare exactly. */
const cents = (n: number) => Math.round(n * 100);

/** Everything wrong with a tree, in Chinese; empty when it may be saved. */
export function treeProblems(tree: readonly Indicator[]): string[] {
  const problems: string[] = [];
  if (tree.length === 0) return ['指标体系至少需要一项指标'];
  const seen = new Set<string>();
  for (const i of tree) {
    const at = `指标“${i.name || i.code}”`;
    if (!CODE_RE.test(i.code)) problems.push(`${at}的编号应为一个大写字母加数字，如A1`);
    else if (seen.has(i.code)) problems.push(`指标编号${i.code}重复`);
    seen.add(i.code);
    if (!i.name.trim()) problems.push(`指标${i.code}缺少名称`);
    if (!i.category.trim()) problems.push(`${at}缺少一级指标`);
    if (!(i.weight > 0) || Math.abs(cents(i.weight) - i.weight * 100) > 1e-6)
      problems.push(`${at}的分值应为正数，最多两位小数`);
    if (i.method === 'computed' && !i.source) problems.push(`${at}为系统计算，请选择数据来源`);
    if (i.method !== 'computed' && i.source) problems.push(`${at}不是系统计算指标，不应有数据来源`);
  }
  if (tree.filter((i) => i.method === 'social').length > 1) problems.push('社会评价指标只能有一项');
  const sum = tree.reduce((s, i) => s + cents(i.weight), 0);
  if (sum !== TOTAL_WEIGHT * 100)
    problems.push(`各项指标分值合计应为${TOTAL_WEIGHT}分，当前为${sum / 100}分`);
  return problems;
}

/** Why the tree cannot be edited in this status, or null. */
export function treeLocked(status: PlanStatus): string | null {
  if (status === 'draft') return null;
  return status === 'scoring' ? '评分已开始，指标体系已冻结，不能修改' : '考核结果已公布，指标体系不能修改';
}

/** Why manual scores cannot be entered in this status, or null. */
export function scoringLocked(status: PlanStatus): string | null {
  if (status === 'scoring') return null;
  return status === 'draft' ? '尚未开始评分：请先冻结指标体系' : '考核结果已公布，不能再修改评分';
}

/** Categories in first-appearance order with their indicators (the tree as shown). */
export function categoriesOf(
  tree: readonly Indicator[],
): { category: string; weight: number; indicators: Indicator[] }[] {
  const out: { category: string; weight: number; indicators: Indicator[] }[] = [];
  for (const i of tree) {
    let c = out.find((x) => x.category === i.category);
    if (!c) {
      c = { category: i.category, weight: 0, indicators: [] };
      out.push(c);
    }
    c.indicators.push(i);
    c.weight = (cents(c.weight) + cents(i.weight)) / 100;
  }
  return out;
}
