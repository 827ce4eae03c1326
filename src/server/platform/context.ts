import type { CurrentUser } from '../../contracts/api';
import type { Config } from '../config';
import type { Database } from '../db/client';
import type { FieldKeys } from './crypto/fields';
import type { RateLimiter } from './ratelimit';

export interface SessionUser extends CurrentUser {
  sessionIdHash: string;
  csrfToken: string;
}

export interface AppEnv {
  Variables: {
    requestId: string;
    ip: string;
    user: SessionUser | null;
    /** The app's rate limiter: login and every public form use it (see platform/ratelimit.ts). */
    limiter: RateLimiter;
    /** The console's served index.html: the nonce its run-time <style> elements carry (http/guard.ts). */
    styleNonce?: string;
  };
}

/** Who is acting, for audit rows and scope checks. Built from the request, or for the CLI/jobs. */
export interface Actor {
  userId: string | null;
  username: string | null;
  unitId: string | null;
  unitName: string | null;
  ip: string | null;
  requestId: string | null;
}

export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

export interface Platform {
  database: Database;
  config: Config;
  clock: Clock;
  /** Keys sealing personal data at rest (platform/crypto/fields.ts), loaded once at start. */
  fieldKeys: FieldKeys;
  /**
   * The owner role's URL when it differs from the app's (db/roles.ts): only the daily retention purge uses it, to
   * delete log records older than the retention period (platform/audit/purge.ts).
   */
  ownerDatabaseUrl?: string;
  log: (level: 'debug' | 'info' | 'warn' | 'error', msg: string, extra?: Record<string, unknown>) => void;
}

export function actorOf(user: SessionUser | null, c?: { get(k: 'requestId' | 'ip'): string }): Actor {
  return {
    userId: user?.id ?? null,
    username: user?.username ?? null,
    unitId: user?.unitId ?? null,
    unitName: user?.unitName ?? null,
    ip: c?.get('ip') ?? null,
    requestId: c?.get('requestId') ?? null,
  };
}

export const systemActor = (what = 'system'): Actor => ({
  userId: null,
  username: what,
  unitId: null,
  unitName: null,
  ip: null,
  requestId: null,
});
