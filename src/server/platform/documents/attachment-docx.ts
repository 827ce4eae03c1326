import { type Zippable, zipSync } from 'fflate';
import type { Finding } from '../../../domain/review/types';
import {
  type AttachmentPart,
  DEFAULT_EXTRACT_LIMITS,
  type ExtractLimits,
  fail,
  readZip,
  safeXml,
} from './attachment-base';

// ---------- docx ----------

interface Segment {
  /** Range of the w:t content in the XML string. */
  xmlStart: number;
  xmlEnd: number;
  /** Range of its decoded text in the part text. */
  textStart: number;
  textEnd: number;
}

const XML_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const decodeEntities = (s: string) =>
  s.replace(/&(#x[0-9a-fA-F]+|#\d+|amp|lt|gt|quot|apos);/g, (_m, e: string) =>
    e.startsWith('#x')
      ? String.fromCodePoint(Number.parseInt(e.slice(2), 16))
      : e.startsWith('#')
        ? String.fromCodePoint(Number(e.slice(1)))
        : (XML_ENTITIES[e] ?? ''),
  );
const encodeText = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

// One tokenizer serves extraction and masking, so offsets always agree. A regex scan of WordprocessingML is
// enough here: w:t/w:delText hold only text, and the XML was validated (and DTDs refused) beforehand.
// A table row reads like an .xlsx row: its cells end with '\t' (instead of their last paragraph's '\n') and the
// row with '\n', so the checks can join an ID split over adjacent cells of one row (domain/review/checks.ts).
// Only separators change, never the length, so the offsets of the segments stay as they are.
const DOCX_TOKEN_RE =
  /<w:(t|delText)(?:\s[^>]*)?>([^<]*)<\/w:(?:t|delText)>|<\/w:(?:p|tc|tr)>|<w:(?:tab|br|cr)(?:\s[^>]*)?\/>/g;

function docxText(xml: string): { text: string; segments: Segment[] } {
  // Chunks, not one growing string: a cell's end rewrites the separator chunk before it.
  const chunks: string[] = [];
  let length = 0;
  const segments: Segment[] = [];
  const endWith = (from: string, to: string) => {
    if (chunks[chunks.length - 1] === from) chunks[chunks.length - 1] = to;
  };
  for (const m of xml.matchAll(DOCX_TOKEN_RE)) {
    const tok = m[0];
    let add = '\n';
    if (m[1]) {
      const raw = m[2] ?? '';
      add = decodeEntities(raw);
      const xmlStart = m.index + tok.indexOf('>') + 1;
      segments.push({
        xmlStart,
        xmlEnd: xmlStart + raw.length,
        textStart: length,
        textEnd: length + add.length,
      });
    } else if (tok === '</w:tc>') {
      endWith('\n', '\t');
      continue;
    } else if (tok === '</w:tr>') {
      endWith('\t', '\n');
      continue;
    } else if (tok.startsWith('<w:tab')) add = '\t';
    chunks.push(add);
    length += add.length;
  }
  return { text: chunks.join(''), segments };
}

const DOCX_PART_RE = /^word\/(document|header\d*|footer\d*|footnotes|endnotes|comments)\.xml$/;
const DOCX_PART_LABELS: Record<string, string> = {
  document: '正文',
  header: '页眉',
  footer: '页脚',
  footnotes: '脚注',
  endnotes: '尾注',
  comments: '批注',
};

function docxPartLabel(entry: string): string {
  const base = DOCX_PART_RE.exec(entry)?.[1] ?? entry;
  const kind = base.replace(/\d+$/, '');
  const n = base.slice(kind.length);
  return `${DOCX_PART_LABELS[kind] ?? base}${n}`;
}

function sortDocxEntries(names: string[]): string[] {
  const rank = (n: string) => (n === 'word/document.xml' ? 0 : 1);
  return names.sort((a, b) => rank(a) - rank(b) || a.localeCompare(b, 'en', { numeric: true }));
}

const DOCX_RELS = 'word/_rels/document.xml.rels';

/** External hyperlink targets: the text of a link often differs from its address, which is what gets checked. */
function docxLinks(xml: string): string {
  const targets: string[] = [];
  for (const m of xml.matchAll(/<Relationship\b[^>]*>/g)) {
    if (!/TargetMode="External"/.test(m[0])) continue;
    const target = /Target="([^"]*)"/.exec(m[0])?.[1];
    if (target) targets.push(decodeEntities(target));
  }
  return targets.join('\n');
}

export function extractDocx(bytes: Uint8Array, filename: string, limits: ExtractLimits): AttachmentPart[] {
  const entries = readZip(bytes, (n) => DOCX_PART_RE.test(n) || n === DOCX_RELS, limits);
  const rels = entries.get(DOCX_RELS);
  entries.delete(DOCX_RELS);
  if (!entries.has('word/document.xml')) fail('缺少 word/document.xml');
  const parts: AttachmentPart[] = [];
  for (const name of sortDocxEntries([...entries.keys()])) {
    const { text } = docxText(safeXml(entries.get(name) ?? new Uint8Array(), name));
    if (name !== 'word/document.xml' && text.trim() === '') continue;
    parts.push({ source: `附件 ${filename} › ${docxPartLabel(name)}`, text, key: name });
  }
  const links = rels ? docxLinks(safeXml(rels, DOCX_RELS)) : '';
  if (links) parts.push({ source: `附件 ${filename} › 超链接`, text: links, key: DOCX_RELS });
  return parts;
}

/** Put each finding's masked text into the slots of its characters (same length: char by char). */
function applyToSlots(slots: string[], findings: readonly Finding[]): number {
  let applied = 0;
  const sorted = [...findings].filter((f) => f.masked !== f.text).sort((a, b) => b.start - a.start);
  let limit = Number.POSITIVE_INFINITY;
  for (const f of sorted) {
    if (f.end > limit || f.end > slots.length) continue;
    if (f.masked.length === f.end - f.start) {
      for (let i = 0; i < f.masked.length; i++) slots[f.start + i] = f.masked[i] ?? '';
    } else {
      slots[f.start] = f.masked;
      for (let i = f.start + 1; i < f.end; i++) slots[i] = '';
    }
    limit = f.start;
    applied++;
  }
  return applied;
}

export interface MaskResult {
  bytes: Uint8Array;
  /** Findings written into the copy. */
  masked: number;
  /** Findings that could not be placed (stale, overlapping or across cells). */
  skipped: number;
}

/**
 * Masked copy of a .docx: the text of w:t runs is replaced in place, everything else is kept byte for byte.
 * `findingsPerPart` is keyed by AttachmentPart.key (zip entry name, e.g. "word/document.xml").
 */
export function maskDocx(
  bytes: Uint8Array,
  findingsPerPart: Readonly<Record<string, readonly Finding[]>>,
  limits: ExtractLimits = DEFAULT_EXTRACT_LIMITS,
): MaskResult {
  const entries = readZip(bytes, () => true, limits);
  let masked = 0;
  let skipped = 0;
  const files: Zippable = {};
  for (const [name, data] of entries) {
    const findings = findingsPerPart[name];
    if (!findings || findings.length === 0 || !DOCX_PART_RE.test(name)) {
      if (!name.endsWith('/')) files[name] = data;
      continue;
    }
    const xml = safeXml(data, name);
    const { text, segments } = docxText(xml);
    const valid = findings.filter((f) => text.slice(f.start, f.end) === f.text);
    // One slot per UTF-16 unit, the unit of finding offsets.
    const unitSlots = text.split('');
    const n = applyToSlots(unitSlots, valid);
    masked += n;
    skipped += findings.length - n;
    const chunks: string[] = [];
    let at = 0;
    for (const s of segments) {
      const before = text.slice(s.textStart, s.textEnd);
      const after = unitSlots.slice(s.textStart, s.textEnd).join('');
      if (after === before) continue;
      chunks.push(xml.slice(at, s.xmlStart), encodeText(after));
      at = s.xmlEnd;
    }
    chunks.push(xml.slice(at));
    files[name] = new TextEncoder().encode(chunks.join(''));
  }
  return { bytes: zipSync(files), masked, skipped };
}
