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

export type { UnitKind } from '../domain/units';
// ---- auth ----
export { LOGIN_RESULTS, type LoginResultCode } from './audit';
export { UNIT_KIND_LABELS } from './org';
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

// POST /api/auth/login  { username, password } -> { data: CurrentUser }   (423 LOCKED, 401 on bad credentials)
// GET  /api/auth/me     -> { data: CurrentUser }
// POST /api/auth/logout -> { data: { ok: true } }
// POST /api/auth/password { oldPassword, newPassword } -> { data: { ok: true } }  (400 with policy message)
// GET  /api/auth/csrf   -> { data: { token } } (also sets gk_csrf)

// ---- audit, working-day calendar: ./audit.ts, ./calendar.ts ----
export type { AuditRecord, LoginRecord } from './audit';
export type { CalendarYearSummary } from './calendar';
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

// ---- security settings ---- (secadmin): src/contracts/system.ts
export type { SecuritySettings } from './system';
