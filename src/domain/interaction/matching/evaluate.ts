// Accuracy of a matcher on a test base (the layout of ../shared/samples/qa): questions with the rows that answer
// them, and questions no entry answers. Shared by bench/qa-match.ts and the accuracy test.
import { questionsFromText } from './files';

export interface TestBase {
  name: string;
  /** Each question with the 1-based rows that fully answer it. */
  answerable: { question: string; rows: number[] }[];
  unanswerable: string[];
}

/** What a ranker returns for a question, best first. */
export type Ranked = { row: number; score: number }[];

export interface Accuracy {
  questions: number;
  top1: number;
  top3: number;
  /** Answerable questions whose first match is right and confident. */
  answered: number;
  unanswerable: number;
  /** Unanswerable questions with no confident match. */
  declined: number;
}

/** questions.tsv: header 问题<TAB>答案行, rows like 1 or 1,2. */
export function parseAnswerKey(tsv: string): TestBase['answerable'] {
  const lines = tsv
    .replace(/^\uFEFF/u, '')
    .split(/\r?\n/u)
    .slice(1)
    .filter(Boolean);
  return lines.map((l) => {
    const [question = '', rows = ''] = l.split('\t');
    return { question, rows: rows.split(/[,，]/u).map((r) => Number(r.trim())) };
  });
}

export function testBase(name: string, questionsTsv: string, outOfKbText: string): TestBase {
  return {
    name,
    answerable: parseAnswerKey(questionsTsv),
    unanswerable: questionsFromText(outOfKbText).filter(Boolean),
  };
}

export function accuracy(base: TestBase, rank: (q: string) => Ranked, confidentAt: number): Accuracy {
  const r: Accuracy = {
    questions: base.answerable.length,
    top1: 0,
    top3: 0,
    answered: 0,
    unanswerable: base.unanswerable.length,
    declined: 0,
  };
  for (const { question, rows } of base.answerable) {
    const got = rank(question);
    if (got[0] && rows.includes(got[0].row)) {
      r.top1++;
      if (got[0].score >= confidentAt) r.answered++;
    }
    if (got.slice(0, 3).some((m) => rows.includes(m.row))) r.top3++;
  }
  for (const q of base.unanswerable) if (!((rank(q)[0]?.score ?? 0) >= confidentAt)) r.declined++;
  return r;
}

export const pct = (n: number, of: number) => (of ? Math.round((1000 * n) / of) / 10 : 0);

/**
 * The lowest threshold (in steps of 0.01) at which at least `declineShare` of the unanswerable questions, pooled
 * over the runs, get no confident match; with the share of answerable questions then answered right and confident.
 */
export function calibrate(
  runs: readonly { base: TestBase; rank: (q: string) => Ranked }[],
  declineShare: number,
): { threshold: number; answered: number; declined: number } {
  const right: number[] = [];
  const wrong: number[] = [];
  let answerable = 0;
  for (const { base, rank } of runs) {
    answerable += base.answerable.length;
    for (const { question, rows } of base.answerable) {
      const top = rank(question)[0];
      if (top && rows.includes(top.row)) right.push(top.score);
    }
    for (const q of base.unanswerable) wrong.push(rank(q)[0]?.score ?? 0);
  }
  for (let i = 0; i <= 100; i++) {
    const t = i / 100;
    const declined = wrong.filter((s) => s < t).length / Math.max(1, wrong.length);
    if (declined >= declineShare)
      return {
        threshold: t,
        answered: right.filter((s) => s >= t).length / Math.max(1, answerable),
        declined,
      };
  }
  return { threshold: 1.01, answered: 0, declined: 1 };
}
