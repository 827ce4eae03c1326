// MON-1…6 thresholds at their edges (as-of 2026-12-01 unless stated): REGULATIONS §5, §9.6.
import { describe, expect, it } from 'vitest';
import { eachEquals, eachReturns } from '../../../test/table';
import { addDays, addMonths, findDates, isFresh, isIsoDay, latestUpTo } from './dates';
import {
  classifyColumn,
  DEFAULT_THRESHOLDS,
  decideVerdict,
  judgeColumn,
  messageOverdue,
  type VerdictInput,
} from './rules';

const AS_OF = '2026-12-01';

describe('dates on pages', () => {
  eachEquals(
    findDates,
    [
      ['[2026-11-10]', ['2026-11-10']],
      ['发布日期：2026年1月5日　来源', ['2026-01-05']],
      ['2026/3/9 与 2026.03.10', ['2026-03-09', '2026-03-10']],
      ['2026-02-30 is no day', []],
      ['电话 0572-2231001', []],
      ['2026年 11 月 9 日', ['2026-11-09']],
    ],
    '%s → %j',
  );
  it.each([
    ['2026-12-01', -14, '2026-11-17'],
    ['2026-12-01', -183, '2026-06-01'],
    ['2024-03-01', -1, '2024-02-29'],
  ])('%s %+d days → %s', (d, n, want) => expect(addDays(d, n)).toBe(want));
  it.each([
    ['2026-12-01', -3, '2026-09-01'],
    ['2026-05-31', 3, '2026-08-31'],
    ['2026-11-30', 3, '2027-02-28'],
    ['2026-01-31', 1, '2026-02-28'],
  ])('%s %+d months → %s', (d, n, want) => expect(addMonths(d, n)).toBe(want));
  it('isIsoDay', () => {
    expect(isIsoDay('2026-02-28')).toBe(true);
    expect(isIsoDay('2026-02-29')).toBe(false);
    expect(isIsoDay('2026-2-1')).toBe(false);
  });
  it('latestUpTo ignores dates after as-of', () => {
    expect(latestUpTo(['2026-11-01', '2027-01-01', undefined], AS_OF)).toBe('2026-11-01');
    expect(latestUpTo([undefined], AS_OF)).toBeUndefined();
  });
});

describe('MON-2/MON-3 windows: fresh on or after as-of minus N days', () => {
  it.each([
    ['2026-11-17', 14, true],
    ['2026-11-16', 14, false],
    ['2026-12-01', 14, true],
    ['2026-12-02', 14, false], // future: not evidence of an update
    ['2026-06-01', 183, true],
    ['2026-05-31', 183, false],
  ])('%s within %i days → %s', (d, n, want) => expect(isFresh(d, AS_OF, n)).toBe(want));
  it('no date is never fresh', () => expect(isFresh(undefined, AS_OF, 14)).toBe(false));
});

describe('column kinds by editable name patterns', () => {
  eachReturns(
    classifyColumn,
    [
      ['区内要闻', 'dynamic'],
      ['部门动态', 'dynamic'],
      ['乡镇动态', 'dynamic'],
      ['政务信息', 'dynamic'],
      ['通知公告', 'notice'],
      ['公示公告', 'notice'],
      ['政策文件', 'policy'],
      ['规范性文件', 'policy'],
      ['政策解读', 'other'],
      ['发展规划', 'other'],
      ['政府信息公开年报', 'other'],
      ['办事指南', 'other'],
      ['政务咨询', 'consult'],
      ['书记信箱', 'consult'],
      ['征集调查', 'other'],
      ['领导活动', 'dynamic'],
      ['领导信息', 'other'],
      ['视频新闻', 'dynamic'],
      ['媒体聚焦', 'dynamic'],
      ['政府工作报告', 'other'],
      ['', 'other'],
    ],
    '%s → %s',
  );
  it('uses the office’s patterns', () => {
    const p = { other: '', consult: '', dynamic: '街巷', notice: '', policy: '' };
    expect(classifyColumn('街巷新闻', p)).toBe('dynamic');
    expect(classifyColumn('区内要闻', p)).toBe('other');
  });
});

describe('judgeColumn (MON-3 a)', () => {
  it.each([
    ['dynamic', true, '2026-11-17', false],
    ['dynamic', false, '2026-11-16', true],
    ['dynamic', true, undefined, true],
    ['notice', true, '2026-06-01', false],
    ['notice', true, '2026-05-31', true],
    ['policy', true, '2026-05-31', true],
    ['policy', false, '2026-01-01', false], // second-level 政策文件: not judged
    ['other', true, '2020-01-01', false],
    ['consult', true, '2020-01-01', false],
  ] as const)('%s first-level=%s latest %s → stale %s', (kind, first, latest, want) => {
    expect(judgeColumn(kind, first, latest, AS_OF).stale).toBe(want);
  });
});

describe('messageOverdue (MON-4): unanswered for more than 3 months, left within 365 days', () => {
  it.each([
    [{ left: '2026-08-31', answered: false }, true],
    [{ left: '2026-09-01', answered: false }, false], // exactly 3 months: not more
    [{ left: '2026-09-02', answered: false }, false],
    [{ left: '2025-12-01', answered: false }, true], // first day of the 365-day window
    [{ left: '2025-11-30', answered: false }, false], // before the window
    [{ left: '2026-06-03', answered: true, answeredOn: '2026-09-04' }, true], // answered late
    [{ left: '2026-06-03', answered: true, answeredOn: '2026-09-03' }, false],
    [{ left: '2026-06-03', answered: true }, false],
    [{ left: '2026-12-02', answered: false }, false],
  ])('%j → %s', (m, want) => expect(messageOverdue(m, AS_OF)).toBe(want));
});

describe('decideVerdict (MON-1, MON-6 vetoes)', () => {
  const ok: VerdictInput = {
    reachable: true,
    homeLatest: '2026-11-20',
    staleColumns: 4,
    blankColumns: 4,
    unansweredMessages: 0,
    seriousErrors: 0,
    asOf: AS_OF,
  };
  const rules = (v: Partial<VerdictInput>) => decideVerdict({ ...ok, ...v }).vetoes.map((x) => x.rule);
  it.each([
    [{}, []],
    [{ homeLatest: '2026-11-16' }, ['home_not_updated']],
    [{ homeLatest: undefined }, ['home_not_updated']],
    [{ staleColumns: 5 }, ['columns_not_updated']],
    [{ blankColumns: 5 }, ['blank_columns']],
    [{ unansweredMessages: 1 }, ['interaction_poor']],
    [{ seriousErrors: 1 }, ['serious_error']],
    [{ reachable: false, seriousErrors: 3 }, ['unreachable']],
    [{ availability: { failed: 7, total: 140 } }, ['unreachable']], // 5 % exactly
    [{ availability: { failed: 6, total: 140 } }, []],
  ] as [Partial<VerdictInput>, string[]][])('%j → %j', (v, want) => expect(rules(v)).toEqual(want));
  it('any veto makes 不合格, none 合格', () => {
    expect(decideVerdict(ok).verdict).toBe('合格');
    expect(decideVerdict({ ...ok, seriousErrors: 1 }).verdict).toBe('不合格');
  });
  it('thresholds are configurable', () => {
    const t = { ...DEFAULT_THRESHOLDS, staleColumnsVeto: 3 };
    expect(decideVerdict({ ...ok, staleColumns: 3 }, t).verdict).toBe('不合格');
  });
});

describe('dates without a year and in addresses', () => {
  it.each([
    ['[11-10]', '2026-11-10'],
    ['12-15', '2025-12-15'], // after as-of this year: last year
    ['11月9日', '2026-11-09'],
    ['0572-2231001', undefined],
    ['浏览 12 次', undefined],
  ])('shortDate %s → %s', async (text, want) => {
    const { shortDate } = await import('./dates');
    expect(shortDate(text, AS_OF)).toBe(want);
  });
  it.each([
    ['http://x.gov.cn/qnyw/202611/t20261110_0215.html', '2026-11-10'],
    ['http://x.gov.cn/2026-11/10/content_1.htm', '2026-11-10'],
    ['http://20261399.gov.cn/a.html', undefined],
    ['http://x.gov.cn/a/20261399.html', undefined],
  ])('urlDate %s → %s', async (href, want) => {
    const { urlDate } = await import('./dates');
    expect(urlDate(href)).toBe(want);
  });
});
