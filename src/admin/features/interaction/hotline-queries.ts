// Queries of the hotline ledger, 舆情 and 公开承诺 pages (the convention is in src/admin/queries.ts). Writes refresh
// every list under ['interaction'].
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { hotlineApi } from '../../../contracts/hotline';
import type { CallArgs, ResponseOf } from '../../../contracts/http';
import { uploadTo } from '../../api';
import { useCall, useCallMutation, useUploadMutation } from '../../queries';

export { hotlineApi };

type Body<E extends keyof typeof hotlineApi> =
  CallArgs<(typeof hotlineApi)[E]> extends { body: infer B } ? B : never;

export function useCreateCall(onDone: (r: ResponseOf<typeof hotlineApi.createCall>) => void) {
  return useCallMutation(hotlineApi.createCall, {
    toArgs: (body: Body<'createCall'>) => ({ body }),
    onSuccess: onDone,
  });
}

export function useHandOver(onDone: (r: ResponseOf<typeof hotlineApi.handOverCall>) => void) {
  return useCallMutation(hotlineApi.handOverCall, {
    toArgs: (id: string) => ({ params: { id }, body: {} }),
    onSuccess: onDone,
  });
}

/** The all-or-nothing import of the file the preview checked (sent again: nothing is kept between the steps). */
export function useImportCalls(onDone: (r: { created: number }) => void) {
  return useUploadMutation(hotlineApi.importCalls, { invalidates: [['interaction']], onSuccess: onDone });
}

export function useCreateOpinion(onDone: () => void) {
  return useCallMutation(hotlineApi.createOpinion, {
    toArgs: (body: Body<'createOpinion'>) => ({ body }),
    onSuccess: onDone,
  });
}

export function useOpinionAction(onDone: () => void) {
  return useCallMutation(hotlineApi.actOpinion, {
    toArgs: (v: { id: string; body: Body<'actOpinion'> }) => ({ params: { id: v.id }, body: v.body }),
    onSuccess: onDone,
  });
}

export function useCreateCommitment(onDone: () => void) {
  return useCallMutation(hotlineApi.createCommitment, {
    toArgs: (body: Body<'createCommitment'>) => ({ body }),
    onSuccess: onDone,
  });
}

export const useCommitment = (id: string | null) =>
  useCall(hotlineApi.getCommitment, { params: { id: id ?? '' } }, { enabled: !!id });

export function useAddProgress(id: string, onDone: () => void) {
  return useCallMutation(hotlineApi.addProgress, {
    toArgs: (body: Body<'addProgress'>) => ({ params: { id }, body }),
    onSuccess: onDone,
  });
}

export function useCancelCommitment(id: string, onDone: () => void) {
  return useCallMutation(hotlineApi.cancelCommitment, {
    toArgs: (reason: string) => ({ params: { id }, body: { reason } }),
    onSuccess: onDone,
  });
}

export function useUploadEvidence(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { pid: string; file: File }) =>
      uploadTo(hotlineApi.uploadEvidence, v.file, { params: { id, pid: v.pid } }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['interaction'] }),
  });
}
