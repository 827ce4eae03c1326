// The login rules as pure functions (unit-tested by table): when a challenge is needed, how long the next attempt
// waits, when a name is locked hard, and which TOTP time steps are accepted.
import type { SecuritySettings } from '../../../contracts/system';

export type ThrottleKind = 'user' | 'ip';

export interface ThrottleRule {
  /** Failures after which every attempt needs a solved challenge. */
  challengeAfter: number;
  /** Failures after which attempts are spaced by a growing delay. */
  delayAfter: number;
  maxDelaySeconds: number;
  /** Failures that lock hard (names only; an address is never locked, it is challenged and slowed). */
  lockAt: number | null;
}

/**
 * A source address may stand for a whole office behind one NAT: it is challenged later than a single name, slowed
 * only far later (password spraying), and never locked.
 */
const IP_CHALLENGE_FACTOR = 3;
const IP_DELAY_AFTER = 40;

export function throttleRule(kind: ThrottleKind, s: SecuritySettings): ThrottleRule {
  if (kind === 'user')
    return {
      challengeAfter: s.challengeThreshold,
      delayAfter: s.challengeThreshold,
      maxDelaySeconds: 60,
      lockAt: s.hardLockThreshold,
    };
  return {
    challengeAfter: s.challengeThreshold * IP_CHALLENGE_FACTOR,
    delayAfter: IP_DELAY_AFTER,
    maxDelaySeconds: 30,
    lockAt: null,
  };
}

/** Seconds the next attempt must wait after `failures` failures: 1, 2, 4 … doubling, capped. */
export function delaySeconds(failures: number, rule: ThrottleRule): number {
  if (failures < rule.delayAfter) return 0;
  return Math.min(rule.maxDelaySeconds, 2 ** (failures - rule.delayAfter));
}

/** The schedule as an array indexed by failure count (0 … n), handed to the atomic SQL claim. */
export function delaySchedule(rule: ThrottleRule, upTo = 128): number[] {
  return Array.from({ length: upTo + 1 }, (_, f) => delaySeconds(f, rule));
}

export const needsChallenge = (failures: number, rule: ThrottleRule): boolean =>
  failures >= rule.challengeAfter;

export const locksNow = (failures: number, rule: ThrottleRule): boolean =>
  rule.lockAt !== null && failures >= rule.lockAt;

// ---- TOTP (RFC 6238: 30-second steps, 6 digits; ±1 step for clock drift, each step usable once) ----
export const TOTP_PERIOD = 30;
export const TOTP_WINDOW = 1;

export const totpStep = (atMs: number): number => Math.floor(atMs / 1000 / TOTP_PERIOD);

/**
 * Whether a code that matches time step `matched` (null: no match within the window) may be accepted now, given
 * the last step already used: within ±window of the current step and strictly after the last used one.
 */
export function totpAcceptable(matched: number | null, nowStep: number, lastUsedStep: number): boolean {
  if (matched === null) return false;
  if (Math.abs(matched - nowStep) > TOTP_WINDOW) return false;
  return matched > lastUsedStep;
}

/** Attempts allowed on one pending second step before the whole login must start again. */
export const MFA_MAX_ATTEMPTS = 5;
/** Minutes a pending second step or a challenge stays valid. */
export const TOKEN_MINUTES = 5;
/** How many previous passwords may not be reused (the current one included). */
export const PASSWORD_HISTORY = 5;
export const RECOVERY_CODES = 10;
