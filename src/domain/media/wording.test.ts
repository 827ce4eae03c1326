import { describe, expect, it } from 'vitest';
import { eachReturns } from '../../../test/table';
import { guideElementsPresent, missingGuideElements } from './guide';
import { parseRobots, robotsAllows } from './robots';
import { chineseNumber, findWordingIssues } from './wording';

describe('wording: typos and serious errors from the starter dictionary', () => {
  it.each([
    ['会议对重点工作进行了部暑', '2026-11-10', [['typo', '部暑']]],
    ['截止2026年9月底，全区新增就业', '2026-10-08', [['typo', '截止']]],
    ['报名截止时间为2026年8月5日', '2026-07-20', []],
    ['截止日期：2026年8月5日', '2026-07-20', []],
    ['截至目前已累计资助', '2026-10-27', []],
    ['作为一项民生实事；其它事项', '2026-10-27', []],
    ['做为试点', '2026-10-27', [['typo', '做为']]],
    ['根据中华人名共和国有关法律', '2026-05-11', [['serious_error', '中华人名共和国']]],
    [
      '深入贯彻中国共产党第二十一次全国代表大会精神',
      '2026-02-10',
      [['serious_error', '中国共产党第二十一次全国代表大会']],
    ],
    ['深入贯彻党的二十大精神，习近平新时代', '2026-11-10', []],
    ['学习党的二十大精神', '2022-10-01', [['serious_error', '党的二十大']]], // before it opened
    ['迎接党的二十大胜利召开', '2022-09-01', []],
    ['二十一届三中全会', '2026-05-01', [['serious_error', '二十一届三中全会']]],
    ['二十届四中全会', '2026-05-01', []],
  ])('%s (%s)', (text, date, want) => {
    expect(findWordingIssues(text, date).map((i) => [i.kind, i.text])).toEqual(want);
  });
  it('reports one issue per wrong form', () => {
    expect(findWordingIssues('部暑，部暑', '2026-01-01')).toHaveLength(1);
  });
  it('uses the office’s dictionary', () => {
    const dict = { typos: [{ wrong: '帐号', right: '账号' }], serious: [], congresses: [] };
    expect(findWordingIssues('注册帐号，部暑', '2026-01-01', dict).map((i) => i.text)).toEqual(['帐号']);
  });
  eachReturns(
    chineseNumber,
    [
      ['十八', 18],
      ['二十', 20],
      ['二十一', 21],
      ['十', 10],
      ['九', 9],
      ['19', 19],
      ['十十', undefined],
    ],
    'chineseNumber %s → %s',
  );
});

describe('办事指南 elements (8 key element types, synonyms count)', () => {
  it.each([
    [['事项名称', '办理材料', '联系电话'], [], ['设定依据', '申请条件', '办理地点', '办理时间', '办理流程']],
    [
      ['服务名称', '法律依据', '受理条件', '申请材料', '受理地点', '办公时间', '咨询电话', '办理程序'],
      [],
      [],
    ],
    [
      [],
      ['一、事项名称：老年证', '二、申请条件：年满60周岁', '办理流程：受理—审核—发证'],
      ['设定依据', '办理材料', '办理地点', '办理时间', '联系电话'],
    ],
  ])('labels %j lines %j → missing %j', (labels, lines, missing) => {
    expect(missingGuideElements(guideElementsPresent(labels, lines))).toEqual(missing);
  });
});

describe('robots.txt', () => {
  const r = parseRobots(
    'User-agent: *\nDisallow: /search\nAllow: /search/help\nDisallow: /*.php$\n\nUser-agent: other\nDisallow: /',
  );
  it.each([
    ['/index.html', true],
    ['/search?q=1', false],
    ['/search/help', true],
    ['/a.php', false],
    ['/a.php?x=1', true],
  ])('%s → %s', (p, want) => expect(robotsAllows(r, p)).toBe(want));
  it('a group for our agent replaces *', () => {
    const g = parseRobots(
      'User-agent: *\nDisallow: /\n\nUser-agent: Gongkai\nDisallow: /private\nCrawl-delay: 1',
    );
    expect(robotsAllows(g, '/news')).toBe(true);
    expect(robotsAllows(g, '/private/x')).toBe(false);
    expect(g.crawlDelaySec).toBe(1);
  });
});
