// The matcher on a small base: ranking, the confidence flag, bad input; and the file formats of `gongkai qa match`.
import { describe, expect, it } from 'vitest';
import { eachEquals } from '../../../../test/table';
import { createQaMatcher } from '../../../server/platform/text/qa-matcher';
import { CONFIDENT_AT, entriesFromTable, MAX_MATCHES, parseCsv, QaFileError, questionsFromText } from '.';

const BASE = [
  {
    question: '公租房的申请条件是什么？',
    answer: '本区无住房、收入低于标准的家庭可以申请公共租赁住房。',
    unit: '区住房城乡建委',
  },
  {
    question: '公租房怎么申请，多久能配租？',
    answer: '在线提交申请，审核通过后每季度摇号配租一次。',
    unit: '区住房城乡建委',
  },
  {
    question: '医保电子凭证怎么激活？',
    answer: '在国家医保服务平台App实名认证后激活医保码，看病扫码结算。',
    unit: '区医保局',
  },
  {
    question: '居民身份证丢了怎么补办？',
    answer: '到任一派出所申请补领，工本费20元，可办临时身份证。',
    unit: '区公安局',
  },
  {
    question: '住房公积金贷款最高可以贷多少？',
    answer: '单缴存职工最高60万元，双缴存职工最高80万元。',
    unit: '区公积金中心',
  },
  {
    question: '灵活就业人员怎样参加养老保险？',
    answer: '个体户和灵活就业人员可以自行参保，缴费基数自选。',
    unit: '区人力社保局',
  },
];
const matcher = createQaMatcher(BASE);

describe('QaMatcher', () => {
  it.each([
    ['廉租房 要啥条件', 1, true],
    ['公租房好久摇一次号', 2, true],
    ['手机上那个医保码咋个开通', 3, true],
    ['身份证搞掉了咋个办', 4, true],
    // 双缴存 is not 两口子都交: found first, but not sure enough to be shown as the answer.
    ['两口子都交了公积金，最多贷好多', 5, false],
    ['打零工的可以自己买养老保险不', 6, true],
  ])('%s → row %i first, confident %s', (q, row, confident) => {
    const [first] = matcher.match(q);
    expect(first).toMatchObject({ row, question: BASE[row - 1]!.question, confident });
  });

  it('scores lie in 0..1, best first, at most five matches', () => {
    const m = matcher.match('公租房 公积金 医保 身份证 养老保险 贷款');
    expect(m.length).toBeLessThanOrEqual(MAX_MATCHES);
    for (const x of m) expect(x.score).toBeGreaterThanOrEqual(0);
    for (const x of m) expect(x.score).toBeLessThanOrEqual(1);
    expect(m.map((x) => x.score)).toEqual([...m.map((x) => x.score)].sort((a, b) => b - a));
  });

  it.each([
    // Topic known, asked aspect not covered: a related entry, never an answer.
    '公租房的租金每平方米多少钱？',
    '公积金贷款的利率是多少？',
    // Nothing in common with the base.
    '新能源汽车有没有购车补贴？',
  ])('%s is not shown as answered', (q) => {
    expect(matcher.match(q).every((m) => !m.confident)).toBe(true);
  });

  it('confident is exactly score ≥ CONFIDENT_AT, and the threshold can be set', () => {
    const q = '廉租房 要啥条件';
    for (const m of matcher.match(q)) expect(m.confident).toBe(m.score >= CONFIDENT_AT);
    const strict = createQaMatcher(BASE, { confidentAt: 1.01 });
    expect(strict.match(q).some((m) => m.confident)).toBe(false);
  });

  it.each([
    ['', 0],
    ['   ', 0],
    ['？？？', 0],
    ['怎么办', 0],
  ])('%j: no matches', (q, n) => {
    expect(matcher.match(q)).toHaveLength(n);
  });

  it('a 10,000-character question is cut, answered in bounded time', () => {
    const long = `公租房申请条件${'我家里情况比较复杂，'.repeat(1000)}`;
    expect(long.length).toBeGreaterThanOrEqual(10_000);
    const t0 = performance.now();
    const m = matcher.match(long);
    expect(performance.now() - t0).toBeLessThan(1000);
    expect(m[0]?.row).toBe(1);
  });

  it('an empty base matches nothing', () => {
    expect(createQaMatcher([]).match('公租房')).toEqual([]);
  });
});

describe('files', () => {
  it('parses RFC 4180 CSV: BOM, quotes, doubled quotes, commas and line breaks in fields, CRLF', () => {
    const csv = '\uFEFF问题,答复,主管单位\r\n"a,b","say ""hi""\nnext",u\r\nc,d,\n';
    expect(parseCsv(csv)).toEqual([
      ['问题', '答复', '主管单位'],
      ['a,b', 'say "hi"\nnext', 'u'],
      ['c', 'd', ''],
    ]);
  });

  it('an unclosed quote is a Chinese error', () => {
    expect(() => parseCsv('问题,答复\n"abc,d\n')).toThrow(/未闭合的双引号/);
  });

  it('finds the columns by name, extra columns allowed, trailing blank rows dropped', () => {
    const e = entriesFromTable([
      ['序号', '主管单位', '答复', '问题', '关键词'],
      ['1', '区医保局', '答', '问', 'k'],
      [''],
    ]);
    expect(e).toEqual([{ question: '问', answer: '答', unit: '区医保局' }]);
  });

  it.each([
    [[['问题', '答复']], /缺少：主管单位/],
    [[['question', 'answer', 'unit']], /缺少：问题、答复、主管单位/],
    [[], /缺少/],
    [
      [
        ['问题', '答复', '主管单位'],
        ['', 'x', 'y'],
      ],
      /没有任何问题/,
    ],
  ])('bad table %j → Chinese error', (table, message) => {
    expect(() => entriesFromTable(table)).toThrow(QaFileError);
    expect(() => entriesFromTable(table)).toThrow(message);
  });

  eachEquals(
    questionsFromText,
    [
      ['问题\n甲\n乙\n', ['甲', '乙']],
      ['问题\t答案行\n甲\t1\n乙\t2,3\n', ['甲', '乙']],
      ['\uFEFF甲\r\n\r\n乙', ['甲', '', '乙']],
      ['', []],
    ],
    'questions %j → %j',
  );
});
