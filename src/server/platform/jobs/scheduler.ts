// Scheduled jobs. Safe with several Gongkai processes: a run takes a PostgreSQL advisory lock (only one process
// runs a job at a time) and records (job, runKey) in job_runs, so a daily job runs once per day even when
// triggered twice or by two processes.
import { and, eq, sql } from 'drizzle-orm';
import { chinaDate } from '../../../domain/calendar';
import type { Database } from '../../db/client';
import { jobRuns } from '../../db/schema';
import type { Clock } from '../context';

export interface Job {
  name: string;
  /** e.g. the China-time date for a daily job: one run per key. */
  runKey(now: Date): string;
  run(database: Database, now: Date): Promise<Record<string, unknown>>;
}

const registry: Job[] = [];

export function registerJob(job: Job): void {
  if (!registry.some((j) => j.name === job.name)) registry.push(job);
}

/** A job run once per China-time day: `run` gets that day (YYYY-MM-DD) and the time. */
export function registerDailyJob(
  name: string,
  run: (database: Database, today: string, now: Date) => Promise<Record<string, unknown>>,
): void {
  registerJob({
    name,
    runKey: (now) => chinaDate(now),
    run: (database, now) => run(database, chinaDate(now), now),
  });
}

export function registeredJobs(): readonly Job[] {
  return registry;
}

function lockId(name: string): number {
  let h = 7324100;
  for (const ch of name) h = (h * 31 + ch.charCodeAt(0)) | 0;
  return h;
}

/** China-time calendar date of an instant (UTC+8, no DST), independent of the server's TZ. */
export async function runJobOnce(
  database: Database,
  job: Job,
  now: Date,
): Promise<{ ran: boolean; result?: Record<string, unknown> }> {
  const client = await database.pool.connect();
  try {
    const got = await client.query<{ ok: boolean }>('SELECT pg_try_advisory_lock($1) AS ok', [
      lockId(job.name),
    ]);
    if (!got.rows[0]?.ok) return { ran: false };
    try {
      const key = job.runKey(now);
      const done = await database.db
        .select()
        .from(jobRuns)
        .where(and(eq(jobRuns.job, job.name), eq(jobRuns.runKey, key)));
      if (done[0]?.finishedAt) return { ran: false };
      if (!done[0])
        await database.db.insert(jobRuns).values({ job: job.name, runKey: key }).onConflictDoNothing();
      const result = await job.run(database, now);
      await database.db
        .update(jobRuns)
        .set({ finishedAt: sql`now()`, result })
        .where(and(eq(jobRuns.job, job.name), eq(jobRuns.runKey, key)));
      return { ran: true, result };
    } finally {
      await client.query('SELECT pg_advisory_unlock($1)', [lockId(job.name)]);
    }
  } finally {
    client.release();
  }
}

/** Checks every minute whether a job has a run due; returns a stop function. */
export function startScheduler(
  database: Database,
  clock: Clock,
  log: (m: string) => void,
  onFailure: (job: string, e: unknown) => Promise<void> = async () => {},
): () => void {
  let busy = false;
  const tick = async () => {
    if (busy) return;
    busy = true;
    try {
      for (const job of registry) {
        try {
          const r = await runJobOnce(database, job, clock.now());
          // Quiet when a run found nothing to do (a per-minute job would otherwise log every minute).
          const didSomething =
            r.result && Object.values(r.result).some((v) => v !== 0 && v !== false && v != null);
          if (r.ran && didSomething) log(`定时任务 ${job.name} 已执行：${JSON.stringify(r.result)}`);
        } catch (e) {
          log(`定时任务 ${job.name} 失败：${(e as Error).message}`);
          await onFailure(job.name, e);
        }
      }
    } finally {
      busy = false;
    }
  };
  const timer = setInterval(() => void tick(), 60_000);
  timer.unref();
  void tick();
  return () => clearInterval(timer);
}
