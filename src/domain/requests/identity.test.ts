import { describe, expect, it } from 'vitest';
import { eachReturns } from '../../../test/table';
import { applicantKey, checkIdCardNumber } from './identity';

describe('checkIdCardNumber (GB 11643 MOD 11-2)', () => {
  // 11010519491231002X is the standard's own example; the others are derived by hand from the weights.
  eachReturns(checkIdCardNumber, [
    ['11010519491231002X', null],
    ['11010519491231002x', null],
    ['110105194912310021', '身份证号码校验位不正确，请核对'],
    ['11010519491331002X', '身份证号码中的出生日期 1949-13-31 不存在'],
    ['1101051949123100', '身份证号码应为 18 位（最后一位可为 X）'],
    ['11010519491231002Y', '身份证号码应为 18 位（最后一位可为 X）'],
  ]);

  it('refuses a birth date after today', () => {
    // 110105 2030 01 01 001 + check: weighted sum 79, 79 % 11 = 2 → "X"; valid except for the future birth.
    expect(checkIdCardNumber('11010520300101001X')).toBeNull();
    expect(checkIdCardNumber('11010520300101001X', '2026-03-02')).toMatch(/晚于今天/);
  });
});

describe('applicantKey', () => {
  it('keys by ID number when there is one, else by name', () => {
    expect(applicantKey(' 11010519491231002x ', '张 三')).toBe('id:11010519491231002X');
    expect(applicantKey('', '张 三')).toBe('name:张三');
  });
});
