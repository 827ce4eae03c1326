import { describe, expect, it } from 'vitest';
import { maskIdNumber, maskPersonalData, maskPhone } from './mask';

describe('maskPersonalData', () => {
  it.each([
    ['身份证 500223199001011234 已登记', '身份证 50*************234 已登记'],
    ['旧证 500223900101123', '旧证 50**********123'],
    ['X结尾 50022319900101123X', 'X结尾 50*************23X'],
    ['电话 13812341234', '电话 138****1234'],
    ['电话 138-1234-1234', '电话 138****1234'],
    ['座机 023-44551234', '座机 023-******34'],
    ['订单号 2023041200001234567890 不是身份证', '订单号 2023041200001234567890 不是身份证'],
    ['金额 12345 元', '金额 12345 元'],
  ])('%s', (input, expected) => {
    expect(maskPersonalData(input)).toBe(expected);
  });
});

describe('single values', () => {
  it('ID keeps first 2 and last 3', () =>
    expect(maskIdNumber('500223199001011234')).toBe('50*************234'));
  it.each([
    ['13812341234', '138****1234'],
    ['023-44551234', '023-******34'],
    ['02344551234', '023******34'],
    [null, null],
  ])('phone %s', (p, m) => expect(maskPhone(p)).toBe(m));
});
