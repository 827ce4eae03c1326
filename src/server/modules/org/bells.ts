// The daily reminders of several modules ring the same people: the active users of a record's unit who hold the
// permission that handles it. One loop for all; idempotent through the bells' dedupe keys.
import type { PermissionCode } from '../../../contracts/permissions';
import type { Database } from '../../db/client';
import { type NewNotification, notify } from '../../platform/notify/service';
import { activeUsersWithPermission } from './directory';

/** Rings each record's bell (null: none today) for the holders of `perm` in the record's unit; how many were new. */
export async function ringUnitHandlers<R extends { unitId: string }>(
  database: Database,
  perm: PermissionCode,
  records: readonly R[],
  bell: (r: R) => Omit<NewNotification, 'userId'> | null,
): Promise<{ sent: number }> {
  const items: NewNotification[] = [];
  for (const r of records) {
    const b = bell(r);
    if (!b) continue;
    for (const u of await activeUsersWithPermission(database.db, perm, [r.unitId]))
      items.push({ userId: u.id, ...b });
  }
  return { sent: await notify(database.db, items) };
}

/** A deadline bell's title: the record (e.g. 申请 2026-0001) past its deadline (e.g. 答复期限), or due on that day. */
export const dueBellTitle = (overdue: boolean, record: string, deadline: string, due: string): string =>
  overdue ? `${record} 已超过${deadline}（${due}）` : `${record} 将于 ${due} 到期`;
