// HTTP only: each contract of src/contracts/media.ts mounted on its use case.
import type { Hono } from 'hono';
import { mediaApi as api } from '../../../contracts/media';
import { chinaDate } from '../../../domain/calendar';
import { type AppEnv, actorOf, type Platform } from '../../platform/context';
import { route } from '../../platform/http/route';
import { readUpload } from '../../platform/http/upload';
import { rectifyDue, runCheck, websiteInScope } from './checks';
import { reviewFiling, submitFiling, uploadScan } from './filings';
import { checksOf, listAccounts, listFilings, listWebsites, rectificationsOf } from './media.repo';
import { RECTIFY_WORKING_DAYS } from './rectification';
import { importWebsites } from './registry';

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
    });
  });
  route(app, api.rectifications, async ({ user, params }) => {
    await websiteInScope(database, user, params.id);
    return rectificationsOf(db, params.id);
  });
}
