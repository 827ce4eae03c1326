// What the module's records (consultations, letters, calls, opinions, commitments) share: a record in the user's
// scope, a new record's unit and times checked, the audited read of personal data in full, a ledger page summarised on one day, and the locked, checked,
// audited action that adds an event to the record's history, among them the review of a reply.
import type { CurrentUser } from '../../../contracts/api';
import type { PermissionCode } from '../../../contracts/permissions';
import { replyOnTime } from '../../../domain/interaction/consultation';
import type { Database, DbOrTx } from '../../db/client';
import type { ConsultEvent } from '../../db/schema/interaction';
import { audit } from '../../platform/audit/audit';
import type { Actor, Clock } from '../../platform/context';
import type { FieldKeys } from '../../platform/crypto/fields';
import { invalid, notFound } from '../../platform/errors';
import { assertUnitInScope, getUnit } from '../org';
import { today } from './clock';
import { sensitiveWords } from './mailbox';
import type { Scoped } from './repo/consultations';

/** The record found if its unit is in the user's scope: 404 (naming `what`) when there is none or it is another unit's. */
export async function inScope<R>(
  db: DbOrTx,
  user: Scoped,
  what: string,
  found: R | null | undefined,
  unitId: (r: R) => string,
): Promise<R> {
  if (!found) throw notFound(what);
  await assertUnitInScope(db, user, unitId(found), what);
  return found;
}

/** The unit a new record is registered to: in the user's scope (403), and existing (`role` names it, e.g. 承办单位). */
export async function assertRecordUnit(
  tx: DbOrTx,
  user: Scoped,
  unitId: string,
  role: string,
): Promise<void> {
  await assertUnitInScope(tx, user, unitId);
  if (!(await getUnit(tx, unitId))) throw invalid(`${role}不存在`);
}

/** Refuses a time the user gives that is after now (`what`: 来电时间, 发现时间, …). */
export function assertNotLater(at: Date, clock: Clock, what: string): void {
  if (at.getTime() > clock.now().getTime()) throw invalid(`${what}不能晚于现在`);
}

/**
 * Whether the user sees a record's personal data in full: its handlers (holders of `permission`) do, and when the
 * record holds any (`present`) that read is audited (a read, so in a transaction of its own); others see it masked.
 */
export async function seesPii(
  database: Database,
  actor: Actor,
  user: Pick<CurrentUser, 'permissions'>,
  permission: PermissionCode,
  record: { objectType: string; objectId: string; present: boolean },
): Promise<boolean> {
  const full = user.permissions.includes(permission);
  if (full && record.present) {
    const { objectType, objectId } = record;
    await database.db.transaction((tx) =>
      audit(tx, actor, { action: 'interaction.pii.view', objectType, objectId }),
    );
  }
  return full;
}

/**
 * A ledger's list (its page function and row summary): a page in the user's scope, every row judged (overdue or
 * not) on the same day and flagged against the same sensitive-word list.
 */
export function summaryList<Q, R, S>(
  page: (db: DbOrTx, user: Scoped, q: Q, asOf: string) => Promise<{ rows: R[]; total: number }>,
  summary: (keys: FieldKeys, r: R, asOf: string, words: readonly string[]) => S,
) {
  return async (
    database: Database,
    clock: Clock,
    keys: FieldKeys,
    user: Scoped,
    q: Q,
  ): Promise<{ items: S[]; total: number }> => {
    const words = await sensitiveWords(database.db);
    const asOf = today(clock);
    const { rows, total } = await page(database.db, user, q, asOf);
    return { items: rows.map((r) => summary(keys, r, asOf, words)), total };
  };
}

/** The state a citizen reads by query code: a record still open past its due date shows as 办理中（已超期）. */
export const publicStatus = (overdue: boolean, label: string): string =>
  overdue ? '办理中（已超期）' : label;

/** Appends an event by the actor, now, to the record's history (the new history to store). */
export type Event = (text: string, extra?: Partial<ConsultEvent>) => ConsultEvent[];

/** How one kind of record is acted on. */
export interface Acting<R> {
  /** Throws 404/403 when the record is not in the user's scope. */
  inScope: (tx: DbOrTx) => Promise<unknown>;
  lock: (tx: DbOrTx) => Promise<R | null | undefined>;
  /** Whether the action is allowed in the record's state now, and the action's name for the refusal. */
  allows: (r: R) => boolean;
  label: string;
  audit: { action: string; objectType: string; detail: (r: R, detail: string) => string };
}

/** Locks the record in the user's scope, checks the action is allowed now, runs it and audits it, in one transaction. */
export async function actOn<R extends { id: string; history: ConsultEvent[] }>(
  database: Database,
  clock: Clock,
  actor: Actor,
  acting: Acting<R>,
  run: (tx: DbOrTx, r: R, event: Event) => Promise<string>,
): Promise<void> {
  await database.db.transaction(async (tx) => {
    await acting.inScope(tx);
    const r = (await acting.lock(tx))!;
    if (!acting.allows(r)) throw invalid(`当前状态不能${acting.label}`);
    const event: Event = (text, extra = {}) => [
      ...r.history,
      { at: clock.now().toISOString(), by: actor.username ?? '工作人员', text, ...extra },
    ];
    const detail = await run(tx, r, event);
    await audit(tx, actor, {
      action: acting.audit.action,
      objectType: acting.audit.objectType,
      objectId: r.id,
      detail: acting.audit.detail(r, detail),
    });
  });
}

/**
 * The review of a reply waiting for it (a consultation's answer, a letter's reply): returned with the reviewer's
 * note, or approved — sent today (`on`), on time or late against the record's `due` date (`late`: what the history
 * adds then); audited as returned, on time or late.
 */
export function reviewReply<R extends { id: string; history: ConsultEvent[] }>(
  database: Database,
  clock: Clock,
  actor: Actor,
  acting: (action: 'return' | 'approve') => Acting<R>,
  action: 'return' | 'approve',
  steps: {
    due: (r: R) => string;
    returned: (tx: DbOrTx, r: R, event: Event) => Promise<void>;
    approved: (
      tx: DbOrTx,
      r: R,
      event: Event,
      reply: { on: string; onTime: boolean; late: string },
    ) => Promise<void>;
  },
): Promise<void> {
  if (action === 'return')
    return actOn(database, clock, actor, acting('return'), async (tx, r, event) => {
      await steps.returned(tx, r, event);
      return 'returned';
    });
  return actOn(database, clock, actor, acting('approve'), async (tx, r, event) => {
    const on = today(clock);
    const due = steps.due(r);
    const onTime = replyOnTime(due, on);
    await steps.approved(tx, r, event, { on, onTime, late: onTime ? '' : `，超过期限 ${due}，记为逾期答复` });
    return onTime ? 'on time' : 'late';
  });
}
