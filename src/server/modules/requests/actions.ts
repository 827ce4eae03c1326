// Use case: a clerk acts on a case. Each action has one handler (action-handlers.ts, keyed by the action's
// name); this file locks the case, runs the checks every action shares and stores the clock step it returns.
import type { Database } from '../../db/client';
import type { Actor, Clock } from '../../platform/context';
import { invalid } from '../../platform/errors';
import {
  type ActionHandler,
  type ActionName,
  type CaseAction,
  recordStep,
  withOpenCase,
} from './action-context';
import { ACTION_HANDLERS } from './action-handlers';
import type { Scoped } from './requests.repo';

export type { CaseAction };

export async function applyAction(
  database: Database,
  clock: Clock,
  actor: Actor,
  user: Scoped,
  id: string,
  a: CaseAction,
): Promise<void> {
  await withOpenCase(database, clock, actor, user, id, '申请已办结，不能再办理', async (ctx) => {
    const { row, state } = ctx;
    if (a.action !== 'confirm_receipt') {
      if (row.status === 'submitted') throw invalid('请先确认收到申请的日期（条例第三十一条）');
      if (state.status === 'abandoned_unpaid' || state.status === 'abandoned_no_correction') {
        throw invalid('申请已视为放弃，不再处理');
      }
    }
    const handler = ACTION_HANDLERS[a.action] as ActionHandler<ActionName>;
    const step = await handler(ctx, a);
    if (step) await recordStep(ctx, step, `requests.${a.action}`);
  });
}
