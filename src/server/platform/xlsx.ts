// Small helpers over exceljs for the console's import/export tables: a header row, then data rows. Reading an
// uploaded sheet goes through the upload gateway (screened, inflated with caps, parsed in a worker).
import ExcelJS from 'exceljs';
import { parseUpload } from './upload/gateway';
import type { TableRow } from './upload/table';

export async function writeTable(
  sheetName: string,
  headers: string[],
  rows: (string | number | null)[][],
): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Gongkai';
  const ws = wb.addWorksheet(sheetName);
  ws.addRow(headers);
  ws.getRow(1).font = { bold: true };
  for (const r of rows) ws.addRow(r);
  headers.forEach((h, i) => {
    const col = ws.getColumn(i + 1);
    const widest = Math.max(h.length, ...rows.map((r) => String(r[i] ?? '').length));
    col.width = Math.min(60, Math.max(10, widest * 2 + 2));
  });
  ws.views = [{ state: 'frozen', ySplit: 1 }];
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

export type { TableRow } from './upload/table';

/** Reads the first sheet; headers are matched by name; missing required headers are a Chinese error. */
export function readTable(
  bytes: Uint8Array,
  required: string[],
  optional: string[] = [],
  maxRows?: number,
): Promise<TableRow[]> {
  return parseUpload<TableRow[]>('table', { name: 'import.xlsx', bytes }, { required, optional, maxRows });
}
