import { describe, expect, it } from 'vitest';
import { eachReturns } from '../../../test/table';
import { checkPassword, DEFAULT_PASSWORD_POLICY, passwordExpired } from './password-policy';

describe('checkPassword (default policy)', () => {
  it.each([
    ['Gk#2026-ok', []],
    ['short1A', ['密码长度至少 8 位']],
    ['alllowercase', ['密码需包含大写字母、小写字母、数字、特殊字符中的至少 3 类']],
    ['lowercase123', ['密码需包含大写字母、小写字母、数字、特殊字符中的至少 3 类']],
    ['Lowercase123', []],
    ['P@ssw0rd', ['密码过于常见，请换一个']],
    ['Admin@123', ['密码过于常见，请换一个']],
  ])('%s', (pw, errors) => {
    expect(checkPassword(pw, DEFAULT_PASSWORD_POLICY)).toEqual(errors);
  });

  it('refuses a password containing the username', () => {
    expect(checkPassword('Zhangsan#2026', DEFAULT_PASSWORD_POLICY, { username: 'zhangsan' })).toEqual([
      '密码不能包含用户名',
    ]);
  });

  it('refuses a password built on the site’s or a department’s name (the context list)', () => {
    const words = ['tongnan', '区发展改革委', '潼南区人民政府'];
    expect(checkPassword('Tongnan#2026', DEFAULT_PASSWORD_POLICY, { words })).toEqual([
      '密码不能包含网站名称或单位名称',
    ]);
    expect(checkPassword('区发展改革委Ab1#', DEFAULT_PASSWORD_POLICY, { words })).toEqual([
      '密码不能包含网站名称或单位名称',
    ]);
    expect(checkPassword('Tn#2026-ok', DEFAULT_PASSWORD_POLICY, { words })).toEqual([]);
  });

  it('accepts long passphrases (64 characters and more, up to 128)', () => {
    expect(checkPassword(`Ab1#${'x'.repeat(60)}`, DEFAULT_PASSWORD_POLICY)).toEqual([]);
    expect(checkPassword(`${'correct horse battery staple '.repeat(4)}Ab1`, DEFAULT_PASSWORD_POLICY)).toEqual(
      [],
    );
    expect(checkPassword(`Ab1#${'x'.repeat(125)}`, DEFAULT_PASSWORD_POLICY)).toEqual([
      '密码长度不能超过 128 位',
    ]);
  });

  it('honours a configured policy', () => {
    expect(checkPassword('Abcdefg1', { minLength: 12, minClasses: 4 })).toHaveLength(2);
  });
});

describe('passwordExpired (forced rotation)', () => {
  const setAt = new Date('2026-01-01T00:00:00Z');
  const at = (iso: string) => new Date(iso);
  eachReturns(
    ([maxAgeDays, now]: [number, Date]) => passwordExpired(setAt, maxAgeDays, now),
    [
      [[90, at('2026-03-31T23:59:59Z')], false],
      [[90, at('2026-04-01T00:00:00Z')], true],
      [[90, at('2025-12-01T00:00:00Z')], false],
      [[0, at('2036-01-01T00:00:00Z')], false],
      [[1, at('2026-01-02T00:00:00Z')], true],
    ],
    'max age %j',
  );
});
