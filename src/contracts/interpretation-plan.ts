// Contracts of 三同步 as a gate (issue 13 part 3), mounted by the disclosure module: a policy's interpretation plan
// (重大政策, 第一解读人, exemption with a reason), the gate's answer, and the district's minimum number of forms.
import { z } from 'zod';
import { BRIEFING_KINDS } from '../domain/disclosure/interpretation-gate';
import { endpoint, zDate, zUuid, zWebUrl } from './http';

const tag = '政策解读';

export const interpretationPlanInput = z.object({
  majorPolicy: z.boolean().default(false),
  firstInterpreter: z.string().trim().max(50, '第一解读人最多 50 字').nullable().default(null),
  exemptionReason: z.string().trim().max(500, '理由最多 500 字').nullable().default(null),
});
export type InterpretationPlanInput = z.output<typeof interpretationPlanInput>;

export const interpretationPlanSchema = interpretationPlanInput.extend({
  needsInterpretation: z.boolean(),
  /** Distinct forms of the interpretations ready to publish with the policy. */
  forms: z.array(z.string()),
  minForms: z.number().int(),
  /** Whether 终审 may pass now, and why not. */
  allowed: z.boolean(),
  message: z.string().nullable(),
});
export type InterpretationPlanView = z.output<typeof interpretationPlanSchema>;

export const interpretationSettingsSchema = z.object({
  majorMinForms: z.number().int().min(1, '至少 1 种').max(10, '最多 10 种'),
});

const planPath = '/api/disclosure/items/:id/interpretation-plan';

export const interpretationPlanApi = {
  getPlan: endpoint({
    method: 'get',
    path: planPath,
    tag,
    summary: '政策的三同步情况：解读形式、第一解读人、不解读理由、能否终审',
    permission: 'disclosure:item:list',
    response: interpretationPlanSchema,
  }),
  putPlan: endpoint({
    method: 'put',
    path: planPath,
    tag,
    summary: '登记重大政策、第一解读人或不解读的理由',
    permission: 'disclosure:item:update',
    body: interpretationPlanInput,
    response: interpretationPlanSchema,
  }),
  getSettings: endpoint({
    method: 'get',
    path: '/api/disclosure/interpretation-settings',
    tag,
    summary: '重大政策解读形式的最少种数（查看）',
    permission: 'disclosure:item:list',
    response: interpretationSettingsSchema,
  }),
  putSettings: endpoint({
    method: 'put',
    path: '/api/disclosure/interpretation-settings',
    tag,
    summary: '重大政策解读形式的最少种数',
    permission: 'disclosure:settings:update',
    body: interpretationSettingsSchema,
    response: interpretationSettingsSchema,
  }),
};

// ---- 新闻发布会 / 访谈 register ----

export const briefingInput = z.object({
  kind: z.enum(BRIEFING_KINDS, { message: '类型应为新闻发布会或访谈' }),
  title: z.string().trim().min(1, '请填写名称').max(200),
  heldOn: zDate,
  speakers: z.string().trim().max(200).default(''),
  url: zWebUrl('链接应为 http:// 或 https:// 开头的网址').nullable().default(null),
  /** Items (any version) of the policies it explains. */
  policyIds: z.array(zUuid).min(1, '请选择所解读的政策').max(20),
});
export type BriefingInput = z.output<typeof briefingInput>;

export const briefingSchema = z.object({
  id: z.string(),
  kind: z.enum(BRIEFING_KINDS),
  title: z.string(),
  heldOn: z.string(),
  unitId: z.string(),
  speakers: z.string(),
  url: z.string().nullable(),
  policyRootIds: z.array(z.string()),
  /** The policies it explains (each by its first version's id and title), for the register. */
  policies: z.array(z.object({ id: z.string(), title: z.string() })),
});
export type BriefingView = z.output<typeof briefingSchema>;

export const briefingApi = {
  listBriefings: endpoint({
    method: 'get',
    path: '/api/disclosure/briefings',
    tag,
    summary: '新闻发布会、访谈登记（可按政策）',
    permission: 'disclosure:item:list',
    query: z.object({ policyId: zUuid.optional() }),
    response: z.array(briefingSchema),
  }),
  createBriefing: endpoint({
    method: 'post',
    path: '/api/disclosure/briefings',
    tag,
    summary: '登记新闻发布会或访谈，关联所解读的政策',
    permission: 'disclosure:item:create',
    body: briefingInput,
    status: 201,
    response: briefingSchema,
  }),
};
