// HTTP only: the contracts of src/contracts/normative.ts (规范性文件清理, stale citations, 合法性审核) on their use cases.
import type { Hono } from 'hono';
import { normativeApi as api } from '../../../contracts/normative';
import { type AppEnv, actorOf, type Platform } from '../../platform/context';
import { parseWith, route, zUuid } from '../../platform/http/route';
import {
  campaignDetail,
  legalRegister,
  listCampaigns,
  markDocument,
  publishCampaign,
  putLegalMark,
  staleCitations,
  startCampaign,
} from './normative-review';

const id = (v: string) => parseWith(zUuid, v);

export function normativeRoutes(app: Hono<AppEnv>, p: Platform): void {
  route(app, api.campaigns, () => listCampaigns(p));
  route(app, api.startCampaign, ({ c, user, body }) => startCampaign(p, user, actorOf(user, c), body));
  route(app, api.campaign, ({ user, params }) => campaignDetail(p, user, id(params.id)));
  route(app, api.mark, ({ c, user, params, body }) =>
    markDocument(p, user, actorOf(user, c), id(params.id), id(params.markId), body),
  );
  route(app, api.publish, ({ c, user, params }) => publishCampaign(p, actorOf(user, c), id(params.id)));
  route(app, api.staleCitations, ({ user }) => staleCitations(p, user));
  route(app, api.legal, ({ user }) => legalRegister(p, user));
  route(app, api.putLegal, async ({ c, user, params, body }) => {
    await putLegalMark(p, user, actorOf(user, c), id(params.rootId), body);
    return { ok: true } as const;
  });
}
