// Login failure counters in PostgreSQL, shared by every instance. An attempt is *claimed* before the password is
// checked, in one INSERT … ON CONFLICT DO UPDATE … WHERE … RETURNING: PostgreSQL re-checks the WHERE on the
// latest row version under the row lock, so parallel attempts cannot slip past a delay or a challenge together.
import { eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { loginThrottle } from '../../db/schema';
import { delaySchedule, type ThrottleKind, type ThrottleRule } from './rules';

export const throttleKey = (kind: ThrottleKind, value: string): string =>
  kind === 'user' ? `user:${value.trim().toLowerCase()}` : `ip:${value}`;

export type Claim =
  | { ok: true; failures: number }
  | { ok: false; reason: 'delay'; waitSeconds: number }
  | { ok: false; reason: 'challenge' };

export async function claimAttempt(
  db: DbOrTx,
  key: string,
  rule: ThrottleRule,
  opts: { now: Date; challengeSolved: boolean; forgetMs: number },
): Promise<Claim> {
  const { now } = opts;
  const forget = new Date(now.getTime() - opts.forgetMs);
  const sched = delaySchedule(rule);
  const max = sched.length - 1;
  // failures after this attempt: a counter quiet for `forgetMs` starts again.
  const next = sql`(CASE WHEN t.last_at < ${forget} THEN 1 ELSE t.failures + 1 END)`;
  const delayOf = (f: unknown) =>
    sql`make_interval(secs => (${sql.param(sched)}::int[])[LEAST(${f}, ${max}) + 1])`;
  const r = await db.execute<{ failures: number }>(sql`
    INSERT INTO login_throttle AS t (key, failures, last_at, next_at)
    VALUES (${key}, 1, ${now}, ${now}::timestamptz + ${delayOf(sql`1`)})
    ON CONFLICT (key) DO UPDATE SET
      failures = ${next},
      last_at = ${now},
      next_at = ${now}::timestamptz + ${delayOf(next)}
    WHERE t.last_at < ${forget}
       OR ((t.failures < ${rule.delayAfter} OR t.next_at <= ${now})
           AND (t.failures < ${rule.challengeAfter} OR ${opts.challengeSolved}))
    RETURNING t.failures`);
  const row = r.rows[0];
  if (row) return { ok: true, failures: Number(row.failures) };
  const cur = (await db.select().from(loginThrottle).where(eq(loginThrottle.key, key)))[0];
  // Ask for the challenge first: the delay is told once there is an answer to wait with.
  if (!opts.challengeSolved && cur && cur.failures >= rule.challengeAfter)
    return { ok: false, reason: 'challenge' };
  // The delay binds only once it applies: another instance's clock a little ahead must not refuse a clean name.
  if (cur && cur.failures >= rule.delayAfter && cur.nextAt > now)
    return {
      ok: false,
      reason: 'delay',
      waitSeconds: Math.ceil((cur.nextAt.getTime() - now.getTime()) / 1000),
    };
  return { ok: false, reason: 'challenge' };
}

/** The attempt turned out not to be a failure (right password): the name starts afresh, the address forgets one. */
export async function forgiveAttempt(db: DbOrTx, key: string, now: Date, all: boolean): Promise<void> {
  await db
    .update(loginThrottle)
    .set({
      failures: all ? 0 : sql`GREATEST(${loginThrottle.failures} - 1, 0)`,
      nextAt: now,
    })
    .where(eq(loginThrottle.key, key));
}

/** Counts one more failure without gating (a wrong second factor after a right password). */
export async function addFailure(db: DbOrTx, key: string, now: Date): Promise<number> {
  const r = await db
    .insert(loginThrottle)
    .values({ key, failures: 1, lastAt: now, nextAt: now })
    .onConflictDoUpdate({
      target: loginThrottle.key,
      set: { failures: sql`${loginThrottle.failures} + 1`, lastAt: now },
    })
    .returning({ failures: loginThrottle.failures });
  return r[0]?.failures ?? 1;
}

/** Locks a name hard until `until`; its counter starts again (the lock itself is the penalty). */
export async function lockName(db: DbOrTx, key: string, now: Date, until: Date): Promise<void> {
  await db
    .update(loginThrottle)
    .set({ failures: 0, lockedUntil: until, nextAt: now })
    .where(eq(loginThrottle.key, key));
}

export async function nameLockedUntil(db: DbOrTx, key: string, now: Date): Promise<Date | null> {
  const r = await db
    .select({ until: loginThrottle.lockedUntil })
    .from(loginThrottle)
    .where(eq(loginThrottle.key, key));
  const until = r[0]?.until ?? null;
  return until && until > now ? until : null;
}

/** Whether the next attempt on this key will need a challenge (told to the client after a failure). */
export async function challengeDue(db: DbOrTx, key: string, rule: ThrottleRule): Promise<boolean> {
  const r = await db
    .select({ failures: loginThrottle.failures })
    .from(loginThrottle)
    .where(eq(loginThrottle.key, key));
  return (r[0]?.failures ?? 0) >= rule.challengeAfter;
}
