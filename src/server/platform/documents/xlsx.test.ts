import ExcelJS from 'exceljs';
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import type { TableBlock } from '../../../domain/tasks/blocks';
import { parseNotice } from '../../../domain/tasks/notice';
import { DocumentError } from './errors';
import { readXlsx } from './xlsx';

async function workbook(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('任务分工');
  ws.addRow(['序号', '工作任务', '', '责任单位', '完成时限']);
  ws.addRow(['1', '加大主动公开力度', '公开预算。', '区财政局', '8月31日']);
  ws.addRow(['', '', '公开决算。\n按时公开。', '区级各部门、各乡镇街委', '']);
  ws.mergeCells('B1:C1'); // header spans the section and text columns
  ws.mergeCells('A2:A3');
  ws.mergeCells('B2:B3');
  ws.mergeCells('E2:E3');
  const hidden = wb.addWorksheet('隐藏');
  hidden.state = 'hidden';
  hidden.addRow(['备注']);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

describe('readXlsx', () => {
  it('reads every sheet, hidden ones too, with merged areas as spans and continuations', async () => {
    const blocks = (await readXlsx(await workbook())) as TableBlock[];
    expect(blocks.map((b) => b.name)).toEqual(['任务分工', '隐藏']);
    const t = blocks[0];
    expect(t?.rows[0]?.map((c) => [c.text, c.col, c.colSpan])).toEqual([
      ['序号', 0, 1],
      ['工作任务', 1, 2],
      ['责任单位', 3, 1],
      ['完成时限', 4, 1],
    ]);
    expect(t?.rows[1]?.find((c) => c.col === 4)).toMatchObject({ text: '8月31日', rowSpan: 2 });
    expect(t?.rows[2]?.find((c) => c.col === 4)?.mergedFrom).toEqual({ row: 1, col: 4 });
    expect(t?.rows[2]?.find((c) => c.col === 2)?.text).toBe('公开决算。\n按时公开。');
  });

  it('feeds the notice parser: merged deadline and section cells apply to the row below', async () => {
    const plan = parseNotice({ blocks: await readXlsx(await workbook()) }, { year: 2023 });
    expect(plan.tasks.map((t) => [t.section, t.responsibleUnits, t.deadlines.map((d) => d.date)])).toEqual([
      [['加大主动公开力度'], ['区财政局'], ['2023-08-31']],
      [['加大主动公开力度'], ['区级各部门', '各乡镇街委'], ['2023-08-31']],
    ]);
  });

  it('reads a sheet’s title row above its header, a 类别 column as the sections, and skips a notes row', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Sheet1');
    ws.addRow(['2022年政务公开工作要点任务分工表']);
    ws.mergeCells('A1:E1');
    ws.addRow([]);
    ws.addRow(['序号', '类别', '工作任务', '责任单位', '完成时限']);
    ws.addRow([1, '决策公开', '公开年度预算和决算信息。', '区财政局、\n区审计局', '2022年6月底前']);
    ws.addRow([2, null, '做好政策解读工作，提高解读质量。', '区发改委', '2022.12']);
    ws.addRow(['备注：各单位于每季度末报送进展情况。']);
    ws.mergeCells('A6:E6');
    wb.addWorksheet('填表说明').addRow(['请按要求填写']);
    const plan = parseNotice({ blocks: await readXlsx(new Uint8Array(await wb.xlsx.writeBuffer())) });
    expect([plan.title, plan.year]).toEqual(['2022年政务公开工作要点任务分工表', 2022]);
    expect(
      plan.tasks.map((t) => [t.section, t.text, t.responsibleUnits, t.deadlines.map((d) => d.date)]),
    ).toEqual([
      [['决策公开'], '公开年度预算和决算信息。', ['区财政局', '区审计局'], ['2022-06-30']],
      [['决策公开'], '做好政策解读工作，提高解读质量。', ['区发改委'], ['2022-12-31']],
    ]);
  });

  it('reads a 完成时限 typed as a date, or computed by a formula, as the date it is (whatever the time zone)', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('任务');
    ws.addRow(['序号', '工作任务', '责任单位', '完成时限']);
    ws.addRow([1, '公开年度预算。', '区财政局', new Date(Date.UTC(2022, 5, 30))]);
    ws.getCell('D2').numFmt = 'yyyy/m/d';
    ws.addRow([
      2,
      '公开政府债务信息。',
      '区财政局',
      { formula: 'D2+153', result: new Date(Date.UTC(2022, 10, 30)) },
    ]);
    const blocks = await readXlsx(new Uint8Array(await wb.xlsx.writeBuffer()));
    expect((blocks[0] as TableBlock).rows.map((r) => r[3]?.text)).toEqual([
      '完成时限',
      '2022年6月30日',
      '2022年11月30日',
    ]);
    const plan = parseNotice({ blocks }, { year: 2022 });
    expect(plan.tasks.map((t) => t.deadlines.map((d) => d.date))).toEqual([['2022-06-30'], ['2022-11-30']]);
  });

  it('rejects entity declarations before exceljs sees the file', async () => {
    const bytes = zipSync({
      'xl/workbook.xml': strToU8('<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "b">]><workbook/>'),
    });
    await expect(readXlsx(bytes)).rejects.toMatchObject({ code: 'XML_ENTITY' });
  });

  it('reports a zip that is not a workbook', async () => {
    const err = await readXlsx(zipSync({ 'a.xml': strToU8('<a/>') })).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DocumentError);
    expect((err as DocumentError).code).toBe('CORRUPT');
  });
});
