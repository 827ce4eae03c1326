// Text → terms for Q&A matching (issue 11 part 3). Words come from an injected tokenizer (jieba in the server, so
// that the domain stays free of Node); each word is mapped to the canonical form of its synonym group, so 医保,
// 咋个 and 娃儿 count as 医疗保险, 怎么 and 孩子; stop words drop out; character bigrams over the mapped words catch
// typos and words no dictionary knows.

/** The editable word lists (qa-vocabulary.json). */
export interface Vocabulary {
  /** Each group: the canonical form first (as the base writes it), then synonyms, old names, dialect. */
  synonyms: readonly (readonly string[])[];
  /** Words the tokenizer must keep whole (policy terms, unit names). */
  terms: readonly string[];
  stopwords: readonly string[];
}

/** Word segmentation, injected. `query` cuts in ordinary mode; `index` may add sub-words (search mode). */
export interface Tokenizer {
  query(text: string): string[];
  index(text: string): string[];
  /**
   * How specialised a word is in general language, 0..1 (1: rare or unknown, such as 契税; low: everyday words
   * such as 时候, 老婆). A question's everyday words weigh less, so personal context does not hide its topic.
   */
  rarity?(word: string): number;
}

export interface Analyzed {
  /** Canonical words, stop words removed, repeats kept. */
  words: string[];
  /** Character bigrams over the canonical words (a run of Latin letters or digits counts as one gram). */
  grams: string[];
  /** Canonical word → the word as written (its rarity is the writer's, 老板 not 用人单位). */
  written: Map<string, string>;
}

/** Every word the tokenizer's dictionary should hold: terms and all synonym forms of two characters or more. */
export function dictionaryWords(v: Vocabulary): string[] {
  return [...new Set([...v.terms, ...v.synonyms.flat()].filter((w) => [...w].length > 1))];
}

/** Full-width to half-width, lower case, whitespace runs to one space. */
export function normalizeText(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/\s+/gu, ' ').trim();
}

const CONTENT = /[\p{L}\p{N}]/u;
const HAN = /\p{Script=Han}/u;

export class Analyzer {
  private readonly canonical = new Map<string, string>();
  private readonly stop: Set<string>;

  constructor(
    private readonly tokenizer: Tokenizer,
    vocabulary: Vocabulary,
  ) {
    for (const group of vocabulary.synonyms) {
      const [head] = group;
      if (!head) continue;
      for (const w of group) if (!this.canonical.has(w)) this.canonical.set(w, head);
    }
    this.stop = new Set(vocabulary.stopwords);
  }

  /** The canonical form of one word (the word itself when it is in no group). */
  canon(word: string): string {
    return this.canonical.get(word) ?? word;
  }

  private keep(word: string): string | null {
    if (!CONTENT.test(word) || this.stop.has(word)) return null;
    const c = this.canon(word);
    return this.stop.has(c) ? null : c;
  }

  private mapped(tokens: string[], written?: Map<string, string>): string[] {
    const out: string[] = [];
    for (const t of tokens) {
      const k = this.keep(t);
      if (!k) continue;
      out.push(k);
      if (written && !written.has(k)) written.set(k, t);
    }
    return out;
  }

  /** A question or document; `index` adds the tokenizer's sub-words to the words (not to the grams). */
  analyze(text: string, mode: 'query' | 'index' = 'query'): Analyzed {
    const norm = normalizeText(text);
    const written = new Map<string, string>();
    const sequence = this.mapped(this.tokenizer.query(norm), written);
    const words = mode === 'index' ? this.mapped(this.tokenizer.index(norm)) : sequence;
    return { words, grams: bigrams(sequence), written };
  }
}

/**
 * Character bigrams of each word, and across runs of single-character words (where jieba leaves a typo or an
 * unknown word in pieces); a non-Han word (98, 12348, app) is one gram. No grams across two whole words: those
 * pairs are accidents of phrasing that a base never contains.
 */
export function bigrams(words: readonly string[]): string[] {
  const grams: string[] = [];
  let singles = '';
  const pairs = (w: string) => {
    const chars = [...w];
    if (chars.length === 1) grams.push(w);
    for (let i = 0; i + 1 < chars.length; i++) grams.push(chars[i]! + chars[i + 1]!);
  };
  const flush = () => {
    if (singles) pairs(singles);
    singles = '';
  };
  for (const w of words) {
    if (!HAN.test(w)) {
      flush();
      grams.push(w);
    } else if ([...w].length === 1) singles += w;
    else {
      flush();
      pairs(w);
    }
  }
  flush();
  return grams;
}
