// HTTP only: each contract of src/contracts/tasks.ts mounted on its use case (import, ledger, progress, review,
// close-out, extensions, dashboard, exports).
import type { Context, Hono } from 'hono';
import { tasksApi } from '../../../contracts/tasks';
import { chinaDate } from '../../../domain/calendar';
import { type AppEnv, actorOf, type Platform, type SessionUser } from '../../platform/context';
import { pastedToBlocks, uploadToBlocks } from '../../platform/documents/text';
import { route, zUuid } from '../../platform/http/route';
import { DOCX_MIME, fileResponse, readUpload, XLSX_MIME } from '../../platform/http/upload';
import { getAssignment } from './assignment';
import { ATTACHMENT_MAX_BYTES, readAttachment, uploadAttachment } from './attachments';
import { carryOver, closeTask } from './carry-over';
import { decideExtension, listExtensions, requestExtension } from './extensions';
import { commitPlan, listPlans, previewImport } from './import.service';
import { listLedger } from './ledger.repo';
import {
  type AssignmentCall,
  closeOut,
  leadReview,
  reportProgress,
  returnAssignment,
  setDueDate,
} from './progress';
import { getTasksSettings, putTasksSettings, setPlanCadence } from './settings.service';
import { exportBulletin, exportLedger, planDashboard } from './supervision';
import { type BulkCall, bulkExtend, bulkRemind, listTaskLedger } from './task-ledger';

const ok = { ok: true } as const;

export function tasksRoutes(app: Hono<AppEnv>, p: Platform): void {
  const { database, clock, config } = p;
  const db = database.db;
  const today = () => chinaDate(clock.now());
  const id = (params: { id: string }) => zUuid.parse(params.id);
  /** The change of one assignment this request asks for: by its user, now. */
  const call = (c: Context<AppEnv>, user: SessionUser, params: { id: string }): AssignmentCall => ({
    database,
    actor: actorOf(user, c),
    v: user,
    id: id(params),
    now: clock.now(),
  });

  // The upload is read and parsed before any database work (no parsing inside a transaction).
  // A notice's text pasted from a browser (a page, a copied table): the same preview as a file.
  route(app, tasksApi.importPreviewText, async ({ body }) =>
    previewImport(db, config.districtName, pastedToBlocks(body.text), body),
  );
  route(app, tasksApi.importPreview, async ({ c, query }) =>
    previewImport(
      db,
      config.districtName,
      await uploadToBlocks(await readUpload(c, config.maxUploadBytes)),
      query,
    ),
  );
  route(app, tasksApi.importCommit, ({ c, user, body }) =>
    commitPlan(database, actorOf(user, c), body, config.districtName, {
      canCreateUnits: user.permissions.includes('org:unit:create'),
    }),
  );
  route(app, tasksApi.plans, () => listPlans(db));
  route(app, tasksApi.setCadence, ({ c, user, params, body }) =>
    setPlanCadence(database, actorOf(user, c), id(params), body.cadence),
  );
  route(app, tasksApi.getSettings, () => getTasksSettings(database, config.districtName));
  route(app, tasksApi.putSettings, ({ c, user, body }) => putTasksSettings(database, actorOf(user, c), body));

  route(app, tasksApi.ledger, ({ user, query }) => listLedger(db, user, query, today()));
  // The ledger by task: one page of tasks with their units; bulk 催办 and 延期 on selected units.
  const bulk = (c: Context<AppEnv>, user: SessionUser, ids: string[]): BulkCall => ({
    database,
    actor: actorOf(user, c),
    v: user,
    ids,
    now: clock.now(),
  });
  route(app, tasksApi.taskLedger, ({ user, query }) => listTaskLedger(db, user, query, today()));
  route(app, tasksApi.bulkRemind, ({ c, user, body }) => bulkRemind(bulk(c, user, body.ids), body.note));
  route(app, tasksApi.bulkExtend, ({ c, user, body }) =>
    bulkExtend(bulk(c, user, body.ids), body.newDueDate, body.reason),
  );
  route(app, tasksApi.carryOver, ({ c, user, params, body }) =>
    carryOver(
      database,
      actorOf(user, c),
      { sourcePlanId: id(params), targetPlanId: body.targetPlanId, dueDate: body.dueDate },
      clock.now(),
    ),
  );
  route(app, tasksApi.closeTask, async ({ c, user, params, query }) => {
    const taskId = id(params);
    await closeTask(
      database,
      actorOf(user, c),
      user,
      taskId,
      query.note,
      await readUpload(c, ATTACHMENT_MAX_BYTES),
      clock.now(),
    );
    return ok;
  });
  route(app, tasksApi.assignment, ({ user, params }) => getAssignment(db, user, id(params), today()));
  route(app, tasksApi.uploadAttachment, async ({ c, user }) =>
    uploadAttachment(database, actorOf(user, c), user, await readUpload(c, ATTACHMENT_MAX_BYTES)),
  );
  route(app, tasksApi.attachment, async ({ user, params }) => {
    const f = await readAttachment(db, user, id(params));
    return fileResponse(f.bytes, f.name, f.mime);
  });
  route(app, tasksApi.report, async ({ c, user, params, body }) => {
    await reportProgress(call(c, user, params), body);
    return ok;
  });
  route(app, tasksApi.review, async ({ c, user, params, body }) => {
    await leadReview(call(c, user, params), body.decision, body.note);
    return ok;
  });
  route(app, tasksApi.close, async ({ c, user, params }) => {
    await closeOut(call(c, user, params));
    return ok;
  });
  route(app, tasksApi.return, async ({ c, user, params, body }) => {
    await returnAssignment(call(c, user, params), body.reason);
    return ok;
  });
  route(app, tasksApi.setDue, async ({ c, user, params, body }) => {
    await setDueDate(call(c, user, params), body.dueDate);
    return ok;
  });
  route(app, tasksApi.requestExtension, async ({ c, user, params, body }) => {
    await requestExtension(call(c, user, params), body.newDueDate, body.reason);
    return ok;
  });
  route(app, tasksApi.extensions, ({ query }) => listExtensions(db, query.status));
  route(app, tasksApi.decideExtension, async ({ c, user, params, body }) => {
    await decideExtension(database, actorOf(user, c), id(params), body.decision, body.note, clock.now());
    return ok;
  });

  route(app, tasksApi.dashboard, ({ user, query }) => planDashboard(db, user, query.planId, today()));
  route(app, tasksApi.exportLedger, async ({ user, query }) => {
    const f = await exportLedger(db, user, query.planId, today());
    return fileResponse(f.bytes, f.name, XLSX_MIME);
  });
  route(app, tasksApi.bulletin, async ({ user, query }) => {
    const settings = await getTasksSettings(database, config.districtName);
    const f = await exportBulletin(db, user, query, today(), config.districtName, settings);
    return fileResponse(f.bytes, f.name, DOCX_MIME);
  });
}
