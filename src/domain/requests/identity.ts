// Identity numbers at intake: the 18-digit 居民身份证号码 (GB 11643-1999, ISO 7064 MOD 11-2 check character).
import { isIsoDate } from '../calendar/dates';

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = '10X98765432';

/** Chinese message when `raw` is not a valid 18-digit ID number, else null. `today` rejects future births. */
export function checkIdCardNumber(raw: string, today?: string): string | null {
  const id = raw.trim().toUpperCase();
  if (!/^\d{17}[\dX]$/.test(id)) return '身份证号码应为 18 位（最后一位可为 X）';
  const birth = `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`;
  if (!isIsoDate(birth)) return `身份证号码中的出生日期 ${birth} 不存在`;
  if (today && birth > today) return `身份证号码中的出生日期 ${birth} 晚于今天`;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(id[i]) * (WEIGHTS[i] as number);
  if (CHECK[sum % 11] !== id[17]) return '身份证号码校验位不正确，请核对';
  return null;
}

/** Masks an ID number or phone for listings: keeps the first 3 and last 4 characters. */
export function maskIdentity(raw: string): string {
  const s = raw.trim();
  if (s.length <= 7) return `${s.slice(0, 1)}***`;
  return `${s.slice(0, 3)}${'*'.repeat(s.length - 7)}${s.slice(-4)}`;
}

/** Key identifying one applicant across channels (109号 counts per applicant per month, FEE-3). */
export function applicantKey(idNumber: string, name: string): string {
  const id = idNumber.trim().toUpperCase();
  return id ? `id:${id}` : `name:${name.replace(/\s+/g, '')}`;
}
