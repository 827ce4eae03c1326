// Builds the Q&A matcher of src/domain/interaction/matching with a jieba instance of its own (never the disclosure
// search's): the vocabulary's terms and synonyms, plus the bases' unit names, kept whole.
import { dict } from '@node-rs/jieba/dict';
import {
  dictionaryWords,
  type MatcherOptions,
  QA_VOCABULARY,
  type QaEntry,
  QaMatcher,
  type Tokenizer,
  type Vocabulary,
} from '../../../domain/interaction/matching';
import { createSegmenter, type Segmenter } from './segmenter';

// One jieba instance per vocabulary: loading the dictionary costs more than matching a whole small base.
const segmenters = new WeakMap<Vocabulary, Segmenter>();

/** The tokenizer of `vocabulary`, with `extraWords` (unit names) added to its dictionary. */
export function qaTokenizer(
  vocabulary: Vocabulary = QA_VOCABULARY,
  extraWords: readonly string[] = [],
): Tokenizer {
  let s = segmenters.get(vocabulary);
  if (!s) {
    s = createSegmenter(dictionaryWords(vocabulary), { hmm: false });
    segmenters.set(vocabulary, s);
  }
  s.addWords(extraWords);
  return { query: s.words, index: s.indexTokens, rarity: wordRarity };
}

// Word frequencies of jieba's general dictionary, read on first use.
let frequencies: { of: Map<string, number>; total: number } | null = null;

/** 0..1 from the word's frequency in jieba's dictionary: log-odds rescaled so everyday words fall near 0.1. */
export function wordRarity(word: string): number {
  if (!frequencies) {
    // "word frequency tag" lines; scanned by hand, as splitting 350,000 lines costs seconds on a busy machine.
    const text = new TextDecoder().decode(dict);
    const of = new Map<string, number>();
    let total = 0;
    for (let at = 0; at < text.length; ) {
      let end = text.indexOf('\n', at);
      if (end < 0) end = text.length;
      const a = text.indexOf(' ', at);
      if (a > at && a < end) {
        const b = text.indexOf(' ', a + 1);
        const n = Number(text.slice(a + 1, b > a && b < end ? b : end));
        if (n > 0) {
          of.set(text.slice(at, a), n);
          total += n;
        }
      }
      at = end + 1;
    }
    frequencies = { of, total };
  }
  const f = frequencies.of.get(word);
  if (!f) return 1;
  return Math.min(
    1,
    Math.max(RARITY_FLOOR, (Math.log(frequencies.total / f) - COMMON_AT) / (RARE_AT - COMMON_AT)),
  );
}
/** ln(total / frequency) of an everyday word (时候 7.6, 公司 7.2) and of a specialised one (契税 14.9). */
const COMMON_AT = 7;
const RARE_AT = 13;
const RARITY_FLOOR = 0.1;

export function createQaMatcher(
  entries: readonly QaEntry[],
  options: MatcherOptions & { vocabulary?: Vocabulary } = {},
): QaMatcher {
  const vocabulary = options.vocabulary ?? QA_VOCABULARY;
  const units = entries.map((e) => e.unit ?? '').filter(Boolean);
  return new QaMatcher(entries, qaTokenizer(vocabulary, units), vocabulary, options);
}
