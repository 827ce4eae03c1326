// Monthly statistics of consultations in the user's scope (issue 11 part 1: 台账 and monthly figures).
import type { ConsultStats } from '../../../contracts/interaction';
import { CONSULT_CHANNELS, isOverdue, SATISFACTIONS } from '../../../domain/interaction/consultation';
import type { Database } from '../../db/client';
import type { Clock } from '../../platform/context';
import { today } from './clock';
import { consultYear, type Scoped } from './repo/consultations';

export async function consultStats(
  database: Database,
  clock: Clock,
  user: Scoped,
  year: number,
): Promise<ConsultStats> {
  const rows = await consultYear(database.db, user, year);
  const asOf = today(clock);
  const byMonth = Array.from({ length: 12 }, (_, i) => ({
    month: `${year}-${String(i + 1).padStart(2, '0')}`,
    received: 0,
    answered: 0,
    onTime: 0,
    late: 0,
  }));
  const byUnit = new Map<string, { unitName: string; received: number; answered: number }>();
  for (const { c, unitName } of rows) {
    const m = byMonth[Number(c.receivedOn.slice(5, 7)) - 1]!;
    m.received++;
    const u = byUnit.get(unitName) ?? { unitName, received: 0, answered: 0 };
    u.received++;
    if (c.answeredOn) {
      m.answered++;
      u.answered++;
      if (c.onTime) m.onTime++;
      else m.late++;
    }
    byUnit.set(unitName, u);
  }
  return {
    year,
    byMonth,
    byChannel: CONSULT_CHANNELS.map((channel) => ({
      channel,
      count: rows.filter((r) => r.c.channel === channel).length,
    })),
    byUnit: [...byUnit.values()].sort((a, b) => b.received - a.received),
    satisfaction: SATISFACTIONS.map((satisfaction) => ({
      satisfaction,
      count: rows.filter((r) => r.c.satisfaction === satisfaction).length,
    })),
    open: rows.filter((r) => r.c.status === 'open').length,
    overdue: rows.filter((r) => isOverdue(r.c.status, r.c.answerDue, asOf)).length,
  };
}
