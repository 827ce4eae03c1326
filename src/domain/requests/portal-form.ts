// The portal's application form checked as a whole (issue 15 part 9): every problem at once, keyed by the form's
// field name, in plain Chinese — what to do, not which format failed. The identity rules are the ones the server
// applies to every channel (identity.ts), so the portal refuses nothing the console would accept and vice versa.
import { checkIdCardNumber } from './identity';
import { APPLICANT_KINDS } from './outcomes';

export type PortalFormValues = Record<string, string | undefined>;

export interface PortalFormOptions {
  /** The agencies offered in the form. */
  unitIds: readonly string[];
  deliveryForms: readonly string[];
  deliveryChannels: readonly string[];
  /** China date: birth dates after it are refused. */
  today: string;
}

const PHONE = /^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const CREDIT_CODE = /^[0-9A-HJ-NPQRTUWXY]{18}$/;

/** The identity rules of every channel: field name → message, or null when the identity is acceptable. */
export function applicantIdProblem(a: {
  kind: string;
  idType: string;
  idNumber: string;
  contactPerson?: string | null | undefined;
  today?: string | undefined;
}): { field: 'idType' | 'idNumber' | 'contactPerson'; message: string } | null {
  if (a.kind === 'natural_person') {
    if (a.idType === 'credit_code')
      return { field: 'idType', message: '自然人请选择居民身份证或其他有效身份证件' };
    if (a.idType === 'id_card') {
      const err = checkIdCardNumber(a.idNumber, a.today);
      if (err) return { field: 'idNumber', message: err };
    }
    return null;
  }
  if (!CREDIT_CODE.test(a.idNumber.trim().toUpperCase()))
    return { field: 'idNumber', message: '统一社会信用代码应为 18 位数字或大写字母' };
  if (!a.contactPerson?.trim()) return { field: 'contactPerson', message: '法人或其他组织请填写联系人' };
  return null;
}

/** Every problem of the form, by field name (empty when it may be submitted). */
export function portalFormErrors(v: PortalFormValues, o: PortalFormOptions): Record<string, string> {
  const errors: Record<string, string> = {};
  const text = (k: string) => (v[k] ?? '').trim();
  const need = (k: string, message: string, max?: number) => {
    if (!text(k)) errors[k] = message;
    else if (max && text(k).length > max) errors[k] = `不能超过 ${max} 字，请精简`;
  };
  if (!text('unitId')) errors.unitId = '请选择受理机关';
  else if (!o.unitIds.includes(text('unitId'))) errors.unitId = '请从列表中选择受理机关';
  if (!(APPLICANT_KINDS as readonly string[]).includes(text('kind'))) errors.kind = '请选择申请人类型';
  need('name', '请填写姓名或者名称', 100);
  if (!['id_card', 'other', 'credit_code'].includes(text('idType'))) errors.idType = '请选择证件类型';
  need('idNumber', '请填写证件号码', 40);
  if (!errors.kind && !errors.idType && !errors.idNumber) {
    const p = applicantIdProblem({
      kind: text('kind'),
      idType: text('idType'),
      idNumber: text('idNumber'),
      contactPerson: text('contactPerson'),
      today: o.today,
    });
    if (p) errors[p.field] = p.message;
  }
  if (!text('phone')) errors.phone = '请填写联系电话';
  else if (!PHONE.test(text('phone')))
    errors.phone = '请填写 11 位手机号码，或带区号的固定电话（如 023-12345678）';
  if (text('email') && !EMAIL.test(text('email'))) errors.email = '电子邮箱不完整，例如 name@example.com';
  if (text('address').length > 200) errors.address = '不能超过 200 字，请精简';
  need('description', '请写明所需政府信息的名称、文号或者其他特征', 2000);
  if (text('purpose').length > 500) errors.purpose = '不能超过 500 字，请精简';
  if (!o.deliveryForms.includes(text('deliveryForm'))) errors.deliveryForm = '请选择获取信息的形式';
  if (!o.deliveryChannels.includes(text('deliveryChannel'))) errors.deliveryChannel = '请选择获取信息的途径';
  if (!text('answer')) errors.answer = '请回答验证问题';
  return errors;
}
