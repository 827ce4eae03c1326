// What the 考核评估 reads of website supervision (through this module's face): every check of the year of a
// unit's websites (met: verdict 合格), and its 政务新媒体 — every 抽查 of the year (met: 合格), and each running
// account not spot-checked that year judged from its post records on the year's last day (or `asOf` if earlier):
// met unless the 14-day no-update veto applies (MON-5; interaction can only be judged by a 抽查). The verdict of the
// account is its own: a unit's accounts are not merged.
import { and, eq, gte, inArray, lte, max } from 'drizzle-orm';
import type { AssessRecord } from '../../../domain/assessment/scoring';
import { chinaDate } from '../../../domain/calendar';
import { judgeAccount, NO_UPDATE_DAYS } from '../../../domain/media/newmedia';
import { MEDIA_PLATFORM_LABELS } from '../../../domain/media/registry';
import type { DbOrTx } from '../../db/client';
import { inYear } from '../../db/filters';
import {
  mediaAccounts,
  mediaPosts,
  mediaSiteChecks,
  mediaSpotChecks,
  mediaWebsites,
} from '../../db/schema/media';

export async function siteRecordsForYear(db: DbOrTx, year: number): Promise<AssessRecord[]> {
  const rows = await db
    .select({
      id: mediaSiteChecks.id,
      unitId: mediaWebsites.unitId,
      name: mediaWebsites.name,
      asOf: mediaSiteChecks.asOf,
      verdict: mediaSiteChecks.verdict,
      vetoes: mediaSiteChecks.vetoes,
    })
    .from(mediaSiteChecks)
    .innerJoin(mediaWebsites, eq(mediaWebsites.id, mediaSiteChecks.websiteId))
    .where(inYear(mediaSiteChecks.asOf, year))
    .orderBy(mediaSiteChecks.asOf);
  return rows.map((r) => ({
    id: r.id,
    unitId: r.unitId,
    label: `${r.name}（${r.asOf}检查）`,
    ok: r.verdict === '合格',
    detail: r.verdict === '合格' ? '合格' : `不合格：${r.vetoes.map((v) => v.detail).join('；')}`,
  }));
}

export async function newMediaRecordsForYear(
  db: DbOrTx,
  year: number,
  asOf: string,
): Promise<AssessRecord[]> {
  const from = `${year}-01-01`;
  const day = `${year}-12-31` < asOf ? `${year}-12-31` : asOf;
  if (day < from) return [];
  const checks = await db
    .select({
      id: mediaSpotChecks.id,
      accountId: mediaSpotChecks.accountId,
      unitId: mediaAccounts.unitId,
      name: mediaAccounts.name,
      platform: mediaAccounts.platform,
      on: mediaSpotChecks.checkedOn,
      verdict: mediaSpotChecks.verdict,
      vetoes: mediaSpotChecks.vetoes,
    })
    .from(mediaSpotChecks)
    .innerJoin(mediaAccounts, eq(mediaAccounts.id, mediaSpotChecks.accountId))
    .where(and(gte(mediaSpotChecks.checkedOn, from), lte(mediaSpotChecks.checkedOn, day)))
    .orderBy(mediaSpotChecks.checkedOn, mediaAccounts.name);
  const checked = new Set(checks.map((c) => c.accountId));
  const running = (
    await db
      .select({
        id: mediaAccounts.id,
        unitId: mediaAccounts.unitId,
        name: mediaAccounts.name,
        platform: mediaAccounts.platform,
        createdAt: mediaAccounts.createdAt,
      })
      .from(mediaAccounts)
      .where(eq(mediaAccounts.status, 'running'))
      .orderBy(mediaAccounts.name)
  ).filter((a) => !checked.has(a.id));
  const last = running.length
    ? await db
        .select({ accountId: mediaPosts.accountId, on: max(mediaPosts.publishedOn) })
        .from(mediaPosts)
        .where(
          and(
            inArray(
              mediaPosts.accountId,
              running.map((a) => a.id),
            ),
            lte(mediaPosts.publishedOn, day),
          ),
        )
        .groupBy(mediaPosts.accountId)
    : [];
  const lastOf = new Map(last.map((r) => [r.accountId, r.on ?? undefined]));
  // An account counts for the year when it was registered by its last day or has a post by then (an account
  // registered later with its older posts imported existed then too).
  const counted = running.filter((a) => chinaDate(a.createdAt) <= day || lastOf.has(a.id));
  const name = (a: { name: string; platform: keyof typeof MEDIA_PLATFORM_LABELS }) =>
    `${MEDIA_PLATFORM_LABELS[a.platform]}“${a.name}”`;
  return [
    ...checks.map((c) => ({
      id: c.id,
      unitId: c.unitId,
      label: `${name(c)}（${c.on}抽查）`,
      ok: c.verdict === '合格',
      detail: c.verdict === '合格' ? '抽查合格' : `抽查不合格：${c.vetoes.map((v) => v.detail).join('；')}`,
    })),
    ...counted.map((a) => {
      const posted = lastOf.get(a.id);
      const j = judgeAccount({ postDates: posted ? [posted] : [], asOf: day, interactionWorks: true });
      return {
        id: a.id,
        unitId: a.unitId,
        label: `${name(a)}（未抽查，按${day}前${NO_UPDATE_DAYS}天发布记录）`,
        ok: j.verdict === '合格',
        detail:
          j.verdict === '合格' ? `最近一次发布于${j.lastPost}` : j.vetoes.map((v) => v.detail).join('；'),
      };
    }),
  ];
}
