import { describe, expect, it, vi } from 'vitest';
import { buildPdf } from '../../../../test/pdf';
import { AppError } from '../errors';
import { libreOfficeBinary } from './libreoffice';
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
    const attempt = uploadToText({ name: '通知.wps', bytes: OLE });
    if (lo) {
      // A header without a document body: LibreOffice cannot convert it, and the message says so.
      await expect(attempt).rejects.toThrow(/无法转换|损坏/);
    } else {
      await expect(attempt).rejects.toThrow('LibreOffice');
    }
    await expect(attempt).rejects.toBeInstanceOf(AppError);
  });

  it('refuses a scanned PDF and an image with Chinese messages', async () => {
    await expect(uploadToText({ name: 'x.pdf', bytes: buildPdf([[]]) })).rejects.toThrow(/PDF.*OCR/);
    await expect(
      uploadToText({ name: 'x.docx', bytes: new Uint8Array([0x89, 0x50, 0x4e, 0x47, 1, 2, 3, 4]) }),
    ).rejects.toBeInstanceOf(AppError);
  }, 30_000);
});
