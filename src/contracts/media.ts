// Contracts of the media module (issue 12): the register of websites and 政务新媒体 accounts, filings (备案) with
// the signed request scan, the register import, and website checks.
import { z } from 'zod';
import { REPORT_GROUPS, REPORT_STATUSES } from '../domain/media/annual-report';
import { BULLETIN_PERIODS } from '../domain/media/bulletin';
import { ACCOUNT_VETO_RULES } from '../domain/media/newmedia';
import {
  CHANNEL_STATUSES,
  FILING_KINDS,
  FILING_STATUSES,
  FILING_TARGETS,
  MEDIA_PLATFORMS,
  SITE_CODE_RE,
  websiteKey,
} from '../domain/media/registry';
import {
  endpoint,
  endpointsOf,
  zCounts,
  zDate,
  zFile,
  zImportPreview,
  zInstant,
  zPage,
  zPaged,
  zPagedQuery,
  zStoredFile,
  zUnitRef,
  zUuid,
} from './http';

const text = (max: number, label: string) => z.string().trim().max(max, `${label}过长`);
const required = (max: number, label: string) => text(max, label).min(1, `请填写${label}`);

export const websiteFieldsSchema = z.object({
  name: required(100, '网站名称'),
  url: required(300, '网址').refine(
    (u) => websiteKey(u) !== undefined,
    '网址无效：应为 http:// 或 https:// 开头的网址',
  ),
  siteCode: text(20, '网站标识码').refine((s) => s === '' || SITE_CODE_RE.test(s), '网站标识码应为10位数字'),
  icp: text(60, 'ICP备案号'),
  psb: text(60, '公安机关备案号'),
  sponsor: text(100, '主办单位'),
  operator: text(100, '承办单位'),
});
export type WebsiteFields = z.output<typeof websiteFieldsSchema>;

export const accountFieldsSchema = z.object({
  platform: z.enum(MEDIA_PLATFORMS, { message: '请选择平台' }),
  name: required(100, '账号名称'),
  accountId: required(100, '账号ID'),
  sponsor: text(100, '主办单位'),
  maintainer: text(100, '运维单位'),
});
export type AccountFields = z.output<typeof accountFieldsSchema>;

export const websiteRowSchema = websiteFieldsSchema.extend({
  id: z.string(),
  ...zUnitRef,
  status: z.enum(CHANNEL_STATUSES),
  lastCheck: z
    .object({ id: z.string(), asOf: z.string(), verdict: z.string(), findings: z.number().int() })
    .nullable(),
  openRectifications: z.number().int(),
});
export type WebsiteRow = z.output<typeof websiteRowSchema>;

export const accountRowSchema = accountFieldsSchema.extend({
  id: z.string(),
  ...zUnitRef,
  status: z.enum(CHANNEL_STATUSES),
  /** The latest recorded post (any date; the 抽查 judges against its own day). */
  lastPost: z.string().nullable(),
  lastSpotCheck: z.object({ checkedOn: z.string(), verdict: z.string() }).nullable(),
});
export type AccountRow = z.output<typeof accountRowSchema>;

export const registerQuerySchema = zPagedQuery({ status: z.enum(CHANNEL_STATUSES).optional() });

export const filingInputSchema = z
  .object({
    kind: z.enum(FILING_KINDS, { message: '请选择备案类型' }),
    target: z.enum(FILING_TARGETS, { message: '请选择网站或新媒体账号' }),
    /** The register entry (变更/关停/注销). */
    targetId: zUuid.optional(),
    /** The owning unit (开设). */
    unitId: zUuid.optional(),
    website: websiteFieldsSchema.optional(),
    account: accountFieldsSchema.optional(),
    note: text(2000, '说明').default(''),
    scanFileId: zUuid.optional(),
  })
  .superRefine((v, ctx) => {
    const issue = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message });
    if (!v.scanFileId) issue('scanFileId', '请上传主要负责人签字并加盖公章的申请扫描件');
    if (v.kind === 'open' && !v.unitId) issue('unitId', '请选择主办单位');
    if (v.kind !== 'open' && !v.targetId) issue('targetId', '请选择登记册中的网站或账号');
    if (v.kind === 'open' || v.kind === 'change') {
      if (v.target === 'website' && !v.website) issue('website', '请填写网站信息');
      if (v.target === 'account' && !v.account) issue('account', '请填写新媒体账号信息');
    }
  });
export type FilingInput = z.output<typeof filingInputSchema>;

export const filingRowSchema = z.object({
  id: z.string(),
  kind: z.enum(FILING_KINDS),
  target: z.enum(FILING_TARGETS),
  targetId: z.string().nullable(),
  targetName: z.string(),
  ...zUnitRef,
  payload: z.record(z.string(), z.string()),
  note: z.string(),
  scan: z.object({ fileId: z.string(), name: z.string() }),
  status: z.enum(FILING_STATUSES),
  reviewNote: z.string(),
  createdAt: zInstant,
  reviewedAt: zInstant.nullable(),
});
export type FilingRow = z.output<typeof filingRowSchema>;

export const reviewInputSchema = z
  .object({
    decision: z.enum(['approve', 'reject'], { message: '请选择审核结论' }),
    note: text(2000, '审核意见').default(''),
  })
  .refine((v) => v.decision === 'approve' || v.note.length > 0, {
    path: ['note'],
    message: '退回时请填写理由',
  });

export const importResultSchema = z.object({ imported: z.number().int() });

const findingSchema = z.object({
  kind: z.string(),
  page: z.string(),
  target: z.string().optional(),
  column: z.string().optional(),
  text: z.string().optional(),
  detail: z.string(),
});

export const siteCheckSchema = z.object({
  id: z.string(),
  websiteId: z.string(),
  asOf: z.string(),
  trigger: z.enum(['schedule', 'manual']),
  verdict: z.string(),
  pages: z.number().int(),
  vetoes: z.array(z.object({ rule: z.string(), detail: z.string() })),
  findings: z.array(findingSchema),
  notes: z.array(z.string()),
  /** MON-1: the last 7 days' availability samples the verdict used (null: none yet). */
  availability: z.object(zCounts('failed', 'total')).nullable(),
  checkedAt: zInstant,
});
export type SiteCheck = z.output<typeof siteCheckSchema>;

export const availabilitySchema = z.object(zCounts('failed', 'total', 'days'));
export type Availability = z.output<typeof availabilitySchema>;

export const rectificationSchema = z.object({
  id: z.string(),
  websiteId: z.string(),
  finding: findingSchema,
  dueDate: z.string(),
  status: z.enum(['open', 'closed']),
  taskAssignmentId: z.string().nullable(),
  openedAt: zInstant,
  closedAt: zInstant.nullable(),
});
export type Rectification = z.output<typeof rectificationSchema>;

// ---- 政务新媒体 posts and 抽查 (issue 12 part 3) ----

export const postInputSchema = z.object({
  title: required(300, '标题'),
  publishedOn: zDate,
  reads: z.number().int().min(0, '阅读量不能为负').max(2_000_000_000).nullable().default(null),
  url: text(500, '链接')
    .refine((u) => u === '' || /^https?:\/\/\S+$/i.test(u), '链接应为 http:// 或 https:// 开头的网址')
    .default(''),
});
export type PostInput = z.output<typeof postInputSchema>;

export const postRowSchema = z.object({
  id: z.string(),
  accountId: z.string(),
  title: z.string(),
  publishedOn: z.string(),
  reads: z.number().int().nullable(),
  url: z.string(),
  source: z.enum(['manual', 'import']),
  createdAt: zInstant,
});
export type PostRow = z.output<typeof postRowSchema>;

export const postImportPreviewSchema = zImportPreview({
  title: z.string(),
  publishedOn: z.string(),
  reads: z.number().int().nullable(),
  url: z.string(),
  /** Already recorded (same day and title): left as it is. */
  existing: z.boolean(),
}).extend({
  /** The header chosen for each field from the vocabulary. */
  columns: z.record(z.string(), z.string()),
});
export type PostImportPreview = z.output<typeof postImportPreviewSchema>;

export const evidenceSchema = zStoredFile;

export const spotCheckInputSchema = z.object({
  /** The day checked; today (China) when left out. */
  checkedOn: zDate.optional(),
  interactionWorks: z.boolean({ message: '请选择互动功能是否可用' }),
  note: text(2000, '抽查说明').default(''),
  evidenceFileIds: z.array(zUuid).min(1, '请上传至少一张截图作为抽查证据').max(20, '截图最多20张'),
});
export type SpotCheckInput = z.output<typeof spotCheckInputSchema>;

export const spotCheckSchema = z.object({
  id: z.string(),
  accountId: z.string(),
  checkedOn: z.string(),
  lastPost: z.string().nullable(),
  interactionWorks: z.boolean(),
  verdict: z.string(),
  vetoes: z.array(z.object({ rule: z.enum(ACCOUNT_VETO_RULES), detail: z.string() })),
  note: z.string(),
  evidence: z.array(z.object({ fileId: z.string(), name: z.string() })),
  createdAt: zInstant,
});
export type SpotCheck = z.output<typeof spotCheckSchema>;

// ---- 检查通报 (part 5) and dashboards (part 7) ----

const countSchema = z.object({ key: z.string(), label: z.string(), count: z.number().int() });
const passSchema = z.object(zCounts('checked', 'passed', 'failed'));
export const bulletinFiguresSchema = z.object({
  sites: passSchema,
  /** MON-1 per sampled site (absent in 通报 made before it was counted). */
  availability: z
    .array(
      z.object({
        unitName: z.string(),
        name: z.string(),
        probes: z.number().int(),
        failures: z.number().int(),
        share: z.number(),
        veto: z.boolean(),
      }),
    )
    .optional(),
  siteVetoes: z.array(countSchema),
  findings: z.array(countSchema),
  accounts: passSchema,
  accountVetoes: z.array(countSchema),
  praised: z.array(z.string()),
  criticised: z.array(z.string()),
});

export const bulletinSchema = z.object({
  id: z.string(),
  year: z.number().int(),
  period: z.enum(BULLETIN_PERIODS),
  title: z.string(),
  docNumber: z.string(),
  figures: bulletinFiguresSchema,
  status: z.enum(['draft', 'published']),
  createdAt: zInstant,
  publishedAt: zInstant.nullable(),
});
export type Bulletin = z.output<typeof bulletinSchema>;

export const bulletinInputSchema = z.object({
  year: z.number().int().min(2000, '年份无效').max(2100, '年份无效'),
  period: z.enum(BULLETIN_PERIODS, { message: '请选择季度或半年' }),
  /** The 文号's number; the settings' next number when left out. */
  number: z.number().int().min(1).max(9999).optional(),
});

export const dashboardSchema = z.object({
  /** Each site's checks in the window, oldest first. */
  health: z.array(
    z.object({
      websiteId: z.string(),
      name: z.string(),
      unitName: z.string(),
      checks: z.array(z.object({ asOf: z.string(), verdict: z.string(), findings: z.number().int() })),
    }),
  ),
  /** Open 整改 per unit; overdue when past its due date. */
  openByUnit: z.array(z.object({ ...zUnitRef, ...zCounts('open', 'overdue') })),
});
export type MediaDashboard = z.output<typeof dashboardSchema>;

const nm = endpointsOf('政府网站与政务新媒体');
const accountPath = '/api/media/accounts/:id';

/** New-media posts, 抽查, 检查通报 and dashboards. */
export const newMediaApi = {
  posts: nm.get(`${accountPath}/posts`, '新媒体账号的发布记录', 'media:registry:list', {
    query: z.object({ ...zPage }),
    response: zPaged(postRowSchema),
  }),
  createPost: nm.post(`${accountPath}/posts`, '登记一条发布记录', 'media:post:record', {
    body: postInputSchema,
    response: postRowSchema,
    status: 201,
  }),
  previewPostImport: nm.post(
    `${accountPath}/posts/import/preview`,
    '上传平台导出的发布记录（.xlsx）并预览（不保存）',
    'media:post:record',
    { upload: true, response: postImportPreviewSchema },
  ),
  importPosts: nm.post(
    `${accountPath}/posts/import`,
    '导入发布记录（有一处问题则整表不导入；已登记的跳过）',
    'media:post:record',
    { upload: true, response: z.object({ created: z.number().int(), skipped: z.number().int() }) },
  ),
  uploadEvidence: nm.post('/api/media/evidence', '上传抽查截图（.png/.jpg/.pdf）', 'media:spot:check', {
    upload: true,
    response: evidenceSchema,
  }),
  evidence: nm.get('/api/media/evidence/:fileId', '下载抽查截图', 'media:registry:list', {
    response: zFile,
  }),
  spotChecks: nm.get(`${accountPath}/spot-checks`, '新媒体账号的抽查记录', 'media:registry:list', {
    response: z.array(spotCheckSchema),
  }),
  createSpotCheck: nm.post(
    `${accountPath}/spot-checks`,
    '抽查新媒体账号（两周未更新、无有效互动功能单项否决）',
    'media:spot:check',
    { body: spotCheckInputSchema, response: spotCheckSchema, status: 201 },
  ),
  bulletins: nm.get('/api/media/bulletins', '网站与新媒体检查通报', 'media:registry:list', {
    response: z.array(bulletinSchema),
  }),
  createBulletin: nm.post(
    '/api/media/bulletins',
    '生成季度或半年检查通报（.docx 公文格式；文号取设置中的机关代字）',
    'media:bulletin:manage',
    { body: bulletinInputSchema, response: bulletinSchema, status: 201 },
  ),
  bulletinFile: nm.get('/api/media/bulletins/:id/file', '下载检查通报（.docx）', 'media:registry:list', {
    response: zFile,
  }),
  publishBulletin: nm.post(
    '/api/media/bulletins/:id/publish',
    '在门户网站发布检查通报',
    'media:bulletin:manage',
    { response: bulletinSchema },
  ),
  dashboard: nm.get('/api/media/dashboard', '网站健康趋势与未完成整改', 'media:registry:list', {
    query: z.object({ from: zDate.optional(), to: zDate.optional() }),
    response: dashboardSchema,
  }),
};

const tag = '政府网站与政务新媒体';

export const mediaApi = {
  websites: endpoint({
    method: 'get',
    path: '/api/media/websites',
    tag,
    summary: '政府网站登记册',
    permission: 'media:registry:list',
    query: registerQuerySchema,
    response: zPaged(websiteRowSchema),
  }),
  accounts: endpoint({
    method: 'get',
    path: '/api/media/accounts',
    tag,
    summary: '政务新媒体登记册',
    permission: 'media:registry:list',
    query: registerQuerySchema,
    response: zPaged(accountRowSchema),
  }),
  importWebsites: endpoint({
    method: 'post',
    path: '/api/media/websites/import',
    tag,
    summary: '导入政府网站登记册（.xlsx；网址重复则整表不导入）',
    permission: 'media:registry:import',
    upload: true,
    response: importResultSchema,
  }),
  uploadScan: endpoint({
    method: 'post',
    path: '/api/media/scans',
    tag,
    summary: '上传备案申请扫描件（主要负责人签字并加盖公章）',
    permission: 'media:filing:submit',
    upload: true,
    response: zStoredFile,
  }),
  filings: endpoint({
    method: 'get',
    path: '/api/media/filings',
    tag,
    summary: '备案记录（开设、变更、关停、注销）',
    permission: 'media:registry:list',
    query: z.object({ ...zPage, status: z.enum(FILING_STATUSES).optional() }),
    response: zPaged(filingRowSchema),
  }),
  submitFiling: endpoint({
    method: 'post',
    path: '/api/media/filings',
    tag,
    summary: '提交备案申请（须附签字盖章的申请扫描件）',
    permission: 'media:filing:submit',
    body: filingInputSchema,
    response: filingRowSchema,
  }),
  reviewFiling: endpoint({
    method: 'post',
    path: '/api/media/filings/:id/review',
    tag,
    summary: '审核备案申请（通过后登记册随之变更）',
    permission: 'media:filing:review',
    body: reviewInputSchema,
    response: filingRowSchema,
  }),
  checks: endpoint({
    method: 'get',
    path: '/api/media/websites/:id/checks',
    tag,
    summary: '网站检查记录',
    permission: 'media:registry:list',
    response: z.array(siteCheckSchema),
  }),
  runCheck: endpoint({
    method: 'post',
    path: '/api/media/websites/:id/check',
    tag,
    summary: '立即检查网站（按国办秘函〔2019〕19号）',
    permission: 'media:check:run',
    body: z.object({ asOf: zDate.optional() }),
    response: siteCheckSchema,
  }),
  availability: endpoint({
    method: 'get',
    path: '/api/media/websites/:id/availability',
    tag,
    summary: '网站近7天可用性抽测（MON-1）',
    permission: 'media:registry:list',
    response: availabilitySchema,
  }),
  rectifications: endpoint({
    method: 'get',
    path: '/api/media/websites/:id/rectifications',
    tag,
    summary: '网站整改事项',
    permission: 'media:registry:list',
    response: z.array(rectificationSchema),
  }),
};

// ---- 政府网站工作年度报表 (part 1) ----

const fieldValueSchema = z.union([z.number(), z.boolean(), z.string()]);
const reportStateSchema = z.enum(['none', ...REPORT_STATUSES]);

export const annualReportRowSchema = z.object({
  websiteId: z.string(),
  websiteName: z.string(),
  url: z.string(),
  ...zUnitRef,
  year: z.number().int(),
  /** 1月31日 of the following year. */
  due: z.string(),
  id: z.string().nullable(),
  /** none: not started. */
  status: reportStateSchema,
  /** Not submitted after the due day. */
  overdue: z.boolean(),
  returnReason: z.string(),
  submittedAt: zInstant.nullable(),
  publishedAt: zInstant.nullable(),
});
export type AnnualReportRow = z.output<typeof annualReportRowSchema>;

/** One website's report: its row in the list (but the address) with the figures. */
export const annualReportSchema = annualReportRowSchema.omit({ url: true }).extend({
  /** The day the computed figures were read (frozen on submit). */
  computedAsOf: z.string(),
  frozen: z.boolean(),
  fields: z.array(
    z.object({
      key: z.string(),
      group: z.enum(REPORT_GROUPS),
      label: z.string(),
      unit: z.string(),
      kind: z.enum(['count', 'yesno', 'text', 'days']),
      sub: z.boolean(),
      /** The platform can compute it. */
      computable: z.boolean(),
      computed: z.object({ value: fieldValueSchema, source: z.string() }).nullable(),
      manual: fieldValueSchema.nullable(),
      /** What the report shows: the hand-filled value, else the computed one. */
      value: fieldValueSchema.nullable(),
    }),
  ),
  accounts: z.array(
    z.object({
      accountId: z.string(),
      platform: z.string(),
      name: z.string(),
      posts: z.number().int(),
      followers: z.number().int().nullable(),
    }),
  ),
  /** Rules between fields the current values break (saving and submitting are refused while there is one). */
  issues: z.array(z.object({ key: z.string(), message: z.string() })),
});
export type AnnualReport = z.output<typeof annualReportSchema>;

export const annualReportInputSchema = z.object({
  /** Hand-filled values by field key; null or '' clears one (the computed value is used again). */
  values: z.record(z.string(), fieldValueSchema.nullable()).default({}),
  /** 关注量/订阅数 by 政务新媒体 account id. */
  followers: z.record(z.string(), z.number().nullable()).default({}),
});

const zReportYear = z.coerce.number().int('年份无效').min(2000, '年份无效').max(2100, '年份无效');
const ar = endpointsOf('政府网站与政务新媒体');
const reportPath = '/api/media/websites/:id/annual-reports/:year';

export const annualReportApi = {
  list: ar.get(
    '/api/media/annual-reports',
    '政府网站工作年度报表（各网站填报情况，截止1月31日）',
    'media:registry:list',
    {
      query: z.object({ year: zReportYear }),
      response: z.array(annualReportRowSchema),
    },
  ),
  summary: ar.get(
    '/api/media/annual-reports/export',
    '导出全部网站的年度报表汇总（.xlsx）',
    'media:registry:list',
    {
      query: z.object({ year: zReportYear }),
      response: zFile,
    },
  ),
  get: ar.get(reportPath, '一个网站的年度报表（平台数据与手填数据）', 'media:registry:list', {
    response: annualReportSchema,
  }),
  save: ar.put(reportPath, '保存年度报表的手填数据', 'media:report:fill', {
    body: annualReportInputSchema,
    response: annualReportSchema,
  }),
  submit: ar.post(`${reportPath}/submit`, '提交年度报表（平台数据随之固定）', 'media:report:fill', {
    response: annualReportSchema,
  }),
  return: ar.post(`${reportPath}/return`, '退回年度报表', 'media:report:review', {
    body: z.object({ reason: required(500, '退回理由') }),
    response: annualReportSchema,
  }),
  publish: ar.post(
    `${reportPath}/publish`,
    '在门户网站发布年度报表（发布后不能修改）',
    'media:report:review',
    {
      response: annualReportSchema,
    },
  ),
  export: ar.get(`${reportPath}/export`, '导出年度报表（.xlsx，指标/数值两列）', 'media:registry:list', {
    response: zFile,
  }),
};
