// The one list of every column holding values sealed with the personal-data keys (fields.ts; SECURITY.md 37). The
// start-up re-seal after a key rotation (reseal.ts) walks it, and test/integration/reseal.db.test.ts fails when the
// database holds a sealed value (`gk1:…`) in a column missing here. A new sealed column is added here, nowhere else.
//
// The TOTP secrets (auth/seal.ts, `v1.…` under GONGKAI_SECRET_KEY) are another key and format: not listed.
import type { AnyPgColumn, PgTable } from 'drizzle-orm/pg-core';
import {
  calls,
  consultations,
  decisionComments,
  enforcementDecisions,
  letters,
  requestCases,
  users,
} from '../../db/schema';
import type { ApplicantData } from '../../db/schema/requests';

export interface SealedColumns {
  /** The table; its primary key is `id` (the re-seal walks it in `id` order). */
  table: PgTable & { id: AnyPgColumn };
  /** Text columns holding a sealed value (or null, or a plain value the column allows: the re-seal leaves those). */
  columns?: readonly AnyPgColumn[];
  /** A jsonb column whose object holds sealed strings under these keys. */
  json?: { column: AnyPgColumn; keys: readonly string[] };
  /**
   * The keyed hash kept next to the value for look-ups. It is made with the `hash` key, which is never rotated, so
   * a re-seal leaves it as it is; listed so that whoever changes the value knows it goes with it.
   */
  hash?: AnyPgColumn;
}

const applicantSealed = ['idNumber', 'phone', 'address'] as const satisfies readonly (keyof ApplicantData)[];

export const SEALED_COLUMNS: readonly SealedColumns[] = [
  // Staff accounts' phone (org).
  { table: users, columns: [users.phone] },
  // 依申请公开 applicants (requests/personal-data.ts); the applicant key is a keyed hash of the plain key.
  {
    table: requestCases,
    json: { column: requestCases.applicant, keys: applicantSealed },
    hash: requestCases.applicantKey,
  },
  // 政策咨询 askers (interaction/registration.ts); the retention purge's mark stays plain.
  { table: consultations, columns: [consultations.askerName, consultations.askerContact] },
  // 来电 callers (interaction/hotline.ts, hotline-import.ts).
  { table: calls, columns: [calls.callerName, calls.callerPhone] },
  // 信箱 letter writers (interaction/letters.ts); the writer key is a keyed hash of the phone.
  {
    table: letters,
    columns: [letters.writerName, letters.writerPhone, letters.writerIdNo],
    hash: letters.writerKey,
  },
  // 行政执法 parties: a person's ID number is sealed, an organisation's 统一社会信用代码 stays plain.
  { table: enforcementDecisions, columns: [enforcementDecisions.partyCode] },
  // 决策草案 comments quoting ID or phone numbers: the original, sealed.
  { table: decisionComments, columns: [decisionComments.originalSealed] },
];
