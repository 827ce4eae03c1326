// Contracts of 依申请公开 (requests): request and response schemas of every route and the `requestsApi` map.
// Shared by server, OpenAPI and console.
import { z } from 'zod';
import { codesOf } from '../domain/codes';
import { CATEGORY_CODES } from '../domain/disclosure/catalog';
import { REMEDY_RESULTS } from '../domain/requests/annual-report';
import { CASE_STATUSES, type CaseStatus, CLOCK_ACTION_LABELS } from '../domain/requests/clock';
import { INTAKE_FIELD_LABELS, INTAKE_ROUTE_LABELS } from '../domain/requests/intake';
import { LETTER_KINDS } from '../domain/requests/letters';
import { APPLICANT_KINDS, LEGAL_BASIS_LABELS, OUTCOME_CODES } from '../domain/requests/outcomes';
import { SUBMISSION_CHANNEL_LABELS } from '../domain/requests/receipt';
import {
  endpointsOf,
  zDate,
  zEnumOf,
  zFile,
  zHistoryEntry,
  zInstant,
  zPage,
  zPaged,
  zQueryFlag,
  zStatsYearQuery,
  zText,
  zUnitRef,
  zUuid,
} from './http';

export type { CaseStatus };

export const CASE_STATUS_LABELS: Record<CaseStatus, string> = {
  submitted: '待确认收到',
  not_received: '未收到申请',
  running: '办理中',
  paused_consultation: '征求意见中',
  paused_fee: '待缴费',
  awaiting_correction: '待补正',
  abandoned_no_correction: '逾期未补正',
  abandoned_unpaid: '逾期未缴费',
  closed: '已办结',
};

export const DELIVERY_FORM_LABELS = { paper: '纸质', electronic: '电子文档', other: '其他' } as const;
export type DeliveryForm = keyof typeof DELIVERY_FORM_LABELS;
export const DELIVERY_CHANNEL_LABELS = {
  mail: '邮寄',
  email: '电子邮件',
  pickup: '当面领取',
  online: '网上获取',
} as const;
export type DeliveryChannel = keyof typeof DELIVERY_CHANNEL_LABELS;

const listOf = <K extends string>(values: readonly K[], message: string) =>
  z.enum(values as unknown as [K, ...K[]], { message });

// ---- requests ----

const zOptText = (max: number) => z.string().trim().max(max).nullish();

export const zApplicant = z.object({
  kind: listOf(APPLICANT_KINDS, '申请人类型无效'),
  name: zText(100, '申请人姓名或者名称'),
  idType: z.enum(['id_card', 'other', 'credit_code'], { message: '证件类型无效' }),
  idNumber: zText(40, '证件号码'),
  phone: z
    .string()
    .trim()
    .regex(/^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$/, '联系电话格式不正确'),
  email: z.string().trim().email('电子邮箱格式不正确').nullish().or(z.literal('')),
  address: zOptText(200),
  contactPerson: zOptText(50),
});

/** The applicant from a form's flat fields (the portal's and the console's); empty optional fields become null. */
export function applicantOf<K extends string, T extends string>(v: {
  kind: K;
  name: string;
  idType: T;
  idNumber: string;
  phone: string;
  email?: string;
  address?: string;
  contactPerson?: string;
}) {
  return {
    kind: v.kind,
    name: v.name,
    idType: v.idType,
    idNumber: v.idNumber,
    phone: v.phone,
    email: v.email || null,
    address: v.address || null,
    contactPerson: v.contactPerson || null,
  };
}

const zDeliveryForm = zEnumOf(DELIVERY_FORM_LABELS, '获取信息的形式无效');
const zDeliveryChannel = zEnumOf(DELIVERY_CHANNEL_LABELS, '获取信息的途径无效');

/** An application as the portal form sends it (条例第二十九条). */
export const zIntake = z.object({
  unitId: zUuid,
  applicant: zApplicant,
  description: zText(2000, '所需政府信息的描述'),
  purpose: zOptText(500),
  deliveryForm: zDeliveryForm,
  deliveryChannel: zDeliveryChannel,
});

const blankToNull = (v: unknown) => (v === '' ? null : v);

// Staff may register an incomplete application; the missing items go to 补正 (APP-1, 条例第二十九条、第三十条).
export const zStaffIntake = zIntake.extend({
  description: zOptText(2000),
  deliveryForm: z.preprocess(blankToNull, zDeliveryForm.nullish()),
  deliveryChannel: z.preprocess(blankToNull, zDeliveryChannel.nullish()),
  channel: zEnumOf(SUBMISSION_CHANNEL_LABELS, '申请渠道无效'),
  handedInOn: zDate.nullish(),
  signedForOn: zDate.nullish(),
  arrivedOn: zDate.nullish(),
  confirmedOn: zDate.nullish(),
  submittedOn: zDate.nullish(),
});
export type StaffIntakeBody = z.input<typeof zStaffIntake>;

const zConsultKind = z.enum(['third_party', 'other_agency'], { message: '征求意见类型无效' });
const zOutcome = listOf(OUTCOME_CODES, '办理结果无效');
const zBasis = zEnumOf(LEGAL_BASIS_LABELS, '法律依据无效');

export const zCaseAction = z.discriminatedUnion(
  'action',
  [
    z.object({ action: z.literal('confirm_receipt'), confirmedOn: zDate }),
    z.object({
      action: z.literal('request_correction'),
      date: zDate,
      correctBy: zDate.nullish(),
      missing: zOptText(500),
    }),
    z.object({
      action: z.literal('receive_correction'),
      date: zDate,
      description: zOptText(2000),
      deliveryForm: zDeliveryForm.nullish(),
      deliveryChannel: zDeliveryChannel.nullish(),
    }),
    z.object({ action: z.literal('expire_correction'), date: zDate }),
    z.object({
      action: z.literal('start_consultation'),
      date: zDate,
      kind: zConsultKind,
      servedOn: zDate.nullish(),
      party: zText(100, '征求意见对象'),
    }),
    z.object({
      action: z.literal('end_consultation'),
      date: zDate,
      kind: zConsultKind.optional(),
      opinion: zOptText(500),
    }),
    z.object({
      action: z.literal('extend'),
      days: z
        .number({ message: '请填写延长的工作日数' })
        .int('延长天数应为整数')
        .min(1, '延长天数至少 1 个工作日')
        .max(20, '延长的期限最长不得超过 20 个工作日（条例第三十三条第二款）'),
      reason: zText(500, '延期理由'),
    }),
    z.object({
      action: z.literal('charge_fee'),
      date: zDate,
      method: z.enum(['per_piece', 'per_volume'], { message: '收费方式无效' }),
      pages: z.number().int().min(1).max(100000).nullish(),
      servedOn: zDate.nullish(),
    }),
    z.object({ action: z.literal('record_fee_paid'), date: zDate }),
    z.object({ action: z.literal('request_excessive_reasons'), date: zDate }),
    z.object({ action: z.literal('set_custom_deadline'), date: zDate, reason: zText(500, '理由') }),
    z.object({
      action: z.literal('reply'),
      date: zDate,
      outcome: zOutcome,
      legalBasis: zBasis.nullish(),
      replyText: zOptText(5000),
    }),
  ],
  { message: '办理事项无效' },
);
export type CaseActionBody = z.input<typeof zCaseAction>;

// POST /api/requests/cases/:id/extension-decision (the approver is the signed-in user, 条例第三十三条第二款)
export const zExtensionDecision = z
  .object({
    decision: z.enum(['approve', 'reject'], { message: '审批结果无效' }),
    notifiedOn: zDate.nullish(),
    comment: zOptText(500),
  })
  .refine((b) => b.decision === 'reject' || !!b.notifiedOn, {
    message: '请填写告知申请人的日期',
    path: ['notifiedOn'],
  });
export type ExtensionDecisionInput = z.input<typeof zExtensionDecision>;

const zRemedyKind = z.enum(['reconsideration', 'litigation'], { message: '类型无效' });
const zRemedyResult = z.enum(REMEDY_RESULTS, { message: '结果无效' });

export const zRemedyBody = z.object({
  kind: zRemedyKind,
  afterReconsideration: z.boolean().default(false),
  result: zRemedyResult,
  filedOn: zDate,
  note: zOptText(500),
});

export const zLetterBody = z.object({ kind: listOf(LETTER_KINDS, '文书类型无效'), date: zDate });

export const caseListQuery = z.object({
  keyword: z.string().max(60).optional(),
  /** A case status, or 'open' (the clock runs) or 'extension_pending' (the approver's queue). */
  status: listOf([...CASE_STATUSES, 'open', 'extension_pending'], '状态无效').optional(),
  unitId: zUuid.optional(),
  overdue: zQueryFlag,
  ...zPage,
});

// ---- responses ----

const zCaseStatus = z.enum(codesOf(CASE_STATUS_LABELS));

export const caseSummarySchema = z.object({
  id: z.string(),
  caseNo: z.string(),
  ...zUnitRef,
  channel: zEnumOf(SUBMISSION_CHANNEL_LABELS, '申请渠道无效'),
  applicantKind: listOf(APPLICANT_KINDS, '申请人类型无效'),
  /** Masked: staff lists show no full personal data. */
  applicantName: z.string(),
  description: z.string(),
  receivedOn: z.string().nullable(),
  status: zCaseStatus,
  replyDue: z.string().nullable(),
  /** Working days from today to the due date (negative when overdue); null without a running clock. */
  workingDaysLeft: z.number().int().nullable(),
  outcome: zOutcome.nullable(),
  closedOn: z.string().nullable(),
  duplicateOf: z.string().nullable(),
});
export type CaseSummary = z.output<typeof caseSummarySchema>;

export type TimelineItem = z.output<typeof zHistoryEntry>;

const letterInfoSchema = z.object({
  id: z.string(),
  kind: listOf(LETTER_KINDS, '文书类型无效'),
  version: z.number().int(),
  letterDate: z.string(),
  createdBy: z.string(),
  createdAt: zInstant,
});
export type LetterInfo = z.output<typeof letterInfoSchema>;

const remedyInfoSchema = z.object({
  id: z.string(),
  kind: zRemedyKind,
  afterReconsideration: z.boolean(),
  result: zRemedyResult,
  filedOn: z.string(),
  note: z.string().nullable(),
});
export type RemedyInfo = z.output<typeof remedyInfoSchema>;

export const extensionRequestSchema = z.object({
  days: z.number().int(),
  reason: z.string(),
  requestedBy: z.string(),
  requestedOn: z.string(),
  status: z.enum(['pending', 'approved', 'rejected']),
  decidedBy: z.string().optional(),
  decidedOn: z.string().optional(),
  comment: z.string().nullish(),
});
export type ExtensionRequestInfo = z.output<typeof extensionRequestSchema>;

export const caseDetailSchema = caseSummarySchema.extend({
  queryCode: z.string(),
  applicant: z.object({
    name: z.string(),
    idType: z.string(),
    idNumber: z.string(),
    phone: z.string(),
    email: z.string().nullable(),
    address: z.string().nullable(),
    contactPerson: z.string().nullable(),
  }),
  idProofFileId: z.string().nullable(),
  purpose: z.string().nullable(),
  deliveryForm: z.string(),
  deliveryChannel: z.string(),
  submittedOn: z.string().nullable(),
  receiptRule: z.string().nullable(),
  receiptConfirmedBy: z.string().nullable(),
  legalBasis: zBasis.nullable(),
  replyText: z.string().nullable(),
  feeMethod: z.string().nullable(),
  feeAmount: z.number().nullable(),
  onTime: z.boolean().nullable(),
  trace: z.array(z.string()),
  hints: z.array(z.string()),
  timeline: z.array(zHistoryEntry),
  allowedActions: z.array(z.union([z.enum(codesOf(CLOCK_ACTION_LABELS)), z.literal('confirm_receipt')])),
  letters: z.array(letterInfoSchema),
  remedies: z.array(remedyInfoSchema),
  /** Art. 29 completeness (APP-1): items missing at registration, to be asked for in the correction notice. */
  intake: z.object({
    route: z.enum(codesOf(INTAKE_ROUTE_LABELS)),
    missing: z.array(z.enum(codesOf(INTAKE_FIELD_LABELS))),
    message: z.string().nullable(),
  }),
  /** The latest extension request (Art. 33 ¶2), pending until an approver decides it. */
  extensionRequest: extensionRequestSchema.nullable(),
  dueDates: z.object({
    correctionNoticeDue: z.string().nullable(),
    correctBy: z.string().optional(),
    thirdPartyAnswerDue: z.string().optional(),
    otherAgencyAnswerDue: z.string().optional(),
    feePayBy: z.string().optional(),
    remainingWorkingDays: z.number().optional(),
  }),
});
export type CaseDetail = z.output<typeof caseDetailSchema>;

export const requestStatsSchema = z.object({
  year: z.number().int(),
  byMonth: z.array(z.object({ month: z.string(), received: z.number(), closed: z.number() })),
  byFamily: z.array(z.object({ family: z.string(), label: z.string(), count: z.number() })),
  closed: z.number(),
  onTime: z.number(),
  /** onTime / closed with a due date, 0..1; null when nothing closed. */
  onTimeRate: z.number().nullable(),
  open: z.number(),
  overdue: z.number(),
});
export type RequestStats = z.output<typeof requestStatsSchema>;

const registeredSchema = z.object({
  id: z.string(),
  queryCode: z.string(),
  caseNo: z.string(),
  duplicateOf: z.string().nullable(),
  intake: caseDetailSchema.shape.intake,
  correctionNoticeDue: z.string().nullable(),
});

const tag = '依申请公开';
const api = endpointsOf(tag);
const caseIdPath = '/api/requests/cases/:id';

export const requestsApi = {
  listCases: api.get('/api/requests/cases', '申请列表（按数据范围）', 'requests:case:list', {
    query: caseListQuery,
    response: zPaged(caseSummarySchema),
  }),
  registerCase: api.post(
    '/api/requests/cases',
    '登记申请（当面、信函、传真、电子邮件、口头）',
    'requests:case:create',
    { body: zStaffIntake, response: registeredSchema, status: 201 },
  ),
  stats: api.get('/api/requests/stats', '依申请公开统计', 'requests:stats:view', {
    query: zStatsYearQuery,
    response: requestStatsSchema,
  }),
  getCase: api.get(caseIdPath, '申请详情（时间线、期限、可办理事项、文书）', 'requests:case:list', {
    response: caseDetailSchema,
  }),
  act: api.post(`${caseIdPath}/actions`, '办理：补正、征求意见、延期、收费、答复等', 'requests:case:handle', {
    body: zCaseAction,
    response: caseDetailSchema,
  }),
  decideExtension: api.post(
    `${caseIdPath}/extension-decision`,
    '审批延期答复（政府信息公开工作机构负责人，条例第三十三条第二款）',
    'requests:extension:approve',
    { body: zExtensionDecision, response: caseDetailSchema },
  ),
  generateLetter: api.post(`${caseIdPath}/letters`, '生成文书（.docx，按版本保存）', 'requests:case:handle', {
    body: zLetterBody,
    response: z.object({ id: z.string(), version: z.number().int() }),
    status: 201,
  }),
  downloadLetter: api.get('/api/requests/letters/:id/download', '下载文书', 'requests:case:list', {
    response: zFile,
  }),
  idProof: api.get(`${caseIdPath}/id-proof`, '下载身份证明', 'requests:case:handle', { response: zFile }),
  makeProactive: api.post(
    `${caseIdPath}/proactive`,
    '依申请转主动公开：以去除个人信息的答复生成公开信息草稿，经审核后发布（条例第四十四条）',
    'requests:case:handle',
    {
      body: z.object({ art20: z.enum(CATEGORY_CODES, '请选择公开类别') }),
      response: z.object({ itemId: z.string() }),
      status: 201,
    },
  ),
  addRemedy: api.post(`${caseIdPath}/remedies`, '登记行政复议、行政诉讼', 'requests:case:handle', {
    body: zRemedyBody,
    response: z.object({ id: z.string() }),
    status: 201,
  }),
};
