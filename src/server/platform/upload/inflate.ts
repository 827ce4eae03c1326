// The gateway's second look, in the worker: every entry of a zip package is really inflated, in small steps, and
// counted as it grows — declared sizes are not trusted — so a bomb is stopped at the cap, not after it filled
// memory. XML parts with a DTD, macro content types, and worksheets with too many rows or cells (counted in the
// stream, before any spreadsheet library sees the file) are refused on the way.
import { Unzip, UnzipInflate } from 'fflate';
import { refuse, type UploadLimits } from './limits';

export interface InflateOptions {
  /** Entries to keep (the others are inflated, counted and dropped). */
  keep?: (name: string) => boolean;
  /**
   * Refuse XML parts with a DTD (default). Off when a file is only stored: it is refused when something reads it,
   * and the pre-publication check then reports it as unreadable.
   */
  refuseDtd?: boolean;
}

const SHEET = /^xl\/worksheets\/[^/]+\.xml$/;
const XML = /\.(xml|rels|vml)$/i;

/** Counts `<row` / `<c` start tags across chunk boundaries. */
function tagCounter() {
  let carry = '';
  return (chunk: Uint8Array, final: boolean): { rows: number; cells: number } => {
    const text = carry + Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength).toString('latin1');
    // A tag that starts in the last 8 characters is counted with the next chunk.
    const cut = final ? text.length : Math.max(0, text.length - 8);
    carry = text.slice(cut);
    let rows = 0;
    let cells = 0;
    for (const m of text.matchAll(/<(row|c)[\s>/]/g)) {
      if (m.index >= cut) break;
      if (m[1] === 'row') rows++;
      else cells++;
    }
    return { rows, cells };
  };
}

/** A DTD in any XML part: entity expansion and external entities (XXE) start there. */
function dtdWatch() {
  let carry = '';
  return (chunk: Uint8Array): boolean => {
    const text = carry + Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength).toString('latin1');
    carry = text.slice(-10);
    return /<!DOCTYPE|<!ENTITY/i.test(text);
  };
}

export function inflateChecked(
  bytes: Uint8Array,
  limits: UploadLimits,
  opts: InflateOptions = {},
): Map<string, Uint8Array> {
  const out = new Map<string, Uint8Array>();
  const keep = opts.keep ?? (() => false);
  let total = 0;
  let cells = 0;
  // fflate hands an error thrown in ondata back through ondata(err): keep the first refusal.
  let stop: Error | undefined;
  const fail = (e: Error): never => {
    stop ??= e;
    throw stop;
  };
  const unzip = new Unzip();
  unzip.register(UnzipInflate);
  unzip.onfile = (file) => {
    const wanted = keep(file.name);
    const chunks: Uint8Array[] = [];
    let size = 0;
    let rows = 0;
    const count = SHEET.test(file.name) ? tagCounter() : null;
    const dtd =
      opts.refuseDtd !== false && (XML.test(file.name) || file.name === '[Content_Types].xml')
        ? dtdWatch()
        : null;
    const types = file.name === '[Content_Types].xml';
    file.ondata = (err, chunk, final) => {
      if (err) fail(refuse('压缩包已损坏，无法解压'));
      size += chunk.length;
      total += chunk.length;
      if (size > limits.maxEntryBytes || total > limits.maxTotalBytes)
        fail(refuse('文件解压后过大（疑似压缩炸弹），已拒绝', 'PAYLOAD_TOO_LARGE'));
      const packed = file.size ?? 0;
      if (packed > 0 && size > 1024 * 1024 && size / packed > limits.maxRatio)
        fail(refuse('文件压缩比异常（疑似压缩炸弹），已拒绝', 'PAYLOAD_TOO_LARGE'));
      if (dtd?.(chunk))
        fail(refuse('文件中含有 DOCTYPE 或实体声明（可能引用外部实体），出于安全原因拒绝读取'));
      if (count) {
        const n = count(chunk, final);
        rows += n.rows;
        cells += n.cells;
        if (rows > limits.maxSheetRows)
          fail(refuse(`工作表行数过多（超过 ${limits.maxSheetRows} 行），请拆分后上传`, 'PAYLOAD_TOO_LARGE'));
        if (cells > limits.maxCells)
          fail(refuse(`表格单元格过多（超过 ${limits.maxCells} 个），请拆分后上传`, 'PAYLOAD_TOO_LARGE'));
      }
      if (wanted || types) chunks.push(chunk);
      if (final) {
        const buf = Buffer.concat(chunks);
        if (types && /macroEnabled|vbaProject/i.test(buf.toString('utf8')))
          fail(refuse('文件含有宏（VBA），出于安全原因拒绝接收；请另存为不含宏的 .docx/.xlsx 后上传'));
        if (wanted) out.set(file.name, new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength));
      }
    };
    file.start();
  };
  try {
    // Small input steps bound what one inflate call can produce (deflate expands at most ~1032:1).
    const step = 16 * 1024;
    for (let at = 0; at < bytes.length || at === 0; at += step) {
      unzip.push(bytes.subarray(at, at + step), at + step >= bytes.length);
    }
  } catch {
    if (stop) throw stop;
    throw refuse('压缩包已损坏，无法解压');
  }
  if (stop) throw stop;
  return out;
}
