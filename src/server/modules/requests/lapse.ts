// Jobs on open cases: the daily auto-close of lapsed ones, and the recomputation when the calendar changes.
import type { WorkingDayCalendar } from '../../../domain/calendar';
import type { Database } from '../../db/client';
import type { TimelineEntry } from '../../db/schema/requests';
import { audit } from '../../platform/audit/audit';
import { getCalendar } from '../../platform/calendar/service';
import { clockOptions, dueOf, recompute } from './case-clock';
import { lockCase, openCases, updateCase } from './requests.repo';

const AUTOCLOSE_ACTOR = {
  userId: null,
  username: 'requests.autoclose',
  unitId: null,
  unitName: null,
  ip: null,
  requestId: null,
};

/**
 * Daily job: an unpaid fee past its pay-by date ends as （六）2, an uncorrected application past its correction
 * deadline as （六）1 (REGULATIONS §1.2, §3 FEE-6).
 */
export async function closeLapsedCases(database: Database, asOf: string): Promise<{ closed: number }> {
  const cal = await getCalendar(database);
  const opts = await clockOptions(database.db);
  const candidates = await openCases(database.db, ['paused_fee', 'awaiting_correction']);
  let closed = 0;
  for (const { id } of candidates) {
    const done = await database.db.transaction(async (tx) => {
      // Locked and read again: a clerk may have acted on the case since the list was read.
      const row = await lockCase(tx, id);
      if (!row || row.status === 'closed') return false;
      const due = dueOf(row, cal, opts, asOf);
      let outcome: 'r6_1' | 'r6_2' | null = null;
      let text = '';
      if (due.status === 'abandoned_unpaid' && due.feePayBy) {
        outcome = 'r6_2';
        text = `缴费期限 ${due.feePayBy} 已过仍未缴费，视为放弃申请，自动办结（其他处理-2）`;
      } else if (due.status === 'awaiting_correction' && due.correctBy && asOf > due.correctBy) {
        outcome = 'r6_1';
        text = `补正期限 ${due.correctBy} 已过仍未补正，视为放弃申请，自动办结（其他处理-1）`;
      }
      if (!outcome) return false;
      const entry: TimelineEntry = { at: new Date(`${asOf}T00:00:00+08:00`).toISOString(), by: '系统', text };
      if (outcome === 'r6_1') entry.event = { type: 'correction_expired', date: asOf };
      await updateCase(tx, id, {
        status: 'closed',
        outcome,
        closedOn: asOf,
        onTime: true,
        timeline: [...row.timeline, entry],
      });
      await audit(tx, AUTOCLOSE_ACTOR, {
        action: 'requests.autoclose',
        objectType: 'request_case',
        objectId: id,
        detail: text,
      });
      return true;
    });
    if (done) closed += 1;
  }
  return { closed };
}

/** Calendar hook: every open case's due date is recomputed with the edited calendar. */
export async function recomputeOpenCases(
  database: Database,
  cal: WorkingDayCalendar,
  asOf: string,
): Promise<number> {
  const opts = await clockOptions(database.db);
  let changed = 0;
  for (const row of await openCases(database.db)) {
    const r = recompute(row, cal, opts, asOf);
    if (r.replyDue === row.replyDue && r.status === row.status) continue;
    await updateCase(database.db, row.id, { status: r.status, replyDue: r.replyDue, trace: r.trace });
    changed += 1;
  }
  return changed;
}
