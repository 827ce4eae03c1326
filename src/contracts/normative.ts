// Contracts of 规范性文件清理, stale citations and 合法性审核/备案审查 (issue 13 part 5), part of the disclosure module:
// `normativeApi`. Permission codes disclosure:normative:* (permissions.ts).
import { z } from 'zod';
import { CAMPAIGN_STATUSES, REVIEW_DECISIONS } from '../domain/disclosure/normative-review';
import { VALIDITIES } from '../domain/disclosure/rules';
import { endpointsOf, zDate, zOk, zUuid } from './http';

export const campaignSchema = z.object({
  id: zUuid,
  year: z.number().int(),
  title: z.string(),
  status: z.enum(CAMPAIGN_STATUSES),
  dueDate: zDate,
  publishedOn: zDate.nullable(),
  total: z.number().int(),
  marked: z.number().int(),
});
export type Campaign = z.infer<typeof campaignSchema>;

export const markRowSchema = z.object({
  id: zUuid,
  itemId: zUuid,
  title: z.string(),
  docNumber: z.string().nullable(),
  unitId: zUuid,
  unitName: z.string(),
  writtenDate: zDate.nullable(),
  decision: z.enum(REVIEW_DECISIONS).nullable(),
  reason: z.string().nullable(),
  markedAt: z.string().nullable(),
});
export type MarkRow = z.infer<typeof markRowSchema>;

export const campaignDetailSchema = z.object({
  campaign: campaignSchema,
  units: z.array(
    z.object({ unitId: zUuid, unitName: z.string(), total: z.number().int(), marked: z.number().int() }),
  ),
  marks: z.array(markRowSchema),
});
export type CampaignDetail = z.infer<typeof campaignDetailSchema>;

export const staleCitationSchema = z.object({
  itemId: zUuid,
  title: z.string(),
  kind: z.string(),
  unitName: z.string(),
  cited: z.array(
    z.object({
      itemId: zUuid,
      title: z.string(),
      docNumber: z.string().nullable(),
      validity: z.enum(VALIDITIES),
    }),
  ),
});
export type StaleCitation = z.infer<typeof staleCitationSchema>;

export const legalMarkInput = z.object({
  legalityReviewedOn: zDate.nullable(),
  legalityOpinion: z.string().trim().max(1000).nullable(),
  filingNumber: z.string().trim().max(100).nullable(),
  filedOn: zDate.nullable(),
});
export const legalRowSchema = legalMarkInput.extend({
  rootId: zUuid,
  itemId: zUuid,
  title: z.string(),
  docNumber: z.string().nullable(),
  unitName: z.string(),
  writtenDate: zDate.nullable(),
});
export type LegalRow = z.infer<typeof legalRowSchema>;

const tag = '规范性文件清理';
const api = endpointsOf(tag);
const base = '/api/disclosure/normative';

export const normativeApi = {
  campaigns: api.get(`${base}/campaigns`, '清理工作列表', 'disclosure:item:list', {
    response: z.array(campaignSchema),
  }),
  startCampaign: api.post(
    `${base}/campaigns`,
    '启动年度清理（纳入当时现行有效的全部规范性文件）',
    'disclosure:normative:manage',
    {
      status: 201,
      body: z.object({
        year: z.number().int().min(2000).max(2100),
        title: z.string().trim().max(100).optional(),
        dueDate: zDate,
      }),
      response: campaignSchema,
    },
  ),
  campaign: api.get(`${base}/campaigns/:id`, '清理进度与文件清单（本单位范围）', 'disclosure:item:list', {
    response: campaignDetailSchema,
  }),
  mark: api.put(
    `${base}/campaigns/:id/marks/:markId`,
    '标记清理意见（继续有效 / 需修改 / 废止）',
    'disclosure:normative:mark',
    {
      body: z.object({
        decision: z.enum(REVIEW_DECISIONS, '请选择清理意见'),
        reason: z.string().trim().max(500).nullish(),
      }),
      response: markRowSchema,
    },
  ),
  publish: api.post(
    `${base}/campaigns/:id/publish`,
    '公布清理结果（标记废止的文件即日废止）',
    'disclosure:normative:manage',
    { response: campaignSchema },
  ),
  staleCitations: api.get(`${base}/stale-citations`, '引用已废止或失效文件的信息', 'disclosure:item:list', {
    response: z.array(staleCitationSchema),
  }),
  legal: api.get(`${base}/legal`, '合法性审核与备案审查登记', 'disclosure:item:list', {
    response: z.array(legalRowSchema),
  }),
  putLegal: api.put(`${base}/legal/:rootId`, '登记合法性审核与备案审查', 'disclosure:normative:mark', {
    body: legalMarkInput,
    response: zOk,
  }),
};
