import { Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun } from 'docx';
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import type { TableBlock } from '../../../domain/tasks/blocks';
import { readDocx } from './docx';
import { DocumentError } from './errors';

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';

function rawDocx(body: string, prolog = ''): Uint8Array {
  return zipSync({
    '[Content_Types].xml': strToU8('<?xml version="1.0"?><Types/>'),
    'word/document.xml': strToU8(
      `<?xml version="1.0" encoding="UTF-8"?>${prolog}<w:document ${W}><w:body>${body}</w:body></w:document>`,
    ),
  });
}

function p(text: string): string {
  return `<w:p><w:r><w:t xml:space="preserve">${text}</w:t></w:r></w:p>`;
}

function errorOf(f: () => unknown): DocumentError {
  try {
    f();
  } catch (e) {
    if (e instanceof DocumentError) return e;
    throw e;
  }
  throw new Error('no error');
}

/** Overwrites the declared uncompressed size of every entry (local and central headers). */
function declareSize(zip: Uint8Array, size: number): Uint8Array {
  const out = zip.slice();
  const dv = new DataView(out.buffer);
  for (let i = 0; i + 4 <= out.length; i++) {
    const sig = dv.getUint32(i, true);
    if (sig === 0x04034b50 && i + 26 <= out.length) dv.setUint32(i + 22, size, true);
    if (sig === 0x02014b50 && i + 28 <= out.length) dv.setUint32(i + 24, size, true);
  }
  return out;
}

describe('readDocx: text', () => {
  it('reads paragraphs with tabs and breaks, skips deleted revisions and field codes, keeps insertions', () => {
    const body =
      `<w:p><w:pPr><w:pStyle w:val="Title"/></w:pPr><w:r><w:t>关于印发</w:t></w:r><w:ins><w:r><w:t>方案</w:t></w:r></w:ins>` +
      `<w:del><w:r><w:delText>删除</w:delText></w:r></w:del><w:r><w:instrText>PAGE</w:instrText><w:tab/><w:t>的通知</w:t><w:br/><w:t>第二行 &amp; &lt;x&gt;</w:t></w:r></w:p>`;
    expect(readDocx(rawDocx(body))).toEqual([
      { type: 'p', text: '关于印发方案\t的通知\n第二行 & <x>', style: 'Title' },
    ]);
  });
});

describe('readDocx: tables with exact merges', () => {
  it('turns w:gridSpan into colSpan and w:vMerge into mergedFrom with the origin’s rowSpan', () => {
    const tc = (text: string, pr = '') => `<w:tc><w:tcPr>${pr}</w:tcPr>${p(text)}</w:tc>`;
    const body =
      '<w:tbl>' +
      `<w:tr>${tc('工作任务', '<w:gridSpan w:val="2"/>')}${tc('牵头单位')}</w:tr>` +
      `<w:tr>${tc('一、章', '<w:vMerge w:val="restart"/>')}${tc('甲')}${tc('区网信办', '<w:vMerge w:val="restart"/>')}</w:tr>` +
      `<w:tr>${tc('', '<w:vMerge/>')}${tc('乙')}${tc('', '<w:vMerge w:val="continue"/>')}</w:tr>` +
      `<w:tr>${tc('', '<w:vMerge/>')}${tc('丙')}${tc('区教委')}</w:tr>` +
      `<w:tr><w:trPr><w:gridBefore w:val="1"/></w:trPr>${tc('丁')}${tc('区民政局')}</w:tr>` +
      '</w:tbl>';
    const [t] = readDocx(rawDocx(body)) as TableBlock[];
    const pos = (r: number) =>
      t?.rows[r]?.map((c) => [c.text, c.col, c.colSpan, c.rowSpan, c.mergedFrom ?? null]);
    expect(pos(0)).toEqual([
      ['工作任务', 0, 2, 1, null],
      ['牵头单位', 2, 1, 1, null],
    ]);
    expect(pos(1)).toEqual([
      ['一、章', 0, 1, 3, null],
      ['甲', 1, 1, 1, null],
      ['区网信办', 2, 1, 2, null],
    ]);
    expect(pos(2)).toEqual([
      ['', 0, 1, 1, { row: 1, col: 0 }],
      ['乙', 1, 1, 1, null],
      ['', 2, 1, 1, { row: 1, col: 2 }],
    ]);
    expect(pos(3)?.[0]).toEqual(['', 0, 1, 1, { row: 1, col: 0 }]);
    expect(pos(4)).toEqual([
      ['丁', 1, 1, 1, null],
      ['区民政局', 2, 1, 1, null],
    ]);
  });

  it('reads merges written by the docx package (rowSpan / columnSpan) and multi-paragraph cells', async () => {
    const doc = new Document({
      sections: [
        {
          children: [
            new Paragraph('标题'),
            new Table({
              rows: [
                new TableRow({
                  children: [
                    new TableCell({ children: [new Paragraph('A')], columnSpan: 2 }),
                    new TableCell({ children: [new Paragraph('B')] }),
                  ],
                }),
                new TableRow({
                  children: [
                    new TableCell({ children: [new Paragraph('C')], rowSpan: 2 }),
                    new TableCell({
                      children: [
                        new Paragraph({ children: [new TextRun('D1')] }),
                        new Paragraph(''),
                        new Paragraph('D2'),
                      ],
                    }),
                    new TableCell({ children: [new Paragraph('E')] }),
                  ],
                }),
                new TableRow({
                  children: [
                    new TableCell({ children: [new Paragraph('F')] }),
                    new TableCell({ children: [new Paragraph('G')] }),
                  ],
                }),
              ],
            }),
          ],
        },
      ],
    });
    const blocks = readDocx(new Uint8Array(await Packer.toBuffer(doc)));
    expect(blocks[0]).toEqual({ type: 'p', text: '标题' });
    const t = blocks[1] as TableBlock;
    expect(
      t.rows.map((r) =>
        r.map((c) => (c.mergedFrom ? `^${c.mergedFrom.row},${c.mergedFrom.col}` : `${c.text}@${c.col}`)),
      ),
    ).toEqual([
      ['A@0', 'B@2'],
      ['C@0', 'D1\nD2@1', 'E@2'],
      ['^1,0', 'F@1', 'G@2'],
    ]);
    expect(t.rows[1]?.[0]?.rowSpan).toBe(2);
  });
});

describe('readDocx: hostile or broken files', () => {
  it('rejects a DOCTYPE with an external entity (XXE)', () => {
    const e = errorOf(() =>
      readDocx(rawDocx(p('&xxe;'), '<!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>')),
    );
    expect(e.code).toBe('XML_ENTITY');
    expect(e.message).toMatch(/实体/);
  });

  it('rejects an entry whose declared size is over the cap (zip bomb) before inflating it', () => {
    const e = errorOf(() => readDocx(declareSize(rawDocx(p('x')), 3_000_000_000)));
    expect(e.code).toBe('ZIP_BOMB');
    expect(e.message).toContain('文件解压后过大');
  });

  it('rejects many entries whose sizes add up over the total cap', () => {
    const files: Record<string, Uint8Array> = {};
    for (let i = 0; i < 5; i++) files[`word/media/${i}.bin`] = new Uint8Array(1000);
    files['word/document.xml'] = strToU8(`<w:document ${W}><w:body>${p('x')}</w:body></w:document>`);
    const limits = { maxFileBytes: 1e6, maxEntryBytes: 2000, maxTotalBytes: 4000, maxEntries: 100 };
    expect(errorOf(() => readDocx(zipSync(files), { limits })).code).toBe('ZIP_BOMB');
  });

  it('does not grow past a declared size that lies (truncates, then reports a broken file)', () => {
    const big = `<w:document ${W}><w:body>${p('x'.repeat(2_000_000))}</w:body></w:document>`;
    const zip = declareSize(zipSync({ 'word/document.xml': strToU8(big) }), 100);
    const e = errorOf(() => readDocx(zip));
    expect(['CORRUPT']).toContain(e.code);
  });

  it.each([
    ['not a zip', new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8])],
    ['a zip without word/document.xml', zipSync({ 'a.txt': strToU8('x') })],
  ])('reports %s as a broken Word file', (_name, bytes) => {
    const e = errorOf(() => readDocx(bytes));
    expect(e.code).toBe('CORRUPT');
    expect(e.message).toMatch(/损坏|不是 Word/);
  });
});
