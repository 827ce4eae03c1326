import { describe, expect, it } from 'vitest';
import { eachEquals } from '../../../test/table';
import { bigramCodes, monthCode, monthCodes, queryGrams, queryWords } from './grams';

const has = (text: string, word: string) => {
  const doc = new Set(bigramCodes(text));
  return queryGrams(word).every((g) => doc.has(g));
};

describe('bigram matching is a superset of substring matching', () => {
  it.each([
    ['关于开展秸秆禁烧工作的通知', '秸秆禁烧', true],
    ['秸秆综合利用和禁烧', '秸秆禁烧', false],
    ['国土空间总体规划', '规划', true],
    ['学区划分', '规划', false],
    ['GB/T 2260 标准', 'gb/t', true],
    ['潼南府办发〔2026〕1号', '〔2026〕', true],
    ['秸秆 禁烧', '秸秆禁烧', false],
    ['emoji 😀😀 here', '😀😀', true],
  ])('%s contains %s: %s', (text, word, expected) => {
    expect(has(text, word)).toBe(expected);
    // Whenever the text holds the word, the bigrams say so (the direction recall depends on).
    if (text.toLowerCase().includes(word.toLowerCase())) expect(has(text, word)).toBe(true);
  });

  it('random texts: every substring of two characters or more matches', () => {
    const alphabet = '秸秆禁烧规划工作补贴区县发展改革委ab1 ';
    let seed = 7;
    const rnd = () => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed / 0x7fffffff;
    };
    for (let k = 0; k < 300; k++) {
      const text = Array.from({ length: 40 }, () => alphabet[Math.floor(rnd() * alphabet.length)]).join('');
      const at = Math.floor(rnd() * 35);
      const word = text.slice(at, at + 2 + Math.floor(rnd() * 4)).trim();
      if (word.length < 2 || /\s/u.test(word)) continue;
      expect(has(text, word)).toBe(true);
    }
  });
});

describe('queries', () => {
  eachEquals(
    queryWords,
    [
      ['  秸秆禁烧   补贴 ', ['秸秆禁烧', '补贴']],
      ['ABC abc', ['abc']],
      ['', []],
    ],
    'words of %j',
  );
  it('one-character words add no condition', () => {
    expect(queryGrams('补')).toEqual([]);
    expect(queryGrams('补 贴补')).toEqual(bigramCodes('贴补'));
  });
});

describe('month marks', () => {
  it('are consecutive per month and never a bigram code', () => {
    const a = monthCode(new Date('2025-11-30T23:00:00Z'));
    expect(monthCode(new Date('2025-12-01T00:00:00Z'))).toBe(a + 1);
    expect(monthCode(new Date('2026-01-15T00:00:00Z'))).toBe(a + 2);
    expect(monthCodes(new Date('2025-11-02T00:00:00Z'), new Date('2026-01-01T00:00:00Z'))).toEqual([
      a,
      a + 1,
      a + 2,
    ]);
    expect(monthCodes(new Date('2026-01-01T00:00:00Z'), new Date('2025-01-01T00:00:00Z'))).toEqual([]);
    const text = `\u0001\u0130x\u0001${String.fromCharCode(a & 0xffff)}`;
    expect(bigramCodes(text)).not.toContain(a);
  });
});
