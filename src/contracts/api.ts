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
}
// POST /api/auth/login  { username, password } -> { data: CurrentUser }   (423 LOCKED, 401 on bad credentials)
// GET  /api/auth/me     -> { data: CurrentUser }
// POST /api/auth/logout -> { data: { ok: true } }
// POST /api/auth/password { oldPassword, newPassword } -> { data: { ok: true } }  (400 with policy message)
// GET  /api/auth/csrf   -> { data: { token } } (also sets gk_csrf)

// ---- org: units, groups, users, roles, leading group ---- schemas and endpoints in ./org.ts
export type {
  LeadingGroup,
  LeadingGroupMember,
  LeadingGroupNotice,
  MatchStatus,
  Role,
  Unit,
  UnitGroup,
  UnitMatch,
  UnitTreeNode,
  User,
} from './org';

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
  result: 'success' | 'bad_password' | 'locked' | 'unknown_user' | 'disabled';
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
