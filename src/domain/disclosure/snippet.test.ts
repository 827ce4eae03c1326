import { describe, expect, it } from 'vitest';
import { highlight, snippet } from './snippet';

describe('highlight', () => {
  it.each([
    ['国民经济和社会发展规划', ['规划'], '国民经济和社会发展<mark>规划</mark>'],
    ['<script>规划</script>', ['规划'], '&lt;script&gt;<mark>规划</mark>&lt;/script&gt;'],
    ['发展规划和规划纲要', ['规划', '规划纲要'], '发展<mark>规划</mark>和<mark>规划纲要</mark>'],
    ['无匹配', [], '无匹配'],
  ])('%s', (text, terms, expected) => {
    expect(highlight(text, terms)).toBe(expected);
  });
});

describe('snippet', () => {
  it('centres the window on the first term and marks the cut', () => {
    const text = `${'甲'.repeat(200)}教育补贴${'乙'.repeat(200)}`;
    const s = snippet(text, ['教育'], 40);
    expect(s.startsWith('…')).toBe(true);
    expect(s.endsWith('…')).toBe(true);
    expect(s).toContain('<mark>教育</mark>补贴');
  });
  it('starts at the beginning when no term matches', () => {
    expect(snippet('短文本', ['没有'])).toBe('短文本');
  });
});
