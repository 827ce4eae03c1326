// Text of attachments for the pre-publication checks (issue 5 part 6), and masked copies for the one-click mask.
// .docx: word/document.xml plus headers, footers, foot/endnotes and comments (secrecy marks often sit in the
// header; deleted tracked-change text is still inside the file, so w:delText is read too). .xlsx: every sheet,
// hidden and veryHidden included, numbers included (a phone typed as a number). Text PDFs. Plain text.
// Kept small and self-contained on purpose; the full docx table reader lives beside it.
import ExcelJS from 'exceljs';
import { runChecksOnParts, unreadableAttachmentFinding } from '../../../domain/review/checks';
import { maskAll } from '../../../domain/review/mask';
import type { CheckOptions, Finding } from '../../../domain/review/types';
import { unifiedIdeographs } from '../../../domain/text/radicals';
import { AppError } from '../errors';
import { readStoredInWorker } from '../upload/gateway';
import {
  AttachmentError,
  type AttachmentPart,
  DEFAULT_EXTRACT_LIMITS,
  type ExtractLimits,
  type ExtractResult,
  extOf,
  fail,
  readZip,
  utf8,
} from './attachment-base';
import { extractDocx, type MaskResult, maskDocx } from './attachment-docx';
import { convertToDocx } from './libreoffice';
import { openPdf } from './pdf';
import { coveredText } from './pdf-covered';

export type { AttachmentPart, ExtractLimits, ExtractResult } from './attachment-base';
export { DEFAULT_EXTRACT_LIMITS } from './attachment-base';
export { type MaskResult, maskDocx } from './attachment-docx';

// ---------- xlsx ----------

type Cell = ExcelJS.Cell;

function valueText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : '';
  if (typeof v === 'string') return v;
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if ('richText' in v) return v.richText.map((r) => r.text).join('');
  if ('hyperlink' in v) return typeof v.text === 'string' ? v.text : valueText(v.text as ExcelJS.CellValue);
  if ('result' in v) return v.result === undefined ? '' : valueText(v.result as ExcelJS.CellValue);
  if ('error' in v) return v.error;
  return '';
}

interface CellSpan {
  cell: Cell;
  start: number;
  end: number;
}

/**
 * Rows joined by '\n', cells by '\t'. The checks match across a '\t' only for an ID typed over adjacent cells of
 * one row (domain/review/checks.ts); maskXlsx splits such a finding over its cells.
 */
function sheetText(ws: ExcelJS.Worksheet): { text: string; cells: CellSpan[] } {
  let text = '';
  const cells: CellSpan[] = [];
  ws.eachRow({ includeEmpty: false }, (row) => {
    const line: string[] = [];
    let lineLength = 0;
    row.eachCell({ includeEmpty: false }, (cell) => {
      const t = valueText(cell.value);
      if (t === '') return;
      const start = text.length + lineLength + (line.length > 0 ? 1 : 0);
      cells.push({ cell, start, end: start + t.length });
      lineLength = start - text.length + t.length;
      line.push(t);
    });
    if (line.length > 0) text += `${line.join('\t')}\n`;
  });
  return { text, cells };
}

/** The cell whose text contains offset `at` (cells are in text order). */
function cellAt(cells: readonly CellSpan[], at: number): CellSpan | undefined {
  let lo = 0;
  let hi = cells.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const c = cells[mid];
    if (!c) break;
    if (at < c.start) hi = mid - 1;
    else if (at >= c.end) lo = mid + 1;
    else return c;
  }
  return undefined;
}

const SHEET_STATE_LABELS: Record<ExcelJS.WorksheetState, string> = {
  visible: '',
  hidden: '（隐藏）',
  veryHidden: '（深度隐藏）',
};

async function loadWorkbook(bytes: Uint8Array, limits: ExtractLimits): Promise<ExcelJS.Workbook> {
  // exceljs inflates without a cap and parses XML itself: check sizes and refuse DTDs first.
  const xmlEntries = readZip(bytes, (n) => /\.(xml|rels)$/i.test(n), limits, true);
  for (const [name, data] of xmlEntries) {
    // The whole part: a prolog may hold kilobytes of comments before its DOCTYPE.
    if (/<!DOCTYPE|<!ENTITY/i.test(utf8.decode(data))) fail(`${name} 含 DOCTYPE，已拒绝`);
  }
  const wb = new ExcelJS.Workbook();
  // exceljs's typing wants a Node Buffer.
  await wb.xlsx.load(
    Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ExcelJS.Buffer,
  );
  return wb;
}

async function extractXlsx(
  bytes: Uint8Array,
  filename: string,
  limits: ExtractLimits,
): Promise<AttachmentPart[]> {
  const wb = await loadWorkbook(bytes, limits);
  return wb.worksheets.map((ws) => ({
    source: `附件 ${filename} › 工作表 ${ws.name}${SHEET_STATE_LABELS[ws.state] ?? ''}`,
    text: sheetText(ws).text,
    key: ws.name,
  }));
}

/**
 * Masked copy of an .xlsx: each finding is mapped to its cell and the cell becomes the masked string (a phone
 * stored as a number becomes text "138****1234"). `findingsPerSheet` is keyed by sheet name (AttachmentPart.key).
 */
export async function maskXlsx(
  bytes: Uint8Array,
  findingsPerSheet: Readonly<Record<string, readonly Finding[]>>,
  limits: ExtractLimits = DEFAULT_EXTRACT_LIMITS,
): Promise<MaskResult> {
  const wb = await loadWorkbook(bytes, limits);
  let masked = 0;
  let skipped = 0;
  for (const ws of wb.worksheets) {
    const findings = findingsPerSheet[ws.name] ?? [];
    if (findings.length === 0) continue;
    const { text, cells } = sheetText(ws);
    const perCell = new Map<CellSpan, Finding[]>();
    for (const f of findings) {
      const first = cellAt(cells, f.start);
      // A finding over adjacent cells (an ID typed in pieces) keeps its length when masked: each cell gets
      // its own slice of the masked text.
      const spans = first ? cells.filter((c) => c.end > f.start && c.start < f.end) : [];
      const fits = spans.length === 1 ? f.end <= spans[0]!.end : f.masked.length === f.end - f.start;
      if (!first || !fits || text.slice(f.start, f.end) !== f.text || f.masked === f.text) {
        skipped++;
        continue;
      }
      for (const span of spans) {
        const from = Math.max(f.start, span.start);
        const to = Math.min(f.end, span.end);
        const list = perCell.get(span) ?? [];
        list.push({
          ...f,
          text: text.slice(from, to),
          masked: spans.length === 1 ? f.masked : f.masked.slice(from - f.start, to - f.start),
          start: from - span.start,
          end: to - span.start,
        });
        perCell.set(span, list);
      }
      masked++;
    }
    for (const [span, fs] of perCell) {
      const before = text.slice(span.start, span.end);
      span.cell.value = maskAll(before, fs);
    }
  }
  const out = await wb.xlsx.writeBuffer();
  return { bytes: new Uint8Array(out as ArrayBuffer), masked, skipped };
}

// ---------- pdf ----------

async function extractPdf(
  bytes: Uint8Array,
  filename: string,
  limits: ExtractLimits,
): Promise<AttachmentPart[]> {
  const { OPS } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const task = await openPdf(bytes);
  try {
    const doc = await task.promise;
    if (doc.numPages > limits.maxPdfPages) fail(`页数超过 ${limits.maxPdfPages}`);
    const parts: AttachmentPart[] = [];
    for (let p = 1; p <= doc.numPages; p++) {
      const page = await doc.getPage(p);
      const content = await page.getTextContent();
      let text = '';
      for (const item of content.items) {
        if (!('str' in item)) continue;
        // (radicals a font maps characters to, "⾝份", read as the characters, so the checks find the words)
        text += unifiedIdeographs(item.str);
        if (item.hasEOL) text += '\n';
      }
      // Text under a redaction box is still in the file: the checks report it (SECURITY.md 35).
      const covered = coveredText(await page.getOperatorList(), OPS);
      parts.push({
        source: `附件 ${filename} › 第${p}页`,
        text,
        key: `page:${p}`,
        ...(covered ? { covered } : {}),
      });
      page.cleanup();
    }
    // A scan has no text layer: nothing in it could be checked, so it is reported rather than passed.
    if (parts.every((x) => x.text.trim() === '')) fail('PDF 中没有可提取的文字（可能是扫描件），请人工核对');
    return parts;
  } finally {
    await task.destroy();
  }
}

// ---------- text ----------

function decodeText(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    // Chinese Windows tools still write GBK/GB18030 text files.
    return new TextDecoder('gb18030').decode(bytes);
  }
}

// ---------- entry points ----------

/**
 * Text of an attachment, part by part, read in an upload worker (heap and time limits; platform/upload). Never
 * throws: an unreadable file gives `{ error: '附件无法打开：…' }`.
 */
export function extractAttachmentText(
  bytes: Uint8Array,
  filename: string,
  limits?: ExtractLimits,
): Promise<ExtractResult> {
  return readStoredInWorker<ExtractResult>('extract', { name: filename, bytes }, { limits });
}

/** What the worker runs for extractAttachmentText. */
export async function extractAttachmentTextHere(
  bytes: Uint8Array,
  filename: string,
  limits: ExtractLimits = DEFAULT_EXTRACT_LIMITS,
): Promise<ExtractResult> {
  const ext = extOf(filename);
  try {
    switch (ext) {
      case 'docx':
        return { parts: extractDocx(bytes, filename, limits) };
      // Through LibreOffice when installed; otherwise its clear note becomes the unreadable-attachment finding.
      case 'doc':
      case 'wps':
        return { parts: extractDocx(await convertToDocx(bytes, ext), filename, limits) };
      case 'xlsx':
        return { parts: await extractXlsx(bytes, filename, limits) };
      case 'pdf':
        return { parts: await extractPdf(bytes, filename, limits) };
      case 'txt':
        return { parts: [{ source: `附件 ${filename}`, text: decodeText(bytes), key: 'text' }] };
      default:
        return {
          error: `附件无法打开：不支持的文件类型 ${ext ? `.${ext}` : '（无扩展名）'}，请转换为 .docx、.xlsx、.pdf 或 .txt`,
        };
    }
  } catch (e) {
    const why = e instanceof AttachmentError || e instanceof AppError ? e.message : '文件已损坏或格式不符';
    return { error: `附件无法打开：${why}` };
  }
}

/** Extract and check one attachment; an unreadable file becomes one unreadable_attachment finding. */
export async function checkAttachment(
  bytes: Uint8Array,
  filename: string,
  opts: CheckOptions = {},
  limits: ExtractLimits = DEFAULT_EXTRACT_LIMITS,
): Promise<{ parts: AttachmentPart[]; findings: Finding[] }> {
  const r = await extractAttachmentText(bytes, filename, limits);
  if ('error' in r)
    return { parts: [], findings: [unreadableAttachmentFinding(`附件 ${filename}`, r.error, opts)] };
  return { parts: r.parts, findings: runChecksOnParts(r.parts, opts) };
}

/**
 * One-click mask of a whole attachment: findings (as returned by checkAttachment, matched to parts by their
 * `source`) are written into a copy. Text PDFs cannot be rewritten safely and give an error.
 */
export function maskAttachment(
  bytes: Uint8Array,
  filename: string,
  findings: readonly Finding[],
  limits?: ExtractLimits,
): Promise<MaskResult | { error: string }> {
  return readStoredInWorker<MaskResult>(
    'mask',
    { name: filename, bytes },
    { limits, findings: [...findings] },
  );
}

/** What the worker runs for maskAttachment. */
export async function maskAttachmentHere(
  bytes: Uint8Array,
  filename: string,
  findings: readonly Finding[],
  limits: ExtractLimits = DEFAULT_EXTRACT_LIMITS,
): Promise<MaskResult | { error: string }> {
  const ext = extOf(filename);
  const r = await extractAttachmentTextHere(bytes, filename, limits);
  if ('error' in r) return r;
  const keyOf = new Map(r.parts.map((p) => [p.source, p.key]));
  const byKey: Record<string, Finding[]> = {};
  let unplaced = 0;
  for (const f of findings) {
    const key = f.source === undefined ? undefined : keyOf.get(f.source);
    if (key === undefined) {
      unplaced++;
      continue;
    }
    byKey[key] ??= [];
    byKey[key].push(f);
  }
  try {
    if (ext === 'docx') {
      const m = maskDocx(bytes, byKey, limits);
      return { ...m, skipped: m.skipped + unplaced };
    }
    if (ext === 'xlsx') {
      const m = await maskXlsx(bytes, byKey, limits);
      return { ...m, skipped: m.skipped + unplaced };
    }
    if (ext === 'txt') {
      const text = r.parts[0]?.text ?? '';
      const fs = byKey.text ?? [];
      const out = maskAll(text, fs);
      return { bytes: new TextEncoder().encode(out), masked: fs.length, skipped: unplaced };
    }
  } catch (e) {
    return { error: `附件无法脱敏：${e instanceof AttachmentError ? e.message : '文件已损坏'}` };
  }
  if (ext === 'doc' || ext === 'wps')
    return { error: '附件无法脱敏：.doc/.wps 不能自动改写，请另存为 .docx 后重新上传' };
  return { error: '附件无法脱敏：PDF 不能自动改写，请修改原文件后重新生成 PDF' };
}

/** The JSON printed by `gongkai review check FILE --json`. */
export function findingsJson(findings: readonly Finding[]): {
  findings: Pick<Finding, 'kind' | 'text' | 'start' | 'end' | 'masked' | 'blocking' | 'message' | 'source'>[];
} {
  return {
    findings: findings.map((f) => ({
      kind: f.kind,
      text: f.text,
      start: f.start,
      end: f.end,
      masked: f.masked,
      blocking: f.blocking,
      message: f.message,
      ...(f.source === undefined ? {} : { source: f.source }),
    })),
  };
}
