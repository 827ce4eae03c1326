// Contracts of the assessment module (考核评估, issue 12 part 6): the yearly indicator tree per unit kind, freeze,
// manual scores with evidence, the 电话测评 import, live results with drill-down, export and publication.
import { z } from 'zod';
import { BULLETINS, NO_RECORDS_POLICIES } from '../domain/assessment/scoring';
import {
  ASSESSED_KINDS,
  CODE_RE,
  COMPUTED_SOURCES,
  INDICATOR_METHODS,
  PLAN_STATUSES,
  treeProblems,
} from '../domain/assessment/tree';
import { endpointsOf, settingsEndpoints, zFile, zInstant, zUuid } from './http';

const zYear = z.coerce
  .number({ message: '请填写年度' })
  .int('年度应为整数')
  .min(2000, '年度无效')
  .max(2100, '年度无效');
const zKind = z.enum(ASSESSED_KINDS, { message: '请选择考核对象类别' });

export const indicatorSchema = z.object({
  code: z.string().trim().regex(CODE_RE, '指标编号应为一个大写字母加数字，如A1'),
  category: z.string().trim().min(1, '请填写一级指标').max(40, '一级指标过长'),
  name: z.string().trim().min(1, '请填写指标名称').max(60, '指标名称过长'),
  weight: z.number({ message: '请填写分值' }).positive('分值应大于0').max(100, '分值不能超过100'),
  method: z.enum(INDICATOR_METHODS, { message: '请选择计分方式' }),
  source: z.enum(COMPUTED_SOURCES).nullable(),
  criteria: z.string().trim().max(500, '评分标准过长'),
});

export const planKeySchema = z.object({ year: zYear, unitKind: zKind });

export const treeInputSchema = planKeySchema
  .extend({ indicators: z.array(indicatorSchema).max(60, '指标过多') })
  .superRefine((v, ctx) => {
    for (const message of treeProblems(v.indicators))
      ctx.addIssue({ code: 'custom', path: ['indicators'], message });
  });

export const planSchema = z.object({
  id: z.string().nullable(),
  year: z.number().int(),
  unitKind: zKind,
  status: z.enum(PLAN_STATUSES),
  /** False while the year still shows the default tree (nothing saved yet). */
  stored: z.boolean(),
  indicators: z.array(indicatorSchema),
  frozenAt: zInstant.nullable(),
  publishedAt: zInstant.nullable(),
});
export type Plan = z.output<typeof planSchema>;

const recordSchema = z.object({ id: z.string(), label: z.string(), ok: z.boolean(), detail: z.string() });

export const indicatorScoreSchema = z.object({
  code: z.string(),
  name: z.string(),
  category: z.string(),
  weight: z.number(),
  method: z.enum(INDICATOR_METHODS),
  /** False: nothing to judge this year and the policy spreads its weight (not counted in the total). */
  applicable: z.boolean(),
  score: z.number(),
  source: z.string(),
  records: z.array(recordSchema),
});

export const unitResultSchema = z.object({
  unitId: z.string(),
  unit: z.string(),
  total: z.number(),
  rank: z.number().int(),
  bulletin: z.enum(BULLETINS).nullable(),
  /** The weight of the indicators that applied; below 100 the total is scaled up to 100 (19号's ×4/3). */
  applicableWeight: z.number(),
  indicators: z.array(indicatorScoreSchema),
});
export type UnitResult = z.output<typeof unitResultSchema>;

export const resultsSchema = z.object({
  plan: planSchema,
  /** The no-records policy the totals were computed under (the setting in force). */
  noRecords: z.enum(NO_RECORDS_POLICIES),
  /** Units in rank order; a unit user sees its own unit only. */
  units: z.array(unitResultSchema),
});
export type Results = z.output<typeof resultsSchema>;

export const manualScoreInputSchema = planKeySchema.extend({
  unitId: zUuid,
  code: z.string().trim().regex(CODE_RE, '指标编号无效'),
  score: z.number({ message: '请填写得分' }).min(0, '得分不能为负'),
  evidence: z.string().trim().min(2, '请填写评分依据').max(2000, '评分依据过长'),
  scorer: z.string().trim().min(2, '请填写评分人姓名').max(40, '评分人姓名过长'),
});

export const manualScoreSchema = z.object({
  unitId: z.string(),
  code: z.string(),
  score: z.number(),
  evidence: z.string(),
  scorer: z.string(),
  scoredAt: zInstant,
});

export const phonePreviewSchema = z.object({
  rows: z.array(
    z.object({
      row: z.number().int(),
      unit: z.string(),
      unitId: z.string().nullable(),
      score: z.number().nullable(),
      calls: z.number().int().nullable(),
      note: z.string(),
      errors: z.array(z.string()),
    }),
  ),
  valid: z.number().int(),
  invalid: z.number().int(),
});
export type PhonePreview = z.output<typeof phonePreviewSchema>;

export const assessmentSettingsSchema = z.object({
  noRecords: z.enum(NO_RECORDS_POLICIES, { message: '请选择无记录指标的计分方式' }),
});
export type AssessmentSettings = z.output<typeof assessmentSettingsSchema>;

const tag = '考核评估';
const api = endpointsOf(tag);
const base = '/api/assessment';
const settings = settingsEndpoints(
  api,
  `${base}/settings`,
  assessmentSettingsSchema,
  { summary: '考核计分设置（无记录指标的计分方式）', permission: 'assessment:plan:list' },
  { summary: '保存考核计分设置', permission: 'assessment:plan:update' },
);

export const assessmentApi = {
  plan: api.get(`${base}/plan`, '年度考核指标体系（未保存时为默认指标）', 'assessment:plan:list', {
    query: planKeySchema,
    response: planSchema,
  }),
  putPlan: api.put(`${base}/plan`, '保存考核指标体系（冻结后不能修改）', 'assessment:plan:update', {
    body: treeInputSchema,
    response: planSchema,
  }),
  freeze: api.post(`${base}/plan/freeze`, '开始评分（冻结指标体系）', 'assessment:plan:update', {
    body: planKeySchema,
    response: planSchema,
  }),
  results: api.get(
    `${base}/results`,
    '考核得分与排名（按实时数据计算，可追溯到记录）',
    'assessment:result:list',
    {
      query: planKeySchema,
      response: resultsSchema,
    },
  ),
  scores: api.get(`${base}/scores`, '人工评分记录', 'assessment:result:list', {
    query: planKeySchema,
    response: z.array(manualScoreSchema),
  }),
  putScore: api.put(`${base}/scores`, '人工评分（须填写依据与评分人）', 'assessment:score:update', {
    body: manualScoreInputSchema,
    response: manualScoreSchema,
  }),
  phonePreview: api.post(
    `${base}/phone/preview`,
    '上传电话测评结果并预览（不保存）',
    'assessment:score:update',
    {
      query: z.object({ year: zYear }),
      upload: true,
      response: phonePreviewSchema,
    },
  ),
  phoneImport: api.post(
    `${base}/phone`,
    '导入电话测评结果（全部成功或全部不导入）',
    'assessment:score:update',
    {
      query: z.object({ year: zYear }),
      upload: true,
      response: z.object({ imported: z.number().int() }),
    },
  ),
  export: api.get(`${base}/export`, '导出考核结果（.xlsx）', 'assessment:result:list', {
    query: planKeySchema,
    response: zFile,
  }),
  bulletin: api.get(
    `${base}/bulletin.docx`,
    '考核通报（.docx 公文格式：排名、通报表扬与批评、指标得分情况；文号取督办设置的机关代字和下一个编号，或 number 参数）',
    'assessment:result:list',
    {
      query: planKeySchema.extend({ number: z.coerce.number().int().min(1).max(9999).optional() }),
      response: zFile,
    },
  ),
  settings: settings.get,
  putSettings: settings.put,
  publish: api.post(`${base}/publish`, '公布考核结果（门户网站）', 'assessment:result:publish', {
    body: planKeySchema,
    response: planSchema,
  }),
};
