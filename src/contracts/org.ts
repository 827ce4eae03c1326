// Contracts of the org module: units, unit groups, users, roles and the leading group — request and response
// schemas and the `orgApi` endpoints. Shared by server, OpenAPI and console.
import { z } from 'zod';
import { codesOf } from '../domain/codes';
import type { LeadingGroupNotice } from '../domain/org/leading-group-notice';
import { MATCH_STATUS_LABELS, type MatchStatus, type UnitKind } from '../domain/units';
import {
  endpointsOf,
  zEnumOf,
  zFile,
  zImported,
  zInstant,
  zOk,
  zPage,
  zPaged,
  zUnitRef,
  zUuid,
} from './http';
import { ALL_PERMISSIONS, type PermissionCode } from './permissions';
import { ROLE_CODES } from './roles';

export type { LeadingGroupNotice, MatchStatus, UnitKind };

const tag = '组织机构';
const api = endpointsOf(tag);

export const UNIT_KIND_LABELS: Record<UnitKind, string> = {
  government: '人民政府',
  department: '部门',
  township: '镇街',
  subdivision: '内设科室',
};
const zUnitKind = zEnumOf(UNIT_KIND_LABELS, '单位类型无效');
const zRoleCode = z.enum(ROLE_CODES, { message: '角色无效' });
const zPermission = z.enum(ALL_PERMISSIONS as [PermissionCode, ...PermissionCode[]], {
  message: '未知的权限编码',
});
const zDataScope = z.enum(['all', 'unit']);
const zImportResult = z.object({ created: z.number().int(), updated: z.number().int() });

// ---- units ----

export const unitSchema = z.object({
  id: z.string(),
  name: z.string(),
  shortName: z.string().nullable(),
  fullName: z.string().nullable(),
  creditCode: z.string().nullable(),
  kind: zUnitKind,
  parentId: z.string().nullable(),
  aliases: z.array(z.string()),
  sort: z.number().int(),
  userCount: z.number().int(),
});
export type Unit = z.output<typeof unitSchema>;

export interface UnitTreeNode {
  id: string;
  name: string;
  kind: UnitKind;
  children: UnitTreeNode[];
}
export const unitTreeNodeSchema: z.ZodType<UnitTreeNode> = z.object({
  id: z.string(),
  name: z.string(),
  kind: zUnitKind,
  get children() {
    return z.array(unitTreeNodeSchema);
  },
});

const zName = z.string().trim().min(2, '名称至少 2 个字').max(60, '名称不超过 60 个字');
export const unitBodySchema = z.object({
  name: zName,
  shortName: z.string().trim().max(30).nullish(),
  fullName: z.string().trim().max(100, '全称不超过 100 个字').nullish(),
  /** 统一社会信用代码 (18 characters) or 组织机构代码 (9, e.g. 12345678-9). */
  creditCode: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^([0-9A-HJ-NPQRTUWXY]{18}|[0-9A-Z]{8}-?[0-9X])$/, '应为 18 位统一社会信用代码或 9 位组织机构代码')
    .nullish()
    .or(z.literal('')),
  kind: zUnitKind,
  parentId: zUuid.nullish(),
  aliases: z.array(z.string().trim().min(1).max(60)).max(20).default([]),
  sort: z.number().int().min(0).max(9999).default(0),
});
export type UnitBody = z.input<typeof unitBodySchema>;

/** A new name for a unit (one created from an import preview under the name a notice wrote, say). */
export const renameUnitBodySchema = z.object({
  name: zName,
  /** Keep the old name as an alias, so notices that write it still resolve to the unit. */
  keepAlias: z.boolean().default(true),
});
export type RenameUnitBody = z.input<typeof renameUnitBodySchema>;

export const unitGroupSchema = z.object({
  id: z.string(),
  name: z.string(),
  aliases: z.array(z.string()),
  needsChoice: z.boolean(),
  memberUnitIds: z.array(z.string()),
});
export type UnitGroup = z.output<typeof unitGroupSchema>;

// ---- users ----

export const userSchema = z.object({
  id: z.string(),
  username: z.string(),
  name: z.string(),
  ...zUnitRef,
  roles: z.array(zRoleCode),
  phoneMasked: z.string().nullable(),
  status: z.enum(['active', 'disabled']),
  locked: z.boolean(),
  mustChangePassword: z.boolean(),
  lastLoginAt: zInstant.nullable(),
  createdAt: zInstant,
});
export type User = z.output<typeof userSchema>;

const zRoles = z.array(zRoleCode).min(1, '至少选择一个角色');
const zPhone = z
  .string()
  .trim()
  .regex(/^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$/, '手机号或座机号格式不正确')
  .nullish()
  .or(z.literal(''));

export const createUserSchema = z.object({
  username: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9_.-]{3,32}$/, '用户名为 3–32 位字母、数字、下划线'),
  name: z.string().trim().min(1, '请填写姓名').max(30),
  unitId: zUuid,
  roles: zRoles,
  phone: zPhone,
  password: z.string().min(1, '请设置初始密码').max(128),
});
export const updateUserSchema = z.object({
  name: z.string().trim().min(1).max(30),
  unitId: zUuid,
  roles: zRoles,
  phone: zPhone,
  status: z.enum(['active', 'disabled']),
});

// ---- roles ----

export const roleSchema = z.object({
  code: zRoleCode,
  name: z.string(),
  description: z.string(),
  dataScope: zDataScope,
  permissions: z.array(zPermission),
});
export type Role = z.output<typeof roleSchema>;

// ---- leading group ----

const zPersonOut = z.object({ name: z.string(), title: z.string() });
const zPerson = z.object({ name: z.string().trim().min(1).max(20), title: z.string().trim().max(100) });
/** The notice as read by the parser (fields are null when the notice lacks them). */
export const leadingGroupNoticeSchema = z.object({
  title: z.string().max(200).nullable(),
  issuer: z.string().max(100).nullable().default(null),
  docNumber: z.string().max(60).nullable(),
  date: z.string().nullable(),
  leader: zPerson.nullable(),
  deputyLeaders: z.array(zPerson).max(20),
  memberUnits: z.array(z.string().trim().min(1).max(60)).min(1, '没有成员单位').max(200),
  officeUnit: z.string().max(60).nullable(),
  officeDirector: z.string().max(20).nullable(),
  duties: z.array(z.object({ unit: z.string().max(60), text: z.string().max(2000) })).max(200),
  warnings: z.array(z.string()).default([]),
});

/** How a unit name a notice writes matched the registry (the import previews), with the candidates to confirm. */
export const zUnitNameMatch = {
  written: z.string(),
  status: z.enum(codesOf(MATCH_STATUS_LABELS)),
  unitId: z.string().optional(),
  unitName: z.string().optional(),
  suggestions: z.array(
    z.object({ unitId: z.string(), unitName: z.string(), confidence: z.number(), reason: z.string() }),
  ),
};

export const unitMatchSchema = z.object({ ...zUnitNameMatch, confidence: z.number() });
export type UnitMatch = z.output<typeof unitMatchSchema>;

export const leadingGroupMemberSchema = z.object({
  ...zUnitRef,
  writtenAs: z.string(),
  duty: z.string().nullable(),
  liaisons: z.array(z.object({ userId: z.string(), name: z.string() })),
});
export type LeadingGroupMember = z.output<typeof leadingGroupMemberSchema>;

export const leadingGroupSchema = z.object({
  id: z.string(),
  title: z.string(),
  docNumber: z.string(),
  date: z.string(),
  leader: zPersonOut,
  deputyLeaders: z.array(zPersonOut),
  officeUnitId: z.string().nullable(),
  officeUnitName: z.string().nullable(),
  officeDirector: z.string(),
  members: z.array(leadingGroupMemberSchema),
});
export type LeadingGroup = z.output<typeof leadingGroupSchema>;

/** How each written member unit is confirmed: an existing unit, or a new department to create. */
export const memberResolutionSchema = z.object({
  written: z.string(),
  unitId: zUuid.optional(),
  create: z.boolean().optional(),
});
export type MemberResolution = z.output<typeof memberResolutionSchema>;

/** The notice as the parser read it (the request schema above bounds what a client may send back). */
const noticeReadSchema = z.object({
  title: z.string().nullable(),
  issuer: z.string().nullable(),
  docNumber: z.string().nullable(),
  date: z.string().nullable(),
  leader: zPersonOut.nullable(),
  deputyLeaders: z.array(zPersonOut),
  memberUnits: z.array(z.string()),
  officeUnit: z.string().nullable(),
  officeDirector: z.string().nullable(),
  duties: z.array(z.object({ unit: z.string(), text: z.string() })),
  warnings: z.array(z.string()),
});

export const leadingGroupPreviewSchema = z.object({
  notice: noticeReadSchema,
  /** Aligned with notice.memberUnits. */
  matches: z.array(unitMatchSchema),
});
export type LeadingGroupPreview = z.output<typeof leadingGroupPreviewSchema>;

export const orgApi = {
  unitTree: api.get('/api/org/units/tree', '单位树（按数据范围）', 'org:unit:list', {
    response: z.array(unitTreeNodeSchema),
  }),
  units: api.get('/api/org/units', '单位列表', 'org:unit:list', {
    query: z.object({
      keyword: z.string().max(60).optional(),
      kind: zUnitKind.optional(),
      parentId: zUuid.optional(),
      ...zPage,
    }),
    response: zPaged(unitSchema),
  }),
  exportUnits: api.get('/api/org/units/export', '导出单位（.xlsx）', 'org:unit:export', { response: zFile }),
  importUnits: api.post(
    '/api/org/units/import',
    '导入单位（.xlsx，全部成功或全部不导入）',
    'org:unit:import',
    { upload: true, response: zImportResult },
  ),
  unit: api.get('/api/org/units/:id', '单位详情', 'org:unit:list', { response: unitSchema }),
  createUnit: api.post('/api/org/units', '新增单位', 'org:unit:create', {
    body: unitBodySchema,
    status: 201,
    response: unitSchema,
  }),
  updateUnit: api.put('/api/org/units/:id', '修改单位', 'org:unit:update', {
    body: unitBodySchema,
    response: unitSchema,
  }),
  renameUnit: api.patch(
    '/api/org/units/:id/name',
    '重命名单位（原名称可留作别名，导入通知时仍能识别）',
    'org:unit:update',
    { body: renameUnitBodySchema, response: unitSchema },
  ),
  deleteUnit: api.delete('/api/org/units/:id', '删除单位', 'org:unit:delete', { response: zOk }),
  groups: api.get('/api/org/groups', '单位集合（如“区政府各部门”）', 'org:unit:list', {
    response: z.array(unitGroupSchema),
  }),
  users: api.get('/api/org/users', '用户列表（按数据范围）', 'org:user:list', {
    query: z.object({
      keyword: z.string().max(60).optional(),
      unitId: zUuid.optional(),
      role: z.enum(ROLE_CODES).optional(),
      status: z.enum(['active', 'disabled']).optional(),
      ...zPage,
    }),
    response: zPaged(userSchema),
  }),
  exportUsers: api.get('/api/org/users/export', '导出用户（.xlsx，手机号脱敏）', 'org:user:export', {
    response: zFile,
  }),
  importUsers: api.post(
    '/api/org/users/import',
    '导入用户（.xlsx，全部成功或全部不导入）',
    'org:user:import',
    { upload: true, response: zImported },
  ),
  user: api.get('/api/org/users/:id', '用户详情', 'org:user:list', { response: userSchema }),
  createUser: api.post('/api/org/users', '新增用户', 'org:user:create', {
    status: 201,
    body: createUserSchema,
    response: userSchema,
  }),
  updateUser: api.put('/api/org/users/:id', '修改用户', 'org:user:update', {
    body: updateUserSchema,
    response: userSchema,
  }),
  resetPassword: api.post(
    '/api/org/users/:id/reset-password',
    '重置密码（下次登录须修改）',
    'org:user:resetPassword',
    { body: z.object({ password: z.string().min(1).max(128) }), response: zOk },
  ),
  unlockUser: api.post('/api/org/users/:id/unlock', '解除锁定', 'org:user:unlock', { response: zOk }),
  disableUser: api.delete('/api/org/users/:id', '停用用户', 'org:user:delete', { response: zOk }),
  roles: api.get('/api/org/roles', '角色及其权限', 'org:role:list', { response: z.array(roleSchema) }),
  updateRole: api.put('/api/org/roles/:code', '修改角色权限（三权分立受限）', 'org:role:update', {
    body: z.object({ permissions: z.array(zPermission) }),
    response: roleSchema,
  }),
  permissions: api.get('/api/org/permissions', '权限编码目录', 'org:role:list', {
    response: z.array(z.object({ code: zPermission, label: z.string() })),
  }),
  leadingGroup: api.get('/api/org/leading-group', '政务公开工作领导小组', 'org:group:list', {
    response: leadingGroupSchema.nullable(),
  }),
  previewLeadingGroup: api.post(
    '/api/org/leading-group/preview',
    '上传领导小组通知并预览（不保存）',
    'org:group:import',
    { upload: true, response: leadingGroupPreviewSchema },
  ),
  commitLeadingGroup: api.post(
    '/api/org/leading-group/commit',
    '确认导入领导小组（全部成功或全部不导入）',
    'org:group:import',
    {
      body: z.object({
        notice: leadingGroupNoticeSchema,
        resolutions: z.array(memberResolutionSchema).max(200),
      }),
      response: leadingGroupSchema,
    },
  ),
};
