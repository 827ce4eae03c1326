// Dashboards (issue 12 part 7): site health over time (each check's verdict and findings count) and the open 整改
// per unit, overdue when past the due date. Unit-scoped like the register.
import { and, asc, eq, gte, lte, sql } from 'drizzle-orm';
import type { MediaDashboard } from '../../../contracts/media';
import { addDays } from '../../../domain/media/dates';
import type { DbOrTx } from '../../db/client';
import { mediaRectifications, mediaSiteChecks, mediaWebsites } from '../../db/schema/media';
import { scopeFilter, unitNameSql } from '../org';
import type { Scoped } from './media.repo';

/** The default window: the 183 days up to today. */
const WINDOW_DAYS = 183;

export async function mediaDashboard(
  db: DbOrTx,
  user: Scoped,
  q: { from?: string | undefined; to?: string | undefined },
  today: string,
): Promise<MediaDashboard> {
  const to = q.to ?? today;
  const from = q.from ?? addDays(to, -WINDOW_DAYS);
  const checks = await db
    .select({
      websiteId: mediaWebsites.id,
      name: mediaWebsites.name,
      unitName: unitNameSql(mediaWebsites.unitId),
      asOf: mediaSiteChecks.asOf,
      verdict: mediaSiteChecks.verdict,
      findings: sql<number>`jsonb_array_length(${mediaSiteChecks.findings})::int`,
    })
    .from(mediaSiteChecks)
    .innerJoin(mediaWebsites, eq(mediaWebsites.id, mediaSiteChecks.websiteId))
    .where(
      and(
        scopeFilter(user, mediaWebsites.unitId),
        gte(mediaSiteChecks.asOf, from),
        lte(mediaSiteChecks.asOf, to),
      ),
    )
    .orderBy(asc(mediaWebsites.name), asc(mediaSiteChecks.asOf), asc(mediaSiteChecks.checkedAt));
  const health = new Map<string, MediaDashboard['health'][number]>();
  for (const c of checks) {
    const h = health.get(c.websiteId) ?? {
      websiteId: c.websiteId,
      name: c.name,
      unitName: c.unitName,
      checks: [],
    };
    h.checks.push({ asOf: c.asOf, verdict: c.verdict, findings: c.findings });
    health.set(c.websiteId, h);
  }
  const openByUnit = await db
    .select({
      unitId: mediaRectifications.unitId,
      unitName: unitNameSql(mediaRectifications.unitId),
      open: sql<number>`count(*)::int`,
      overdue: sql<number>`(count(*) FILTER (WHERE ${mediaRectifications.dueDate} < ${today}::date))::int`,
    })
    .from(mediaRectifications)
    .where(and(scopeFilter(user, mediaRectifications.unitId), eq(mediaRectifications.status, 'open')))
    .groupBy(mediaRectifications.unitId)
    .orderBy(sql`count(*) DESC`, mediaRectifications.unitId);
  return { health: [...health.values()], openByUnit };
}
