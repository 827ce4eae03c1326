// Queries of the disclosure feature (the convention is in src/admin/queries.ts): one hook per endpoint of
// contracts/disclosure.ts the pages use, and the keys the pages and tests refer to.

import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  disclosureApi as api,
  type DisclosureSettings,
  type disclosureWorkflowApi,
  type ItemInput,
  type OverrideInput,
  type UnitGuide,
} from '../../../contracts/disclosure';
import type { CallArgs, ResponseOf } from '../../../contracts/http';
import { call } from '../../api';
import { keyOf, useCall, useCallMutation } from '../../queries';

const unitQuery = (unitId?: string | null) => ({ query: unitId ? { unitId } : {} });

/** Every disclosure query (each write refreshes them: lists, details, catalogs, settings). */
export const DISCLOSURE_KEY = keyOf(api.listItems).slice(0, 1);
export const columnsKey = (unitId?: string | null) => keyOf(api.listColumns, unitQuery(unitId));
export const taskPathsKey = (unitId?: string | null) => keyOf(api.taskPaths, unitQuery(unitId));
export const itemKey = (id: string) => keyOf(api.getItem, { params: { id } });
export const unitGuideKey = (unitId: string) => keyOf(api.getUnitGuide, { params: { unitId } });

export type WorkflowAction = keyof typeof disclosureWorkflowApi;

// ---- catalog ----
/** One unit's catalog (each unit has its own; default the district government's). */
export const useColumns = (unitId?: string | null) => useCall(api.listColumns, unitQuery(unitId));
export const useTaskPaths = (unitId?: string | null) => useCall(api.taskPaths, unitQuery(unitId));
type ColumnBody = CallArgs<typeof api.createColumn>['body'];
type Resolved = ResponseOf<typeof api.resolvePath>;
type UnitParam = { unitId?: string };

export const useCreateColumn = (onDone: (r: ResponseOf<typeof api.createColumn>) => void) =>
  useCallMutation(api.createColumn, { toArgs: (body: ColumnBody) => ({ body }), onSuccess: onDone });
export const useRenameColumn = (onDone: () => void) =>
  useCallMutation(api.updateColumn, {
    toArgs: (v: { id: string; name: string }) => ({ params: { id: v.id }, body: { name: v.name } }),
    onSuccess: onDone,
  });
export const useDeleteColumn = (onDone: () => void) =>
  useCallMutation(api.deleteColumn, { toArgs: (id: string) => ({ params: { id } }), onSuccess: onDone });
/** Maps a disclosure path onto the unit's catalog; with `create`, makes the missing columns. */
export const useResolvePath = (
  unit: UnitParam,
  onDone: (r: Resolved, v: { path: string; create: boolean }) => void,
) =>
  useCallMutation(api.resolvePath, {
    toArgs: (v: { path: string; create: boolean }) => ({ body: { ...unit, ...v } }),
    onSuccess: onDone,
  });
/** Creates the missing columns of several paths, one after another (later paths may share earlier columns). */
export function useCreateFromPaths(unit: UnitParam, onDone: (created: number) => void) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async (paths: readonly { path: string }[]) => {
      let created = 0;
      for (const t of paths)
        created += (await call(api.resolvePath, { body: { ...unit, path: t.path, create: true } })).created;
      return created;
    },
    onSuccess: async (n) => {
      await qc.invalidateQueries({ queryKey: DISCLOSURE_KEY });
      onDone(n);
    },
  });
}

// ---- settings and 指南 ----
export const useDisclosureSettings = () => useCall(api.getSettings);
export const useUnitSettings = (unitId: string) => useCall(api.getUnitSettings, { params: { unitId } });
export const useUnitGuide = (unitId: string) => useCall(api.getUnitGuide, { params: { unitId } });
export const useSaveSettings = (onSaved: () => void) =>
  useCallMutation(api.putSettings, {
    toArgs: (body: Partial<DisclosureSettings>) => ({ body }),
    onSuccess: onSaved,
  });
export const useSaveUnitLevels = (unitId: string, onSaved: () => void) =>
  useCallMutation(api.putUnitSettings, {
    toArgs: (reviewLevels: string[]) => ({ params: { unitId }, body: { reviewLevels } }),
    onSuccess: onSaved,
  });
export const useSaveUnitGuide = (unitId: string, onSaved: () => void) =>
  useCallMutation(api.putUnitGuide, {
    toArgs: (guide: UnitGuide | null) => ({ params: { unitId }, body: { guide } }),
    onSuccess: onSaved,
  });

// ---- items ----
export const useItem = (id: string, enabled = true) => useCall(api.getItem, { params: { id } }, { enabled });
export const useItems = (query: CallArgs<typeof api.listItems>['query'], enabled = true) =>
  useCall(api.listItems, { query }, { enabled });
export const useCreateItem = (onSaved: (id: string) => void) =>
  useCallMutation(api.createItem, {
    toArgs: (body: ItemInput) => ({ body }),
    onSuccess: (r) => onSaved(r.id),
  });
export const useUpdateItem = (id: string, onSaved: () => void) =>
  useCallMutation(api.updateItem, {
    toArgs: (body: ItemInput) => ({ params: { id }, body }),
    onSuccess: onSaved,
  });
export const useMask = (id: string, onDone: (masked: number) => void) =>
  useCallMutation(api.mask, {
    toArgs: (keys?: string[]) => ({ params: { id }, body: keys ? { keys } : {} }),
    onSuccess: (r) => onDone(r.masked),
  });
export const useOverride = (id: string, onDone: () => void) =>
  useCallMutation(api.override, {
    toArgs: (body: OverrideInput) => ({ params: { id }, body }),
    onSuccess: onDone,
  });
export const useCorrect = (id: string, onDone: (newId: string) => void) =>
  useCallMutation(api.correct, {
    toArgs: (_: undefined) => ({ params: { id } }),
    onSuccess: (r) => onDone(r.id),
  });

/** The review actions, one hook: the action picks its contract (withdraw's text goes as its reason). */
export function useWorkflow(id: string, onDone: (action: WorkflowAction, message?: string) => void) {
  const submit = useCallMutation(api.submit, {
    toArgs: (comment?: string) => ({ params: { id }, body: { comment } }),
  });
  const approve = useCallMutation(api.approve, {
    toArgs: (comment?: string) => ({ params: { id }, body: { comment } }),
  });
  const ret = useCallMutation(api.return, {
    toArgs: (comment?: string) => ({ params: { id }, body: { comment } }),
  });
  const withdraw = useCallMutation(api.withdraw, {
    toArgs: (reason?: string) => ({ params: { id }, body: { reason: reason ?? '' } }),
  });
  const byAction = { submit, approve, return: ret, withdraw };
  return {
    isPending: Object.values(byAction).some((m) => m.isPending),
    run: (action: WorkflowAction, text?: string) =>
      byAction[action].mutate(text, { onSuccess: (r) => onDone(action, r.message) }),
  };
}

// ---- statistics ----
export const useStats = (year: number) => useCall(api.stats, { query: { year } });
