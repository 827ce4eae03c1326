// HTTP only: the notification contracts (src/contracts/notify.ts); every signed-in user sees only their own.
import type { Hono } from 'hono';
import { notifyApi } from '../../../contracts/notify';
import type { AppEnv, Platform } from '../context';
import { route } from '../http/route';
import { listNotifications, markRead } from './service';

export function notifyRoutes(app: Hono<AppEnv>, p: Platform): void {
  route(app, notifyApi.list, ({ user }) => listNotifications(p.database.db, user.id));
  // Marking one's own message read is not a business write; it is not audited.
  route(app, notifyApi.read, async ({ user, body }) => {
    await markRead(p.database.db, user.id, body.id);
    return { ok: true } as const;
  });
}
