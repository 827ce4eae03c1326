// Completeness of an application at intake: 条例 Art. 29 (REGULATIONS §1.2, APP-1).
import { codesOf } from '../codes';

export const INTAKE_FIELD_LABELS = {
  applicant_name: '申请人姓名或者名称',
  id_proof: '身份证明',
  contact: '联系方式',
  info_description: '申请公开的政府信息的名称、文号或者便于查询的其他特征性描述',
  delivery_form: '申请公开的政府信息的形式要求',
  delivery_channel: '获取信息的方式、途径',
} as const;
export type IntakeField = keyof typeof INTAKE_FIELD_LABELS;
export const INTAKE_FIELDS: readonly IntakeField[] = codesOf(INTAKE_FIELD_LABELS);

export type IntakeSubmission = Partial<Record<IntakeField, string | null>>;

export const INTAKE_ROUTE_LABELS = {
  accept: '受理',
  correction: '告知补正',
  reject: '退回（无法联系申请人）',
};
export type IntakeRoute = keyof typeof INTAKE_ROUTE_LABELS;

export interface IntakeCheck {
  route: IntakeRoute;
  missing: IntakeField[];
  message: string | null;
}

/**
 * Art. 29 lists the required content. A missing item is fixed through the single Art. 30 correction notice,
 * which needs a way to reach the applicant: without contact details the submission cannot be routed to 补正
 * and is returned at intake [I].
 */
export function checkIntake(sub: IntakeSubmission): IntakeCheck {
  const missing = INTAKE_FIELDS.filter((f) => {
    const v = sub[f];
    return v === null || v === undefined || v.trim() === '';
  });
  if (missing.length === 0) return { route: 'accept', missing, message: null };
  const list = missing.map((f) => INTAKE_FIELD_LABELS[f]).join('、');
  if (missing.includes('contact')) {
    return { route: 'reject', missing, message: `申请缺少${list}；无法联系申请人告知补正（条例第二十九条）` };
  }
  return {
    route: 'correction',
    missing,
    message: `申请缺少${list}，应一次性告知申请人补正（条例第二十九条、第三十条）`,
  };
}
