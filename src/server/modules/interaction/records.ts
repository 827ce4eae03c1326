// What the module's records (consultations, letters, calls, opinions, commitments) share: a record in the user's
// scope, the audited read of personal data in full, a ledger page summarised on one day, and the locked, checked,
// audited action that adds an event to the record's history.
import type { Database, DbOrTx } from '../../db/client';
import type { ConsultEvent } from '../../db/schema/interaction';
import { audit } from '../../platform/audit/audit';
import type { Actor, Clock } from '../../platform/context';
import { invalid, notFound } from '../../platform/errors';
import { assertUnitInScope } from '../org';
import { today } from './clock';
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

/** A handler read a record's personal data in full: audited (a read, so in a transaction of its own). */
export const auditPiiView = (database: Database, actor: Actor, objectType: string, objectId: string) =>
  database.db.transaction((tx) => audit(tx, actor, { action: 'interaction.pii.view', objectType, objectId }));

/** A ledger page in the user's scope, every row judged (overdue or not) on the same day. */
export async function summaryPage<R, S>(
  clock: Clock,
  load: (asOf: string) => Promise<{ rows: R[]; total: number }>,
  summary: (r: R, asOf: string) => S,
): Promise<{ items: S[]; total: number }> {
  const asOf = today(clock);
  const { rows, total } = await load(asOf);
  return { items: rows.map((r) => summary(r, asOf)), total };
}

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
