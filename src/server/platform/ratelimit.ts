import { AppError } from './errors';

// Fixed-window rate limiter kept in memory (per process). Enough for one process; behind a load balancer each
// process limits on its own, which still bounds abuse. Keys are e.g. "login:ip:1.2.3.4".
export class RateLimiter {
  private hits = new Map<string, { count: number; resetAt: number }>();
  constructor(private now: () => number = Date.now) {}

  /** Returns seconds to wait when the limit is exceeded, otherwise 0 (and counts the hit). */
  hit(key: string, limit: number, windowMs: number): number {
    const t = this.now();
    const cur = this.hits.get(key);
    if (!cur || cur.resetAt <= t) {
      this.hits.set(key, { count: 1, resetAt: t + windowMs });
      if (this.hits.size > 50_000) this.sweep(t);
      return 0;
    }
    cur.count++;
    return cur.count > limit ? Math.ceil((cur.resetAt - t) / 1000) : 0;
  }

  private sweep(t: number): void {
    for (const [k, v] of this.hits) if (v.resetAt <= t) this.hits.delete(k);
  }
}

/** Throws the API's 429 error when `key` exceeded `limit` hits in `windowMs` (public forms, login). */
export function enforceRateLimit(limiter: RateLimiter, key: string, limit: number, windowMs: number): void {
  const wait = limiter.hit(key, limit, windowMs);
  if (wait) throw new AppError('RATE_LIMITED', `操作过于频繁，请 ${wait} 秒后再试`);
}
