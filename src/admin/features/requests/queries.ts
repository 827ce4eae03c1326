// Queries of the 依申请公开 feature (the convention is in src/admin/queries.ts). Every write answers with the case
// detail, which replaces the cached one; lists and statistics under ['requests'] are refreshed.
import type { CallArgs, ResponseOf } from '../../../contracts/http';
import { type CaseDetail, requestsApi } from '../../../contracts/requests';
import { pathFor } from '../../api';
import { keyOf, useCall, useCallMutation } from '../../queries';

export { requestsApi };

/** The list's API path for SearchTable (its filters become the query). */
export const CASES_PATH = pathFor(requestsApi.listCases);

export const useCase = (id: string) => useCall(requestsApi.getCase, { params: { id } });

export const useOpenCases = (pageSize: number) =>
  useCall(requestsApi.listCases, { query: { status: 'open', pageSize } });

export const useRequestStats = (year: number) => useCall(requestsApi.stats, { query: { year } });

/** The lists outside the ['requests'] prefix of the convention: SearchTable keys by its path. */
const LISTS = [['requests'], [CASES_PATH]];

/** A write on a case that answers with its detail: the detail replaces the cached one, lists refresh. */
function useCaseWrite<E extends typeof requestsApi.act | typeof requestsApi.decideExtension>(
  e: E,
  id: string,
  onDone: (d: CaseDetail) => void,
) {
  return useCallMutation(e, {
    // Both endpoints take the case id and a body: TypeScript cannot see that through the generic.
    toArgs: (body: CallArgs<E>['body']) => ({ params: { id }, body }) as unknown as CallArgs<E>,
    invalidates: LISTS,
    replaces: keyOf(requestsApi.getCase, { params: { id } }),
    onSuccess: (d) => onDone(d as CaseDetail),
  });
}

export const useCaseAction = (id: string, onDone: (d: CaseDetail) => void) =>
  useCaseWrite(requestsApi.act, id, onDone);

export const useExtensionDecision = (id: string, onDone: () => void) =>
  useCaseWrite(requestsApi.decideExtension, id, onDone);

export function useGenerateLetter(id: string, onDone: (r: { version: number }) => void) {
  return useCallMutation(requestsApi.generateLetter, {
    toArgs: (body: CallArgs<typeof requestsApi.generateLetter>['body']) => ({ params: { id }, body }),
    invalidates: [keyOf(requestsApi.getCase, { params: { id } })],
    onSuccess: onDone,
  });
}

export function useAddRemedy(id: string, onDone: () => void) {
  return useCallMutation(requestsApi.addRemedy, {
    toArgs: (body: CallArgs<typeof requestsApi.addRemedy>['body']) => ({ params: { id }, body }),
    invalidates: [keyOf(requestsApi.getCase, { params: { id } })],
    onSuccess: onDone,
  });
}

export function useRegisterCase(onDone: (r: ResponseOf<typeof requestsApi.registerCase>) => void) {
  return useCallMutation(requestsApi.registerCase, {
    toArgs: (body: CallArgs<typeof requestsApi.registerCase>['body']) => ({ body }),
    invalidates: LISTS,
    onSuccess: onDone,
  });
}

export const letterDownloadPath = (id: string) => pathFor(requestsApi.downloadLetter, { params: { id } });
export const idProofPath = (id: string) => pathFor(requestsApi.idProof, { params: { id } });
