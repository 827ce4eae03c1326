import {
  CommentRangeEnd,
  CommentRangeStart,
  CommentReference,
  DeletedTextRun,
  Document,
  InsertedTextRun,
  Packer,
  Paragraph,
  TextRun,
} from 'docx';
import ExcelJS from 'exceljs';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it, vi } from 'vitest';
import { extractAttachmentText } from './attachment-text';
import { stripAttachment, stripHiddenContent } from './strip-hidden';

vi.setConfig({ testTimeout: 30_000 });

const allText = (bytes: Uint8Array) =>
  Object.entries(unzipSync(bytes))
    .filter(([n]) => n.endsWith('.xml') || n.endsWith('.rels'))
    .map(([, b]) => strFromU8(b))
    .join('\n');

/** Strips the file, checks that none of `gone` is left in any of its XML parts, and gives the result back. */
function strippedWithout(before: Uint8Array, name: string, gone: string[]) {
  const r = stripHiddenContent(before, name);
  const xml = allText(r.bytes);
  for (const g of gone) expect(xml, g).not.toContain(g);
  return r;
}

async function docxWithHiddenThings(): Promise<Uint8Array> {
  const when = '2026-03-02T09:00:00Z';
  const doc = new Document({
    creator: '起草人赵六',
    lastModifiedBy: '审核人钱七',
    comments: {
      children: [
        { id: 0, author: '钱七', date: new Date(when), children: [new Paragraph('批注：电话13812345678')] },
      ],
    },
    sections: [
      {
        children: [
          new Paragraph({
            children: [
              new CommentRangeStart(0),
              new TextRun('公开的正文。'),
              new CommentRangeEnd(0),
              new TextRun({ children: [new CommentReference(0)] }),
            ],
          }),
          new Paragraph({
            children: [
              new TextRun('保留文字'),
              new InsertedTextRun({ text: '新增的句子', id: 1, author: '钱七', date: when }),
              new DeletedTextRun({ text: '删掉的旧句子', id: 2, author: '钱七', date: when }),
              new TextRun({ text: '隐藏的内部意见', vanish: true }),
            ],
          }),
        ],
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}

async function xlsxWithHiddenThings(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = '起草人赵六';
  const s1 = wb.addWorksheet('公开名单');
  s1.addRow(['姓名', '单位', '内部评分']);
  s1.addRow(['王五', '区财政局', '差评理由甲']);
  s1.addRow(['隐藏行的人', '区民政局', '']);
  s1.getRow(3).hidden = true;
  s1.getColumn(3).hidden = true;
  s1.getCell('A2').note = '批注：身份证号在备注表';
  wb.definedNames.add("'公开名单'!$A$1:$B$2", '打印区域甲');
  const s2 = wb.addWorksheet('备注', { state: 'veryHidden' });
  s2.addRow(['手机', '13812345678']);
  const s3 = wb.addWorksheet('底稿', { state: 'hidden' });
  s3.addRow(['底稿内容']);
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

describe('stripHiddenContent (.docx)', () => {
  it('removes comments, deleted text, hidden text and author names; keeps the visible and inserted text', async () => {
    const before = await docxWithHiddenThings();
    expect(allText(before)).toContain('删掉的旧句子'); // the fixture really holds what must go
    expect(allText(before)).toContain('13812345678');
    const r = strippedWithout(before, '通知.docx', [
      '删掉的旧句子',
      '隐藏的内部意见',
      '13812345678',
      '起草人赵六',
      '审核人钱七',
      'w:comment',
    ]);
    expect(Object.keys(unzipSync(r.bytes))).not.toContain('word/comments.xml');
    expect(r.removed.join('、')).toMatch(/批注 1 条.*修订痕迹 2 处.*隐藏文字 1 段/);
    // Re-extracted as the portal's readers see it: the visible and the inserted text are still there.
    const text = await extractAttachmentText(r.bytes, '通知.docx');
    expect('parts' in text).toBe(true);
    const body = 'parts' in text ? text.parts.map((p) => p.text).join('\n') : '';
    expect(body).toContain('公开的正文。');
    expect(body).toContain('保留文字新增的句子');
  });

  it('gives a clean file back unchanged, byte for byte', async () => {
    const clean = new Uint8Array(
      await Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph('只有正文')] }] })),
    );
    const once = stripHiddenContent(clean, 'a.docx');
    const twice = stripHiddenContent(once.bytes, 'a.docx');
    expect(twice.removed).toEqual([]);
    expect(twice.bytes).toBe(once.bytes);
  });
});

describe('stripHiddenContent (.xlsx)', () => {
  it('removes hidden sheets, rows, columns, comments, names and their shared strings; Excel can still open it', async () => {
    const before = await xlsxWithHiddenThings();
    expect(allText(before)).toContain('13812345678');
    const r = strippedWithout(before, '名单.xlsx', [
      '13812345678',
      '底稿内容',
      '隐藏行的人',
      '差评理由甲',
      '内部评分',
      '身份证号在备注表',
      '打印区域甲',
      '起草人赵六',
    ]);
    expect(r.removed.join('、')).toMatch(/隐藏工作表 2 个/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(r.bytes) as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['公开名单']);
    const ws = wb.getWorksheet('公开名单')!;
    expect(ws.getCell('A2').value).toBe('王五');
    expect(ws.getCell('B2').value).toBe('区财政局');
    expect(ws.getCell('C2').value).toBeNull();
  });

  it('leaves other kinds untouched', () => {
    const pdf = new TextEncoder().encode('%PDF-1.4 …');
    expect(stripHiddenContent(pdf, 'a.pdf')).toEqual({ bytes: pdf, removed: [] });
  });

  it('runs in an upload worker', async () => {
    const r = await stripAttachment(await xlsxWithHiddenThings(), '名单.xlsx');
    expect('bytes' in r && allText(r.bytes)).not.toContain('13812345678');
  });
});
