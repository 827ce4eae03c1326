// Masking of personal data in logs and listings. Convention: ID numbers keep the first 2 and last 3 characters;
// mobile numbers keep the first 3 and last 4 (138****1234).

const ID18 = /(?<![0-9A-Za-z])(\d{17}[\dXx])(?![0-9A-Za-z])/g;
const ID15 = /(?<![0-9A-Za-z])(\d{15})(?![0-9A-Za-z])/g;
const MOBILE = /(?<!\d)(1[3-9]\d)[- ]?(\d{4})[- ]?(\d{4})(?!\d)/g;
const LANDLINE = /(?<!\d)(0\d{2,3})-(\d{7,8})(?!\d)/g;

export function maskIdNumber(id: string): string {
  return id.slice(0, 2) + '*'.repeat(Math.max(0, id.length - 5)) + id.slice(-3);
}

export function maskMobile(m: string): string {
  const digits = m.replace(/\D/g, '');
  return `${digits.slice(0, 3)}****${digits.slice(-4)}`;
}

export function maskPhone(p: string | null | undefined): string | null {
  if (!p) return null;
  const digits = p.replace(/\D/g, '');
  if (/^1[3-9]\d{9}$/.test(digits)) return maskMobile(digits);
  const landline = /^(0\d{2,3})-(\d{7,8})$/.exec(p.trim());
  if (landline) return `${landline[1]}-${'*'.repeat(landline[2]!.length - 2)}${landline[2]!.slice(-2)}`;
  if (digits.length >= 7) return `${digits.slice(0, 3)}${'*'.repeat(digits.length - 5)}${digits.slice(-2)}`;
  return '****';
}

/** Masks every ID number and phone number found in free text (used for audit details and log lines). */
export function maskPersonalData(text: string): string {
  return text
    .replace(ID18, (m) => maskIdNumber(m))
    .replace(ID15, (m) => maskIdNumber(m))
    .replace(MOBILE, (_m, a: string, _b: string, c: string) => `${a}****${c}`)
    .replace(
      LANDLINE,
      (_m, area: string, num: string) => `${area}-${'*'.repeat(num.length - 2)}${num.slice(-2)}`,
    );
}
