// Queries of the media feature (the convention is in src/admin/queries.ts).
import { type FilingInput, mediaApi } from '../../../contracts/media';
import { keyOf, useCall, useCallMutation } from '../../queries';

export const useChecks = (id: string) => useCall(mediaApi.checks, { params: { id } });
export const useRectifications = (id: string) => useCall(mediaApi.rectifications, { params: { id } });
export const useFilings = (status?: 'pending' | 'approved' | 'rejected') =>
  useCall(mediaApi.filings, { query: { page: 1, pageSize: 100, ...(status ? { status } : {}) } });

export function useRunCheck(id: string, onDone: () => void) {
  return useCallMutation(mediaApi.runCheck, {
    toArgs: (asOf: string | undefined) => ({ params: { id }, body: asOf ? { asOf } : {} }),
    invalidates: [
      keyOf(mediaApi.checks, { params: { id } }),
      keyOf(mediaApi.rectifications, { params: { id } }),
      keyOf(mediaApi.websites),
    ],
    onSuccess: onDone,
  });
}

export function useReviewFiling(onDone: () => void) {
  return useCallMutation(mediaApi.reviewFiling, {
    toArgs: (v: { id: string; decision: 'approve' | 'reject'; note: string }) => ({
      params: { id: v.id },
      body: { decision: v.decision, note: v.note },
    }),
    invalidates: [keyOf(mediaApi.filings), keyOf(mediaApi.websites), keyOf(mediaApi.accounts)],
    onSuccess: onDone,
  });
}

export const useRegisterOptions = () => ({
  websites: useCall(mediaApi.websites, { query: { page: 1, pageSize: 500 } }),
  accounts: useCall(mediaApi.accounts, { query: { page: 1, pageSize: 500 } }),
});

export function useSubmitFiling(onDone: () => void) {
  return useCallMutation(mediaApi.submitFiling, {
    toArgs: (body: FilingInput) => ({ body }),
    invalidates: [keyOf(mediaApi.filings)],
    onSuccess: onDone,
  });
}
