// Queries of the assessment feature (the convention is in src/admin/queries.ts).
import { type AssessmentSettings, assessmentApi } from '../../../contracts/assessment';
import type { AssessedKind, Indicator } from '../../../domain/assessment/tree';
import { useCall, useCallMutation } from '../../queries';

export interface PlanKey {
  year: number;
  unitKind: AssessedKind;
}

export const usePlan = (k: PlanKey) => useCall(assessmentApi.plan, { query: k });
export const useResults = (k: PlanKey) => useCall(assessmentApi.results, { query: k });
export const useScores = (k: PlanKey) => useCall(assessmentApi.scores, { query: k });
export const useAssessmentSettings = () => useCall(assessmentApi.settings, {});
export const usePutAssessmentSettings = (onDone: () => void) =>
  useCallMutation(assessmentApi.putSettings, {
    toArgs: (body: AssessmentSettings) => ({ body }),
    onSuccess: onDone,
  });

export const useSaveTree = (onDone: () => void) =>
  useCallMutation(assessmentApi.putPlan, {
    toArgs: (v: PlanKey & { indicators: Indicator[] }) => ({ body: v }),
    onSuccess: onDone,
  });
export const useFreeze = (onDone: () => void) =>
  useCallMutation(assessmentApi.freeze, { toArgs: (k: PlanKey) => ({ body: k }), onSuccess: onDone });
export const usePublish = (onDone: () => void) =>
  useCallMutation(assessmentApi.publish, { toArgs: (k: PlanKey) => ({ body: k }), onSuccess: onDone });
export const usePutScore = (onDone: () => void) =>
  useCallMutation(assessmentApi.putScore, {
    toArgs: (
      body: PlanKey & { unitId: string; code: string; score: number; evidence: string; scorer: string },
    ) => ({
      body,
    }),
    onSuccess: onDone,
  });
