// Sequence numbers from the database (issue 10 part 6): an atomic upsert instead of count + 1, so concurrent
// writers never draw the same number. Taken inside the caller's transaction, a rolled-back write gives its number
// back (no gaps); concurrent writers queue on the counter's row until the first commits.
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/client';
import { counters } from '../db/schema/platform';

export async function nextCounter(tx: DbOrTx, name: string): Promise<number> {
  const [r] = await tx
    .insert(counters)
    .values({ name, value: 1 })
    .onConflictDoUpdate({ target: counters.name, set: { value: sql`${counters.value} + 1` } })
    .returning({ value: counters.value });
  return r!.value;
}

/** The next number of a yearly series, `${prefix}${year}-0001` on (four digits at least), counted by `${series}:${year}`. */
export async function nextYearNo(tx: DbOrTx, prefix: string, series: string, year: string): Promise<string> {
  return `${prefix}${year}-${String(await nextCounter(tx, `${series}:${year}`)).padStart(4, '0')}`;
}
