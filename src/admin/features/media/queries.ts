// Queries of the media feature (the convention is in src/admin/queries.ts).
import {
  annualReportApi,
  type FilingInput,
  mediaApi,
  newMediaApi,
  type PostInput,
  type SpotCheckInput,
} from '../../../contracts/media';
import type { BulletinPeriod } from '../../../domain/media/bulletin';
import { keyOf, useCall, useCallMutation, useUploadMutation } from '../../queries';

export { newMediaApi };

export const useChecks = (id: string) => useCall(mediaApi.checks, { params: { id } });
export const useAvailability = (id: string) => useCall(mediaApi.availability, { params: { id } });
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

// ---- 政务新媒体 posts and 抽查, 检查通报, dashboard ----

export const usePosts = (id: string) =>
  useCall(newMediaApi.posts, { params: { id }, query: { page: 1, pageSize: 50 } });
export const useSpotChecks = (id: string) => useCall(newMediaApi.spotChecks, { params: { id } });

const accountKeys = (id: string) => [
  keyOf(newMediaApi.posts, { params: { id }, query: { page: 1, pageSize: 50 } }),
  keyOf(newMediaApi.spotChecks, { params: { id } }),
  keyOf(mediaApi.accounts),
];

export function useCreatePost(id: string, onDone: () => void) {
  return useCallMutation(newMediaApi.createPost, {
    toArgs: (body: PostInput) => ({ params: { id }, body }),
    invalidates: accountKeys(id),
    onSuccess: onDone,
  });
}

export function useImportPosts(id: string, onDone: (r: { created: number; skipped: number }) => void) {
  return useUploadMutation(newMediaApi.importPosts, {
    args: { params: { id } },
    invalidates: accountKeys(id),
    onSuccess: onDone,
  });
}

export function useCreateSpotCheck(id: string, onDone: () => void) {
  return useCallMutation(newMediaApi.createSpotCheck, {
    toArgs: (body: SpotCheckInput) => ({ params: { id }, body }),
    invalidates: accountKeys(id),
    onSuccess: onDone,
  });
}

export const useBulletins = () => useCall(newMediaApi.bulletins);

export function useCreateBulletin(onDone: () => void) {
  return useCallMutation(newMediaApi.createBulletin, {
    toArgs: (body: { year: number; period: BulletinPeriod }) => ({ body }),
    invalidates: [keyOf(newMediaApi.bulletins)],
    onSuccess: onDone,
  });
}

export function usePublishBulletin(onDone: () => void) {
  return useCallMutation(newMediaApi.publishBulletin, {
    toArgs: (id: string) => ({ params: { id } }),
    invalidates: [keyOf(newMediaApi.bulletins)],
    onSuccess: onDone,
  });
}

export const useMediaDashboard = () => useCall(newMediaApi.dashboard, { query: {} });

// ---- 政府网站工作年度报表 ----

export { annualReportApi };

export const useAnnualReports = (year: number) => useCall(annualReportApi.list, { query: { year } });
export const useAnnualReport = (id: string, year: number) =>
  useCall(annualReportApi.get, { params: { id, year: String(year) } });

const reportKeys = (id: string, year: number) => [
  keyOf(annualReportApi.get, { params: { id, year: String(year) } }),
  keyOf(annualReportApi.list),
];

export function useSaveAnnualReport(id: string, year: number, onDone: () => void) {
  return useCallMutation(annualReportApi.save, {
    toArgs: (body: {
      values: Record<string, number | boolean | string | null>;
      followers: Record<string, number | null>;
    }) => ({ params: { id, year: String(year) }, body }),
    invalidates: reportKeys(id, year),
    onSuccess: onDone,
  });
}

export function useSubmitReport(id: string, year: number, onDone: () => void) {
  return useCallMutation(annualReportApi.submit, {
    toArgs: (_: undefined) => ({ params: { id, year: String(year) } }),
    invalidates: reportKeys(id, year),
    onSuccess: onDone,
  });
}

export function usePublishReport(id: string, year: number, onDone: () => void) {
  return useCallMutation(annualReportApi.publish, {
    toArgs: (_: undefined) => ({ params: { id, year: String(year) } }),
    invalidates: reportKeys(id, year),
    onSuccess: onDone,
  });
}

export function useReturnReport(id: string, year: number, onDone: () => void) {
  return useCallMutation(annualReportApi.return, {
    toArgs: (reason: string) => ({ params: { id, year: String(year) }, body: { reason } }),
    invalidates: reportKeys(id, year),
    onSuccess: onDone,
  });
}
