// Queries of the 互动回应 feature (the convention is in src/admin/queries.ts). A consultation's writes answer with
// its detail, which replaces the cached one; lists under ['interaction'] refresh.
import type { CallArgs, ResponseOf } from '../../../contracts/http';
import {
  type ConsultDetail,
  interactionApi,
  type LetterDetail,
  mailboxApi,
} from '../../../contracts/interaction';
import { keyOf, useCall, useCallMutation, useUploadMutation } from '../../queries';

export { interactionApi };

export const useConsultation = (id: string) => useCall(interactionApi.getConsultation, { params: { id } });
export const useOpenConsultations = (pageSize: number) =>
  useCall(interactionApi.listConsultations, { query: { status: 'open', pageSize } });
export const useTransferTargets = () => useCall(interactionApi.transferTargets);
export const useConsultStats = (year: number) => useCall(interactionApi.consultStats, { query: { year } });

export const useConsultAction = (id: string, onDone: (d: ConsultDetail) => void) =>
  useCallMutation(interactionApi.actConsultation, {
    toArgs: (body: CallArgs<typeof interactionApi.actConsultation>['body']) => ({ params: { id }, body }),
    replaces: keyOf(interactionApi.getConsultation, { params: { id } }),
    onSuccess: onDone,
  });

/** A reviewer's approve / return of an answer waiting for review. */
export const useReviewConsultation = (id: string, onDone: (d: ConsultDetail) => void) =>
  useCallMutation(interactionApi.reviewConsultation, {
    toArgs: (body: CallArgs<typeof interactionApi.reviewConsultation>['body']) => ({ params: { id }, body }),
    replaces: keyOf(interactionApi.getConsultation, { params: { id } }),
    onSuccess: onDone,
  });

export function useRegisterConsultation(
  onDone: (r: ResponseOf<typeof interactionApi.registerConsultation>) => void,
) {
  return useCallMutation(interactionApi.registerConsultation, {
    toArgs: (body: CallArgs<typeof interactionApi.registerConsultation>['body']) => ({ body }),
    onSuccess: onDone,
  });
}

export function useCreateQa(onDone: () => void) {
  return useCallMutation(interactionApi.createQa, {
    toArgs: (body: CallArgs<typeof interactionApi.createQa>['body']) => ({ body }),
    onSuccess: onDone,
  });
}

export function useReviewQa() {
  return useCallMutation(interactionApi.reviewQa, {
    toArgs: (v: { id: string; decision: 'approve' | 'reject' | 'retire' }) => ({
      params: { id: v.id },
      body: { decision: v.decision },
    }),
  });
}

/** The all-or-nothing import of the file the preview checked (sent again: nothing is kept between the steps). */
export function useImportQa(onDone: (r: { created: number }) => void) {
  return useUploadMutation(interactionApi.importQa, { invalidates: [['interaction']], onSuccess: onDone });
}

// ---- 信箱 ----

export { mailboxApi };

export const useLetter = (id: string | null) =>
  useCall(mailboxApi.getLetter, { params: { id: id ?? '' } }, { enabled: !!id });
export const useMailboxes = () => useCall(mailboxApi.listMailboxes);
export const useInteractionStats = (year: number) => useCall(mailboxApi.letterStats, { query: { year } });

const LETTER_REFRESH = [['interaction'], ['todo']];

/** Transfer or reply; the answer is the letter, or null once it left the user's scope. */
export const useHandleLetter = (id: string, onDone: (d: LetterDetail | null) => void) =>
  useCallMutation(mailboxApi.handleLetter, {
    toArgs: (body: CallArgs<typeof mailboxApi.handleLetter>['body']) => ({ params: { id }, body }),
    invalidates: LETTER_REFRESH,
    onSuccess: onDone,
  });

export const useReviewLetter = (id: string, onDone: (d: LetterDetail) => void) =>
  useCallMutation(mailboxApi.reviewLetter, {
    toArgs: (body: CallArgs<typeof mailboxApi.reviewLetter>['body']) => ({ params: { id }, body }),
    invalidates: LETTER_REFRESH,
    onSuccess: onDone,
  });

export const usePublishLetter = (id: string, onDone: (d: LetterDetail) => void) =>
  useCallMutation(mailboxApi.publishLetter, {
    toArgs: (published: boolean) => ({ params: { id }, body: { published } }),
    invalidates: LETTER_REFRESH,
    onSuccess: onDone,
  });

export function useUpdateMailbox() {
  return useCallMutation(mailboxApi.updateMailbox, {
    toArgs: (v: { id: string; reviewRequired: boolean; enabled: boolean }) => ({
      params: { id: v.id },
      body: { reviewRequired: v.reviewRequired, enabled: v.enabled },
    }),
    invalidates: [['interaction', 'mailboxes']],
  });
}
