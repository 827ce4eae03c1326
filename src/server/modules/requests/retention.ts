// Use case: retention of applicants' personal data (SECURITY.md 38; src/domain/security/retention.ts). A case
// closed before the cut-off keeps its number, unit, dates, outcome and applicant kind — everything the annual
// report and the statistics count — and loses the applicant's name, ID number, phone, e-mail, address, contact
// person, the applicant key and the identity proof file; personal data written into the description are masked. Run inside the purge job's transaction (system module).
import { anonymiseFreeText, PURGED_MARK } from '../../../domain/security/retention';
import type { DbOrTx } from '../../db/client';
import type { ApplicantData } from '../../db/schema/requests';
import { deleteFiles } from '../../platform/files/service';
import { clearApplicants, closedCasesToPurge, setDescription } from './requests.repo';

const PURGED: Omit<ApplicantData, 'idType'> = {
  name: PURGED_MARK,
  idNumber: '',
  phone: '',
  email: null,
  address: null,
  contactPerson: null,
};

/** Whether a case's applicant was purged (the start-up sealing step leaves it alone). */
export const isPurgedApplicant = (a: ApplicantData) => a.name === PURGED_MARK;

/** Clears the applicant of every case closed before `closedBefore` (YYYY-MM-DD); returns how many cases. */
export async function purgeClosedApplicants(tx: DbOrTx, closedBefore: string): Promise<number> {
  const rows = await closedCasesToPurge(tx, closedBefore, PURGED_MARK);
  // The ID type is no personal data: it stays.
  for (let i = 0; i < rows.length; i += 500)
    await clearApplicants(
      tx,
      rows.slice(i, i + 500).map((r) => r.id),
      PURGED,
    );
  for (const r of rows) {
    const text = anonymiseFreeText(r.description);
    if (text !== null) await setDescription(tx, r.id, text);
  }
  await deleteFiles(
    tx,
    rows.flatMap((r) => (r.idProofFileId ? [r.idProofFileId] : [])),
  );
  return rows.length;
}
