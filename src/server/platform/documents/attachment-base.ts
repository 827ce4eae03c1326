import { XMLValidator } from 'fast-xml-parser';
import { Unzip, UnzipInflate } from 'fflate';

export interface AttachmentPart {
  /** Label shown to people, e.g. "附件 名单.xlsx › 工作表 Sheet2（隐藏）". */
  source: string;
  text: string;
  /** Stable key of the part inside the file: zip entry name (docx), sheet name (xlsx), "page:N" (pdf), "text". */
  key: string;
  /** PDF: the page's text that an opaque box drawn after it hides (a failed redaction; pdf-covered.ts). */
  covered?: string;
}
export type ExtractResult = { parts: AttachmentPart[] } | { error: string };

export interface ExtractLimits {
  /** Largest decompressed size of one zip entry. */
  maxEntryBytes: number;
  /** Largest decompressed size of all zip entries together (zip-bomb cap). */
  maxTotalBytes: number;
  maxPdfPages: number;
}
export const DEFAULT_EXTRACT_LIMITS: ExtractLimits = {
  maxEntryBytes: 64 * 1024 * 1024,
  maxTotalBytes: 256 * 1024 * 1024,
  maxPdfPages: 2000,
};

export class AttachmentError extends Error {}
export const fail = (why: string): never => {
  throw new AttachmentError(why);
};

export const extOf = (filename: string) => /\.([A-Za-z0-9]+)$/.exec(filename)?.[1]?.toLowerCase() ?? '';

// ---------- zip with a decompression cap ----------

/**
 * Inflate the entries selected by `want`, counting real output bytes (declared sizes can lie) and aborting as
 * soon as a cap is passed. Entries that are not wanted are still inflated and counted when `countAll` is set,
 * so a bomb hidden in an unread entry is caught before exceljs (which has no cap) sees the file.
 */
export function readZip(
  bytes: Uint8Array,
  want: (name: string) => boolean,
  limits: ExtractLimits,
  countAll = false,
): Map<string, Uint8Array> {
  const out = new Map<string, Uint8Array>();
  let total = 0;
  // fflate catches an error thrown from ondata and hands it back through ondata(err): keep the first reason.
  let abort: AttachmentError | undefined;
  const stop = (why: string): never => {
    abort ??= new AttachmentError(why);
    throw abort;
  };
  const unzip = new Unzip();
  unzip.register(UnzipInflate);
  unzip.onfile = (file) => {
    const keep = want(file.name);
    if (!keep && !countAll) return;
    const chunks: Uint8Array[] = [];
    let size = 0;
    file.ondata = (err, chunk, final) => {
      if (err) stop('压缩包已损坏');
      size += chunk.length;
      total += chunk.length;
      if (size > limits.maxEntryBytes || total > limits.maxTotalBytes) stop('解压后过大（疑似压缩炸弹）');
      if (keep) chunks.push(chunk);
      if (final && keep) {
        const buf = new Uint8Array(size);
        let at = 0;
        for (const c of chunks) {
          buf.set(c, at);
          at += c.length;
        }
        out.set(file.name, buf);
      }
    };
    file.start();
  };
  try {
    // Small input chunks bound what one inflate step can produce (deflate expands at most ~1032:1),
    // so the cap is enforced before a bomb fills memory.
    const step = 16 * 1024;
    for (let at = 0; at < bytes.length || at === 0; at += step) {
      unzip.push(bytes.subarray(at, at + step), at + step >= bytes.length);
    }
  } catch (e) {
    if (abort) throw abort;
    if (e instanceof AttachmentError) throw e;
    fail('不是有效的压缩包');
  }
  if (abort) throw abort;
  return out;
}

export const utf8 = new TextDecoder('utf-8');

/** Decode an OOXML part, refusing DTDs (entity expansion, external entities) and malformed XML. */
export function safeXml(bytes: Uint8Array, name: string): string {
  const xml = utf8.decode(bytes);
  if (/<!DOCTYPE|<!ENTITY/i.test(xml)) fail(`${name} 含 DOCTYPE，已拒绝`);
  if (XMLValidator.validate(xml) !== true) fail(`${name} 不是有效的 XML`);
  return xml;
}
