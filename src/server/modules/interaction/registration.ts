// Use case: a consultation comes in — registered by staff by channel, or asked on the portal — and is routed to a
// unit with its answer clock started. The asker's name and contact are sealed at rest (platform/crypto).
import type { ConsultChannel } from '../../../domain/interaction/consultation';
import { PURGED_MARK } from '../../../domain/security/retention';
import type { Database, DbOrTx } from '../../db/client';
import type { ConsultEvent } from '../../db/schema/interaction';
import { audit } from '../../platform/audit/audit';
import { newQueryCode } from '../../platform/codes';
import type { Actor, Clock } from '../../platform/context';
import { type FieldKeys, isSealed, openedOrNull, sealedOrNull } from '../../platform/crypto/fields';
import { invalid } from '../../platform/errors';
import { once, priorResult } from '../../platform/idempotency';
import { assertUnitInScope, getUnit } from '../org';
import { dueFor, today } from './clock';
import {
  consultsWithAsker,
  insertConsultation,
  nextConsultNo,
  type Scoped,
  setAsker,
} from './repo/consultations';

export interface ConsultInput {
  channel: ConsultChannel;
  workOrderNo?: string | null;
  question: string;
  unitId: string;
  askerName?: string | null;
  askerContact?: string | null;
  receivedOn: string;
}

export interface Registered {
  id: string;
  consultNo: string;
  queryCode: string;
  answerDue: string;
}

/** Registration inside the caller's transaction (the hotline hand-over registers a consultation with its call). */
export async function register(
  tx: DbOrTx,
  clock: Clock,
  keys: FieldKeys,
  actor: Actor,
  createdBy: string | null,
  input: ConsultInput,
): Promise<Registered> {
  const asOf = today(clock);
  const unit = await getUnit(tx, input.unitId);
  if (!unit) throw invalid('承办单位不存在');
  if (input.receivedOn > asOf) throw invalid('收到日期不能晚于今天');
  const by = actor.username ?? '咨询人';
  const history: ConsultEvent[] = [
    { at: clock.now().toISOString(), by, text: `登记（${input.receivedOn}），交 ${unit.name} 答复` },
  ];
  const row = await insertConsultation(tx, {
    consultNo: await nextConsultNo(tx, input.receivedOn.slice(0, 4)),
    queryCode: newQueryCode(),
    channel: input.channel,
    workOrderNo: input.workOrderNo?.trim() || null,
    question: input.question.trim(),
    askerName: sealedOrNull(keys, input.askerName?.trim()),
    askerContact: sealedOrNull(keys, input.askerContact?.trim()),
    unitId: input.unitId,
    receivedOn: input.receivedOn,
    answerDue: await dueFor(tx, input.receivedOn),
    history,
    createdBy,
  });
  await audit(tx, actor, {
    action: 'interaction.consult.register',
    objectType: 'consultation',
    objectId: row.id,
    detail: `${row.consultNo} ${input.channel}`,
  });
  return { id: row.id, consultNo: row.consultNo, queryCode: row.queryCode, answerDue: row.answerDue };
}

/** Staff register a consultation for a unit in their scope. */
export function registerByStaff(
  database: Database,
  clock: Clock,
  keys: FieldKeys,
  actor: Actor,
  user: Scoped & { id: string },
  input: ConsultInput,
): Promise<Registered> {
  return database.db.transaction(async (tx) => {
    await assertUnitInScope(tx, user, input.unitId);
    return register(tx, clock, keys, actor, user.id, input);
  });
}

/** A citizen's question from the portal, received today. */
export function askOnPortal(
  database: Database,
  clock: Clock,
  keys: FieldKeys,
  actor: Actor,
  input: Omit<ConsultInput, 'channel' | 'receivedOn' | 'workOrderNo'>,
  /** The form's one-time request id: a resubmission with it answers the first question and stores nothing. */
  requestKey: string | null = null,
): Promise<Registered> {
  const asOf = today(clock);
  return database.db.transaction(
    async (tx) =>
      (
        await once(tx, PORTAL_SCOPE, requestKey, clock.now(), () =>
          register(tx, clock, keys, actor, null, { ...input, channel: 'portal', receivedOn: asOf }),
        )
      ).value,
  );
}

const PORTAL_SCOPE = 'zxwd';

/** The question a portal form's request id already registered (a resubmitted form), or null. */
export const priorPortalQuestion = (database: Database, requestKey: string | null) =>
  priorResult<Registered>(database.db, PORTAL_SCOPE, requestKey);

/**
 * Seals the askers' names and contacts stored in plain text before they were sealed. Idempotent: run at every
 * start. A retired key's values are re-sealed by the generic step (platform/crypto/reseal.ts). Returns how many
 * consultations changed.
 */
export async function sealStoredAskers(db: DbOrTx, keys: FieldKeys): Promise<number> {
  // The retention purge's mark is no personal data and stays readable as it is.
  const stale = (v: string | null) => !!v && v !== PURGED_MARK && !isSealed(v);
  let n = 0;
  for (const r of await consultsWithAsker(db)) {
    if (!stale(r.askerName) && !stale(r.askerContact)) continue;
    const reseal = (v: string | null) => (stale(v) ? sealedOrNull(keys, openedOrNull(keys, v)) : v);
    await setAsker(db, r.id, reseal(r.askerName), reseal(r.askerContact));
    n++;
  }
  return n;
}
