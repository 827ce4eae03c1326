// Queries of the tasks feature (the convention is in src/admin/queries.ts). Every tasks change refreshes every
// tasks query (the default prefix ['tasks']): the ledger, the open assignment, the dashboard, extensions.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CallArgs } from '../../../contracts/http';
import { orgApi } from '../../../contracts/org';
import {
  type Cadence,
  type CommitPlanBody,
  type ManualColumnsBody,
  type TablePreview,
  tasksApi,
  type WorkPlanSummary,
} from '../../../contracts/tasks';
import { ApiError, call, uploadTo } from '../../api';
import { keyOf, useCall, useCallMutation } from '../../queries';

const TASKS = keyOf(tasksApi.plans).slice(0, 1);

export const usePlans = () => useCall(tasksApi.plans);

/** Unit groups a name of a notice may stand for ("区级其他有关部门" → 区政府各部门). */
export const useUnitGroups = () => useCall(orgApi.groups);

export const useDashboard = (planId: string | undefined) =>
  useCall(tasksApi.dashboard, { query: { planId } }, { enabled: !!planId });

export const useTasksSettings = () => useCall(tasksApi.getSettings);

export const useSaveReminderDays = (onDone: () => void) =>
  useCallMutation(tasksApi.putSettings, {
    toArgs: (n: number) => ({ body: { reminderDaysBefore: n } }),
    onSuccess: onDone,
  });

export const useSetCadence = (planId: string | undefined, onDone: () => void) =>
  useCallMutation(tasksApi.setCadence, {
    toArgs: (cadence: Cadence) => ({ params: { id: planId ?? '' }, body: { cadence } }),
    onSuccess: onDone,
  });

export const useAssignment = (id: string | null) =>
  useCall(tasksApi.assignment, { params: { id: id ?? '' } }, { enabled: !!id });

/** What the lead unit or the office does with a submitted assignment. */
export type AssignmentAction =
  | { kind: 'review'; decision: 'approved' | 'returned'; note: string }
  | { kind: 'close' }
  | { kind: 'return'; reason: string };

export function useAssignmentAction(id: string, onDone: (a: AssignmentAction) => void) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (a: AssignmentAction) => {
      const params = { id };
      if (a.kind === 'review')
        return call(tasksApi.review, { params, body: { decision: a.decision, note: a.note } });
      if (a.kind === 'return') return call(tasksApi.return, { params, body: { reason: a.reason } });
      return call(tasksApi.close, { params });
    },
    onSuccess: async (_d, a) => {
      await qc.invalidateQueries({ queryKey: TASKS });
      onDone(a);
    },
  });
}

export const useReportProgress = (id: string, onDone: () => void) =>
  useCallMutation(tasksApi.report, {
    toArgs: (body: CallArgs<typeof tasksApi.report>['body']) => ({ params: { id }, body }),
    onSuccess: onDone,
  });

export const useRequestExtension = (id: string, onDone: () => void) =>
  useCallMutation(tasksApi.requestExtension, {
    toArgs: (body: { newDueDate: string; reason: string }) => ({ params: { id }, body }),
    onSuccess: onDone,
  });

export const uploadAttachment = (file: File) => uploadTo(tasksApi.uploadAttachment, file);

export const useExtensions = (status: 'pending' | 'approved' | 'rejected') =>
  useCall(tasksApi.extensions, { query: { status } });

export const useDecideExtension = (onDone: () => void) =>
  useCallMutation(tasksApi.decideExtension, {
    toArgs: (v: { id: string; decision: 'approved' | 'rejected'; note: string }) => ({
      params: { id: v.id },
      body: { decision: v.decision, note: v.note },
    }),
    onSuccess: onDone,
  });

/** Commits an import; its error is shown on the page (silent for the central notifier). */
export function useCommitPlan(opts: {
  onMutate: () => void;
  onSuccess: (p: WorkPlanSummary) => void;
  onError: (e: Error) => void;
}) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: CommitPlanBody) => call(tasksApi.importCommit, { body }),
    meta: { silent: true },
    onMutate: opts.onMutate,
    onSuccess: async (p) => {
      await qc.invalidateQueries({ queryKey: TASKS });
      opts.onSuccess(p);
    },
    onError: opts.onError,
  });
}

export const previewImport = (
  file: File,
  year: number | null,
  onProgress: (percent: number) => void,
  { columns, items }: { columns?: ManualColumnsBody; items?: boolean } = {},
) =>
  uploadTo(
    tasksApi.importPreview,
    file,
    {
      query: {
        year: year ?? undefined,
        columns: columns ? JSON.stringify(columns) : undefined,
        items: items ? 'true' : undefined,
      },
    },
    onProgress,
  );

/** The same preview for text pasted from a browser (a page, a copied table). */
export const previewPasted = (
  text: string,
  year: number | null,
  { columns, items }: { columns?: ManualColumnsBody; items?: boolean } = {},
) => call(tasksApi.importPreviewText, { body: { text, year: year ?? undefined, columns, items } });

/**
 * A preview that read no task (not one refused for its size or type): the notice's tables, for naming their
 * columns; null for any other failure.
 */
export function unreadOf(err: unknown): { tables: TablePreview[] } | null {
  if (!(err instanceof ApiError) || typeof err.details !== 'object' || err.details === null) return null;
  const { tables, warnings } = err.details as { tables?: unknown; warnings?: unknown };
  if (!Array.isArray(warnings)) return null;
  return { tables: Array.isArray(tables) ? (tables as TablePreview[]) : [] };
}
// ---- ledger by task ----

export const useBulkRemind = (onDone: (n: number) => void) =>
  useCallMutation(tasksApi.bulkRemind, {
    toArgs: (body: { ids: string[]; note: string }) => ({ body }),
    onSuccess: (d) => onDone(d.count),
  });

export const useBulkExtend = (onDone: (n: number) => void) =>
  useCallMutation(tasksApi.bulkExtend, {
    toArgs: (body: { ids: string[]; newDueDate: string; reason: string }) => ({ body }),
    onSuccess: (d) => onDone(d.count),
  });

export const useCarryOver = (planId: string | undefined, onDone: (r: { tasks: number }) => void) =>
  useCallMutation(tasksApi.carryOver, {
    toArgs: (body: { targetPlanId: string; dueDate?: string }) => ({ params: { id: planId ?? '' }, body }),
    onSuccess: onDone,
  });

/** 销号 of a whole task: the evidence file with the note; every tasks query refreshes. */
export function useCloseTask(onDone: () => void) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { taskId: string; note: string; file: File }) =>
      uploadTo(tasksApi.closeTask, v.file, { params: { id: v.taskId }, query: { note: v.note } }),
    onSuccess: async () => {
      await qc.invalidateQueries({ queryKey: TASKS });
      onDone();
    },
  });
}
