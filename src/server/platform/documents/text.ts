// Turns an uploaded document into plain text lines for the text-based readers (leading-group notice, …).
import fs from 'node:fs/promises';
import path from 'node:path';
import { AppError } from '../errors';
import type { Upload } from '../http/upload';
import { convertToDocx } from './libreoffice';

export function decodeText(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    // Files saved by Chinese Windows tools are often GB18030 (a superset of GBK).
    return new TextDecoder('gb18030').decode(bytes);
  }
}

async function docxToText(bytes: Uint8Array): Promise<string> {
  const { readDocx } = await import('./docx');
  const { blocksToText } = await import('./blocks');
  return blocksToText(readDocx(bytes));
}

export async function uploadToText(upload: Upload): Promise<string> {
  const ext = path.extname(upload.name).toLowerCase().slice(1);
  const b = upload.bytes;
  const isZip = b[0] === 0x50 && b[1] === 0x4b;
  const isOle = b[0] === 0xd0 && b[1] === 0xcf && b[2] === 0x11 && b[3] === 0xe0;
  const isPdf = b[0] === 0x25 && b[1] === 0x50 && b[2] === 0x44 && b[3] === 0x46;
  if (isPdf) throw new AppError('VALIDATION', '暂不能读取 PDF：请上传 Word（.docx/.doc）、WPS 或文本文件');
  if (isZip) {
    if (ext !== 'docx' && ext !== 'wps' && ext !== '') throw new AppError('VALIDATION', `文件内容是压缩包格式，但扩展名为 .${ext}：请上传 .docx 文件`);
    return docxToText(b);
  }
  if (isOle) return docxToText(await convertToDocx(b, ext === 'wps' ? 'wps' : 'doc'));
  if (ext === 'docx' || ext === 'doc' || ext === 'wps' || ext === 'xlsx') {
    throw new AppError('VALIDATION', `文件扩展名为 .${ext}，但内容不是该格式：文件可能已损坏`);
  }
  const text = decodeText(b);
  if (/[\u0000-\u0008\u000e-\u001f]/.test(text.slice(0, 2000))) throw new AppError('VALIDATION', '无法识别的文件格式：请上传 .txt、.docx、.doc 或 .wps 文件');
  return text;
}

export async function fileToText(file: string): Promise<string> {
  let bytes: Buffer;
  try {
    bytes = await fs.readFile(file);
  } catch {
    throw new Error(`无法读取文件：${file}`);
  }
  try {
    return await uploadToText({ name: path.basename(file), bytes: new Uint8Array(bytes) });
  } catch (e) {
    if (e instanceof AppError) throw new Error(e.message);
    throw e;
  }
}
