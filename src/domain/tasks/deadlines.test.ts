import { describe, expect, it } from 'vitest';
import { eachReturns } from '../../../test/table';
import { type Deadline, isoDate, lastDayOfMonth, parseDeadline, parseSmallNumber } from './deadlines';

// Every deadline phrase named in issue 3, with the plan year 2021 unless stated.
describe('parseDeadline: one phrase', () => {
  it.each<[string, number, Deadline]>([
    // dates
    ['2021年6月底前', 2021, { kind: 'date', date: '2021-06-30', raw: '2021年6月底前' }],
    ['10月底前', 2021, { kind: 'date', date: '2021-10-31', raw: '10月底前' }],
    ['10月底前', 2023, { kind: 'date', date: '2023-10-31', raw: '10月底前' }],
    ['8月31日', 2023, { kind: 'date', date: '2023-08-31', raw: '8月31日' }],
    ['2020年10月20日前', 2021, { kind: 'date', date: '2020-10-20', raw: '2020年10月20日前' }],
    ['年底前', 2021, { kind: 'date', date: '2021-12-31', raw: '年底前' }],
    ['2023年底前', 2021, { kind: 'date', date: '2023-12-31', raw: '2023年底前' }],
    ['三季度前', 2021, { kind: 'date', date: '2021-09-30', raw: '三季度前' }],
    ['第一季度末', 2024, { kind: 'date', date: '2024-03-31', raw: '第一季度末' }],
    ['次年1月底前', 2021, { kind: 'date', date: '2022-01-31', raw: '次年1月底前' }],
    ['2月底前', 2024, { kind: 'date', date: '2024-02-29', raw: '2月底前' }],
    ['2月底前', 2023, { kind: 'date', date: '2023-02-28', raw: '2月底前' }],
    ['上半年', 2021, { kind: 'date', date: '2021-06-30', raw: '上半年' }],
    // recurring
    ['每年度1月31日前', 2019, { kind: 'recurring', every: 'year', raw: '每年度1月31日前' }],
    ['每年至少开展1次', 2021, { kind: 'recurring', every: 'year', times: 1, raw: '每年至少开展1次' }],
    ['每季度', 2021, { kind: 'recurring', every: 'quarter', raw: '每季度' }],
    ['每月', 2021, { kind: 'recurring', every: 'month', raw: '每月' }],
    ['每周不少于3次', 2021, { kind: 'recurring', every: 'week', times: 3, raw: '每周不少于3次' }],
    ['每周更新不少于三次', 2021, { kind: 'recurring', every: 'week', times: 3, raw: '每周更新不少于三次' }],
    // continuous
    ['及时公开', 2021, { kind: 'continuous', raw: '及时公开' }],
    // "及时公开" with one adverb between: the same promise
    ['及时权威公开', 2021, { kind: 'continuous', raw: '及时权威公开' }],
    ['及时全面公开', 2021, { kind: 'continuous', raw: '及时全面公开' }],
    // a space copied between a number and 年 is not part of the date
    ['2022 年底前', 2024, { kind: 'date', date: '2022-12-31', raw: '2022年底前' }],
    ['长期坚持', 2021, { kind: 'continuous', raw: '长期坚持' }],
    ['持续推进', 2021, { kind: 'continuous', raw: '持续推进' }],
    ['适时办理', 2021, { kind: 'continuous', raw: '适时办理' }],
    ['全年', 2021, { kind: 'continuous', raw: '全年' }],
    // relative to an event
    ['5个工作日内', 2021, { kind: 'relative', raw: '5个工作日内' }],
    [
      '在市政府有关部门印发基层政务公开标准指引3个月内',
      2021,
      { kind: 'relative', raw: '市政府有关部门印发基层政务公开标准指引3个月内' },
    ],
    ['收到后十个工作日内', 2021, { kind: 'relative', raw: '收到后十个工作日内' }],
  ])('%s (plan year %i)', (raw, year, expected) => {
    expect(parseDeadline(raw, year)).toEqual([expected]);
  });
});

describe('parseDeadline: the other ways a 完成时限 cell is written', () => {
  it.each<[string, Deadline[]]>([
    ['２０２２年６月底前', [{ kind: 'date', date: '2022-06-30', raw: '2022年6月底前' }]],
    ['2022.6.30前', [{ kind: 'date', date: '2022-06-30', raw: '2022.6.30前' }]],
    ['2022/06/30', [{ kind: 'date', date: '2022-06-30', raw: '2022/06/30' }]],
    ['2022-6-30', [{ kind: 'date', date: '2022-06-30', raw: '2022-6-30' }]],
    ['2022.2.30', []],
    ['10月上旬', [{ kind: 'date', date: '2022-10-10', raw: '10月上旬' }]],
    ['10月中旬前', [{ kind: 'date', date: '2022-10-20', raw: '10月中旬前' }]],
    ['2月下旬', [{ kind: 'date', date: '2022-02-28', raw: '2月下旬' }]],
    ['每半年', [{ kind: 'recurring', every: 'year', times: 2, raw: '每半年' }]],
    ['2022年', [{ kind: 'date', date: '2022-12-31', raw: '2022年' }]],
    ['2022.12', [{ kind: 'date', date: '2022-12-31', raw: '2022.12' }]],
    ['2022-9前', [{ kind: 'date', date: '2022-09-30', raw: '2022-9前' }]],
    ['2022.13', []],
    ['2022—2023年', [{ kind: 'date', date: '2023-12-31', raw: '2022—2023年' }]],
    ['元旦前', [{ kind: 'date', date: '2022-12-31', raw: '元旦前' }]],
    ['国庆节前', [{ kind: 'date', date: '2022-09-30', raw: '国庆节前' }]],
    ['年度内', [{ kind: 'date', date: '2022-12-31', raw: '年度内' }]],
    ['每年12月', [{ kind: 'recurring', every: 'year', raw: '每年12月' }]],
    ['即日起', [{ kind: 'continuous', raw: '即日起' }]],
    ['按时', [{ kind: 'continuous', raw: '按时' }]],
    ['按规定时限', [{ kind: 'continuous', raw: '按规定时限' }]],
    ['2023年度', [{ kind: 'date', date: '2023-12-31', raw: '2023年度' }]],
    ['每两个月', [{ kind: 'recurring', every: 'year', times: 6, raw: '每两个月' }]],
    ['每2个月更新一次', [{ kind: 'recurring', every: 'year', times: 6, raw: '每2个月' }]],
    ['每三个月', [{ kind: 'recurring', every: 'quarter', raw: '每三个月' }]],
    ['每六个月', [{ kind: 'recurring', every: 'year', times: 2, raw: '每六个月' }]],
    ['每季度结束后10个工作日内', [{ kind: 'recurring', every: 'quarter', raw: '每季度' }]],
    ['不定期', [{ kind: 'continuous', raw: '不定期' }]],
    ['适时', [{ kind: 'continuous', raw: '适时' }]],
    ['根据工作安排', [{ kind: 'continuous', raw: '根据工作安排' }]],
    ['按上级要求', [{ kind: 'continuous', raw: '按上级要求' }]],
    ['即时', [{ kind: 'continuous', raw: '即时' }]],
    ['实时', [{ kind: 'continuous', raw: '实时' }]],
    ['动态更新', [{ kind: 'continuous', raw: '动态更新' }]],
    ['分阶段推进', [{ kind: 'continuous', raw: '分阶段推进' }]],
    ['年中', [{ kind: 'date', date: '2022-06-30', raw: '年中' }]],
    ['本年度内', [{ kind: 'date', date: '2022-12-31', raw: '本年度内' }]],
    ['2022年年底前', [{ kind: 'date', date: '2022-12-31', raw: '2022年年底前' }]],
  ])('%s (a cell, plan year 2022)', (cell, expected) => {
    expect(parseDeadline(cell, 2022, { cell: true })).toEqual(expected);
  });

  // In a measure's sentence these words say how, not when.
  it.each(['按要求做好公开工作', '不定期开展抽查', '适时召开新闻发布会', '开展年中考核', '实时发布路况信息'])(
    'finds nothing in the sentence "%s"',
    (text) => {
      expect(parseDeadline(text, 2022)).toEqual([]);
    },
  );
});

describe('parseDeadline: inside a measure text', () => {
  it.each<[string, number, Deadline[]]>([
    [
      '1．对照…，在2021年6月底前以适当方式更新…\n2．对照…，在2021年10月底前以适当方式更新…',
      2021,
      [
        { kind: 'date', date: '2021-06-30', raw: '2021年6月底前' },
        { kind: 'date', date: '2021-10-31', raw: '2021年10月底前' },
      ],
    ],
    ['不能当场答复的，必须在5个工作日内主动回复来电人。', 2021, [{ kind: 'relative', raw: '5个工作日内' }]],
    [
      '行政许可、行政处罚决定作出之日起7个工作日内，行政强制和其他对外管理服务事项作出决定之日起20个工作日内，要向社会公布',
      2020,
      [
        { kind: 'relative', raw: '行政许可、行政处罚决定作出之日起7个工作日内' },
        { kind: 'relative', raw: '行政强制和其他对外管理服务事项作出决定之日起20个工作日内' },
      ],
    ],
    [
      '其中微博、微信订阅号类政务新媒体每周更新不少于3次,微信服务号类政务新媒体每周更新不少于1次。',
      2019,
      [
        { kind: 'recurring', every: 'week', times: 3, raw: '每周更新不少于3次' },
        { kind: 'recurring', every: 'week', times: 1, raw: '每周更新不少于1次' },
      ],
    ],
    // The yearly due day is not also read as a one-off date.
    [
      '并于每年度1月31日前通过区政府门户网站向社会公开',
      2019,
      [{ kind: 'recurring', every: 'year', raw: '每年度1月31日前' }],
    ],
    // "次年" is not also read as a plain month end of the plan year.
    ['于次年1月底前报送', 2021, [{ kind: 'date', date: '2022-01-31', raw: '次年1月底前' }]],
  ])('%s', (text, year, expected) => {
    expect(parseDeadline(text, year)).toEqual(expected);
  });

  it.each([
    '公开《市场准入负面清单（2020年版）》',
    '将行政复议驳回率和行政诉讼败诉率控制在2%以内',
    '保证24小时有专人接听',
    '2021年政务公开工作要点',
    '2月30日前',
  ])('finds nothing in "%s"', (text) => {
    expect(parseDeadline(text, 2021)).toEqual([]);
  });

  it('puts the fields in the contract order', () => {
    const [d] = parseDeadline('每年至少开展1次', 2021);
    expect(Object.keys(d ?? {})).toEqual(['kind', 'every', 'times', 'raw']);
  });
});

describe('date helpers', () => {
  it.each([
    [2024, 2, 29],
    [2023, 2, 28],
    [2021, 4, 30],
    [2021, 12, 31],
  ])('last day of %i-%i is %i', (y, m, d) => {
    expect(lastDayOfMonth(y, m)).toBe(d);
  });
  it.each<[number, number, number, string | null]>([
    [2021, 6, 30, '2021-06-30'],
    [2021, 2, 29, null],
    [2021, 13, 1, null],
  ])('isoDate(%i, %i, %i)', (y, m, d, out) => {
    expect(isoDate(y, m, d)).toBe(out);
  });
  eachReturns(
    parseSmallNumber,
    [
      ['3', 3],
      ['三', 3],
      ['两', 2],
      ['十', 10],
      ['十二', 12],
      ['二十', 20],
      ['二十五', 25],
    ],
    'parseSmallNumber(%s)',
  );
});
