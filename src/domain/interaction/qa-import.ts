// Reading a Q&A base file for import (issue 11 part 2): columns by name, every problem reported with its row before
// anything is stored. Near-duplicates need the matcher and are added by the module.
import { KB_COLUMNS } from './matching';
import { splitKeywords, splitPolicyTitles } from './qa-entry';

export const QA_OPTIONAL_COLUMNS = ['政策依据', '关键词'] as const;
/** A district base holds hundreds to a few thousand entries; larger files are refused before reading rows. */
export const QA_IMPORT_MAX_ROWS = 20_000;
export const QUESTION_MAX = 500;
export const ANSWER_MAX = 5000;

export interface QaImportRow {
  /** 1-based row of the sheet (the header is row 1). */
  row: number;
  question: string;
  answer: string;
  unitName: string;
  policyTitles: string[];
  keywords: string[];
}

export interface QaImportProblem {
  row: number;
  message: string;
}

export interface QaImportRead {
  rows: QaImportRow[];
  /** Problems that block the import (missing columns, empty or over-long cells, repeated questions). */
  errors: QaImportProblem[];
}

const clean = (s: string | undefined) => (s ?? '').replace(/^\uFEFF/u, '').trim();
const headerName = (s: string) => clean(s).replace(/[*＊\s]/gu, '');
const normQuestion = (s: string) => s.replace(/[\s，。？?！!、,.；;：:“”"'（）()]/gu, '');

export function readQaTable(table: readonly (readonly string[])[]): QaImportRead {
  const [header, ...data] = table;
  const names = (header ?? []).map((h) => headerName(h ?? ''));
  const missing = KB_COLUMNS.filter((c) => !names.includes(c));
  if (missing.length)
    return {
      rows: [],
      errors: [
        {
          row: 1,
          message: `表头缺少列：${missing.join('、')}（应含：${KB_COLUMNS.join('、')}，可选：${QA_OPTIONAL_COLUMNS.join('、')}）`,
        },
      ],
    };
  if (data.length > QA_IMPORT_MAX_ROWS)
    return {
      rows: [],
      errors: [
        { row: 1, message: `一次最多导入 ${QA_IMPORT_MAX_ROWS} 行，文件有 ${data.length} 行，请分批导入` },
      ],
    };
  const at = (name: string) => names.indexOf(name);
  const [q, a, u, p, k] = [...KB_COLUMNS, ...QA_OPTIONAL_COLUMNS].map(at) as number[];
  const rows: QaImportRow[] = [];
  const errors: QaImportProblem[] = [];
  const seen = new Map<string, number>();
  data.forEach((r, i) => {
    const row = i + 2;
    const cell = (c: number | undefined) => (c !== undefined && c >= 0 ? clean(r[c]) : '');
    const v = { question: cell(q), answer: cell(a), unitName: cell(u) };
    if (!v.question && !v.answer && !v.unitName) return; // a blank line is not an entry
    const empty = KB_COLUMNS.filter((_, j) => ![v.question, v.answer, v.unitName][j]);
    if (empty.length) errors.push({ row, message: `${empty.join('、')}为空` });
    if (v.question.length > QUESTION_MAX) errors.push({ row, message: `问题超过 ${QUESTION_MAX} 字` });
    if (v.answer.length > ANSWER_MAX) errors.push({ row, message: `答复超过 ${ANSWER_MAX} 字` });
    const key = normQuestion(v.question);
    const first = key ? seen.get(key) : undefined;
    if (first) errors.push({ row, message: `问题与第 ${first} 行重复` });
    else if (key) seen.set(key, row);
    rows.push({ row, ...v, policyTitles: splitPolicyTitles(cell(p)), keywords: splitKeywords(cell(k)) });
  });
  if (!rows.length && !errors.length) errors.push({ row: 2, message: '文件中没有任何问答' });
  return { rows, errors };
}

export { textLikeness as questionLikeness } from '../text/likeness';

/** Questions this alike are shown as near-duplicates in an import preview. */
export const NEAR_DUPLICATE_AT = 0.6;
