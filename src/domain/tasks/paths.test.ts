import { describe, expect, it } from 'vitest';
import { eachEquals } from '../../../test/table';
import { parseDisclosurePaths } from './paths';

describe('parseDisclosurePaths', () => {
  eachEquals(parseDisclosurePaths, [
    [
      '（公开路径：1．政府网站>政府信息公开>法定主动公开内容>规划信息>专项规划，2．其他渠道）。',
      [['政府网站', '政府信息公开', '法定主动公开内容', '规划信息', '专项规划'], ['其他渠道']],
    ],
    [
      // unclosed bracket (seed 001 row 1) with a nested bracket inside
      '工作（公开路径：1．政府网站>规划信息>国民经济和社会发展规划，2．政务新媒体等其他适合的公开渠道（以下简称其他渠道）。',
      [
        ['政府网站', '规划信息', '国民经济和社会发展规划'],
        ['政务新媒体等其他适合的公开渠道（以下简称其他渠道）'],
      ],
    ],
    [
      '（公开路径：政府网站>政府信息公开>法定主动公开内容>机关简介>联系我们），并在工作时间保持畅通',
      [['政府网站', '政府信息公开', '法定主动公开内容', '机关简介', '联系我们']],
    ],
    // ASCII number after full-width ones, alternatives in one level kept ("预算/决算")
    [
      '（公开路径：1．政府网站>预算/决算，2．其他渠道，3.居务公开栏）',
      [['政府网站', '预算/决算'], ['其他渠道'], ['居务公开栏']],
    ],
    ['(公开路径:政府网站＞政务公开＞市场准入负面清单)', [['政府网站', '政务公开', '市场准入负面清单']]],
    ['没有路径的文字', []],
  ]);

  it('reads every path label of a multi-measure text', () => {
    const text = '1．公开A（公开路径：政府网站>A）。\n2．公开B（公开路径：政府网站>B，2．其他渠道）。';
    expect(parseDisclosurePaths(text)).toEqual([['政府网站', 'A'], ['政府网站', 'B'], ['其他渠道']]);
  });
});
