import { readFileSync } from 'node:fs';
import {
  Document,
  ExternalHyperlink,
  Header,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
} from 'docx';
import ExcelJS from 'exceljs';
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it, vi } from 'vitest';
import { runChecksOnParts } from '../../../domain/review/checks';
import {
  type AttachmentPart,
  checkAttachment,
  DEFAULT_EXTRACT_LIMITS,
  extractAttachmentText,
  findingsJson,
  maskAttachment,
  maskDocx,
  maskXlsx,
} from './attachment-text';
import { libreOfficeBinary } from './libreoffice';

// Reading runs in an upload worker (platform/upload): its first start on a loaded machine takes seconds.
vi.setConfig({ testTimeout: 30_000 });

const ID = '500103199001011232'; // check digit 2 verified in domain/review/checks.test.ts helpers

async function buildXlsx(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const s1 = wb.addWorksheet('名单');
  s1.addRow(['姓名', '单位']);
  s1.addRow(['王五', '区财政局']);
  const s2 = wb.addWorksheet('Sheet2', { state: 'hidden' });
  s2.addRow(['联系电话', 13812341234]); // a phone typed as a number
  const s3 = wb.addWorksheet('备注', { state: 'veryHidden' });
  s3.getCell('C3').value = { richText: [{ text: '身份证' }, { text: ID }] };
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

async function buildDocx(): Promise<Uint8Array> {
  const doc = new Document({
    sections: [
      {
        headers: { default: new Header({ children: [new Paragraph('内部资料')] }) },
        children: [
          new Paragraph('机密★1年'),
          new Paragraph({
            children: [
              new ExternalHyperlink({
                link: 'http://www.cqtn.gov.cn/a?x=1&y=2',
                children: [new TextRun('门户网站')],
              }),
            ],
          }),
          // The phone number is split over two runs, as Word often does.
          new Paragraph({ children: [new TextRun('联系人手机1381234'), new TextRun('1234，见张三&李四')] }),
          new Table({
            rows: [
              new TableRow({
                children: [
                  new TableCell({ children: [new Paragraph('身份证号')] }),
                  new TableCell({ children: [new Paragraph(ID)] }),
                ],
              }),
            ],
          }),
        ],
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}

/** A one-page text PDF with the standard Helvetica font (nothing to load), built by hand with a valid xref. */
function buildPdf(lines: string[]): Uint8Array {
  const content = lines.length
    ? `BT /F1 12 Tf 72 720 Td ${lines.map((l, i) => `${i ? '0 -20 Td ' : ''}(${l}) Tj`).join(' ')} ET`
    : '';
  const objs = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objs.forEach((o, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objs.length + 1}\n0000000000 65535 f \n`;
  out += offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('');
  out += `trailer\n<< /Size ${objs.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new TextEncoder().encode(out);
}

const partsOf = async (bytes: Uint8Array, name: string): Promise<AttachmentPart[]> => {
  const r = await extractAttachmentText(bytes, name);
  if ('error' in r) throw new Error(r.error);
  return r.parts;
};

describe('xlsx', () => {
  it('reads every sheet, hidden and veryHidden too, numbers included', async () => {
    const parts = await partsOf(await buildXlsx(), '名单.xlsx');
    expect(parts.map((p) => [p.source, p.key])).toEqual([
      ['附件 名单.xlsx › 工作表 名单', '名单'],
      ['附件 名单.xlsx › 工作表 Sheet2（隐藏）', 'Sheet2'],
      ['附件 名单.xlsx › 工作表 备注（深度隐藏）', '备注'],
    ]);
    expect(parts[1]?.text).toBe('联系电话\t13812341234\n');
    const findings = runChecksOnParts(parts);
    expect(findings.map((f) => [f.kind, f.text, f.source])).toEqual([
      ['mobile', '13812341234', '附件 名单.xlsx › 工作表 Sheet2（隐藏）'],
      ['id_card', ID, '附件 名单.xlsx › 工作表 备注（深度隐藏）'],
    ]);
  });

  it('maskXlsx writes the masked values into the right cells of a copy', async () => {
    const bytes = await buildXlsx();
    const parts = await partsOf(bytes, '名单.xlsx');
    const findings = runChecksOnParts(parts);
    const bySheet = Object.fromEntries(
      parts.map((p) => [p.key, findings.filter((f) => f.source === p.source)]),
    );
    const result = await maskXlsx(bytes, bySheet);
    expect([result.masked, result.skipped]).toEqual([2, 0]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(result.bytes) as unknown as ExcelJS.Buffer);
    expect(wb.getWorksheet('Sheet2')?.getCell('B1').value).toBe('138****1234');
    expect(wb.getWorksheet('Sheet2')?.state).toBe('hidden');
    expect(wb.getWorksheet('备注')?.getCell('C3').value).toBe('身份证50*************232');
    expect(wb.getWorksheet('名单')?.getCell('A2').value).toBe('王五');
    const again = runChecksOnParts(await partsOf(result.bytes, '名单.xlsx'));
    expect(again).toEqual([]);
  });
});

describe('docx', () => {
  it('reads body paragraphs, table cells and the header', async () => {
    const parts = await partsOf(await buildDocx(), '通知.docx');
    expect(parts[0]?.source).toBe('附件 通知.docx › 正文');
    expect(parts[0]?.text).toContain('联系人手机13812341234，见张三&李四\n');
    // A table row reads like an .xlsx row: cells joined by tabs.
    expect(parts[0]?.text).toContain(`身份证号\t${ID}\n`);
    expect(
      parts.some((p) => p.source.startsWith('附件 通知.docx › 页眉') && p.text.includes('内部资料')),
    ).toBe(true);
    const kinds = runChecksOnParts(parts).map((f) => `${f.kind}:${f.text}`);
    expect(kinds).toEqual(
      expect.arrayContaining([
        'secrecy_mark:机密★1年',
        'mobile:13812341234',
        `id_card:${ID}`,
        'secrecy_mark:内部资料',
        'insecure_link:http://www.cqtn.gov.cn/a?x=1&y=2',
      ]),
    );
    expect(parts.at(-1)?.source).toBe('附件 通知.docx › 超链接');
  });

  it('maskAttachment masks across split runs and keeps other text (and XML entities) intact', async () => {
    const bytes = await buildDocx();
    const { findings } = await checkAttachment(bytes, '通知.docx');
    const personal = findings.filter((f) => f.kind === 'mobile' || f.kind === 'id_card');
    const result = await maskAttachment(bytes, '通知.docx', personal);
    if ('error' in result) throw new Error(result.error);
    expect([result.masked, result.skipped]).toEqual([2, 0]);
    const body = (await partsOf(result.bytes, '通知.docx'))[0]?.text ?? '';
    expect(body).toContain('联系人手机138****1234，见张三&李四');
    expect(body).toContain('50*************232');
    expect(body).toContain('机密★1年');
  });

  it('maskDocx skips a stale finding', async () => {
    const bytes = await buildDocx();
    const stale = {
      kind: 'mobile' as const,
      text: '13900000000',
      start: 0,
      end: 11,
      masked: '139****0000',
      blocking: true,
      message: '',
    };
    expect(maskDocx(bytes, { 'word/document.xml': [stale] }).skipped).toBe(1);
  });
});

// SECURITY.md 32: an ID typed over adjacent cells of one table row is found and masked cell by cell; the same
// pieces on separate rows are not joined.
describe('an ID split across table cells', () => {
  const [a, b, c] = [ID.slice(0, 6), ID.slice(6, 14), ID.slice(14)];
  const docxRows = (rows: string[][]) =>
    new Table({
      rows: rows.map(
        (r) => new TableRow({ children: r.map((t) => new TableCell({ children: [new Paragraph(t)] })) }),
      ),
    });
  const docxOf = async (rows: string[][]) =>
    new Uint8Array(await Packer.toBuffer(new Document({ sections: [{ children: [docxRows(rows)] }] })));
  const xlsxOf = async (rows: string[][]) => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('名单');
    for (const r of rows) ws.addRow(r);
    return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
  };
  const ids = async (bytes: Uint8Array, name: string) =>
    runChecksOnParts(await partsOf(bytes, name))
      .filter((f) => f.kind === 'id_card')
      .map((f) => f.text);

  it.each([
    ['docx', docxOf],
    ['xlsx', xlsxOf],
  ] as const)('.%s: found in one row, not across rows; masked in each cell', async (ext, build) => {
    const name = `名单.${ext}`;
    const bytes = await build([
      ['张三', a, b, c],
      ['合计', '2026', '3'],
    ]);
    expect(await ids(bytes, name)).toEqual([`${a}\t${b}\t${c}`]);
    expect(await ids(await build([[a], [b], [c]]), name)).toEqual([]);

    const { findings } = await checkAttachment(bytes, name);
    const result = await maskAttachment(
      bytes,
      name,
      findings.filter((f) => f.kind === 'id_card'),
    );
    if ('error' in result) throw new Error(result.error);
    expect([result.masked, result.skipped]).toEqual([1, 0]);
    const text = (await partsOf(result.bytes, name))[0]?.text ?? '';
    expect(text).toContain(`张三\t50****\t********\t*${c.slice(1)}\n`);
    expect(text).toContain('合计\t2026\t3\n');
    expect(await ids(result.bytes, name)).toEqual([]);
  });
});

describe('pdf and text', () => {
  it('reads the text layer page by page', async () => {
    const parts = await partsOf(buildPdf(['Tel 13812341234', 'mail zhangsan@163.com']), '公告.pdf');
    expect(parts.map((p) => p.source)).toEqual(['附件 公告.pdf › 第1页']);
    expect(runChecksOnParts(parts).map((f) => [f.kind, f.text])).toEqual([
      ['mobile', '13812341234'],
      ['email', 'zhangsan@163.com'],
    ]);
  });

  it('reads the radicals a printed PDF’s fonts map characters to as the characters (test/fixtures/pdf)', async () => {
    const bytes = new Uint8Array(readFileSync('test/fixtures/pdf/ruled-table.pdf'));
    const text = (await partsOf(bytes, '任务分工.pdf')).map((p) => p.text).join('');
    expect(text).toContain('工作任务');
    expect(text).toContain('政府门户网');
    expect(text).not.toMatch(/[\u2e80-\u2fdf]/);
  });

  it.each([
    ['UTF-8 with BOM', new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('手机13812341234')])],
    // 手 = CA D6, 机 = BB FA in GB2312/GB18030
    ['GB18030', new Uint8Array([0xca, 0xd6, 0xbb, 0xfa, ...new TextEncoder().encode('13812341234')])],
  ])('.txt in %s', async (_name, bytes) => {
    expect((await partsOf(bytes, 'a.txt'))[0]?.text).toBe('手机13812341234');
  });
});

describe('unreadable attachments', () => {
  const bomb = zipSync({ 'word/document.xml': new Uint8Array(400_000) });
  const doctype = zipSync({
    'word/document.xml': strToU8(
      '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]><w:document>&a;</w:document>',
    ),
  });
  it.each([
    ['garbage .docx', new TextEncoder().encode('not a zip'), 'x.docx', '附件无法打开'],
    ['garbage .xlsx', new TextEncoder().encode('not a zip'), 'x.xlsx', '附件无法打开'],
    ['garbage .pdf', new TextEncoder().encode('not a pdf'), 'x.pdf', '附件无法打开'],
    ['zip without word/document.xml', zipSync({ 'a.txt': strToU8('x') }), 'x.docx', 'word/document.xml'],
    ['zip bomb over the cap', bomb, 'x.docx', '压缩炸弹'],
    ['DOCTYPE in document.xml', doctype, 'x.docx', 'DOCTYPE'],
    ['scanned PDF without text', buildPdf([]), 'scan.pdf', '扫描件'],
    ['unsupported type', new Uint8Array([1, 2, 3]), 'photo.jpg', '.jpg'],
  ])('%s', async (_name, bytes, filename, fragment) => {
    const r = await extractAttachmentText(bytes, filename, {
      ...DEFAULT_EXTRACT_LIMITS,
      maxEntryBytes: 100_000,
    });
    expect('error' in r && r.error.startsWith('附件无法打开：') && r.error.includes(fragment)).toBe(true);
  });

  it('checkAttachment turns it into one blocking unreadable_attachment finding', async () => {
    const { findings } = await checkAttachment(new TextEncoder().encode('xx'), '坏.docx');
    expect(findings.map((f) => [f.kind, f.blocking, f.source])).toEqual([
      ['unreadable_attachment', true, '附件 坏.docx'],
    ]);
  });
});

describe('findingsJson (gongkai review check FILE --json)', () => {
  it('has the documented keys', async () => {
    const { findings } = await checkAttachment(new TextEncoder().encode('手机13812341234'), 'a.txt');
    expect(findingsJson(findings)).toEqual({
      findings: [
        {
          kind: 'mobile',
          text: '13812341234',
          start: 2,
          end: 13,
          masked: '138****1234',
          blocking: true,
          message: '疑似手机号码',
          source: '附件 a.txt',
        },
      ],
    });
  });
});

// Issue 13 part 8: .doc/.wps attachments go through LibreOffice; without it the finding says so.
describe('.doc / .wps attachments', () => {
  const ole = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]);
  it.each(['通知.doc', '通知.wps'])(
    '%s without LibreOffice → an unreadable finding naming LibreOffice',
    async (name) => {
      if (await libreOfficeBinary()) return; // installed here: the conversion path is exercised elsewhere
      const r = await checkAttachment(ole, name);
      expect(r.findings).toHaveLength(1);
      expect(r.findings[0]).toMatchObject({ kind: 'unreadable_attachment', blocking: true });
      expect(r.findings[0]?.message).toContain('LibreOffice');
    },
  );
});
