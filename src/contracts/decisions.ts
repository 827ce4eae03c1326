// Contracts of 重大行政决策预公开 (issue 13 part 4), part of the disclosure module: `decisionsApi`. Permission codes
// disclosure:decision:* (permissions.ts).
import { z } from 'zod';
import {
  ADOPTION_OUTCOMES,
  COMMENT_STATUSES,
  DECISION_STATUSES,
  PARTICIPATION_KINDS,
} from '../domain/disclosure/decisions';
import { endpoint, zCounts, zDate, zInstant, zPage, zPaged, zPagedQuery, zUuid } from './http';

const text = (label: string, max: number) =>
  z.string().trim().min(1, `请填写${label}`).max(max, `${label}不超过 ${max} 字`);

export const decisionInput = z.object({
  unitId: zUuid,
  title: text('决策草案名称', 200),
  background: text('起草背景', 10_000),
  basis: text('决策依据', 10_000),
  explanation: text('起草说明', 20_000),
  draftText: text('草案全文', 100_000),
  channels: z.string().trim().max(1000).nullish(),
});
export type DecisionInputBody = z.infer<typeof decisionInput>;

const countsSchema = z.object(zCounts('received', 'adopted', 'partly', 'notAdopted'));

export const adoptionEntrySchema = z.object({
  opinion: text('意见摘要', 2000),
  outcome: z.enum(ADOPTION_OUTCOMES, '请选择采纳情况'),
  reason: z.string().trim().max(2000).nullish(),
});

export const decisionRowSchema = z.object({
  id: zUuid,
  unitId: zUuid,
  unitName: z.string(),
  title: z.string(),
  background: z.string(),
  basis: z.string(),
  explanation: z.string(),
  draftText: z.string(),
  channels: z.string().nullable(),
  commentDays: z.number().int(),
  status: z.enum(DECISION_STATUSES),
  openedOn: zDate.nullable(),
  periodEnd: zDate.nullable(),
  periodEndMoved: z.boolean(),
  adoptionDue: zDate.nullable(),
  /** 'due_soon' / 'overdue' while the 意见采纳情况 is not published. */
  adoptionAlert: z.enum(['none', 'due_soon', 'overdue']),
  adoptionSummary: z.string().nullable(),
  adoptionEntries: z
    .array(adoptionEntrySchema.extend({ reason: z.string().nullable().optional() }))
    .nullable(),
  adoptionCounts: countsSchema.nullable(),
  adoptionPublishedOn: zDate.nullable(),
  finalItemId: zUuid.nullable(),
  decidedOn: zDate.nullable(),
  comments: z.object({ total: z.number().int(), pending: z.number().int(), shown: z.number().int() }),
  createdAt: zInstant,
});
export type DecisionRow = z.infer<typeof decisionRowSchema>;

export const decisionListQuery = zPagedQuery({
  unitId: zUuid.optional(),
  status: z.enum(DECISION_STATUSES).optional(),
});

export const commentRowSchema = z.object({
  id: zUuid,
  draftId: zUuid,
  authorName: z.string().nullable(),
  /** Staff read the masked text too: the original stays sealed. */
  publicText: z.string(),
  personalData: z.boolean(),
  status: z.enum(COMMENT_STATUSES),
  hideReason: z.string().nullable(),
  createdAt: zInstant,
});
export type CommentRow = z.infer<typeof commentRowSchema>;

export const moderateInput = z
  .object({
    status: z.enum(['shown', 'hidden'], '请选择显示或不予显示'),
    reason: z.string().trim().max(500).nullish(),
  })
  .refine((v) => v.status === 'shown' || (v.reason ?? '').length >= 2, {
    message: '不予显示请说明原因',
    path: ['reason'],
  });

export const adoptionInput = z.object({
  summary: text('采纳情况说明', 20_000),
  entries: z.array(adoptionEntrySchema).max(1000),
  /** Opinions received by post, e-mail or at hearings, beside the portal's comments. */
  offlineReceived: z.number().int().min(0).max(100_000).default(0),
});

export const participationInput = z.object({
  unitId: zUuid,
  kind: z.enum(PARTICIPATION_KINDS, '请选择类型'),
  title: text('会议或活动名称', 200),
  heldOn: zDate,
  place: z.string().trim().max(200).nullish(),
  publicCount: z.number().int().min(0).max(10_000),
  expertCount: z.number().int().min(0).max(10_000),
  mediaCount: z.number().int().min(0).max(10_000),
  summary: z.string().trim().max(10_000).nullish(),
  draftId: zUuid.nullish(),
});
export const participationRowSchema = participationInput.extend({
  id: zUuid,
  unitName: z.string(),
  place: z.string().nullable(),
  summary: z.string().nullable(),
  draftId: zUuid.nullable(),
  createdAt: zInstant,
});
export type ParticipationRow = z.infer<typeof participationRowSchema>;

export const decisionSettingsSchema = z.object({
  commentDays: z.number().int().min(7, '征求意见期限不少于 7 日').max(180, '征求意见期限不超过 180 日'),
});

const tag = '重大行政决策预公开';
const base = '/api/disclosure/decisions';
const row = decisionRowSchema;

export const decisionsApi = {
  list: endpoint({
    method: 'get',
    path: base,
    tag,
    summary: '决策草案列表',
    permission: 'disclosure:decision:list',
    query: decisionListQuery,
    response: zPaged(row),
  }),
  settings: endpoint({
    method: 'get',
    path: `${base}/settings`,
    tag,
    summary: '征求意见期限设置（日）',
    permission: 'disclosure:decision:list',
    response: decisionSettingsSchema,
  }),
  putSettings: endpoint({
    method: 'put',
    path: `${base}/settings`,
    tag,
    summary: '修改默认征求意见期限（日）',
    permission: 'disclosure:settings:update',
    body: decisionSettingsSchema,
    response: decisionSettingsSchema,
  }),
  participations: endpoint({
    method: 'get',
    path: `${base}/participations`,
    tag,
    summary: '列席与政府开放日记录',
    permission: 'disclosure:decision:list',
    query: z.object({ ...zPage, kind: z.enum(PARTICIPATION_KINDS).optional() }),
    response: zPaged(participationRowSchema),
  }),
  createParticipation: endpoint({
    method: 'post',
    path: `${base}/participations`,
    tag,
    summary: '登记列席或政府开放日',
    permission: 'disclosure:decision:edit',
    status: 201,
    body: participationInput,
    response: participationRowSchema,
  }),
  moderate: endpoint({
    method: 'post',
    path: `${base}/comments/:id/moderate`,
    tag,
    summary: '审核公众意见（显示或不予显示并说明原因）',
    permission: 'disclosure:decision:publish',
    body: moderateInput,
    response: commentRowSchema,
  }),
  get: endpoint({
    method: 'get',
    path: `${base}/:id`,
    tag,
    summary: '决策草案详情',
    permission: 'disclosure:decision:list',
    response: row,
  }),
  create: endpoint({
    method: 'post',
    path: base,
    tag,
    summary: '新建决策草案',
    permission: 'disclosure:decision:edit',
    status: 201,
    body: decisionInput,
    response: row,
  }),
  update: endpoint({
    method: 'put',
    path: `${base}/:id`,
    tag,
    summary: '修改决策草案（仅草稿）',
    permission: 'disclosure:decision:edit',
    body: decisionInput,
    response: row,
  }),
  open: endpoint({
    method: 'post',
    path: `${base}/:id/open`,
    tag,
    summary: '发布草案公开征求意见',
    permission: 'disclosure:decision:publish',
    body: z.object({ commentDays: decisionSettingsSchema.shape.commentDays.nullish() }),
    response: row,
  }),
  close: endpoint({
    method: 'post',
    path: `${base}/:id/close`,
    tag,
    summary: '结束征求意见',
    permission: 'disclosure:decision:publish',
    response: row,
  }),
  comments: endpoint({
    method: 'get',
    path: `${base}/:id/comments`,
    tag,
    summary: '草案收到的公众意见',
    permission: 'disclosure:decision:list',
    query: z.object({ status: z.enum(COMMENT_STATUSES).optional() }),
    response: z.array(commentRowSchema),
  }),
  adopt: endpoint({
    method: 'post',
    path: `${base}/:id/adoption`,
    tag,
    summary: '公布意见采纳情况',
    permission: 'disclosure:decision:publish',
    body: adoptionInput,
    response: row,
  }),
  decide: endpoint({
    method: 'post',
    path: `${base}/:id/final`,
    tag,
    summary: '关联最终决策（已发布的公开信息）',
    permission: 'disclosure:decision:publish',
    body: z.object({ itemId: zUuid }),
    response: row,
  }),
};
