// SQL of the retention purge (SECURITY.md 38) on the module's own tables: the personal data of letters replied,
// consultations answered and calls finished before a cut-off date (China time) are cleared; the records, their
// texts and every figure computed from them stay. A name becomes the mark, numbers and contacts are emptied.
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/client';
import { calls, consultations, letters } from '../../../db/schema/interaction';

const count = (r: { rowCount: number | null }) => r.rowCount ?? 0;

export async function clearLetterWriters(tx: DbOrTx, repliedBefore: string, mark: string): Promise<number> {
  return count(
    await tx.execute(sql`
      UPDATE ${letters}
         SET writer_name = CASE WHEN writer_name IS NULL THEN NULL ELSE ${mark} END,
             writer_phone = NULL, writer_id_no = NULL, writer_key = NULL
       WHERE status = 'replied' AND replied_on < ${repliedBefore}
         AND (writer_name IS DISTINCT FROM ${mark} AND writer_name IS NOT NULL
              OR writer_phone IS NOT NULL OR writer_id_no IS NOT NULL OR writer_key IS NOT NULL)`),
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
       WHERE status IN ('answered', 'closed')
         AND coalesce(answered_on, (updated_at AT TIME ZONE 'Asia/Shanghai')::date) < ${answeredBefore}
         AND (asker_name IS DISTINCT FROM ${mark} AND asker_name IS NOT NULL OR asker_contact IS NOT NULL)`),
  );
}

/** Calls answered on the phone or handed over to a consultation, by the call's date. */
export async function clearCallers(tx: DbOrTx, calledBefore: string, mark: string): Promise<number> {
  return count(
    await tx.execute(sql`
      UPDATE ${calls}
         SET caller_name = CASE WHEN caller_name IS NULL THEN NULL ELSE ${mark} END, caller_phone = NULL
       WHERE status IN ('answered', 'handed_over')
         AND (called_at AT TIME ZONE 'Asia/Shanghai')::date < ${calledBefore}
         AND (caller_name IS DISTINCT FROM ${mark} AND caller_name IS NOT NULL OR caller_phone IS NOT NULL)`),
  );
}
