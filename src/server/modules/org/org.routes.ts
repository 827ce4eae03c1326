// HTTP only: each contract of src/contracts/org.ts mounted on its use case (units, groups, users, roles, the
// leading group).
import type { Hono } from 'hono';
import { z } from 'zod';
import { orgApi } from '../../../contracts/org';
import { PERMISSIONS, type PermissionCode } from '../../../contracts/permissions';
import { ROLE_CODES } from '../../../contracts/roles';
import type { AppEnv, Platform } from '../../platform/context';
import { actorOf } from '../../platform/context';
import { uploadToText } from '../../platform/documents/text';
import { route, zUuid } from '../../platform/http/route';
import { fileResponse, readUpload, XLSX_MIME } from '../../platform/http/upload';
import { commitLeadingGroup, getLeadingGroup, previewLeadingGroup } from './leading-group.service';
import { listRoles, updateRole } from './roles.service';
import {
  createUnit,
  deleteUnit,
  exportUnits,
  getUnit,
  importUnits,
  listGroups,
  listUnits,
  renameUnit,
  unitTree,
  updateUnit,
} from './units.service';
import {
  createUser,
  disableUser,
  exportUsers,
  getUser,
  importUsers,
  listUsers,
  resetPassword,
  unlockUser,
  updateUser,
} from './users.service';

const ok = { ok: true } as const;
const zRoleParam = z.enum(ROLE_CODES, { message: '角色不存在' });

export function orgRoutes(app: Hono<AppEnv>, p: Platform): void {
  const { database, clock, config, fieldKeys: keys } = p;
  const id = (params: { id: string }) => zUuid.parse(params.id);
  const upload = (c: Parameters<typeof readUpload>[0]) => readUpload(c, config.maxUploadBytes);

  // ---- units ----
  route(app, orgApi.unitTree, ({ user }) => unitTree(database, user));
  route(app, orgApi.units, ({ user, query }) => listUnits(database, user, query));
  route(app, orgApi.exportUnits, async ({ user }) =>
    fileResponse(await exportUnits(database, user), '单位.xlsx', XLSX_MIME),
  );
  route(app, orgApi.importUnits, async ({ c, user }) =>
    importUnits(database, actorOf(user, c), (await upload(c)).bytes),
  );
  route(app, orgApi.unit, ({ user, params }) => getUnit(database, user, id(params)));
  route(app, orgApi.createUnit, ({ c, user, body }) => createUnit(database, user, actorOf(user, c), body));
  route(app, orgApi.updateUnit, ({ c, user, body, params }) =>
    updateUnit(database, user, actorOf(user, c), id(params), body),
  );
  route(app, orgApi.renameUnit, ({ c, user, body, params }) =>
    renameUnit(database, user, actorOf(user, c), id(params), body),
  );
  route(app, orgApi.deleteUnit, async ({ c, user, params }) => {
    await deleteUnit(database, user, actorOf(user, c), id(params));
    return ok;
  });
  route(app, orgApi.groups, () => listGroups(database.db));

  // ---- users ----
  route(app, orgApi.users, ({ user, query }) => listUsers(database, keys, user, query, clock.now()));
  route(app, orgApi.exportUsers, async ({ user }) =>
    fileResponse(await exportUsers(database, keys, user, clock.now()), '用户.xlsx', XLSX_MIME),
  );
  route(app, orgApi.importUsers, async ({ c, user }) =>
    importUsers(database, keys, user, actorOf(user, c), (await upload(c)).bytes),
  );
  route(app, orgApi.user, ({ user, params }) => getUser(database, keys, user, id(params), clock.now()));
  route(app, orgApi.createUser, ({ c, user, body }) =>
    createUser(database, keys, user, actorOf(user, c), { ...body, phone: body.phone || null }, clock.now()),
  );
  route(app, orgApi.updateUser, ({ c, user, body, params }) =>
    updateUser(
      database,
      keys,
      user,
      actorOf(user, c),
      id(params),
      { ...body, phone: body.phone === undefined ? undefined : body.phone || null },
      clock.now(),
    ),
  );
  route(app, orgApi.resetPassword, async ({ c, user, body, params }) => {
    await resetPassword(database, keys, user, actorOf(user, c), id(params), body.password, clock.now());
    return ok;
  });
  route(app, orgApi.unlockUser, async ({ c, user, params }) => {
    await unlockUser(database, keys, user, actorOf(user, c), id(params), clock.now());
    return ok;
  });
  route(app, orgApi.disableUser, async ({ c, user, params }) => {
    await disableUser(database, keys, user, actorOf(user, c), id(params), clock.now());
    return ok;
  });

  // ---- roles ----
  route(app, orgApi.roles, () => listRoles(database));
  route(app, orgApi.updateRole, ({ c, user, body, params }) =>
    updateRole(database, user, actorOf(user, c), zRoleParam.parse(params.code), body.permissions),
  );
  route(app, orgApi.permissions, async () =>
    Object.entries(PERMISSIONS).map(([code, label]) => ({ code: code as PermissionCode, label })),
  );

  // ---- leading group ---- (the upload is read to text before any database work)
  route(app, orgApi.leadingGroup, () => getLeadingGroup(database.db));
  route(app, orgApi.previewLeadingGroup, async ({ c }) =>
    previewLeadingGroup(database.db, config.districtName, await uploadToText(await upload(c))),
  );
  route(app, orgApi.commitLeadingGroup, ({ c, user, body }) =>
    commitLeadingGroup(database, actorOf(user, c), config.districtName, body.notice, body.resolutions),
  );
}
