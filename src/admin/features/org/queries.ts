// Queries of the org feature (the convention is in src/admin/queries.ts). Every org change refreshes every org
// query (the default prefix ['org']): lists, the unit tree, user counts.
import { useQueryClient } from '@tanstack/react-query';
import { orgApi, type Role, type Unit, type User } from '../../../contracts/org';
import type { PermissionCode } from '../../../contracts/permissions';
import { keyOf, useCall, useCallMutation } from '../../queries';

/** Refreshes every org query (after an import, which is not a useCallMutation). */
export function useRefreshOrg() {
  const qc = useQueryClient();
  return () => void qc.invalidateQueries({ queryKey: keyOf(orgApi.units).slice(0, 1) });
}

export interface UnitForm {
  name: string;
  shortName?: string;
  fullName?: string;
  creditCode?: string;
  kind: Unit['kind'];
  parentId?: string;
  aliases?: string[];
  sort?: number;
}

/** The unit's fields; a cleared optional one is `blank` (omitted on create, null on update so that it is cleared). */
const unitBody = <B extends null | undefined>(v: UnitForm, blank: B) => ({
  name: v.name,
  shortName: v.shortName || blank,
  fullName: v.fullName || blank,
  creditCode: v.creditCode || blank,
  kind: v.kind,
  aliases: v.aliases ?? [],
  sort: v.sort ?? 0,
});

/** Creates a unit, or saves the one being edited (null for cleared optional fields, so they are cleared). */
export function useSaveUnit(editing: Unit | 'new' | null, onSaved: () => void) {
  const create = useCallMutation(orgApi.createUnit, {
    toArgs: (v: UnitForm) => ({ body: { ...unitBody(v, undefined), parentId: v.parentId || undefined } }),
    onSuccess: onSaved,
  });
  const update = useCallMutation(orgApi.updateUnit, {
    toArgs: (v: UnitForm) => ({
      params: { id: (editing as Unit).id },
      body: { ...unitBody(v, null), parentId: v.parentId ?? null },
    }),
    onSuccess: onSaved,
  });
  return editing && editing !== 'new' ? update : create;
}

export interface RenameForm {
  name: string;
  keepAlias: boolean;
}

/** Renames a unit (its old name kept as an alias unless unticked). */
export const useRenameUnit = (unit: Unit | null, onDone: () => void) =>
  useCallMutation(orgApi.renameUnit, {
    toArgs: (v: RenameForm) => ({
      params: { id: unit?.id ?? '' },
      body: { name: v.name, keepAlias: v.keepAlias },
    }),
    onSuccess: onDone,
  });

export const useDeleteUnit = (onDone: () => void) =>
  useCallMutation(orgApi.deleteUnit, { toArgs: (u: Unit) => ({ params: { id: u.id } }), onSuccess: onDone });

export interface UserForm {
  username: string;
  name: string;
  unitId: string;
  roles: User['roles'];
  phone?: string;
  password?: string;
  status?: User['status'];
}

/** The user's fields that both creating and editing send. */
const userBody = (v: UserForm) => ({
  name: v.name,
  unitId: v.unitId,
  roles: v.roles,
  phone: v.phone || undefined,
});

/** Creates a user, or saves the one being edited. */
export function useSaveUser(editing: User | 'new' | null, onSaved: () => void) {
  const create = useCallMutation(orgApi.createUser, {
    toArgs: (v: UserForm) => ({
      body: { username: v.username, ...userBody(v), password: v.password ?? '' },
    }),
    onSuccess: onSaved,
  });
  const update = useCallMutation(orgApi.updateUser, {
    toArgs: (v: UserForm) => ({
      params: { id: (editing as User).id },
      body: { ...userBody(v), status: v.status ?? (editing as User).status },
    }),
    onSuccess: onSaved,
  });
  return editing && editing !== 'new' ? update : create;
}

export const useResetPassword = (onDone: () => void) =>
  useCallMutation(orgApi.resetPassword, {
    toArgs: ({ user, password }: { user: User; password: string }) => ({
      params: { id: user.id },
      body: { password },
    }),
    onSuccess: onDone,
  });

export const useUnlockUser = (onDone: () => void) =>
  useCallMutation(orgApi.unlockUser, { toArgs: (u: User) => ({ params: { id: u.id } }), onSuccess: onDone });

export const useDisableUser = (onDone: () => void) =>
  useCallMutation(orgApi.disableUser, { toArgs: (u: User) => ({ params: { id: u.id } }), onSuccess: onDone });

export const useRoles = () => useCall(orgApi.roles);
export const usePermissionCatalog = () =>
  useCall(orgApi.permissions, undefined, { staleTime: Number.POSITIVE_INFINITY });

export const useSaveRole = (onDone: () => void) =>
  useCallMutation(orgApi.updateRole, {
    toArgs: ({ role, permissions }: { role: Role; permissions: PermissionCode[] }) => ({
      params: { code: role.code },
      body: { permissions },
    }),
    onSuccess: onDone,
  });

export const useLeadingGroup = () => useCall(orgApi.leadingGroup);
