// Uploaded documents for the importers: content detection and reading (./read), .doc/.wps through LibreOffice,
// and DocumentError turned into the API's Chinese VALIDATION error.
import fs from 'node:fs/promises';
import path from 'node:path';
import { blocksToText, type DocBlock, textToBlocks } from '../../../domain/tasks/blocks';
import { cleanPageText } from '../../../domain/tasks/page-text';
import { AppError } from '../errors';
import type { Upload } from '../http/upload';
import { parseUpload } from '../upload/gateway';
import { detectFileKind } from './detect';
import { DocumentError } from './errors';
import { convertToDocx } from './libreoffice';

export async function uploadToBlocks(upload: Upload): Promise<DocBlock[]> {
  try {
    let bytes = upload.bytes;
    let name = upload.name;
    if (detectFileKind(bytes, name).kind === 'ole') {
      bytes = await convertToDocx(bytes, path.extname(name).toLowerCase() === '.wps' ? 'wps' : 'doc');
      name = `${path.basename(name, path.extname(name))}.docx`;
    }
    // Parsed in an upload worker (platform/upload): inflated with caps, heap and time limits.
    return await parseUpload<DocBlock[]>('document', { name, bytes });
  } catch (e) {
    if (e instanceof DocumentError) throw new AppError('VALIDATION', e.message);
    throw e;
  }
}

/** Text pasted from a browser (a notice page, a copied table): chrome dropped, tables rebuilt. */
export function pastedToBlocks(text: string): DocBlock[] {
  if (text.trim() === '') throw new AppError('VALIDATION', '没有粘贴任何文字');
  return textToBlocks(cleanPageText(text));
}

export async function uploadToText(upload: Upload): Promise<string> {
  return blocksToText(await uploadToBlocks(upload));
}

async function readFileUpload(file: string): Promise<Upload> {
  try {
    return { name: path.basename(file), bytes: new Uint8Array(await fs.readFile(file)) };
  } catch {
    throw new Error(`无法读取文件：${file}`);
  }
}

/** For the CLI: AppError becomes a plain Error with the Chinese message. */
export async function fileToText(file: string): Promise<string> {
  try {
    return await uploadToText(await readFileUpload(file));
  } catch (e) {
    if (e instanceof AppError) throw new Error(e.message);
    throw e;
  }
}

export async function fileToBlocks(file: string): Promise<DocBlock[]> {
  try {
    return await uploadToBlocks(await readFileUpload(file));
  } catch (e) {
    if (e instanceof AppError) throw new Error(e.message);
    throw e;
  }
}
