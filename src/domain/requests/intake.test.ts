import { describe, expect, it } from 'vitest';
import { checkIntake, type IntakeField, type IntakeRoute, type IntakeSubmission } from './intake';

const complete: IntakeSubmission = {
  applicant_name: '张三',
  id_proof: '身份证复印件',
  contact: '13800000000',
  info_description: '2025年某街道老旧小区改造项目批复文件',
  delivery_form: '电子文档',
  delivery_channel: '电子邮件',
};

describe('APP-1: Art. 29 required content at intake', () => {
  it('a complete submission is accepted', () => {
    expect(checkIntake(complete)).toEqual({ route: 'accept', missing: [], message: null });
  });
  it.each<[IntakeField, IntakeRoute, string]>([
    ['applicant_name', 'correction', '申请人姓名或者名称'],
    ['id_proof', 'correction', '身份证明'],
    ['info_description', 'correction', '特征性描述'],
    ['delivery_form', 'correction', '形式要求'],
    ['delivery_channel', 'correction', '方式、途径'],
    ['contact', 'reject', '无法联系申请人'],
  ])('missing %s → %s', (field, route, fragment) => {
    const r = checkIntake({ ...complete, [field]: '  ' });
    expect(r.route).toBe(route);
    expect(r.missing).toEqual([field]);
    expect(r.message).toContain(fragment);
  });
  it('lists every missing field', () => {
    const r = checkIntake({ applicant_name: '李四', contact: '010-1234' });
    expect(r.missing).toEqual(['id_proof', 'info_description', 'delivery_form', 'delivery_channel']);
  });
});
