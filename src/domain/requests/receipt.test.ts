import { describe, expect, it } from 'vitest';
import { determineReceiptDate, type ReceiptRecord } from './receipt';

const today = '2026-03-10';

describe('APP-2: receipt date under 条例 Art. 31', () => {
  it.each<[string, ReceiptRecord, string]>([
    ['当面 on 2026-03-02', { channel: 'in_person', handedInOn: '2026-03-02' }, '2026-03-02'],
    ['口头 is taken down in person', { channel: 'oral', handedInOn: '2026-03-03' }, '2026-03-03'],
    ['挂号邮寄 signed 2026-03-05', { channel: 'registered_mail', signedForOn: '2026-03-05' }, '2026-03-05'],
    [
      '平信 received and confirmed the same day',
      { channel: 'ordinary_mail', arrivedOn: '2026-03-05', confirmedOn: '2026-03-05' },
      '2026-03-05',
    ],
    [
      '网上: the mutual confirmation date, not the submission',
      { channel: 'online', submittedOn: '2026-03-01', confirmedOn: '2026-03-02' },
      '2026-03-02',
    ],
    [
      '传真: confirmation date',
      { channel: 'fax', submittedOn: '2026-03-06', confirmedOn: '2026-03-09' },
      '2026-03-09',
    ],
    ['电子邮件 counts as internet', { channel: 'email', confirmedOn: '2026-03-04' }, '2026-03-04'],
    ['today itself is allowed', { channel: 'in_person', handedInOn: today }, today],
  ])('%s', (_name, rec, expected) => {
    const r = determineReceiptDate(rec, today);
    expect(r).toMatchObject({ ok: true, date: expected });
  });

  it.each<[string, ReceiptRecord, string]>([
    [
      '平信 without confirmation',
      { channel: 'ordinary_mail', arrivedOn: '2026-03-05' },
      '收到当日与申请人确认',
    ],
    [
      '平信 confirmed before it arrived',
      { channel: 'ordinary_mail', arrivedOn: '2026-03-05', confirmedOn: '2026-03-04' },
      '早于信函到达日期',
    ],
    ['网上 without confirmation', { channel: 'online', submittedOn: '2026-03-05' }, '双方确认之日'],
    ['receipt in the future', { channel: 'in_person', handedInOn: '2026-03-11' }, '晚于今天'],
    ['confirmation in the future', { channel: 'fax', confirmedOn: '2026-04-01' }, '晚于今天'],
    ['missing sign-for date', { channel: 'registered_mail' }, '签收日期'],
    ['invalid date', { channel: 'in_person', handedInOn: '2026-13-01' }, '不是有效日期'],
    [
      'confirmation before submission',
      { channel: 'online', submittedOn: '2026-03-05', confirmedOn: '2026-03-04' },
      '早于提交日期',
    ],
  ])('rejects %s', (_name, rec, fragment) => {
    const r = determineReceiptDate(rec, today);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toContain(fragment);
  });
});

// Issue 13 part 7: a 平信 confirmed late still gets a receipt date (the confirmation day), flagged.
describe('Art. 31(二): 平信 confirmed late', () => {
  it.each<[string, string, number | null]>([
    ['2026-03-05', '2026-03-05', null],
    ['2026-03-05', '2026-03-06', 1],
    ['2026-03-06', '2026-03-09', 3],
  ])(
    'arrived %s, confirmed %s → receipt is the confirmation day, days late %s',
    (arrivedOn, confirmedOn, late) => {
      const r = determineReceiptDate({ channel: 'ordinary_mail', arrivedOn, confirmedOn }, today);
      expect(r).toMatchObject({ ok: true, date: confirmedOn });
      if (!r.ok) return;
      if (late === null) {
        expect(r.lateConfirmation).toBeUndefined();
        expect(r.rule).not.toContain('未在信函到达当日');
      } else {
        expect(r.lateConfirmation).toEqual({ arrivedOn, confirmedOn, daysLate: late });
        expect(r.rule).toContain(`未在信函到达当日（${arrivedOn}）确认，晚 ${late} 天确认`);
      }
    },
  );
});
