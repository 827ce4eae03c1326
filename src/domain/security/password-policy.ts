// Password policy (default: ≥ 8 characters, 3 of 4 character classes, not a common password). Configurable by
// the security admin; the values live in the `security` setting.

export interface PasswordPolicy {
  minLength: number;
  minClasses: number;
}

export const DEFAULT_PASSWORD_POLICY: PasswordPolicy = { minLength: 8, minClasses: 3 };

// The most common passwords in Chinese and international leak lists (lower-cased), about 120 of them: the class
// rule already rejects most weak passwords; this list catches the ones that satisfy it (keyboard walks, 5201314,
// names of the product, the government and cities with a year or @123).
const COMMON = new Set(
  [
    'password',
    'password1',
    'password123',
    'p@ssw0rd',
    'p@ssword',
    'passw0rd',
    'admin123',
    'admin@123',
    'admin123!',
    'abc123456',
    'abcd1234',
    'aa123456',
    'aa123456!',
    'a1234567',
    'a123456!',
    'qwer1234',
    'qwerty123',
    'qwe123!@#',
    '1qaz2wsx',
    '1qaz@wsx',
    '1q2w3e4r',
    '1q2w3e4r5t',
    'zaq12wsx',
    'asd123456',
    'woaini1314',
    'iloveyou1',
    'test1234',
    'test@123',
    'welcome1',
    'welcome123',
    'root1234',
    'root@123',
    'gongkai123',
    'gongkai@123',
    'admin@1234',
    'changeme1',
    'letmein1',
    'abc@1234',
    'abc12345!',
    'qq123456',
    'aa112233',
    'zxcvbnm1',
    'a12345678',
    'abcd@1234',
    '123qwe!@#',
    'qwe@1234',
    'pass@123',
    'pass@word1',
    'woaini520',
    'woaini521',
    'woaini1314!',
    'a5201314',
    'aa5201314',
    '5201314a',
    'abc123!@#',
    'abc@123456',
    'aa@123456',
    'huawei@123',
    'huawei123',
    'admin@2024',
    'admin@2025',
    'admin@2026',
    'admin2024!',
    'admin2025!',
    'admin2026!',
    'sa@123456',
    'oracle@123',
    'mysql@123',
    'system@123',
    'sys@1234',
    'user@123',
    'user@1234',
    'manager1',
    'manager@123',
    'p@ssw0rd1',
    'p@ssw0rd123',
    'passw0rd!',
    'password!',
    'password@1',
    'password@123',
    'qwerty@123',
    'qwerty1!',
    'qweasd123',
    'qweasdzxc1',
    'zxc123456',
    'zxcv1234',
    'asdf1234',
    'asdf@1234',
    '1qaz!qaz',
    '!qaz2wsx',
    '!qaz@wsx',
    'qaz123456',
    'q1w2e3r4',
    'q1w2e3r4t5',
    'gov@2024',
    'gov@2025',
    'gov@2026',
    'zhengfu123',
    'zhengfu@123',
    'zwgk@123',
    'xxgk@123',
    'china@123',
    'china123!',
    'beijing@123',
    'shanghai@123',
    'chongqing@123',
    'abc.1234',
    'abcd.1234',
    'aa123123',
    'a123123!',
    'a111111!',
    'a000000!',
    'welcome@1',
    'welcome@123',
    'letmein@123',
    'iloveyou!',
    'sunshine1',
    'football1',
    'monkey123!',
    'dragon123!',
    'master123!',
  ].map((p) => p.toLowerCase()),
);

export function characterClasses(pw: string): number {
  let n = 0;
  if (/[a-z]/.test(pw)) n++;
  if (/[A-Z]/.test(pw)) n++;
  if (/\d/.test(pw)) n++;
  if (/[^A-Za-z0-9]/.test(pw)) n++;
  return n;
}

const DAY_MS = 86_400_000;

/**
 * Forced rotation: a password set `maxAgeDays` or more days before `now` must be changed before anything else
 * (0: passwords do not expire). `setAt` is when it was last set (or the account created).
 */
export function passwordExpired(setAt: Date, maxAgeDays: number, now: Date): boolean {
  return maxAgeDays > 0 && now.getTime() - setAt.getTime() >= maxAgeDays * DAY_MS;
}

/** Returns the reasons (Chinese) why the password is refused; empty when acceptable. */
/** The site's own names (the portal is named after the district, a unit): among the first words an attacker tries. */
export const SITE_WORDS = ['政务公开', '信息公开'];

/**
 * `ctx.words`: the context list beside the username (the site's names, the district's and departments' names);
 * words shorter than 2 characters are ignored.
 */
export function checkPassword(
  pw: string,
  policy: PasswordPolicy,
  ctx: { username?: string; words?: readonly string[] } = {},
): string[] {
  const errors: string[] = [];
  if (pw.length < policy.minLength) errors.push(`密码长度至少 ${policy.minLength} 位`);
  if (characterClasses(pw) < policy.minClasses) {
    errors.push(`密码需包含大写字母、小写字母、数字、特殊字符中的至少 ${policy.minClasses} 类`);
  }
  if (COMMON.has(pw.toLowerCase())) errors.push('密码过于常见，请换一个');
  if (ctx.username && ctx.username.length >= 3 && pw.toLowerCase().includes(ctx.username.toLowerCase())) {
    errors.push('密码不能包含用户名');
  }
  const lower = pw.toLowerCase();
  if ((ctx.words ?? []).some((w) => w.length >= 2 && lower.includes(w.toLowerCase())))
    errors.push('密码不能包含网站名称或单位名称');
  if (pw.length > 128) errors.push('密码长度不能超过 128 位');
  return errors;
}
