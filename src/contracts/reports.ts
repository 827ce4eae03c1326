// Contracts of the annual report (政府信息公开工作年度报告, reports): request and response schemas of every route
// and the `reportsApi` map. Shared by server, OpenAPI and console.
import { z } from 'zod';
import {
  type AnnualReport,
  GOVERNMENT_SCOPES,
  type ReportSettings,
  type Table2,
  validMonthDay,
} from '../domain/requests/annual-report';
import type { ValidationIssue } from '../domain/requests/annual-report-check';
import { endpointsOf, settingsEndpoints, zFile, zInstant, zUnitRef, zUuid } from './http';

// Table 二 cells: integers ≥ 0, the fee amount (万元) may be a decimal (REGULATIONS AR-6).
const zCount = z.number({ message: '请填写数字' }).int('应为整数').min(0, '不能为负数');
const zIssued = z.object({ issued: zCount, abolished: zCount, in_force: zCount });
export const zTable2 = z.object({
  art20_1: z.object({ regulations: zIssued, normative_docs: zIssued }),
  art20_5: z.object({ licensing: z.object({ decisions: zCount }) }),
  art20_6: z.object({
    penalty: z.object({ decisions: zCount }),
    compulsion: z.object({ decisions: zCount }),
  }),
  art20_8: z.object({
    fees: z.object({ amount_wan_yuan: z.number({ message: '请填写数字' }).min(0, '不能为负数') }),
  }),
}) satisfies z.ZodType<Table2>;

export const zYear = z.coerce.number().int('年份无效').min(2008, '年份无效').max(2100, '年份无效');

export const reportInputSchema = z.object({
  table2: zTable2,
  overview: z.string().max(20000),
  problems: z.string().max(20000),
  otherMatters: z.string().max(20000),
});
export type ReportInput = z.output<typeof reportInputSchema>;

const zCounts = z.record(z.string(), z.record(z.string(), z.number()));

/** The report as computed: tables 三 and 四 are counts by row and column (their keys come from the domain). */
const annualReportSchema = z.object({
  year: z.number().int(),
  unit: z.string().optional(),
  overview: z.string(),
  problems: z.string(),
  otherMatters: z.string(),
  table2: zTable2,
  table3: zCounts,
  table4: zCounts,
}) as unknown as z.ZodType<AnnualReport>;

const validationIssueSchema = z.object({
  severity: z.enum(['error', 'warning']),
  rule: z.string(),
  cell: z.string().optional(),
  message: z.string(),
}) as unknown as z.ZodType<ValidationIssue>;

/** When the report was published, its publication deadline (条例第四十九条) and whether that passed unpublished. */
const zPublication = {
  publishedAt: zInstant.nullable(),
  publicationDue: z.string(),
  overdue: z.boolean(),
};

export const reportOverviewRowSchema = z.object({
  ...zUnitRef,
  reportId: z.string().nullable(),
  errors: z.number().int(),
  warnings: z.number().int(),
  ...zPublication,
});
export type ReportOverviewRow = z.output<typeof reportOverviewRowSchema>;

export const reportViewSchema = z.object({
  id: z.string().nullable(),
  ...zUnitRef,
  report: annualReportSchema,
  errors: z.array(validationIssueSchema),
  warnings: z.array(validationIssueSchema),
  ...zPublication,
  /** Whether the year has ended: before that, publishing needs a reason. */
  yearEnded: z.boolean(),
});
export type ReportView = z.output<typeof reportViewSchema>;

/** Whose figures the 区人民政府's report counts, and the 镇街 deadline (the 条例 sets none). */
export const reportSettingsSchema = z.object({
  governmentScope: z.enum(GOVERNMENT_SCOPES, { message: '统计口径应为本级或全区' }),
  townshipDeadline: z
    .string()
    .trim()
    .refine(validMonthDay, '镇街年报公布期限应为每年都有的日期（月-日），如 01-31、02-20'),
}) satisfies z.ZodType<ReportSettings>;
export type ReportSettingsInput = z.output<typeof reportSettingsSchema>;

/** The unit and year of a report path (checked by the handler: a path parameter is a string). */
export const reportKey = z.object({ unitId: zUuid, year: zYear });

const tag = '年度报告';
const api = endpointsOf(tag);
const reportPath = '/api/reports/:unitId/:year';
const settings = settingsEndpoints(
  api,
  '/api/reports/settings',
  reportSettingsSchema,
  { summary: '年度报告设置（区政府统计口径、镇街公布期限）', permission: 'reports:report:list' },
  { summary: '修改年度报告设置', permission: 'reports:report:publish' },
);

export const reportsApi = {
  getSettings: settings.get,
  putSettings: settings.put,
  overview: api.get('/api/reports', '各单位年度报告及校验状态', 'reports:report:list', {
    query: z.object({ year: zYear }),
    response: z.array(reportOverviewRowSchema),
  }),
  get: api.get(reportPath, '年度报告（表三、表四由申请和复议诉讼记录计算）', 'reports:report:list', {
    response: reportViewSchema,
  }),
  save: api.put(reportPath, '保存年度报告（表二与文字部分）', 'reports:report:update', {
    body: reportInputSchema,
    response: reportViewSchema,
  }),
  publish: api.post(
    `${reportPath}/publish`,
    '发布到门户“政府信息公开年报”栏目（年度结束前须填写提前发布的理由）',
    'reports:report:publish',
    {
      body: z.object({ earlyReason: z.string().trim().max(500, '理由不超过 500 字').optional() }),
      response: reportViewSchema,
    },
  ),
  exportDocx: api.get(`${reportPath}/export.docx`, '导出年度报告（.docx）', 'reports:report:list', {
    response: zFile,
  }),
  exportHtml: api.get(`${reportPath}/export.html`, '导出年度报告（.html）', 'reports:report:list', {
    response: zFile,
  }),
};
