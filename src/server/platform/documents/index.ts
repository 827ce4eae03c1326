// Document readers (pure: bytes in, blocks out). The block types are defined in domain/tasks/blocks so that
// domain code never imports from server/.
export type { Cell, DocBlock, ParagraphBlock, TableBlock } from '../../../domain/tasks/blocks';
export { blocksToText, tableGrid, textToBlocks } from '../../../domain/tasks/blocks';
export { type DetectedFile, decodeText, detectFileKind, type FileKind } from './detect';
export { readDocx } from './docx';
export { DOCUMENT_ERROR_MESSAGES, DocumentError, type DocumentErrorCode, documentError } from './errors';
export { readHtmlTables } from './html';
export { type ReadOptions, readDocument } from './read';
export { readXlsx } from './xlsx';
export { DEFAULT_ZIP_LIMITS, safeUnzip, type ZipLimits } from './zip';
