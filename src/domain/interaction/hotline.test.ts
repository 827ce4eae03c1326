import { describe, expect, it } from 'vitest';
import { eachReturns } from '../../../test/table';
import { callStatusOf, canHandOver, fieldOfHeader, parseCallTime, readWorkOrders } from './hotline';

describe('12345 header words', () => {
  eachReturns(fieldOfHeader, [
    ['工单编号', 'workOrderNo'],
    ['工单号', 'workOrderNo'],
    [' 工单编号* ', 'workOrderNo'],
    ['来电时间', 'calledAt'],
    ['受理时间', 'calledAt'],
    ['来电人', 'callerName'],
    ['诉求人', 'callerName'],
    ['联系电话', 'callerPhone'],
    ['来电号码', 'callerPhone'],
    ['诉求内容', 'question'],
    ['问题描述', 'question'],
    ['承办单位', 'unitName'],
    ['处理单位', 'unitName'],
    ['办理结果', 'answer'],
    ['办结情况', 'answer'],
    ['备注', null],
    ['', null],
  ]);
});

describe('call times (China local, offset written out)', () => {
  eachReturns(parseCallTime, [
    ['2026-03-02 09:15', '2026-03-02T09:15:00+08:00'],
    ['2026/3/2 9:15:30', '2026-03-02T09:15:30+08:00'],
    ['2026-03-02', '2026-03-02T00:00:00+08:00'],
    ['2026年3月2日 9时15分', '2026-03-02T09:15:00+08:00'],
    ['2026-02-30 10:00', null],
    ['2026-13-01', null],
    ['2026-03-02 25:00', null],
    ['昨天下午', null],
  ]);
});

describe('call status and hand-over', () => {
  eachReturns(
    ([a, h]: [string | null, boolean]) => callStatusOf(a, h),
    [
      [[null, false], 'open'],
      [['  ', false], 'open'],
      [['已告知办理地点', false], 'answered'],
      [[null, true], 'handed_over'],
    ],
  );
  eachReturns(canHandOver, [
    ['open', true],
    ['answered', false],
    ['handed_over', false],
  ]);
});

const header = ['工单号', '受理时间', '诉求人', '来电号码', '问题描述', '处理单位', '处理结果'];

describe('reading a 12345 work-order sheet', () => {
  it('finds the header under a title row, by other words of the vocabulary', () => {
    const r = readWorkOrders([
      ['12345 工单明细表'],
      header,
      ['GD001', '2026-03-01 10:00', '张三', '13800138000', '社保卡怎么补办？', '区人力社保局', '已答复'],
    ]);
    expect(r.errors).toEqual([]);
    expect(r.rows).toEqual([
      {
        row: 3,
        workOrderNo: 'GD001',
        calledAt: '2026-03-01T10:00:00+08:00',
        callerName: '张三',
        callerPhone: '13800138000',
        question: '社保卡怎么补办？',
        unitName: '区人力社保局',
        answer: '已答复',
      },
    ]);
  });

  it.each([
    [
      [
        ['编号', '来电时间'],
        ['1', '2026-03-01'],
      ],
      /未识别到表头列：诉求内容、承办单位/,
    ],
    [
      [
        header,
        ['GD1', '2026-03-01', '', '', '问', '区教委', ''],
        ['GD1', '2026-03-01', '', '', '问', '区教委', ''],
      ],
      /工单编号 GD1 与第 2 行重复/,
    ],
    [[header, ['GD1', '3月1日', '', '', '问', '区教委', '']], /来电时间“3月1日”无法识别/],
    [[header, ['', '2026-03-01', '', '', '', '区教委', '']], /工单编号、诉求内容为空/],
    [[header], /没有任何工单/],
  ])('reports %#', (table, msg) => {
    const r = readWorkOrders(table);
    expect(r.errors.map((e) => e.message).join('\n')).toMatch(msg);
  });

  it('skips blank lines and gives sheet row numbers', () => {
    const r = readWorkOrders([
      header,
      ['', '', '', '', '', '', ''],
      ['GD2', '2026-03-01', '', '', '问', '区教委', ''],
    ]);
    expect(r.rows.map((x) => x.row)).toEqual([3]);
  });
});
