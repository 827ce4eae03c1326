// HTTP only: each contract of src/contracts/interaction.ts mounted on its use case.
import type { Context, Hono } from 'hono';
import { interactionApi as api } from '../../../contracts/interaction';
import { type AppEnv, actorOf, type Platform, type SessionUser } from '../../platform/context';
import { route, zUuid } from '../../platform/http/route';
import { fileResponse, readUpload, XLSX_MIME } from '../../platform/http/upload';
import { listUnits } from '../org';
import { exportConsultations, getConsultation, listConsultations } from './consult-reads';
import { actOnConsultation } from './handling';
import { hotlineRoutes } from './hotline.routes';
import { suggest } from './matching';
import { createQa, editQa, exportQa, listQa, reviewQa } from './qa-base';
import { importQa, previewQaImport } from './qa-import';
import { registerByStaff } from './registration';
import { consultStats } from './stats';

export function interactionRoutes(app: Hono<AppEnv>, p: Platform): void {
  const { database, clock, fieldKeys, config } = p;
  const id = (params: { id: string }) => zUuid.parse(params.id);
  const upload = (c: Parameters<typeof readUpload>[0]) => readUpload(c, config.maxUploadBytes);
  const detail = (c: Context<AppEnv>, user: SessionUser, cid: string) =>
    getConsultation(database, clock, fieldKeys, actorOf(user, c), user, cid);

  route(app, api.listConsultations, ({ user, query }) => listConsultations(database, clock, user, query));
  route(app, api.exportConsultations, async ({ user, query }) =>
    fileResponse(await exportConsultations(database, clock, user, query), '政策咨询登记台账.xlsx', XLSX_MIME),
  );
  route(app, api.registerConsultation, ({ c, user, body }) =>
    registerByStaff(database, clock, fieldKeys, actorOf(user, c), user, body),
  );
  route(app, api.consultStats, ({ user, query }) => consultStats(database, clock, user, query.year));
  route(app, api.getConsultation, ({ c, user, params }) => detail(c, user, id(params)));
  route(app, api.actConsultation, async ({ c, user, params, body }) => {
    await actOnConsultation(database, clock, actorOf(user, c), user, id(params), body);
    return getConsultation(database, clock, fieldKeys, actorOf(user, c), user, id(params), {
      handedOver: body.action === 'transfer',
    });
  });

  // A consultation may go to any unit of the district, not only those in the handler's scope.
  route(app, api.transferTargets, async () =>
    (await listUnits(database.db, ['government', 'department', 'township'])).map((u) => ({
      id: u.id,
      name: u.name,
    })),
  );
  route(app, api.listQa, ({ query }) => listQa(database, query));
  route(app, api.exportQa, async () => fileResponse(await exportQa(database), '问答库.xlsx', XLSX_MIME));
  route(app, api.matchQa, ({ query }) => suggest(database.db, query.q));
  route(app, api.previewQaImport, async ({ c }) => previewQaImport(database, await upload(c)));
  route(app, api.importQa, async ({ c, user }) =>
    importQa(database, actorOf(user, c), user.id, await upload(c)),
  );
  route(app, api.createQa, ({ c, user, body }) => createQa(database, actorOf(user, c), user, body));
  route(app, api.updateQa, ({ c, user, params, body }) =>
    editQa(database, actorOf(user, c), user, id(params), body),
  );
  route(app, api.reviewQa, ({ c, user, params, body }) =>
    reviewQa(database, actorOf(user, c), user, id(params), body),
  );
  hotlineRoutes(app, p);
}
