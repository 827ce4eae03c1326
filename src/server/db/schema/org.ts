import { sql } from 'drizzle-orm';
import {
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { UNIT_KINDS } from '../../../domain/units/resolve';
import { oneOf } from './checks';
import { createdAt, day, id, instant, ownedBy, ref, refTo, textList, updatedAt } from './columns';

/** An account is active or disabled (停用); never deleted, so that the audit log keeps naming it. */
export const USER_STATUSES = ['active', 'disabled'] as const;

export const units = pgTable(
  'units',
  {
    id: id(),
    name: text('name').notNull(),
    shortName: text('short_name'),
    /** 全称 for letters' signatures (e.g. 重庆市潼南区发展和改革委员会); null: the name is full. */
    fullName: text('full_name'),
    /** 统一社会信用代码 (18) or 组织机构代码 (9): the 索引号's unit code when set. */
    creditCode: text('credit_code'),
    kind: text('kind', { enum: UNIT_KINDS }).notNull(),
    parentId: uuid('parent_id'),
    sort: integer('sort').notNull().default(0),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('units_name_uq').on(t.name), index('units_parent_idx').on(t.parentId)],
);

export const unitAliases = pgTable(
  'unit_aliases',
  {
    id: id(),
    unitId: ownedBy('unit_id', () => units.id),
    alias: text('alias').notNull(),
  },
  (t) => [uniqueIndex('unit_aliases_alias_uq').on(t.alias), index('unit_aliases_unit_idx').on(t.unitId)],
);

export const unitGroups = pgTable('unit_groups', {
  id: id(),
  name: text('name').notNull().unique(),
  aliases: textList('aliases'),
  needsChoice: boolean('needs_choice').notNull().default(false),
  /** Members by kind (e.g. every department) … */
  memberKinds: textList('member_kinds'),
});

/** … or listed explicitly. */
export const unitGroupMembers = pgTable(
  'unit_group_members',
  {
    groupId: ownedBy('group_id', () => unitGroups.id),
    unitId: ownedBy('unit_id', () => units.id),
  },
  (t) => [primaryKey({ columns: [t.groupId, t.unitId] })],
);

export const users = pgTable(
  'users',
  {
    id: id(),
    username: text('username').notNull(),
    name: text('name').notNull(),
    unitId: refTo('unit_id', () => units.id),
    passwordHash: text('password_hash').notNull(),
    mustChangePassword: boolean('must_change_password').notNull().default(true),
    status: text('status', { enum: USER_STATUSES }).notNull().default('active'),
    phone: text('phone'),
    failedAttempts: integer('failed_attempts').notNull().default(0),
    lockedUntil: instant('locked_until'),
    lastLoginAt: instant('last_login_at'),
    passwordChangedAt: instant('password_changed_at'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('users_username_uq').on(sql`lower(${t.username})`),
    index('users_unit_idx').on(t.unitId),
    oneOf('users_status_check', t.status, USER_STATUSES),
  ],
);

export const userRoles = pgTable(
  'user_roles',
  {
    userId: ownedBy('user_id', () => users.id),
    roleCode: text('role_code').notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.roleCode] })],
);

/** Permission sets of the built-in roles as edited by the system admin (seeded from contracts/roles.ts). */
export const rolePermissions = pgTable('role_permissions', {
  roleCode: text('role_code').primaryKey(),
  permissions: text('permissions').array().notNull(),
  updatedAt: updatedAt(),
});

export const leadingGroups = pgTable('leading_groups', {
  id: id(),
  title: text('title').notNull(),
  docNumber: text('doc_number').notNull(),
  date: day('date').notNull(),
  leader: jsonb('leader').$type<{ name: string; title: string }>().notNull(),
  deputyLeaders: jsonb('deputy_leaders').$type<{ name: string; title: string }[]>().notNull(),
  officeUnitId: ref('office_unit_id', () => units.id),
  officeDirector: text('office_director').notNull().default(''),
  active: boolean('active').notNull().default(true),
  createdAt: createdAt(),
});

export const leadingGroupMembers = pgTable(
  'leading_group_members',
  {
    groupId: ownedBy('group_id', () => leadingGroups.id),
    unitId: refTo('unit_id', () => units.id),
    writtenAs: text('written_as').notNull(),
    duty: text('duty'),
    sort: integer('sort').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.groupId, t.unitId] })],
);
