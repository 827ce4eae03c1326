// The media module's SQL on its own tables. Unit names come from the org module's face.
import { and, desc, eq, type SQL, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { CurrentUser } from '../../../contracts/api';
import type { DbOrTx } from '../../db/client';
import { anyContainsLiterally } from '../../db/filters';
import { pageOf } from '../../db/pages';
import { rowsOf } from '../../db/reads';
import {
  mediaAccounts,
  mediaFilings,
  mediaRectifications,
  mediaSiteChecks,
  mediaWebsites,
} from '../../db/schema/media';
import { fileNames } from '../../platform/files/service';
import { scopeFilter, unitNameSql, unitSortSql } from '../org';

export type Scoped = Pick<CurrentUser, 'dataScope' | 'unitId'>;
export type WebsiteRecord = typeof mediaWebsites.$inferSelect;
export type AccountRecord = typeof mediaAccounts.$inferSelect;

interface ListQuery {
  page: number;
  pageSize: number;
  q?: string | undefined;
  status?: WebsiteRecord['status'] | undefined;
}

function where(user: Scoped, unit: AnyPgColumn, extra: (SQL | undefined)[]) {
  return and(scopeFilter(user, unit), ...extra);
}

export async function listWebsites(db: DbOrTx, user: Scoped, q: ListQuery) {
  const w = where(user, mediaWebsites.unitId, [
    q.status ? eq(mediaWebsites.status, q.status) : undefined,
    q.q ? anyContainsLiterally(q.q, mediaWebsites.name, mediaWebsites.url) : undefined,
  ]);
  const lastCheck = sql<{ id: string; asOf: string; verdict: string; findings: number } | null>`(
    SELECT json_build_object('id', c.id, 'asOf', c.as_of, 'verdict', c.verdict, 'findings', jsonb_array_length(c.findings))
    FROM media_site_checks c WHERE c.website_id = media_websites.id ORDER BY c.checked_at DESC LIMIT 1)`;
  const open = sql<number>`(SELECT count(*)::int FROM media_rectifications r
    WHERE r.website_id = media_websites.id AND r.status = 'open')`;
  const { rows: items, total } = await pageOf(
    db,
    mediaWebsites,
    {
      id: mediaWebsites.id,
      unitId: mediaWebsites.unitId,
      unitName: unitNameSql(mediaWebsites.unitId),
      name: mediaWebsites.name,
      url: mediaWebsites.url,
      siteCode: mediaWebsites.siteCode,
      icp: mediaWebsites.icp,
      psb: mediaWebsites.psb,
      sponsor: mediaWebsites.sponsor,
      operator: mediaWebsites.operator,
      status: mediaWebsites.status,
      lastCheck,
      openRectifications: open,
    },
    w,
    [unitSortSql(mediaWebsites.unitId), mediaWebsites.name],
    q,
  );
  return { items, total };
}

export async function listAccounts(db: DbOrTx, user: Scoped, q: ListQuery) {
  const w = where(user, mediaAccounts.unitId, [
    q.status ? eq(mediaAccounts.status, q.status) : undefined,
    q.q ? anyContainsLiterally(q.q, mediaAccounts.name, mediaAccounts.accountId) : undefined,
  ]);
  const { rows: items, total } = await pageOf(
    db,
    mediaAccounts,
    {
      id: mediaAccounts.id,
      unitId: mediaAccounts.unitId,
      unitName: unitNameSql(mediaAccounts.unitId),
      platform: mediaAccounts.platform,
      name: mediaAccounts.name,
      accountId: mediaAccounts.accountId,
      sponsor: mediaAccounts.sponsor,
      maintainer: mediaAccounts.maintainer,
      status: mediaAccounts.status,
      lastPost: sql<string | null>`(SELECT max(p.published_on)::text FROM media_posts p
        WHERE p.account_id = media_accounts.id)`,
      lastSpotCheck: sql<{ checkedOn: string; verdict: string } | null>`(
        SELECT json_build_object('checkedOn', s.checked_on, 'verdict', s.verdict) FROM media_spot_checks s
        WHERE s.account_id = media_accounts.id ORDER BY s.checked_on DESC, s.created_at DESC LIMIT 1)`,
    },
    w,
    [unitSortSql(mediaAccounts.unitId), mediaAccounts.name],
    q,
  );
  return { items, total };
}

export async function websiteByKey(db: DbOrTx, urlKey: string) {
  const [w] = await db.select().from(mediaWebsites).where(eq(mediaWebsites.urlKey, urlKey));
  return w ?? null;
}

export async function accountByPlatformId(
  db: DbOrTx,
  platform: AccountRecord['platform'],
  accountId: string,
) {
  const [a] = await db
    .select()
    .from(mediaAccounts)
    .where(and(eq(mediaAccounts.platform, platform), eq(mediaAccounts.accountId, accountId)));
  return a ?? null;
}

const filingColumns = {
  id: mediaFilings.id,
  kind: mediaFilings.kind,
  target: mediaFilings.target,
  targetId: mediaFilings.targetId,
  targetName: sql<string>`COALESCE(
    (SELECT w.name FROM media_websites w WHERE w.id = ${mediaFilings.targetId}),
    (SELECT a.name FROM media_accounts a WHERE a.id = ${mediaFilings.targetId}),
    ${mediaFilings.payload}->>'name', '')`,
  unitId: mediaFilings.unitId,
  unitName: unitNameSql(mediaFilings.unitId),
  payload: mediaFilings.payload,
  note: mediaFilings.note,
  scanFileId: mediaFilings.scanFileId,
  status: mediaFilings.status,
  reviewNote: mediaFilings.reviewNote,
  createdAt: mediaFilings.createdAt,
  reviewedAt: mediaFilings.reviewedAt,
};

/** The scan's file name from the platform's file store. */
async function withScans<T extends { scanFileId: string }>(db: DbOrTx, rows: T[]) {
  const names = await fileNames(
    db,
    rows.map((r) => r.scanFileId),
  );
  return rows.map(({ scanFileId, ...r }) => ({
    ...r,
    scan: { fileId: scanFileId, name: names.get(scanFileId) ?? '' },
  }));
}

export async function listFilings(
  db: DbOrTx,
  user: Scoped,
  q: { page: number; pageSize: number; status?: (typeof mediaFilings.status.enumValues)[number] | undefined },
) {
  const w = and(
    scopeFilter(user, mediaFilings.unitId),
    q.status ? eq(mediaFilings.status, q.status) : undefined,
  );
  const { rows, total } = await pageOf(db, mediaFilings, filingColumns, w, [desc(mediaFilings.createdAt)], q);
  return { items: await withScans(db, rows), total };
}

export async function filingRow(db: DbOrTx, id: string) {
  const rows = await db.select(filingColumns).from(mediaFilings).where(eq(mediaFilings.id, id));
  return (await withScans(db, rows))[0] ?? null;
}

export async function checksOf(db: DbOrTx, websiteId: string, limit = 20) {
  return db
    .select()
    .from(mediaSiteChecks)
    .where(eq(mediaSiteChecks.websiteId, websiteId))
    .orderBy(desc(mediaSiteChecks.checkedAt))
    .limit(limit);
}

export const rectificationsOf = (db: DbOrTx, websiteId: string) =>
  rowsOf(
    db,
    mediaRectifications,
    mediaRectifications.websiteId,
    websiteId,
    desc(mediaRectifications.openedAt),
  );
