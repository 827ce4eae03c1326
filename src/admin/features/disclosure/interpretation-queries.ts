// Queries of 三同步 (contracts/interpretation-plan.ts): a policy's interpretation plan and the gate's answer.
import {
  interpretationPlanApi as api,
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
