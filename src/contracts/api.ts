// Shapes of the console API (server and admin share them). Every response is an envelope:
//   success: { data: T }            error: { error: { code: ErrorCode; message: string (Chinese); details?: unknown } }
// Lists: { data: { items: T[]; total: number } } with `page` (1-based) and `pageSize` query parameters.
// Auth: session cookie `gk_sid` (HttpOnly, SameSite=Strict); every POST/PUT/PATCH/DELETE must send header
// `X-CSRF-Token` with the value of the readable cookie `gk_csrf`.
import type { PermissionCode } from './permissions';
import type { DataScope, RoleCode } from './roles';

export const ERROR_CODES = [
  'UNAUTHENTICATED', // 401 not logged in / session expired
  'FORBIDDEN', // 403 missing permission or outside data scope
  'CSRF', // 403 missing/invalid CSRF token
  'VALIDATION', // 400 bad input (details: { fields?: Record<string,string>, rows?: { row: number; message: string }[] })
  'NOT_FOUND', // 404
  'CONFLICT', // 409 duplicate
  'LOCKED', // 423 account locked
  'PASSWORD_CHANGE_REQUIRED', // 403 must change password first
  'MFA_ENROLMENT_REQUIRED', // 403 must set up two-step verification first
  'CHALLENGE_REQUIRED', // 401 login needs a solved challenge (POST /api/auth/challenge)
  'PAYLOAD_TOO_LARGE', // 413
  'RATE_LIMITED', // 429
  'GONE', // 410
  'INTERNAL', // 500
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];
export interface ApiError {
  error: { code: ErrorCode; message: string; details?: unknown };
}
export interface Paged<T> {
  items: T[];
  total: number;
}

import type { UnitKind } from '../domain/units';

export type { UnitKind };
export const UNIT_KIND_LABELS: Record<UnitKind, string> = {
  government: '人民政府',
  department: '部门',
  township: '镇街',
  subdivision: '内设科室',
};

// ---- auth ----
/** What a login attempt came to (login_log.result). */
export const LOGIN_RESULTS = [
  'success',
  'bad_password',
  'locked',
  'unknown_user',
  'disabled',
  'throttled', // refused before the password was checked: challenge missing or wrong, or the delay not over
  'mfa_pending', // right password, waiting for the second step
  'mfa_failed', // wrong TOTP or recovery code
] as const;
export type LoginResultCode = (typeof LOGIN_RESULTS)[number];
export interface CurrentUser {
  id: string;
  username: string;
  name: string;
  unitId: string;
  unitName: string;
  roles: RoleCode[];
  permissions: PermissionCode[];
  dataScope: DataScope;
  mustChangePassword: boolean;
  mustEnrollTotp: boolean;
}
// Auth endpoints: src/contracts/auth.ts.
// POST /api/auth/login  { username, password } -> { data: CurrentUser }   (423 LOCKED, 401 on bad credentials)
// GET  /api/auth/me     -> { data: CurrentUser }
// POST /api/auth/logout -> { data: { ok: true } }
// POST /api/auth/password { oldPassword, newPassword } -> { data: { ok: true } }  (400 with policy message)
// GET  /api/auth/csrf   -> { data: { token } } (also sets gk_csrf)

// ---- units ----  permissions org:unit:*
export interface Unit {
  id: string;
  name: string;
  shortName: string | null;
  kind: UnitKind;
  parentId: string | null;
  aliases: string[];
  sort: number;
  userCount: number;
}
export interface UnitTreeNode {
  id: string;
  name: string;
  kind: UnitKind;
  children: UnitTreeNode[];
}
// GET    /api/org/units/tree -> { data: UnitTreeNode[] }   (scoped)
// GET    /api/org/units?keyword=&kind=&parentId=&page=&pageSize= -> { data: Paged<Unit> }
// POST   /api/org/units  { name, shortName?, kind, parentId?, aliases?: string[], sort? } -> { data: Unit }
// PUT    /api/org/units/:id  (same body) -> { data: Unit }
// DELETE /api/org/units/:id -> { data: { ok: true } }   (409 when it has users or sub-units)
// GET    /api/org/units/export -> .xlsx file (columns 单位名称, 简称, 类型, 上级单位, 别名)
// POST   /api/org/units/import  multipart `file` (.xlsx, same columns) -> { data: { created, updated } }
//        all or nothing; 400 VALIDATION with details.rows = [{ row, message }]

// ---- unit groups ---- (read-only in the console for now)
export interface UnitGroup {
  id: string;
  name: string;
  aliases: string[];
  needsChoice: boolean;
  memberUnitIds: string[];
}
// GET /api/org/groups -> { data: UnitGroup[] }

// ---- users ---- permissions org:user:*
export interface User {
  id: string;
  username: string;
  name: string;
  unitId: string;
  unitName: string;
  roles: RoleCode[];
  phoneMasked: string | null;
  status: 'active' | 'disabled';
  locked: boolean;
  mustChangePassword: boolean;
  lastLoginAt: string | null;
  createdAt: string;
}
// GET    /api/org/users?keyword=&unitId=&role=&status=&page=&pageSize= -> { data: Paged<User> }  (scoped)
// POST   /api/org/users { username, name, unitId, roles: RoleCode[], phone?, password } -> { data: User }
//        (the new user must change the password at first login)
// PUT    /api/org/users/:id { name, unitId, roles, phone?, status } -> { data: User }
// POST   /api/org/users/:id/reset-password { password } -> { data: { ok: true } }
// POST   /api/org/users/:id/unlock -> { data: { ok: true } }
// DELETE /api/org/users/:id -> disables -> { data: { ok: true } }
// GET    /api/org/users/export -> .xlsx (用户名, 姓名, 所属单位, 角色, 手机号(脱敏), 状态)
// POST   /api/org/users/import multipart `file` (.xlsx: 用户名, 姓名, 所属单位, 角色, 手机号, 初始密码)
//        -> { data: { created } }; all or nothing; unknown unit -> 400 with details.rows

// ---- roles ----
export interface Role {
  code: RoleCode;
  name: string;
  description: string;
  dataScope: DataScope;
  permissions: PermissionCode[];
}
// GET /api/org/roles -> { data: Role[] }
// PUT /api/org/roles/:code { permissions } -> { data: Role }   (三权分立 roles cannot receive each other's codes)
// GET /api/org/permissions -> { data: { code: PermissionCode; label: string }[] }

// ---- leading group ----
// The notice as read by the parser (fields are null when the notice lacks them).
export type { LeadingGroupNotice } from '../domain/org/leading-group-notice';

import type { MatchStatus } from '../domain/units';

export type { MatchStatus };
export interface UnitMatch {
  written: string;
  status: MatchStatus;
  unitId?: string;
  unitName?: string;
  confidence: number;
  suggestions: { unitId: string; unitName: string; confidence: number; reason: string }[];
}
export interface LeadingGroupMember {
  unitId: string;
  unitName: string;
  writtenAs: string;
  duty: string | null;
  liaisons: { userId: string; name: string }[];
}
export interface LeadingGroup {
  id: string;
  title: string;
  docNumber: string;
  date: string;
  leader: { name: string; title: string };
  deputyLeaders: { name: string; title: string }[];
  officeUnitId: string | null;
  officeUnitName: string | null;
  officeDirector: string;
  members: LeadingGroupMember[];
}
// GET  /api/org/leading-group -> { data: LeadingGroup | null }
// POST /api/org/leading-group/preview multipart `file` (.txt/.docx/.doc/.wps)
//        -> { data: { notice: LeadingGroupNotice; matches: UnitMatch[] } }   (matches align with notice.memberUnits)
// POST /api/org/leading-group/commit { notice, resolutions: { written: string; unitId?: string; create?: boolean }[] }
//        -> { data: LeadingGroup }  every member unit must be resolved (existing unitId, or create a new department)

// ---- audit ----  (auditor)
export interface AuditRecord {
  id: string;
  seq: number;
  at: string;
  userId: string | null;
  username: string | null;
  unitName: string | null;
  action: string;
  objectType: string;
  objectId: string | null;
  result: 'success' | 'failure';
  ip: string | null;
  requestId: string | null;
  detail: string | null; // personal data already masked
}
export interface LoginRecord {
  id: string;
  at: string;
  username: string;
  result: LoginResultCode;
  ip: string | null;
  userAgent: string | null;
}
// GET /api/audit/logs?from=&to=&username=&action=&objectType=&result=&page=&pageSize= -> { data: Paged<AuditRecord> }
// GET /api/audit/logs/export?(same filters) -> .xlsx
// GET /api/audit/logins?from=&to=&username=&result=&page=&pageSize= -> { data: Paged<LoginRecord> }
// GET /api/audit/verify -> { data: { ok: boolean; checked: number; firstBrokenSeq: number | null; message: string } }

// ---- working-day calendar ----
export interface CalendarYearSummary {
  year: number;
  source: string;
  holidays: { name: string; off: string[]; makeupWorkdays: string[] }[];
  workingDays: number;
}
// GET /api/calendar/years -> { data: CalendarYearSummary[] }
// PUT /api/calendar/years/:year  (body: the year's JSON as in src/domain/calendar/data) -> { data: CalendarYearSummary }
// GET /api/calendar/add?date=YYYY-MM-DD&days=N -> { data: { date, provisional, trace: string[] } }

// ---- security settings ---- (secadmin): src/contracts/system.ts
export type { SecuritySettings } from './system';
