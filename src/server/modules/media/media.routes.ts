// HTTP only: each contract of src/contracts/media.ts mounted on its use case.
import type { Hono } from 'hono';
import { mediaApi as api, annualReportApi as ar, newMediaApi as nm } from '../../../contracts/media';
import { chinaDate } from '../../../domain/calendar';
import { type AppEnv, actorOf, type Platform } from '../../platform/context';
import { invalid } from '../../platform/errors';
import { route } from '../../platform/http/route';
import { DOCX_MIME, fileResponse, readUpload, XLSX_MIME } from '../../platform/http/upload';
import { reportXlsx, summaryXlsx } from './annual-report-xlsx';
import {
  getReport,
  listReports,
  type ReportKey,
  reviewReport,
  saveManual,
  submitReport,
  yearReports,
} from './annual-reports';
import { AVAILABILITY_WINDOW_DAYS, availabilityOf } from './availability';
import { bulletinFile, createBulletin, listBulletins, publishBulletin } from './bulletins';
import { rectifyDue, runCheck, websiteInScope } from './checks';
import { mediaDashboard } from './dashboard';
import { reviewFiling, submitFiling, uploadScan } from './filings';
import { checksOf, listAccounts, listFilings, listWebsites, rectificationsOf } from './media.repo';
import { accountInScope, createPost, importPosts, listPosts, previewPostImport } from './posts';
import { RECTIFY_WORKING_DAYS } from './rectification';
import { importWebsites } from './registry';
import { createSpotCheck, listSpotChecks, readEvidence, uploadEvidence } from './spot-checks';

const UPLOAD_MAX = 20 * 1024 * 1024;

export function mediaRoutes(app: Hono<AppEnv>, p: Platform): void {
  const { database } = p;
  const db = database.db;
  route(app, api.websites, ({ user, query }) => listWebsites(db, user, query));
  route(app, api.accounts, ({ user, query }) => listAccounts(db, user, query));
  route(app, api.importWebsites, async ({ c, user }) => {
    const upload = await readUpload(c, UPLOAD_MAX);
    return { imported: await importWebsites(database, actorOf(user, c), upload.bytes) };
  });
  route(app, api.uploadScan, async ({ c, user }) =>
    uploadScan(database, actorOf(user, c), user, await readUpload(c, UPLOAD_MAX)),
  );
  route(app, api.filings, ({ user, query }) => listFilings(db, user, query));
  route(app, api.submitFiling, ({ c, user, body }) => submitFiling(database, actorOf(user, c), user, body));
  route(app, api.reviewFiling, ({ c, user, params, body }) =>
    reviewFiling(database, actorOf(user, c), params.id, body.decision, body.note),
  );
  route(app, api.checks, async ({ user, params }) => {
    await websiteInScope(database, user, params.id);
    return checksOf(db, params.id);
  });
  route(app, api.runCheck, async ({ c, user, params, body }) => {
    await websiteInScope(database, user, params.id);
    const now = p.clock.now();
    return runCheck(database, actorOf(user, c), params.id, {
      asOf: body.asOf ?? chinaDate(now),
      trigger: 'manual',
      settings: { allowPrivate: p.config.linkProbePrivate, maxPages: 300 },
      dueDate: await rectifyDue(database, now, RECTIFY_WORKING_DAYS),
      now,
    });
  });
  route(app, api.availability, async ({ user, params }) => {
    await websiteInScope(database, user, params.id);
    const now = p.clock.now();
    return { ...(await availabilityOf(db, params.id, now)), days: AVAILABILITY_WINDOW_DAYS };
  });
  route(app, api.rectifications, async ({ user, params }) => {
    await websiteInScope(database, user, params.id);
    return rectificationsOf(db, params.id);
  });
  newMediaRoutes(app, p);
  annualReportRoutes(app, p);
}

/** 政务新媒体 posts and 抽查, 检查通报, dashboards. */
function newMediaRoutes(app: Hono<AppEnv>, p: Platform): void {
  const { database, config } = p;
  const db = database.db;
  const today = () => chinaDate(p.clock.now());
  route(app, nm.posts, async ({ user, params, query }) => {
    await accountInScope(db, user, params.id);
    return listPosts(db, params.id, query);
  });
  route(app, nm.createPost, ({ c, user, params, body }) =>
    createPost(database, actorOf(user, c), user, params.id, body, today()),
  );
  route(app, nm.previewPostImport, async ({ c, user, params }) =>
    previewPostImport(database, user, params.id, (await readUpload(c, UPLOAD_MAX)).bytes, today()),
  );
  route(app, nm.importPosts, async ({ c, user, params }) =>
    importPosts(
      database,
      actorOf(user, c),
      user,
      params.id,
      (await readUpload(c, UPLOAD_MAX)).bytes,
      today(),
    ),
  );
  route(app, nm.uploadEvidence, async ({ c, user }) =>
    uploadEvidence(database, actorOf(user, c), await readUpload(c, UPLOAD_MAX)),
  );
  route(app, nm.evidence, async ({ user, params }) => {
    const f = await readEvidence(db, user, params.fileId);
    return fileResponse(f.bytes, f.name, f.mime);
  });
  route(app, nm.spotChecks, async ({ user, params }) => {
    await accountInScope(db, user, params.id);
    return listSpotChecks(db, params.id);
  });
  route(app, nm.createSpotCheck, ({ c, user, params, body }) =>
    createSpotCheck(database, actorOf(user, c), user, params.id, body, today()),
  );
  route(app, nm.bulletins, ({ user }) => listBulletins(db, user));
  route(app, nm.createBulletin, ({ c, user, body }) =>
    createBulletin(database, actorOf(user, c), body, today(), config.districtName),
  );
  route(app, nm.bulletinFile, async ({ user, params }) => {
    const f = await bulletinFile(db, params.id, user.dataScope !== 'all');
    return fileResponse(f.bytes, f.name, DOCX_MIME);
  });
  route(app, nm.publishBulletin, ({ c, user, params }) =>
    publishBulletin(database, actorOf(user, c), params.id),
  );
  route(app, nm.dashboard, ({ user, query }) => mediaDashboard(db, user, query, today()));
}

/** The year of a report's path: 2000–2100. */
function yearParam(raw: string): number {
  const y = Number(raw);
  if (!Number.isInteger(y) || y < 2000 || y > 2100) throw invalid('年份无效');
  return y;
}

/** The report a path names: /…/websites/:id/annual-reports/:year. */
const reportKey = (params: { id: string; year: string }): ReportKey => ({
  websiteId: params.id,
  year: yearParam(params.year),
});

/** 政府网站工作年度报表. */
function annualReportRoutes(app: Hono<AppEnv>, p: Platform): void {
  const { database } = p;
  const today = () => chinaDate(p.clock.now());
  route(app, ar.list, ({ user, query }) => listReports(database.db, user, query.year, today()));
  route(app, ar.summary, async ({ user, query }) =>
    fileResponse(
      await summaryXlsx(query.year, await yearReports(database, user, query.year, today())),
      `${query.year}年度政府网站工作年度报表汇总.xlsx`,
      XLSX_MIME,
    ),
  );
  route(app, ar.get, ({ user, params }) => getReport(database, user, reportKey(params), today()));
  route(app, ar.save, ({ c, user, params, body }) =>
    saveManual(database, actorOf(user, c), user, reportKey(params), body, today()),
  );
  route(app, ar.submit, ({ c, user, params }) =>
    submitReport(database, actorOf(user, c), user, reportKey(params), today()),
  );
  route(app, ar.return, ({ c, user, params, body }) =>
    reviewReport(database, actorOf(user, c), user, reportKey(params), today(), {
      kind: 'return',
      reason: body.reason,
    }),
  );
  route(app, ar.publish, ({ c, user, params }) =>
    reviewReport(database, actorOf(user, c), user, reportKey(params), today(), {
      kind: 'publish',
    }),
  );
  route(app, ar.export, async ({ user, params }) => {
    const r = await getReport(database, user, reportKey(params), today());
    return fileResponse(
      await reportXlsx(r),
      `${r.websiteName}${r.year}年度政府网站工作年度报表.xlsx`,
      XLSX_MIME,
    );
  });
}
