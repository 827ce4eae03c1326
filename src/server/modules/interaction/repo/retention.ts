// SQL of the retention purge (SECURITY.md 38) on the module's own tables: the personal data of letters replied,
// consultations answered and calls finished before a cut-off date (China time) are cleared; the records, their
// texts (their personal data masked) and every figure computed from them stay. A name becomes the mark, numbers
// and contacts are emptied.
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/client';
import { calls, consultations, letters } from '../../../db/schema/interaction';

const count = (r: { rowCount: number | null }) => r.rowCount ?? 0;

/** The rows each purge below will clear (the same conditions), for their free text to be anonymised first. */
const letterDue = (
  repliedBefore: string,
  mark: string,
) => sql`status = 'replied' AND replied_on < ${repliedBefore}
         AND (writer_name IS DISTINCT FROM ${mark} AND writer_name IS NOT NULL
              OR writer_phone IS NOT NULL OR writer_id_no IS NOT NULL OR writer_key IS NOT NULL)`;
const consultationDue = (answeredBefore: string, mark: string) => sql`status IN ('answered', 'closed')
         AND coalesce(answered_on, (updated_at AT TIME ZONE 'Asia/Shanghai')::date) < ${answeredBefore}
         AND (asker_name IS DISTINCT FROM ${mark} AND asker_name IS NOT NULL OR asker_contact IS NOT NULL)`;
const callDue = (calledBefore: string, mark: string) => sql`status IN ('answered', 'handed_over')
         AND (called_at AT TIME ZONE 'Asia/Shanghai')::date < ${calledBefore}
         AND (caller_name IS DISTINCT FROM ${mark} AND caller_name IS NOT NULL OR caller_phone IS NOT NULL)`;

/**
 * The citizen's free text of the rows about to be cleared, each column rewritten by `anonymise` (null: unchanged).
 * Returns how many rows changed.
 */
async function anonymiseTexts(
  tx: DbOrTx,
  table: typeof letters | typeof consultations | typeof calls,
  columns: readonly ('subject' | 'body' | 'question')[],
  due: ReturnType<typeof sql>,
  anonymise: (text: string) => string | null,
): Promise<number> {
  const cols = sql.join(
    columns.map((c) => sql.identifier(c)),
    sql`, `,
  );
  const rows = await tx.execute<Record<string, string>>(sql`SELECT id, ${cols} FROM ${table} WHERE ${due}`);
  let changed = 0;
  for (const r of rows.rows) {
    const sets = columns.flatMap((c) => {
      const v = anonymise(r[c] ?? '');
      return v === null ? [] : [sql`${sql.identifier(c)} = ${v}`];
    });
    if (!sets.length) continue;
    await tx.execute(sql`UPDATE ${table} SET ${sql.join(sets, sql`, `)} WHERE id = ${r.id}::uuid`);
    changed++;
  }
  return changed;
}

/** The anonymiser of one table's texts: (tx, cut-off date, mark, anonymise) → rows changed. */
const textsAnonymiser =
  (
    table: Parameters<typeof anonymiseTexts>[1],
    columns: Parameters<typeof anonymiseTexts>[2],
    due: (before: string, mark: string) => ReturnType<typeof sql>,
  ) =>
  (tx: DbOrTx, before: string, mark: string, f: (t: string) => string | null) =>
    anonymiseTexts(tx, table, columns, due(before, mark), f);

export const anonymiseLetterTexts = textsAnonymiser(letters, ['subject', 'body'], letterDue);
export const anonymiseConsultationTexts = textsAnonymiser(consultations, ['question'], consultationDue);
export const anonymiseCallTexts = textsAnonymiser(calls, ['question'], callDue);

export async function clearLetterWriters(tx: DbOrTx, repliedBefore: string, mark: string): Promise<number> {
  return count(
    await tx.execute(sql`
      UPDATE ${letters}
         SET writer_name = CASE WHEN writer_name IS NULL THEN NULL ELSE ${mark} END,
             writer_phone = NULL, writer_id_no = NULL, writer_key = NULL
       WHERE ${letterDue(repliedBefore, mark)}`),
  );
}

/** Answered or closed consultations, by the answer date (or the last change of one closed without an answer). */
export async function clearConsultationAskers(
  tx: DbOrTx,
  answeredBefore: string,
  mark: string,
): Promise<number> {
  return count(
    await tx.execute(sql`
      UPDATE ${consultations}
         SET asker_name = CASE WHEN asker_name IS NULL THEN NULL ELSE ${mark} END, asker_contact = NULL
       WHERE ${consultationDue(answeredBefore, mark)}`),
  );
}

/** Calls answered on the phone or handed over to a consultation, by the call's date. */
export async function clearCallers(tx: DbOrTx, calledBefore: string, mark: string): Promise<number> {
  return count(
    await tx.execute(sql`
      UPDATE ${calls}
         SET caller_name = CASE WHEN caller_name IS NULL THEN NULL ELSE ${mark} END, caller_phone = NULL
       WHERE ${callDue(calledBefore, mark)}`),
  );
}
