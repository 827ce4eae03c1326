// Client-side hint of the server's password policy (the server is the authority; it may be configured stricter
// in 安全策略). Its defaults are the domain's: at least 8 characters and 3 of the 4 character classes.
import { codesOf } from '../domain/codes';
import { DEFAULT_PASSWORD_POLICY, type PasswordPolicy } from '../domain/security/password-policy';

export const CHAR_CLASS_LABELS = {
  lower: '小写字母',
  upper: '大写字母',
  digit: '数字',
  symbol: '特殊字符',
};
export type CharClass = keyof typeof CHAR_CLASS_LABELS;

export function charClasses(pw: string): CharClass[] {
  const found = new Set<CharClass>();
  for (const ch of pw) {
    if (/[a-z]/.test(ch)) found.add('lower');
    else if (/[A-Z]/.test(ch)) found.add('upper');
    else if (/[0-9]/.test(ch)) found.add('digit');
    else if (!/\s/.test(ch)) found.add('symbol');
  }
  return codesOf(CHAR_CLASS_LABELS).filter((c) => found.has(c));
}

export function policyText(p: PasswordPolicy = DEFAULT_PASSWORD_POLICY): string {
  return `密码至少 ${p.minLength} 位，且包含大写字母、小写字母、数字、特殊字符中的至少 ${p.minClasses} 类；不能包含用户名，不能使用常见密码`;
}

/** null when acceptable, otherwise the Chinese reason. */
export function checkPassword(
  pw: string,
  p: PasswordPolicy = DEFAULT_PASSWORD_POLICY,
  username?: string,
): string | null {
  if ([...pw].length < p.minLength) return `密码长度不足 ${p.minLength} 位`;
  const n = charClasses(pw).length;
  if (n < p.minClasses) return `密码需包含至少 ${p.minClasses} 类字符（当前 ${n} 类）`;
  // The server's rule (domain/security): a username of 3 or more characters may not appear in the password.
  if (username && username.length >= 3 && pw.toLowerCase().includes(username.toLowerCase()))
    return '密码不能包含用户名';
  return null;
}

/**
 * The form rule (antd `rules` entry) that checks a new password against the policy. The username it may not
 * contain is the one given (the user's own, or the one whose password is reset), else the form's `username` field
 * (a new user's).
 */
export const passwordRule =
  (username?: string) =>
  ({ getFieldValue }: { getFieldValue: (name: string) => unknown }) => ({
    validator: (_: unknown, v: string | undefined) => {
      const why = v ? checkPassword(v, undefined, username ?? (getFieldValue('username') as string)) : null;
      return why ? Promise.reject(new Error(why)) : Promise.resolve();
    },
  });
