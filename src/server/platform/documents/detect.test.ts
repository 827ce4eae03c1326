import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { decodeText, detectFileKind, type FileKind } from './detect';

// "政务公开" in GB18030 (what Chinese Windows editors write as "ANSI").
const GB = new Uint8Array([0xd5, 0xfe, 0xce, 0xf1, 0xb9, 0xab, 0xbf, 0xaa]);

describe('detectFileKind', () => {
  it.each<[string, Uint8Array, string, FileKind]>([
    ['empty', new Uint8Array(), 'a.docx', 'empty'],
    ['blank text', strToU8('  \n '), 'a.txt', 'empty'],
    ['PDF', strToU8('%PDF-1.7\n...'), 'a.docx', 'pdf'],
    ['PNG', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a]), 'scan.png', 'image'],
    ['JPEG', new Uint8Array([0xff, 0xd8, 0xff, 0xe0]), 'scan.jpg', 'image'],
    ['OLE (.doc/.wps)', new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0]), 'a.wps', 'ole'],
    ['docx by content', zipSync({ 'word/document.xml': strToU8('<x/>') }), 'renamed.bin', 'docx'],
    ['xlsx by content', zipSync({ 'xl/workbook.xml': strToU8('<x/>') }), 'a.docx', 'xlsx'],
    ['other zip', zipSync({ 'a.txt': strToU8('x') }), 'a.zip', 'zip'],
    ['html', strToU8('<!DOCTYPE html><html><body><table></table></body></html>'), 'a.txt', 'html'],
    ['UTF-8 text', strToU8('工作任务\t牵头单位'), 'a.txt', 'text'],
    ['GB18030 text', GB, 'a.txt', 'text'],
    [
      'binary garbage',
      new Uint8Array(Array.from({ length: 400 }, (_, i) => (i * 37) % 32)),
      'a.txt',
      'garbled',
    ],
  ])('%s', (_name, bytes, filename, kind) => {
    expect(detectFileKind(bytes, filename).kind).toBe(kind);
  });
});

describe('decodeText', () => {
  it.each<[string, Uint8Array, string, string]>([
    ['GB18030', GB, '政务公开', 'gb18030'],
    ['UTF-8 with BOM', new Uint8Array([0xef, 0xbb, 0xbf, ...strToU8('公开')]), '公开', 'utf-8'],
    ['UTF-16LE with BOM', new Uint8Array([0xff, 0xfe, 0x6c, 0x51, 0x00, 0x5f]), '公开', 'utf-16le'],
  ])('%s', (_name, bytes, text, encoding) => {
    expect(decodeText(bytes)).toEqual({ text, encoding });
  });
});
