// Idempotent submissions (security requirement 40): the client's request id — the hidden one-time id every public
// form is rendered with (`rid`), or an API client's `Idempotency-Key` header — is claimed inside the write's own
// transaction and keeps the write's result, so a retried POST (a browser resubmitting after a lost answer, a
// client retrying after a crash) gets the same record back and creates nothing new. Two concurrent posts with one
// id serialise on the unique key: the second waits for the first to commit and then reads its result.
// Stored in job_runs (unique (job, run_key) with a result) under `once:<scope>`; a table of its own needs a
// migration.
import { randomBytes } from 'node:crypto';
import { and, eq, isNotNull } from 'drizzle-orm';
import type { DbOrTx } from '../db/client';
import { jobRuns } from '../db/schema';
import { conflict } from './errors';

const KEY = /^[A-Za-z0-9_-]{16,64}$/;

/** A fresh one-time request id for a form. */
export const newRequestKey = (): string => randomBytes(18).toString('base64url');

/** The request id as given, or null when there is none or it is not one (a malformed id is ignored, not an error). */
export function requestKeyOf(raw: unknown): string | null {
  return typeof raw === 'string' && KEY.test(raw.trim()) ? raw.trim() : null;
}

const job = (scope: string) => `once:${scope}`;

/** The result kept for `key` in `scope`, or null when no write with that id has committed. */
export async function priorResult<T>(db: DbOrTx, scope: string, key: string | null): Promise<T | null> {
  if (!key) return null;
  const [row] = await db
    .select({ result: jobRuns.result })
    .from(jobRuns)
    .where(and(eq(jobRuns.job, job(scope)), eq(jobRuns.runKey, key), isNotNull(jobRuns.result)));
  return (row?.result as T | undefined) ?? null;
}

/**
 * Runs `write` once per (scope, key) inside the caller's transaction `tx` and keeps its (JSON) result with the key;
 * a key already used answers the first result instead. Without a key it simply writes.
 */
export async function once<T>(
  tx: DbOrTx,
  scope: string,
  key: string | null,
  now: Date,
  write: () => Promise<T>,
): Promise<{ value: T; replayed: boolean }> {
  if (!key) return { value: await write(), replayed: false };
  const claimed = await tx
    .insert(jobRuns)
    .values({ job: job(scope), runKey: key, startedAt: now })
    .onConflictDoNothing()
    .returning({ id: jobRuns.id });
  if (!claimed.length) {
    const prior = await priorResult<T>(tx, scope, key);
    if (prior === null) throw conflict('同一请求正在处理，请稍后查询办理结果');
    return { value: prior, replayed: true };
  }
  const value = await write();
  await tx
    .update(jobRuns)
    .set({ result: value as object, finishedAt: now })
    .where(eq(jobRuns.id, claimed[0]!.id));
  return { value, replayed: false };
}
