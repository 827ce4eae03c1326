import { describe, expect, it } from 'vitest';
import { splitOutsideBrackets } from './brackets';

describe('splitOutsideBrackets', () => {
  it.each([
    ['区财政局、区审计局', '、', ['区财政局', '区审计局']],
    ['区财政局（含所属单位、科室）、区审计局', '、', ['区财政局（含所属单位、科室）', '区审计局']],
    ['A【B，C】，D〔E，F〕', '，', ['A【B，C】', 'D〔E，F〕']],
    ['A）、B', '、', ['A）', 'B']],
    ['、A、', '、', ['', 'A', '']],
  ])('%s on %s', (text, seps, expected) => {
    expect(splitOutsideBrackets(text, seps)).toEqual(expected);
  });

  it('uses only the brackets it is given', () => {
    expect(splitOutsideBrackets('A【B、C】', '、', '（(', '）)')).toEqual(['A【B', 'C】']);
  });
});
