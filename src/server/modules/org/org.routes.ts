import type { Hono } from 'hono';
import { z } from 'zod';
import { ALL_PERMISSIONS, PERMISSIONS, type PermissionCode } from '../../../contracts/permissions';
import { ROLE_CODES } from '../../../contracts/roles';
import type { AppEnv, Platform } from '../../platform/context';
import { actorOf } from '../../platform/context';
import { uploadToText } from '../../platform/documents/text';
import { defineRoute, zPage, zUuid } from '../../platform/http/route';
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

const zName = z.string().trim().min(2, '名称至少 2 个字').max(60, '名称不超过 60 个字');
const unitBody = z.object({
  name: zName,
  shortName: z.string().trim().max(30).nullish(),
  kind: z.enum(['government', 'department', 'township', 'subdivision'], { message: '单位类型无效' }),
  parentId: zUuid.nullish(),
  aliases: z.array(z.string().trim().min(1).max(60)).max(20).default([]),
  sort: z.number().int().min(0).max(9999).default(0),
});
const zRoles = z.array(z.enum(ROLE_CODES, { message: '角色无效' })).min(1, '至少选择一个角色');
const zPhone = z
  .string()
  .trim()
  .regex(/^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$/, '手机号或座机号格式不正确')
  .nullish()
  .or(z.literal(''));

export function orgRoutes(app: Hono<AppEnv>, p: Platform): void {
  const { database, clock, config } = p;
  const tag = '组织机构';

  defineRoute(app, {
    method: 'get',
    path: '/api/org/units/tree',
    tag,
    summary: '单位树（按数据范围）',
    permission: 'org:unit:list',
    handler: ({ user }) => unitTree(database, user),
  });
  defineRoute(app, {
    method: 'get',
    path: '/api/org/units',
    tag,
    summary: '单位列表',
    permission: 'org:unit:list',
    query: z.object({
      keyword: z.string().max(60).optional(),
      kind: unitBody.shape.kind.optional(),
      parentId: zUuid.optional(),
      ...zPage,
    }),
    handler: ({ user, query }) => listUnits(database, user, query),
  });
  defineRoute(app, {
    method: 'get',
    path: '/api/org/units/export',
    tag,
    summary: '导出单位（.xlsx）',
    permission: 'org:unit:export',
    handler: async ({ user }) => fileResponse(await exportUnits(database, user), '单位.xlsx', XLSX_MIME),
  });
  defineRoute(app, {
    method: 'post',
    path: '/api/org/units/import',
    tag,
    summary: '导入单位（.xlsx，全部成功或全部不导入）',
    permission: 'org:unit:import',
    upload: true,
    handler: async ({ c, user }) =>
      importUnits(database, actorOf(user, c), (await readUpload(c, config.maxUploadBytes)).bytes),
  });
  defineRoute(app, {
    method: 'get',
    path: '/api/org/units/:id',
    tag,
    summary: '单位详情',
    permission: 'org:unit:list',
    handler: ({ user, params }) => getUnit(database, user, zUuid.parse(params.id)),
  });
  defineRoute(app, {
    method: 'post',
    path: '/api/org/units',
    tag,
    summary: '新增单位',
    permission: 'org:unit:create',
    body: unitBody,
    status: 201,
    handler: ({ c, user, body }) => createUnit(database, user, actorOf(user, c), body),
  });
  defineRoute(app, {
    method: 'put',
    path: '/api/org/units/:id',
    tag,
    summary: '修改单位',
    permission: 'org:unit:update',
    body: unitBody,
    handler: ({ c, user, body, params }) =>
      updateUnit(database, user, actorOf(user, c), zUuid.parse(params.id), body),
  });
  defineRoute(app, {
    method: 'delete',
    path: '/api/org/units/:id',
    tag,
    summary: '删除单位',
    permission: 'org:unit:delete',
    handler: async ({ c, user, params }) => {
      await deleteUnit(database, user, actorOf(user, c), zUuid.parse(params.id));
      return { ok: true };
    },
  });
  defineRoute(app, {
    method: 'get',
    path: '/api/org/groups',
    tag,
    summary: '单位集合（如“区政府各部门”）',
    permission: 'org:unit:list',
    handler: () => listGroups(database.db),
  });

  // ---- users ----
  const userQuery = z.object({
    keyword: z.string().max(60).optional(),
    unitId: zUuid.optional(),
    role: z.enum(ROLE_CODES).optional(),
    status: z.enum(['active', 'disabled']).optional(),
    ...zPage,
  });
  defineRoute(app, {
    method: 'get',
    path: '/api/org/users',
    tag,
    summary: '用户列表（按数据范围）',
    permission: 'org:user:list',
    query: userQuery,
    handler: ({ user, query }) => listUsers(database, user, query, clock.now()),
  });
  defineRoute(app, {
    method: 'get',
    path: '/api/org/users/export',
    tag,
    summary: '导出用户（.xlsx，手机号脱敏）',
    permission: 'org:user:export',
    handler: async ({ user }) =>
      fileResponse(await exportUsers(database, user, clock.now()), '用户.xlsx', XLSX_MIME),
  });
  defineRoute(app, {
    method: 'post',
    path: '/api/org/users/import',
    tag,
    summary: '导入用户（.xlsx，全部成功或全部不导入）',
    permission: 'org:user:import',
    upload: true,
    handler: async ({ c, user }) =>
      importUsers(database, user, actorOf(user, c), (await readUpload(c, config.maxUploadBytes)).bytes),
  });
  defineRoute(app, {
    method: 'get',
    path: '/api/org/users/:id',
    tag,
    summary: '用户详情',
    permission: 'org:user:list',
    handler: ({ user, params }) => getUser(database, user, zUuid.parse(params.id), clock.now()),
  });
  defineRoute(app, {
    method: 'post',
    path: '/api/org/users',
    tag,
    summary: '新增用户',
    permission: 'org:user:create',
    status: 201,
    body: z.object({
      username: z
        .string()
        .trim()
        .regex(/^[A-Za-z0-9_.-]{3,32}$/, '用户名为 3–32 位字母、数字、下划线'),
      name: z.string().trim().min(1, '请填写姓名').max(30),
      unitId: zUuid,
      roles: zRoles,
      phone: zPhone,
      password: z.string().min(1, '请设置初始密码').max(128),
    }),
    handler: ({ c, user, body }) =>
      createUser(database, user, actorOf(user, c), { ...body, phone: body.phone || null }, clock.now()),
  });
  defineRoute(app, {
    method: 'put',
    path: '/api/org/users/:id',
    tag,
    summary: '修改用户',
    permission: 'org:user:update',
    body: z.object({
      name: z.string().trim().min(1).max(30),
      unitId: zUuid,
      roles: zRoles,
      phone: zPhone,
      status: z.enum(['active', 'disabled']),
    }),
    handler: ({ c, user, body, params }) =>
      updateUser(
        database,
        user,
        actorOf(user, c),
        zUuid.parse(params.id),
        { ...body, phone: body.phone === undefined ? undefined : body.phone || null },
        clock.now(),
      ),
  });
  defineRoute(app, {
    method: 'post',
    path: '/api/org/users/:id/reset-password',
    tag,
    summary: '重置密码（下次登录须修改）',
    permission: 'org:user:resetPassword',
    body: z.object({ password: z.string().min(1).max(128) }),
    handler: async ({ c, user, body, params }) => {
      await resetPassword(
        database,
        user,
        actorOf(user, c),
        zUuid.parse(params.id),
        body.password,
        clock.now(),
      );
      return { ok: true };
    },
  });
  defineRoute(app, {
    method: 'post',
    path: '/api/org/users/:id/unlock',
    tag,
    summary: '解除锁定',
    permission: 'org:user:unlock',
    handler: async ({ c, user, params }) => {
      await unlockUser(database, user, actorOf(user, c), zUuid.parse(params.id), clock.now());
      return { ok: true };
    },
  });
  defineRoute(app, {
    method: 'delete',
    path: '/api/org/users/:id',
    tag,
    summary: '停用用户',
    permission: 'org:user:delete',
    handler: async ({ c, user, params }) => {
      await disableUser(database, user, actorOf(user, c), zUuid.parse(params.id), clock.now());
      return { ok: true };
    },
  });

  // ---- roles ----
  defineRoute(app, {
    method: 'get',
    path: '/api/org/roles',
    tag,
    summary: '角色及其权限',
    permission: 'org:role:list',
    handler: () => listRoles(database),
  });
  defineRoute(app, {
    method: 'put',
    path: '/api/org/roles/:code',
    tag,
    summary: '修改角色权限（三权分立受限）',
    permission: 'org:role:update',
    body: z.object({
      permissions: z.array(
        z.enum(ALL_PERMISSIONS as [PermissionCode, ...PermissionCode[]], { message: '未知的权限编码' }),
      ),
    }),
    handler: ({ c, user, body, params }) =>
      updateRole(
        database,
        actorOf(user, c),
        z.enum(ROLE_CODES, { message: '角色不存在' }).parse(params.code),
        body.permissions,
      ),
  });
  defineRoute(app, {
    method: 'get',
    path: '/api/org/permissions',
    tag,
    summary: '权限编码目录',
    permission: 'org:role:list',
    handler: async () => Object.entries(PERMISSIONS).map(([code, label]) => ({ code, label })),
  });

  // ---- leading group ----
  const person = z.object({ name: z.string().trim().min(1).max(20), title: z.string().trim().max(100) });
  defineRoute(app, {
    method: 'get',
    path: '/api/org/leading-group',
    tag,
    summary: '政务公开工作领导小组',
    permission: 'org:group:list',
    handler: () => getLeadingGroup(database.db),
  });
  defineRoute(app, {
    method: 'post',
    path: '/api/org/leading-group/preview',
    tag,
    summary: '上传领导小组通知并预览（不保存）',
    permission: 'org:group:import',
    upload: true,
    handler: async ({ c }) =>
      previewLeadingGroup(
        database.db,
        config.districtName,
        await uploadToText(await readUpload(c, config.maxUploadBytes)),
      ),
  });
  defineRoute(app, {
    method: 'post',
    path: '/api/org/leading-group/commit',
    tag,
    summary: '确认导入领导小组（全部成功或全部不导入）',
    permission: 'org:group:import',
    body: z.object({
      notice: z.object({
        title: z.string().max(200).nullable(),
        issuer: z.string().max(100).nullable().default(null),
        docNumber: z.string().max(60).nullable(),
        date: z.string().nullable(),
        leader: person.nullable(),
        deputyLeaders: z.array(person).max(20),
        memberUnits: z.array(z.string().trim().min(1).max(60)).min(1, '没有成员单位').max(200),
        officeUnit: z.string().max(60).nullable(),
        officeDirector: z.string().max(20).nullable(),
        duties: z.array(z.object({ unit: z.string().max(60), text: z.string().max(2000) })).max(200),
        warnings: z.array(z.string()).default([]),
      }),
      resolutions: z
        .array(z.object({ written: z.string(), unitId: zUuid.optional(), create: z.boolean().optional() }))
        .max(200),
    }),
    handler: ({ c, user, body }) =>
      commitLeadingGroup(database, actorOf(user, c), config.districtName, body.notice, body.resolutions),
  });
}
