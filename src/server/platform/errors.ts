import type { ErrorCode } from '../../contracts/api';

const STATUS: Record<ErrorCode, number> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  CSRF: 403,
  VALIDATION: 400,
  NOT_FOUND: 404,
  CONFLICT: 409,
  LOCKED: 423,
  PASSWORD_CHANGE_REQUIRED: 403,
  MFA_ENROLMENT_REQUIRED: 403,
  CHALLENGE_REQUIRED: 401,
  PAYLOAD_TOO_LARGE: 413,
  RATE_LIMITED: 429,
  GONE: 410,
  INTERNAL: 500,
};

/** The one error type: a stable code, a message safe to show (Chinese), optional details for the UI. */
export class AppError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.status = STATUS[code];
  }
}

export const notFound = (what = '记录') => new AppError('NOT_FOUND', `${what}不存在`);
export const forbidden = (msg = '没有权限执行此操作') => new AppError('FORBIDDEN', msg);
export const invalid = (msg: string, details?: unknown) => new AppError('VALIDATION', msg, details);
export const conflict = (msg: string) => new AppError('CONFLICT', msg);
