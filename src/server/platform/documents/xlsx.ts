// .xlsx reading through exceljs: every sheet (hidden ones too, since notices hide helper sheets with tasks),
// merged areas with their spans. The package is checked for size and XML entities before exceljs sees it.

import ExcelJS from 'exceljs';
import type { Cell, DocBlock, TableBlock } from '../../../domain/tasks/blocks';
import { documentError } from './errors';
import { DEFAULT_ZIP_LIMITS, safeUnzip, xmlText, type ZipLimits } from './zip';

export interface XlsxOptions {
  limits?: ZipLimits;
  /** Cells beyond this many rows or columns of a sheet are not read. */
  maxRows?: number;
  maxCols?: number;
}

export async function readXlsx(bytes: Uint8Array, opts: XlsxOptions = {}): Promise<DocBlock[]> {
  // exceljs inflates everything it is given: check declared sizes first, and scan the XML for entities.
  const xml = safeUnzip(
    bytes,
    (n) => n.endsWith('.xml') || n.endsWith('.rels'),
    opts.limits ?? DEFAULT_ZIP_LIMITS,
  );
  for (const data of Object.values(xml)) xmlText(data);
  if (!xml['xl/workbook.xml']) throw documentError('CORRUPT', '缺少 xl/workbook.xml，不是 Excel 工作簿');
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(
      Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ArrayBuffer,
    );
  } catch (e) {
    throw documentError('CORRUPT', e instanceof Error ? e.message : undefined);
  }
  const maxRows = opts.maxRows ?? 20000;
  const maxCols = opts.maxCols ?? 200;
  const blocks: DocBlock[] = [];
  for (const ws of wb.worksheets) {
    const rowCount = Math.min(ws.rowCount, maxRows);
    const colCount = Math.min(ws.columnCount, maxCols);
    if (rowCount === 0 || colCount === 0) continue;
    // Extent of each merged area, keyed by its master cell.
    const extent = new Map<string, { r0: number; c0: number; r1: number; c1: number }>();
    for (let r = 1; r <= rowCount; r++) {
      for (let c = 1; c <= colCount; c++) {
        const cell = ws.getCell(r, c);
        if (!cell.isMerged) continue;
        const m = cell.master;
        const key = m.address;
        const e = extent.get(key) ?? { r0: Number(m.row), c0: Number(m.col), r1: r, c1: c };
        e.r1 = Math.max(e.r1, r);
        e.c1 = Math.max(e.c1, c);
        extent.set(key, e);
      }
    }
    const rows: Cell[][] = [];
    for (let r = 1; r <= rowCount; r++) {
      const cells: Cell[] = [];
      for (let c = 1; c <= colCount; c++) {
        const cell = ws.getCell(r, c);
        const e = cell.isMerged ? extent.get(cell.master.address) : undefined;
        if (e && (e.r0 !== r || e.c0 !== c)) {
          // Covered by a merge: one continuation cell in each later row, at the merge's first column.
          if (c === e.c0 && r > e.r0) {
            cells.push({
              text: '',
              row: r - 1,
              col: c - 1,
              colSpan: e.c1 - e.c0 + 1,
              rowSpan: 1,
              mergedFrom: { row: e.r0 - 1, col: e.c0 - 1 },
            });
          }
          continue;
        }
        cells.push({
          text: cellText(cell),
          row: r - 1,
          col: c - 1,
          colSpan: e ? e.c1 - e.c0 + 1 : 1,
          rowSpan: e ? e.r1 - e.r0 + 1 : 1,
        });
      }
      rows.push(cells);
    }
    const table: TableBlock = { type: 'table', rows, name: ws.name };
    blocks.push(table);
  }
  return blocks;
}

/**
 * A date cell (a 完成时限 typed as a date, or a formula giving one) as a notice writes it, "2022年6月30日": exceljs's
 * text of a date is the JavaScript date string, in the server's time zone, which no deadline rule reads. Excel dates
 * have no zone: exceljs gives them as midnight UTC.
 */
function dateOf(value: ExcelJS.CellValue): Date | null {
  if (value instanceof Date) return value;
  if (value && typeof value === 'object' && 'result' in value && value.result instanceof Date)
    return value.result;
  return null;
}

function cellText(cell: ExcelJS.Cell): string {
  const date = dateOf(cell.value);
  if (date && !Number.isNaN(date.getTime()))
    return `${date.getUTCFullYear()}年${date.getUTCMonth() + 1}月${date.getUTCDate()}日`;
  let t: string;
  try {
    t = cell.text ?? '';
  } catch {
    t = '';
  }
  return String(t)
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '')
    .join('\n');
}
