import { describe, expect, it } from 'vitest';
import { eachEquals } from '../../../test/table';
import {
  type CitedDocument,
  type QaReview,
  type QaStatus,
  qaPublication,
  reviewTransition,
  splitKeywords,
  splitPolicyTitles,
  staleReasons,
} from './qa-entry';
import { NEAR_DUPLICATE_AT, questionLikeness, readQaTable } from './qa-import';

describe('review before publication', () => {
  it.each<[QaStatus, QaReview, QaStatus | null]>([
    ['pending', 'approve', 'published'],
    ['pending', 'reject', 'rejected'],
    ['published', 'retire', 'retired'],
    ['published', 'approve', null],
    ['rejected', 'approve', null],
    ['retired', 'approve', null],
    ['pending', 'retire', null],
  ])('%s + %s → %s', (from, decision, to) => {
    expect(reviewTransition(from, decision)).toBe(to);
  });
});

describe('stale entries', () => {
  const docs = new Map<string, CitedDocument>([
    ['in', { validity: 'in_force', withdrawn: false }],
    ['rep', { validity: 'repealed', withdrawn: false }],
    ['exp', { validity: 'expired', withdrawn: false }],
    ['wd', { validity: null, withdrawn: true }],
  ]);
  it.each<[string, (string | null)[], string[]]>([
    ['in force', ['in'], []],
    ['title only', [null], []],
    ['repealed', ['rep'], ['《文件rep》已废止']],
    ['expired among others', ['in', 'exp'], ['《文件exp》已失效']],
    ['withdrawn', ['wd'], ['《文件wd》已撤回']],
  ])('%s', (_n, ids, want) => {
    const refs = ids.map((itemId) => ({ itemId, title: `文件${itemId ?? ''}` }));
    expect(staleReasons(refs, docs)).toEqual(want);
  });
});

describe('cells', () => {
  eachEquals(
    splitKeywords,
    [
      ['医保、公积金,  社保；医保', ['医保', '公积金', '社保']],
      ['', []],
    ],
    'keywords %j',
  );
  eachEquals(
    splitPolicyTitles,
    [
      ['《甲办法》、《乙规定》', ['甲办法', '乙规定']],
      ['甲办法；乙规定\n丙通知', ['甲办法', '乙规定', '丙通知']],
      ['', []],
    ],
    'policy titles %j',
  );
});

describe('reading an import table', () => {
  const H = ['问题', '答复', '主管单位', '关键词'];
  it('missing columns are named', () => {
    const r = readQaTable([
      ['问题', '答复'],
      ['a', 'b'],
    ]);
    expect(r.errors).toEqual([{ row: 1, message: expect.stringMatching(/缺少列：主管单位/) }]);
  });
  it('empty cells and repeated questions are reported by row; blank lines are skipped', () => {
    const r = readQaTable([
      H,
      ['公积金怎么提取？', '带身份证到中心办理', '区住房公积金中心', '公积金'],
      ['', '', '', ''],
      ['医保怎么转？', '', '区医保局', ''],
      ['公积金 怎么提取', '另一答复', '区住房公积金中心', ''],
    ]);
    expect(r.errors).toEqual([
      { row: 4, message: '答复为空' },
      { row: 5, message: '问题与第 2 行重复' },
    ]);
    expect(r.rows.map((x) => x.row)).toEqual([2, 4, 5]);
    expect(r.rows[0]!.keywords).toEqual(['公积金']);
  });
  it('more than 20,000 rows are refused whole', () => {
    const big = [H, ...Array.from({ length: 20_001 }, (_, i) => [`问${i}`, '答', '单位', ''])];
    expect(readQaTable(big).errors[0]!.message).toMatch(/最多导入 20000 行/);
  });
});

describe('near-duplicate likeness', () => {
  it.each([
    ['义务教育阶段入学需要什么材料？', '义务教育阶段入学要什么材料呢？', true],
    ['住房公积金怎么提取？', '住房公积金 怎么提取', true],
    ['住房公积金怎么提取？', '医保怎么异地转移？', false],
    ['', '医保', false],
  ])('%s ~ %s → near %s', (a, b, near) => {
    expect(questionLikeness(a, b) >= NEAR_DUPLICATE_AT).toBe(near);
  });
});

describe('a question a citizen wrote, before it goes public in the base', () => {
  const words = ['代开发票'];
  it.each<[string, { question: string; answer: string }, string | null, string | string[]]>([
    [
      'phone and ID number masked',
      {
        question: '我电话13812345678，身份证110101199003071234，医保怎么报销？',
        answer: '持社保卡到窗口办理。',
      },
      null,
      '我电话138****5678，身份证11*************234，医保怎么报销？',
    ],
    [
      "the asker's own name masked",
      { question: '张小明想问公积金怎么提取', answer: '见公积金中心指南。' },
      '张小明',
      '张**想问公积金怎么提取',
    ],
    [
      'nothing personal: unchanged',
      { question: '低保怎么申请？', answer: '向街道提出申请。' },
      null,
      '低保怎么申请？',
    ],
    [
      'a sensitive word in the question',
      { question: '哪里可以代开发票？', answer: '不能。' },
      null,
      ['问题含有敏感词“代开发票”，不能公开到问答库'],
    ],
    [
      'a sensitive word in the answer',
      { question: '发票问题', answer: '可找人代开发票' },
      null,
      ['答复含有敏感词“代开发票”，不能公开到问答库'],
    ],
  ])('%s', (_n, text, asker, want) => {
    const p = qaPublication(text, words, asker);
    if (Array.isArray(want)) expect(p).toEqual({ ok: false, reasons: want });
    else {
      expect(p.ok && p.question).toBe(want);
      expect(p.ok && p.answer).toBe(text.answer);
    }
  });
});
