// Loading an item for a staff user: not found, outside the user's data scope, or (for a change) locked first.
import type { CurrentUser } from '../../../contracts/api';
import { EDITABLE_STATUSES, type ItemStatus } from '../../../domain/disclosure/workflow';
import type { DbOrTx } from '../../db/client';
import { audit } from '../../platform/audit/audit';
import type { Actor } from '../../platform/context';
import { conflict, notFound } from '../../platform/errors';
import { assertUnitInScope } from '../org';
import { findItem, type Item, lockItem } from './repo/items';

export type StaffUser = Pick<
  CurrentUser,
  'id' | 'name' | 'unitId' | 'dataScope' | 'permissions' | 'username' | 'unitName'
>;

/** The item, read without a lock, when it is in the user's scope. */
export async function readScoped(db: DbOrTx, user: StaffUser, id: string): Promise<Item> {
  const item = await findItem(db, id);
  if (!item) throw notFound('信息');
  await assertUnitInScope(db, user, item.unitId, '信息');
  return item;
}

/** The item locked for the transaction (lock, then load), when it is in the user's scope. */
export async function lockScoped(tx: DbOrTx, user: StaffUser, id: string): Promise<Item> {
  const item = await lockItem(tx, id);
  if (!item) throw notFound('信息');
  await assertUnitInScope(tx, user, item.unitId, '信息');
  return item;
}

/** Only drafts and returned items change in place; `message` says what else to do. */
export function assertEditable(item: Pick<Item, 'status'>, message: string): void {
  if (!EDITABLE_STATUSES.includes(item.status as ItemStatus)) throw conflict(message);
}

/** The audit row of a staff change to an item, in the transaction that makes it. */
export function auditItem(
  tx: DbOrTx,
  actor: Actor,
  action: string,
  itemId: string,
  detail: Record<string, unknown>,
  at: Date,
): Promise<void> {
  return audit(tx, actor, { action, objectType: 'disclosureItem', objectId: itemId, detail }, at);
}
