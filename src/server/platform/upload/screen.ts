// The gateway's first look, on the main thread and cheap (nothing is inflated): what the file really is by its
// bytes, whether its name agrees, executables, macro-enabled Office files, polyglots (one file that is valid as two
// types), and a zip package's central directory — entry count, declared sizes and ratios, names that would escape
// a directory (zip slip), symlinks, encryption.
import { imageSize } from './image-size';
import { refuse, type UploadLimits } from './limits';

export type ScreenedKind = 'docx' | 'xlsx' | 'zip' | 'ole' | 'pdf' | 'png' | 'jpeg' | 'gif' | 'text';

export interface ZipEntry {
  name: string;
  compressedSize: number;
  size: number;
}

export interface Screened {
  kind: ScreenedKind;
  /** Central directory of a zip package (kinds docx, xlsx, zip). */
  entries?: ZipEntry[];
}

const has = (b: Uint8Array, sig: number[], at = 0) => sig.every((x, i) => b[at + i] === x);
const u16 = (b: Uint8Array, at: number) => (b[at] ?? 0) | ((b[at + 1] ?? 0) << 8);
const u32 = (b: Uint8Array, at: number) => (u16(b, at) | (u16(b, at + 2) << 16)) >>> 0;

const EXT_KINDS: Record<string, ScreenedKind[]> = {
  docx: ['docx'],
  xlsx: ['xlsx'],
  zip: ['zip', 'docx', 'xlsx'],
  doc: ['ole'],
  wps: ['ole'],
  xls: ['ole'],
  et: ['ole'],
  pdf: ['pdf'],
  // (an OFD is a zip of XML pages: documents/ofd.ts)
  ofd: ['zip'],
  png: ['png'],
  jpg: ['jpeg'],
  jpeg: ['jpeg'],
  gif: ['gif'],
  txt: ['text'],
  html: ['text'],
  htm: ['text'],
  csv: ['text'],
};
const MACRO_EXT = /\.(docm|dotm|xlsm|xltm|xlam|xlsb|pptm|potm|ppam|ppsm|sldm)$/i;
const EXEC_EXT = /\.(exe|dll|scr|bat|cmd|com|msi|ps1|vbs|vbe|js|jse|wsf|wsh|hta|jar|sh|lnk|cpl|reg)$/i;
const MARKUP = /<(script|html|svg|iframe|object|embed)\b|<\?php|<!doctype\s+html/i;

const utf16 = (s: string) => [...s].flatMap((ch) => [ch.charCodeAt(0), 0]);
// Word (Macros/VBA) and Excel (_VBA_PROJECT_CUR) keep their macros under a _VBA_PROJECT stream.
const VBA_MARK = utf16('_VBA_PROJECT');

function indexOf(b: Uint8Array, sig: number[], from = 0, to = b.length): number {
  outer: for (let i = from; i <= to - sig.length; i++) {
    for (let j = 0; j < sig.length; j++) if (b[i + j] !== sig[j]) continue outer;
    return i;
  }
  return -1;
}

function lastIndexOf(b: Uint8Array, sig: number[], from: number): number {
  for (let i = b.length - sig.length; i >= from; i--) if (has(b, sig, i)) return i;
  return -1;
}

const EOCD = [0x50, 0x4b, 0x05, 0x06];

function sniff(b: Uint8Array): ScreenedKind | 'exec' | null {
  if (has(b, [0x4d, 0x5a]) || has(b, [0x7f, 0x45, 0x4c, 0x46]) || has(b, [0x23, 0x21])) return 'exec';
  if (
    [
      [0xfe, 0xed, 0xfa],
      [0xce, 0xfa, 0xed],
      [0xcf, 0xfa, 0xed],
      [0xca, 0xfe, 0xba, 0xbe],
    ].some((s) => has(b, s))
  )
    return 'exec';
  if (has(b, [0x25, 0x50, 0x44, 0x46, 0x2d])) return 'pdf';
  if (has(b, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  if (has(b, [0xff, 0xd8, 0xff])) return 'jpeg';
  if (has(b, [0x47, 0x49, 0x46, 0x38])) return 'gif';
  if (has(b, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return 'ole';
  if (has(b, [0x50, 0x4b, 0x03, 0x04]) || has(b, EOCD)) return 'zip';
  // Text: no control bytes but tab/CR/LF/FF in the first 8 KB (UTF-8, UTF-16 with BOM and GB18030 all pass).
  if (has(b, [0xff, 0xfe]) || has(b, [0xfe, 0xff])) return 'text';
  const head = b.subarray(0, 8192);
  for (const x of head)
    if (x < 0x20 && x !== 9 && x !== 10 && x !== 13 && x !== 12 && x !== 0x1b) return null;
  return 'text';
}

/** Central directory of a zip, with every structural check; throws a refusal. */
export function readCentralDirectory(b: Uint8Array, limits: UploadLimits): ZipEntry[] {
  const eocd = lastIndexOf(b, EOCD, Math.max(0, b.length - 65_557));
  if (eocd < 0) throw refuse('压缩包结构不完整（缺少目录），文件已损坏或被截断');
  const count = u16(b, eocd + 10);
  const cdSize = u32(b, eocd + 12);
  const cdOffset = u32(b, eocd + 16);
  const commentLen = u16(b, eocd + 20);
  if (count === 0xffff || cdOffset === 0xffffffff) throw refuse('不接受 ZIP64 格式的压缩包');
  if (eocd + 22 + commentLen !== b.length)
    throw refuse('文件末尾附加了其他数据（可能是伪装成文档的多重格式文件），已拒绝');
  if (count > limits.maxEntries) throw refuse(`压缩包内文件过多（${count} 个，上限 ${limits.maxEntries}）`);
  if (cdOffset + cdSize > eocd) throw refuse('压缩包目录位置无效，文件已损坏');
  const entries: ZipEntry[] = [];
  let at = cdOffset;
  let total = 0;
  let firstLocal = Number.POSITIVE_INFINITY;
  for (let i = 0; i < count; i++) {
    if (u32(b, at) !== 0x02014b50) throw refuse('压缩包目录已损坏');
    const madeBy = u16(b, at + 4);
    const flags = u16(b, at + 8);
    const method = u16(b, at + 10);
    const compressedSize = u32(b, at + 20);
    const size = u32(b, at + 24);
    const nameLen = u16(b, at + 28);
    const extraLen = u16(b, at + 30);
    const commentLength = u16(b, at + 32);
    const external = u32(b, at + 38);
    const local = u32(b, at + 42);
    const name = new TextDecoder('utf-8').decode(b.subarray(at + 46, at + 46 + nameLen));
    at += 46 + nameLen + extraLen + commentLength;
    firstLocal = Math.min(firstLocal, local);
    if (flags & 1) throw refuse('不接受加密的压缩包或文档');
    if (method !== 0 && method !== 8) throw refuse(`压缩包使用了不支持的压缩方式（${method}）`);
    // biome-ignore lint/suspicious/noControlCharactersInRegex: a NUL in an entry name hides its real extension
    if (/(^|[/\\])\.\.([/\\]|$)|^[/\\]|\\|^[a-z]:|\u0000/i.test(name))
      throw refuse(`压缩包内含有越界路径「${name.slice(0, 80)}」（zip slip），已拒绝`);
    if (madeBy >> 8 === 3 && ((external >>> 16) & 0o170000) === 0o120000)
      throw refuse(`压缩包内含有符号链接「${name.slice(0, 80)}」，已拒绝`);
    if (/(^|\/)vbaProject\.bin$|(^|\/)vbaData\.xml$/i.test(name) || MACRO_EXT.test(name))
      throw refuse('文件含有宏（VBA），出于安全原因拒绝接收；请另存为不含宏的 .docx/.xlsx 后上传');
    if (EXEC_EXT.test(name)) throw refuse(`压缩包内含有可执行文件「${name.slice(0, 80)}」，已拒绝`);
    if (size > limits.maxEntryBytes)
      throw refuse('文件解压后过大（声明的大小超出上限），疑似压缩炸弹，已拒绝', 'PAYLOAD_TOO_LARGE');
    if (size > 1024 * 1024 && size / Math.max(1, compressedSize) > limits.maxRatio)
      throw refuse('文件压缩比异常（疑似压缩炸弹），已拒绝', 'PAYLOAD_TOO_LARGE');
    total += size;
    if (total > limits.maxTotalBytes)
      throw refuse('文件解压后总大小超出上限，疑似压缩炸弹，已拒绝', 'PAYLOAD_TOO_LARGE');
    entries.push({ name, compressedSize, size });
  }
  if (count > 0 && firstLocal !== 0)
    throw refuse('文件开头附加了其他数据（可能是伪装成文档的多重格式文件），已拒绝');
  return entries;
}

/** 万像素, as the message says it: 40 000 000 → 4000. */
const wan = (pixels: number) => Math.round(pixels / 10_000);

/** The pixel cap: the header's width × height, read without decoding (a decoder would allocate them all). */
function refuseHugeImage(bytes: Uint8Array, kind: 'png' | 'jpeg' | 'gif', limits: UploadLimits): void {
  const size = imageSize(bytes, kind);
  if (!size) return;
  const pixels = size.width * size.height;
  if (pixels > limits.maxPixels)
    throw refuse(
      `图片尺寸过大（${size.width}×${size.height}，约 ${wan(pixels)} 万像素），上限为 ${wan(limits.maxPixels)} 万像素；请缩小后再上传`,
      'PAYLOAD_TOO_LARGE',
    );
}

function trailingAfter(b: Uint8Array, end: number): boolean {
  for (let i = end; i < b.length; i++) if (b[i] !== 0) return true;
  return false;
}

/**
 * Screens an upload: returns its kind (and zip directory) or throws a 4xx refusal with a Chinese message.
 * The extension must agree with the content when it is one we know.
 */
export function screenUpload(bytes: Uint8Array, filename: string, limits: UploadLimits): Screened {
  if (bytes.length === 0) throw refuse('文件为空');
  if (bytes.length > limits.maxFileBytes)
    throw refuse(`文件过大，上限为 ${Math.floor(limits.maxFileBytes / 1048576)} MB`, 'PAYLOAD_TOO_LARGE');
  const ext = /\.([A-Za-z0-9]+)$/.exec(filename)?.[1]?.toLowerCase() ?? '';
  if (MACRO_EXT.test(filename))
    throw refuse('启用宏的 Office 文件（.docm、.xlsm 等）出于安全原因不予接收；请另存为 .docx/.xlsx 后上传');
  if (EXEC_EXT.test(filename)) throw refuse('不接收可执行文件或脚本');
  const sniffed = sniff(bytes);
  if (sniffed === 'exec') throw refuse('文件内容是可执行程序或脚本，已拒绝');
  if (sniffed === null) throw refuse('无法识别的文件类型；请上传 .docx、.xlsx、.pdf、图片或文本文件');
  let kind: ScreenedKind = sniffed;
  let entries: ZipEntry[] | undefined;
  if (kind !== 'text' && MARKUP.test(new TextDecoder('latin1').decode(bytes.subarray(0, 1024))))
    throw refuse('文件中夹带网页或脚本代码（多重格式文件），已拒绝');
  if (kind === 'zip') {
    entries = readCentralDirectory(bytes, limits);
    const names = new Set(entries.map((e) => e.name));
    if (names.has('word/document.xml')) kind = 'docx';
    else if (names.has('xl/workbook.xml')) kind = 'xlsx';
  } else if (kind !== 'text' && lastIndexOf(bytes, EOCD, Math.max(0, bytes.length - 65_557)) >= 0) {
    throw refuse('文件末尾夹带了压缩包（多重格式文件），已拒绝');
  }
  if (kind === 'png') {
    const iend = lastIndexOf(bytes, [0x49, 0x45, 0x4e, 0x44], 8);
    // A truncated image is not a polyglot; data after its end is.
    if (iend >= 0 && trailingAfter(bytes, iend + 8)) throw refuse('图片末尾附加了其他数据，已拒绝');
  }
  if (kind === 'jpeg') {
    const eoi = lastIndexOf(bytes, [0xff, 0xd9], 2);
    if (eoi >= 0 && trailingAfter(bytes, eoi + 2)) throw refuse('图片末尾附加了其他数据，已拒绝');
  }
  if (kind === 'png' || kind === 'jpeg' || kind === 'gif') refuseHugeImage(bytes, kind, limits);
  if (kind === 'ole' && indexOf(bytes, VBA_MARK) >= 0)
    throw refuse('文件含有宏（VBA），出于安全原因拒绝接收；请另存为不含宏的文件后上传');
  const expected = EXT_KINDS[ext];
  if (expected && !expected.includes(kind)) {
    const office = ext === 'xlsx' ? 'Excel（.xlsx）' : ext === 'docx' ? 'Word（.docx）' : null;
    throw refuse(
      office
        ? `文件「${filename.slice(0, 80)}」不是有效的 ${office}文件：扩展名与内容不符（内容实际是 ${kind} 文件）`
        : `文件「${filename.slice(0, 80)}」的扩展名与内容不符（内容实际是 ${kind} 文件）`,
    );
  }
  return { kind, entries };
}
