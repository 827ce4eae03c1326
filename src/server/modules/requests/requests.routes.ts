import type { Hono } from 'hono';
import { z } from 'zod';
import { DELIVERY_CHANNEL_LABELS, DELIVERY_FORM_LABELS } from '../../../contracts/requests';
import { LETTER_KINDS } from '../../../domain/requests/letters';
import {
  APPLICANT_KINDS,
  LEGAL_BASIS_LABELS,
  type LegalBasisCode,
  OUTCOME_CODES,
} from '../../../domain/requests/outcomes';
import { type AppEnv, actorOf, type Platform } from '../../platform/context';
import { defineRoute, zDate, zPage, zUuid } from '../../platform/http/route';
import { DOCX_MIME, fileResponse } from '../../platform/http/upload';
import { generateLetter, idProofFile, letterFile } from './letters.service';
import {
  addRemedy,
  applyAction,
  decideExtension,
  getCase,
  listCases,
  registerByStaff,
  stats,
} from './requests.service';

const zText = (max: number, what: string) =>
  z
    .string({ message: `请填写${what}` })
    .trim()
    .min(1, `请填写${what}`)
    .max(max, `${what}不超过 ${max} 字`);
const zOptText = (max: number) => z.string().trim().max(max).nullish();

export const zApplicant = z.object({
  kind: z
    .enum(APPLICANT_KINDS as unknown as [string, ...string[]], { message: '申请人类型无效' })
    .transform((v) => v as (typeof APPLICANT_KINDS)[number]),
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

export const zIntake = {
  unitId: zUuid,
  applicant: zApplicant,
  description: zText(2000, '所需政府信息的描述'),
  purpose: zOptText(500),
  deliveryForm: z.enum(Object.keys(DELIVERY_FORM_LABELS) as [string, ...string[]], {
    message: '获取信息的形式无效',
  }),
  deliveryChannel: z.enum(Object.keys(DELIVERY_CHANNEL_LABELS) as [string, ...string[]], {
    message: '获取信息的途径无效',
  }),
};

const blankToNull = (v: unknown) => (v === '' ? null : v);

// Staff may register an incomplete application; the missing items go to 补正 (APP-1, 条例第二十九条、第三十条).
const zStaffIntake = z.object({
  ...zIntake,
  description: zOptText(2000),
  deliveryForm: z.preprocess(blankToNull, zIntake.deliveryForm.nullish()),
  deliveryChannel: z.preprocess(blankToNull, zIntake.deliveryChannel.nullish()),
  channel: z.enum(['in_person', 'registered_mail', 'ordinary_mail', 'online', 'fax', 'email', 'oral'], {
    message: '申请渠道无效',
  }),
  handedInOn: zDate.nullish(),
  signedForOn: zDate.nullish(),
  arrivedOn: zDate.nullish(),
  confirmedOn: zDate.nullish(),
  submittedOn: zDate.nullish(),
});

const zConsultKind = z.enum(['third_party', 'other_agency'], { message: '征求意见类型无效' });
const zOutcome = z.enum(OUTCOME_CODES, { message: '办理结果无效' });
const zBasis = z.enum(Object.keys(LEGAL_BASIS_LABELS) as [LegalBasisCode, ...LegalBasisCode[]], {
  message: '法律依据无效',
});

const zAction = z.discriminatedUnion(
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
      deliveryForm: zIntake.deliveryForm.nullish(),
      deliveryChannel: zIntake.deliveryChannel.nullish(),
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

export function requestsRoutes(app: Hono<AppEnv>, p: Platform): void {
  const { database, clock } = p;
  const tag = '依申请公开';

  defineRoute(app, {
    method: 'get',
    path: '/api/requests/cases',
    tag,
    summary: '申请列表（按数据范围）',
    permission: 'requests:case:list',
    query: z.object({
      keyword: z.string().max(60).optional(),
      status: z.string().max(40).optional(),
      unitId: zUuid.optional(),
      overdue: z
        .enum(['true', 'false'])
        .optional()
        .transform((v) => v === 'true'),
      ...zPage,
    }),
    handler: ({ user, query }) => listCases(database, clock, user, query),
  });
  defineRoute(app, {
    method: 'post',
    path: '/api/requests/cases',
    tag,
    summary: '登记申请（当面、信函、传真、电子邮件、口头）',
    permission: 'requests:case:create',
    body: zStaffIntake,
    status: 201,
    handler: ({ c, user, body }) =>
      registerByStaff(database, clock, actorOf(user, c), user, body as Parameters<typeof registerByStaff>[4]),
  });
  defineRoute(app, {
    method: 'get',
    path: '/api/requests/stats',
    tag,
    summary: '依申请公开统计',
    permission: 'requests:stats:view',
    query: z.object({ year: z.coerce.number().int().min(2008).max(2100) }),
    handler: ({ user, query }) => stats(database, clock, user, query.year),
  });
  defineRoute(app, {
    method: 'get',
    path: '/api/requests/cases/:id',
    tag,
    summary: '申请详情（时间线、期限、可办理事项、文书）',
    permission: 'requests:case:list',
    handler: ({ user, params }) => getCase(database, clock, user, z.string().uuid().parse(params.id)),
  });
  defineRoute(app, {
    method: 'post',
    path: '/api/requests/cases/:id/actions',
    tag,
    summary: '办理：补正、征求意见、延期、收费、答复等',
    permission: 'requests:case:handle',
    body: zAction,
    handler: async ({ c, user, params, body }) => {
      const id = zUuid.parse(params.id);
      await applyAction(database, clock, actorOf(user, c), user, id, body);
      return getCase(database, clock, user, id);
    },
  });
  defineRoute(app, {
    method: 'post',
    path: '/api/requests/cases/:id/extension-decision',
    tag,
    summary: '审批延期答复（政府信息公开工作机构负责人，条例第三十三条第二款）',
    permission: 'requests:extension:approve',
    body: z
      .object({
        decision: z.enum(['approve', 'reject'], { message: '审批结果无效' }),
        notifiedOn: zDate.nullish(),
        comment: zOptText(500),
      })
      .refine((b) => b.decision === 'reject' || !!b.notifiedOn, {
        message: '请填写告知申请人的日期',
        path: ['notifiedOn'],
      }),
    handler: async ({ c, user, params, body }) => {
      const id = zUuid.parse(params.id);
      await decideExtension(database, clock, actorOf(user, c), user, id, body);
      return getCase(database, clock, user, id);
    },
  });
  defineRoute(app, {
    method: 'post',
    path: '/api/requests/cases/:id/letters',
    tag,
    summary: '生成文书（.docx，按版本保存）',
    permission: 'requests:case:handle',
    body: z.object({
      kind: z.enum(LETTER_KINDS as unknown as [string, ...string[]], { message: '文书类型无效' }),
      date: zDate,
    }),
    status: 201,
    handler: ({ c, user, params, body }) =>
      generateLetter(
        database,
        clock,
        actorOf(user, c),
        user,
        zUuid.parse(params.id),
        body.kind as (typeof LETTER_KINDS)[number],
        body.date,
      ),
  });
  defineRoute(app, {
    method: 'get',
    path: '/api/requests/letters/:id/download',
    tag,
    summary: '下载文书',
    permission: 'requests:case:list',
    handler: async ({ user, params }) => {
      const f = await letterFile(database, user, zUuid.parse(params.id));
      return fileResponse(f.bytes, f.name, DOCX_MIME);
    },
  });
  defineRoute(app, {
    method: 'get',
    path: '/api/requests/cases/:id/id-proof',
    tag,
    summary: '下载身份证明',
    permission: 'requests:case:handle',
    handler: async ({ user, params }) => {
      const f = await idProofFile(database, user, zUuid.parse(params.id));
      return fileResponse(f.bytes, f.name, f.mime);
    },
  });
  defineRoute(app, {
    method: 'post',
    path: '/api/requests/cases/:id/remedies',
    tag,
    summary: '登记行政复议、行政诉讼',
    permission: 'requests:case:handle',
    body: z.object({
      kind: z.enum(['reconsideration', 'litigation'], { message: '类型无效' }),
      afterReconsideration: z.boolean().default(false),
      result: z.enum(['upheld', 'corrected', 'other', 'pending'], { message: '结果无效' }),
      filedOn: zDate,
      note: zOptText(500),
    }),
    status: 201,
    handler: ({ c, user, params, body }) =>
      addRemedy(database, clock, actorOf(user, c), user, zUuid.parse(params.id), body),
  });
}
