import { describe, expect, it } from 'vitest';
import { addWords, indexTokens, queryTokens } from './segmenter';

describe('segmentation', () => {
  it('keeps domain terms whole and adds their parts in search mode', () => {
    const t = indexTokens('关于行政规范性文件清理结果的公告');
    expect(t).toContain('行政规范性文件');
    expect(t).toContain('规范性');
  });
  it.each([
    ['区发展改革委 规划', ['区发展改革委', '规划']],
    ['教育补贴，', ['教育', '补贴']],
    ['ABC', ['abc']],
  ])('query %s', (q, expected) => {
    addWords(['区发展改革委']);
    expect(queryTokens(q)).toEqual(expected);
  });
  it('unit names loaded at run time stay one word', () => {
    addWords(['区住房城乡建委']);
    expect(indexTokens('区住房城乡建委发布通知')).toContain('区住房城乡建委');
  });
});
