// What the module's two table imports (问答库, 12345 工单) share: a file that cannot be read is reported like any
// other problem, on its header row; each unit name the rows give is looked up once; the preview shows the first
// 200 rows.
import type { DbOrTx } from '../../db/client';
import { AppError } from '../../platform/errors';
import { findUnitByName } from '../org';

type Problem = { row: number; message: string };

/** The rows `parse` reads from the table `read` answers, or — a file `read` refuses — that reason on row 1. */
export async function readRows<R>(
  read: () => Promise<string[][]>,
  parse: (table: string[][]) => { rows: R[]; errors: Problem[] },
): Promise<{ rows: R[]; errors: Problem[] }> {
  let table: string[][];
  try {
    table = await read();
  } catch (e) {
    if (e instanceof AppError && e.code === 'VALIDATION')
      return { rows: [], errors: [{ row: 1, message: e.message }] };
    throw e;
  }
  return parse(table);
}

/** The id of each unit the rows name (exact name); empty and unknown names are left out. */
export async function unitIdsByName(db: DbOrTx, names: readonly string[]): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  for (const n of new Set(names.filter(Boolean))) {
    const u = await findUnitByName(db, n);
    if (u) ids.set(n, u.id);
  }
  return ids;
}

/** The preview of an import: how many rows, and the first 200 as `view` shows them. */
export const importPreview = <R, V>(rows: readonly R[], view: (r: R) => V) => ({
  total: rows.length,
  rows: rows.slice(0, 200).map(view),
});
