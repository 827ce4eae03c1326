import { strToU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { buildPdf } from '../../../../test/pdf';
import { parseNotice } from '../../../domain/tasks/notice';
import { DocumentError, type DocumentErrorCode } from './errors';
import { readDocument } from './read';

async function codeOf(bytes: Uint8Array, name: string): Promise<[DocumentErrorCode, string]> {
  const e = await readDocument(bytes, name).catch((x: unknown) => x);
  if (!(e instanceof DocumentError)) throw new Error('expected a DocumentError');
  return [e.code, e.message];
}

describe('readDocument: clear Chinese messages for what cannot be read', () => {
  it.each<[string, Uint8Array, string, DocumentErrorCode, RegExp]>([
    ['a broken PDF', strToU8('%PDF-1.4 broken'), 'notice.pdf', 'CORRUPT', /损坏/],
    ['a scanned PDF (no text layer)', buildPdf([[]]), 'notice.pdf', 'PDF_SCANNED', /OCR/],
    ['an image', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0]), 'notice.png', 'IMAGE', /图片/],
    ['an empty file', new Uint8Array(), 'notice.docx', 'EMPTY', /为空/],
    [
      'a garbled file',
      new Uint8Array(Array.from({ length: 300 }, (_, i) => (i * 7) % 31)),
      'notice.txt',
      'GARBLED',
      /无法识别/,
    ],
    [
      'a .doc / .wps file',
      new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
      'notice.wps',
      'NEEDS_LIBREOFFICE',
      /LibreOffice/,
    ],
  ])('%s', async (_name, bytes, filename, code, message) => {
    const [c, m] = await codeOf(bytes, filename);
    expect(c).toBe(code);
    expect(m).toMatch(message);
  });

  it('refuses a file over the size limit without reading it', async () => {
    const e = await readDocument(new Uint8Array(2048), 'a.txt', {
      limits: { maxFileBytes: 1024, maxEntryBytes: 1024, maxTotalBytes: 1024, maxEntries: 10 },
    }).catch((x: unknown) => x);
    expect((e as DocumentError).code).toBe('TOO_LARGE');
  });
});

describe('readDocument: text copied from a web page', () => {
  it('reads a pipe table between navigation lines', async () => {
    const text = [
      '您当前的位置: 首页 > 政务公开 > 通知公告',
      '关于印发2022年政务公开工作要点任务分工的通知',
      '发布日期: 2022-03-01   浏览次数: 120',
      '| 序号 | 工作任务 | 牵头单位 | 责任单位 | 完成时限 |',
      '|---|---|---|---|---|',
      '| 1 | 公开预算信息。 | 区财政局 | 区级各部门 | 6月底前 |',
      '| 2 | 每季度公开债务信息。 | 区财政局 | | 长期坚持 |',
      '扫一扫在手机打开当前页',
    ].join('\n');
    const plan = parseNotice({ blocks: await readDocument(strToU8(text), 'copy.txt') });
    expect(plan.date).toBe('2022-03-01');
    expect(
      plan.tasks.map((t) => [t.text, t.leadUnits, t.responsibleUnits, t.deadlines.map((d) => d.kind)]),
    ).toEqual([
      ['公开预算信息。', ['区财政局'], ['区级各部门'], ['date']],
      ['每季度公开债务信息。', ['区财政局'], ['区级各部门'], ['continuous', 'recurring']],
    ]);
  });
});

describe('readDocument: a page saved from a government site', () => {
  const page = `<!DOCTYPE html><html><head><meta charset="utf-8"><title>通知_某区人民政府</title></head><body>
<div><a href="/">首页</a> | <a>政务公开</a> | <a>政策文件</a></div>
<table><tr><td>索引号：</td><td>000014349/2024-00056</td><td>发布机构：</td><td>某区政府办公室</td></tr>
<tr><td>成文日期：</td><td>2024-03-15</td><td>发文字号：</td><td>某政办发〔2024〕5号</td></tr></table>
<h1>某区人民政府办公室关于印发2024年政务公开工作任务分工的通知</h1>
<p>各街道办事处，区政府各委、办、局：</p><p>现将《2024年政务公开工作任务分工》印发给你们，请认真贯彻执行。</p>
<table border="1">
<tr><td>序号</td><td colspan="2">工作任务</td><td>牵头单位</td><td>责任单位</td><td>完成时限</td></tr>
<tr><td colspan="6">一、加强政策发布</td></tr>
<tr><td>1</td><td rowspan="2">稳经济政策</td><td>及时发布稳经济一揽子政策措施。</td><td>区发展改革委</td><td rowspan="2">区政府各部门</td><td>持续推进</td></tr>
<tr><td>2</td><td>围绕市场主体关切开展政策解读。</td><td>区政府办公室</td><td>6月底前</td></tr>
<tr><td colspan="6">二、加强平台建设</td></tr>
<tr><td>3</td><td colspan="2">规范政务新媒体管理，开展常态化检查。</td><td>区委网信办</td><td>各街道办事处</td><td>每季度</td></tr>
</table><div>扫一扫在手机打开当前页</div></body></html>`;

  it('reads the title block around a 索引号 table and a task cell spanning the section column', async () => {
    const plan = parseNotice({ blocks: await readDocument(strToU8(page), 'page.html') });
    expect([plan.title, plan.docNumber, plan.date, plan.year]).toEqual([
      '某区人民政府办公室关于印发2024年政务公开工作任务分工的通知',
      '某政办发〔2024〕5号',
      '2024-03-15',
      2024,
    ]);
    expect(plan.tasks.map((t) => [t.section, t.leadUnits, t.responsibleUnits, t.deadlines[0]?.raw])).toEqual([
      [['一、加强政策发布', '稳经济政策'], ['区发展改革委'], ['区政府各部门'], '持续推进'],
      [['一、加强政策发布', '稳经济政策'], ['区政府办公室'], ['区政府各部门'], '6月底前'],
      [['二、加强平台建设'], ['区委网信办'], ['各街道办事处'], '每季度'],
    ]);
  });
});
