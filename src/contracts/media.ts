// Contracts of the media module (issue 12): the register of websites and 政务新媒体 accounts, filings (备案) with
// the signed request scan, the register import, and website checks.
import { z } from 'zod';
import {
  CHANNEL_STATUSES,
  FILING_KINDS,
  FILING_STATUSES,
  FILING_TARGETS,
  MEDIA_PLATFORMS,
  SITE_CODE_RE,
  websiteKey,
} from '../domain/media/registry';
import { endpoint, zDate, zInstant, zPage, zPaged, zUuid } from './http';

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
  unitId: z.string(),
  unitName: z.string(),
  status: z.enum(CHANNEL_STATUSES),
  lastCheck: z
    .object({ id: z.string(), asOf: z.string(), verdict: z.string(), findings: z.number().int() })
    .nullable(),
  openRectifications: z.number().int(),
});
export type WebsiteRow = z.output<typeof websiteRowSchema>;

export const accountRowSchema = accountFieldsSchema.extend({
  id: z.string(),
  unitId: z.string(),
  unitName: z.string(),
  status: z.enum(CHANNEL_STATUSES),
});
export type AccountRow = z.output<typeof accountRowSchema>;

export const registerQuerySchema = z.object({
  ...zPage,
  q: z.string().trim().max(100).optional(),
  status: z.enum(CHANNEL_STATUSES).optional(),
});

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
  unitId: z.string(),
  unitName: z.string(),
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
  checkedAt: zInstant,
});
export type SiteCheck = z.output<typeof siteCheckSchema>;

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
    response: z.object({ fileId: z.string(), name: z.string(), size: z.number().int() }),
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
  rectifications: endpoint({
    method: 'get',
    path: '/api/media/websites/:id/rectifications',
    tag,
    summary: '网站整改事项',
    permission: 'media:registry:list',
    response: z.array(rectificationSchema),
  }),
};
