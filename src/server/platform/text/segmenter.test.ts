import { describe, expect, it } from 'vitest';
import { addWords, createSegmenter, indexTokens, queryTokens } from './segmenter';

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

describe('createSegmenter', () => {
  it('has a dictionary of its own: its words never change how the disclosure search cuts', () => {
    const own = createSegmenter(['问答专用词']);
    expect(own.words('问答专用词')).toEqual(['问答专用词']);
    expect(queryTokens('问答专用词')).not.toEqual(['问答专用词']);
  });
  it.each([
    [true, ['要交够']],
    [false, ['要', '交', '够']],
  ])('hmm %s: an unknown sequence → %j', (hmm, expected) => {
    expect(createSegmenter([], { hmm }).words('要交够')).toEqual(expected);
  });
});
