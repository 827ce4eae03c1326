import { describe, expect, it } from 'vitest';
import { earlyPublicationProblem, reportOverdue, yearEnded } from './report-timing';

describe('annual report timing', () => {
  it.each([
    [2025, '2025-12-31', false],
    [2025, '2026-01-01', true],
    [2025, '2025-06-30', false],
    [2024, '2026-03-02', true],
    [2026, '2026-03-02', false],
  ])('year %i ended on %s: %s', (year, today, ended) => {
    expect(yearEnded(year, today)).toBe(ended);
  });

  it.each([
    [2026, '2026-03-02', undefined, true],
    [2026, '2026-03-02', '  ', true],
    [2026, '2026-03-02', '撤销合并，提前公布', false],
    [2025, '2026-01-05', undefined, false],
  ])('early publication of %i on %s with reason %o refused: %s', (year, today, reason, refused) => {
    const p = earlyPublicationProblem(year, today, reason);
    expect(p !== null).toBe(refused);
    if (p) expect(p).toContain(`${year} 年尚未结束`);
  });

  it.each([
    ['2026-03-31', false, '2026-03-31', false],
    ['2026-03-31', false, '2026-04-01', true],
    ['2026-03-31', true, '2026-04-01', false],
    ['2026-01-31', false, '2025-12-01', false],
  ])('due %s, published %s, on %s: overdue %s', (due, published, today, overdue) => {
    expect(reportOverdue(due, published, today)).toBe(overdue);
  });
});
