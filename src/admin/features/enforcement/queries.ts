// Queries of 行政执法公示 (the convention is in src/admin/queries.ts): hooks on contracts/enforcement.ts.
import { enforcementApi as api, type EnforcementInputBody } from '../../../contracts/enforcement';
import { keyOf, useCall, useCallMutation, useUploadMutation } from '../../queries';

/** Every enforcement query: lists, summary and settings share the path prefix. */
export const ENFORCEMENT_KEY = keyOf(api.list);
const invalidates = [ENFORCEMENT_KEY];

export const useEnforcementSummary = (year: number) => useCall(api.summary, { query: { year } });
export const useCreateEnforcement = (onDone: () => void) =>
  useCallMutation(api.create, {
    toArgs: (body: EnforcementInputBody) => ({ body }),
    invalidates,
    onSuccess: onDone,
  });
export const usePublishEnforcement = () =>
  useCallMutation(api.publish, { toArgs: (id: string) => ({ params: { id } }), invalidates });
export const useWithdrawEnforcement = (onDone: () => void) =>
  useCallMutation(api.withdraw, {
    toArgs: (v: { id: string; reason: string }) => ({ params: { id: v.id }, body: { reason: v.reason } }),
    invalidates,
    onSuccess: onDone,
  });
export const useRemoveEnforcement = () =>
  useCallMutation(api.remove, { toArgs: (id: string) => ({ params: { id } }), invalidates });
/** 确认导入: the same file again, stored all or nothing. */
export function useImportEnforcement(onDone: (created: number) => void) {
  return useUploadMutation(api.importCommit, { invalidates, onSuccess: (r) => onDone(r.created) });
}
