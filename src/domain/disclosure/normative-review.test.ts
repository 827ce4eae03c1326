import { describe, expect, it } from 'vitest';
import { eachReturns } from '../../../test/table';
import { citedDocs, markError, normalizeDocNumber } from './normative-review';

const docs = [
  { id: 'a', title: '潼南区城乡低保实施办法', docNumber: '潼府发〔2020〕3号' },
  { id: 'b', title: '关于加强农村宅基地管理的通知', docNumber: '潼府办发〔2019〕112号' },
  { id: 'c', title: '无文号的规定', docNumber: null },
];

describe('normalizeDocNumber', () => {
  eachReturns(
    normalizeDocNumber,
    [
      ['潼府发〔2020〕3号', '潼府发[2020]3号'],
      ['潼府发[2020]3号', '潼府发[2020]3号'],
      ['潼府发（2020）第3号', '潼府发[2020]3号'],
      ['潼府发 【2020】 3号', '潼府发[2020]3号'],
    ],
    '%s → %s',
  );
});

describe('citedDocs', () => {
  it.each([
    ['根据《潼南区城乡低保实施办法》（潼府发〔2020〕3号）规定', ['a']],
    ['按照潼府发[2020]3号文件执行', ['a']],
    ['依据潼府办发（2019）112号和《无文号的规定》', ['b', 'c']],
    ['参照《潼南区城乡低保实施办法（试行）》', []], // another title is another document
    ['潼府发〔2020〕30号', []], // another number
    ['没有任何引用', []],
  ])('%s → %o', (text, ids) => {
    expect(citedDocs(text, docs).map((d) => d.id)).toEqual(ids);
  });
});

describe('markError', () => {
  it.each([
    ['keep', '', null],
    ['amend', '', '标记为“需修改”须说明理由'],
    ['repeal', '  ', '标记为“废止”须说明理由'],
    ['repeal', '上位法已废止', null],
  ] as const)('%s with “%s” → %s', (d, reason, err) => expect(markError(d, reason)).toBe(err));
});
