// The import table reader: headers by name, and cells as text (dates as YYYY-MM-DD, also when a formula gives them).
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { readTableHere } from './table';

describe('readTableHere', () => {
  it('reads dates typed or computed as YYYY-MM-DD, rich text and numbers as text, skips empty rows', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('来电');
    ws.addRow(['来电日期*', '内容', '次数']);
    ws.addRow([new Date(Date.UTC(2026, 2, 5)), { richText: [{ text: '咨询' }, { text: '社保' }] }, 3]);
    ws.addRow([]);
    ws.addRow([{ formula: 'A2+1', result: new Date(Date.UTC(2026, 2, 6)) }, '咨询医保', 1]);
    const rows = await readTableHere(
      new Uint8Array(await wb.xlsx.writeBuffer()),
      ['来电日期', '内容'],
      ['次数'],
    );
    expect(rows).toEqual([
      { row: 2, values: { 来电日期: '2026-03-05', 内容: '咨询社保', 次数: '3' } },
      { row: 4, values: { 来电日期: '2026-03-06', 内容: '咨询医保', 次数: '1' } },
    ]);
  });

  it('names the missing headers in Chinese', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('x').addRow(['内容']);
    await expect(
      readTableHere(new Uint8Array(await wb.xlsx.writeBuffer()), ['来电日期', '内容']),
    ).rejects.toThrow('表头缺少：来电日期');
  });
});
