// Contracts of 互动回应 parts 5 and 6 (issue 11): the hotline ledger (来电登记 and 12345 work orders), 舆情 events and
// the public commitments (公开承诺) with their progress. Shared by server, OpenAPI and console.
import { z } from 'zod';
import { COMMITMENT_STATUS_LABELS } from '../domain/interaction/commitments';
import {
  CALL_ANSWER_MAX,
  CALL_CHANNEL_LABELS,
  CALL_QUESTION_MAX,
  CALL_STATUS_LABELS,
} from '../domain/interaction/hotline';
import {
  OPINION_ACTION_LABELS,
  OPINION_LEVEL_LABELS,
  OPINION_STATUS_LABELS,
} from '../domain/interaction/opinion';
import {
  endpointsOf,
  zEnumOf as enumOf,
  importEndpoints,
  zDate,
  zFile,
  zImportPreview,
  zListQuery,
  zNullableText as zOpt,
  zPaged,
  zQueryFlag,
  zQueryMonth,
  zStoredFile,
  zText,
  zUnitRef,
  zUuid,
} from './http';
import { hasWorkOrder } from './interaction';

export {
  CALL_CHANNEL_LABELS,
  CALL_STATUS_LABELS,
  COMMITMENT_STATUS_LABELS,
  OPINION_ACTION_LABELS,
  OPINION_LEVEL_LABELS,
  OPINION_STATUS_LABELS,
};

export const zCallChannel = enumOf(CALL_CHANNEL_LABELS, '来电渠道无效');
export const zCallStatus = enumOf(CALL_STATUS_LABELS, '来电状态无效');
export const zOpinionLevel = enumOf(OPINION_LEVEL_LABELS, '舆情等级无效');
export const zOpinionStatus = enumOf(OPINION_STATUS_LABELS, '舆情状态无效');
export const zCommitmentStatus = enumOf(COMMITMENT_STATUS_LABELS, '承诺状态无效');

/** An instant with its offset ('2026-03-02T09:15:00+08:00'), as the console's date-time picker sends it. */
const zAt = (what: string) =>
  z
    .string({ message: `请填写${what}` })
    .refine(
      (s) => /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(s) && !Number.isNaN(Date.parse(s)),
      `${what}格式不正确`,
    );

// ---- hotline calls ----

export const zCallBody = z
  .object({
    channel: zCallChannel,
    workOrderNo: zOpt(40, '12345 工单编号'),
    calledAt: zAt('来电时间'),
    callerName: zOpt(50, '来电人'),
    callerPhone: zOpt(50, '联系电话'),
    question: zText(CALL_QUESTION_MAX, '来电内容'),
    answer: zOpt(CALL_ANSWER_MAX, '答复内容'),
    unitId: zUuid,
  })
  .refine(hasWorkOrder, {
    message: '12345 来电应填写工单编号',
    path: ['workOrderNo'],
  });
export type CallBody = z.input<typeof zCallBody>;

export const callListQuery = zListQuery({
  channel: zCallChannel.optional(),
  status: zCallStatus.optional(),
  unitId: zUuid.optional(),
  month: zQueryMonth,
});
export type CallListQuery = z.input<typeof callListQuery>;

export const callSchema = z.object({
  id: z.string(),
  callNo: z.string(),
  channel: zCallChannel,
  workOrderNo: z.string().nullable(),
  calledAt: z.string(),
  /** Masked (王**, 138****8000); in full only in the detail, for the handler. */
  callerName: z.string().nullable(),
  callerPhone: z.string().nullable(),
  question: z.string(),
  answer: z.string().nullable(),
  ...zUnitRef,
  status: zCallStatus,
  source: z.enum(['manual', 'import']),
  consultationId: z.string().nullable(),
  consultNo: z.string().nullable(),
  canHandOver: z.boolean(),
});
export type CallInfo = z.output<typeof callSchema>;

export const zHandOver = z.object({
  /** The policy unit that must answer (default: the call's unit). */
  unitId: zUuid.optional(),
});

/** Errors: missing columns, empty cells, unreadable times, unknown units, duplicate 工单编号. */
export const callImportPreviewSchema = zImportPreview({
  workOrderNo: z.string(),
  calledAt: z.string(),
  question: z.string(),
  unitName: z.string(),
  answered: z.boolean(),
});
export type CallImportPreview = z.output<typeof callImportPreviewSchema>;

// ---- 舆情 ----

export const zOpinionBody = z.object({
  source: zText(200, '舆情来源'),
  summary: zText(2000, '舆情概要'),
  level: zOpinionLevel,
  unitId: zUuid,
  foundAt: zAt('发现时间'),
});
export type OpinionBody = z.input<typeof zOpinionBody>;

export const zOpinionAction = z.discriminatedUnion(
  'action',
  [
    z.object({
      action: z.literal('respond'),
      response: zText(5000, '回应内容'),
      channel: zText(100, '回应渠道'),
      respondedAt: zAt('回应时间'),
    }),
    z.object({ action: z.literal('evaluate'), evaluation: zText(2000, '回应评估') }),
  ],
  { message: '办理事项无效' },
);
export type OpinionActionBody = z.input<typeof zOpinionAction>;

export const opinionListQuery = zListQuery({
  level: zOpinionLevel.optional(),
  status: zOpinionStatus.optional(),
  unitId: zUuid.optional(),
  overdue: zQueryFlag,
});
export type OpinionListQuery = z.input<typeof opinionListQuery>;

export const opinionSchema = z.object({
  id: z.string(),
  eventNo: z.string(),
  source: z.string(),
  summary: z.string(),
  level: zOpinionLevel,
  ...zUnitRef,
  foundAt: z.string(),
  responseDue: z.string(),
  status: zOpinionStatus,
  overdue: z.boolean(),
  response: z.string().nullable(),
  responseChannel: z.string().nullable(),
  respondedAt: z.string().nullable(),
  onTime: z.boolean().nullable(),
  evaluation: z.string().nullable(),
  allowedActions: z.array(enumOf(OPINION_ACTION_LABELS, '')),
});
export type OpinionInfo = z.output<typeof opinionSchema>;

// ---- 公开承诺 ----

export const zCommitmentBody = z
  .object({
    content: zText(2000, '承诺内容'),
    place: zText(200, '承诺场合'),
    unitId: zUuid,
    opinionEventId: zUuid.nullish(),
    promisedOn: zDate,
    dueOn: zDate,
  })
  .refine((v) => v.dueOn >= v.promisedOn, { message: '完成期限不能早于承诺日期', path: ['dueOn'] });
export type CommitmentBody = z.input<typeof zCommitmentBody>;

export const zProgressBody = z.object({
  on: zDate,
  text: zText(2000, '进展情况'),
  /** The commitment is fulfilled with this entry. */
  complete: z.boolean().default(false),
});
export type ProgressBody = z.input<typeof zProgressBody>;

export const zCancelCommitment = z.object({ reason: zText(500, '撤销理由') });

export const commitmentListQuery = zListQuery({
  status: zCommitmentStatus.optional(),
  unitId: zUuid.optional(),
  overdue: zQueryFlag,
});
export type CommitmentListQuery = z.input<typeof commitmentListQuery>;

export const commitmentSchema = z.object({
  id: z.string(),
  commitNo: z.string(),
  content: z.string(),
  place: z.string(),
  ...zUnitRef,
  promisedOn: z.string(),
  dueOn: z.string(),
  status: zCommitmentStatus,
  completedOn: z.string().nullable(),
  overdue: z.boolean(),
  lastProgress: z.string().nullable(),
  progress: z.array(
    z.object({
      id: z.string(),
      on: z.string(),
      text: z.string(),
      by: z.string(),
      evidence: z.array(zStoredFile),
    }),
  ),
});
export type CommitmentInfo = z.output<typeof commitmentSchema>;

const api = endpointsOf('互动回应');
const calls = '/api/interaction/calls';
const opinions = '/api/interaction/opinions';
const commitments = '/api/interaction/commitments';
const upload = true as const;
const callImport = importEndpoints(
  api,
  calls,
  'interaction:hotline:edit',
  { preview: '上传 12345 工单并预览（.xlsx，不保存）', commit: '导入 12345 工单（全部成功或全部不导入）' },
  callImportPreviewSchema,
);

export const hotlineApi = {
  listCalls: api.get(calls, '来电登记台账（按数据范围，来电人脱敏）', 'interaction:hotline:list', {
    query: callListQuery,
    response: zPaged(callSchema),
  }),
  exportCalls: api.get(`${calls}/export`, '导出来电登记台账（.xlsx）', 'interaction:hotline:list', {
    query: callListQuery,
    response: zFile,
  }),
  createCall: api.post(calls, '登记来电', 'interaction:hotline:edit', {
    body: zCallBody,
    response: callSchema,
    status: 201,
  }),
  getCall: api.get(`${calls}/:id`, '来电详情（办理人可见完整联系方式，留痕）', 'interaction:hotline:list', {
    response: callSchema,
  }),
  handOverCall: api.post(
    `${calls}/:id/hand-over`,
    '转为政策咨询（5 个工作日答复时限）',
    'interaction:hotline:edit',
    {
      body: zHandOver,
      response: z.object({ consultationId: z.string(), consultNo: z.string(), answerDue: z.string() }),
    },
  ),
  previewCallImport: callImport.preview,
  importCalls: callImport.commit,

  listOpinions: api.get(opinions, '舆情台账（按数据范围）', 'interaction:opinion:list', {
    query: opinionListQuery,
    response: zPaged(opinionSchema),
  }),
  createOpinion: api.post(opinions, '登记舆情（按等级计算回应时限）', 'interaction:opinion:edit', {
    body: zOpinionBody,
    response: opinionSchema,
    status: 201,
  }),
  actOpinion: api.post(`${opinions}/:id/actions`, '舆情回应、回应评估', 'interaction:opinion:edit', {
    body: zOpinionAction,
    response: opinionSchema,
  }),

  listCommitments: api.get(commitments, '公开承诺台账（按数据范围）', 'interaction:commitment:list', {
    query: commitmentListQuery,
    response: zPaged(commitmentSchema),
  }),
  createCommitment: api.post(commitments, '登记公开承诺', 'interaction:commitment:edit', {
    body: zCommitmentBody,
    response: commitmentSchema,
    status: 201,
  }),
  getCommitment: api.get(`${commitments}/:id`, '公开承诺详情及进展', 'interaction:commitment:list', {
    response: commitmentSchema,
  }),
  addProgress: api.post(
    `${commitments}/:id/progress`,
    '填报承诺落实进展（可标记完成）',
    'interaction:commitment:edit',
    {
      body: zProgressBody,
      response: commitmentSchema,
      status: 201,
    },
  ),
  cancelCommitment: api.post(
    `${commitments}/:id/cancel`,
    '撤销公开承诺（写明理由，不再在门户显示）',
    'interaction:commitment:edit',
    { body: zCancelCommitment, response: commitmentSchema },
  ),
  uploadEvidence: api.post(
    `${commitments}/:id/progress/:pid/evidence`,
    '上传进展佐证材料（公开）',
    'interaction:commitment:edit',
    { upload, response: commitmentSchema },
  ),
  evidence: api.get(
    `${commitments}/:id/evidence/:fileId`,
    '下载进展佐证材料',
    'interaction:commitment:list',
    {
      response: zFile,
    },
  ),
};
