// HTTP only: each contract of src/contracts/disclosure.ts mounted on its use case. Session, permission and input
// validation are the route helper's; unit scope is checked here or in the use case; audit rows are written in the
// use case's transaction.
import type { Hono } from 'hono';
import { disclosureApi, disclosureWorkflowApi } from '../../../contracts/disclosure';
import { type AppEnv, actorOf, type Platform } from '../../platform/context';
import { forbidden } from '../../platform/errors';
import { parseWith, route, zUuid } from '../../platform/http/route';
import { fileResponse, readUpload, XLSX_MIME } from '../../platform/http/upload';
import { assertUnitInScope } from '../org';
import { addAttachment, attachmentFile, MAX_ATTACHMENT_BYTES, removeAttachment } from './attachments';
import { createColumn, deleteColumn, listColumns, resolvePath, taskPaths, updateColumn } from './catalog';
import { correctItem, createItem, updateItem } from './drafting';
import { maskItem, overrideFinding } from './masking';
import { exportPiaRecords, listPiaRecords } from './pia';
import { itemDetail, listItems } from './reads';
import { searchItems } from './search';
import {
  getDisclosureSettings,
  putDisclosureSettings,
  putUnitGuide,
  putUnitSettings,
  reviewLevelsOf,
  unitGuideOf,
} from './settings';
import { normativeDocumentCounts, statistics } from './stats';
import { act, type WorkflowAction } from './workflow';

/** A path parameter that must be a uuid (400 otherwise). */
const uuid = (value: string) => parseWith(zUuid, value);
const ok = { ok: true } as const;

export function disclosureRoutes(app: Hono<AppEnv>, p: Platform): void {
  const { database } = p;
  const api = disclosureApi;

  /** The unit of a /units/:unitId route, once it is known to be in the user's scope. */
  const scopedUnit = async (user: Parameters<typeof assertUnitInScope>[1], unitId: string) => {
    const id = uuid(unitId);
    await assertUnitInScope(database.db, user, id);
    return id;
  };

  // ---- catalog ----
  route(app, api.listColumns, ({ query }) => listColumns(database, query.unitId));
  route(app, api.taskPaths, ({ query }) => taskPaths(database, query.unitId));
  route(app, api.createColumn, ({ c, user, body }) => createColumn(database, actorOf(user, c), body));
  route(app, api.updateColumn, async ({ c, user, body, params }) => {
    await updateColumn(database, actorOf(user, c), uuid(params.id), body);
    return ok;
  });
  route(app, api.deleteColumn, async ({ c, user, params }) => {
    await deleteColumn(database, actorOf(user, c), uuid(params.id));
    return ok;
  });
  route(app, api.resolvePath, ({ c, user, body }) => {
    if (body.create && !user.permissions.includes('disclosure:catalog:update'))
      throw forbidden('没有维护公开目录的权限，不能创建栏目');
    return resolvePath(database, actorOf(user, c), body.path, body.create ?? false, body.unitId);
  });

  // ---- settings and 指南 ----
  route(app, api.getSettings, async ({ user }) => ({
    ...(await getDisclosureSettings(database)),
    reviewLevels: await reviewLevelsOf(database.db, user.unitId),
  }));
  route(app, api.putSettings, ({ c, user, body }) => putDisclosureSettings(database, actorOf(user, c), body));
  route(app, api.getUnitSettings, async ({ user, params }) => ({
    reviewLevels: await reviewLevelsOf(database.db, await scopedUnit(user, params.unitId)),
  }));
  route(app, api.putUnitSettings, async ({ c, user, body, params }) => {
    await putUnitSettings(database, actorOf(user, c), await scopedUnit(user, params.unitId), body);
    return ok;
  });
  route(app, api.getUnitGuide, async ({ user, params }) => ({
    guide: await unitGuideOf(database.db, await scopedUnit(user, params.unitId)),
  }));
  route(app, api.putUnitGuide, async ({ c, user, body, params }) => {
    await putUnitGuide(database, actorOf(user, c), await scopedUnit(user, params.unitId), body.guide);
    return ok;
  });

  // ---- items ----
  route(app, api.listItems, ({ user, query }) => listItems(p, user, query));
  route(app, api.createItem, ({ c, user, body }) => createItem(p, user, actorOf(user, c), body));
  route(app, api.getItem, ({ user, params }) => itemDetail(p, user, uuid(params.id)));
  route(app, api.updateItem, async ({ c, user, body, params }) => {
    await updateItem(p, user, actorOf(user, c), uuid(params.id), body);
    return itemDetail(p, user, params.id);
  });
  route(app, api.addAttachment, async ({ c, user, params }) => {
    const id = uuid(params.id);
    const up = await readUpload(c, Math.min(p.config.maxUploadBytes, MAX_ATTACHMENT_BYTES));
    return addAttachment(p, user, actorOf(user, c), id, up);
  });
  route(app, api.removeAttachment, async ({ c, user, params }) => {
    await removeAttachment(p, user, actorOf(user, c), uuid(params.id), uuid(params.attId));
    return ok;
  });
  route(app, api.downloadAttachment, async ({ user, params }) => {
    const f = await attachmentFile(database.db, uuid(params.attId), user);
    return fileResponse(f.bytes, f.name, f.mime);
  });
  route(app, api.mask, ({ c, user, body, params }) =>
    maskItem(p, user, actorOf(user, c), uuid(params.id), body.keys),
  );
  route(app, api.override, ({ c, user, body, params }) =>
    overrideFinding(p, user, actorOf(user, c), uuid(params.id), body),
  );
  route(app, api.piaRecords, ({ user, query }) => listPiaRecords(database.db, user, query));
  route(app, api.exportPiaRecords, async ({ user, query }) =>
    fileResponse(
      await exportPiaRecords(database.db, user, query),
      '个人信息保护影响评估记录.xlsx',
      XLSX_MIME,
    ),
  );
  // The review actions: one handler, the action named by the contract (withdraw's text is its reason).
  for (const [action, e] of Object.entries(disclosureWorkflowApi) as [
    WorkflowAction,
    (typeof disclosureWorkflowApi)[WorkflowAction],
  ][])
    route(app, e, ({ c, user, body, params }) =>
      act(p, user, actorOf(user, c), uuid(params.id), action, 'reason' in body ? body.reason : body.comment),
    );
  route(app, api.correct, ({ c, user, params }) => correctItem(p, user, actorOf(user, c), uuid(params.id)));

  // ---- statistics and search ----
  route(app, api.stats, ({ user, query }) => statistics(p, user, query.year));
  route(app, api.normativeCounts, ({ query }) =>
    normativeDocumentCounts(database.db, query.year, query.unitId),
  );
  route(app, api.search, ({ query }) =>
    searchItems(database, p.config.districtName, query.q, query, p.clock.now()),
  );
}
