// What a file really is, by its content (the name is only a hint): Office packages, OFD, old OLE files
// (.doc/.wps/.xls/.et), PDF, images, HTML, and text in UTF-8, UTF-16 or GB18030.

import { isZip, zipEntryNames } from './zip';

export type FileKind =
  | 'docx'
  | 'ofd'
  | 'xlsx'
  | 'zip'
  | 'ole'
  | 'pdf'
  | 'image'
  | 'html'
  | 'text'
  | 'empty'
  | 'garbled';

export interface DetectedFile {
  kind: FileKind;
  /** Decoded text for 'html' and 'text'. */
  text?: string;
  /** The decoding used for text: 'utf-8', 'utf-16le', 'utf-16be' or 'gb18030'. */
  encoding?: string;
}

function startsWith(bytes: Uint8Array, sig: number[], at = 0): boolean {
  return sig.every((b, i) => bytes[at + i] === b);
}

export function isImage(bytes: Uint8Array): boolean {
  return (
    startsWith(bytes, [0x89, 0x50, 0x4e, 0x47]) || // PNG
    startsWith(bytes, [0xff, 0xd8, 0xff]) || // JPEG
    startsWith(bytes, [0x47, 0x49, 0x46, 0x38]) || // GIF
    startsWith(bytes, [0x42, 0x4d]) || // BMP
    startsWith(bytes, [0x49, 0x49, 0x2a, 0x00]) || // TIFF
    startsWith(bytes, [0x4d, 0x4d, 0x00, 0x2a]) ||
    (startsWith(bytes, [0x52, 0x49, 0x46, 0x46]) && startsWith(bytes, [0x57, 0x45, 0x42, 0x50], 8)) // WEBP
  );
}

/** Text decoding: BOMs first, then strict UTF-8, then GB18030 (what Chinese Windows tools write). */
export function decodeText(bytes: Uint8Array): { text: string; encoding: string } {
  if (startsWith(bytes, [0xef, 0xbb, 0xbf]))
    return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8' };
  if (startsWith(bytes, [0xff, 0xfe]))
    return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  if (startsWith(bytes, [0xfe, 0xff]))
    return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: new TextDecoder('gb18030').decode(bytes), encoding: 'gb18030' };
  }
}

/** Share of characters that no text file has: NUL and other controls, and undecodable bytes. */
export function garbledRatio(text: string): number {
  if (text.length === 0) return 0;
  let bad = 0;
  const sample = text.length > 200_000 ? text.slice(0, 200_000) : text;
  for (const ch of sample) {
    const c = ch.codePointAt(0) ?? 0;
    if (
      c === 0xfffd ||
      (c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d && c !== 0x0c) ||
      (c >= 0x7f && c < 0xa0)
    )
      bad++;
  }
  return bad / sample.length;
}

export function detectFileKind(bytes: Uint8Array, filename = ''): DetectedFile {
  if (bytes.length === 0) return { kind: 'empty' };
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46])) return { kind: 'pdf' };
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return { kind: 'ole' };
  if (isImage(bytes)) return { kind: 'image' };
  if (isZip(bytes)) {
    let names: string[];
    try {
      names = zipEntryNames(bytes);
    } catch {
      // Size limits or a broken archive: let the reader report it precisely.
      return { kind: /\.xlsx$/i.test(filename) ? 'xlsx' : /\.docx$/i.test(filename) ? 'docx' : 'zip' };
    }
    if (names.includes('word/document.xml')) return { kind: 'docx' };
    if (names.includes('xl/workbook.xml')) return { kind: 'xlsx' };
    if (names.some((n) => n.replace(/^\//, '') === 'OFD.xml')) return { kind: 'ofd' };
    return { kind: 'zip' };
  }
  const { text, encoding } = decodeText(bytes);
  if (text.trim() === '') return { kind: 'empty' };
  if (garbledRatio(text) > 0.02) return { kind: 'garbled' };
  const head = text.slice(0, 4096).trimStart().toLowerCase();
  if (
    /^(<!doctype html|<html|<\?xml[^>]*>\s*<html)/.test(head) ||
    (/\.html?$/i.test(filename) && /<(table|body|div|p)\b/.test(head))
  ) {
    return { kind: 'html', text, encoding };
  }
  return { kind: 'text', text, encoding };
}
