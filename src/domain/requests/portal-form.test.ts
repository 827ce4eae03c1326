import { describe, expect, it } from 'vitest';
import { eachEquals } from '../../../test/table';
import { applicantIdProblem, portalFormErrors } from './portal-form';

const opts = {
  unitIds: ['u1'],
  deliveryForms: ['paper', 'electronic'],
  deliveryChannels: ['mail', 'email'],
  today: '2026-03-02',
};
const good = {
  unitId: 'u1',
  kind: 'natural_person',
  name: '王五',
  idType: 'id_card',
  idNumber: '11010519491231002X',
  phone: '13900139000',
  description: '项目清单',
  deliveryForm: 'paper',
  deliveryChannel: 'mail',
  answer: '7',
};

describe('portalFormErrors', () => {
  it('accepts a complete form', () => {
    expect(portalFormErrors(good, opts)).toEqual({});
  });

  it.each([
    [{ unitId: '' }, 'unitId', '请选择受理机关'],
    [{ unitId: 'other' }, 'unitId', '请从列表中选择受理机关'],
    [{ kind: 'alien' }, 'kind', '请选择申请人类型'],
    [{ name: '  ' }, 'name', '请填写姓名或者名称'],
    [{ name: '名'.repeat(101) }, 'name', '不能超过 100 字，请精简'],
    [{ idType: '' }, 'idType', '请选择证件类型'],
    [{ idNumber: '' }, 'idNumber', '请填写证件号码'],
    [{ idNumber: '110105194912310021' }, 'idNumber', '身份证号码校验位不正确，请核对'],
    [{ idNumber: '110105209912310021' }, 'idNumber', '身份证号码中的出生日期 2099-12-31 晚于今天'],
    [{ idType: 'credit_code' }, 'idType', '自然人请选择居民身份证或其他有效身份证件'],
    [{ phone: '' }, 'phone', '请填写联系电话'],
    [{ phone: '12345' }, 'phone', '请填写 11 位手机号码，或带区号的固定电话（如 023-12345678）'],
    [{ email: 'a@b' }, 'email', '电子邮箱不完整，例如 name@example.com'],
    [{ description: '' }, 'description', '请写明所需政府信息的名称、文号或者其他特征'],
    [{ deliveryForm: 'fax' }, 'deliveryForm', '请选择获取信息的形式'],
    [{ deliveryChannel: '' }, 'deliveryChannel', '请选择获取信息的途径'],
    [{ answer: '' }, 'answer', '请回答验证问题'],
  ])('%o → %s: %s', (change, field, message) => {
    expect(portalFormErrors({ ...good, ...change }, opts)).toEqual({ [field]: message });
  });

  it('reports every problem at once', () => {
    const e = portalFormErrors({}, opts);
    expect(Object.keys(e).sort()).toEqual(
      [
        'answer',
        'deliveryChannel',
        'deliveryForm',
        'description',
        'idNumber',
        'idType',
        'kind',
        'name',
        'phone',
        'unitId',
      ].sort(),
    );
  });
});

describe('applicantIdProblem (every channel)', () => {
  eachEquals(
    applicantIdProblem,
    [
      [{ kind: 'natural_person', idType: 'other', idNumber: 'E12345678' }, null],
      [{ kind: 'natural_person', idType: 'id_card', idNumber: '11010519491231002x' }, null],
      [
        { kind: 'commercial', idType: 'credit_code', idNumber: '91500000MA5U000000', contactPerson: '钱七' },
        null,
      ],
      [
        { kind: 'commercial', idType: 'credit_code', idNumber: '9150', contactPerson: '钱七' },
        { field: 'idNumber', message: '统一社会信用代码应为 18 位数字或大写字母' },
      ],
      [
        { kind: 'research', idType: 'credit_code', idNumber: '91500000MA5U000000' },
        { field: 'contactPerson', message: '法人或其他组织请填写联系人' },
      ],
    ],
    '%o → %o',
  );
});
