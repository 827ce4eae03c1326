// Outcome codes of an application: the 21 result sub-rows of section 三 of the annual report
// (国办公开办函〔2021〕30号, REGULATIONS §2.3), their families, and the 条例 articles that lead to each.
import { codesOf } from '../codes';

/** Row labels exactly as printed in the annual-report table (§2.3), numbering included. */
export const OUTCOME_LABELS = {
  r1: '（一）予以公开',
  r2: '（二）部分公开（区分处理的，只计这一情形，不计其他情形）',
  r3_1: '1.属于国家秘密',
  r3_2: '2.其他法律行政法规禁止公开',
  // The official table uses Chinese quotes (“”) around 三安全一稳定.
  r3_3: '3.危及“三安全一稳定”',
  r3_4: '4.保护第三方合法权益',
  r3_5: '5.属于三类内部事务信息',
  r3_6: '6.属于四类过程性信息',
  r3_7: '7.属于行政执法案卷',
  r3_8: '8.属于行政查询事项',
  r4_1: '1.本机关不掌握相关政府信息',
  r4_2: '2.没有现成信息需要另行制作',
  r4_3: '3.补正后申请内容仍不明确',
  r5_1: '1.信访举报投诉类申请',
  r5_2: '2.重复申请',
  r5_3: '3.要求提供公开出版物',
  r5_4: '4.无正当理由大量反复申请',
  r5_5: '5.要求行政机关确认或重新出具已获取信息',
  r6_1: '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请',
  r6_2: '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请',
  r6_3: '3.其他',
};
export type OutcomeCode = keyof typeof OUTCOME_LABELS;
export const OUTCOME_CODES = codesOf(OUTCOME_LABELS);

/** Family names come from the annual-report format, not the 条例 (REGULATIONS correction 4). */
export const OUTCOME_FAMILY_LABELS = {
  disclosed: '予以公开',
  partial: '部分公开',
  withheld: '不予公开',
  unavailable: '无法提供',
  not_processed: '不予处理',
  other: '其他处理',
};
export type OutcomeFamily = keyof typeof OUTCOME_FAMILY_LABELS;

/** Group labels of the report table; （一） and （二） are rows of their own. */
export const OUTCOME_FAMILY_ROW_LABELS: Record<OutcomeFamily, string> = {
  disclosed: '（一）予以公开',
  partial: '（二）部分公开',
  withheld: '（三）不予公开',
  unavailable: '（四）无法提供',
  not_processed: '（五）不予处理',
  other: '（六）其他处理',
};

export function outcomeFamily(code: OutcomeCode): OutcomeFamily {
  if (code === 'r1') return 'disclosed';
  if (code === 'r2') return 'partial';
  if (code.startsWith('r3_')) return 'withheld';
  if (code.startsWith('r4_')) return 'unavailable';
  if (code.startsWith('r5_')) return 'not_processed';
  return 'other';
}

export function isOutcomeCode(v: unknown): v is OutcomeCode {
  return typeof v === 'string' && (OUTCOME_CODES as readonly string[]).includes(v);
}

/**
 * APP-15: a closed application carries exactly one outcome code; separated partial disclosure counts under r2
 * only, never also under the rows of the withheld parts (§2.3 row label). Chinese error, or null.
 */
export function checkClosingOutcomes(codes: readonly OutcomeCode[]): string | null {
  const distinct = [...new Set(codes)];
  if (distinct.length === 0) return '办结的申请须选择一项办理结果';
  if (distinct.length === 1) return null;
  if (distinct.includes('r2')) return '区分处理（部分公开）的，只计“（二）部分公开”，不计其他情形';
  return `一件申请只能计入一项办理结果，当前选择了 ${distinct.length} 项：${distinct.map((c) => OUTCOME_LABELS[c]).join('；')}`;
}

/** Legal bases that can be cited in a reply letter. */
export type LegalBasisCode =
  | 'art14_secret'
  | 'art14_law'
  | 'art14_security'
  | 'art15'
  | 'art16_1'
  | 'art16_2_process'
  | 'art16_2_case_file'
  | 'art30'
  | 'art32'
  | 'art35'
  | 'art36_1'
  | 'art36_2'
  | 'art36_4'
  | 'art36_5'
  | 'art36_6'
  | 'art36_7'
  | 'art37'
  | 'art38'
  | 'art39_1'
  | 'art39_2'
  | 'fee_109';

export const LEGAL_BASIS_LABELS: Record<LegalBasisCode, string> = {
  art14_secret: '条例第十四条（国家秘密）',
  art14_law: '条例第十四条（法律、行政法规禁止公开）',
  art14_security: '条例第十四条（危及国家安全、公共安全、经济安全、社会稳定）',
  art15: '条例第十五条',
  art16_1: '条例第十六条第一款',
  art16_2_process: '条例第十六条第二款（过程性信息）',
  art16_2_case_file: '条例第十六条第二款（行政执法案卷信息）',
  art30: '条例第三十条',
  art32: '条例第三十二条',
  art35: '条例第三十五条',
  art36_1: '条例第三十六条第（一）项',
  art36_2: '条例第三十六条第（二）项',
  art36_4: '条例第三十六条第（四）项',
  art36_5: '条例第三十六条第（五）项',
  art36_6: '条例第三十六条第（六）项',
  art36_7: '条例第三十六条第（七）项',
  art37: '条例第三十七条',
  art38: '条例第三十八条',
  art39_1: '条例第三十九条第一款',
  art39_2: '条例第三十九条第二款',
  fee_109: '《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）',
};

/**
 * Mapping table of REGULATIONS §2.3 [I, high confidence]: which bases lead to which row. r5_5 and r6_3 have
 * no single article in the table; the reply letter then states its own ground.
 */
export const OUTCOME_LEGAL_BASES: Record<OutcomeCode, readonly LegalBasisCode[]> = {
  r1: ['art36_1', 'art36_2'],
  r2: ['art37'],
  r3_1: ['art14_secret'],
  r3_2: ['art14_law'],
  r3_3: ['art14_security'],
  r3_4: ['art15', 'art32'],
  r3_5: ['art16_1'],
  r3_6: ['art16_2_process'],
  r3_7: ['art16_2_case_file'],
  r3_8: ['art36_7'],
  r4_1: ['art36_4', 'art36_5'],
  r4_2: ['art38'],
  r4_3: ['art30'],
  r5_1: ['art39_1'],
  r5_2: ['art36_6'],
  r5_3: ['art39_2'],
  r5_4: ['art35'],
  r5_5: [],
  r6_1: ['art30'],
  r6_2: ['fee_109'],
  r6_3: [],
};

/** Chinese error when a basis is cited for an outcome the mapping table does not link it to, else null. */
export function checkOutcomeBasis(outcome: OutcomeCode, basis: LegalBasisCode | null): string | null {
  const allowed = OUTCOME_LEGAL_BASES[outcome];
  if (basis === null) {
    return allowed.length === 0
      ? null
      : `办理结果“${OUTCOME_LABELS[outcome]}”须注明依据：${allowed.map((b) => LEGAL_BASIS_LABELS[b]).join('或')}`;
  }
  if (allowed.includes(basis)) return null;
  if (allowed.length === 0) return null; // free-standing grounds (r5_5, r6_3): any cited article is the office's call
  return `依据“${LEGAL_BASIS_LABELS[basis]}”与办理结果“${OUTCOME_LABELS[outcome]}”不对应，应为：${allowed
    .map((b) => LEGAL_BASIS_LABELS[b])
    .join('或')}`;
}

export type ApplicantKind =
  | 'natural_person'
  | 'commercial'
  | 'research'
  | 'public_interest'
  | 'legal_service'
  | 'other';

export const APPLICANT_KINDS = [
  'natural_person',
  'commercial',
  'research',
  'public_interest',
  'legal_service',
  'other',
] as const satisfies readonly ApplicantKind[];

/** Column labels of section 三 (§2.3), in table order. */
export const APPLICANT_KIND_LABELS: Record<ApplicantKind, string> = {
  natural_person: '自然人',
  commercial: '商业企业',
  research: '科研机构',
  public_interest: '社会公益组织',
  legal_service: '法律服务机构',
  other: '其他',
};

/** 自然人 vs 法人或其他组织 column group. */
export function applicantGroupLabel(kind: ApplicantKind): string {
  return kind === 'natural_person' ? '自然人' : '法人或其他组织';
}
