// Ranks the entries of a Q&A base (问答库) for a citizen's question (issue 11 part 3). Two channels, words and
// character bigrams, each scored BM25F over the entry's question (weight QUESTION_WEIGHT) and its answer with the
// unit (weight 1). Word weights are the base's idf times the word's rarity in general language, so the personal
// context of a long question (老婆, 上班, 四川) weighs less than its topic. The score, 0..1, is
// √(saturated evidence × share of the question's weighted words the entry holds); `confident` marks the scores from
// the threshold calibrated in bench/qa-match.ts.
import { Analyzer, type Tokenizer, type Vocabulary } from './analyze';

export interface QaEntry {
  question: string;
  answer: string;
  unit?: string;
}

export interface QaMatch {
  /** 1-based position of the entry in the list given to the matcher. */
  row: number;
  question: string;
  /** Evidence that the entry answers the question, 0..1 (two decimals). */
  score: number;
  /** False when the base probably does not answer the question: show it as "相关", not as the answer. */
  confident: boolean;
}

export interface MatcherOptions {
  /** Score from which a match is confident (default CONFIDENT_AT, calibrated on the bases in bench/). */
  confidentAt?: number;
  /** A question longer than this is cut (a pasted letter must not cost seconds). */
  maxQuestionChars?: number;
}

export const CONFIDENT_AT = 0.6;
export const MAX_MATCHES = 5;
const QUESTION_WEIGHT = 3;
const K1 = 1.2;
const B = 0.75;
/** Weight of the bigram channel against words in the ranking and in the score. */
const GRAM_SHARE = 0.5;

/** One channel's inverted index: for each term, the entries holding it with their saturated BM25F term weight. */
interface Channel {
  postings: Map<string, { docs: Uint32Array; sat: Float32Array }>;
  size: number;
}

function counts(terms: readonly string[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const t of terms) m.set(t, (m.get(t) ?? 0) + 1);
  return m;
}

function channel(fields: readonly { q: string[]; a: string[] }[]): Channel {
  const avg = (k: 'q' | 'a') =>
    Math.max(1, fields.reduce((s, f) => s + f[k].length, 0) / Math.max(1, fields.length));
  const avgQ = avg('q');
  const avgA = avg('a');
  const lists = new Map<string, { docs: number[]; sat: number[] }>();
  fields.forEach((f, doc) => {
    const tq = counts(f.q);
    const ta = counts(f.a);
    const normQ = 1 - B + (B * f.q.length) / avgQ;
    const normA = 1 - B + (B * f.a.length) / avgA;
    for (const t of new Set([...tq.keys(), ...ta.keys()])) {
      // BM25F: field frequencies weighted and length-normalised, summed, then saturated once.
      const tf = (QUESTION_WEIGHT * (tq.get(t) ?? 0)) / normQ + (ta.get(t) ?? 0) / normA;
      let l = lists.get(t);
      if (!l) {
        l = { docs: [], sat: [] };
        lists.set(t, l);
      }
      l.docs.push(doc);
      l.sat.push(tf / (K1 + tf));
    }
  });
  const postings = new Map<string, { docs: Uint32Array; sat: Float32Array }>();
  for (const [t, l] of lists)
    postings.set(t, { docs: Uint32Array.from(l.docs), sat: Float32Array.from(l.sat) });
  return { postings, size: fields.length };
}

function idf(c: Channel, term: string): number {
  const df = c.postings.get(term)?.docs.length ?? 0;
  return Math.log(1 + (c.size - df + 0.5) / (df + 0.5));
}

/** Adds each entry's BM25F for the question's terms, `share` of it, into `into` (indexed by entry). */
function accumulate(c: Channel, terms: Map<string, number>, share: number, into: Float64Array): void {
  for (const [t, w] of terms) {
    const p = c.postings.get(t);
    if (!p) continue;
    for (let i = 0; i < p.docs.length; i++) into[p.docs[i]!]! += share * w * p.sat[i]!;
  }
}

export class QaMatcher {
  private readonly analyzer: Analyzer;
  private readonly words: Channel;
  private readonly grams: Channel;
  private readonly confidentAt: number;
  private readonly maxChars: number;
  private readonly maxIdf: number;
  private readonly wordSets: Set<string>[];
  private readonly rarity: (word: string) => number;

  constructor(
    private readonly entries: readonly QaEntry[],
    tokenizer: Tokenizer,
    vocabulary: Vocabulary,
    options: MatcherOptions = {},
  ) {
    this.analyzer = new Analyzer(tokenizer, vocabulary);
    this.rarity = tokenizer.rarity ? (w) => tokenizer.rarity!(w) : () => 1;
    this.confidentAt = options.confidentAt ?? CONFIDENT_AT;
    this.maxChars = options.maxQuestionChars ?? 500;
    const analyzed = entries.map((e) => ({
      q: this.analyzer.analyze(e.question, 'index'),
      a: this.analyzer.analyze(`${e.answer} ${e.unit ?? ''}`, 'index'),
    }));
    const pick = (k: 'words' | 'grams') => analyzed.map((x) => ({ q: x.q[k], a: x.a[k] }));
    this.words = channel(pick('words'));
    this.wordSets = analyzed.map((x) => new Set([...x.q.words, ...x.a.words]));
    this.grams = channel(pick('grams'));
    this.maxIdf = Math.log(1 + (entries.length + 0.5) / 0.5);
  }

  /** A synonym weighs as its most everyday form: 娃儿 as 孩子, 用人单位 written 老板 as 老板. */
  private wordRarity(canonical: string, written = canonical): number {
    return Math.min(this.rarity(canonical), this.rarity(written));
  }

  get size(): number {
    return this.entries.length;
  }

  /** Up to `limit` entries, best first; none for an empty question or one with no word in common with the base. */
  match(question: string, limit = MAX_MATCHES): QaMatch[] {
    return this.ranked(question)
      .slice(0, limit)
      .map((s) => {
        const score = Math.round(s.score * 100) / 100;
        return { row: s.row, question: s.question, score, confident: score >= this.confidentAt };
      });
  }

  /** Every entry with anything in common, best first, with its ranking evidence. */
  ranked(question: string) {
    const q = this.analyzer.analyze(question.slice(0, this.maxChars));
    const words = new Map(
      [...new Set(q.words)].map((t) => [t, idf(this.words, t) * this.wordRarity(t, q.written.get(t))]),
    );
    const grams = new Map([...new Set(q.grams)].map((t) => [t, idf(this.grams, t)]));
    const rank = new Float64Array(this.entries.length);
    accumulate(this.words, words, 1 - GRAM_SHARE, rank);
    accumulate(this.grams, grams, GRAM_SHARE, rank);
    const out: { row: number; question: string; rank: number; score: number }[] = [];
    let total = 0;
    for (const w of words.values()) total += w;
    rank.forEach((r, i) => {
      if (r <= 0) return;
      // Evidence in units of the rarest possible term, saturated into 0..1: comparable across bases of any size.
      const x = r / this.maxIdf;
      // Share of the question's weighted words the entry holds: a question about what the entry does not cover
      // (公租房的租金 against 公租房的申请条件) leaves its decisive word unmatched.
      let held = 0;
      for (const [t, w] of words) if (this.wordSets[i]!.has(t)) held += w;
      const coverage = total > 0 ? held / total : 0;
      out.push({
        row: i + 1,
        question: this.entries[i]!.question,
        rank: r,
        score: Math.sqrt((x / (1 + x)) * coverage),
      });
    });
    return out.sort((a, b) => b.score - a.score || b.rank - a.rank || a.row - b.row);
  }
}
