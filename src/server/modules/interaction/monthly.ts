// Monthly statistics of consultations and letters (issue 11 parts 4 and 7): received, replied, replied on time, by
// month, by letter type and by unit, counted from the rows by month of receipt. The console reads them in the
// user's scope; /hdjl/tj publishes the whole district's.
import type { InteractionStats } from '../../../contracts/interaction';
import { LETTER_TYPES, type LetterType } from '../../../domain/interaction/letter';
import type { DbOrTx } from '../../db/client';
import type { Scoped } from './repo/consultations';
import { consultFacts, letterFacts } from './repo/letters';

type Counts = { received: number; replied: number; onTime: number };
const zero = (): Counts => ({ received: 0, replied: 0, onTime: 0 });
type Fact = { receivedOn: string; repliedOn: string | null; onTime: boolean | null; unitName: string };

function add(c: Counts, f: Fact): void {
  c.received++;
  if (f.repliedOn) {
    c.replied++;
    if (f.onTime) c.onTime++;
  }
}

/** `user` null: the whole district (the portal). `month` 1–12 narrows the by-type and by-unit tables. */
export async function interactionStats(
  db: DbOrTx,
  user: Scoped | null,
  year: number,
  month?: number,
): Promise<InteractionStats> {
  const from = `${year}-01-01`;
  const to = `${year}-12-31`;
  const [consults, letters] = await Promise.all([
    consultFacts(db, user, from, to),
    letterFacts(db, user, from, to),
  ]);
  const mm = month ? `${year}-${String(month).padStart(2, '0')}` : null;
  const byMonth = Array.from({ length: 12 }, (_, i) => ({
    month: `${year}-${String(i + 1).padStart(2, '0')}`,
    consult: zero(),
    letter: zero(),
  }));
  const inPeriod = (f: Fact) => !mm || f.receivedOn.startsWith(mm);
  const byType = new Map<LetterType, Counts>(LETTER_TYPES.map((t) => [t, zero()]));
  const byUnit = new Map<string, { unitName: string; consult: Counts; letter: Counts }>();
  const unit = (name: string) => {
    const u = byUnit.get(name) ?? { unitName: name, consult: zero(), letter: zero() };
    byUnit.set(name, u);
    return u;
  };
  const totals = { consult: zero(), letter: zero() };
  for (const f of consults) {
    add(byMonth[Number(f.receivedOn.slice(5, 7)) - 1]!.consult, f);
    if (!inPeriod(f)) continue;
    add(totals.consult, f);
    add(unit(f.unitName).consult, f);
  }
  for (const f of letters) {
    add(byMonth[Number(f.receivedOn.slice(5, 7)) - 1]!.letter, f);
    if (!inPeriod(f)) continue;
    add(totals.letter, f);
    add(byType.get(f.type)!, f);
    add(unit(f.unitName).letter, f);
  }
  return {
    year,
    month: mm,
    byMonth,
    letterByType: LETTER_TYPES.map((type) => ({ type, ...byType.get(type)! })),
    byUnit: [...byUnit.values()].sort(
      (a, b) =>
        b.consult.received + b.letter.received - (a.consult.received + a.letter.received) ||
        a.unitName.localeCompare(b.unitName, 'zh'),
    ),
    totals,
  };
}
