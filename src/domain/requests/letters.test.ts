import { describe, expect, it } from 'vitest';
import { eachReturns } from '../../../test/table';
import { checkLetter, LETTER_KINDS, type LetterCase, letterContent, replyLetterKind } from './letters';
import { OUTCOME_CODES } from './outcomes';

const base: LetterCase = {
  caseNo: '2026-0001',
  unitName: '区发展改革委',
  applicantName: '张三',
  applicantIsPerson: true,
  receivedOn: '2026-03-02',
  description: '某项目批复',
  replyDue: '2026-03-30',
  outcome: 'r2',
  legalBasis: 'art37',
  replyText: null,
  hasExtension: false,
  extension: null,
  correction: null,
  thirdParty: null,
  fee: null,
};

describe('replyLetterKind: one template per outcome family (§2.3)', () => {
  eachReturns(
    replyLetterKind,
    [
      ['r1', 'reply_disclosed'],
      ['r2', 'reply_partial'],
      ['r3_1', 'reply_withheld'],
      ['r3_8', 'reply_withheld'],
      ['r4_2', 'reply_unavailable'],
      ['r5_4', 'reply_not_processed'],
      ['r6_3', 'reply_other'],
    ],
    '%s → %s',
  );

  it('every outcome gets exactly one reply kind and only that one passes checkLetter', () => {
    for (const outcome of OUTCOME_CODES) {
      const ok = LETTER_KINDS.filter(
        (k) => k.startsWith('reply_') && checkLetter(k, { ...base, outcome }, '2026-03-10') === null,
      );
      expect(ok).toEqual([replyLetterKind(outcome)]);
    }
  });
});

describe('checkLetter', () => {
  it.each<[string, Partial<LetterCase>, string, RegExp | null]>([
    ['partial reply on time', {}, '2026-03-30', null],
    ['partial reply after the due date', {}, '2026-03-31', /晚于答复期限 2026-03-30/],
    ['late but extended', { hasExtension: true }, '2026-03-31', null],
    ['no outcome yet', { outcome: null }, '2026-03-10', /尚未作出答复/],
  ])('%s', (_name, over, date, expected) => {
    const r = checkLetter('reply_partial', { ...base, ...over }, date);
    if (expected === null) expect(r).toBeNull();
    else expect(r).toMatch(expected);
  });

  it.each(['correction', 'extension', 'third_party', 'fee'] as const)(
    '%s needs the matching step',
    (kind) => {
      expect(checkLetter(kind, base, '2026-03-10')).toMatch(/不能生成/);
    },
  );
});

describe('letterContent', () => {
  it('prints the remedies (行政复议 60 日, 行政诉讼 6 个月; REGULATIONS §8) and the basis', () => {
    const c = letterContent('reply_partial', base, '2026-03-10');
    const text = c.paragraphs.join('\n');
    expect(text).toContain('60日内');
    expect(text).toContain('6个月内');
    expect(text).toContain('第三十七条');
    expect(c.date).toBe('2026年3月10日');
    expect(c.addressee).toBe('张三：');
  });
  it('fee notice states amount and pay-by date', () => {
    const c = letterContent(
      'fee',
      { ...base, fee: { method: '按量计收', amount: 700, payBy: '2026-03-05' } },
      '2026-01-30',
    );
    expect(c.paragraphs.join('')).toMatch(/700元（按量计收）.*2026年3月5日前/);
  });

  it.each([
    [true, '您'],
    [false, '贵单位'],
  ])('addresses a person as 您 and an organisation as 贵单位 (person: %s)', (applicantIsPerson, you) => {
    const text = letterContent('reply_partial', { ...base, applicantIsPerson }, '2026-03-10').paragraphs.join(
      '',
    );
    expect(text).toContain(`收到${you}提出的`);
    expect(text).toContain(`提供给${you}`);
    if (!applicantIsPerson) expect(text).not.toContain('您');
    expect(text).not.toContain('您（单位）');
  });

  it('never prints 。”。 when the description ends a sentence; names the handler', () => {
    const c = letterContent(
      'reply_partial',
      { ...base, description: '2025年项目清单。', handler: '李明' },
      '2026-03-10',
    );
    const text = c.paragraphs.join('');
    expect(text).not.toContain('。”。');
    expect(text).toContain('申请获取“2025年项目清单”。');
    expect(c.paragraphs.at(-1)).toBe('经办人：李明');
  });
});
