// MON-5 (政务新媒体) at its 14-day edge, the exported post list reader, and the 检查通报 figures.
import { describe, expect, it } from 'vitest';
import { eachEquals, eachReturns } from '../../../test/table';
import { bulletinFigures, periodRange } from './bulletin';
import { judgeAccount, parseReadCount, readPostTable } from './newmedia';
import { availabilityShare } from './rules';

const AS_OF = '2026-12-01';

describe('MON-5: no post in the 14 days before the check → 内容不更新 veto', () => {
  eachReturns(
    (posts: string[]) => judgeAccount({ postDates: posts, asOf: AS_OF, interactionWorks: true }).verdict,
    [
      [['2026-11-17'], '合格'], // as-of minus 14 days: still inside the window
      [['2026-11-16'], '不合格'], // 15 days before: stale
      [['2026-12-01'], '合格'],
      [['2026-11-16', '2026-11-30'], '合格'],
      [['2026-12-02'], '不合格'], // dated after the check: not evidence of an update
      [[], '不合格'],
    ],
    '%j → %s',
  );
  it('names the last post and the window', () => {
    expect(judgeAccount({ postDates: ['2026-11-16'], asOf: AS_OF, interactionWorks: true })).toEqual({
      verdict: '不合格',
      lastPost: '2026-11-16',
      vetoes: [{ rule: 'not_updated', detail: '最近一次发布于2026-11-16，检查前14天内未更新' }],
    });
  });
  it('no working interaction function is a veto of its own', () => {
    const j = judgeAccount({ postDates: ['2026-11-30'], asOf: AS_OF, interactionWorks: false });
    expect(j.verdict).toBe('不合格');
    expect(j.vetoes.map((v) => v.rule)).toEqual(['no_interaction']);
  });
  it('a leap-year edge: 2028-03-01 minus 14 days is 2028-02-16', () => {
    const v = (d: string) =>
      judgeAccount({ postDates: [d], asOf: '2028-03-01', interactionWorks: true }).verdict;
    expect([v('2028-02-16'), v('2028-02-15')]).toEqual(['合格', '不合格']);
  });
});

describe('阅读量 as platforms print it', () => {
  eachReturns(parseReadCount, [
    ['1234', 1234],
    ['1,234', 1234],
    ['1.2万', 12000],
    ['10万+', 100000],
    ['', null],
    ['很多', undefined],
    ['-3', undefined],
  ]);
});

const row = (n: number, values: Record<string, string>) => ({ row: n, values });

describe('exported post lists: headers from the vocabulary', () => {
  it('a WeChat export (群发时间, 阅读数, 原文链接)', () => {
    const r = readPostTable(
      [
        row(2, {
          文章标题: '区政府召开常务会议',
          群发时间: '2026-11-20 18:30',
          阅读数: '10万+',
          原文链接: 'https://mp.weixin.qq.com/s/a',
        }),
        row(3, { 文章标题: '冬季供暖公告', 群发时间: '2026年11月21日', 阅读数: '', 原文链接: '' }),
      ],
      AS_OF,
    );
    expect(r.errors).toEqual([]);
    expect(r.columns).toEqual({
      title: '文章标题',
      publishedAt: '群发时间',
      reads: '阅读数',
      url: '原文链接',
    });
    expect(r.posts).toEqual([
      {
        row: 2,
        title: '区政府召开常务会议',
        publishedOn: '2026-11-20',
        reads: 100000,
        url: 'https://mp.weixin.qq.com/s/a',
      },
      { row: 3, title: '冬季供暖公告', publishedOn: '2026-11-21', reads: null, url: '' },
    ]);
  });
  it('a sheet without a date column is refused on its header row', () => {
    expect(readPostTable([row(2, { 标题: '某条' })], AS_OF).errors).toEqual([
      { row: 1, message: expect.stringContaining('表头缺少发布时间列') },
    ]);
  });
  eachEquals(
    (values: Record<string, string>) => readPostTable([row(2, values)], AS_OF).errors.map((e) => e.message),
    [
      [{ 标题: 'a', 发布时间: '昨天' }, ['发布时间“昨天”无法识别']],
      [{ 标题: 'a', 发布时间: '2026-12-02' }, ['发布时间2026-12-02晚于今天']],
      [{ 标题: 'a', 发布时间: '2026-11-01', 阅读量: '很多' }, ['阅读量“很多”不是数字']],
      [{ 标题: 'a', 发布时间: '2026-11-01', 链接: 'mp.weixin' }, ['链接应为 http:// 或 https:// 开头的网址']],
      [{ 标题: 'a', 发布时间: '2026-11-01' }, []],
    ],
    '%j → %j',
  );
  it('an empty title under a title column', () => {
    const r = readPostTable(
      [row(2, { 标题: 'a', 发布时间: '2026-11-01' }), row(3, { 标题: '', 发布时间: '2026-11-02' })],
      AS_OF,
    );
    expect(r.errors).toEqual([{ row: 3, message: '标题为空' }]);
  });
  it('a post repeated in the file is named with the earlier row', () => {
    const r = readPostTable(
      [row(2, { 标题: 'a', 发布时间: '2026-11-01' }), row(3, { 标题: 'a', 发布时间: '2026-11-01 09:00' })],
      AS_OF,
    );
    expect(r.errors).toEqual([{ row: 3, message: '与第2行重复' }]);
  });
});

describe('检查通报 periods', () => {
  eachEquals(
    ([y, p]: [number, 'Q1' | 'Q2' | 'Q3' | 'Q4' | 'H1' | 'H2']) => periodRange(y, p),
    [
      [[2026, 'Q1'], { from: '2026-01-01', to: '2026-03-31', label: '2026年第一季度' }],
      [[2028, 'Q1'], { from: '2028-01-01', to: '2028-03-31', label: '2028年第一季度' }],
      [[2026, 'Q2'], { from: '2026-04-01', to: '2026-06-30', label: '2026年第二季度' }],
      [[2026, 'Q4'], { from: '2026-10-01', to: '2026-12-31', label: '2026年第四季度' }],
      [[2026, 'H1'], { from: '2026-01-01', to: '2026-06-30', label: '2026年上半年' }],
      [[2026, 'H2'], { from: '2026-07-01', to: '2026-12-31', label: '2026年下半年' }],
    ],
    '%j',
  );
});

describe('availabilityShare: MON-1 failed share and the 5 % veto at its edge', () => {
  eachEquals(
    ([failed, total]: [number, number]) => availabilityShare({ failed, total }),
    [
      [[0, 0], { share: 0, veto: false }],
      [[6, 140], { share: 4.3, veto: false }],
      [[7, 140], { share: 5, veto: true }],
      [[1, 3], { share: 33.3, veto: true }],
    ],
  );
});

describe('检查通报 figures', () => {
  const f = bulletinFigures(
    [
      {
        unitName: '区教委',
        name: '教委网',
        verdict: '合格',
        vetoes: [],
        findings: [{ kind: 'typo' }],
        availability: { failed: 6, total: 140 },
      },
      {
        unitName: '区卫健委',
        name: '卫健网',
        verdict: '不合格',
        vetoes: [{ rule: 'home_not_updated' }],
        findings: [{ kind: 'broken_link' }, { kind: 'broken_link' }, { kind: 'typo' }],
        availability: null,
      },
    ],
    [
      { unitName: '区教委', name: '教委微信', verdict: '合格', vetoes: [] },
      { unitName: '区民政局', name: '民政微博', verdict: '不合格', vetoes: [{ rule: 'not_updated' }] },
    ],
  );
  it('counts sites, vetoes, findings by kind and accounts', () => {
    expect(f.sites).toEqual({ checked: 2, passed: 1, failed: 1 });
    expect(f.siteVetoes).toEqual([{ key: 'home_not_updated', label: '首页不更新', count: 1 }]);
    expect(f.findings).toEqual([
      { key: 'broken_link', label: '链接不可用', count: 2 },
      { key: 'typo', label: '错别字', count: 2 },
    ]);
    expect(f.accounts).toEqual({ checked: 2, passed: 1, failed: 1 });
    expect(f.accountVetoes).toEqual([{ key: 'not_updated', label: '内容不更新', count: 1 }]);
  });
  it('lists the MON-1 sampling of each sampled site: 6 of 140 failed = 4.3 %, under the 5 % veto', () => {
    expect(f.availability).toEqual([
      { unitName: '区教委', name: '教委网', probes: 140, failures: 6, share: 4.3, veto: false },
    ]);
  });
  it('praises a unit whose every channel passed, criticises one with a failure', () => {
    expect(f.praised).toEqual(['区教委']);
    expect(f.criticised).toEqual(['区卫健委', '区民政局']);
  });
});
