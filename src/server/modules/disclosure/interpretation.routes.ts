// HTTP only: the 三同步 contracts (contracts/interpretation-plan.ts) mounted on their use cases.
import type { Hono } from 'hono';
import { interpretationPlanApi as api, briefingApi } from '../../../contracts/interpretation-plan';
import { type AppEnv, actorOf, type Platform } from '../../platform/context';
import { parseWith, route, zUuid } from '../../platform/http/route';
import {
  createBriefing,
  getInterpretationPlan,
  getInterpretationSettings,
  listBriefings,
  putInterpretationPlan,
  putInterpretationSettings,
} from './interpretation-plan';

export function interpretationRoutes(app: Hono<AppEnv>, p: Platform): void {
  const { database } = p;
  route(app, api.getPlan, ({ user, params }) =>
    getInterpretationPlan(database, user, parseWith(zUuid, params.id), p.clock.now()),
  );
  route(app, api.putPlan, ({ c, user, params, body }) =>
    putInterpretationPlan(database, user, actorOf(user, c), parseWith(zUuid, params.id), body, p.clock.now()),
  );
  route(app, api.getSettings, () => getInterpretationSettings(database));
  route(app, api.putSettings, ({ c, user, body }) =>
    putInterpretationSettings(database, actorOf(user, c), body),
  );
  route(app, briefingApi.listBriefings, ({ user, query }) => listBriefings(database, user, query.policyId));
  route(app, briefingApi.createBriefing, ({ c, user, body }) =>
    createBriefing(database, user, actorOf(user, c), body),
  );
}
