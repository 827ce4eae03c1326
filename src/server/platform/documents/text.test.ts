import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { buildPdf } from '../../../../test/pdf';
import { parseNotice } from '../../../domain/tasks/notice';
import { AppError } from '../errors';
import { readDocx } from './docx';
import { convertToDocx, libreOfficeBinary } from './libreoffice';
import { uploadToText } from './text';

// Reading runs in an upload worker (platform/upload): its first start on a loaded machine takes seconds.
vi.setConfig({ testTimeout: 30_000 });

// An OLE compound-file header, as .doc and .wps files start.
const OLE = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Array(504).fill(0)]);

describe('uploadToText', () => {
  it('reads UTF-8 and GB18030 text', async () => {
    expect(
      await uploadToText({ name: 'a.txt', bytes: new TextEncoder().encode('组  长：曾伟\n') }),
    ).toContain('组  长：曾伟');
    // "领导小组" in GB18030
    const gb = new Uint8Array([0xc1, 0xec, 0xb5, 0xbc, 0xd0, 0xa1, 0xd7, 0xe9, 0x0a]);
    expect(await uploadToText({ name: 'b.txt', bytes: gb })).toContain('领导小组');
  });

  it('.doc/.wps: converts through LibreOffice when installed, otherwise says how to proceed', async () => {
    const lo = await libreOfficeBinary();
    // (CI installs it, .ci/run: the conversion itself must run there)
    if (process.env.CI) expect(lo).not.toBeNull();
    const attempt = uploadToText({ name: '通知.wps', bytes: OLE });
    if (lo) {
      // A header without a document body: LibreOffice cannot convert it, and the message says so.
      await expect(attempt).rejects.toThrow(/无法转换|损坏/);
    } else {
      await expect(attempt).rejects.toThrow('LibreOffice');
    }
    await expect(attempt).rejects.toBeInstanceOf(AppError);
  });

  it('reads a real .doc (seed 004 saved as Word 97-2003) through LibreOffice: its table, every task and unit', async () => {
    const bytes = new Uint8Array(readFileSync('test/fixtures/word/seed-004.doc'));
    if (!(await libreOfficeBinary())) {
      // Without LibreOffice (a developer's machine): the Chinese message says how to proceed.
      await expect(uploadToText({ name: '通知.doc', bytes })).rejects.toThrow('LibreOffice');
      return;
    }
    const plan = parseNotice({ blocks: readDocx(await convertToDocx(bytes, 'doc')) });
    expect(plan.tasks).toHaveLength(55);
    expect(plan.tasks[0]?.leadUnits).toEqual(['县司法局', '县政务服务中心']);
    expect(plan.tasks.every((t) => t.leadUnits.length + t.responsibleUnits.length > 0)).toBe(true);
    expect(plan.warnings.filter((w) => w.message.includes('合并单元格'))).toEqual([]);
    expect(await uploadToText({ name: '通知.doc', bytes })).toContain('县政府各部门');
  }, 120_000);

  it('refuses a scanned PDF and an image with Chinese messages', async () => {
    await expect(uploadToText({ name: 'x.pdf', bytes: buildPdf([[]]) })).rejects.toThrow(/PDF.*OCR/);
    await expect(
      uploadToText({ name: 'x.docx', bytes: new Uint8Array([0x89, 0x50, 0x4e, 0x47, 1, 2, 3, 4]) }),
    ).rejects.toBeInstanceOf(AppError);
  }, 30_000);
});
