// The matcher over the published Q&A base (issue 11 part 3 integrated): built once per version of the base and
// shared by the portal's "先查一查", the handler's similar questions and the import's near-duplicate check.
import type { QaEntry } from '../../../domain/interaction/matching';
import type { DbOrTx } from '../../db/client';
import { createQaMatcher } from '../../platform/text/qa-matcher';
import { publishedEntries, publishedStamp } from './repo/qa';

export interface Suggestion {
  id: string;
  question: string;
  answer: string;
  unitName: string;
  score: number;
  confident: boolean;
}

type Published = Awaited<ReturnType<typeof publishedEntries>>;
let cache: { stamp: string; rows: Published; match: (q: string) => Suggestion[] } | null = null;

function build(rows: Published) {
  const matcher = createQaMatcher(
    rows.map((r) => ({ question: r.e.question, answer: r.e.answer, unit: r.unitName })),
  );
  return (q: string) =>
    matcher.match(q).map((m) => {
      const r = rows[m.row - 1]!;
      return {
        id: r.e.id,
        question: r.e.question,
        answer: r.e.answer,
        unitName: r.unitName,
        score: m.score,
        confident: m.confident,
      };
    });
}

/** The published entries matching `question`, best first (at most 5). */
export async function suggest(db: DbOrTx, question: string): Promise<Suggestion[]> {
  const stamp = await publishedStamp(db);
  if (cache?.stamp !== stamp) {
    const rows = await publishedEntries(db);
    cache = { stamp, rows, match: rows.length ? build(rows) : () => [] };
  }
  return cache.match(question);
}

/** A matcher over entries that are not stored (the rows of an import file). */
export function matcherOf(entries: readonly QaEntry[]) {
  return createQaMatcher(entries);
}
