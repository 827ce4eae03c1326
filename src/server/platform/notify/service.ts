// In-app notifications (the bell). A dedupe key makes a reminder idempotent: the same key is sent once per user.
import { and, count, desc, eq, isNull } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { notifications } from '../../db/schema';

export interface NewNotification {
  userId: string;
  title: string;
  body?: string;
  link?: string | null;
  dedupeKey?: string | null;
}

/** Returns how many were actually created (duplicates by dedupe key are skipped). */
export async function notify(tx: DbOrTx, items: NewNotification[]): Promise<number> {
  if (items.length === 0) return 0;
  const rows = await tx
    .insert(notifications)
    .values(
      items.map((n) => ({
        userId: n.userId,
        title: n.title,
        body: n.body ?? '',
        link: n.link ?? null,
        dedupeKey: n.dedupeKey ?? null,
      })),
    )
    .onConflictDoNothing()
    .returning({ id: notifications.id });
  return rows.length;
}

export async function listNotifications(db: DbOrTx, userId: string, limit = 50) {
  const items = await db
    .select()
    .from(notifications)
    .where(eq(notifications.userId, userId))
    .orderBy(desc(notifications.createdAt))
    .limit(limit);
  const [unread] = await db
    .select({ n: count() })
    .from(notifications)
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)));
  return {
    unread: Number(unread?.n ?? 0),
    items: items.map((n) => ({
      id: n.id,
      title: n.title,
      body: n.body,
      link: n.link,
      read: !!n.readAt,
      createdAt: n.createdAt.toISOString(),
    })),
  };
}

export async function markRead(db: DbOrTx, userId: string, id: string | 'all'): Promise<void> {
  const where =
    id === 'all'
      ? and(eq(notifications.userId, userId), isNull(notifications.readAt))
      : and(eq(notifications.userId, userId), eq(notifications.id, id));
  await db.update(notifications).set({ readAt: new Date() }).where(where);
}
