// HTTP only: the contracts of src/contracts/enforcement.ts (行政执法公示) mounted on their use cases.
import type { Hono } from 'hono';
import { enforcementApi as api } from '../../../contracts/enforcement';
import { type AppEnv, actorOf, type Platform } from '../../platform/context';
import { parseWith, route, zUuid } from '../../platform/http/route';
import { fileResponse, readUpload, XLSX_MIME } from '../../platform/http/upload';
import {
  createEnforcement,
  enforcementDays,
  enforcementSummary,
  exportEnforcement,
  importEnforcement,
  listEnforcement,
  previewEnforcementImport,
  publishEnforcement,
  putEnforcementDays,
  removeEnforcement,
  withdrawEnforcement,
} from './enforcement';

const MAX_SHEET_BYTES = 10 * 1024 * 1024;
const id = (v: string) => parseWith(zUuid, v);

export function enforcementRoutes(app: Hono<AppEnv>, p: Platform): void {
  route(app, api.list, ({ user, query }) => listEnforcement(p, user, query));
  route(app, api.summary, ({ user, query }) => enforcementSummary(p, user, query.year));
  route(app, api.settings, () => enforcementDays(p.database.db));
  route(app, api.putSettings, ({ c, user, body }) => putEnforcementDays(p, actorOf(user, c), body));
  route(app, api.export, async ({ user, query }) =>
    fileResponse(await exportEnforcement(p, user, query), '行政执法决定.xlsx', XLSX_MIME),
  );
  route(app, api.create, ({ c, user, body }) => createEnforcement(p, user, actorOf(user, c), body));
  route(app, api.remove, async ({ c, user, params }) => {
    await removeEnforcement(p, user, actorOf(user, c), id(params.id));
    return { ok: true } as const;
  });
  route(app, api.publish, ({ c, user, params }) =>
    publishEnforcement(p, user, actorOf(user, c), id(params.id)),
  );
  route(app, api.withdraw, ({ c, user, params, body }) =>
    withdrawEnforcement(p, user, actorOf(user, c), id(params.id), body.reason),
  );
  route(app, api.importPreview, async ({ c, user }) =>
    previewEnforcementImport(p, user, (await readUpload(c, MAX_SHEET_BYTES)).bytes),
  );
  route(app, api.importCommit, async ({ c, user }) =>
    importEnforcement(p, user, actorOf(user, c), (await readUpload(c, MAX_SHEET_BYTES)).bytes),
  );
}
