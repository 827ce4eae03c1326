import { describe, expect, it } from 'vitest';
import { builtinCalendar } from '../calendar/testing';
import {
  acceptsComments,
  addMonths,
  adoptionAlert,
  adoptionDue,
  checkAdoption,
  commentPeriodEnd,
  type DecisionAction,
  type DecisionStatus,
  refusal,
  screenComment,
} from './decisions';

const cal = builtinCalendar();

describe('commentPeriodEnd: opening day not counted, a holiday or rest day moves the end (民法典 §201/§203)', () => {
  it.each([
    ['ordinary weekday', '2026-03-02', 30, '2026-04-01', false],
    ['ends on 国庆节 → first working day after', '2026-09-01', 30, '2026-10-08', true],
    ['ends on 春节 → 2026-02-24', '2026-01-20', 30, '2026-02-24', true],
    ['ends on a 调休 working Saturday → stays', '2026-01-15', 30, '2026-02-14', false],
    ['ends on 清明 Monday → Tuesday', '2026-03-07', 30, '2026-04-07', true],
    ['ends on a Sunday → Monday', '2026-03-01', 14, '2026-03-16', true],
    ['short period of 7 days', '2026-03-02', 7, '2026-03-09', false],
  ])('%s', (_name, opened, days, end, moved) => {
    const r = commentPeriodEnd(cal, opened, days);
    expect(r.date).toBe(end);
    expect(r.moved).toBe(moved);
  });
  it('refuses a period under one day', () => {
    expect(() => commentPeriodEnd(cal, '2026-03-02', 0)).toThrow('至少 1 日');
  });
});

describe('addMonths: corresponding day, or the month end (民法典 §202)', () => {
  it.each([
    ['2026-04-01', 1, '2026-05-01'],
    ['2026-01-31', 1, '2026-02-28'],
    ['2028-01-31', 1, '2028-02-29'],
    ['2026-03-31', 1, '2026-04-30'],
    ['2026-12-15', 1, '2027-01-15'],
    ['2026-11-30', 3, '2027-02-28'],
  ])('%s + %i month → %s', (from, n, to) => {
    expect(addMonths(from, n)).toBe(to);
  });
});

describe('adoptionDue: 1 month after the period ends (seed 003), §203 applied', () => {
  it.each([
    ['lands on 劳动节 → 2026-05-06', '2026-04-01', '2026-05-06'],
    ['Jan 31 → Feb 28, a 调休 working Saturday', '2026-01-31', '2026-02-28'],
    ['Mar 31 → Apr 30 (no Apr 31)', '2026-03-31', '2026-04-30'],
    ['lands on a Sunday → Monday', '2026-10-08', '2026-11-09'],
  ])('%s', (_name, end, due) => {
    expect(adoptionDue(cal, end).date).toBe(due);
  });
});

describe('adoptionAlert', () => {
  it.each([
    ['2026-05-06', false, '2026-04-28', 'none'],
    ['2026-05-06', false, '2026-04-29', 'due_soon'],
    ['2026-05-06', false, '2026-05-06', 'due_soon'],
    ['2026-05-06', false, '2026-05-07', 'overdue'],
    ['2026-05-06', true, '2026-05-07', 'none'],
  ] as const)('due %s published=%s on %s → %s', (due, published, today, alert) => {
    expect(adoptionAlert(due, published, today)).toBe(alert);
  });
});

describe('status transitions', () => {
  const cases: [DecisionStatus, DecisionAction, boolean][] = [
    ['draft', 'edit', true],
    ['draft', 'open', true],
    ['open', 'edit', false],
    ['open', 'close', true],
    ['draft', 'close', false],
    ['closed', 'adopt', true],
    ['open', 'adopt', false],
    ['adopted', 'adopt', false],
    ['adopted', 'decide', true],
    ['closed', 'decide', false],
  ];
  it.each(cases)('%s + %s → allowed %s', (status, action, ok) => {
    expect(refusal(status, action) === null).toBe(ok);
  });
  it.each([
    ['open', '2026-04-01', '2026-04-01', true],
    ['open', '2026-04-01', '2026-04-02', false],
    ['closed', '2026-04-01', '2026-03-20', false],
    ['draft', null, '2026-03-20', false],
  ] as const)('acceptsComments(%s, %s, %s) → %s', (status, end, today, ok) => {
    expect(acceptsComments(status, end, today)).toBe(ok);
  });
});

describe('screenComment: ID and phone numbers and sensitive words held for moderation', () => {
  it.each([
    ['建议增加公交班次。', 'shown', false, []],
    ['联系我 13812345678', 'pending', true, []],
    ['我的身份证 500223199001011234 ，请回复', 'pending', true, []],
    ['全角 １３８１２３４５６７８', 'pending', true, []],
    ['有人办证刻章', 'pending', false, ['办证刻章']],
    ['有人办 证 刻 章', 'pending', false, ['办证刻章']],
    ['有人办　证·刻＊章（全角）', 'pending', false, ['办证刻章']],
  ] as const)('%s → %s', (text, status, personal, words) => {
    const r = screenComment(text, ['办证刻章']);
    expect(r.status).toBe(status);
    expect(r.personalData).toBe(personal);
    expect(r.sensitiveWords).toEqual(words);
    expect(r.publicText).not.toMatch(/\d{11}/);
  });
});

describe('checkAdoption', () => {
  it('counts outcomes and requires a reason when not adopted', () => {
    const r = checkAdoption(
      [
        { opinion: 'a', outcome: 'adopted', reason: null },
        { opinion: 'b', outcome: 'partly', reason: '' },
        { opinion: 'c', outcome: 'not_adopted', reason: '超出本级权限' },
      ],
      5,
    );
    expect(r.counts).toEqual({ received: 5, adopted: 1, partly: 1, notAdopted: 1 });
    expect(r.errors).toEqual(['第 2 条意见部分采纳，请说明理由']);
  });
  it('refuses more opinions than received', () => {
    expect(checkAdoption([{ opinion: 'a', outcome: 'adopted', reason: null }], 0).errors).toHaveLength(1);
  });
});
