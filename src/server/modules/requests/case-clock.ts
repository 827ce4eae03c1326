// The clock of a case: its settings, its events, the status and due date they give, and the write that stores a
// change of the case with the recomputed status (every use case that moves the clock ends here).
import type { CaseStatus } from '../../../contracts/requests';
import type { WorkingDayCalendar } from '../../../domain/calendar';
import { chinaDate } from '../../../domain/calendar';
import {
  type ClockEvent,
  type ClockOptions,
  computeDueDates,
  DEFAULT_CLOCK_OPTIONS,
} from '../../../domain/requests/clock';
import { checkIntake, type IntakeCheck } from '../../../domain/requests/intake';
import type { Database, DbOrTx } from '../../db/client';
import type { TimelineEntry } from '../../db/schema/requests';
import { getCalendar } from '../../platform/calendar/service';
import type { Clock } from '../../platform/context';
import { getSetting } from '../../platform/settings';
import { type CaseRow, updateCase } from './requests.repo';

/** Clock settings (REGULATIONS §1.2, §3; APP-12 [I], FEE-6/FEE-7 [M]) stored under `requests.clock`. */
export async function clockOptions(db: Database | DbOrTx): Promise<ClockOptions> {
  const stored = await getSetting<Partial<ClockOptions>>(db, 'requests.clock');
  return { ...DEFAULT_CLOCK_OPTIONS, ...stored };
}

export function today(clock: Clock): string {
  return chinaDate(clock.now());
}

export function clockEvents(row: Pick<CaseRow, 'timeline'>): ClockEvent[] {
  return row.timeline.flatMap((t) => (t.event ? [t.event] : []));
}

/** Due dates of a case's events as of a date. */
export function dueOf(
  row: Pick<CaseRow, 'timeline'>,
  cal: WorkingDayCalendar,
  opts: ClockOptions,
  asOf: string,
): ReturnType<typeof computeDueDates> {
  return computeDueDates({ events: clockEvents(row), options: opts, asOf }, cal);
}

/** Status, due date and trace of an open case from its events. Closed and unconfirmed cases keep theirs. */
export function recompute(
  row: CaseRow,
  cal: WorkingDayCalendar,
  opts: ClockOptions,
  asOf: string,
): { status: CaseStatus; replyDue: string | null; trace: string[]; due: ReturnType<typeof computeDueDates> } {
  const due = dueOf(row, cal, opts, asOf);
  if (row.status === 'closed' || row.status === 'submitted') {
    return { status: row.status, replyDue: row.replyDue, trace: due.trace, due };
  }
  // A paused clock has no due date: it is only known once the pause ends (remainingWorkingDays says how many).
  return { status: due.status, replyDue: due.replyDue, trace: due.trace, due };
}

/** Writes a change of the case together with the status and due date its events now give. */
export async function saveRecomputed(
  tx: DbOrTx,
  row: CaseRow,
  patch: Partial<CaseRow>,
  asOf: string,
): Promise<void> {
  const cal = await getCalendar(tx);
  const next = { ...row, ...patch } as CaseRow;
  const r = recompute(next, cal, await clockOptions(tx), asOf);
  await updateCase(tx, row.id, { ...patch, status: r.status, replyDue: r.replyDue, trace: r.trace });
}

/** Art. 29 completeness of a stored case (APP-1); the applicant's identity and phone are validated at entry. */
export function intakeOf(
  row: Pick<CaseRow, 'applicant' | 'description' | 'deliveryForm' | 'deliveryChannel'>,
): IntakeCheck {
  return checkIntake({
    applicant_name: row.applicant.name,
    id_proof: row.applicant.idNumber,
    contact: row.applicant.phone || row.applicant.email || row.applicant.address,
    info_description: row.description,
    delivery_form: row.deliveryForm,
    delivery_channel: row.deliveryChannel,
  });
}

export function receivedEntry(clock: Clock, by: string, date: string, rule: string): TimelineEntry {
  return {
    at: clock.now().toISOString(),
    by,
    text: `确认收到申请日期 ${date}：${rule}`,
    event: { type: 'received', date },
  };
}
