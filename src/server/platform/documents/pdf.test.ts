import { describe, expect, it } from 'vitest';
import { buildPdf, type Run } from '../../../../test/pdf';
import { parseNotice } from '../../../domain/tasks/notice';
import { DocumentError } from './errors';
import { readDocument } from './read';

// Columns of the notice's table: 序号 at 40, 工作任务 at 80, 牵头单位 at 420, 责任单位 at 520, 完成时限 at 640.
const COLUMN_X = [40, 80, 420, 520, 640];

/** One line of the table at height y: a text run for each cell that is not empty, left to right. */
const line = (y: number, cells: string[]): Run[] =>
  cells.flatMap((text, i) => (text ? [{ x: COLUMN_X[i]!, y, text }] : []));

const header = (y: number) => line(y, ['序号', '工作任务', '牵头单位', '责任单位', '完成时限']);

const notice = buildPdf([
  [
    { x: 200, y: 560, text: '关于印发2022年政务公开工作要点任务分工的通知', size: 14 },
    { x: 80, y: 530, text: '各乡镇人民政府，县政府各部门：现将任务分工印发给你们，请认真落实。' },
    ...header(500),
    ...line(480, ['1', '公开财政预算决算信息，细化到', '县财政局', '县直各部门', '2022年6月底前']),
    // The task text wraps onto a second line inside its cell.
    { x: 80, y: 466, text: '功能分类项级科目。' },
    ...line(440, ['2', '及时更新政府信息公开指南。', '县政府办公室', '', '每季度']),
  ],
  [
    ...header(560),
    ...line(540, [
      '3',
      '编制发布政府信息公开工作年度报告。',
      '县政府办公室',
      '各乡镇人民政府',
      '次年1月31日前',
    ]),
  ],
]);

// pdfjs loads on first use, which is slow on a busy machine.
describe('text PDFs', { timeout: 60_000 }, () => {
  it('rebuilds table rows from text positions: wrapped cells joined, header repeated on the next page', async () => {
    const plan = parseNotice({ blocks: await readDocument(notice, '任务分工.pdf') });
    expect(plan.year).toBe(2022);
    expect(
      plan.tasks.map((t) => [
        t.text,
        t.leadUnits,
        t.responsibleUnits,
        t.deadlines.map((d) => d.date ?? d.every),
      ]),
    ).toEqual([
      ['公开财政预算决算信息，细化到功能分类项级科目。', ['县财政局'], ['县直各部门'], ['2022-06-30']],
      // An empty cell under a filled one may be a merged cell: carried down, with a warning to check.
      ['及时更新政府信息公开指南。', ['县政府办公室'], ['县直各部门'], ['quarter']],
      ['编制发布政府信息公开工作年度报告。', ['县政府办公室'], ['各乡镇人民政府'], ['2023-01-31']],
    ]);
    expect(plan.warnings.map((w) => w.message)).toContain(
      '单元格为空，按合并单元格沿用上一行的“县直各部门”，请核对',
    );
  });

  it('refuses a PDF of 300 pages', async () => {
    const pages = Array.from({ length: 300 }, () => [{ x: 80, y: 500, text: '第一条' }]);
    const e = await readDocument(buildPdf(pages), 'long.pdf').catch((x: unknown) => x);
    expect(e).toBeInstanceOf(DocumentError);
    expect((e as DocumentError).code).toBe('PDF_TOO_LONG');
    expect((e as DocumentError).message).toMatch(/300 页/);
  });

  it('refuses a scan (pages without a text layer) and says to use OCR', async () => {
    const e = await readDocument(buildPdf([[], []]), 'scan.pdf').catch((x: unknown) => x);
    expect((e as DocumentError).code).toBe('PDF_SCANNED');
    expect((e as DocumentError).message).toMatch(/扫描件.*OCR/);
  });
});
