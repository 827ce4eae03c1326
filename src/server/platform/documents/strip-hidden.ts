// What the public downloads carries no hidden content (SECURITY.md 35): a published .docx loses its comments,
// tracked changes (deleted text goes, inserted text stays), hidden text, custom properties and author names; a
// published .xlsx loses its hidden sheets, hidden rows and columns, comments, pivot caches (they hold the source
// data), external-link caches and defined names. Everything else is kept byte for byte. Staff still download the
// original. Runs in an upload worker (stripAttachment) on a file already accepted at upload.
import { strFromU8, strToU8, type Zippable, zipSync } from 'fflate';
import { readStoredInWorker } from '../upload/gateway';
import { safeUnzip, type ZipLimits } from './zip';

export interface StripResult {
  bytes: Uint8Array;
  /** What was removed, in Chinese, for the audit detail and the reviewer ("批注 2 条" …). */
  removed: string[];
}

type Parts = Map<string, Uint8Array>;

const text = (parts: Parts, name: string): string | null => {
  const b = parts.get(name);
  return b ? strFromU8(b) : null;
};
const put = (parts: Parts, name: string, xml: string) => parts.set(name, strToU8(xml));
const count = (xml: string, re: RegExp) => xml.match(re)?.length ?? 0;

/** Drops parts by name, and their Override lines and relationships everywhere. */
function dropParts(parts: Parts, drop: (name: string) => boolean): number {
  const gone = [...parts.keys()].filter(drop);
  for (const n of gone) parts.delete(n);
  if (gone.length === 0) return 0;
  const ct = text(parts, '[Content_Types].xml');
  if (ct) {
    const cleaned = ct.replace(/<Override\b[^>]*PartName="\/([^"]+)"[^>]*\/>/g, (m, p: string) =>
      gone.includes(p) ? '' : m,
    );
    put(parts, '[Content_Types].xml', cleaned);
  }
  for (const rels of [...parts.keys()].filter((n) => n.endsWith('.rels'))) {
    const dir = rels.replace(/_rels\/[^/]+\.rels$/, '');
    const xml = text(parts, rels)!;
    const cleaned = xml.replace(/<Relationship\b[^>]*\/>/g, (m) => {
      const target = /Target="([^"]+)"/.exec(m)?.[1];
      if (!target || /TargetMode="External"/.test(m)) return m;
      return gone.includes(resolvePart(dir, target)) ? '' : m;
    });
    if (cleaned !== xml) put(parts, rels, cleaned);
  }
  return gone.length;
}

/** A relationship target relative to the folder of the part that owns the .rels file. */
function resolvePart(dir: string, target: string): string {
  const segs = (target.startsWith('/') ? target.slice(1) : dir + target).split('/');
  const out: string[] = [];
  for (const s of segs) {
    if (s === '..') out.pop();
    else if (s !== '.' && s !== '') out.push(s);
  }
  return out.join('/');
}

/** Author names, company and custom properties of either kind of package. */
function stripProperties(parts: Parts, removed: string[]): void {
  const core = text(parts, 'docProps/core.xml');
  if (core) {
    const cleaned = core.replace(
      /<(dc:creator|cp:lastModifiedBy|cp:lastPrinted|cp:keywords|dc:description|cp:category)>[^<]*<\/\1>/g,
      '',
    );
    if (cleaned !== core) {
      put(parts, 'docProps/core.xml', cleaned);
      removed.push('作者等文档属性');
    }
  }
  const app = text(parts, 'docProps/app.xml');
  if (app) put(parts, 'docProps/app.xml', app.replace(/<(Company|Manager)>[^<]*<\/\1>/g, ''));
  if (dropParts(parts, (n) => n === 'docProps/custom.xml')) removed.push('自定义属性');
}

const DOCX_XML = /^word\/(document|header\d*|footer\d*|footnotes|endnotes)\.xml$/;

function stripDocx(parts: Parts, removed: string[]): void {
  let comments = 0;
  let revisions = 0;
  let hidden = 0;
  for (const name of [...parts.keys()].filter((n) => DOCX_XML.test(n))) {
    let xml = text(parts, name)!;
    comments += count(xml, /<w:commentReference\b/g);
    xml = xml
      .replace(/<w:commentRange(Start|End)\b[^>]*\/>/g, '')
      .replace(/<w:r\b[^>]*>(?:(?!<\/w:r>)[\s\S])*?<w:commentReference\b[^>]*\/>[\s\S]*?<\/w:r>/g, '');
    // Deleted and moved-away text goes; inserted and moved-here text stays, unwrapped; formatting history goes.
    revisions += count(xml, /<w:(del|ins|moveFrom|moveTo)\b[^>]*>/g);
    xml = xml
      .replace(/<w:(del|moveFrom)\b[^>]*\/>/g, '')
      .replace(/<w:(del|moveFrom)\b[^>]*>[\s\S]*?<\/w:\1>/g, '')
      .replace(/<w:(ins|moveTo)\b[^>]*\/>/g, '')
      .replace(/<\/?w:(ins|moveTo)\b[^>]*>/g, '')
      .replace(/<w:(moveFromRange|moveToRange)(Start|End)\b[^>]*\/>/g, '')
      .replace(
        /<w:(rPrChange|pPrChange|sectPrChange|tblPrChange|trPrChange|tcPrChange)\b[^>]*>[\s\S]*?<\/w:\1>/g,
        '',
      );
    // Runs formatted as hidden text (w:vanish, not w:val="0"/"false").
    xml = xml.replace(/<w:r\b[^>]*>(?:(?!<\/w:r>)[\s\S])*?<\/w:r>/g, (run) => {
      const v = /<w:vanish\b([^>]*)\/>/.exec(run);
      if (!v || /w:val="(0|false|off)"/.test(v[1]!)) return run;
      hidden++;
      return '';
    });
    put(parts, name, xml);
  }
  const commentParts = dropParts(parts, (n) =>
    /^word\/(comments(Extended|Ids|Extensible)?|people)\.xml$/.test(n),
  );
  if (comments || commentParts) removed.push(`批注 ${comments} 条`);
  if (revisions) removed.push(`修订痕迹 ${revisions} 处`);
  if (hidden) removed.push(`隐藏文字 ${hidden} 段`);
}

const colNumber = (letters: string) => [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);

function stripXlsx(parts: Parts, removed: string[]): void {
  const wb = text(parts, 'xl/workbook.xml');
  const wbRels = text(parts, 'xl/_rels/workbook.xml.rels');
  if (!wb || !wbRels) return;
  // Hidden and very hidden sheets go whole.
  const relTarget = new Map(
    [...wbRels.matchAll(/<Relationship\b[^>]*\/>/g)].map((m) => [
      /Id="([^"]+)"/.exec(m[0])?.[1] ?? '',
      resolvePart('xl/', /Target="([^"]+)"/.exec(m[0])?.[1] ?? ''),
    ]),
  );
  const hiddenSheets: string[] = [];
  let workbook = wb.replace(/<sheet\b[^>]*\/>/g, (s) => {
    if (!/state="(hidden|veryHidden)"/.test(s)) return s;
    const rid = /r:id="([^"]+)"/.exec(s)?.[1];
    if (rid && relTarget.has(rid)) hiddenSheets.push(relTarget.get(rid)!);
    return '';
  });
  if (!/<sheet\b/.test(workbook)) return; // every sheet hidden: leave the file as it is rather than break it
  if (hiddenSheets.length) removed.push(`隐藏工作表 ${hiddenSheets.length} 个`);
  // Defined names may point into removed sheets or hold hidden values; pivot caches hold the source rows.
  if (/<definedName\b/.test(workbook)) removed.push('定义的名称');
  workbook = workbook
    .replace(/<definedNames>[\s\S]*?<\/definedNames>/, '')
    .replace(/<pivotCaches>[\s\S]*?<\/pivotCaches>/, '')
    .replace(/<externalReferences>[\s\S]*?<\/externalReferences>/, '');
  // Keep the active tab on a sheet that still exists.
  workbook = workbook.replace(/(<workbookView\b[^>]*?)\s(activeTab|firstSheet)="\d+"/g, '$1');
  put(parts, 'xl/workbook.xml', workbook);
  const pivots = dropParts(parts, (n) => /^xl\/(pivotCache|pivotTables|externalLinks)\//.test(n));
  if (pivots) removed.push('数据透视表缓存或外部链接');
  dropParts(parts, (n) => hiddenSheets.includes(n) || hiddenSheets.some((s) => n === relsOf(s)));

  let rows = 0;
  let cols = 0;
  let comments = 0;
  for (const name of [...parts.keys()].filter((n) => /^xl\/worksheets\/[^/]+\.xml$/.test(n))) {
    let xml = text(parts, name)!;
    const hiddenCols: [number, number][] = [];
    xml = xml.replace(/<col\b[^>]*\/>/g, (c) => {
      if (!/hidden="(1|true)"/.test(c)) return c;
      hiddenCols.push([Number(/min="(\d+)"/.exec(c)?.[1]), Number(/max="(\d+)"/.exec(c)?.[1])]);
      return c.replace(/\shidden="(1|true)"/, '');
    });
    xml = xml.replace(/<row\b[^>]*?(?:\/>|>[\s\S]*?<\/row>)/g, (r) => {
      const open = /^<row\b[^>]*>/.exec(r)?.[0] ?? '';
      if (!/hidden="(1|true)"/.test(open)) return r;
      rows++;
      return '';
    });
    if (hiddenCols.length) {
      xml = xml.replace(/<c\b[^>]*?r="([A-Z]+)\d+"[^>]*?(?:\/>|>[\s\S]*?<\/c>)/g, (c, letters: string) => {
        const n = colNumber(letters);
        if (!hiddenCols.some(([a, b]) => n >= a && n <= b)) return c;
        cols++;
        return '';
      });
    }
    xml = xml.replace(/<legacyDrawing\b[^>]*\/>/g, '');
    put(parts, name, xml);
  }
  comments = dropParts(parts, (n) =>
    /^xl\/(comments\d*\.xml|threadedComments\/|persons\/|drawings\/vmlDrawing)/.test(n),
  );
  compactSharedStrings(parts);
  dropParts(parts, (n) => n === 'xl/calcChain.xml'); // Excel rebuilds it; it would name removed cells
  // The sheet list in the properties would still name the hidden sheets.
  const app = text(parts, 'docProps/app.xml');
  if (app) put(parts, 'docProps/app.xml', app.replace(/<(HeadingPairs|TitlesOfParts)>[\s\S]*?<\/\1>/g, ''));
  if (rows) removed.push(`隐藏行 ${rows} 行`);
  if (cols) removed.push(`隐藏列中的单元格 ${cols} 个`);
  if (comments) removed.push('批注');
}

/** Shared strings only the removed cells used would stay readable in the package: keep only those still used. */
function compactSharedStrings(parts: Parts): void {
  const sst = text(parts, 'xl/sharedStrings.xml');
  if (!sst) return;
  const items = [...sst.matchAll(/<si>[\s\S]*?<\/si>|<si\/>/g)].map((m) => m[0]);
  const sheets = [...parts.keys()].filter((n) => /^xl\/worksheets\/[^/]+\.xml$/.test(n));
  const cellRe = /<c\b([^>]*\bt="s"[^>/]*)>([\s\S]*?)<\/c>/g;
  const used = new Map<number, number>();
  for (const n of sheets)
    for (const m of text(parts, n)!.matchAll(cellRe)) {
      const i = Number(/<v>(\d+)<\/v>/.exec(m[2]!)?.[1]);
      if (Number.isInteger(i) && !used.has(i)) used.set(i, used.size);
    }
  if (used.size === items.length) return;
  const order = [...used.keys()];
  for (const n of sheets)
    put(
      parts,
      n,
      text(parts, n)!.replace(cellRe, (c, attrs: string, inner: string) => {
        const i = Number(/<v>(\d+)<\/v>/.exec(inner)?.[1]);
        return used.has(i) ? `<c${attrs}>${inner.replace(/<v>\d+<\/v>/, `<v>${used.get(i)}</v>`)}</c>` : c;
      }),
    );
  const head = /^[\s\S]*?<sst\b[^>]*>/.exec(sst)?.[0] ?? '<sst>';
  const newHead = head
    .replace(/\scount="\d+"/, ` count="${order.length}"`)
    .replace(/\suniqueCount="\d+"/, ` uniqueCount="${order.length}"`);
  put(
    parts,
    'xl/sharedStrings.xml',
    `${newHead}${order.map((i) => items[i] ?? '<si><t></t></si>').join('')}</sst>`,
  );
}

const relsOf = (part: string) => part.replace(/([^/]+)$/, '_rels/$1.rels');

/** The clean copy of a .docx or .xlsx (other kinds come back unchanged with nothing removed). */
export function stripHiddenContent(bytes: Uint8Array, filename: string, limits?: ZipLimits): StripResult {
  const ext = filename.toLowerCase().split('.').pop();
  if (ext !== 'docx' && ext !== 'xlsx') return { bytes, removed: [] };
  const parts: Parts = new Map(Object.entries(safeUnzip(bytes, () => true, limits)));
  const removed: string[] = [];
  stripProperties(parts, removed);
  if (ext === 'docx') stripDocx(parts, removed);
  else stripXlsx(parts, removed);
  if (removed.length === 0) return { bytes, removed };
  const files: Zippable = {};
  for (const [name, data] of parts) if (!name.endsWith('/')) files[name] = data;
  return { bytes: zipSync(files, { level: 6 }), removed };
}

/** stripHiddenContent in an upload worker (heap and time limits). */
export function stripAttachment(bytes: Uint8Array, filename: string) {
  return readStoredInWorker<StripResult>('strip', { name: filename, bytes }, {});
}
