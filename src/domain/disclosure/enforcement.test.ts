import { describe, expect, it } from 'vitest';
import { eachReturns } from '../../../test/table';
import { builtinCalendar } from '../calendar/testing';
import {
  DEFAULT_PUBLICATION_DAYS,
  publicationDue,
  publicationState,
  publicParty,
  readDate,
  readEnforcementRow,
} from './enforcement';

const cal = builtinCalendar();

describe('publicationDue (7 working days for 许可/处罚, 20 for 强制/其他; decision day not counted)', () => {
  // Dates counted by hand on the 2026 notice (REGULATIONS.md §7.3).
  it.each([
    ['license', '2026-03-02', '2026-03-11', false], // Mon → 7 weekdays
    ['penalty', '2026-09-29', '2026-10-14', false], // 国庆 10-01..07 off, Sat 10-10 a make-up day
    ['coercion', '2026-04-30', '2026-06-01', false], // 劳动节 05-01..05 off, Sat 05-09 worked
    ['other', '2026-02-13', '2026-03-19', false], // 春节 02-15..23 off, 02-14 and 02-28 worked
    ['license', '2026-12-28', '2027-01-07', true], // 2027 has no notice yet: 元旦 provisional
  ] as const)('%s decided %s → due %s', (kind, decided, due, provisional) => {
    expect(publicationDue(cal, kind, decided)).toEqual({ date: due, provisional });
  });

  it('takes the office’s setting', () => {
    expect(
      publicationDue(cal, 'penalty', '2026-03-02', { ...DEFAULT_PUBLICATION_DAYS, penalty: 5 }).date,
    ).toBe('2026-03-09');
  });
});

describe('publicationState', () => {
  it.each([
    ['2026-03-11', null, '2026-03-11', 'pending'],
    ['2026-03-11', null, '2026-03-12', 'overdue'],
    ['2026-03-11', '2026-03-11', '2026-04-01', 'on_time'],
    ['2026-03-11', '2026-03-12', '2026-04-01', 'late'],
  ] as const)('due %s, published %s, today %s → %s', (due, published, today, state) => {
    expect(publicationState(due, published, today)).toBe(state);
  });
});

describe('publicParty', () => {
  it('masks a natural person: surname only, ID number masked', () => {
    expect(
      publicParty({ partyType: 'person', partyName: '张三丰', partyCode: '500103199001011232' }),
    ).toEqual({
      name: '张**',
      code: '50*************232',
    });
  });
  it('shows an organisation in full', () => {
    const org = {
      partyType: 'organization' as const,
      partyName: '重庆某某建材有限公司',
      partyCode: '91500223MA5U1234XY',
    };
    expect(publicParty(org)).toEqual({ name: org.partyName, code: org.partyCode });
  });
});

describe('readDate', () => {
  eachReturns(
    readDate,
    [
      ['2026-03-02', '2026-03-02'],
      ['2026/3/2', '2026-03-02'],
      ['2026.3.2', '2026-03-02'],
      ['2026年3月2日', '2026-03-02'],
      ['2026-02-30', null],
      ['三月二日', null],
      ['', null],
    ],
    '%s → %s',
  );
});

describe('readEnforcementRow', () => {
  const row = {
    执法类别: '行政处罚',
    决定文书号: '潼市监处罚〔2026〕12号',
    当事人: '李四',
    决定日期: '2026年3月2日',
    执法结论: '罚款2000元',
  };
  it('reads a complete row; a person unless told or named like an organisation', () => {
    const r = readEnforcementRow(row);
    expect(r).toEqual({
      ok: true,
      value: {
        kind: 'penalty',
        docNumber: '潼市监处罚〔2026〕12号',
        partyType: 'person',
        partyName: '李四',
        partyCode: null,
        decisionDate: '2026-03-02',
        conclusion: '罚款2000元',
        basis: null,
        unitName: null,
        publishedOn: null,
      },
    });
    const org = readEnforcementRow({ ...row, 当事人: '重庆某某建材有限公司' });
    expect(org.ok && org.value.partyType).toBe('organization');
    const told = readEnforcementRow({ ...row, 当事人类型: '法人或其他组织' });
    expect(told.ok && told.value.partyType).toBe('organization');
  });
  it.each([
    [{ 决定日期: '' }, '决定日期为空'],
    [{ 决定日期: '2026-13-01' }, '决定日期「2026-13-01」不是有效日期（如 2026-03-02）'],
    [{ 执法类别: '行政奖励' }, '执法类别「行政奖励」无效，应为：行政许可、行政处罚、行政强制、其他行政执法'],
    [{ 当事人类型: '外星人' }, '当事人类型「外星人」无效，应为：自然人、法人或其他组织'],
    [{ 公示日期: '2026-03-01' }, '公示日期早于决定日期'],
    [{ 执法结论: ' ' }, '执法结论为空'],
  ])('refuses %o: %s', (change, message) => {
    const r = readEnforcementRow({ ...row, ...change });
    expect(r.ok).toBe(false);
    expect(!r.ok && r.errors).toContain(message);
  });
});
