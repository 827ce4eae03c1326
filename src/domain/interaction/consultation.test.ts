import { describe, expect, it } from 'vitest';
import { builtinCalendar } from '../calendar/testing';
import {
  answerDue,
  awaitingReview,
  type ConsultStatus,
  canRate,
  consultActions,
  consultStatusLabel,
  isOverdue,
  reminderOf,
  replyOnTime,
  transferRefusal,
} from './consultation';

const cal = builtinCalendar();

describe('answer clock: 5 working days on the calendar (seed 001)', () => {
  // Counted by hand on the 2025/2026 notices: the receipt day does not count.
  it.each([
    ['ordinary week', '2026-03-02', 5, '2026-03-09'],
    ['received on a Friday', '2026-03-06', 5, '2026-03-13'],
    ['received on a Saturday', '2026-03-07', 5, '2026-03-13'],
    ['over 国庆 with the Saturday make-up day 10-10', '2026-09-29', 5, '2026-10-12'],
    ['over 春节 2026 (02-15..02-23 off, 02-14 and 02-28 make-up)', '2026-02-12', 5, '2026-02-26'],
    ['a setting of 3 days', '2026-03-02', 3, '2026-03-05'],
    ['across the new year 2025/2026', '2025-12-30', 5, '2026-01-07'],
  ])('%s: %s + %i → %s', (_name, received, days, due) => {
    expect(answerDue(cal, received, days)).toBe(due);
  });
});

describe('overdue and late replies', () => {
  it.each<[ConsultStatus, string, string, boolean]>([
    ['open', '2026-03-09', '2026-03-09', false],
    ['open', '2026-03-09', '2026-03-10', true],
    ['answered', '2026-03-09', '2026-03-20', false],
    ['closed', '2026-03-09', '2026-03-20', false],
  ])('%s due %s as of %s → overdue %s', (status, due, asOf, want) => {
    expect(isOverdue(status, due, asOf)).toBe(want);
  });
  it.each([
    ['2026-03-09', '2026-03-06', true],
    ['2026-03-09', '2026-03-09', true],
    ['2026-03-09', '2026-03-10', false],
  ])('due %s replied %s → on time %s', (due, replied, want) => {
    expect(replyOnTime(due, replied)).toBe(want);
  });
});

describe('transitions', () => {
  it.each<[ConsultStatus, boolean, string[]]>([
    ['open', false, ['transfer', 'answer']],
    ['answered', false, ['close', 'add_to_base']],
    ['answered', true, ['close']],
    ['closed', false, ['add_to_base']],
    ['closed', true, []],
  ])('%s (in base %s) → %j', (status, inBase, want) => {
    expect(consultActions(status, inBase)).toEqual(want);
  });
  it.each<[ConsultStatus, boolean, boolean]>([
    ['open', false, false],
    ['answered', false, true],
    ['answered', true, false],
    ['closed', false, false],
  ])('rating when %s (rated %s) → %s', (status, rated, want) => {
    expect(canRate(status, rated)).toBe(want);
  });
});

describe('transfers: no loop between two units', () => {
  const names: Record<string, string> = { A: '区人社局', B: '区医保局', C: '区住建委' };
  const nameOf = (id: string) => names[id] ?? id;
  it.each<[string, string, string, { from: string; to: string }[], RegExp | null]>([
    ['first transfer', 'A', 'B', [], null],
    ['onward to a third unit', 'B', 'C', [{ from: 'A', to: 'B' }], null],
    ['to itself', 'A', 'A', [], /当前承办单位/],
    ['back to the sender', 'B', 'A', [{ from: 'A', to: 'B' }], /区人社局已将该咨询转出/],
    [
      'back to an earlier sender',
      'C',
      'A',
      [
        { from: 'A', to: 'B' },
        { from: 'B', to: 'C' },
      ],
      /区人社局已将该咨询转出/,
    ],
  ])('%s', (_n, holder, target, history, refusal) => {
    const r = transferRefusal(holder, target, history, nameOf);
    if (refusal) expect(r).toMatch(refusal);
    else expect(r).toBeNull();
  });
});

describe('reminders', () => {
  it.each<[string, string, number, 'overdue' | 'due' | null]>([
    ['2026-03-09', '2026-03-02', 5, null],
    ['2026-03-09', '2026-03-05', 2, 'due'],
    ['2026-03-09', '2026-03-09', 0, 'due'],
    ['2026-03-09', '2026-03-10', 0, 'overdue'],
  ])('due %s as of %s (%i working days left) → %s', (due, asOf, left, want) => {
    expect(reminderOf(due, asOf, left)).toBe(want);
  });
});

describe('reply review (the unit requires it): the answer waits as a draft, the clock runs', () => {
  const open = { status: 'open' as const, answeredOn: null };
  it.each<[string, Parameters<typeof awaitingReview>[0], boolean, string]>([
    ['open, no answer yet', { ...open, answer: null }, false, '办理中'],
    ['open with a drafted answer', { ...open, answer: '答复稿' }, true, '答复待审核'],
    [
      'answered (approved)',
      { status: 'answered', answer: '答复', answeredOn: '2026-03-09' },
      false,
      '已答复',
    ],
    ['closed', { status: 'closed', answer: '答复', answeredOn: '2026-03-09' }, false, '已办结'],
  ])('%s → awaiting review %s, label %s', (_n, c, want, label) => {
    expect(awaitingReview(c)).toBe(want);
    expect(consultStatusLabel(c)).toBe(label);
  });

  it.each<[ConsultStatus, boolean, string[]]>([
    ['open', false, ['transfer', 'answer']],
    ['open', true, ['approve', 'return']],
    ['answered', false, ['close', 'add_to_base']],
  ])('%s reviewing=%s → %j', (status, reviewing, want) => {
    expect(consultActions(status, false, reviewing)).toEqual(want);
  });

  it('still counts as overdue while waiting for review; approval after the due date is late', () => {
    expect(isOverdue('open', '2026-03-09', '2026-03-10')).toBe(true);
    expect(replyOnTime('2026-03-09', '2026-03-10')).toBe(false);
    expect(replyOnTime('2026-03-09', '2026-03-09')).toBe(true);
  });
});
