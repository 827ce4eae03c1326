// Applicants' ID numbers, phones and addresses are stored sealed (AES-256-GCM, platform/crypto/fields.ts; issue 10
// part 5); the applicant key used to find the same applicant (duplicates, 按件) is a keyed hash of the plain key.
import { applicantKey } from '../../../domain/requests/identity';
import { PURGED_MARK } from '../../../domain/security/retention';
import type { DbOrTx } from '../../db/client';
import type { ApplicantData } from '../../db/schema/requests';
import { type FieldKeys, isSealed, keyedHash, seal, unseal } from '../../platform/crypto/fields';
import { allApplicants, setApplicant } from './requests.repo';

const SEALED = ['idNumber', 'phone', 'address'] as const;

/** Empty values stay empty: completeness checks (Art. 29) read presence from the stored row. */
const sealOne = (keys: FieldKeys, v: string | null) => (v ? seal(keys, v) : v);
const openOne = (keys: FieldKeys, v: string | null) => (v ? unseal(keys, v) : v);

export function sealApplicant(keys: FieldKeys, a: ApplicantData): ApplicantData {
  const out = { ...a };
  for (const f of SEALED) (out as Record<string, string | null>)[f] = sealOne(keys, a[f]);
  return out;
}

export function openApplicant(keys: FieldKeys, a: ApplicantData): ApplicantData {
  const out = { ...a };
  for (const f of SEALED) (out as Record<string, string | null>)[f] = openOne(keys, a[f]);
  return out;
}

/** 'h:' + HMAC of the plain key ('id:…' / 'name:…'): equal applicants still match, the value is not readable. */
export function hashedApplicantKey(keys: FieldKeys, idNumber: string, name: string): string {
  return `h:${keyedHash(keys, applicantKey(idNumber, name))}`;
}

const isHashedKey = (k: string) => k.startsWith('h:');

/**
 * Seals the rows stored before encryption and hashes their applicant keys. Idempotent: run at every start. A
 * retired key's values are re-sealed by the generic step (platform/crypto/reseal.ts). Returns how many rows changed.
 */
export async function sealStoredApplicants(db: DbOrTx, keys: FieldKeys): Promise<number> {
  let n = 0;
  for (const r of await allApplicants(db)) {
    // Purged by retention (retention.ts): nothing left to seal, and its key is no hash on purpose.
    if (r.applicant.name === PURGED_MARK) continue;
    const stale = SEALED.some((f) => {
      const v = r.applicant[f];
      return !!v && !isSealed(v);
    });
    if (!stale && isHashedKey(r.applicantKey)) continue;
    const plain = openApplicant(keys, r.applicant);
    // The plain key is rebuilt from the plain values (the stored one was built the same way at registration).
    const key = isHashedKey(r.applicantKey) ? r.applicantKey : `h:${keyedHash(keys, r.applicantKey)}`;
    await setApplicant(db, r.id, sealApplicant(keys, plain), key);
    n++;
  }
  return n;
}
