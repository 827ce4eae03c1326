import { describe, expect, it } from 'vitest';
import { loadBuiltinCalendarYears } from '../calendar/builtin';
import { createCalendar } from '../calendar/calendar';
import {
  allowedActions,
  type ClockAction,
  type ClockEvent,
  type ClockOptions,
  computeDueDates,
  foldClockEvents,
} from './clock';

const years = loadBuiltinCalendarYears();
const cal = createCalendar(years);
const due = (events: ClockEvent[], options?: Partial<ClockOptions>, asOf?: string) =>
  computeDueDates({ events, options, asOf }, cal);
const rec = (date: string): ClockEvent => ({ type: 'received', date });
const ext = (notifiedOn: string, days = 20): ClockEvent => ({
  type: 'extension',
  approvedBy: '王主任',
  notifiedOn,
  days,
});

describe('APP-3..7: 20 working days after receipt (Art. 33), correction notice within 7 (Art. 30)', () => {
  // Correction dates other than APP-7's were counted by hand from the §7.2/§7.3 tables, e.g. APP-3:
  // 09-29, 09-30, (10-01..07 off), 10-08, 10-09, 10-10 Sat make-up, 10-12, 10-13.
  it.each([
    ['APP-3', '2026-09-28', '2026-10-30', '2026-10-13'],
    ['APP-4', '2025-12-31', '2026-01-29', '2026-01-12'],
    ['APP-5', '2026-04-30', '2026-06-01', '2026-05-13'],
    ['APP-6', '2025-01-20', '2025-02-21', '2025-02-05'],
    ['APP-7', '2026-02-10', '2026-03-16', '2026-02-26'],
  ])('%s: receipt %s → reply due %s, correction notice by %s', (_id, receipt, replyDue, correctionDue) => {
    const r = due([rec(receipt)]);
    expect(r.errors).toEqual([]);
    expect(r.status).toBe('running');
    expect(r.replyDue).toBe(replyDue);
    expect(r.correctionNoticeDue).toBe(correctionDue);
    expect(r.provisional).toBe(false);
  });

  it('APP-3 with the maximum extension: 2026-11-27, and the trace explains the golden week', () => {
    const r = due([rec('2026-09-28'), ext('2026-10-20')]);
    expect(r.errors).toEqual([]);
    expect(r.replyDue).toBe('2026-11-27');
    expect(r.trace).toContain('跳过 2026-10-01 至 2026-10-07（国庆节）');
    expect(r.trace).toContain('计入 2026-10-10（周六，调休上班）');
    expect(r.trace.some((t) => t.includes('经 王主任 同意'))).toBe(true);
  });
});

describe('APP-8 / APP-9: correction (Art. 30)', () => {
  const base: ClockEvent[] = [
    rec('2026-02-10'),
    { type: 'correction_requested', date: '2026-02-12', correctBy: '2026-02-27' },
  ];
  it('while awaiting correction no reply is due', () => {
    const r = due(base);
    expect(r.status).toBe('awaiting_correction');
    expect(r.replyDue).toBeNull();
    expect(r.correctBy).toBe('2026-02-27');
  });
  it('APP-8: the corrected application restarts the clock; the original receipt is ignored', () => {
    // add_wd(2026-03-02, 20): March 3–6, 9–13, 16–20, 23–27, 30 (no holidays) → 2026-03-30.
    const r = due([...base, { type: 'correction_received', date: '2026-03-02' }]);
    expect(r.errors).toEqual([]);
    expect(r.status).toBe('running');
    expect(r.replyDue).toBe('2026-03-30');
    expect(r.replyDue).not.toBe('2026-03-16');
  });
  it('APP-9: correction deadline passes → abandoned, no reply due, report row r6_1', () => {
    const r = due([...base, { type: 'correction_expired', date: '2026-02-28' }]);
    expect(r.errors).toEqual([]);
    expect(r.status).toBe('abandoned_no_correction');
    expect(r.replyDue).toBeNull();
    expect(r.suggestedOutcome).toBe('r6_1');
    expect(allowedActions(r.state)).toEqual([]);
  });
  it.each<[string, ClockEvent[], string]>([
    [
      'a second correction notice',
      [
        ...base,
        { type: 'correction_received', date: '2026-03-02' },
        { type: 'correction_requested', date: '2026-03-03' },
      ],
      '只能一次性发出',
    ],
    [
      'a correction notice after 7 working days',
      [rec('2026-02-10'), { type: 'correction_requested', date: '2026-02-27' }],
      '2026-02-26',
    ],
    [
      'expiry before the correction deadline',
      [...base, { type: 'correction_expired', date: '2026-02-20' }],
      '尚未届满',
    ],
    [
      'a correction result without a notice',
      [rec('2026-02-10'), { type: 'correction_received', date: '2026-02-20' }],
      '未发出补正告知',
    ],
    ['extension while awaiting correction', [...base, ext('2026-02-20')], '等待申请人补正期间'],
    [
      'processing after abandonment',
      [
        ...base,
        { type: 'correction_expired', date: '2026-02-28' },
        { type: 'correction_received', date: '2026-03-02' },
      ],
      '视为放弃',
    ],
  ])('rejects %s', (_name, events, fragment) => {
    const r = due(events);
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]).toContain(fragment);
  });
});

describe('APP-10: extension needs approver and notice, at most 20 working days, only once (Art. 33 ¶2)', () => {
  it.each<[string, ClockEvent, string]>([
    [
      'no approver',
      { type: 'extension', approvedBy: null, notifiedOn: '2026-10-20', days: 20 },
      '负责人同意',
    ],
    [
      'blank approver',
      { type: 'extension', approvedBy: '  ', notifiedOn: '2026-10-20', days: 20 },
      '负责人同意',
    ],
    ['no notice', { type: 'extension', approvedBy: '王主任', notifiedOn: null, days: 20 }, '告知申请人'],
    ['21 days', ext('2026-10-20', 21), '最长不得超过 20 个工作日'],
    ['0 days', ext('2026-10-20', 0), '最长不得超过 20 个工作日'],
    ['notice after the original due date', ext('2026-11-02', 10), '晚于原答复期限 2026-10-30'],
  ])('blocks an extension with %s', (_name, event, fragment) => {
    const r = due([rec('2026-09-28'), event]);
    expect(r.errors[0]).toContain(fragment);
    expect(r.replyDue).toBe('2026-10-30');
  });
  it('blocks a second extension', () => {
    const r = due([rec('2026-09-28'), ext('2026-10-20', 10), ext('2026-10-21', 10)]);
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]).toContain('只能一次');
  });
  it('a late notice is allowed when the [I] setting is off', () => {
    const r = due([rec('2026-09-28'), ext('2026-11-02', 20)], { extensionNoticeBeforeDue: false });
    expect(r.errors).toEqual([]);
    expect(r.replyDue).toBe('2026-11-27');
  });
});

describe('APP-11 / APP-13: consultation (Arts 32, 34)', () => {
  it('APP-11: third-party letter received 2026-06-18 → answer due 2026-07-10; the clock is paused', () => {
    const r = due([
      rec('2026-06-01'),
      { type: 'consultation_started', kind: 'third_party', date: '2026-06-18' },
    ]);
    expect(r.errors).toEqual([]);
    expect(r.thirdPartyAnswerDue).toBe('2026-07-10');
    expect(r.status).toBe('paused_consultation');
    expect(r.paused).toBe(true);
    expect(r.replyDue).toBeNull();
  });
  it('answer due runs from the day the letter is served, not sent', () => {
    const r = due([
      rec('2026-06-01'),
      { type: 'consultation_started', kind: 'third_party', date: '2026-06-16', servedOn: '2026-06-18' },
    ]);
    expect(r.thirdPartyAnswerDue).toBe('2026-07-10');
  });
  it('third party silent past the due date → the agency decides', () => {
    const r = due(
      [rec('2026-06-01'), { type: 'consultation_started', kind: 'third_party', date: '2026-06-18' }],
      undefined,
      '2026-07-13',
    );
    expect(r.hints.some((h) => h.includes('由行政机关依照条例决定'))).toBe(true);
  });
  it('APP-13: co-author agency silent for 15 working days → consent to disclose', () => {
    const r = due(
      [rec('2026-06-01'), { type: 'consultation_started', kind: 'other_agency', date: '2026-06-18' }],
      undefined,
      '2026-07-13',
    );
    expect(r.otherAgencyAnswerDue).toBe('2026-07-10');
    expect(r.hints.some((h) => h.includes('视为同意公开'))).toBe(true);
  });
  it('no silence hint before the due date', () => {
    const r = due(
      [rec('2026-06-01'), { type: 'consultation_started', kind: 'other_agency', date: '2026-06-18' }],
      undefined,
      '2026-07-10',
    );
    expect(r.hints.some((h) => h.includes('视为同意公开'))).toBe(false);
  });
});

// APP-12: received Mon 2026-03-02 (plain due 2026-03-30); consultation sent Mon 03-09, answer Fri 03-13.
describe('APP-12: paused working days extend the due date; boundary convention is a setting', () => {
  const events: ClockEvent[] = [
    rec('2026-03-02'),
    { type: 'consultation_started', kind: 'third_party', date: '2026-03-09' },
    { type: 'consultation_ended', date: '2026-03-13' },
  ];
  it.each([
    // (03-09, 03-13] = 10,11,12,13 → 4 days; add_wd(03-02, 24) = 04-03 (Fri, before 清明 04-04..06)
    ['start_excl_end_incl', 4, '2026-04-03'],
    // [03-09, 03-13] → 5 days; add_wd(03-02, 25) = 04-07 (清明 skipped)
    ['start_incl_end_incl', 5, '2026-04-07'],
    // [03-09, 03-13) → 4 days
    ['start_incl_end_excl', 4, '2026-04-03'],
  ] as const)('%s: %i paused days → due %s', (pauseBoundary, pausedDays, expected) => {
    const r = due(events, { pauseBoundary });
    expect(r.errors).toEqual([]);
    expect(r.pausedWorkingDays).toBe(pausedDays);
    expect(r.replyDue).toBe(expected);
    expect(r.paused).toBe(false);
  });
  it('default is start_excl_end_incl', () => {
    expect(due(events).replyDue).toBe('2026-04-03');
  });
  it('20 + extension + paused: add_wd(03-02, 44) = 2026-05-07 (劳动节 skipped)', () => {
    const r = due([...events, ext('2026-03-25', 20)]);
    expect(r.errors).toEqual([]);
    expect(r.replyDue).toBe('2026-05-07');
  });
  it.each([
    // used (03-02, 03-09] = 5 working days → 15 left
    ['start_excl_end_incl', 15],
    // used (03-02, 03-08] = 4 → 16 left
    ['start_incl_end_incl', 16],
  ] as const)('while paused (%s) reports %i working days left', (pauseBoundary, left) => {
    const r = due(events.slice(0, 2), { pauseBoundary });
    expect(r.remainingWorkingDays).toBe(left);
    expect(r.replyDue).toBeNull();
  });
  it('a pause that starts after the due date does not move it', () => {
    const r = due([
      rec('2026-03-02'),
      { type: 'consultation_started', kind: 'third_party', date: '2026-04-01' },
      { type: 'consultation_ended', date: '2026-04-10' },
    ]);
    expect(r.replyDue).toBe('2026-03-30');
    expect(r.pausedWorkingDays).toBe(0);
  });
  it('overlapping consultations are not counted twice', () => {
    const r = due([
      rec('2026-03-02'),
      { type: 'consultation_started', kind: 'third_party', date: '2026-03-09' },
      { type: 'consultation_started', kind: 'other_agency', date: '2026-03-10' },
      { type: 'consultation_ended', date: '2026-03-12', kind: 'other_agency' },
      { type: 'consultation_ended', date: '2026-03-13', kind: 'third_party' },
    ]);
    expect(r.errors).toEqual([]);
    expect(r.pausedWorkingDays).toBe(4);
    expect(r.replyDue).toBe('2026-04-03');
  });
  it('ending one of two open consultations needs the kind', () => {
    const r = due([
      rec('2026-03-02'),
      { type: 'consultation_started', kind: 'third_party', date: '2026-03-09' },
      { type: 'consultation_started', kind: 'other_agency', date: '2026-03-10' },
      { type: 'consultation_ended', date: '2026-03-12' },
    ]);
    expect(r.errors[0]).toContain('请指明');
  });
});

describe('APP-14: excessive applications (Art. 35)', () => {
  const asked: ClockEvent[] = [
    rec('2026-03-02'),
    { type: 'excessive_reasons_requested', date: '2026-03-04' },
  ];
  it('after asking for reasons the workflow offers 不予处理 (reply) or a custom later deadline', () => {
    const r = due(asked);
    const actions = allowedActions(r.state);
    expect(actions).toContain('set_custom_deadline');
    expect(actions).toContain('reply');
    expect(r.hints.some((h) => h.includes('不予处理-4'))).toBe(true);
  });
  it('a custom later deadline becomes the reply due date', () => {
    const r = due([
      ...asked,
      { type: 'custom_deadline', date: '2026-05-29', reason: '申请量大，需分批检索' },
    ]);
    expect(r.errors).toEqual([]);
    expect(r.replyDue).toBe('2026-05-29');
    expect(r.statutoryReplyDue).toBe('2026-03-30');
  });
  it('a custom deadline is set today for a later day: it is not an event "in the future", nor does it block later events', () => {
    const events: ClockEvent[] = [
      ...asked,
      { type: 'custom_deadline', date: '2026-05-29', reason: '申请量大' },
      { type: 'consultation_started', kind: 'third_party', date: '2026-03-05' },
    ];
    const r = computeDueDates({ events, asOf: '2026-03-05' }, cal);
    expect(r.errors).toEqual([]);
    expect(r.state.customDeadline?.date).toBe('2026-05-29');
  });
  it.each<[string, ClockEvent[], string]>([
    [
      'an impossible date',
      [...asked, { type: 'custom_deadline', date: '2026-02-30', reason: 'x' }],
      '不是有效日期',
    ],
    [
      'without asking first',
      [rec('2026-03-02'), { type: 'custom_deadline', date: '2026-05-29', reason: 'x' }],
      '第三十五条',
    ],
    [
      'not later than the statutory date',
      [...asked, { type: 'custom_deadline', date: '2026-03-30', reason: 'x' }],
      '应晚于',
    ],
    [
      'without a reason',
      [...asked, { type: 'custom_deadline', date: '2026-05-29', reason: ' ' }],
      '说明理由',
    ],
  ])('rejects a custom deadline %s', (_name, events, fragment) => {
    expect(due(events).errors[0]).toContain(fragment);
  });
});

describe('FEE-5..7: fee notice, pay-by date and clock pause (109号)', () => {
  const noticed: ClockEvent[] = [
    rec('2026-01-20'),
    { type: 'fee_notice', date: '2026-01-30', method: 'per_piece' },
  ];
  it('FEE-6: notice received 2026-01-30 → pay by 2026-03-05; the clock is paused meanwhile', () => {
    const r = due(noticed, undefined, '2026-03-05');
    expect(r.errors).toEqual([]);
    expect(r.feePayBy).toBe('2026-03-05');
    expect(r.status).toBe('paused_fee');
    expect(r.replyDue).toBeNull();
    expect(allowedActions(r.state)).not.toContain('reply');
  });
  it('FEE-6: unpaid past the pay-by date → abandoned, report row r6_2', () => {
    const r = due(noticed, undefined, '2026-03-06');
    expect(r.status).toBe('abandoned_unpaid');
    expect(r.suggestedOutcome).toBe('r6_2');
    expect(r.replyDue).toBeNull();
  });
  it('FEE-7: paused from notice to payment, same convention as consultations', () => {
    const r = due([
      rec('2026-03-02'),
      { type: 'fee_notice', date: '2026-03-09', method: 'per_volume' },
      { type: 'fee_paid', date: '2026-03-13' },
    ]);
    expect(r.errors).toEqual([]);
    expect(r.replyDue).toBe('2026-04-03');
  });
  it('FEE-7 pause is a setting ([M], default on)', () => {
    const r = due(
      [
        rec('2026-03-02'),
        { type: 'fee_notice', date: '2026-03-09', method: 'per_volume' },
        { type: 'fee_paid', date: '2026-03-13' },
      ],
      { pauseForFee: false },
    );
    expect(r.replyDue).toBe('2026-03-30');
  });
  it.each<[string, ClockEvent[], string]>([
    [
      'FEE-5: the other method after one was chosen',
      [...noticed, { type: 'fee_notice', date: '2026-02-02', method: 'per_volume' }],
      '已选择按件计收，不得再按量计收',
    ],
    [
      'a second notice',
      [...noticed, { type: 'fee_notice', date: '2026-02-02', method: 'per_piece' }],
      '不能重复发出',
    ],
    [
      'payment after the pay-by date',
      [...noticed, { type: 'fee_paid', date: '2026-03-06' }],
      '晚于缴费期限 2026-03-05',
    ],
    [
      'payment without a notice',
      [rec('2026-01-20'), { type: 'fee_paid', date: '2026-01-30' }],
      '未发出收费通知',
    ],
  ])('rejects %s', (_name, events, fragment) => {
    expect(due(events).errors[0]).toContain(fragment);
  });
});

describe('event order and dates', () => {
  it.each<[string, ClockEvent[], string | undefined, string]>([
    ['an event before receipt', [{ type: 'fee_paid', date: '2026-03-01' }], undefined, '尚未记录收到申请'],
    ['a second receipt', [rec('2026-03-02'), rec('2026-03-03')], undefined, '不能重复记录'],
    [
      'an event dated before the previous one',
      [rec('2026-03-02'), { type: 'excessive_reasons_requested', date: '2026-03-01' }],
      undefined,
      '早于前一事件',
    ],
    ['an event in the future', [rec('2026-03-12')], '2026-03-10', '晚于今天'],
    ['an invalid date', [rec('2026-02-30')], undefined, '不是有效日期'],
  ])('rejects %s', (_name, events, asOf, fragment) => {
    const r = due(events, undefined, asOf);
    expect(r.errors[0]).toContain(fragment);
  });
  it('nothing received → no dates', () => {
    const r = due([]);
    expect(r.status).toBe('not_received');
    expect(r.replyDue).toBeNull();
  });
});

describe('CAL-5 through the clock: a deadline crossing into an unloaded year is provisional', () => {
  it('receipt 2026-12-15 with only 2025/2026 data', () => {
    const partial = createCalendar(years.filter((y) => y.year >= 2025));
    const r = computeDueDates({ events: [rec('2026-12-15')] }, partial);
    expect(r.provisional).toBe(true);
    expect(r.trace.some((t) => t.includes('2027年节假日安排未载入'))).toBe(true);
  });
});

describe('countStartDay setting flows through the clock (REGULATIONS §7.1 [I])', () => {
  const inclusive = createCalendar(years, { countStartDay: true });
  it('receipt Mon 2026-03-02 counts as day 1: due 2026-03-27 instead of 2026-03-30', () => {
    expect(computeDueDates({ events: [rec('2026-03-02')] }, inclusive).replyDue).toBe('2026-03-27');
  });
  it('remaining days while paused include the receipt day', () => {
    const events: ClockEvent[] = [
      rec('2026-03-02'),
      { type: 'consultation_started', kind: 'third_party', date: '2026-03-09' },
    ];
    // Counted: 03-02..03-06 and 03-09 = 6 → 14 left (15 with the default setting).
    expect(computeDueDates({ events }, inclusive).remainingWorkingDays).toBe(14);
  });
});

describe('allowedActions', () => {
  const stateOf = (events: ClockEvent[]) => foldClockEvents(events, cal).state;
  it.each<[string, ClockEvent[], string | undefined, ClockAction[]]>([
    ['nothing received', [], undefined, []],
    [
      'fresh application within 7 working days',
      [rec('2026-02-10')],
      '2026-02-26',
      [
        'request_correction',
        'start_consultation',
        'extend',
        'charge_fee',
        'request_excessive_reasons',
        'reply',
      ],
    ],
    [
      'correction window closed',
      [rec('2026-02-10')],
      '2026-02-27',
      ['start_consultation', 'extend', 'charge_fee', 'request_excessive_reasons', 'reply'],
    ],
    [
      'awaiting correction before its deadline',
      [rec('2026-02-10'), { type: 'correction_requested', date: '2026-02-12', correctBy: '2026-02-27' }],
      '2026-02-20',
      ['receive_correction'],
    ],
    [
      'awaiting correction after its deadline',
      [rec('2026-02-10'), { type: 'correction_requested', date: '2026-02-12', correctBy: '2026-02-27' }],
      '2026-03-02',
      ['receive_correction', 'expire_correction'],
    ],
    [
      'after correction, extension and an ongoing consultation',
      [
        rec('2026-02-10'),
        { type: 'correction_requested', date: '2026-02-12' },
        { type: 'correction_received', date: '2026-03-02' },
        ext('2026-03-03'),
        { type: 'consultation_started', kind: 'third_party', date: '2026-03-04' },
      ],
      '2026-03-05',
      ['start_consultation', 'end_consultation', 'charge_fee', 'request_excessive_reasons', 'reply'],
    ],
    [
      'fee unpaid: no reply, record payment',
      [rec('2026-03-02'), { type: 'fee_notice', date: '2026-03-03', method: 'per_piece' }],
      '2026-03-04',
      ['request_correction', 'start_consultation', 'extend', 'record_fee_paid', 'request_excessive_reasons'],
    ],
  ])('%s', (_name, events, asOf, expected) => {
    expect(allowedActions(stateOf(events), asOf)).toEqual(expected);
  });
});

// Issue 13 part 7: the pause for a consultation ends at the other party's deadline at the latest (Arts 32/34:
// 15 working days from service). Received Mon 2026-06-01; letter served Mon 06-08 → answer due 06-30 (06-19
// 端午); silence is known 07-01, so the pause covers 06-09..07-01 (16 working days) → 20 + 16 → 2026-07-22.
// An answer on 06-12 pauses 06-09..06-12 (4) → 2026-06-30 + 4 → 2026-07-06.
describe('a consultation pause ends at the answer deadline at the latest', () => {
  const served = (kind: 'third_party' | 'other_agency'): ClockEvent[] => [
    rec('2026-06-01'),
    { type: 'consultation_started', kind, date: '2026-06-08' },
  ];
  it.each([
    [
      'third party silent, asked after the deadline',
      served('third_party'),
      '2026-07-06',
      '2026-07-22',
      'running',
    ],
    [
      'other agency silent, asked after the deadline',
      served('other_agency'),
      '2026-07-06',
      '2026-07-22',
      'running',
    ],
    [
      'answer on the last day 06-30',
      [...served('third_party'), { type: 'consultation_ended', date: '2026-06-30' }],
      undefined,
      '2026-07-21',
      'running',
    ],
    [
      'answer a day late 07-01',
      [...served('third_party'), { type: 'consultation_ended', date: '2026-07-01' }],
      undefined,
      '2026-07-22',
      'running',
    ],
    [
      'late answer 07-10 does not push the due date',
      [...served('third_party'), { type: 'consultation_ended', date: '2026-07-10' }],
      undefined,
      '2026-07-22',
      'running',
    ],
    [
      'early answer 06-12',
      [...served('third_party'), { type: 'consultation_ended', date: '2026-06-12' }],
      undefined,
      '2026-07-06',
      'running',
    ],
    ['still within the answer period', served('third_party'), '2026-06-30', null, 'paused_consultation'],
  ] as const)('%s', (_label, events, asOf, expected, status) => {
    const r = due([...events], undefined, asOf);
    expect(r.errors).toEqual([]);
    expect(r.thirdPartyAnswerDue ?? r.otherAgencyAnswerDue).toBe('2026-06-30');
    expect(r.status).toBe(status);
    expect(r.replyDue).toBe(expected);
  });
  it('while paused, the due date if no answer comes is known', () => {
    const r = due(served('third_party'), undefined, '2026-06-15');
    expect(r.paused).toBe(true);
    expect(r.replyDueIfNoAnswer).toBe('2026-07-22');
  });
  it('a late answer is flagged', () => {
    const r = due([...served('third_party'), { type: 'consultation_ended', date: '2026-07-10' }]);
    expect(r.hints.some((h) => h.includes('不顺延答复期限'))).toBe(true);
  });
});
