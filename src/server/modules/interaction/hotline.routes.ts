// HTTP only: each contract of src/contracts/hotline.ts (来电登记, 舆情, 公开承诺) mounted on its use case.
import type { Hono } from 'hono';
import { hotlineApi as api } from '../../../contracts/hotline';
import { type AppEnv, actorOf, type Platform } from '../../platform/context';
import { route, zUuid } from '../../platform/http/route';
import { fileResponse, readUpload, XLSX_MIME } from '../../platform/http/upload';
import {
  addProgress,
  cancelCommitment,
  createCommitment,
  EVIDENCE_MAX_BYTES,
  getCommitment,
  listCommitments,
  readEvidence,
  uploadEvidence,
} from './commitments';
import { createCall, exportCalls, getCall, handOverCall, listCalls } from './hotline';
import { importCalls, previewCallImport } from './hotline-import';
import { actOnOpinion, createOpinion, listOpinions } from './opinion';

export function hotlineRoutes(app: Hono<AppEnv>, p: Platform): void {
  const { database, clock, fieldKeys, config } = p;
  const id = (v: string) => zUuid.parse(v);
  const upload = (c: Parameters<typeof readUpload>[0], max = config.maxUploadBytes) => readUpload(c, max);

  route(app, api.listCalls, ({ user, query }) => listCalls(database, fieldKeys, user, query));
  route(app, api.exportCalls, async ({ user, query }) =>
    fileResponse(await exportCalls(database, fieldKeys, user, query), '来电登记台账.xlsx', XLSX_MIME),
  );
  route(app, api.createCall, ({ c, user, body }) =>
    createCall(database, clock, fieldKeys, actorOf(user, c), user, body),
  );
  route(app, api.getCall, ({ c, user, params }) =>
    getCall(database, fieldKeys, actorOf(user, c), user, id(params.id)),
  );
  route(app, api.handOverCall, ({ c, user, params, body }) =>
    handOverCall(database, clock, fieldKeys, actorOf(user, c), user, id(params.id), body),
  );
  route(app, api.previewCallImport, async ({ c, user }) =>
    previewCallImport(database, clock, user, await upload(c)),
  );
  route(app, api.importCalls, async ({ c, user }) =>
    importCalls(database, clock, fieldKeys, actorOf(user, c), user, await upload(c)),
  );

  route(app, api.listOpinions, ({ user, query }) => listOpinions(database, clock, user, query));
  route(app, api.createOpinion, ({ c, user, body }) =>
    createOpinion(database, clock, actorOf(user, c), user, body),
  );
  route(app, api.actOpinion, ({ c, user, params, body }) =>
    actOnOpinion(database, clock, actorOf(user, c), user, id(params.id), body),
  );

  route(app, api.listCommitments, ({ user, query }) => listCommitments(database, clock, user, query));
  route(app, api.createCommitment, ({ c, user, body }) =>
    createCommitment(database, clock, actorOf(user, c), user, body),
  );
  route(app, api.getCommitment, ({ user, params }) => getCommitment(database, clock, user, id(params.id)));
  route(app, api.addProgress, ({ c, user, params, body }) =>
    addProgress(database, clock, actorOf(user, c), user, id(params.id), body),
  );
  route(app, api.cancelCommitment, ({ c, user, params, body }) =>
    cancelCommitment(database, clock, actorOf(user, c), user, id(params.id), body.reason),
  );
  route(app, api.uploadEvidence, async ({ c, user, params }) =>
    uploadEvidence(
      database,
      clock,
      actorOf(user, c),
      user,
      id(params.id),
      id(params.pid),
      await upload(c, Math.min(config.maxUploadBytes, EVIDENCE_MAX_BYTES)),
    ),
  );
  route(app, api.evidence, async ({ user, params }) => {
    const f = await readEvidence(database, user, id(params.id), id(params.fileId));
    return fileResponse(f.bytes, f.name, f.mime);
  });
}
