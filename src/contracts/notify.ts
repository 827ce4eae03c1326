// Contracts of in-app notifications (the bell): every signed-in user reads and marks their own.
import { z } from 'zod';
import { endpointsOf, zInstant, zOk, zUuid } from './http';

const tag = '消息提醒';
const api = endpointsOf(tag);

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
  list: api.get('/api/notifications', '我的消息（含未读数）', null, {
    response: z.object({ unread: z.number().int(), items: z.array(notificationSchema) }),
  }),
  read: api.post('/api/notifications/read', '标记已读（id 或 all）', null, {
    body: z.object({ id: z.union([zUuid, z.literal('all')]) }),
    response: zOk,
  }),
};
