// Check-digit validators for numbers that look like personal data. Pure.

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK_CHARS = '10X98765432';

/** Province-level codes of GB/T 2260 (first two digits of a 居民身份证号码). */
const PROVINCE_CODES = new Set([
  '11',
  '12',
  '13',
  '14',
  '15',
  '21',
  '22',
  '23',
  '31',
  '32',
  '33',
  '34',
  '35',
  '36',
  '37',
  '41',
  '42',
  '43',
  '44',
  '45',
  '46',
  '50',
  '51',
  '52',
  '53',
  '54',
  '61',
  '62',
  '63',
  '64',
  '65',
  '71',
  '81',
  '82',
]);

/** ISO 7064 MOD 11-2 check character for the first 17 digits (GB 11643-1999). */
export function idCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * (ID_WEIGHTS[i] ?? 0);
  return ID_CHECK_CHARS[sum % 11] ?? '';
}

function isRealDate(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  return d <= daysInMonth(y, m);
}

export function daysInMonth(y: number, m: number): number {
  // Date.UTC with day 0 gives the last day of month m (1-based); pure, no clock.
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/** 18-digit ID: province code, a real birth date 1800-2099 (GB 11643 itself uses 1880 in an example), and the MOD 11-2 check character. */
export function isValidId18(s: string): boolean {
  if (!/^\d{17}[\dXx]$/.test(s)) return false;
  if (!PROVINCE_CODES.has(s.slice(0, 2))) return false;
  const y = Number(s.slice(6, 10));
  if (y < 1800 || y > 2099) return false;
  if (!isRealDate(y, Number(s.slice(10, 12)), Number(s.slice(12, 14)))) return false;
  return idCheckChar(s.slice(0, 17)) === s[17]?.toUpperCase();
}

/** 15-digit ID (issued before 1999): province code and a real birth date 19YYMMDD; it has no check digit. */
export function isValidId15(s: string): boolean {
  if (!/^\d{15}$/.test(s)) return false;
  if (!PROVINCE_CODES.has(s.slice(0, 2))) return false;
  return isRealDate(1900 + Number(s.slice(6, 8)), Number(s.slice(8, 10)), Number(s.slice(10, 12)));
}

/** Luhn (mod 10) check over a digit string. */
export function luhnValid(digits: string): boolean {
  if (!/^\d+$/.test(digits)) return false;
  let sum = 0;
  let double = false;
  for (let i = digits.length - 1; i >= 0; i--) {
    let n = Number(digits[i]);
    if (double) {
      n *= 2;
      if (n > 9) n -= 9;
    }
    sum += n;
    double = !double;
  }
  return sum % 10 === 0;
}

const USCC_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/**
 * 统一社会信用代码 (GB 32100-2015, MOD 31). An organisation's code is public information, so an all-digit code
 * that happens to pass Luhn must not be reported as a bank card.
 */
export function isValidUscc(s: string): boolean {
  const code = s.toUpperCase();
  if (code.length !== 18) return false;
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const v = USCC_CHARS.indexOf(code[i] ?? '');
    if (v < 0) return false;
    sum += v * (USCC_WEIGHTS[i] ?? 0);
  }
  const check = (31 - (sum % 31)) % 31;
  return USCC_CHARS[check] === code[17];
}
