// HTTP only: each contract of src/contracts/interaction.ts mounted on its use case.
import type { Context, Hono } from 'hono';
import { interactionApi as api, mailboxApi } from '../../../contracts/interaction';
import { type AppEnv, actorOf, type Platform, type SessionUser } from '../../platform/context';
import { AppError } from '../../platform/errors';
import { route, zUuid } from '../../platform/http/route';
import { fileResponse, readUpload, XLSX_MIME } from '../../platform/http/upload';
import { listUnits } from '../org';
import { exportConsultations, getConsultation, listConsultations } from './consult-reads';
import { actOnConsultation, reviewConsultation } from './handling';
import { hotlineRoutes } from './hotline.routes';
import { getLetter, listLetters } from './letter-reads';
import { handleLetter, reviewLetter, setPublication } from './letters';
import { listMailboxes, updateMailboxSettings } from './mailbox';
import { suggest } from './matching';
import { interactionStats } from './monthly';
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

  route(app, api.listConsultations, ({ user, query }) =>
    listConsultations(database, clock, fieldKeys, user, query),
  );
  route(app, api.exportConsultations, async ({ user, query }) =>
    fileResponse(
      await exportConsultations(database, clock, fieldKeys, user, query),
      '政策咨询登记台账.xlsx',
      XLSX_MIME,
    ),
  );
  route(app, api.registerConsultation, ({ c, user, body }) =>
    registerByStaff(database, clock, fieldKeys, actorOf(user, c), user, body),
  );
  route(app, api.consultStats, ({ user, query }) => consultStats(database, clock, user, query.year));
  route(app, api.getConsultation, ({ c, user, params }) => detail(c, user, id(params)));
  route(app, api.actConsultation, async ({ c, user, params, body }) => {
    await actOnConsultation(database, clock, fieldKeys, actorOf(user, c), user, id(params), body);
    return getConsultation(database, clock, fieldKeys, actorOf(user, c), user, id(params), {
      handedOver: body.action === 'transfer',
    });
  });
  route(app, api.reviewConsultation, async ({ c, user, params, body }) => {
    await reviewConsultation(database, clock, actorOf(user, c), user, id(params), body);
    return detail(c, user, id(params));
  });

  // A consultation may go to any unit of the district, not only those in the handler's scope.
  route(app, api.transferTargets, async () =>
    (await listUnits(database.db, ['government', 'department', 'township'])).map((u) => ({
      id: u.id,
      name: u.name,
    })),
  );
  route(app, api.listQa, ({ query, user }) => listQa(database, user, query));
  route(app, api.exportQa, async ({ user }) =>
    fileResponse(await exportQa(database, user), '问答库.xlsx', XLSX_MIME),
  );
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

  mailboxRoutes(app, p);
}

/** 信箱: letters in the user's scope, their handling, review and publication, the mailboxes, the statistics. */
function mailboxRoutes(app: Hono<AppEnv>, p: Platform): void {
  const { database, clock, fieldKeys } = p;
  const id = (params: { id: string }) => zUuid.parse(params.id);
  const detail = (c: Context<AppEnv>, user: SessionUser, lid: string) =>
    getLetter(database, clock, fieldKeys, actorOf(user, c), user, lid);

  route(app, mailboxApi.listLetters, ({ user, query }) =>
    listLetters(database, clock, fieldKeys, user, query),
  );
  route(app, mailboxApi.letterStats, ({ user, query }) =>
    interactionStats(database.db, user, query.year, query.month),
  );
  route(app, mailboxApi.getLetter, ({ c, user, params }) => detail(c, user, id(params)));
  route(app, mailboxApi.handleLetter, async ({ c, user, params, body }) => {
    await handleLetter(database, clock, actorOf(user, c), user, id(params), body);
    // After a transfer out of the handler's scope the letter is no longer theirs to read.
    if (body.action === 'transfer') {
      try {
        return await detail(c, user, id(params));
      } catch (e) {
        if (e instanceof AppError && e.code === 'NOT_FOUND') return null;
        throw e;
      }
    }
    return detail(c, user, id(params));
  });
  route(app, mailboxApi.reviewLetter, async ({ c, user, params, body }) => {
    await reviewLetter(database, clock, actorOf(user, c), user, id(params), body);
    return detail(c, user, id(params));
  });
  route(app, mailboxApi.publishLetter, async ({ c, user, params, body }) => {
    await setPublication(database, clock, fieldKeys, actorOf(user, c), user, id(params), body.published);
    return detail(c, user, id(params));
  });
  route(app, mailboxApi.listMailboxes, () => listMailboxes(database));
  route(app, mailboxApi.updateMailbox, ({ c, user, params, body }) =>
    updateMailboxSettings(database, actorOf(user, c), id(params), body),
  );
}
