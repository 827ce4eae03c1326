// Use case: publishing — an item goes public (a correction supersedes the earlier version, the search index is
// updated), the scheduled-publishing job, and the daily expiry of normative documents.
import { chinaDate } from '../../../domain/calendar';
import type { Database, DbOrTx } from '../../db/client';
import { audit } from '../../platform/audit/audit';
import { type Platform, systemActor } from '../../platform/context';
import {
  dueItems,
  expireNormativeRows,
  type Item,
  insertStep,
  lockItem,
  supersedeOthers,
  updateItemRow,
} from './repo/items';
import { indexItem } from './search';

export async function publishNow(tx: DbOrTx, item: Item, now: Date): Promise<void> {
  const publishDate = item.publishDate ?? chinaDate(now);
  await updateItemRow(tx, item.id, { status: 'published', publishedAt: now, publishDate, updatedAt: now });
  // A correction replaces the earlier published version everywhere.
  await supersedeOthers(tx, item.rootId, item.id);
  await indexItem(tx, item.id);
}

/** Scheduled publishing: items whose time has come. Run by the job every minute. */
export async function publishDue(p: Platform, now: Date): Promise<number> {
  let published = 0;
  for (const { id } of await dueItems(p.database.db, now)) {
    await p.database.db.transaction(async (tx) => {
      // Lock, then load: the item may have been withdrawn or published since the list was read.
      const item = await lockItem(tx, id);
      if (item?.status !== 'scheduled' || !item.publishAt || item.publishAt > now) return;
      await publishNow(tx, item, now);
      await insertStep(tx, item.id, { id: null, name: '系统（定时发布）' }, 'publish', null, null, now);
      await audit(
        tx,
        systemActor(),
        {
          action: 'disclosure.item.publish',
          objectType: 'disclosureItem',
          objectId: item.id,
          detail: { scheduled: true },
        },
        now,
      );
      published++;
    });
  }
  return published;
}

/** Automatic expiry of normative documents whose 有效期 has passed. */
export async function expireNormative(database: Database, today: string): Promise<number> {
  return database.db.transaction(async (tx) => {
    const rows = await expireNormativeRows(tx, today);
    if (rows.length)
      await audit(tx, systemActor(), {
        action: 'disclosure.normative.expire',
        objectType: 'disclosureItem',
        detail: { count: rows.length, ids: rows.map((r) => r.id).slice(0, 50) },
      });
    return rows.length;
  });
}
