// What the action handlers share: the actions a clerk may take, the context a handler works with and what it
// returns (a clock step for actions.ts to store, or null when it wrote the case itself).
import type { WorkingDayCalendar } from '../../../domain/calendar';
import {
  type ClockEvent,
  type ClockOptions,
  type ConsultationKind,
  type DueDates,
  validateTransition,
} from '../../../domain/requests/clock';
import type { FeeMethod } from '../../../domain/requests/fees';
import type { LegalBasisCode, OutcomeCode } from '../../../domain/requests/outcomes';
import type { Database, DbOrTx } from '../../db/client';
import type { TimelineEntry } from '../../db/schema/requests';
import { audit } from '../../platform/audit/audit';
import { getCalendar } from '../../platform/calendar/service';
import type { Actor, Clock } from '../../platform/context';
import { invalid } from '../../platform/errors';
import { clockOptions, dueOf, saveRecomputed, today } from './case-clock';
import { inScope } from './reads';
import { type CaseRow, lockCase, type Scoped, updateCase } from './requests.repo';

export type CaseAction =
  | { action: 'confirm_receipt'; confirmedOn: string }
  | { action: 'request_correction'; date: string; correctBy?: string | null; missing?: string | null }
  | {
      action: 'receive_correction';
      date: string;
      description?: string | null;
      deliveryForm?: string | null;
      deliveryChannel?: string | null;
    }
  | { action: 'expire_correction'; date: string }
  | {
      action: 'start_consultation';
      date: string;
      kind: ConsultationKind;
      servedOn?: string | null;
      party: string;
    }
  | { action: 'end_consultation'; date: string; kind?: ConsultationKind; opinion?: string | null }
  | { action: 'extend'; days: number; reason: string }
  | { action: 'charge_fee'; date: string; method: FeeMethod; pages?: number | null; servedOn?: string | null }
  | { action: 'record_fee_paid'; date: string }
  | { action: 'request_excessive_reasons'; date: string }
  | { action: 'set_custom_deadline'; date: string; reason: string }
  | {
      action: 'reply';
      date: string;
      outcome: OutcomeCode;
      legalBasis?: LegalBasisCode | null;
      replyText?: string | null;
    };

export type ActionName = CaseAction['action'];
export type ActionOf<K extends ActionName> = Extract<CaseAction, { action: K }>;

/** What a handler works with: the locked case, its clock as of today, who acts. */
export interface ActionContext {
  database: Database;
  tx: DbOrTx;
  clock: Clock;
  actor: Actor;
  row: CaseRow;
  asOf: string;
  /** The acting clerk's name on the timeline. */
  by: string;
  /** Now (ISO), the timeline entry's instant. */
  at: string;
  cal: WorkingDayCalendar;
  opts: ClockOptions;
  state: DueDates;
}

/** A step of the clock: the event the action adds to the timeline, and what else of the case changes with it. */
export interface ClockStep {
  event: ClockEvent;
  text: string;
  meta?: Record<string, string | number>;
  patch?: Partial<CaseRow>;
  /** Runs after the step is stored (in the same transaction). */
  afterwards?: () => Promise<void>;
}

/** A handler returns its clock step, or null when it wrote the case and its audit row itself. */
export type ActionHandler<K extends ActionName> = (
  ctx: ActionContext,
  a: ActionOf<K>,
) => Promise<ClockStep | null>;

export type ActionHandlers = { [K in ActionName]: ActionHandler<K> };

export async function auditAction(ctx: ActionContext, action: string, detail: string): Promise<void> {
  await audit(ctx.tx, ctx.actor, { action, objectType: 'request_case', objectId: ctx.row.id, detail });
}

/** Appends a plain timeline entry (no clock event) and stores the fields that change with it. */
export async function appendEntry(
  ctx: ActionContext,
  text: string,
  set: Partial<CaseRow> = {},
): Promise<void> {
  await updateCase(ctx.tx, ctx.row.id, {
    ...set,
    timeline: [...ctx.row.timeline, { at: ctx.at, by: ctx.by, text }],
  });
}

/**
 * Runs `fn` in one transaction on the case locked and loaded (lockAndLoad) within the user's data scope, with its
 * clock as of today. A closed case is refused.
 */
export async function withOpenCase<T>(
  database: Database,
  clock: Clock,
  actor: Actor,
  user: Scoped,
  id: string,
  closedMessage: string,
  fn: (ctx: ActionContext) => Promise<T>,
  by = actor.username ?? '工作人员',
): Promise<T> {
  const asOf = today(clock);
  return database.db.transaction(async (tx) => {
    const row = await inScope(tx, user, await lockCase(tx, id));
    const cal = await getCalendar(tx);
    const opts = await clockOptions(tx);
    if (row.status === 'closed') throw invalid(closedMessage);
    const at = clock.now().toISOString();
    const state = dueOf(row, cal, opts, asOf);
    return fn({ database, tx, clock, actor, row, asOf, by, at, cal, opts, state });
  });
}

/** Stores a clock step: the event is checked against the clock, the timeline grows, the due date moves. */
export async function recordStep(ctx: ActionContext, step: ClockStep, auditAs: string): Promise<void> {
  const err = validateTransition(ctx.state.state, step.event, ctx.cal, ctx.opts, ctx.asOf);
  if (err) throw invalid(err);
  const entry: TimelineEntry = {
    at: ctx.at,
    by: ctx.by,
    text: step.text,
    event: step.event,
    ...(step.meta && Object.keys(step.meta).length ? { meta: step.meta } : {}),
  };
  await saveRecomputed(ctx.tx, ctx.row, { ...step.patch, timeline: [...ctx.row.timeline, entry] }, ctx.asOf);
  await step.afterwards?.();
  await auditAction(ctx, auditAs, step.text);
}
