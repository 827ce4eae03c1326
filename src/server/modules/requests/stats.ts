// Figures from the cases: the console's statistics, and what the annual report's tables 三 and 四 are computed
// from (read by the reports module through this module's face).
import type { RequestStats } from '../../../contracts/requests';
import type { ApplicationForReport, FigureScope, RemedyRecord } from '../../../domain/requests/annual-report';
import {
  type ApplicantKind,
  OUTCOME_FAMILY_LABELS,
  type OutcomeCode,
  type OutcomeFamily,
  outcomeFamily,
} from '../../../domain/requests/outcomes';
import type { Database, DbOrTx } from '../../db/client';
import type { Clock } from '../../platform/context';
import { today } from './case-clock';
import { casesInScope, receivedCasesOf, remediesOf, type Scoped } from './requests.repo';

export async function stats(
  database: Database,
  clock: Clock,
  user: Scoped,
  year: number,
): Promise<RequestStats> {
  const rows = await casesInScope(database.db, user);
  const asOf = today(clock);
  const y = String(year);
  const byMonth = Array.from({ length: 12 }, (_, i) => ({
    month: `${y}-${String(i + 1).padStart(2, '0')}`,
    received: 0,
    closed: 0,
  }));
  const fam = new Map<OutcomeFamily, number>();
  let closed = 0;
  let onTime = 0;
  let withDue = 0;
  let open = 0;
  let overdue = 0;
  for (const r of rows) {
    if (r.receivedOn?.startsWith(y)) byMonth[Number(r.receivedOn.slice(5, 7)) - 1]!.received += 1;
    if (r.closedOn?.startsWith(y) && r.outcome) {
      byMonth[Number(r.closedOn.slice(5, 7)) - 1]!.closed += 1;
      closed += 1;
      const f = outcomeFamily(r.outcome as OutcomeCode);
      fam.set(f, (fam.get(f) ?? 0) + 1);
      if (r.onTime !== null && r.outcome !== 'r6_1' && r.outcome !== 'r6_2') {
        withDue += 1;
        if (r.onTime) onTime += 1;
      }
    }
    if (r.status !== 'closed' && r.status !== 'submitted') {
      open += 1;
      if (r.replyDue && r.replyDue < asOf) overdue += 1;
    }
  }
  return {
    year,
    byMonth,
    byFamily: (Object.keys(OUTCOME_FAMILY_LABELS) as OutcomeFamily[]).map((f) => ({
      family: f,
      label: OUTCOME_FAMILY_LABELS[f],
      count: fam.get(f) ?? 0,
    })),
    closed,
    onTime,
    onTimeRate: withDue ? onTime / withDue : null,
    open,
    overdue,
  };
}

/**
 * What the annual report counts for a unit — alone (`unit`: the 区人民政府's own cases) or with its sub-units
 * (`tree`: a department's report covers its 内设科室; the government's whole-district variant): every received
 * application, and the remedies filed in the year against them.
 */
export async function reportFigures(
  db: DbOrTx,
  unitId: string,
  year: number,
  scope: FigureScope,
): Promise<{ applications: ApplicationForReport[]; remedies: RemedyRecord[] }> {
  const cases = await receivedCasesOf(db, unitId, scope);
  const applications: ApplicationForReport[] = cases.map((c) => ({
    receivedOn: c.receivedOn as string,
    applicantKind: c.applicantKind as ApplicantKind,
    closedOn: c.closedOn,
    outcome: c.outcome as OutcomeCode | null,
  }));
  const y = String(year);
  const remedies: RemedyRecord[] = (
    await remediesOf(
      db,
      cases.map((c) => c.id),
    )
  )
    .filter((m) => m.filedOn.startsWith(y))
    .map((m) =>
      m.kind === 'reconsideration'
        ? { kind: 'reconsideration', result: m.result }
        : { kind: 'litigation', afterReconsideration: m.afterReconsideration, result: m.result },
    );
  return { applications, remedies };
}
