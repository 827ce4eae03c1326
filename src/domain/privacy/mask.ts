// The one masker of personal data (脱敏): every value rule lives here and is used by the pre-publication checks
// (domain/review), listings, letters, published letters and audit details. Convention: ID numbers keep the first 2
// and last 3 characters; mobile numbers the first 3 and last 4 (138****1234); landlines the area code and the last
// 2 digits; names the surname; addresses down to 乡镇/街道 (address.ts). Rules that keep the length let findings
// at later offsets stay valid (see domain/review/mask.ts).

import { truncateAddress } from './address';
import { halfWidthChar, toHalfWidth } from './width';

// Digits are recognised in full width too (１３８…), so a full-width number is masked like a half-width one.
const isDigit = (c: string) => /\d/.test(halfWidthChar(c));
const isDigitOrX = (c: string) => /[0-9Xx]/.test(halfWidthChar(c));

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
  const digits = [...s].filter(isDigit).length;
  // Prefix digits (86 or 0086) are kept as they are; the last 11 digits are the number itself.
  return maskCounted(s, isDigit, digits - 11 + 3, 4);
}

/** Landline: keep the area code and the last 2 digits ("023-******78"); extensions are masked too. */
export function maskLandline(s: string): string {
  const m = /^([(（]?0\d{2,3}[)）]?[- \u3000]?)(.*)$/.exec(toHalfWidth(s));
  if (!m) return maskCounted(s, isDigit, 0, 2);
  const head = (m[1] ?? '').length;
  return s.slice(0, head) + maskCounted(s.slice(head), isDigit, 0, 2);
}

/** Bank card: keep the first 4 and the last 4 digits. */
export function maskBankCard(s: string): string {
  return maskCounted(s, isDigit, 4, 4);
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

/** An address: kept down to its 乡镇/街道 (or else 区/县) level, the rest starred (domain/privacy/address.ts). */
export const maskAddress = truncateAddress;

/** ID number in a listing: the same rule as maskIdCard. */
export const maskIdNumber = maskIdCard;

/** Personal name: the surname (first character) and up to three '*' ("张**"). */
export function maskName(name: string): string {
  return name.length <= 1 ? name : `${name[0]}${'*'.repeat(Math.min(name.length - 1, 3))}`;
}

/** A phone number of a listing, mobile or landline, whatever its separators. */
export function maskPhone(p: string | null | undefined): string | null {
  if (!p) return null;
  const digits = p.replace(/\D/g, '');
  if (/^1[3-9]\d{9}$/.test(digits)) return maskMobile(digits);
  const landline = /^(0\d{2,3})-(\d{7,8})$/.exec(p.trim());
  if (landline) return maskLandline(p.trim());
  if (digits.length >= 7) return `${digits.slice(0, 3)}${'*'.repeat(digits.length - 5)}${digits.slice(-2)}`;
  return '****';
}

const ID18 = /(?<![0-9A-Za-z])(\d{17}[\dXx])(?![0-9A-Za-z])/g;
const ID15 = /(?<![0-9A-Za-z])(\d{15})(?![0-9A-Za-z])/g;
// An ID number split into 6-8-4 or 6-4-4-4 groups by spaces or hyphens.
const ID_SPLIT =
  /(?<![0-9A-Za-z])\d{6}([- \u3000])(?:\d{8}\1\d{3}[\dXx]|\d{4}\1\d{4}\1\d{3}[\dXx])(?![0-9A-Za-z])/g;
const MOBILE = /(?<!\d)1[3-9]\d(?:[- \u3000]{0,3}\d{4}){2}(?!\d)/g;
const LANDLINE = /(?<!\d)0\d{2,3}-\d{7,8}(?!\d)/g;

/**
 * Masks every ID number and phone number found in free text (audit details, log lines), in half- or full-width
 * digits, split by spaces or hyphens. Mobiles are written without separators (138****1234).
 */
export function maskPersonalData(text: string): string {
  let out = text;
  // Each rule matches on the half-width copy of the current text (same offsets) and replaces from the end, so a
  // replacement of another length (a mobile loses its separators) does not shift the matches before it.
  const apply = (re: RegExp, mask: (s: string) => string) => {
    const matches = [...toHalfWidth(out).matchAll(re)].reverse();
    for (const m of matches) {
      const end = m.index + m[0].length;
      out = out.slice(0, m.index) + mask(out.slice(m.index, end)) + out.slice(end);
    }
  };
  apply(ID18, maskIdCard);
  apply(ID15, maskIdCard);
  apply(ID_SPLIT, maskIdCard);
  apply(MOBILE, (m) => maskMobile([...m].filter(isDigit).join('')));
  apply(LANDLINE, maskLandline);
  return out;
}
