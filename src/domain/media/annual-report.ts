// 政府网站工作年度报表 (issue 12 part 1): the yearly figures every government website publishes on its home page by
// 1月31日 of the following year (国办发〔2017〕47号 [M]; 国办函〔2018〕12号 asks for the 《政府网站工作年度报表》
// covering 信息发布, 专栏专题, 解读回应, 办事服务, 互动交流, 安全防护, 移动新媒体, 创新发展).
// The field list below — groups, fields, units — is the national format as commonly published [M]: it is not taken
// from a verified copy of the official template. Each field says whether the platform can compute it (`computed`);
// every field can be filled by hand, and a hand-filled value is used over the computed one (both are kept).
import { codesOf } from '../codes';

export const REPORT_GROUP_LABELS = {
  header: '基本信息',
  publish: '信息发布',
  topics: '专栏专题',
  interpret: '解读回应',
  service: '办事服务',
  interact: '互动交流',
  security: '安全防护',
  mobile: '移动新媒体',
  innovation: '创新发展',
  footer: '填报信息',
} as const;
export type ReportGroup = keyof typeof REPORT_GROUP_LABELS;
export const REPORT_GROUPS = codesOf(REPORT_GROUP_LABELS);

/** count: a non-negative integer; days: ≥ 0 with at most one decimal; yesno: 是/否; text: free text. */
export type FieldKind = 'count' | 'yesno' | 'text' | 'days';

export interface ReportField {
  key: string;
  group: ReportGroup;
  label: string;
  /** 条, 个, 次, 项, 件, 天, 期. */
  unit?: string;
  kind: FieldKind;
  /** The platform computes it (from the register or the year's records); the hand-filled value overrides it. */
  computed?: boolean;
  /** A sub-item of the field above (其中…). */
  sub?: boolean;
}

const f = (
  group: ReportGroup,
  key: string,
  label: string,
  kind: FieldKind,
  extra: Partial<Pick<ReportField, 'unit' | 'computed' | 'sub'>> = {},
): ReportField => ({ key, group, label, kind, ...extra });

/** The national layout, in order [M]. */
export const REPORT_FIELDS: readonly ReportField[] = [
  f('header', 'siteName', '网站名称', 'text', { computed: true }),
  f('header', 'siteUrl', '首页网址', 'text', { computed: true }),
  f('header', 'sponsor', '主办单位', 'text', { computed: true }),
  f('header', 'siteType', '网站类型', 'text', { computed: true }),
  f('header', 'siteCode', '政府网站标识码', 'text', { computed: true }),
  f('header', 'icp', 'ICP备案号', 'text', { computed: true }),
  f('header', 'psb', '公安机关备案号', 'text', { computed: true }),
  f('header', 'visitors', '独立用户访问总量', 'count', { unit: '个' }),
  f('header', 'visits', '网站总访问量', 'count', { unit: '次' }),

  f('publish', 'publishTotal', '信息发布总数', 'count', { unit: '条', computed: true }),
  f('publish', 'publishOverview', '概况类信息更新量', 'count', { unit: '条', sub: true }),
  f('publish', 'publishNews', '政务动态信息更新量', 'count', { unit: '条', computed: true, sub: true }),
  f('publish', 'publishCatalog', '信息公开目录信息更新量', 'count', {
    unit: '条',
    computed: true,
    sub: true,
  }),

  f('topics', 'topicsKept', '专栏专题维护数量', 'count', { unit: '个' }),
  f('topics', 'topicsNew', '新开设数量', 'count', { unit: '个', sub: true }),

  f('interpret', 'interpretTotal', '解读信息发布总数', 'count', { unit: '条', computed: true }),
  f('interpret', 'interpretMaterials', '解读材料数量', 'count', { unit: '条', computed: true, sub: true }),
  f('interpret', 'interpretProducts', '解读产品数量', 'count', { unit: '个', computed: true, sub: true }),
  f('interpret', 'interpretMedia', '媒体评论文章数量', 'count', { unit: '篇', sub: true }),
  f('interpret', 'hotResponses', '回应公众关注热点或重大舆情数量', 'count', { unit: '次', computed: true }),

  f('service', 'serviceCatalog', '是否发布服务事项目录', 'yesno'),
  f('service', 'registeredUsers', '注册用户数', 'count', { unit: '个' }),
  f('service', 'serviceItems', '政务服务事项数量', 'count', { unit: '项' }),
  f('service', 'serviceOnline', '可全程在线办理政务服务事项数量', 'count', { unit: '项', sub: true }),
  f('service', 'casesTotal', '办件量总数', 'count', { unit: '件' }),
  f('service', 'casesPersons', '自然人办件量', 'count', { unit: '件', sub: true }),
  f('service', 'casesEntities', '法人办件量', 'count', { unit: '件', sub: true }),

  f('interact', 'unifiedPlatform', '是否使用统一平台', 'yesno'),
  f('interact', 'lettersReceived', '留言办理：收到留言数量', 'count', { unit: '条', computed: true }),
  f('interact', 'lettersClosed', '办结留言数量', 'count', { unit: '条', computed: true, sub: true }),
  f('interact', 'lettersAvgDays', '平均办理时间', 'days', { unit: '天', computed: true, sub: true }),
  f('interact', 'lettersPublic', '公开答复数量', 'count', { unit: '条', computed: true, sub: true }),
  f('interact', 'surveys', '征集调查：征集调查期数', 'count', { unit: '期', computed: true }),
  f('interact', 'surveyOpinions', '收到意见数量', 'count', { unit: '条', computed: true, sub: true }),
  f('interact', 'surveyResults', '公布调查结果期数', 'count', { unit: '期', computed: true, sub: true }),
  f('interact', 'interviews', '在线访谈：访谈期数', 'count', { unit: '期', computed: true }),
  f('interact', 'interviewMessages', '网民留言数量', 'count', { unit: '条', sub: true }),
  f('interact', 'interviewAnswers', '答复网民提问数量', 'count', { unit: '条', sub: true }),
  f('interact', 'smartQa', '是否提供智能问答', 'yesno'),

  f('security', 'securityChecks', '安全检测评估次数', 'count', { unit: '次' }),
  f('security', 'securityFound', '发现问题数量', 'count', { unit: '个', computed: true }),
  f('security', 'securityFixed', '问题整改数量', 'count', { unit: '个', computed: true }),
  f('security', 'securityWarning', '是否建立安全监测预警机制', 'yesno'),
  f('security', 'securityDrill', '是否开展应急演练', 'yesno'),
  f('security', 'securityOwner', '是否明确网站安全责任人', 'yesno'),

  f('mobile', 'hasNewMedia', '是否有移动新媒体', 'yesno', { computed: true }),

  f('innovation', 'searchService', '搜索即服务', 'text'),
  f('innovation', 'multilingual', '多语言版本', 'text'),
  f('innovation', 'accessibility', '无障碍浏览', 'text'),
  f('innovation', 'personalised', '千人千网', 'text'),
  f('innovation', 'innovationOther', '其他', 'text'),

  f('footer', 'fillerUnit', '单位名称', 'text', { computed: true }),
  f('footer', 'head', '负责人', 'text'),
  f('footer', 'auditor', '审核人', 'text'),
  f('footer', 'filler', '填报人', 'text'),
  f('footer', 'phone', '联系电话', 'text'),
  f('footer', 'filledOn', '填报日期', 'text'),
];

export const REPORT_FIELD_KEYS = REPORT_FIELDS.map((x) => x.key);
const FIELD_BY_KEY = new Map(REPORT_FIELDS.map((x) => [x.key, x]));
export const reportField = (key: string): ReportField | undefined => FIELD_BY_KEY.get(key);

export const SITE_TYPES = ['政府门户网站', '部门网站', '专项网站'] as const;

export type FieldValue = number | boolean | string;
export type FieldValues = Record<string, FieldValue>;

/** A computed value and where it comes from (「平台数据：已发布信息」). */
export interface ComputedValue {
  value: FieldValue;
  source: string;
}

/** One 政务新媒体 row: from the register and the year's post records; 关注量 by hand. */
export interface AccountLine {
  accountId: string;
  platform: string;
  name: string;
  posts: number;
}

/** The computed figures of one report: frozen on submit. `asOf`: the China date they were read. */
export interface ReportSnapshot {
  values: Record<string, ComputedValue>;
  accounts: AccountLine[];
  asOf: string;
}

/** What the unit fills by hand: field values and each account's 关注量/订阅数. */
export interface ManualValues {
  values: FieldValues;
  followers: Record<string, number>;
}

export const REPORT_STATUS_LABELS = { draft: '草稿', submitted: '已提交', published: '已发布' } as const;
export type ReportStatus = keyof typeof REPORT_STATUS_LABELS;
export const REPORT_STATUSES = codesOf(REPORT_STATUS_LABELS);

/** The report of `year` is due on 1月31日 of the following year [M]. */
export const reportDue = (year: number): string => `${year + 1}-01-31`;

/** Overdue: not yet submitted (no report, or a draft — also one returned) after the due day (China dates). */
export function reportOverdue(year: number, status: ReportStatus | null, today: string): boolean {
  return (status === null || status === 'draft') && today > reportDue(year);
}

export interface ReportIssue {
  key: string;
  message: string;
}

const MAX_TEXT = 200;
const MAX_COUNT = 2_000_000_000;

/** One field's hand-filled value checked against its kind; the value to keep, or a Chinese message. */
export function checkValue(
  field: ReportField,
  raw: unknown,
): { ok: true; value: FieldValue } | { ok: false; message: string } {
  const bad = (m: string) => ({ ok: false as const, message: `${field.label}${m}` });
  switch (field.kind) {
    case 'count':
      if (typeof raw !== 'number' || !Number.isInteger(raw)) return bad('应为整数');
      if (raw < 0) return bad('不能为负数');
      if (raw > MAX_COUNT) return bad('过大');
      return { ok: true, value: raw };
    case 'days':
      if (typeof raw !== 'number' || !Number.isFinite(raw)) return bad('应为数字');
      if (raw < 0) return bad('不能为负数');
      if (Math.round(raw * 10) !== raw * 10) return bad('最多保留一位小数');
      if (raw > 36_500) return bad('过大');
      return { ok: true, value: raw };
    case 'yesno':
      if (typeof raw !== 'boolean') return bad('应为“是”或“否”');
      return { ok: true, value: raw };
    case 'text': {
      if (typeof raw !== 'string') return bad('应为文字');
      const t = raw.trim();
      if (t.length > MAX_TEXT) return bad(`不能超过${MAX_TEXT}字`);
      if (field.key === 'siteType' && t && !(SITE_TYPES as readonly string[]).includes(t))
        return bad(`应为${SITE_TYPES.join('、')}之一`);
      return { ok: true, value: t };
    }
  }
}

/**
 * Reads the hand-filled values: unknown fields and wrong kinds are issues; null or '' clears a field (the computed
 * value, if any, is used again).
 */
export function parseManual(input: { values: Record<string, unknown>; followers: Record<string, unknown> }): {
  manual: ManualValues;
  issues: ReportIssue[];
} {
  const issues: ReportIssue[] = [];
  const values: FieldValues = {};
  for (const [key, raw] of Object.entries(input.values)) {
    const field = FIELD_BY_KEY.get(key);
    if (!field) {
      issues.push({ key, message: `未知的报表项：${key}` });
      continue;
    }
    if (raw === null || raw === undefined || raw === '') continue;
    const r = checkValue(field, raw);
    if (r.ok) values[key] = r.value;
    else issues.push({ key, message: r.message });
  }
  const followers: Record<string, number> = {};
  for (const [id, raw] of Object.entries(input.followers)) {
    if (raw === null || raw === undefined || raw === '') continue;
    if (typeof raw !== 'number' || !Number.isInteger(raw) || raw < 0 || raw > MAX_COUNT)
      issues.push({ key: `followers.${id}`, message: '关注量/订阅数应为非负整数' });
    else followers[id] = raw;
  }
  return { manual: { values, followers }, issues };
}

/** The value a field shows: hand-filled first, then computed. */
export function usedValues(computed: Record<string, ComputedValue>, manual: FieldValues): FieldValues {
  const out: FieldValues = {};
  for (const [k, c] of Object.entries(computed)) out[k] = c.value;
  for (const [k, v] of Object.entries(manual)) out[k] = v;
  return out;
}

const num = (v: FieldValue | undefined) => (typeof v === 'number' ? v : undefined);

/** The rules between fields, on the values used (a computed value and a hand-filled one can disagree). */
export function crossCheck(v: FieldValues): ReportIssue[] {
  const issues: ReportIssue[] = [];
  const le = (part: string, whole: string, message: string) => {
    const a = num(v[part]);
    const b = num(v[whole]);
    if (a !== undefined && b !== undefined && a > b) issues.push({ key: part, message });
  };
  le('lettersClosed', 'lettersReceived', '办结留言数量不能大于收到留言数量');
  le('lettersPublic', 'lettersReceived', '公开答复数量不能大于收到留言数量');
  le('securityFixed', 'securityFound', '问题整改数量不能大于发现问题数量');
  le('serviceOnline', 'serviceItems', '可全程在线办理政务服务事项数量不能大于政务服务事项数量');
  le('surveyResults', 'surveys', '公布调查结果期数不能大于征集调查期数');
  le('topicsNew', 'topicsKept', '新开设专栏专题数量不能大于维护数量');
  const total = num(v.casesTotal);
  const persons = num(v.casesPersons);
  const entities = num(v.casesEntities);
  if (total !== undefined && persons !== undefined && entities !== undefined && persons + entities !== total)
    issues.push({ key: 'casesTotal', message: '自然人办件量与法人办件量之和应等于办件量总数' });
  const interpret = num(v.interpretTotal);
  const parts = ['interpretMaterials', 'interpretProducts', 'interpretMedia'].map((k) => num(v[k]) ?? 0);
  if (interpret !== undefined && parts.reduce((a, b) => a + b, 0) > interpret)
    issues.push({
      key: 'interpretTotal',
      message: '解读材料、解读产品和媒体评论文章数量之和不能大于解读信息发布总数',
    });
  return issues;
}

/** Shown value of a field: 是/否 for yes-no, the number or text otherwise; '' when neither given. */
export function formatValue(field: Pick<ReportField, 'kind'>, v: FieldValue | undefined): string {
  if (v === undefined) return '';
  if (field.kind === 'yesno') return v === true ? '是' : v === false ? '否' : String(v);
  return String(v);
}

/** The average of day spans with one decimal (null when none). */
export function averageDays(spans: readonly number[]): number | null {
  if (!spans.length) return null;
  return Math.round((spans.reduce((a, b) => a + b, 0) / spans.length) * 10) / 10;
}
