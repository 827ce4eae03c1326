// Contracts of 三同步 as a gate (issue 13 part 3), mounted by the disclosure module: a policy's interpretation plan
// (重大政策, 第一解读人, exemption with a reason), the gate's answer, and the district's minimum number of forms.
import { z } from 'zod';
import { endpoint } from './http';

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
