// Website checks (issue 12 part 2 and 3): on demand from the console and on a schedule per registered site; each
// result is stored with its findings, then the 整改 items are brought up to date (rectification.ts).
import { and, eq, sql } from 'drizzle-orm';
import { chinaDate } from '../../../domain/calendar';
import type { Database } from '../../db/client';
import { mediaSiteChecks, mediaWebsites } from '../../db/schema/media';
import { audit } from '../../platform/audit/audit';
import { getCalendar } from '../../platform/calendar/service';
import type { Actor } from '../../platform/context';
import { invalid, notFound } from '../../platform/errors';
import { assertUnitInScope } from '../org';
import { availabilityOf } from './availability';
import type { Scoped } from './media.repo';
import { syncRectifications } from './rectification';
import { checkSite, type SiteCheckResult } from './site-check';

export interface CheckSettings {
  /** The link-probe setting: private/loopback addresses reachable (tests and intranet deployments only). */
  allowPrivate: boolean;
  maxPages: number;
}

export interface Availability {
  failed: number;
  total: number;
}

/** The crawl itself, replaceable in tests; `availability` is the MON-1 sampling the verdict uses. */
export type SiteChecker = (
  url: string,
  asOf: string,
  s: CheckSettings,
  availability?: Availability,
) => Promise<SiteCheckResult>;
export const liveChecker: SiteChecker = (url, asOf, s, availability) =>
  checkSite(url, {
    asOf,
    allowPrivate: s.allowPrivate,
    maxPages: s.maxPages,
    ...(availability ? { availability } : {}),
  });

export async function websiteInScope(database: Database, user: Scoped, id: string) {
  const [w] = await database.db.select().from(mediaWebsites).where(eq(mediaWebsites.id, id));
  if (!w) throw notFound('网站');
  await assertUnitInScope(database.db, user, w.unitId, '网站');
  return w;
}

/**
 * Crawls (outside any transaction: a crawl takes minutes), then stores the result, its audit row and the 整改
 * changes in one transaction.
 */
export async function runCheck(
  database: Database,
  actor: Actor,
  websiteId: string,
  opts: {
    asOf: string;
    trigger: 'schedule' | 'manual';
    settings: CheckSettings;
    /** Deadline of the 整改 tasks this check opens. */
    dueDate: string;
    /** The instant whose last 7 days of availability samples count (MON-1). */
    now: Date;
    checker?: SiteChecker;
  },
) {
  const [w] = await database.db.select().from(mediaWebsites).where(eq(mediaWebsites.id, websiteId));
  if (!w) throw notFound('网站');
  if (w.status !== 'running') throw invalid('该网站已关停或注销，不再检查');
  const sampled = await availabilityOf(database.db, websiteId, opts.now);
  const availability = sampled.total > 0 ? sampled : undefined;
  const result = await (opts.checker ?? liveChecker)(w.url, opts.asOf, opts.settings, availability);
  return database.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(mediaSiteChecks)
      .values({
        websiteId,
        asOf: result.asOf,
        trigger: opts.trigger,
        verdict: result.verdict,
        pages: result.pages,
        vetoes: result.vetoes,
        findings: result.findings,
        notes: result.notes,
        availability: availability ?? null,
        checkedBy: actor.userId,
      })
      .returning();
    await audit(tx, actor, {
      action: 'media.site.check',
      objectType: 'media_website',
      objectId: websiteId,
      detail: { checkId: row!.id, verdict: result.verdict, findings: result.findings.length },
    });
    const r = await syncRectifications(tx, actor, w, row!, opts.dueDate);
    if (r.opened || r.closed)
      await audit(tx, actor, {
        action: 'media.rectification.sync',
        objectType: 'media_website',
        objectId: websiteId,
        detail: r,
      });
    return row!;
  });
}

/** Running sites whose last check is older than `everyDays` (or never checked), oldest first. */
export async function sitesDue(database: Database, now: Date, everyDays: number, limit: number) {
  const cutoff = new Date(now.getTime() - everyDays * 86_400_000);
  const last = sql<Date | null>`(SELECT max(c.checked_at) FROM media_site_checks c WHERE c.website_id = ${mediaWebsites.id})`;
  return database.db
    .select({ id: mediaWebsites.id })
    .from(mediaWebsites)
    .where(
      and(
        eq(mediaWebsites.status, 'running'),
        sql`(${last} IS NULL OR ${last} < ${cutoff.toISOString()}::timestamptz)`,
      ),
    )
    .orderBy(sql`${last} ASC NULLS FIRST`)
    .limit(limit);
}

/** The 整改 deadline for tasks opened today: N working days on the platform calendar. */
export async function rectifyDue(database: Database, now: Date, workingDays: number): Promise<string> {
  return (await getCalendar(database)).addWorkingDays(chinaDate(now), workingDays).date;
}
