// Contracts of 互动回应 (interaction, issue 11): policy consultations and the Q&A base. Shared by server, OpenAPI and
// console.
import { z } from 'zod';
import {
  CONSULT_ACTION_LABELS,
  CONSULT_CHANNEL_LABELS,
  CONSULT_STATUS_LABELS,
  SATISFACTION_LABELS,
} from '../domain/interaction/consultation';
import {
  LETTER_ACTION_LABELS,
  LETTER_BODY_MAX,
  LETTER_STATUS_LABELS,
  LETTER_TYPE_LABELS,
  MAILBOX_KIND_LABELS,
  SUBJECT_MAX,
} from '../domain/interaction/letter';
import { QA_REVIEW_LABELS, QA_STATUS_LABELS } from '../domain/interaction/qa-entry';
import { ANSWER_MAX, QUESTION_MAX } from '../domain/interaction/qa-import';
import {
  endpointsOf,
  zEnumOf as enumOf,
  importEndpoints,
  zDate,
  zFile,
  zHistoryEntry,
  zImportPreview,
  zListQuery,
  zNullableText as zOpt,
  zPaged,
  zQueryFlag,
  zQueryMonth,
  zStatsYearQuery,
  zText,
  zUnitRef,
  zUuid,
} from './http';

export {
  CONSULT_ACTION_LABELS,
  CONSULT_CHANNEL_LABELS,
  CONSULT_STATUS_LABELS,
  LETTER_ACTION_LABELS,
  LETTER_STATUS_LABELS,
  LETTER_TYPE_LABELS,
  MAILBOX_KIND_LABELS,
  QA_REVIEW_LABELS,
  QA_STATUS_LABELS,
  SATISFACTION_LABELS,
};

export const zConsultChannel = enumOf(CONSULT_CHANNEL_LABELS, '咨询渠道无效');
export const zConsultStatus = enumOf(CONSULT_STATUS_LABELS, '办理状态无效');
export const zSatisfaction = enumOf(SATISFACTION_LABELS, '满意度无效');

/** A question as a citizen or a clerk types it (an empty or 10,000-character one is refused with a reason). */
export const zQuestion = zText(QUESTION_MAX, '咨询问题');

// ---- consultations ----

/** A record that came from 12345 (a call, a consultation) carries its work-order number. */
export const hasWorkOrder = (v: { channel: string; workOrderNo: string | null }) =>
  v.channel !== 'hotline_12345' || !!v.workOrderNo;

/** Handing a consultation or a letter to another unit, with the reason. */
const zTransfer = z.object({ action: z.literal('transfer'), unitId: zUuid, reason: zText(500, '转办理由') });

/** A Q&A entry's keywords. */
const zKeywords = z.array(z.string().trim().min(1).max(30)).max(20).default([]);

/** A reviewer's decision on a reply waiting for review (letters and consultations alike). */
export const zLetterReview = z.discriminatedUnion(
  'action',
  [
    z.object({ action: z.literal('approve'), note: zOpt(500, '审核意见') }),
    z.object({ action: z.literal('return'), note: zText(500, '退回理由') }),
  ],
  { message: '审核结论无效' },
);
export type ReplyReviewBody = z.input<typeof zLetterReview>;

export const zRegisterConsultation = z
  .object({
    channel: zConsultChannel,
    workOrderNo: zOpt(40, '12345 工单号'),
    question: zQuestion,
    unitId: zUuid,
    askerName: zOpt(50, '咨询人姓名'),
    askerContact: zOpt(100, '联系方式'),
    receivedOn: zDate,
  })
  .refine(hasWorkOrder, {
    message: '12345 转办的咨询应填写工单号',
    path: ['workOrderNo'],
  });
export type RegisterConsultationBody = z.input<typeof zRegisterConsultation>;

export const zConsultAction = z.discriminatedUnion(
  'action',
  [
    zTransfer,
    z.object({ action: z.literal('answer'), answer: zText(ANSWER_MAX, '答复内容'), answeredOn: zDate }),
    z.object({ action: z.literal('close') }),
    z.object({
      action: z.literal('add_to_base'),
      question: zText(QUESTION_MAX, '问题'),
      answer: zText(ANSWER_MAX, '答复'),
      topic: zOpt(50, '主题'),
      keywords: zKeywords,
    }),
  ],
  { message: '办理事项无效' },
);
export type ConsultActionBody = z.input<typeof zConsultAction>;

export const consultListQuery = zListQuery({
  status: zConsultStatus.optional(),
  channel: zConsultChannel.optional(),
  unitId: zUuid.optional(),
  overdue: zQueryFlag,
  /** Only answers waiting for review. */
  reviewing: zQueryFlag,
  month: zQueryMonth,
});
export type ConsultListQuery = z.input<typeof consultListQuery>;

export const consultSummarySchema = z.object({
  id: z.string(),
  consultNo: z.string(),
  channel: zConsultChannel,
  workOrderNo: z.string().nullable(),
  question: z.string(),
  askerName: z.string().nullable(),
  ...zUnitRef,
  status: zConsultStatus,
  receivedOn: z.string(),
  answerDue: z.string(),
  answeredOn: z.string().nullable(),
  overdue: z.boolean(),
  /** The answer waits for review (the unit requires it); `answer` is the draft until approved. */
  reviewing: z.boolean(),
  onTime: z.boolean().nullable(),
  satisfaction: zSatisfaction.nullable(),
  /** Sensitive words in the question: flagged for manual review (SECURITY.md 39). */
  sensitiveWords: z.array(z.string()),
});
export type ConsultSummary = z.output<typeof consultSummarySchema>;

export const similarSchema = z.object({
  id: z.string(),
  question: z.string(),
  answer: z.string(),
  unitName: z.string(),
  score: z.number(),
  confident: z.boolean(),
});
export type SimilarEntry = z.output<typeof similarSchema>;

export const consultDetailSchema = consultSummarySchema.extend({
  queryCode: z.string(),
  askerContact: z.string().nullable(),
  answer: z.string().nullable(),
  answeredBy: z.string().nullable(),
  satisfactionNote: z.string().nullable(),
  qaEntryId: z.string().nullable(),
  /** `draft`: the answer a reviewer returned (the handler starts again from it). */
  history: z.array(zHistoryEntry.extend({ draft: z.string().optional() })),
  allowedActions: z.array(enumOf(CONSULT_ACTION_LABELS, '')),
  /** Answered entries of the base that match the question (the matcher), for the handler. */
  similar: z.array(similarSchema),
});
export type ConsultDetail = z.output<typeof consultDetailSchema>;

export const consultStatsSchema = z.object({
  year: z.number().int(),
  byMonth: z.array(
    z.object({
      month: z.string(),
      received: z.number(),
      answered: z.number(),
      onTime: z.number(),
      late: z.number(),
    }),
  ),
  byChannel: z.array(z.object({ channel: zConsultChannel, count: z.number() })),
  byUnit: z.array(z.object({ unitName: z.string(), received: z.number(), answered: z.number() })),
  satisfaction: z.array(z.object({ satisfaction: zSatisfaction, count: z.number() })),
  open: z.number(),
  overdue: z.number(),
});
export type ConsultStats = z.output<typeof consultStatsSchema>;

// ---- Q&A base ----

export const zQaStatus = enumOf(QA_STATUS_LABELS, '状态无效');

export const zQaEntryBody = z.object({
  question: zText(QUESTION_MAX, '问题'),
  answer: zText(ANSWER_MAX, '答复'),
  unitId: zUuid,
  topic: zOpt(50, '主题'),
  keywords: zKeywords,
  /** Disclosure items cited as the policy basis. */
  policyItemIds: z.array(zUuid).max(20).default([]),
});
export type QaEntryBody = z.input<typeof zQaEntryBody>;

export const zQaReview = z.object({
  decision: enumOf(QA_REVIEW_LABELS, '审核结论无效'),
  note: zOpt(500, '审核意见'),
});

export const qaListQuery = zListQuery({
  status: zQaStatus.optional(),
  unitId: zUuid.optional(),
  topic: z.string().trim().max(50).optional(),
  stale: zQueryFlag,
});

export const qaEntrySchema = z.object({
  id: z.string(),
  question: z.string(),
  answer: z.string(),
  ...zUnitRef,
  topic: z.string().nullable(),
  keywords: z.array(z.string()),
  policyRefs: z.array(z.object({ title: z.string(), itemId: z.string().nullable() })),
  status: zQaStatus,
  source: z.enum(['manual', 'import', 'consultation']),
  /** Why the entry may be out of date (a cited document repealed, expired or withdrawn). */
  stale: z.array(z.string()),
  reviewedBy: z.string().nullable(),
  reviewNote: z.string().nullable(),
  updatedAt: z.string(),
});
export type QaEntryInfo = z.output<typeof qaEntrySchema>;

/** Errors: missing columns, empty cells, unknown units, repeated questions. */
export const qaImportPreviewSchema = zImportPreview({
  question: z.string(),
  unitName: z.string(),
  policyTitles: z.array(z.string()),
  keywords: z.array(z.string()),
}).extend({
  /** Not blocking: questions close to another row or to an entry already in the base. */
  nearDuplicates: z.array(
    z.object({ row: z.number().int(), question: z.string(), similarTo: z.string(), score: z.number() }),
  ),
});
export type QaImportPreview = z.output<typeof qaImportPreviewSchema>;

const tag = '互动回应';
const consultPath = '/api/interaction/consultations';
const qaPath = '/api/interaction/qa';

const api = endpointsOf(tag);
const qaImport = importEndpoints(
  api,
  qaPath,
  'interaction:qa:update',
  {
    preview: '上传问答库文件并预览（.xlsx/.csv，不保存）',
    commit: '导入问答库（全部成功或全部不导入，导入后待审核）',
  },
  qaImportPreviewSchema,
);

export const interactionApi = {
  listConsultations: api.get(consultPath, '政策咨询登记台账（按数据范围）', 'interaction:consult:list', {
    query: consultListQuery,
    response: zPaged(consultSummarySchema),
  }),
  exportConsultations: api.get(
    `${consultPath}/export`,
    '导出政策咨询登记台账（.xlsx）',
    'interaction:consult:list',
    { query: consultListQuery, response: zFile },
  ),
  registerConsultation: api.post(
    consultPath,
    '登记政策咨询（电话、现场、12345 转办、信件、新媒体）',
    'interaction:consult:create',
    {
      body: zRegisterConsultation,
      response: z.object({
        id: z.string(),
        consultNo: z.string(),
        queryCode: z.string(),
        answerDue: z.string(),
      }),
      status: 201,
    },
  ),
  consultStats: api.get('/api/interaction/stats', '政策咨询月度统计', 'interaction:stats:view', {
    query: zStatsYearQuery,
    response: consultStatsSchema,
  }),
  getConsultation: api.get(
    `${consultPath}/:id`,
    '政策咨询详情（含问答库中的相似问答）',
    'interaction:consult:list',
    { response: consultDetailSchema },
  ),
  actConsultation: api.post(
    `${consultPath}/:id/actions`,
    '办理政策咨询：转办、答复、办结、加入问答库',
    'interaction:consult:handle',
    { body: zConsultAction, response: consultDetailSchema },
  ),
  reviewConsultation: api.post(
    `${consultPath}/:id/review`,
    '审核政策咨询答复：通过（答复发出）或退回修改',
    'interaction:consult:review',
    { body: zLetterReview, response: consultDetailSchema },
  ),
  transferTargets: api.get(
    '/api/interaction/units',
    '可转办的单位（全区，不限数据范围）',
    'interaction:consult:handle',
    { response: z.array(z.object({ id: z.string(), name: z.string() })) },
  ),
  listQa: api.get(qaPath, '政策咨询问答库', 'interaction:qa:list', {
    query: qaListQuery,
    response: zPaged(qaEntrySchema),
  }),
  exportQa: api.get(`${qaPath}/export`, '导出问答库（.xlsx）', 'interaction:qa:list', { response: zFile }),
  matchQa: api.get(`${qaPath}/match`, '在问答库中查找相似问答', 'interaction:qa:list', {
    query: z.object({ q: zQuestion }),
    response: z.array(similarSchema),
  }),
  previewQaImport: qaImport.preview,
  importQa: qaImport.commit,
  createQa: api.post(qaPath, '新增问答（待审核）', 'interaction:qa:update', {
    body: zQaEntryBody,
    response: qaEntrySchema,
    status: 201,
  }),
  updateQa: api.put(`${qaPath}/:id`, '修改问答（修改后重新审核）', 'interaction:qa:update', {
    body: zQaEntryBody,
    response: qaEntrySchema,
  }),
  reviewQa: api.post(`${qaPath}/:id/review`, '审核问答：通过后公开，退回，或下线', 'interaction:qa:review', {
    body: zQaReview,
    response: qaEntrySchema,
  }),
};

// ---- 信箱 (issue 11 part 4) ----

export const zLetterType = enumOf(LETTER_TYPE_LABELS, '来信类型无效');
export const zLetterStatus = enumOf(LETTER_STATUS_LABELS, '办理状态无效');
const zFlag = z
  .enum(['true', 'false'])
  .optional()
  .transform((v) => (v === undefined ? undefined : v === 'true'));

export const zLetterSubject = zText(SUBJECT_MAX, '来信标题');
export const zLetterBody = zText(LETTER_BODY_MAX, '来信内容');

export const letterListQuery = zListQuery({
  status: zLetterStatus.optional(),
  type: zLetterType.optional(),
  mailboxId: zUuid.optional(),
  overdue: zFlag,
  published: zFlag,
  month: zQueryMonth,
});
export type LetterListQuery = z.input<typeof letterListQuery>;

export const letterSummarySchema = z.object({
  id: z.string(),
  letterNo: z.string(),
  mailboxName: z.string(),
  type: zLetterType,
  subject: z.string(),
  /** Masked (张**). */
  writerName: z.string().nullable(),
  ...zUnitRef,
  status: zLetterStatus,
  receivedOn: z.string(),
  replyDue: z.string(),
  repliedOn: z.string().nullable(),
  overdue: z.boolean(),
  onTime: z.boolean().nullable(),
  consent: z.boolean(),
  published: z.boolean(),
  /** Sensitive words in the subject or body: the letter is flagged for manual review (SECURITY.md 39). */
  sensitiveWords: z.array(z.string()),
});
export type LetterSummary = z.output<typeof letterSummarySchema>;

export const publicationSchema = z.object({
  ok: z.boolean(),
  /** Why it cannot be published (Chinese, for the officer). */
  reasons: z.array(z.string()),
  /** The masked text the portal would show. */
  subject: z.string().nullable(),
  body: z.string().nullable(),
  reply: z.string().nullable(),
});
export type PublicationPreview = z.output<typeof publicationSchema>;

export const letterDetailSchema = letterSummarySchema.extend({
  queryCode: z.string(),
  body: z.string(),
  /** In full for the unit's handlers (the read is audited), masked for others. */
  writerPhone: z.string().nullable(),
  writerIdNo: z.string().nullable(),
  draftReply: z.string().nullable(),
  reviewNote: z.string().nullable(),
  reply: z.string().nullable(),
  repliedBy: z.string().nullable(),
  history: z.array(zHistoryEntry),
  allowedActions: z.array(enumOf(LETTER_ACTION_LABELS, '')),
  /** What publication would show, or why it is refused (a replied letter with consent only). */
  publication: publicationSchema.nullable(),
});
export type LetterDetail = z.output<typeof letterDetailSchema>;

export const zLetterHandle = z.discriminatedUnion(
  'action',
  [
    zTransfer,
    z.object({ action: z.literal('reply'), reply: zText(ANSWER_MAX, '答复内容'), repliedOn: zDate }),
  ],
  { message: '办理事项无效' },
);
export type LetterHandleBody = z.input<typeof zLetterHandle>;

export type LetterReviewBody = z.input<typeof zLetterReview>;

export const zLetterPublication = z.object({ published: z.boolean({ message: '请选择是否公开' }) });

export const mailboxSchema = z.object({
  id: z.string(),
  kind: enumOf(MAILBOX_KIND_LABELS, ''),
  name: z.string(),
  ...zUnitRef,
  reviewRequired: z.boolean(),
  enabled: z.boolean(),
});
export type MailboxInfo = z.output<typeof mailboxSchema>;

export const zMailboxSettings = z.object({
  reviewRequired: z.boolean({ message: '请选择是否需要审核答复' }),
  enabled: z.boolean({ message: '请选择是否启用' }),
});

const zCounts = z.object({ received: z.number(), replied: z.number(), onTime: z.number() });
/** Monthly statistics of consultations and letters (the console and /hdjl/tj), counted by month of receipt. */
export const interactionStatsSchema = z.object({
  year: z.number().int(),
  month: z.string().nullable(),
  byMonth: z.array(z.object({ month: z.string(), consult: zCounts, letter: zCounts })),
  letterByType: z.array(zCounts.extend({ type: zLetterType })),
  byUnit: z.array(z.object({ unitName: z.string(), consult: zCounts, letter: zCounts })),
  totals: z.object({ consult: zCounts, letter: zCounts }),
});
export type InteractionStats = z.output<typeof interactionStatsSchema>;

export const zStatsQuery = z.object({
  year: z.coerce.number().int().min(2008, '年份无效').max(2100, '年份无效'),
  month: z.coerce.number().int().min(1, '月份无效').max(12, '月份无效').optional(),
});

const letterPath = '/api/interaction/letters';

export const mailboxApi = {
  listLetters: api.get(letterPath, '信箱来信（按数据范围）', 'interaction:letter:list', {
    query: letterListQuery,
    response: zPaged(letterSummarySchema),
  }),
  letterStats: api.get(
    '/api/interaction/monthly',
    '政策咨询与信箱月度统计（收件、答复、按时，按类型和单位）',
    'interaction:stats:view',
    { query: zStatsQuery, response: interactionStatsSchema },
  ),
  getLetter: api.get(`${letterPath}/:id`, '来信详情', 'interaction:letter:list', {
    response: letterDetailSchema,
  }),
  handleLetter: api.post(`${letterPath}/:id/actions`, '办理来信：转办、答复', 'interaction:letter:handle', {
    body: zLetterHandle,
    /** null after a transfer out of the handler's scope. */
    response: letterDetailSchema.nullable(),
  }),
  reviewLetter: api.post(
    `${letterPath}/:id/review`,
    '审核来信答复：通过或退回',
    'interaction:letter:review',
    { body: zLetterReview, response: letterDetailSchema },
  ),
  publishLetter: api.post(
    `${letterPath}/:id/publication`,
    '选登：公开或取消公开（经同意、脱敏、敏感词检查）',
    'interaction:letter:publish',
    { body: zLetterPublication, response: letterDetailSchema },
  ),
  listMailboxes: api.get('/api/interaction/mailboxes', '信箱列表及设置', 'interaction:letter:list', {
    response: z.array(mailboxSchema),
  }),
  updateMailbox: api.put(
    '/api/interaction/mailboxes/:id',
    '修改信箱设置（答复是否审核、是否启用）',
    'interaction:mailbox:manage',
    { body: zMailboxSettings, response: mailboxSchema },
  ),
};
