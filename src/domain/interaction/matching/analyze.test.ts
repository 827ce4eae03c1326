// Tokenisation, synonyms and dialect, bigrams: the analyzer with the real jieba tokenizer and the shipped vocabulary.
import { describe, expect, it } from 'vitest';
import { eachEquals } from '../../../../test/table';
import { qaTokenizer } from '../../../server/platform/text/qa-matcher';
import { Analyzer, bigrams, dictionaryWords, normalizeText, QA_VOCABULARY } from '.';

const analyzer = new Analyzer(qaTokenizer(), QA_VOCABULARY);
const words = (q: string) => analyzer.analyze(q).words;

describe('words: synonyms, dialect and old names map to the base’s wording', () => {
  eachEquals(
    words,
    [
      ['医保报销', ['医疗保险', '报销']],
      ['娃儿咋个上户口', ['孩子', '上户口']],
      ['公积金 提取', ['住房公积金', '提取']],
      ['暂住证', ['居住证']],
      ['扯证', ['结婚登记']],
      ['驾照到期', ['驾驶证', '到期']],
      ['社保卡搞丢了', ['社会保障卡', '丢失']],
      ['身份证补办', ['居民身份证', '补领']],
      ['屋头困难', ['家里', '困难家庭']],
    ],
    '%s → %j',
  );

  it('drops stop words and punctuation, keeps question-type words', () => {
    expect(words('请问，我的生育津贴能领多少？')).toEqual(
      ['生育津贴', '领', '多少'].map((w) => analyzer.canon(w)),
    );
  });

  it('keeps policy terms and unit names whole', () => {
    expect(words('生源地信用助学贷款')).toEqual(['生源地信用助学贷款']);
    expect(words('区人力社保局')).toEqual(['区人力社保局']);
  });

  it('full-width letters and digits are folded, case is ignored', () => {
    expect(normalizeText('ＡＰＰ　１２３４８')).toBe('app 12348');
  });
});

describe('bigrams', () => {
  eachEquals(
    bigrams,
    [
      [['生育津贴'], ['生育', '育津', '津贴']],
      // No bigram across two whole words: 贴领 would be an accident of phrasing.
      [
        ['生育津贴', '领取'],
        ['生育', '育津', '津贴', '领取'],
      ],
      // Single characters (a typo, an unknown word) are joined into one run.
      [
        ['公', '基', '金'],
        ['公基', '基金'],
      ],
      [
        ['d', '级', '危房'],
        ['d', '级', '危房'],
      ],
      [['12348'], ['12348']],
    ],
    '%j → %j',
  );
});

describe('vocabulary', () => {
  it('has at least 150 synonym pairs and no form in two groups', () => {
    const forms = QA_VOCABULARY.synonyms.flat();
    expect(forms.length - QA_VOCABULARY.synonyms.length).toBeGreaterThanOrEqual(150);
    expect(new Set(forms).size).toBe(forms.length);
  });
  it('gives the tokenizer every multi-character form', () => {
    const dict = dictionaryWords(QA_VOCABULARY);
    expect(dict).toContain('咋个');
    expect(dict).toContain('住房公积金');
    expect(dict.every((w) => [...w].length > 1)).toBe(true);
  });
});
