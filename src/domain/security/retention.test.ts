import { describe, expect, it } from 'vitest';
import { eachReturns } from '../../../test/table';
import {
  anonymiseFreeText,
  closedCutoff,
  DEFAULT_RETENTION,
  logCutoff,
  MIN_LOG_DAYS,
  type RetentionSettings,
  retentionCutoffs,
  retentionError,
  retentionWithDefaults,
} from './retention';

describe('retentionError (bounds, Chinese refusals)', () => {
  const cases: [string, [keyof RetentionSettings, number], string | null][] = [
    ['logs at the minimum', ['logDays', 180], null],
    ['logs a year', ['logDays', 365], null],
    [
      'logs one day short',
      ['logDays', 179],
      '审计日志与登录日志保存期限不能少于 180 天（等保三级要求审计记录至少保存六个月）',
    ],
    [
      'logs zero',
      ['logDays', 0],
      '审计日志与登录日志保存期限不能少于 180 天（等保三级要求审计记录至少保存六个月）',
    ],
    ['logs beyond ten years', ['logDays', 3651], '审计日志与登录日志保存期限不能超过 3650 天'],
    ['logs not whole', ['logDays', 180.5], '审计日志与登录日志保存期限应为整数'],
    ['cases 1 year', ['requestYears', 1], null],
    ['cases 0 years', ['requestYears', 0], '依申请公开申请人信息保存期限不能少于 1 年'],
    ['letters 31 years', ['letterYears', 31], '信箱来信人信息保存期限不能超过 30 年'],
    ['consultations 3 years', ['consultationYears', 3], null],
    ['calls 0 years', ['callYears', 0], '来电人信息保存期限不能少于 1 年'],
    ['sessions 0 days', ['expiredSessionDays', 0], null],
    ['sessions negative', ['expiredSessionDays', -1], '过期会话与令牌保留天数不能少于 0 天'],
  ];
  it.each(cases)('%s', (_name, [key, value], expected) => {
    expect(retentionError(key, value)).toBe(expected);
  });

  it('the defaults are valid and the log default is the 180-day minimum', () => {
    for (const [k, v] of Object.entries(DEFAULT_RETENTION))
      expect(retentionError(k as keyof RetentionSettings, v), k).toBeNull();
    expect(DEFAULT_RETENTION.logDays).toBe(MIN_LOG_DAYS);
    expect(DEFAULT_RETENTION.requestYears).toBe(3);
  });
});

describe('retentionWithDefaults', () => {
  it('keeps valid stored values and replaces the rest key by key', () => {
    expect(retentionWithDefaults({ logDays: 400, requestYears: 0, letterYears: 'x', callYears: 5 })).toEqual({
      ...DEFAULT_RETENTION,
      logDays: 400,
      callYears: 5,
    });
    expect(retentionWithDefaults(null)).toEqual(DEFAULT_RETENTION);
    // A value stored below the minimum (by hand) is never honoured.
    expect(retentionWithDefaults({ logDays: 30 }).logDays).toBe(180);
  });
});

describe('logCutoff (a row exactly N days old stays)', () => {
  const now = new Date('2027-06-30T04:00:00Z');
  const age = (days: number) => new Date(now.getTime() - days * 86_400_000);
  eachReturns(
    (days: number) => age(days) < logCutoff(now, 180),
    [
      [179, false],
      [180, false],
      [180.0001, true],
      [181, true],
    ],
    'a row %s days old is purged: %s',
  );
});

describe('closedCutoff (calendar years back)', () => {
  eachReturns(
    ([today, years]: [string, number]) => closedCutoff(today, years),
    [
      [['2029-03-02', 3], '2026-03-02'],
      [['2028-02-29', 3], '2025-02-28'],
      [['2028-02-29', 4], '2024-02-29'],
      [['2030-01-01', 1], '2029-01-01'],
    ],
  );
  it('refuses a malformed date', () => {
    expect(() => closedCutoff('2029/03/02', 3)).toThrow('日期格式无效');
  });
});

describe('retentionCutoffs', () => {
  it('derives every cut-off from one clock reading and the settings', () => {
    const now = new Date('2029-03-02T01:00:00Z');
    const c = retentionCutoffs(now, '2029-03-02', {
      ...DEFAULT_RETENTION,
      letterYears: 5,
      expiredSessionDays: 2,
    });
    expect(c).toEqual({
      logsBefore: new Date('2028-09-03T01:00:00Z'),
      expiredBefore: new Date('2029-02-28T01:00:00Z'),
      requestsClosedBefore: '2026-03-02',
      lettersRepliedBefore: '2024-03-02',
      consultationsAnsweredBefore: '2026-03-02',
      callsBefore: '2026-03-02',
    });
  });
});

describe('anonymiseFreeText (what a citizen wrote, once its retention has passed)', () => {
  eachReturns(anonymiseFreeText, [
    ['申请公开2023年道路维修资金使用情况', null],
    ['本人身份证11010519491231002X，请寄给我', '本人身份证11*************02X，请寄给我'],
    ['联系电话13912345678', '联系电话139****5678'],
    ['邮箱 zhang@example.com 收', '邮箱 z***@example.com 收'],
  ]);
  it('keeps the subject and loses every number and house number in a longer text', () => {
    const out = anonymiseFreeText(
      '反映小区噪音，我家住解放碑路12号3栋，电话139 1234 5678，身份证11010519491231002x',
    )!;
    expect(out.startsWith('反映小区噪音')).toBe(true);
    for (const s of ['12号3栋', '1234', '11010519491231002']) expect(out).not.toContain(s);
  });
});
