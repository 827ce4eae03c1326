// One-click masking (脱敏) of findings.
//
// Offsets: every personal-data rule except e-mail keeps the length of the text (each hidden character becomes
// one '*', separators such as '-' stay), so masking one finding leaves the offsets of all others valid.
// E-mail follows the convention "first character + *** + @domain", which hides the length on purpose; unit-name
// corrections also change length. maskAll therefore applies replacements from the end of the text backwards,
// which is correct for every kind.
import type { Finding, FindingKind } from './types';

const isDigitOrX = (c: string) => /[0-9Xx]/.test(c);

/** Replace the characters selected by `keep(index, count)` == false with '*', counting only `counted` chars. */
function maskCounted(
  s: string,
  counted: (c: string) => boolean,
  keepFirst: number,
  keepLast: number,
): string {
  const total = [...s].filter(counted).length;
  let i = 0;
  let out = '';
  for (const c of s) {
    if (!counted(c)) {
      out += c;
      continue;
    }
    out += i < keepFirst || i >= total - keepLast ? c : '*';
    i++;
  }
  return out;
}

/** ID number: keep the first 2 and the last 3 characters ("50*************123"). */
export function maskIdCard(s: string): string {
  return maskCounted(s, isDigitOrX, 2, 3);
}

/** Mobile: 138****1234. A +86/0086 prefix and separators are kept; the 4 digits after the 3-digit prefix go. */
export function maskMobile(s: string): string {
  const digits = [...s].filter((c) => /\d/.test(c)).length;
  // Prefix digits (86 or 0086) are kept as they are; the last 11 digits are the number itself.
  return maskCounted(s, (c) => /\d/.test(c), digits - 11 + 3, 4);
}

/** Landline: keep the area code and the last 2 digits ("023-******78"); extensions are masked too. */
export function maskLandline(s: string): string {
  const m = /^([(（]?0\d{2,3}[)）]?[- ]?)(.*)$/.exec(s);
  if (!m) return maskCounted(s, (c) => /\d/.test(c), 0, 2);
  return (m[1] ?? '') + maskCounted(m[2] ?? '', (c) => /\d/.test(c), 0, 2);
}

/** Bank card: keep the first 4 and the last 4 digits. */
export function maskBankCard(s: string): string {
  return maskCounted(s, (c) => /\d/.test(c), 4, 4);
}

/** E-mail: first character + *** + @domain (the convention hides the length; see the header). */
export function maskEmail(s: string): string {
  const at = s.lastIndexOf('@');
  if (at < 1) return '*'.repeat(s.length);
  return `${s[0]}***${s.slice(at)}`;
}

/** Passport: keep the first character and the last 2 ("E******78"). */
export function maskPassport(s: string): string {
  return maskCounted(s, (c) => /[0-9A-Za-z]/.test(c), 1, 2);
}

/**
 * Name + detailed address: the numbers of the house-number part go (from the number before 号 to the end:
 * "解放碑路**号*栋*单元***室"); the name and the street stay, so the reader still sees which street was meant.
 */
export function maskAddress(s: string): string {
  const m = /[0-9０-９一二三四五六七八九十百零〇]+号/.exec(s);
  if (!m) return s;
  const head = s.slice(0, m.index);
  const tail = s.slice(m.index);
  return head + tail.replace(/[0-9０-９一二三四五六七八九十百零〇A-Za-z]/g, '*');
}

const maskAllChars = (s: string) => '*'.repeat(s.length);

/** The masked form of `text` for a finding of `kind`; identity for kinds that cannot be masked. */
export function maskValue(kind: FindingKind, text: string): string {
  switch (kind) {
    case 'id_card':
      return maskIdCard(text);
    case 'mobile':
      return maskMobile(text);
    case 'landline':
      return maskLandline(text);
    case 'bank_card':
      return maskBankCard(text);
    case 'email':
      return maskEmail(text);
    case 'passport':
      return maskPassport(text);
    case 'address':
      return maskAddress(text);
    case 'secrecy_mark':
    case 'sensitive_word':
      return maskAllChars(text);
    default:
      return text;
  }
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
