// Single-use tokens in PostgreSQL (every instance sees them): arithmetic login challenges and pending second steps.
// The client holds the token, the table only its sha256; using a token deletes it in the same statement.
import { createHash, randomBytes, randomInt } from 'node:crypto';
import { and, eq, gt, lt, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { authTokens } from '../../db/schema';
import { MFA_MAX_ATTEMPTS, TOKEN_MINUTES } from './rules';

export const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

async function issue(db: DbOrTx, kind: 'challenge' | 'mfa', subject: string, now: Date): Promise<string> {
  const token = randomBytes(24).toString('base64url');
  await db.insert(authTokens).values({
    idHash: sha256(token),
    kind,
    subject,
    expiresAt: new Date(now.getTime() + TOKEN_MINUTES * 60_000),
  });
  // Expired tokens of anyone go with every new one: the table stays small without a job.
  await db.delete(authTokens).where(lt(authTokens.expiresAt, now));
  return token;
}

/** A simple sum or product, answerable without images (accessible), stored as the hash of its answer. */
export async function newChallenge(db: DbOrTx, now: Date): Promise<{ id: string; question: string }> {
  const a = randomInt(2, 20);
  const b = randomInt(2, 10);
  const times = randomInt(2) === 1;
  const question = times ? `${a} × ${b} = ?` : `${a} + ${b} = ?`;
  const id = await issue(db, 'challenge', sha256(String(times ? a * b : a + b)), now);
  return { id, question };
}

/** Consumes the challenge whatever the answer (one guess per challenge); true when answered right in time. */
export async function solveChallenge(db: DbOrTx, id: string, answer: string, now: Date): Promise<boolean> {
  const r = await db
    .delete(authTokens)
    .where(
      and(eq(authTokens.idHash, sha256(id)), eq(authTokens.kind, 'challenge'), gt(authTokens.expiresAt, now)),
    )
    .returning({ subject: authTokens.subject });
  return !!r[0] && r[0].subject === sha256(answer.trim());
}

export const issueMfaToken = (db: DbOrTx, userId: string, now: Date) => issue(db, 'mfa', userId, now);

/**
 * Counts one attempt on a pending second step (atomic: parallel guesses cannot exceed the allowance) and returns
 * its user, or null when the token is unknown, expired or used up.
 */
export async function useMfaAttempt(db: DbOrTx, token: string, now: Date): Promise<string | null> {
  const r = await db
    .update(authTokens)
    .set({ attempts: sql`${authTokens.attempts} + 1` })
    .where(
      and(
        eq(authTokens.idHash, sha256(token)),
        eq(authTokens.kind, 'mfa'),
        gt(authTokens.expiresAt, now),
        lt(authTokens.attempts, MFA_MAX_ATTEMPTS),
      ),
    )
    .returning({ subject: authTokens.subject });
  return r[0]?.subject ?? null;
}

export async function dropMfaToken(db: DbOrTx, token: string): Promise<void> {
  await db.delete(authTokens).where(eq(authTokens.idHash, sha256(token)));
}
