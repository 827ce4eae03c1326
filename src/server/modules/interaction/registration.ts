// Use case: a consultation comes in — registered by staff by channel, or asked on the portal — and is routed to a
// unit with its answer clock started. The asker's contact is sealed at rest (platform/crypto).
import type { ConsultChannel } from '../../../domain/interaction/consultation';
import type { Database, DbOrTx } from '../../db/client';
import type { ConsultEvent } from '../../db/schema/interaction';
import { audit } from '../../platform/audit/audit';
import { newQueryCode } from '../../platform/codes';
import type { Actor, Clock } from '../../platform/context';
import { type FieldKeys, seal } from '../../platform/crypto/fields';
import { invalid } from '../../platform/errors';
import { once, priorResult } from '../../platform/idempotency';
import { assertUnitInScope, getUnit } from '../org';
import { dueFor, today } from './clock';
import { insertConsultation, nextConsultNo, type Scoped } from './repo/consultations';

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
    askerName: input.askerName?.trim() || null,
    askerContact: input.askerContact?.trim() ? seal(keys, input.askerContact.trim()) : null,
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
