// MON-1 availability sampling (issue 12 part 2): every running registered website's home page is fetched once
// about every 72 minutes (≥ 20 a day); a sample fails on an error status, a refused or blocked address or no answer
// within the timeout. The website check passes the last 7 days' {failed, total} to the verdict rule; samples older
// than 30 days are deleted by the same job.
import { and, eq, gte, lt, sql } from 'drizzle-orm';
import type { Database, DbOrTx } from '../../db/client';
import { mediaAvailabilitySamples, mediaWebsites } from '../../db/schema/media';
import { audit } from '../../platform/audit/audit';
import { systemActor } from '../../platform/context';
import { fetchOnce } from './crawl/fetch';

export const SAMPLE_EVERY_MINUTES = 72;
export const AVAILABILITY_WINDOW_DAYS = 7;
export const SAMPLES_KEPT_DAYS = 30;
const DAY_MS = 86_400_000;

export interface SampleSettings {
  allowPrivate: boolean;
  timeoutMs: number;
}

/** One run per 72-minute bucket of the epoch, so several instances sample once. */
export const sampleRunKey = (now: Date) => `${Math.floor(now.getTime() / (SAMPLE_EVERY_MINUTES * 60_000))}`;

/** One GET of the home page: ok for a 2xx/3xx answer within the timeout. */
export async function probeHome(url: string, s: SampleSettings) {
  const started = Date.now();
  let target: URL;
  try {
    target = new URL(url);
  } catch {
    return { ok: false, ms: 0, status: 'failed' };
  }
  const r = await fetchOnce(target, {
    allowPrivate: s.allowPrivate,
    timeoutMs: s.timeoutMs,
    maxBytes: 64 * 1024,
    method: 'GET',
  });
  const ms = Date.now() - started;
  if (!r.ok) return { ok: false, ms, status: r.error };
  return { ok: r.status >= 200 && r.status < 400, ms, status: String(r.status) };
}

/** Samples every running site once (in parallel), records the results at `now`, purges samples past 30 days. */
export async function sampleAvailability(database: Database, now: Date, s: SampleSettings) {
  const sites = await database.db
    .select({ id: mediaWebsites.id, url: mediaWebsites.url })
    .from(mediaWebsites)
    .where(eq(mediaWebsites.status, 'running'));
  const results = await Promise.all(sites.map(async (w) => ({ w, r: await probeHome(w.url, s) })));
  return database.db.transaction(async (tx) => {
    if (results.length)
      await tx
        .insert(mediaAvailabilitySamples)
        .values(
          results.map(({ w, r }) => ({ websiteId: w.id, at: now, ok: r.ok, ms: r.ms, status: r.status })),
        );
    const purged = await tx
      .delete(mediaAvailabilitySamples)
      .where(lt(mediaAvailabilitySamples.at, new Date(now.getTime() - SAMPLES_KEPT_DAYS * DAY_MS)))
      .returning({ id: mediaAvailabilitySamples.id });
    const summary = {
      sampled: results.length,
      failed: results.filter((x) => !x.r.ok).length,
      purged: purged.length,
    };
    if (summary.sampled || summary.purged)
      await audit(tx, systemActor('media.availability'), {
        action: 'media.availability.sample',
        objectType: 'media_website',
        objectId: null,
        detail: summary,
      });
    return summary;
  });
}

/** The last 7 days' samples of one site (up to `now`): failed and total. */
export async function availabilityOf(db: DbOrTx, websiteId: string, now: Date) {
  const [row] = await db
    .select({
      total: sql<number>`count(*)::int`,
      failed: sql<number>`(count(*) FILTER (WHERE NOT ${mediaAvailabilitySamples.ok}))::int`,
    })
    .from(mediaAvailabilitySamples)
    .where(
      and(
        eq(mediaAvailabilitySamples.websiteId, websiteId),
        gte(mediaAvailabilitySamples.at, new Date(now.getTime() - AVAILABILITY_WINDOW_DAYS * DAY_MS)),
        sql`${mediaAvailabilitySamples.at} <= ${now.toISOString()}::timestamptz`,
      ),
    );
  return { failed: row?.failed ?? 0, total: row?.total ?? 0 };
}
