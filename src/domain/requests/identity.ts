// Identity numbers at intake: the 18-digit 居民身份证号码 (GB 11643-1999, ISO 7064 MOD 11-2 check character).
import { isIsoDate } from '../calendar/dates';
import { idCheckChar } from '../review/validators';

/** Chinese message when `raw` is not a valid 18-digit ID number, else null. `today` rejects future births. */
export function checkIdCardNumber(raw: string, today?: string): string | null {
  const id = raw.trim().toUpperCase();
  if (!/^\d{17}[\dX]$/.test(id)) return '身份证号码应为 18 位（最后一位可为 X）';
  const birth = `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`;
  if (!isIsoDate(birth)) return `身份证号码中的出生日期 ${birth} 不存在`;
  if (today && birth > today) return `身份证号码中的出生日期 ${birth} 晚于今天`;
  if (idCheckChar(id.slice(0, 17)) !== id[17]) return '身份证号码校验位不正确，请核对';
  return null;
}

/** Key identifying one applicant across channels (109号 counts per applicant per month, FEE-3). */
export function applicantKey(idNumber: string, name: string): string {
  const id = idNumber.trim().toUpperCase();
  return id ? `id:${id}` : `name:${name.replace(/\s+/g, '')}`;
}
