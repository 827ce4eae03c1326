import { describe, expect, it } from 'vitest';
import { eachEquals, eachReturns } from '../../test/table';
import { charClasses, checkPassword, policyText } from './passwordPolicy';

describe('charClasses', () => {
  eachEquals(
    charClasses,
    [
      ['abc', ['lower']],
      ['ABC123', ['upper', 'digit']],
      ['aB3!', ['lower', 'upper', 'digit', 'symbol']],
      ['密码abc', ['lower', 'symbol']], // non-ASCII letters count as special characters
      ['a b', ['lower']], // spaces are no class
    ],
    '%s -> %j',
  );
});

describe('checkPassword (default: ≥ 8 chars, 3 of 4 classes)', () => {
  eachReturns(
    checkPassword,
    [
      ['Abcdef1!', null],
      ['abcdef12', '密码需包含至少 3 类字符（当前 2 类）'],
      ['Abcdefgh', '密码需包含至少 3 类字符（当前 2 类）'],
      ['Abcdefg1', null],
      ['abcdefg1!', null],
      ['Ab1!xyz', '密码长度不足 8 位'],
      ['', '密码长度不足 8 位'],
    ],
    '%j -> %s',
  );

  it('follows a stricter configured policy', () => {
    expect(checkPassword('Abcdefg1', { minLength: 12, minClasses: 3 })).toBe('密码长度不足 12 位');
    expect(checkPassword('Abcdefghij1x', { minLength: 12, minClasses: 4 })).toBe(
      '密码需包含至少 4 类字符（当前 3 类）',
    );
  });

  it('states the policy in Chinese', () => {
    expect(policyText()).toBe(
      '密码至少 8 位，且包含大写字母、小写字母、数字、特殊字符中的至少 3 类；不能包含用户名，不能使用常见密码',
    );
  });

  it('refuses a password containing the username (3 characters or more)', () => {
    expect(checkPassword('Office#2026', undefined, 'office')).toBe('密码不能包含用户名');
    expect(checkPassword('Office#2026', undefined, 'of')).toBeNull();
    expect(checkPassword('Office#2026', undefined, 'leader')).toBeNull();
  });
});
