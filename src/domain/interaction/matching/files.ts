// The files of `gongkai qa match`: a Q&A base as CSV (RFC 4180, UTF-8 with or without BOM) or as rows already read
// from .xlsx, and a list of questions. Errors are Chinese sentences that say what to fix.
import type { QaEntry } from './matcher';

export const KB_COLUMNS = ['问题', '答复', '主管单位'] as const;

export class QaFileError extends Error {}

/** RFC 4180: quoted fields may hold commas, doubled quotes and line breaks; CRLF or LF line ends. */
export function parseCsv(text: string): string[][] {
  const src = text.replace(/^\uFEFF/u, '');
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < src.length; i++) {
    const ch = src[i]!;
    if (quoted) {
      if (ch !== '"') field += ch;
      else if (src[i + 1] === '"') {
        field += '"';
        i++;
      } else quoted = false;
    } else if (ch === '"' && field === '') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && src[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += ch;
  }
  if (quoted) throw new QaFileError('CSV 文件中有未闭合的双引号，请检查文件内容');
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

/**
 * Entries from a header row and data rows: columns are found by name (extra columns allowed); `row` of a match is
 * the 1-based data row, so a blank row keeps its number (as an entry that matches nothing).
 */
export function entriesFromTable(table: readonly (readonly string[])[]): QaEntry[] {
  const [header, ...data] = table;
  const names = (header ?? []).map((h) => h.replace(/^\uFEFF/u, '').replace(/[*＊\s]/gu, ''));
  const at = (name: string) => names.indexOf(name);
  const missing = KB_COLUMNS.filter((c) => at(c) < 0);
  if (missing.length)
    throw new QaFileError(
      `问答库表头缺少：${missing.join('、')}（第 1 行应含列：${KB_COLUMNS.join('、')}；现有：${names.filter(Boolean).join('、') || '空'}）`,
    );
  const [q, a, u] = KB_COLUMNS.map(at) as [number, number, number];
  const entries = data.map((r) => ({
    question: (r[q] ?? '').trim(),
    answer: (r[a] ?? '').trim(),
    unit: (r[u] ?? '').trim(),
  }));
  // A trailing empty line is not a row.
  while (entries.length && !entries.at(-1)!.question && !entries.at(-1)!.answer) entries.pop();
  if (!entries.some((e) => e.question)) throw new QaFileError('问答库中没有任何问题（“问题”列为空）');
  return entries;
}

/** One question per line; a first line 问题 is a header; of a tab-separated line only the first column counts. */
export function questionsFromText(text: string): string[] {
  const lines = text
    .replace(/^\uFEFF/u, '')
    .split(/\r?\n/u)
    .map((l) => (l.split('\t')[0] ?? '').trim());
  if (lines[0] === '问题') lines.shift();
  while (lines.length && lines.at(-1) === '') lines.pop();
  return lines;
}
