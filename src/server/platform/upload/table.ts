// Reading a console import sheet (units, users) with exceljs: runs inside the upload gateway's worker
// (platform/upload), after the package was inflated and counted there.
import ExcelJS from 'exceljs';
import { AppError } from '../errors';

export interface TableRow {
  /** 1-based row number in the sheet, for error messages. */
  row: number;
  values: Record<string, string>;
}

function cellText(v: ExcelJS.CellValue): string {
  if (v == null) return '';
  if (typeof v === 'object') {
    if (v instanceof Date) return v.toISOString().slice(0, 10);
    if ('richText' in v) return v.richText.map((t) => t.text).join('');
    if ('text' in v) return String(v.text);
    if ('result' in v)
      return v.result instanceof Date ? v.result.toISOString().slice(0, 10) : String(v.result ?? '');
    return '';
  }
  return String(v);
}

/** Reads the first sheet; headers are matched by name; missing required headers are a Chinese error. */
export async function readTableHere(
  bytes: Uint8Array,
  required: string[],
  optional: string[] = [],
  maxRows = 10_000,
): Promise<TableRow[]> {
  if (bytes[0] !== 0x50 || bytes[1] !== 0x4b)
    throw new AppError('VALIDATION', '文件不是有效的 Excel（.xlsx）文件');
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(
      bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer,
    );
  } catch {
    throw new AppError('VALIDATION', '文件不是有效的 Excel（.xlsx）文件，或已损坏');
  }
  const ws = wb.worksheets[0];
  if (!ws) throw new AppError('VALIDATION', 'Excel 文件中没有工作表');
  const header = ws.getRow(1);
  const cols = new Map<string, number>();
  header.eachCell((cell, col) => {
    const name = cellText(cell.value).trim().replace(/[*＊]/g, '');
    if (name) cols.set(name, col);
  });
  const missing = required.filter((h) => !cols.has(h));
  if (missing.length)
    throw new AppError(
      'VALIDATION',
      `表头缺少：${missing.join('、')}（第 1 行应为：${[...required, ...optional].join('、')}）`,
    );
  const out: TableRow[] = [];
  for (let r = 2; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    const values: Record<string, string> = {};
    let empty = true;
    for (const name of [...required, ...optional]) {
      const col = cols.get(name);
      const text = col ? cellText(row.getCell(col).value).trim() : '';
      if (text) empty = false;
      values[name] = text;
    }
    if (!empty) out.push({ row: r, values });
  }
  if (out.length > maxRows) throw new AppError('VALIDATION', `一次最多导入 ${maxRows} 行`);
  return out;
}
