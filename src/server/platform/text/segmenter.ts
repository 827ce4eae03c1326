// Chinese segmentation for search (DESIGN.md "Chinese text"): jieba with a custom dictionary of unit names and
// domain terms. Documents are cut in search mode (long words plus their sub-words) so that a query for 发展改革
// finds 区发展改革委; queries are cut in ordinary mode. Tokens feed PostgreSQL tsvector('simple').
import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict';

/** Domain terms jieba's general dictionary splits wrongly. */
export const DOMAIN_TERMS = [
  '政务公开',
  '政府信息公开',
  '依申请公开',
  '主动公开',
  '规范性文件',
  '行政规范性文件',
  '政策解读',
  '索引号',
  '发文字号',
  '成文日期',
  '信息公开指南',
  '信息公开年报',
  '年度报告',
  '行政许可',
  '行政处罚',
  '行政强制',
  '行政事业性收费',
  '政府集中采购',
  '重大建设项目',
  '突发公共事件',
  '公务员招考',
  '社会救助',
  '土地征收',
  '房屋征收',
  '乡村振兴',
  '营商环境',
  '一网通办',
  '最低生活保障',
  '城乡低保',
  '医疗保障',
  '义务教育',
  '学前教育',
];

export interface Segmenter {
  /** Adds words (unit names, terms) to the dictionary; words already added are skipped. */
  addWords(words: readonly string[]): void;
  /** Tokens of a document, search mode (long words plus their sub-words). */
  indexTokens(text: string): string[];
  /** Tokens of a query, ordinary mode, each once. */
  queryTokens(text: string): string[];
  /** Words in order, ordinary mode, repeats kept. */
  words(text: string): string[];
}

const WORD = /[\p{L}\p{N}]/u;

function clean(tokens: string[]): string[] {
  return tokens.map((t) => t.trim().toLowerCase()).filter((t) => t.length > 0 && WORD.test(t));
}

/**
 * A jieba instance of its own with `terms` in its dictionary. Callers with their own vocabulary (Q&A matching)
 * take one so that their words never change how disclosure items, already indexed, are cut.
 */
export function createSegmenter(terms: readonly string[] = [], options: { hmm?: boolean } = {}): Segmenter {
  // Without the HMM, a sequence the dictionary does not know stays in single characters instead of becoming an
  // accidental "word" (要交够, 能转) that no base contains.
  const hmm = options.hmm ?? true;
  const jieba = Jieba.withDict(dict);
  const loaded = new Set<string>();
  const self: Segmenter = {
    addWords(words) {
      const fresh = words.map((w) => w.replace(/\s+/gu, '')).filter((w) => w.length > 1 && !loaded.has(w));
      if (fresh.length === 0) return;
      for (const w of fresh) loaded.add(w);
      // A high frequency makes jieba keep the whole name as one word.
      jieba.loadDict(new TextEncoder().encode(`${fresh.map((w) => `${w} 200000 n`).join('\n')}\n`));
    },
    indexTokens: (text) => clean(jieba.cutForSearch(text, hmm)),
    words: (text) => clean(jieba.cut(text, hmm)),
    queryTokens: (q) => [...new Set(self.words(q))],
  };
  self.addWords(terms);
  return self;
}

// The disclosure search's instance, created on first use.
let shared: Segmenter | null = null;
const instance = (): Segmenter => {
  shared ??= createSegmenter(DOMAIN_TERMS);
  return shared;
};

/** Adds words (unit names, terms) to the disclosure search's dictionary. */
export function addWords(words: readonly string[]): void {
  instance().addWords(words);
}

/** Tokens of a document, search mode. */
export function indexTokens(text: string): string[] {
  return instance().indexTokens(text);
}

/** Tokens of a query. */
export function queryTokens(q: string): string[] {
  return instance().queryTokens(q);
}

/** Space-separated tokens for to_tsvector('simple', …): the parser then only splits on the spaces we put. */
export function tokensText(text: string): string {
  return indexTokens(text).join(' ');
}
