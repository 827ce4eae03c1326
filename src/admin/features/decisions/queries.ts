// Queries of 重大行政决策预公开 (the convention is in src/admin/queries.ts): hooks on contracts/decisions.ts.
import { decisionsApi as api, type DecisionInputBody } from '../../../contracts/decisions';
import { keyOf, useCall, useCallMutation } from '../../queries';

/** Every decisions query (list, detail, comments, participations) shares the path prefix. */
export const DECISIONS_KEY = keyOf(api.list);
const invalidates = [DECISIONS_KEY];
const byId = (id: string) => ({ params: { id } });

export const useDecision = (id: string | null) => useCall(api.get, byId(id ?? ''), { enabled: id !== null });
export const useDecisionComments = (id: string) => useCall(api.comments, { ...byId(id), query: {} });
export const useCreateDecision = (onDone: () => void) =>
  useCallMutation(api.create, {
    toArgs: (body: DecisionInputBody) => ({ body }),
    invalidates,
    onSuccess: onDone,
  });
export const useUpdateDecision = (onDone: () => void) =>
  useCallMutation(api.update, {
    toArgs: (v: { id: string; body: DecisionInputBody }) => ({ ...byId(v.id), body: v.body }),
    invalidates,
    onSuccess: onDone,
  });
export const useOpenDecision = () =>
  useCallMutation(api.open, {
    toArgs: (v: { id: string; commentDays: number | null }) => ({
      ...byId(v.id),
      body: { commentDays: v.commentDays },
    }),
    invalidates,
  });
export const useCloseDecision = () => useCallMutation(api.close, { toArgs: byId, invalidates });
export const useModerateComment = () =>
  useCallMutation(api.moderate, {
    toArgs: (v: { id: string; status: 'shown' | 'hidden'; reason?: string }) => ({
      ...byId(v.id),
      body: { status: v.status, reason: v.reason ?? null },
    }),
    invalidates,
  });
export const usePublishAdoption = (onDone: () => void) =>
  useCallMutation(api.adopt, {
    toArgs: (v: { id: string; body: Parameters<typeof api.adopt.body.parse>[0] }) => ({
      ...byId(v.id),
      body: api.adopt.body.parse(v.body),
    }),
    invalidates,
    onSuccess: onDone,
  });
export const useLinkFinal = (onDone: () => void) =>
  useCallMutation(api.decide, {
    toArgs: (v: { id: string; itemId: string }) => ({ ...byId(v.id), body: { itemId: v.itemId } }),
    invalidates,
    onSuccess: onDone,
  });
export const useDecisionSettings = () => useCall(api.settings);
export const useCreateParticipation = (onDone: () => void) =>
  useCallMutation(api.createParticipation, {
    toArgs: (body: Parameters<typeof api.createParticipation.body.parse>[0]) => ({
      body: api.createParticipation.body.parse(body),
    }),
    invalidates,
    onSuccess: onDone,
  });
