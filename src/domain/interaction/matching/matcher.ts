// Ranks the entries of a Q&A base (问答库) for a citizen's question (issue 11 part 3). Two channels, words and
// character bigrams, each scored BM25F over the entry's question (weight QUESTION_WEIGHT) and its answer with the
// unit (weight 1). Word weights are the base's idf times the word's rarity in general language, so the personal
// context of a long question (老婆, 上班, 四川) weighs less than its topic. The score is the evidence saturated into
// 0..1; `confident` marks the scores from the threshold calibrated in bench/qa-match.ts.
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

export const CONFIDENT_AT = 0.5;
export const MAX_MATCHES = 5;
const QUESTION_WEIGHT = 3;
const K1 = 1.2;
const B = 0.75;
/** Weight of the bigram channel against words in the ranking and in the score. */
const GRAM_SHARE = 0.5;

type Field = 'q' | 'a';
interface Doc {
  tf: Record<Field, Map<string, number>>;
  len: Record<Field, number>;
}
interface Channel {
  docs: Doc[];
  df: Map<string, number>;
  avg: Record<Field, number>;
}

function counts(terms: readonly string[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const t of terms) m.set(t, (m.get(t) ?? 0) + 1);
  return m;
}

function channel(fields: { q: string[]; a: string[] }[]): Channel {
  const docs = fields.map(
    (f): Doc => ({ tf: { q: counts(f.q), a: counts(f.a) }, len: { q: f.q.length, a: f.a.length } }),
  );
  const df = new Map<string, number>();
  for (const d of docs) for (const t of new Set([...d.tf.q.keys(), ...d.tf.a.keys()])) df.set(t, (df.get(t) ?? 0) + 1);
  const avg = (k: Field) => Math.max(1, docs.reduce((s, d) => s + d.len[k], 0) / Math.max(1, docs.length));
  return { docs, df, avg: { q: avg('q'), a: avg('a') } };
}

function idf(c: Channel, term: string): number {
  const n = c.docs.length;
  const df = c.df.get(term) ?? 0;
  return Math.log(1 + (n - df + 0.5) / (df + 0.5));
}

/** BM25F of one entry for one channel: the question's terms, weighted, saturated on the entry's fields. */
function scoreChannel(c: Channel, doc: Doc, query: Map<string, number>, weights: Map<string, number>) {
  let bm25 = 0;
  for (const t of query.keys()) {
    const w = weights.get(t)!;
    const tq = doc.tf.q.get(t) ?? 0;
    const ta = doc.tf.a.get(t) ?? 0;
    if (tq + ta === 0) continue;
    const tf =
      (QUESTION_WEIGHT * tq) / (1 - B + (B * doc.len.q) / c.avg.q) + ta / (1 - B + (B * doc.len.a) / c.avg.a);
    bm25 += w * (tf / (K1 + tf));
  }
  return bm25;
}

export class QaMatcher {
  private readonly analyzer: Analyzer;
  private readonly words: Channel;
  private readonly grams: Channel;
  private readonly confidentAt: number;
  private readonly maxChars: number;
  private readonly maxIdf: number;
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
    this.grams = channel(pick('grams'));
    this.maxIdf = Math.log(1 + (entries.length + 0.5) / 0.5);
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

  /** Every entry with anything in common, best first, with the channels' figures (for tuning and explaining). */
  ranked(question: string) {
    const q = this.analyzer.analyze(question.slice(0, this.maxChars));
    const qw = counts(q.words);
    const qg = counts(q.grams);
    const rarity = this.rarity;
    const ww = new Map([...qw.keys()].map((t) => [t, idf(this.words, t) * rarity(q.written.get(t) ?? t)]));
    const gw = new Map([...qg.keys()].map((t) => [t, idf(this.grams, t)]));
    return this.entries
      .map((e, i) => {
        const w = scoreChannel(this.words, this.words.docs[i]!, qw, ww);
        const g = scoreChannel(this.grams, this.grams.docs[i]!, qg, gw);
        const rank = (1 - GRAM_SHARE) * w + GRAM_SHARE * g;
        // Evidence in units of the rarest possible term, saturated into 0..1: comparable across bases of any size.
        const x = rank / this.maxIdf;
        const score = x / (1 + x);
        return { row: i + 1, question: e.question, rank, score, words: w, grams: g };
      })
      .filter((s) => s.rank > 0)
      .sort((a, b) => b.rank - a.rank || a.row - b.row);
  }
}
