// The supervision dashboard (督办看板): status totals of a plan, and per unit and per section buckets.
import type { Dashboard, DashboardBucket } from '../../../contracts/tasks';
import { LEDGER_STATUSES, type LedgerStatus } from '../../../domain/tasks/ledger';
import type { DbOrTx } from '../../db/client';
import { allRows, type Viewer } from './ledger.repo';

const emptyBucket = (key: string, label: string): DashboardBucket => ({
  key,
  label,
  total: 0,
  closed: 0,
  overdue: 0,
  submitted: 0,
  returned: 0,
});

export function bucketsOf(rows: { key: string; label: string; status: LedgerStatus }[]): DashboardBucket[] {
  const m = new Map<string, DashboardBucket>();
  for (const r of rows) {
    const b = m.get(r.key) ?? emptyBucket(r.key, r.label);
    b.total++;
    if (r.status === 'closed') b.closed++;
    if (r.status === 'overdue') b.overdue++;
    if (r.status === 'submitted') b.submitted++;
    if (r.status === 'returned') b.returned++;
    m.set(r.key, b);
  }
  return [...m.values()];
}

export async function dashboard(
  db: DbOrTx,
  v: Viewer,
  planId: string | undefined,
  today: string,
): Promise<Dashboard> {
  const rows = await allRows(db, v, planId, today);
  const totals = Object.fromEntries(LEDGER_STATUSES.map((s) => [s, 0])) as Record<LedgerStatus, number>;
  for (const r of rows) totals[r.status]++;
  return {
    today,
    totals,
    byUnit: bucketsOf(rows.map((r) => ({ key: r.unitId, label: r.unitName, status: r.status }))).sort(
      (a, b) => b.overdue - a.overdue || b.total - a.total,
    ),
    bySection: bucketsOf(
      rows.map((r) => ({ key: r.section[0] ?? '', label: r.section[0] ?? '（未分节）', status: r.status })),
    ),
  };
}
