// HTTP only: the contracts of src/contracts/decisions.ts (重大行政决策预公开) mounted on their use cases.
import type { Hono } from 'hono';
import { decisionsApi as api } from '../../../contracts/decisions';
import { type AppEnv, actorOf, type Platform } from '../../platform/context';
import { parseWith, route, zUuid } from '../../platform/http/route';
import {
  createParticipation,
  listDecisionComments,
  listDecisionParticipations,
  moderateComment,
  receivedComments,
} from './decision-comments';
import {
  closeDecision,
  createDecision,
  decisionSettings,
  getDecision,
  linkFinalDecision,
  listDecisions,
  openDecision,
  publishAdoption,
  putDecisionSettings,
  updateDecision,
} from './decisions';

const id = (v: string) => parseWith(zUuid, v);

export function decisionsRoutes(app: Hono<AppEnv>, p: Platform): void {
  // Fixed paths before /:id.
  route(app, api.list, ({ user, query }) => listDecisions(p, user, query));
  route(app, api.settings, () => decisionSettings(p.database.db));
  route(app, api.putSettings, ({ c, user, body }) => putDecisionSettings(p, actorOf(user, c), body));
  route(app, api.participations, ({ user, query }) => listDecisionParticipations(p, user, query));
  route(app, api.createParticipation, ({ c, user, body }) =>
    createParticipation(p, user, actorOf(user, c), body),
  );
  route(app, api.moderate, ({ c, user, params, body }) =>
    moderateComment(p, user, actorOf(user, c), id(params.id), body),
  );
  route(app, api.get, ({ user, params }) => getDecision(p, user, id(params.id)));
  route(app, api.create, ({ c, user, body }) => createDecision(p, user, actorOf(user, c), body));
  route(app, api.update, ({ c, user, params, body }) =>
    updateDecision(p, user, actorOf(user, c), id(params.id), body),
  );
  route(app, api.open, ({ c, user, params, body }) =>
    openDecision(p, user, actorOf(user, c), id(params.id), body.commentDays),
  );
  route(app, api.close, ({ c, user, params }) => closeDecision(p, user, actorOf(user, c), id(params.id)));
  route(app, api.comments, ({ user, params, query }) =>
    listDecisionComments(p, user, id(params.id), query.status),
  );
  route(app, api.adopt, async ({ c, user, params, body }) => {
    const draftId = id(params.id);
    const received = (await receivedComments(p, user, draftId)) + body.offlineReceived;
    return publishAdoption(p, user, actorOf(user, c), draftId, body, received);
  });
  route(app, api.decide, ({ c, user, params, body }) =>
    linkFinalDecision(p, user, actorOf(user, c), id(params.id), body.itemId),
  );
}
