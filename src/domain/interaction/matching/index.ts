// Q&A matching (issue 11 part 3): the pure matcher, its word lists and the file formats of `gongkai qa match`.

import type { Vocabulary } from './analyze';
import vocabulary from './qa-vocabulary.json' with { type: 'json' };

export {
  Analyzer,
  bigrams,
  dictionaryWords,
  normalizeText,
  type Tokenizer,
  type Vocabulary,
} from './analyze';
export { entriesFromTable, KB_COLUMNS, parseCsv, QaFileError, questionsFromText } from './files';
export {
  CONFIDENT_AT,
  MAX_MATCHES,
  type MatcherOptions,
  type QaEntry,
  type QaMatch,
  QaMatcher,
} from './matcher';

/** The shipped synonym, dialect, term and stop-word lists (edit qa-vocabulary.json). */
export const QA_VOCABULARY: Vocabulary = vocabulary;
