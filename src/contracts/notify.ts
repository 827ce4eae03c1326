// Contracts of in-app notifications (the bell): every signed-in user reads and marks their own.
import { z } from 'zod';
import { endpoint, zInstant, zOk, zUuid } from './http';

const tag = '消息提醒';

export const notificationSchema = z.object({
  id: z.string(),
  title: z.string(),
  body: z.string(),
  link: z.string().nullable(),
  read: z.boolean(),
  createdAt: zInstant,
});
export type Notification = z.output<typeof notificationSchema>;

export const notifyApi = {
  list: endpoint({
    method: 'get',
    path: '/api/notifications',
    tag,
    summary: '我的消息（含未读数）',
    response: z.object({ unread: z.number().int(), items: z.array(notificationSchema) }),
  }),
  read: endpoint({
    method: 'post',
    path: '/api/notifications/read',
    tag,
    summary: '标记已读（id 或 all）',
    body: z.object({ id: z.union([zUuid, z.literal('all')]) }),
    response: zOk,
  }),
};
