import type { Hono } from 'hono';
import { z } from 'zod';
import type { AppEnv, Platform } from '../context';
import { defineRoute, zUuid } from '../http/route';
import { listNotifications, markRead } from './service';

export function notifyRoutes(app: Hono<AppEnv>, p: Platform): void {
  const tag = '消息提醒';
  defineRoute(app, {
    method: 'get',
    path: '/api/notifications',
    tag,
    summary: '我的消息（含未读数）',
    handler: ({ user }) => listNotifications(p.database.db, user.id),
  });
  defineRoute(app, {
    method: 'post',
    path: '/api/notifications/read',
    tag,
    summary: '标记已读（id 或 all）',
    body: z.object({ id: z.union([zUuid, z.literal('all')]) }),
    // Marking one's own message read is not a business write; it is not audited.
    handler: async ({ user, body }) => {
      await markRead(p.database.db, user.id, body.id);
      return { ok: true };
    },
  });
}
