// HTTP only: each contract of src/contracts/requests.ts mounted on its use case.
import type { Hono } from 'hono';
import { requestsApi as api } from '../../../contracts/requests';
import type { FeeMethod } from '../../../domain/requests/fees';
import { type AppEnv, actorOf, type Platform } from '../../platform/context';
import { route, zUuid } from '../../platform/http/route';
import { DOCX_MIME, fileResponse } from '../../platform/http/upload';
import { requestKeyOf } from '../../platform/idempotency';
import type { CaseAction } from './action-context';
import { applyAction } from './actions';
import { decideExtension } from './extension';
import { generateLetter, idProofFile, letterFile } from './letters';
import { makeProactive } from './proactive';
import { getCase, listCases } from './reads';
import { registerByStaff, type StaffIntakeInput } from './registration';
import { addRemedy } from './remedies';
import { stats } from './stats';

export function requestsRoutes(app: Hono<AppEnv>, p: Platform): void {
  const { database, clock, fieldKeys } = p;
  const caseId = (params: { id: string }) => zUuid.parse(params.id);

  route(app, api.listCases, ({ user, query }) => listCases(database, clock, user, query));
  route(app, api.registerCase, ({ c, user, body }) =>
    registerByStaff(
      database,
      clock,
      fieldKeys,
      actorOf(user, c),
      user,
      body as StaffIntakeInput,
      requestKeyOf(c.req.header('idempotency-key')),
    ),
  );
  route(app, api.stats, ({ user, query }) => stats(database, clock, user, query.year));
  route(app, api.getCase, ({ c, user, params }) =>
    getCase(database, clock, fieldKeys, actorOf(user, c), user, caseId(params)),
  );
  route(app, api.act, async ({ c, user, params, body }) => {
    const id = caseId(params);
    await applyAction(
      database,
      clock,
      actorOf(user, c),
      user,
      id,
      body as CaseAction & { method?: FeeMethod },
    );
    return getCase(database, clock, fieldKeys, actorOf(user, c), user, id);
  });
  route(app, api.decideExtension, async ({ c, user, params, body }) => {
    const id = caseId(params);
    await decideExtension(database, clock, actorOf(user, c), user, id, body);
    return getCase(database, clock, fieldKeys, actorOf(user, c), user, id);
  });
  route(app, api.generateLetter, ({ c, user, params, body }) =>
    generateLetter(database, clock, actorOf(user, c), user, caseId(params), body.kind, body.date),
  );
  route(app, api.downloadLetter, async ({ user, params }) => {
    const f = await letterFile(database, user, zUuid.parse(params.id));
    return fileResponse(f.bytes, f.name, DOCX_MIME);
  });
  route(app, api.idProof, async ({ c, user, params }) => {
    const f = await idProofFile(database, actorOf(user, c), user, caseId(params));
    return fileResponse(f.bytes, f.name, f.mime);
  });
  route(app, api.makeProactive, ({ c, user, params, body }) =>
    makeProactive(p, user, actorOf(user, c), caseId(params), body),
  );
  route(app, api.addRemedy, ({ c, user, params, body }) =>
    addRemedy(database, clock, actorOf(user, c), user, caseId(params), body),
  );
}
