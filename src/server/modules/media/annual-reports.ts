// 政府网站工作年度报表 (issue 12 part 1): one report a registered website and year, due 1月31日 of the next year.
// The platform computes what it can through the other modules' faces (scope: a 政府门户网站 — a site of the
// district government — the whole district; any other site its 主办单位's unit), each value with its source; the
// 主办单位's liaison fills the rest and may override a computed value (both kept, the hand-filled one used), then
// submits: the computed figures are frozen. The office returns a report with a reason (back to a draft, computed
// live again) or publishes it on the portal (/xxgk/wzndbb). A published report is final: re-opening it is refused.
import { and, count, desc, eq, isNotNull, ne, or, sql } from 'drizzle-orm';
import {
  type AccountLine,
  type ComputedValue,
  crossCheck,
  type ManualValues,
  parseManual,
  REPORT_FIELDS,
  type ReportSnapshot,
  type ReportStatus,
  reportDue,
  reportOverdue,
  usedValues,
} from '../../../domain/media/annual-report';
import { MEDIA_PLATFORM_LABELS } from '../../../domain/media/registry';
import { classifyColumn } from '../../../domain/media/rules';
import type { Database, DbOrTx } from '../../db/client';
import { inYear } from '../../db/filters';
import { lockAndLoad } from '../../db/lock';
import {
  mediaAccounts,
  mediaAnnualReports,
  mediaPosts,
  mediaRectifications,
  mediaWebsites,
} from '../../db/schema/media';
import { audit } from '../../platform/audit/audit';
import type { Actor } from '../../platform/context';
import { conflict, invalid, notFound } from '../../platform/errors';
import { disclosureYearFigures } from '../disclosure';
import { interactionYearFigures } from '../interaction';
import { getUnit, scopeFilter, unitNameSql, unitSortSql } from '../org';
import { websiteInScope } from './checks';
import type { Scoped, WebsiteRecord } from './media.repo';

type ReportRow = typeof mediaAnnualReports.$inferSelect;

/** Which report: a website's, of a year. */
export type ReportKey = { websiteId: string; year: number };

/** Computed from the register and the year's records (read through the faces), as of `asOf` (China date). */
export async function computeFigures(
  db: DbOrTx,
  site: WebsiteRecord,
  year: number,
  asOf: string,
): Promise<ReportSnapshot> {
  const unit = await getUnit(db, site.unitId);
  const portal = unit?.kind === 'government';
  const scope = portal ? null : [site.unitId];
  const where = portal ? '全区' : '本单位';
  const values: Record<string, ComputedValue> = {};
  const put = (key: string, value: number | boolean | string | null | undefined, source: string) => {
    if (value === null || value === undefined || value === '') return;
    values[key] = { value, source };
  };
  const register = '登记册';
  put('siteName', site.name, register);
  put('siteUrl', site.url, register);
  put('sponsor', site.sponsor || unit?.name, register);
  put('siteType', portal ? '政府门户网站' : '部门网站', '登记册：主办单位为区人民政府的为政府门户网站');
  put('siteCode', site.siteCode, register);
  put('icp', site.icp, register);
  put('psb', site.psb, register);
  put('fillerUnit', site.sponsor || unit?.name, register);

  const d = await disclosureYearFigures(db, year, scope);
  const published = d.byColumn.reduce((a, r) => a + r.count, 0);
  const news = d.byColumn
    .filter((r) => classifyColumn(r.column) === 'dynamic')
    .reduce((a, r) => a + r.count, 0);
  put('publishTotal', published, `平台数据：${where}已发布信息`);
  put('publishCatalog', published, `平台数据：${where}信息公开目录已发布信息`);
  put('publishNews', news, `平台数据：${where}动态类栏目（栏目名称规则）已发布信息`);
  put('interpretTotal', d.interpretations.total, `平台数据：${where}已发布政策解读`);
  put('interpretMaterials', d.interpretations.materials, `平台数据：${where}文字解读`);
  put('interpretProducts', d.interpretations.products, `平台数据：${where}图解、视频、问答解读`);
  put('surveys', d.surveys.opened, `平台数据：${where}重大行政决策公开征求意见`);
  put('surveyOpinions', d.surveys.comments, `平台数据：${where}征求意见收到的意见`);
  put('surveyResults', d.surveys.results, `平台数据：${where}公布意见采纳情况`);
  put('interviews', d.interviews, `平台数据：${where}在线访谈登记`);

  const x = await interactionYearFigures(db, year, scope);
  put('hotResponses', x.opinionResponses, `平台数据：${where}舆情台账（已回应）`);
  put('lettersReceived', x.letters.received, `平台数据：${where}信箱收到来信`);
  put('lettersClosed', x.letters.replied, `平台数据：${where}信箱来信已答复`);
  put('lettersAvgDays', x.letters.avgDays, `平台数据：${where}信箱来信收信至答复的平均自然日`);
  put('lettersPublic', x.letters.published, `平台数据：${where}信箱来信已公开`);

  const r = mediaRectifications;
  const [found] = await db
    .select({
      n: count(),
      fixed: sql<number>`count(*) FILTER (WHERE ${r.status} = 'closed')::int`,
    })
    .from(r)
    .where(
      and(
        eq(r.websiteId, site.id),
        sql`(${r.openedAt} AT TIME ZONE 'Asia/Shanghai')::date BETWEEN ${`${year}-01-01`}::date AND ${`${year}-12-31`}::date`,
      ),
    );
  put('securityFound', found?.n ?? 0, '平台数据：本网站检查发现并下发的整改事项');
  put('securityFixed', found?.fixed ?? 0, '平台数据：其中已整改（复查通过）');

  const accounts = await accountLines(db, site.unitId, year);
  put('hasNewMedia', accounts.length > 0, '政务新媒体登记册：同一主办单位的账号');
  return { values, accounts, asOf };
}

/** The 主办单位's 政务新媒体 (not 注销) with their post records of the year. */
async function accountLines(db: DbOrTx, unitId: string, year: number): Promise<AccountLine[]> {
  const rows = await db
    .select({
      accountId: mediaAccounts.id,
      platform: mediaAccounts.platform,
      name: mediaAccounts.name,
      posts: count(mediaPosts.id),
    })
    .from(mediaAccounts)
    .leftJoin(
      mediaPosts,
      and(eq(mediaPosts.accountId, mediaAccounts.id), inYear(mediaPosts.publishedOn, year)),
    )
    .where(and(eq(mediaAccounts.unitId, unitId), ne(mediaAccounts.status, 'cancelled')))
    .groupBy(mediaAccounts.id)
    .orderBy(mediaAccounts.platform, mediaAccounts.name);
  return rows.map((a) => ({ ...a, platform: MEDIA_PLATFORM_LABELS[a.platform] }));
}

async function reportOf(db: DbOrTx, websiteId: string, year: number): Promise<ReportRow | null> {
  const [row] = await db
    .select()
    .from(mediaAnnualReports)
    .where(and(eq(mediaAnnualReports.websiteId, websiteId), eq(mediaAnnualReports.year, year)));
  return row ?? null;
}

const EMPTY: ManualValues = { values: {}, followers: {} };

/** One report as the console and the export show it: every field with its computed, hand-filled and used value. */
export function reportView(
  site: WebsiteRecord & { unitName: string },
  year: number,
  row: ReportRow | null,
  snapshot: ReportSnapshot,
  today: string,
) {
  const manual = row?.manual ?? EMPTY;
  const used = usedValues(snapshot.values, manual.values);
  const status: ReportStatus | null = row?.status ?? null;
  return {
    id: row?.id ?? null,
    websiteId: site.id,
    websiteName: site.name,
    unitId: site.unitId,
    unitName: site.unitName,
    year,
    due: reportDue(year),
    status: status ?? ('none' as const),
    overdue: reportOverdue(year, status, today),
    returnReason: row?.returnReason ?? '',
    submittedAt: row?.submittedAt?.toISOString() ?? null,
    publishedAt: row?.publishedAt?.toISOString() ?? null,
    computedAsOf: snapshot.asOf,
    frozen: row?.computed != null,
    fields: REPORT_FIELDS.map((f) => ({
      key: f.key,
      group: f.group,
      label: f.label,
      unit: f.unit ?? '',
      kind: f.kind,
      sub: f.sub === true,
      computable: f.computed === true,
      computed: snapshot.values[f.key] ?? null,
      manual: manual.values[f.key] ?? null,
      value: used[f.key] ?? null,
    })),
    accounts: snapshot.accounts.map((a) => ({ ...a, followers: manual.followers[a.accountId] ?? null })),
    issues: crossCheck(used),
  };
}
export type ReportView = ReturnType<typeof reportView>;

async function siteWithUnit(db: DbOrTx, id: string) {
  const [row] = await db
    .select({ unitName: unitNameSql(mediaWebsites.unitId) })
    .from(mediaWebsites)
    .where(eq(mediaWebsites.id, id));
  return row?.unitName ?? '';
}

/** The report of a site in the user's scope (a foreign unit's site is the same 404 as a missing one). */
export async function getReport(
  database: Database,
  user: Scoped,
  { websiteId, year }: ReportKey,
  today: string,
) {
  const site = await websiteInScope(database, user, websiteId);
  const db = database.db;
  const row = await reportOf(db, websiteId, year);
  const snapshot = row?.computed ?? (await computeFigures(db, site, year, today));
  return reportView({ ...site, unitName: await siteWithUnit(db, websiteId) }, year, row, snapshot, today);
}

/** Every registered site (not 注销, or with a report of the year) in scope, with its report's state. */
export async function listReports(db: DbOrTx, user: Scoped, year: number, today: string) {
  const rows = await db
    .select({
      websiteId: mediaWebsites.id,
      websiteName: mediaWebsites.name,
      url: mediaWebsites.url,
      unitId: mediaWebsites.unitId,
      unitName: unitNameSql(mediaWebsites.unitId),
      id: mediaAnnualReports.id,
      status: mediaAnnualReports.status,
      returnReason: mediaAnnualReports.returnReason,
      submittedAt: mediaAnnualReports.submittedAt,
      publishedAt: mediaAnnualReports.publishedAt,
    })
    .from(mediaWebsites)
    .leftJoin(
      mediaAnnualReports,
      and(eq(mediaAnnualReports.websiteId, mediaWebsites.id), eq(mediaAnnualReports.year, year)),
    )
    .where(
      and(
        scopeFilter(user, mediaWebsites.unitId),
        or(ne(mediaWebsites.status, 'cancelled'), isNotNull(mediaAnnualReports.id)),
      ),
    )
    .orderBy(unitSortSql(mediaWebsites.unitId), mediaWebsites.name);
  return rows.map((r) => ({
    ...r,
    year,
    due: reportDue(year),
    status: r.status ?? ('none' as const),
    overdue: reportOverdue(year, r.status, today),
    returnReason: r.returnReason ?? '',
    submittedAt: r.submittedAt?.toISOString() ?? null,
    publishedAt: r.publishedAt?.toISOString() ?? null,
  }));
}

const editable = (row: ReportRow | null) => {
  if (row?.status === 'published') throw conflict('已发布的年度报表不能修改');
  if (row?.status === 'submitted') throw conflict('年度报表已提交，待政务公开办审核；如需修改请先退回');
};

const issuesMessage = (issues: { message: string }[]) => issues.map((i) => i.message).join('；');

/** Locks the site's report of the year, creating an empty draft first when there is none. */
async function lockReport(tx: DbOrTx, websiteId: string, year: number): Promise<ReportRow> {
  await tx
    .insert(mediaAnnualReports)
    .values({ websiteId, year })
    .onConflictDoNothing({ target: [mediaAnnualReports.websiteId, mediaAnnualReports.year] });
  const row = await reportOf(tx, websiteId, year);
  const locked = row ? await lockAndLoad(tx, mediaAnnualReports, row.id) : null;
  if (!locked) throw notFound('年度报表');
  return locked;
}

/** Writes a change of the locked report and its audit record, in the caller's transaction. */
async function writeReport(
  tx: DbOrTx,
  actor: Actor,
  row: ReportRow,
  change: Partial<typeof mediaAnnualReports.$inferInsert>,
  action: string,
  detail: Record<string, unknown>,
) {
  await tx.update(mediaAnnualReports).set(change).where(eq(mediaAnnualReports.id, row.id));
  await audit(tx, actor, { action, objectType: 'media_annual_report', objectId: row.id, detail });
}

export async function saveManual(
  database: Database,
  actor: Actor,
  user: Scoped,
  { websiteId, year }: ReportKey,
  input: { values: Record<string, unknown>; followers: Record<string, unknown> },
  today: string,
) {
  const site = await websiteInScope(database, user, websiteId);
  const parsed = parseManual(input);
  if (parsed.issues.length) throw invalid(issuesMessage(parsed.issues), parsed.issues);
  editable(await reportOf(database.db, websiteId, year));
  const snapshot = await computeFigures(database.db, site, year, today);
  const known = new Set(snapshot.accounts.map((a) => a.accountId));
  const stray = Object.keys(parsed.manual.followers).filter((id) => !known.has(id));
  if (stray.length) throw invalid('关注量对应的政务新媒体账号不属于该网站的主办单位');
  const issues = crossCheck(usedValues(snapshot.values, parsed.manual.values));
  if (issues.length) throw invalid(issuesMessage(issues), issues);
  await database.db.transaction(async (tx) => {
    const row = await lockReport(tx, websiteId, year);
    editable(row);
    await writeReport(
      tx,
      actor,
      row,
      { manual: parsed.manual, updatedBy: actor.userId, updatedAt: new Date() },
      'media.annualReport.save',
      { website: site.name, year, fields: Object.keys(parsed.manual.values).length },
    );
  });
  return getReport(database, user, { websiteId, year }, today);
}

export async function submitReport(
  database: Database,
  actor: Actor,
  user: Scoped,
  { websiteId, year }: ReportKey,
  today: string,
) {
  const site = await websiteInScope(database, user, websiteId);
  editable(await reportOf(database.db, websiteId, year));
  const snapshot = await computeFigures(database.db, site, year, today);
  await database.db.transaction(async (tx) => {
    const row = await lockReport(tx, websiteId, year);
    editable(row);
    const issues = crossCheck(usedValues(snapshot.values, row.manual.values));
    if (issues.length) throw invalid(`不能提交：${issuesMessage(issues)}`, issues);
    const now = new Date();
    await writeReport(
      tx,
      actor,
      row,
      {
        status: 'submitted',
        computed: snapshot,
        returnReason: '',
        submittedBy: actor.userId,
        submittedAt: now,
        updatedAt: now,
      },
      'media.annualReport.submit',
      { website: site.name, year },
    );
  });
  return getReport(database, user, { websiteId, year }, today);
}

/** The office returns a submitted report with a reason (a draft again) or publishes it (final). */
export async function reviewReport(
  database: Database,
  actor: Actor,
  user: Scoped,
  { websiteId, year }: ReportKey,
  today: string,
  decision: { kind: 'return'; reason: string } | { kind: 'publish' },
) {
  const site = await websiteInScope(database, user, websiteId);
  await database.db.transaction(async (tx) => {
    const found = await reportOf(tx, websiteId, year);
    const row = found ? await lockAndLoad(tx, mediaAnnualReports, found.id) : null;
    if (!row) throw conflict('该网站尚未提交年度报表');
    if (row.status === 'published') throw conflict('年度报表已发布，不能退回或重新发布');
    if (row.status !== 'submitted') throw conflict('该网站尚未提交年度报表');
    const now = new Date();
    if (decision.kind === 'return')
      await writeReport(
        tx,
        actor,
        row,
        { status: 'draft', computed: null, returnReason: decision.reason, updatedAt: now },
        'media.annualReport.return',
        { website: site.name, year, reason: decision.reason },
      );
    else
      await writeReport(
        tx,
        actor,
        row,
        { status: 'published', publishedBy: actor.userId, publishedAt: now, updatedAt: now },
        'media.annualReport.publish',
        { website: site.name, year },
      );
  });
  return getReport(database, user, { websiteId, year }, today);
}

/** Every report of the year in scope, full (the summary export). */
export async function yearReports(database: Database, user: Scoped, year: number, today: string) {
  const list = await listReports(database.db, user, year, today);
  const out: ReportView[] = [];
  for (const r of list) out.push(await getReport(database, user, { websiteId: r.websiteId, year }, today));
  return out;
}

// ---- the portal's reads ----

/** Published reports, newest year first. */
export const publishedReports = (db: DbOrTx) =>
  db
    .select({
      id: mediaAnnualReports.id,
      year: mediaAnnualReports.year,
      websiteName: mediaWebsites.name,
      url: mediaWebsites.url,
      unitName: unitNameSql(mediaWebsites.unitId),
      publishedAt: mediaAnnualReports.publishedAt,
    })
    .from(mediaAnnualReports)
    .innerJoin(mediaWebsites, eq(mediaWebsites.id, mediaAnnualReports.websiteId))
    .where(eq(mediaAnnualReports.status, 'published'))
    .orderBy(desc(mediaAnnualReports.year), unitSortSql(mediaWebsites.unitId), mediaWebsites.name);

/** One published report (its frozen figures and the hand-filled values), or null. */
export async function publishedReport(db: DbOrTx, id: string, today: string): Promise<ReportView | null> {
  const [row] = await db
    .select()
    .from(mediaAnnualReports)
    .where(and(eq(mediaAnnualReports.id, id), eq(mediaAnnualReports.status, 'published')));
  if (!row?.computed) return null;
  const [site] = await db.select().from(mediaWebsites).where(eq(mediaWebsites.id, row.websiteId));
  if (!site) return null;
  return reportView(
    { ...site, unitName: await siteWithUnit(db, site.id) },
    row.year,
    row,
    row.computed,
    today,
  );
}
