// One-click masking (脱敏) of findings.
//
// Offsets: every personal-data rule except e-mail and address keeps the length of the text (each hidden character
// becomes one '*', separators such as '-' stay), so masking one finding leaves the offsets of all others valid.
// E-mail follows the convention "first character + *** + @domain" and an address ends in "******", which hide the
// length on purpose; unit-name corrections also change length. maskAll therefore applies replacements from the end of the text backwards,
// which is correct for every kind.
import {
  maskAddress,
  maskBankCard,
  maskEmail,
  maskIdCard,
  maskLandline,
  maskMobile,
  maskName,
  maskPassport,
} from '../privacy/mask';
import type { Finding, FindingKind } from './types';

export { maskAddress, maskBankCard, maskEmail, maskIdCard, maskLandline, maskMobile, maskPassport };

const maskAllChars = (s: string) => '*'.repeat(s.length);

// An address finding (checks.ts) starts with the person's name and "，家住" or "住址：": those stay (the name is a
// finding of its own when it matters), the address after them is truncated. `withName`: the name is masked too
// (free text the public reads).
const ADDRESS_LEAD =
  /^(\p{Script=Han}{1,4}?)(?:[，,：: \u3000]+(?:家住|现住|住址[：:]?|户籍地址[：:]?|居住地[：:]?|居住在|住在|住)?|家住|现住|住址[：:]?|户籍地址[：:]?|居住地[：:]?|居住在|住在|住)[：: \u3000]*/u;
export function maskAddressFinding(text: string, withName = false): string {
  const m = ADDRESS_LEAD.exec(text);
  const lead = m?.[0] ?? '';
  const name = m?.[1] ?? '';
  const shownLead = withName ? maskName(name) + lead.slice(name.length) : lead;
  return shownLead + maskAddress(text.slice(lead.length));
}

/**
 * How a finding of each kind is masked. Kinds not listed cannot be masked (identity), and `personal_name` is not
 * masked in one click: once the number next to it is masked, a name alone is often what the notice must show (a 公示
 * names its subjects); the reviewer decides.
 */
const MASKERS: Partial<Record<FindingKind, (text: string) => string>> = {
  id_card: maskIdCard,
  mobile: maskMobile,
  landline: maskLandline,
  bank_card: maskBankCard,
  email: maskEmail,
  passport: maskPassport,
  address: (text) => maskAddressFinding(text),
  secrecy_mark: maskAllChars,
  sensitive_word: maskAllChars,
};

/** The masked form of `text` for a finding of `kind`; identity for kinds that cannot be masked. */
export function maskValue(kind: FindingKind, text: string): string {
  const mask = MASKERS[kind];
  return mask ? mask(text) : text;
}

/** Apply one finding. Throws if the text at the finding's offsets is not the finding's text (stale finding). */
export function maskFinding(text: string, finding: Finding): string {
  if (text.slice(finding.start, finding.end) !== finding.text) {
    throw new Error(`finding ${finding.kind} at ${finding.start} does not match the text`);
  }
  return text.slice(0, finding.start) + finding.masked + text.slice(finding.end);
}

/**
 * Apply every finding, from the end backwards (see the header). Overlapping findings: the one that starts
 * later is applied, the earlier overlapping one is skipped. Findings whose text no longer matches are skipped.
 */
export function maskAll(text: string, findings: readonly Finding[]): string {
  const sorted = [...findings]
    .filter((f) => f.masked !== f.text)
    .sort((a, b) => b.start - a.start || b.end - a.end);
  let out = text;
  let limit = Number.POSITIVE_INFINITY;
  for (const f of sorted) {
    if (f.end > limit) continue;
    if (out.slice(f.start, f.end) !== f.text) continue;
    out = out.slice(0, f.start) + f.masked + out.slice(f.end);
    limit = f.start;
  }
  return out;
}
