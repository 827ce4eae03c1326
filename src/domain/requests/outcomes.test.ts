import { describe, expect, it } from 'vitest';
import { eachReturns } from '../../../test/table';
import {
  APPLICANT_KIND_LABELS,
  APPLICANT_KINDS,
  applicantGroupLabel,
  checkClosingOutcomes,
  checkOutcomeBasis,
  isOutcomeCode,
  OUTCOME_CODES,
  OUTCOME_FAMILY_LABELS,
  OUTCOME_LABELS,
  type OutcomeCode,
  type OutcomeFamily,
  outcomeFamily,
} from './outcomes';

describe('outcome codes (REGULATIONS §2.3)', () => {
  it('are the 21 result sub-rows in table order', () => {
    expect(OUTCOME_CODES).toHaveLength(21);
    expect(Object.keys(OUTCOME_LABELS)).toEqual([...OUTCOME_CODES]);
  });

  it.each<[OutcomeCode, string, OutcomeFamily]>([
    ['r1', '（一）予以公开', 'disclosed'],
    ['r2', '（二）部分公开（区分处理的，只计这一情形，不计其他情形）', 'partial'],
    ['r3_1', '1.属于国家秘密', 'withheld'],
    ['r3_3', '3.危及“三安全一稳定”', 'withheld'],
    ['r3_8', '8.属于行政查询事项', 'withheld'],
    ['r4_1', '1.本机关不掌握相关政府信息', 'unavailable'],
    ['r4_3', '3.补正后申请内容仍不明确', 'unavailable'],
    ['r5_4', '4.无正当理由大量反复申请', 'not_processed'],
    ['r5_5', '5.要求行政机关确认或重新出具已获取信息', 'not_processed'],
    ['r6_1', '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请', 'other'],
    ['r6_2', '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请', 'other'],
    ['r6_3', '3.其他', 'other'],
  ])('%s: %s (%s)', (code, label, family) => {
    expect(OUTCOME_LABELS[code]).toBe(label);
    expect(outcomeFamily(code)).toBe(family);
  });

  it('family counts are 1, 1, 8, 3, 5, 3', () => {
    const counts: Record<string, number> = {};
    for (const c of OUTCOME_CODES) counts[outcomeFamily(c)] = (counts[outcomeFamily(c)] ?? 0) + 1;
    expect(counts).toEqual({
      disclosed: 1,
      partial: 1,
      withheld: 8,
      unavailable: 3,
      not_processed: 5,
      other: 3,
    });
    expect(Object.values(OUTCOME_FAMILY_LABELS)).toEqual([
      '予以公开',
      '部分公开',
      '不予公开',
      '无法提供',
      '不予处理',
      '其他处理',
    ]);
  });

  eachReturns(
    isOutcomeCode,
    [
      ['r1', true],
      ['r7', false],
      ['R1', false],
      [1, false],
    ],
    'isOutcomeCode(%j) = %s',
  );
});

describe('legal basis mapping (REGULATIONS §2.3 mapping table)', () => {
  it.each([
    ['r4_1', 'art36_4', true],
    ['r4_1', 'art36_5', true],
    ['r1', 'art36_1', true],
    ['r2', 'art37', true],
    ['r3_4', 'art32', true],
    ['r5_2', 'art36_6', true],
    ['r5_4', 'art35', true],
    ['r6_1', 'art30', true],
    ['r4_1', 'art38', false],
    ['r2', 'art36_2', false],
    ['r5_1', 'art39_2', false],
  ] as const)('%s with %s → ok=%s', (outcome, basis, ok) => {
    const err = checkOutcomeBasis(outcome, basis);
    if (ok) expect(err).toBeNull();
    else expect(err).toContain('不对应');
  });
  it('a basis is required where the table names one', () => {
    expect(checkOutcomeBasis('r4_1', null)).toContain('条例第三十六条第（四）项或条例第三十六条第（五）项');
    expect(checkOutcomeBasis('r6_3', null)).toBeNull();
  });
});

describe('applicant kinds', () => {
  it('are the six columns of section 三 in order', () => {
    expect(APPLICANT_KINDS.map((k) => APPLICANT_KIND_LABELS[k])).toEqual([
      '自然人',
      '商业企业',
      '科研机构',
      '社会公益组织',
      '法律服务机构',
      '其他',
    ]);
    expect(applicantGroupLabel('natural_person')).toBe('自然人');
    expect(applicantGroupLabel('legal_service')).toBe('法人或其他组织');
  });
});

describe('APP-15: exactly one outcome per closed application', () => {
  it.each<[OutcomeCode[], string | null]>([
    [['r1'], null],
    [['r4_1', 'r4_1'], null],
    [[], '须选择一项'],
    [['r2', 'r3_4'], '只计“（二）部分公开”'],
    [['r1', 'r5_2'], '只能计入一项'],
  ])('%j → %s', (codes, fragment) => {
    const err = checkClosingOutcomes(codes);
    if (fragment === null) expect(err).toBeNull();
    else expect(err).toContain(fragment);
  });
});
