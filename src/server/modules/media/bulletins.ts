// 检查通报 (issue 12 part 5): the quarterly or half-yearly report of the website checks and 政务新媒体 抽查, as a
// .docx in 公文 layout (the shared pieces of platform/documents/gongwen.ts, the tasks 通报's 文号 and praise rules).
// Generated as a draft (the file is stored), then published on the portal (/xxgk/wzjc).
import { and, desc, eq, gte, lte, sql } from 'drizzle-orm';
import {
  type BulletinFigures,
  type BulletinPeriod,
  bulletinFigures,
  periodRange,
} from '../../../domain/media/bulletin';
import { bulletinDocNumber, bulletinIssuer } from '../../../domain/tasks/bulletin';
import type { Database, DbOrTx } from '../../db/client';
import {
  mediaAccounts,
  mediaBulletins,
  mediaSiteChecks,
  mediaSpotChecks,
  mediaWebsites,
} from '../../db/schema/media';
import { audit } from '../../platform/audit/audit';
import type { Actor } from '../../platform/context';
import { conflict, notFound } from '../../platform/errors';
import { readFile, storeFile } from '../../platform/files/service';
import { lockFound } from '../../platform/lock-found';
import { getSetting, putSetting } from '../../platform/settings';
import { unitNameSql } from '../org';
import { getTasksSettings } from '../tasks';
import { bulletinDocx, type ChannelLine } from './bulletin-docx';
import type { Scoped } from './media.repo';

const NEXT_NUMBER_KEY = 'media.bulletinNextNumber';

/** The table's order: by unit, then channel name, in Chinese collation. */
const byUnitAndName = (a: ChannelLine, b: ChannelLine) =>
  a.unitName.localeCompare(b.unitName, 'zh') || a.name.localeCompare(b.name, 'zh');

/** The latest check of each site whose as-of day falls in the period. */
async function siteResults(db: DbOrTx, from: string, to: string): Promise<ChannelLine[]> {
  const rows = await db
    .selectDistinctOn([mediaSiteChecks.websiteId], {
      unitName: unitNameSql(mediaWebsites.unitId),
      name: mediaWebsites.name,
      verdict: mediaSiteChecks.verdict,
      vetoes: mediaSiteChecks.vetoes,
      findings: mediaSiteChecks.findings,
      availability: mediaSiteChecks.availability,
      lastOn: mediaSiteChecks.asOf,
    })
    .from(mediaSiteChecks)
    .innerJoin(mediaWebsites, eq(mediaWebsites.id, mediaSiteChecks.websiteId))
    .where(and(gte(mediaSiteChecks.asOf, from), lte(mediaSiteChecks.asOf, to)))
    .orderBy(mediaSiteChecks.websiteId, desc(mediaSiteChecks.asOf), desc(mediaSiteChecks.checkedAt));
  return rows.sort(byUnitAndName);
}

/** The latest 抽查 of each account in the period. */
async function accountResults(db: DbOrTx, from: string, to: string): Promise<ChannelLine[]> {
  const rows = await db
    .selectDistinctOn([mediaSpotChecks.accountId], {
      unitName: unitNameSql(mediaAccounts.unitId),
      name: mediaAccounts.name,
      verdict: mediaSpotChecks.verdict,
      vetoes: mediaSpotChecks.vetoes,
      findings: sql<{ kind: string }[]>`'[]'::jsonb`,
      availability: sql<null>`null`,
      lastOn: mediaSpotChecks.checkedOn,
    })
    .from(mediaSpotChecks)
    .innerJoin(mediaAccounts, eq(mediaAccounts.id, mediaSpotChecks.accountId))
    .where(and(gte(mediaSpotChecks.checkedOn, from), lte(mediaSpotChecks.checkedOn, to)))
    .orderBy(mediaSpotChecks.accountId, desc(mediaSpotChecks.checkedOn), desc(mediaSpotChecks.createdAt));
  return rows.sort(byUnitAndName);
}

const bulletinColumns = {
  id: mediaBulletins.id,
  year: mediaBulletins.year,
  period: mediaBulletins.period,
  title: mediaBulletins.title,
  docNumber: mediaBulletins.docNumber,
  figures: mediaBulletins.figures,
  status: mediaBulletins.status,
  createdAt: mediaBulletins.createdAt,
  publishedAt: mediaBulletins.publishedAt,
};

export async function createBulletin(
  database: Database,
  actor: Actor,
  input: { year: number; period: BulletinPeriod; number?: number | undefined },
  today: string,
  districtName: string,
) {
  const range = periodRange(input.year, input.period);
  const { bulletinAgencyCode } = await getTasksSettings(database, districtName);
  return database.db.transaction(async (tx) => {
    const number = input.number ?? (await getSetting<number>(tx, NEXT_NUMBER_KEY)) ?? 1;
    const docNumber = bulletinDocNumber(bulletinAgencyCode, Number(today.slice(0, 4)), number);
    const sites = await siteResults(tx, range.from, range.to);
    const accounts = await accountResults(tx, range.from, range.to);
    const figures: BulletinFigures = bulletinFigures(sites, accounts);
    const title = `关于${range.label}政府网站和政务新媒体检查情况的通报`;
    const bytes = await bulletinDocx({
      title,
      periodLabel: range.label,
      issuer: bulletinIssuer(districtName),
      docNumber,
      today,
      figures,
      sites,
      accounts,
    });
    const file = await storeFile(
      tx,
      { name: `${title}.docx`, bytes, uploadedBy: actor.userId },
      { allowed: ['docx'], maxBytes: 20 * 1024 * 1024 },
    );
    const [row] = await tx
      .insert(mediaBulletins)
      .values({
        year: input.year,
        period: input.period,
        title,
        docNumber,
        figures,
        fileId: file.id,
        createdBy: actor.userId,
      })
      .returning(bulletinColumns);
    if (input.number === undefined) await putSetting(tx, NEXT_NUMBER_KEY, number + 1);
    await audit(tx, actor, {
      action: 'media.bulletin.create',
      objectType: 'media_bulletin',
      objectId: row!.id,
      detail: { title, docNumber },
    });
    return row!;
  });
}

export async function publishBulletin(database: Database, actor: Actor, id: string) {
  return database.db.transaction(async (tx) => {
    const b = await lockFound(tx, mediaBulletins, id, '检查通报');
    if (b.status === 'published') throw conflict('该通报已发布');
    const [row] = await tx
      .update(mediaBulletins)
      .set({ status: 'published', publishedAt: new Date() })
      .where(eq(mediaBulletins.id, id))
      .returning(bulletinColumns);
    await audit(tx, actor, {
      action: 'media.bulletin.publish',
      objectType: 'media_bulletin',
      objectId: id,
      detail: b.title,
    });
    return row!;
  });
}

/** A unit-scoped user sees the published 通报 only: a draft names every unit's results before release. */
const draftsVisible = (user: Scoped) => user.dataScope === 'all';

export const listBulletins = (db: DbOrTx, user: Scoped) =>
  db
    .select(bulletinColumns)
    .from(mediaBulletins)
    .where(draftsVisible(user) ? undefined : eq(mediaBulletins.status, 'published'))
    .orderBy(desc(mediaBulletins.createdAt));

export async function bulletinFile(db: DbOrTx, id: string, publishedOnly: boolean) {
  const [b] = await db
    .select({ fileId: mediaBulletins.fileId, title: mediaBulletins.title, status: mediaBulletins.status })
    .from(mediaBulletins)
    .where(eq(mediaBulletins.id, id));
  if (!b || (publishedOnly && b.status !== 'published')) throw notFound('检查通报');
  const f = await readFile(db, b.fileId);
  if (!f) throw notFound('检查通报文件');
  return { bytes: f.bytes, name: `${b.title}.docx` };
}

/** The portal's list: published 通报, newest first. */
export const publishedBulletins = (db: DbOrTx) =>
  db
    .select({
      id: mediaBulletins.id,
      title: mediaBulletins.title,
      docNumber: mediaBulletins.docNumber,
      publishedAt: mediaBulletins.publishedAt,
      figures: mediaBulletins.figures,
    })
    .from(mediaBulletins)
    .where(eq(mediaBulletins.status, 'published'))
    .orderBy(desc(mediaBulletins.publishedAt));
