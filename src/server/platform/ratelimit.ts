import { sql } from 'drizzle-orm';
import type { Database } from '../db/client';
import { rateLimits } from '../db/schema';
import { AppError } from './errors';

// Fixed-window rate limiter kept in PostgreSQL: every instance counts in the same window, so two instances do not
// double a limit. One upsert per hit (atomic). Keys are e.g. "login:ip:1.2.3.4".
export class RateLimiter {
  private hitsSinceSweep = 0;
  constructor(
    readonly database: Database,
    private now: () => number = Date.now,
  ) {}

  /** Returns seconds to wait when the limit is exceeded, otherwise 0 (and counts the hit). */
  async hit(key: string, limit: number, windowMs: number): Promise<number> {
    const now = new Date(this.now());
    const reset = new Date(now.getTime() + windowMs);
    // A window ending later than a whole window from now was opened by a clock ahead of ours (another instance, a
    // corrected clock): it is over too, or it would never end.
    const expired = sql`(${rateLimits.resetAt} <= ${now} OR ${rateLimits.resetAt} > ${reset}::timestamptz)`;
    const r = await this.database.db
      .insert(rateLimits)
      .values({ key, count: 1, resetAt: reset })
      .onConflictDoUpdate({
        target: rateLimits.key,
        set: {
          count: sql`CASE WHEN ${expired} THEN 1 ELSE ${rateLimits.count} + 1 END`,
          resetAt: sql`CASE WHEN ${expired} THEN ${reset}::timestamptz ELSE ${rateLimits.resetAt} END`,
        },
      })
      .returning({ count: rateLimits.count, resetAt: rateLimits.resetAt });
    if (++this.hitsSinceSweep >= 1000) {
      this.hitsSinceSweep = 0;
      await this.database.db.delete(rateLimits).where(sql`${rateLimits.resetAt} <= ${now}`);
    }
    const row = r[0];
    if (!row || row.count <= limit) return 0;
    return Math.max(1, Math.ceil((row.resetAt.getTime() - now.getTime()) / 1000));
  }

  /** Gives back a hit (or `amount`) that did not count after all (a refused or failed submission), atomically. */
  async refund(key: string, amount = 1): Promise<void> {
    await this.database.db
      .update(rateLimits)
      .set({ count: sql`greatest(${rateLimits.count} - ${amount}, 0)` })
      .where(sql`${rateLimits.key} = ${key}`);
  }

  /** Adds `amount` to a counter whose window ends at `resetAt` (a quota: a day), atomically; the new total. */
  async add(key: string, amount: number, resetAt: Date): Promise<number> {
    const now = new Date(this.now());
    const expired = sql`${rateLimits.resetAt} <= ${now}`;
    const [r] = await this.database.db
      .insert(rateLimits)
      .values({ key, count: amount, resetAt })
      .onConflictDoUpdate({
        target: rateLimits.key,
        set: {
          count: sql`CASE WHEN ${expired} THEN ${amount} ELSE ${rateLimits.count} + ${amount} END`,
          resetAt: sql`CASE WHEN ${expired} THEN ${resetAt}::timestamptz ELSE ${rateLimits.resetAt} END`,
        },
      })
      .returning({ count: rateLimits.count });
    return r!.count;
  }

  /** The clock the limiter counts by. */
  at(): Date {
    return new Date(this.now());
  }
}

/** Throws the API's 429 error when `key` exceeded `limit` hits in `windowMs` (public forms, login). */
export async function enforceRateLimit(
  limiter: RateLimiter,
  key: string,
  limit: number,
  windowMs: number,
): Promise<void> {
  const wait = await limiter.hit(key, limit, windowMs);
  if (wait) throw new AppError('RATE_LIMITED', `操作过于频繁，请 ${wait} 秒后再试`);
}
