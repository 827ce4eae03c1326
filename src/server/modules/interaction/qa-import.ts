// Use case: importing a Q&A base file (.xlsx or UTF-8 .csv; 问题, 答复, 主管单位, optional 政策依据, 关键词). The
// preview reports missing columns, empty cells, unknown units, repeated questions and near-duplicates (the
// matcher) before anything is stored; the import stores every row awaiting review, or nothing.
import type { QaImportPreview } from '../../../contracts/interaction';
import { KB_COLUMNS, parseCsv } from '../../../domain/interaction/matching';
import {
  NEAR_DUPLICATE_AT,
  QA_IMPORT_MAX_ROWS,
  QA_OPTIONAL_COLUMNS,
  type QaImportProblem,
  type QaImportRow,
  questionLikeness,
  readQaTable,
} from '../../../domain/interaction/qa-import';
import type { Database, DbOrTx } from '../../db/client';
import { audit } from '../../platform/audit/audit';
import type { Actor } from '../../platform/context';
import { invalid } from '../../platform/errors';
import { acceptUpload } from '../../platform/upload/gateway';
import { readTable } from '../../platform/xlsx';
import { publishedRootsByTitle } from '../disclosure';
import { matcherOf, suggest } from './matching';
import { insertQa } from './repo/qa';
import { importPreview, readRows, unitIdsByName } from './table-import';

/**
 * Near-duplicates are looked for in the first rows only and the report stops at a screenful, so a 20,000-row file
 * stays within seconds (the whole file is still checked for exact repeats).
 */
const NEAR_SCAN_ROWS = 2000;
const NEAR_REPORTED = 200;

const COLUMNS = [...KB_COLUMNS, ...QA_OPTIONAL_COLUMNS];

async function tableOf(name: string, bytes: Uint8Array): Promise<string[][]> {
  if (/\.csv$/i.test(name)) {
    await acceptUpload({ name, bytes }, 'import');
    let text: string;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      throw invalid('CSV 文件不是 UTF-8 编码（可能是 GBK）：请在 Excel 或 WPS 中另存为“CSV UTF-8”后重试');
    }
    try {
      return parseCsv(text);
    } catch (e) {
      throw invalid((e as Error).message);
    }
  }
  if (!/\.xlsx$/i.test(name)) throw invalid('请上传 .xlsx 或 .csv 文件');
  const rows = await readTable(bytes, [...KB_COLUMNS], [...QA_OPTIONAL_COLUMNS], QA_IMPORT_MAX_ROWS);
  const table: string[][] = [COLUMNS];
  for (const r of rows) table[r.row - 1] = COLUMNS.map((c) => r.values[c] ?? '');
  return Array.from(table, (r) => r ?? []);
}

interface Checked {
  rows: QaImportRow[];
  errors: QaImportProblem[];
  units: Map<string, string>;
}

async function check(db: DbOrTx, name: string, bytes: Uint8Array): Promise<Checked> {
  const { rows, errors } = await readRows(() => tableOf(name, bytes), readQaTable);
  const units = await unitIdsByName(
    db,
    rows.map((r) => r.unitName),
  );
  for (const r of rows)
    if (r.unitName && !units.has(r.unitName))
      errors.push({ row: r.row, message: `主管单位“${r.unitName}”不在单位列表中` });
  errors.sort((a, b) => a.row - b.row);
  return { rows, errors, units };
}

async function nearDuplicates(db: DbOrTx, rows: readonly QaImportRow[]) {
  const out: QaImportPreview['nearDuplicates'] = [];
  const scanned = rows.slice(0, NEAR_SCAN_ROWS).filter((r) => r.question);
  const inFile = matcherOf(
    scanned.map((r) => ({ question: r.question, answer: r.answer, unit: r.unitName })),
  );
  const near = (q: string, candidate: string) => {
    const score = Math.round(questionLikeness(q, candidate) * 100) / 100;
    return score >= NEAR_DUPLICATE_AT ? score : null;
  };
  for (const [i, r] of scanned.entries()) {
    if (out.length >= NEAR_REPORTED) break;
    // The matcher proposes the closest other row (each pair reported once, on its later row) and the closest
    // published entry; the surface likeness confirms them.
    const m = inFile.match(r.question, 2).find((x) => x.row - 1 !== i);
    const inRow = m && m.row - 1 < i ? near(r.question, m.question) : null;
    if (m && inRow !== null)
      out.push({
        row: r.row,
        question: r.question,
        similarTo: `第 ${scanned[m.row - 1]!.row} 行：${m.question}`,
        score: inRow,
      });
    const [best] = await suggest(db, r.question);
    const inBase = best ? near(r.question, best.question) : null;
    if (best && inBase !== null)
      out.push({ row: r.row, question: r.question, similarTo: `问答库：${best.question}`, score: inBase });
  }
  return out;
}

export async function previewQaImport(database: Database, file: { name: string; bytes: Uint8Array }) {
  const { rows, errors } = await check(database.db, file.name, file.bytes);
  return {
    ...importPreview(rows, (r) => ({
      row: r.row,
      question: r.question,
      unitName: r.unitName,
      policyTitles: r.policyTitles,
      keywords: r.keywords,
    })),
    errors,
    nearDuplicates: errors.length ? [] : await nearDuplicates(database.db, rows),
  } satisfies QaImportPreview;
}

/** All rows awaiting review, or nothing (the errors of the preview, as a 400). */
export async function importQa(
  database: Database,
  actor: Actor,
  userId: string,
  file: { name: string; bytes: Uint8Array },
): Promise<{ created: number }> {
  return database.db.transaction(async (tx) => {
    const { rows, errors, units } = await check(tx, file.name, file.bytes);
    if (errors.length)
      throw invalid(
        `文件有 ${errors.length} 处问题，未导入任何内容：${errors[0]!.message}（第 ${errors[0]!.row} 行）`,
        {
          rows: errors,
        },
      );
    const roots = await publishedRootsByTitle(
      tx,
      rows.flatMap((r) => r.policyTitles),
    );
    const created = await insertQa(
      tx,
      rows.map((r) => ({
        question: r.question,
        answer: r.answer,
        unitId: units.get(r.unitName)!,
        keywords: r.keywords,
        // A title that names a published item is linked (and can go stale); others are kept as text.
        policyRefs: r.policyTitles.map((title) => ({ title, itemId: roots.get(title) ?? null })),
        status: 'pending' as const,
        source: 'import' as const,
        createdBy: userId,
      })),
    );
    await audit(tx, actor, {
      action: 'interaction.qa.import',
      objectType: 'qa_entry',
      detail: `${file.name}：${created.length} 条`,
    });
    return { created: created.length };
  });
}
