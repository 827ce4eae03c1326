// Queries of 三同步 (contracts/interpretation-plan.ts): a policy's interpretation plan and the gate's answer, the
// register of 新闻发布会/访谈, and the district's minimum number of forms for major policies.
import {
  interpretationPlanApi as api,
  type BriefingInput,
  briefingApi,
  type InterpretationPlanInput,
} from '../../../contracts/interpretation-plan';
import { keyOf, useCall, useCallMutation } from '../../queries';

export const useInterpretationPlan = (id: string) => useCall(api.getPlan, { params: { id } });

export const useSaveInterpretationPlan = (id: string, onDone: () => void) =>
  useCallMutation(api.putPlan, {
    toArgs: (body: InterpretationPlanInput) => ({ params: { id }, body }),
    invalidates: [keyOf(api.getPlan, { params: { id } })],
    onSuccess: onDone,
  });

// ---- 新闻发布会 / 访谈 ----
export const useBriefings = () => useCall(briefingApi.listBriefings, { query: {} });

export const useCreateBriefing = (onDone: () => void) =>
  useCallMutation(briefingApi.createBriefing, {
    toArgs: (body: BriefingInput) => ({ body }),
    // Default: every disclosure query — the register and each policy's plan (a held briefing counts as a form).
    onSuccess: onDone,
  });

// ---- 重大政策解读形式的最少种数 ----
export const useInterpretationSettings = () => useCall(api.getSettings);

export const useSaveInterpretationSettings = (onDone: () => void) =>
  useCallMutation(api.putSettings, {
    toArgs: (body: { majorMinForms: number }) => ({ body }),
    invalidates: [keyOf(api.getSettings)],
    onSuccess: onDone,
  });
