// Login hardening (platform/auth): state every instance shares through PostgreSQL — failure counters, rate-limit
// windows, single-use challenges and pending second factors — plus password history and TOTP enrolments.
import { bigint, index, integer, pgTable, text } from 'drizzle-orm/pg-core';
import { createdAt, instant, ownedBy } from './columns';
import { users } from './org';

/**
 * Login failures per key: 'user:<lower-case name>' (whether or not the account exists, so the counter says
 * nothing about existence) and 'ip:<address>'. Claimed atomically before the password is checked.
 */
export const loginThrottle = pgTable('login_throttle', {
  key: text('key').primaryKey(),
  failures: integer('failures').notNull().default(0),
  lastAt: instant('last_at').notNull(),
  /** No attempt before this instant (the progressive delay). */
  nextAt: instant('next_at').notNull(),
  /** Hard lock of a name (also set for names without an account, so a lock reveals nothing). */
  lockedUntil: instant('locked_until'),
});

/** Fixed-window rate limits shared by every instance (login, public forms). */
export const rateLimits = pgTable('rate_limits', {
  key: text('key').primaryKey(),
  count: integer('count').notNull(),
  resetAt: instant('reset_at').notNull(),
});

/**
 * Single-use tokens: an arithmetic login challenge ('challenge', answer = sha256 of the answer) or the pending
 * second step of a login whose password was right ('mfa', subject = user id). Deleted when used.
 */
export const authTokens = pgTable(
  'auth_tokens',
  {
    /** sha256 of the token given to the client. */
    idHash: text('id_hash').primaryKey(),
    kind: text('kind', { enum: ['challenge', 'mfa'] }).notNull(),
    subject: text('subject').notNull(),
    attempts: integer('attempts').notNull().default(0),
    expiresAt: instant('expires_at').notNull(),
  },
  (t) => [index('auth_tokens_expires_idx').on(t.expiresAt)],
);

/** The previous password hashes of a user (argon2id), newest first; the last few may not be reused. */
export const passwordHistory = pgTable(
  'password_history',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    userId: ownedBy('user_id', () => users.id),
    hash: text('hash').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('password_history_user_idx').on(t.userId, t.createdAt)],
);

/** A user's TOTP enrolment: the secret sealed with AES-256-GCM (key outside the database). */
export const userTotp = pgTable('user_totp', {
  userId: ownedBy('user_id', () => users.id).primaryKey(),
  secretSealed: text('secret_sealed').notNull(),
  /** Null until the user proves the authenticator works (enrolment confirmed). */
  confirmedAt: instant('confirmed_at'),
  /** The last accepted time step: a code of this step or an earlier one is a replay. */
  lastStep: bigint('last_step', { mode: 'number' }).notNull().default(0),
  /** argon2id hashes of the unused recovery codes. */
  recoveryHashes: text('recovery_hashes').array().notNull(),
  createdAt: createdAt(),
});
