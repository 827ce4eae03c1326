// Use case: retention of the personal data of 信箱 letters, consultations and hotline calls (SECURITY.md 38;
// src/domain/security/retention.ts). Run inside the purge job's transaction (system module).
import { anonymiseFreeText, PURGED_MARK } from '../../../domain/security/retention';
import type { DbOrTx } from '../../db/client';
import {
  anonymiseCallTexts,
  anonymiseConsultationTexts,
  anonymiseLetterTexts,
  clearCallers,
  clearConsultationAskers,
  clearLetterWriters,
} from './repo/retention';

export interface InteractionCutoffs {
  lettersRepliedBefore: string;
  consultationsAnsweredBefore: string;
  callsBefore: string;
}

/** Clears what is past its retention; returns how many letters, consultations and calls changed. */
export async function purgeClosedPersonalData(
  tx: DbOrTx,
  c: InteractionCutoffs,
): Promise<{ letters: number; consultations: number; calls: number }> {
  // The free text first: the clearing below changes the rows' conditions.
  await anonymiseLetterTexts(tx, c.lettersRepliedBefore, PURGED_MARK, anonymiseFreeText);
  await anonymiseConsultationTexts(tx, c.consultationsAnsweredBefore, PURGED_MARK, anonymiseFreeText);
  await anonymiseCallTexts(tx, c.callsBefore, PURGED_MARK, anonymiseFreeText);
  return {
    letters: await clearLetterWriters(tx, c.lettersRepliedBefore, PURGED_MARK),
    consultations: await clearConsultationAskers(tx, c.consultationsAnsweredBefore, PURGED_MARK),
    calls: await clearCallers(tx, c.callsBefore, PURGED_MARK),
  };
}
