// One entry point for every notice file: detect by content, read into blocks, or a DocumentError with a
// Chinese message. Converting .doc/.wps through LibreOffice is I/O and lives elsewhere (the caller converts
// and calls again with the .docx bytes).

import type { DocBlock } from '../../../domain/tasks/blocks';
import { textToBlocks } from '../../../domain/tasks/blocks';
import { cleanPageText } from '../../../domain/tasks/page-text';
import { detectFileKind } from './detect';
import { readDocx } from './docx';
import { documentError } from './errors';
import { readHtmlTables } from './html';
import { readOfdBlocks } from './ofd';
import { readPdfBlocks } from './pdf';
import { readXlsx } from './xlsx';
import { DEFAULT_ZIP_LIMITS, type ZipLimits } from './zip';

export interface ReadOptions {
  limits?: ZipLimits;
  /** Largest text/HTML file in bytes. */
  maxTextBytes?: number;
}

export async function readDocument(
  bytes: Uint8Array,
  filename = '',
  opts: ReadOptions = {},
): Promise<DocBlock[]> {
  const limits = opts.limits ?? DEFAULT_ZIP_LIMITS;
  if (bytes.length > limits.maxFileBytes) throw documentError('TOO_LARGE');
  const detected = detectFileKind(bytes, filename);
  let blocks: DocBlock[];
  switch (detected.kind) {
    case 'empty':
      throw documentError('EMPTY');
    case 'pdf':
      blocks = await readPdfBlocks(bytes);
      break;
    case 'image':
      throw documentError('IMAGE');
    case 'ole':
      throw documentError('NEEDS_LIBREOFFICE');
    case 'zip':
      throw documentError('UNSUPPORTED', '压缩包中不是 Word 或 Excel 文档');
    case 'garbled':
      throw documentError('GARBLED');
    case 'docx':
      blocks = readDocx(bytes, { limits });
      break;
    case 'xlsx':
      blocks = await readXlsx(bytes, { limits });
      break;
    case 'ofd':
      blocks = readOfdBlocks(bytes, limits);
      break;
    case 'html':
      if (bytes.length > (opts.maxTextBytes ?? 20 * 1024 * 1024)) throw documentError('TOO_LARGE');
      blocks = readHtmlTables(detected.text ?? '');
      break;
    case 'text':
      if (bytes.length > (opts.maxTextBytes ?? 20 * 1024 * 1024)) throw documentError('TOO_LARGE');
      blocks = textToBlocks(cleanPageText(detected.text ?? ''));
      break;
  }
  if (
    !blocks.some((b) =>
      b.type === 'p' ? b.text.trim() !== '' : b.rows.some((r) => r.some((c) => c.text.trim() !== '')),
    )
  ) {
    throw documentError('EMPTY');
  }
  return blocks;
}
