// `report check`: reads a published annual report (plain text, possibly with flattened tables, or HTML) and
// reports missing sections and rows, broken identities, bad cell values and the use of the pre-2021 template.
// Pure: the caller reads the file (a shared reader turns .docx into the same text form). REGULATIONS.md §2, §9.4.
import {
  checkTable3Identities,
  checkTable4Identities,
  OUTCOME_CODES,
  OUTCOME_GROUP_LABELS,
  type OutcomeCode,
  type OutcomeGroup,
  outcomeFullLabel,
  SECTION_KEYS,
  SECTION_TITLE_ALIASES,
  SECTION_TITLES,
  type SectionKey,
  TABLE2_LABELS,
  TABLE3_COLUMN_LABELS,
  TABLE3_COLUMNS,
  TABLE3_ROW_LABELS,
  TABLE4_CELLS,
  TABLE4_GROUPS,
  TABLE4_LABELS,
  type Table3ColumnKey,
  type Table4Cell,
  type Table4Group,
  table4GroupLabel,
} from './annual-report';

export type ReportTemplate = '2021' | 'pre-2021' | 'unknown';
export type FindingKind =
  | 'missing_section'
  | 'missing_row'
  | 'identity'
  | 'wrong_template'
  | 'negative'
  | 'not_integer';

export interface CheckFinding {
  kind: FindingKind;
  message: string;
  /** Cell or row path, e.g. "table3.r7.total", "table3.r5_3", "section.other". */
  cell?: string;
}

export interface PublishedReportCheck {
  year?: number;
  unit?: string;
  template: ReportTemplate;
  /** Sections found, in document order. */
  sections: SectionKey[];
  findings: CheckFinding[];
  /** Numbers read from the tables, by cell path (blank cells read as 0). */
  cells: Record<string, number>;
}

export interface PublishedReportInput {
  kind: 'text' | 'html';
  content: string;
}

// ---------------------------------------------------------------------------------------------------------------
// Text normalisation
// ---------------------------------------------------------------------------------------------------------------

/** Compare labels without whitespace, quotes or half/full-width differences. */
export function normalizeLabel(s: string): string {
  return s
    .replace(/[\s\u00a0\u3000]+/g, '')
    .replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))
    .replace(/\(/g, '（')
    .replace(/\)/g, '）')
    .replace(/．/g, '.')
    .replace(/[“”"'‘’「」]/g, '');
}

const PREFIX = /^(?:（([一二三四五六七八九十\d]+)）|([一二三四五六七八九十]+)[、.]|(\d+)[、.])/;

function splitPrefix(norm: string): { prefix: string; body: string } {
  const m = PREFIX.exec(norm);
  if (!m) return { prefix: '', body: norm };
  return { prefix: m[1] ?? m[2] ?? m[3] ?? '', body: norm.slice(m[0].length) };
}

const BLANK = new Set(['', '-', '—', '－', '/', '／', '无', '——']);

type CellValue = { ok: true; value: number; blank: boolean } | { ok: false; raw: string };

/** Blank cells (and dash placeholders) count as 0, as government sites often leave zero cells empty. */
export function parseCellNumber(raw: string): CellValue {
  const s = raw
    .replace(/[\s\u00a0\u3000]+/g, '')
    .replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))
    .replace(/[−－]/g, '-')
    .replace(/．/g, '.');
  if (BLANK.has(s)) return { ok: true, value: 0, blank: true };
  if (/^[+-]?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?$/.test(s)) {
    return { ok: true, value: Number(s.replace(/,/g, '')), blank: false };
  }
  return { ok: false, raw };
}

function isNumberLike(s: string): boolean {
  const v = parseCellNumber(s);
  return v.ok && !v.blank;
}

// ---------------------------------------------------------------------------------------------------------------
// HTML → flattened text (one cell per tab-indented line, blank line after each table row)
// ---------------------------------------------------------------------------------------------------------------

const ENTITIES: Record<string, string> = {
  nbsp: ' ',
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  ldquo: '“',
  rdquo: '”',
  lsquo: '‘',
  rsquo: '’',
  mdash: '—',
  ndash: '–',
  middot: '·',
  hellip: '…',
};

function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code =
        name[1] === 'x' || name[1] === 'X' ? Number.parseInt(name.slice(2), 16) : Number(name.slice(1));
      return Number.isFinite(code) ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

const BLOCK_TAGS = new Set([
  'p',
  'div',
  'br',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'li',
  'section',
  'article',
  'title',
  'table',
  'caption',
]);

/** Rowspan/colspan need no expansion here: a merged cell appears once, where its first row is, as in Word. */
export function htmlToFlatText(html: string): string {
  const src = html.replace(/<!--[\s\S]*?-->/g, '').replace(/<(script|style|head)\b[\s\S]*?<\/\1\s*>/gi, '');
  const lines: string[] = [];
  let line = '';
  let cell: string | null = null;
  let row: string[] | null = null;
  const flush = (): void => {
    const t = line.replace(/\s+/g, ' ').trim();
    if (t) lines.push(t);
    line = '';
  };
  const re = /<(\/?)([a-zA-Z][a-zA-Z0-9]*)\b[^>]*>|([^<]+)/g;
  for (let m = re.exec(src); m !== null; m = re.exec(src)) {
    if (m[3] !== undefined) {
      const text = decodeEntities(m[3]);
      if (cell !== null) cell += text;
      else line += text;
      continue;
    }
    const closing = m[1] === '/';
    const tag = (m[2] ?? '').toLowerCase();
    // An unclosed <td> is closed by the next <td> or </tr>, as browsers do.
    const endCell = (): void => {
      if (cell === null) return;
      if (!row) row = [];
      row.push(cell);
      cell = null;
    };
    if (tag === 'td' || tag === 'th') {
      endCell();
      if (!closing) cell = '';
    } else if (tag === 'tr') {
      endCell();
      if (!closing) {
        flush();
        row = [];
      } else if (row) {
        for (const c of row) lines.push(`\t${c.replace(/\s+/g, ' ').trim()}`);
        lines.push('');
        row = null;
      }
    } else if (cell !== null) {
      if (BLOCK_TAGS.has(tag)) cell += ' ';
    } else if (BLOCK_TAGS.has(tag)) {
      flush();
      if (tag === 'table' && !closing) lines.push('');
    }
  }
  flush();
  return lines.join('\n');
}

// ---------------------------------------------------------------------------------------------------------------
// Tokens: table cells and text pieces; SEP marks the end of a table row (blank line or end of a multi-cell line)
// ---------------------------------------------------------------------------------------------------------------

interface Token {
  text: string;
  norm: string;
  line: number;
}
const SEP = null;
type Tok = Token | typeof SEP;

const BARE_PREFIX = /^(?:[（(][一二三四五六七八九十\d]+[)）]|[一二三四五六七八九十\d]+[、.．])$/;

/** Splits one line into cells: tabs, '|' (Markdown), runs of 2+ spaces; single spaces too, except after a bare number prefix. */
function lineCells(line: string): string[] {
  const body = line.startsWith('\t') ? line.slice(1) : line;
  if (body.trim() === '') return [''];
  const pipe = body.includes('|');
  const pieces = body.split(/\t|\||[ \u00a0]{2,}|\u3000+/).map((p) => p.trim());
  const out: string[] = [];
  pieces.forEach((piece, i) => {
    if (piece === '') {
      // Markdown pipes at both ends and around cells leave empty pieces that are not cells.
      if (!pipe && i > 0) out.push('');
      return;
    }
    if (/^[-:]+$/.test(piece) && pipe) return; // Markdown separator row
    // Words are separate cells, except that a bare number prefix ("1.", "（一）") joins the word after it.
    let label = '';
    for (const word of piece.split(/\s+/)) {
      if (label && !BARE_PREFIX.test(label)) {
        out.push(label);
        label = '';
      }
      if (isNumberLike(word) && !label) out.push(word);
      else label += word;
    }
    if (label) out.push(label);
  });
  return out;
}

function tokenize(lines: readonly string[], from: number, to: number): Tok[] {
  const toks: Tok[] = [];
  for (let i = from; i < to; i++) {
    const line = lines[i] ?? '';
    if (line.trim() === '' && !line.includes('\t')) {
      toks.push(SEP);
      continue;
    }
    const cells = lineCells(line);
    for (const c of cells) toks.push({ text: c, norm: normalizeLabel(c), line: i });
    if (cells.length > 1) toks.push(SEP);
  }
  return toks;
}

// ---------------------------------------------------------------------------------------------------------------
// Sections, title, template markers
// ---------------------------------------------------------------------------------------------------------------

const SECTION_MATCHERS: { key: SectionKey; titles: string[] }[] = SECTION_KEYS.map((key) => ({
  key,
  titles: [SECTION_TITLES[key], ...(SECTION_TITLE_ALIASES[key] ?? [])].map((t) =>
    normalizeLabel(t).replace(/^([一二三四五六])[.]/, '$1、'),
  ),
}));

/**
 * Markers of the pre-2021 formats. Table 二 column names of the 2019 trial format (国办公开办函〔2019〕60号) [M]:
 * 本年新制作数量 / 本年新公开数量 / 对外公开总数量, 上一年项目数量 / 本年增/减, and the 政府集中采购 block.
 * Section titles of the reports under the 2008 条例 [M].
 */
const OLD_MARKERS = [
  '本年新制作数量',
  '本年新公开数量',
  '对外公开总数量',
  '上一年项目数量',
  '本年增/减',
  '政府集中采购',
  '依申请公开政府信息情况',
  '政府信息公开的收费及减免情况',
  '因政府信息公开申请行政复议、提起行政诉讼的情况',
];
const NEW_MARKERS = ['本年制发件数', '本年废止件数', '现行有效件数', '本年处理决定数量', '本年收费金额'];

function findTitle(lines: readonly string[]): { year?: number; unit?: string } {
  const re = /^(.*?)(\d{4})年度?政府信息公开(?:工作)?年度?报告/;
  for (const line of lines.slice(0, 15)) {
    const m = re.exec(normalizeLabel(line));
    if (m) {
      const unit = (m[1] ?? '').replace(/^关于/, '').replace(/[（《]$/, '');
      return { year: Number(m[2]), ...(unit ? { unit } : {}) };
    }
  }
  for (const line of lines) {
    const n = normalizeLabel(line);
    const m =
      /(\d{4})年度?政府信息公开(?:工作)?年度报告/.exec(n) ??
      /政府信息公开(?:工作)?年度报告（(\d{4})年?度?）/.exec(n);
    if (m) return { year: Number(m[1]) };
  }
  return {};
}

// ---------------------------------------------------------------------------------------------------------------
// Table 三 labels
// ---------------------------------------------------------------------------------------------------------------

/** A phrase that identifies each sub-row in any of the common spellings. */
const SUBROW_PHRASES: [OutcomeCode, string][] = [
  ['r3_1', '国家秘密'],
  ['r3_2', '其他法律行政法规禁止公开'],
  ['r3_3', '三安全一稳定'],
  ['r3_4', '第三方合法权益'],
  ['r3_5', '三类内部事务信息'],
  ['r3_6', '四类过程性信息'],
  ['r3_7', '行政执法案卷'],
  ['r3_8', '行政查询事项'],
  ['r4_1', '本机关不掌握'],
  ['r4_2', '没有现成信息'],
  ['r4_3', '补正后申请内容仍不明确'],
  ['r5_1', '信访举报投诉'],
  ['r5_2', '重复申请'],
  ['r5_3', '公开出版物'],
  ['r5_4', '大量反复申请'],
  ['r5_5', '确认或重新出具'],
  ['r6_1', '逾期不补正'],
  ['r6_2', '缴纳费用'],
];

type T3Label =
  | { kind: 'row'; key: string }
  | { kind: 'group'; group: 'r3' | 'r4' | 'r5' | 'r6' }
  | { kind: 'results' };

function classifyTable3(norm: string, group: OutcomeGroup | null): T3Label | null {
  const { prefix, body } = splitPrefix(norm);
  if (body.startsWith('本年新收')) return { kind: 'row', key: 'new' };
  if (body.startsWith('上年结转')) return { kind: 'row', key: 'carried_in' };
  if (body.startsWith('本年度办理结果') || body === '办理结果') return { kind: 'results' };
  if (body.startsWith('结转下年度')) return { kind: 'row', key: 'carried_out' };
  if ((body === '总计' || body === '合计') && prefix === '七') return { kind: 'row', key: 'r7' };
  if (body === '予以公开') return { kind: 'row', key: 'r1' };
  if (body.startsWith('部分公开')) return { kind: 'row', key: 'r2' };
  if (body === '不予公开') return { kind: 'group', group: 'r3' };
  if (body === '无法提供') return { kind: 'group', group: 'r4' };
  if (body === '不予处理') return { kind: 'group', group: 'r5' };
  if (body === '其他处理') return { kind: 'group', group: 'r6' };
  for (const [code, phrase] of SUBROW_PHRASES) if (body.includes(phrase)) return { kind: 'row', key: code };
  // "3.其他" is a sub-row only inside （六）; a bare "其他" is the column header.
  if (body === '其他' && prefix !== '' && group === 'r6') return { kind: 'row', key: 'r6_3' };
  return null;
}

function table3Label(row: string): string {
  if (row === 'r6') return OUTCOME_GROUP_LABELS.r6;
  if ((OUTCOME_CODES as readonly string[]).includes(row)) return outcomeFullLabel(row as OutcomeCode);
  return TABLE3_ROW_LABELS[row as keyof typeof TABLE3_ROW_LABELS] ?? row;
}

interface ParsedRow {
  cells: Token[];
}

/** Reads label-led rows: after a label, up to `max` cells until the next label or the end of the row. */
function readRows(
  toks: readonly Tok[],
  classify: (norm: string, state: { group: OutcomeGroup | null }) => string | null,
  max: (key: string) => number,
  state: { group: OutcomeGroup | null },
): Map<string, ParsedRow> {
  const rows = new Map<string, ParsedRow>();
  let current: { key: string; row: ParsedRow } | null = null;
  for (const t of toks) {
    if (t === SEP) {
      current = null;
      continue;
    }
    const key = t.norm === '' ? null : classify(t.norm, state);
    if (key !== null) {
      current = null;
      if (key !== '' && !rows.has(key)) {
        current = { key, row: { cells: [] } };
        rows.set(key, current.row);
      }
      continue;
    }
    if (current && current.row.cells.length < max(current.key)) current.row.cells.push(t);
  }
  return rows;
}

// ---------------------------------------------------------------------------------------------------------------
// The check
// ---------------------------------------------------------------------------------------------------------------

export function checkPublishedReport(input: PublishedReportInput): PublishedReportCheck {
  const text = input.kind === 'html' ? htmlToFlatText(input.content) : input.content;
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const findings: CheckFinding[] = [];
  const cells: Record<string, number> = {};
  const { year, unit } = findTitle(lines);

  // Sections: first line that starts with each title (the alias of 五 is accepted, AR-8).
  const at = new Map<SectionKey, number>();
  lines.forEach((line, i) => {
    const n = normalizeLabel(line).replace(/^([一二三四五六])[.]/, '$1、');
    for (const s of SECTION_MATCHERS) {
      if (!at.has(s.key) && s.titles.some((t) => n.startsWith(t))) at.set(s.key, i);
    }
  });
  const sections = [...at.entries()].sort((a, b) => a[1] - b[1]).map(([k]) => k);
  for (const key of SECTION_KEYS) {
    if (!at.has(key)) {
      findings.push({
        kind: 'missing_section',
        cell: `section.${key}`,
        message: `缺少「${SECTION_TITLES[key]}」部分`,
      });
    }
  }
  const starts = [...at.values()].sort((a, b) => a - b);
  const region = (key: SectionKey, fallbackFrom: number, fallbackTo: number): [number, number] => {
    const from = at.get(key);
    if (from === undefined) return [fallbackFrom, fallbackTo];
    return [from + 1, starts.find((s) => s > from) ?? lines.length];
  };

  // Template markers anywhere in the document.
  const all = normalizeLabel(lines.join(''));
  const oldFound = OLD_MARKERS.filter((m) => all.includes(normalizeLabel(m)));
  const newFound = NEW_MARKERS.filter((m) => all.includes(normalizeLabel(m)));

  // ---- table 三 ----
  const [t3From, t3To] = region('applications', 0, at.get('remedies') ?? lines.length);
  const t3State: { group: OutcomeGroup | null } = { group: null };
  // Narrative text before the table may contain the row phrases ("涉及国家秘密3件"): read rows only once the
  // table has started (its header or its first rows).
  let t3Started = false;
  const t3Toks = tokenize(lines, t3From, t3To);
  // Some software templates add a 法人或其他组织小计 column (S3b); the official table has none (§2.3). We assume
  // it sits after 其他, at the end of the 法人 group [I], and drop it when reading.
  const firstRow = t3Toks.findIndex((t) => t !== SEP && splitPrefix(t.norm).body.startsWith('本年新收'));
  const subtotalColumn = t3Toks
    .slice(0, Math.max(firstRow, 0))
    .some((t) => t !== SEP && t.norm.includes('小计'));
  const width = TABLE3_COLUMNS.length + (subtotalColumn ? 1 : 0);
  const t3Rows = readRows(
    t3Toks,
    (norm, state) => {
      const c = classifyTable3(norm, state.group);
      if (!t3Started) {
        const opens =
          norm === '自然人' ||
          norm === '申请人情况' ||
          norm.includes('勾稽关系') ||
          c?.kind === 'results' ||
          (c?.kind === 'row' && (c.key === 'new' || c.key === 'carried_in'));
        if (!opens) return null;
        t3Started = true;
      }
      if (c === null) return null;
      if (c.kind === 'results') return '';
      if (c.kind === 'group') {
        state.group = c.group;
        return c.group; // a group label followed by numbers is a row of its own (2019 （六）, or a subtotal)
      }
      if (c.key === 'r1' || c.key === 'r2') state.group = c.key;
      return c.key;
    },
    () => width,
    t3State,
  );
  if (subtotalColumn) {
    for (const row of t3Rows.values()) if (row.cells.length === width) row.cells.splice(6, 1);
    findings.push({
      kind: 'wrong_template',
      cell: 'table3',
      message:
        '第三部分表格含有官方格式没有的「小计」列（国办公开办函〔2021〕30号格式只有自然人、五类法人或其他组织和总计七列）',
    });
  }
  // The 2019 trial format has （六）其他处理 as one row; the 2021 format splits it into three [V-3P S3a; 2019 M].
  const r6Aggregate =
    (t3Rows.get('r6')?.cells.some((c) => isNumberLike(c.text)) ?? false) && !t3Rows.has('r6_1');
  const template: ReportTemplate =
    oldFound.length > 0 || r6Aggregate
      ? 'pre-2021'
      : newFound.length > 0 || t3Rows.has('r6_1')
        ? '2021'
        : 'unknown';
  if (template === 'pre-2021' && (year === undefined || year >= 2021)) {
    const markers = [...oldFound.slice(0, 3), ...(r6Aggregate ? ['（六）其他处理未分项'] : [])];
    findings.push({
      kind: 'wrong_template',
      message: `${year ?? ''}${year ? '年度' : ''}报告使用了2021年以前的旧格式（国办公开办函〔2019〕60号），应使用国办公开办函〔2021〕30号格式；旧格式标志：${markers.join('、')}`,
    });
  }

  const subtotalRows = (['r3', 'r4', 'r5', 'r6'] as const).filter(
    (g) => (g !== 'r6' || !r6Aggregate) && (t3Rows.get(g)?.cells.some((c) => isNumberLike(c.text)) ?? false),
  );
  if (subtotalRows.length > 0) {
    findings.push({
      kind: 'wrong_template',
      cell: 'table3',
      message: `第三部分表格含有官方格式没有的小计行：${subtotalRows.map((g) => OUTCOME_GROUP_LABELS[g]).join('、')}`,
    });
  }

  const resultRows: string[] = r6Aggregate
    ? [...OUTCOME_CODES.filter((c) => !c.startsWith('r6')), 'r6']
    : [...OUTCOME_CODES];
  const t3Expected = ['new', 'carried_in', ...resultRows, 'r7', 'carried_out'];
  const t3Values = new Map<string, number>();
  for (const row of t3Expected) {
    const parsed = t3Rows.get(row);
    if (!parsed) {
      findings.push({
        kind: 'missing_row',
        cell: `table3.${row}`,
        message: `第三部分表格缺少「${table3Label(row)}」行`,
      });
      continue;
    }
    if (parsed.cells.length < TABLE3_COLUMNS.length) {
      findings.push({
        kind: 'missing_row',
        cell: `table3.${row}`,
        message: `第三部分表格「${table3Label(row)}」行只有${parsed.cells.length}个单元格，应为${TABLE3_COLUMNS.length}个`,
      });
    }
    parsed.cells.forEach((tok, i) => {
      const col = TABLE3_COLUMNS[i] as Table3ColumnKey;
      const name = `第三部分表格「${table3Label(row)}」行「${TABLE3_COLUMN_LABELS[col]}」列`;
      const v = readCount(tok.text, `table3.${row}.${col}`, name, findings);
      if (v !== undefined) {
        t3Values.set(`${row}.${col}`, v);
        cells[`table3.${row}.${col}`] = v;
      }
    });
  }
  for (const issue of checkTable3Identities((r, c) => t3Values.get(`${r}.${c}`), {
    resultRows,
    rowLabel: table3Label,
  })) {
    findings.push({ kind: 'identity', message: issue.message, ...(issue.cell ? { cell: issue.cell } : {}) });
  }

  // ---- table 二 (2021 layout only; the 2019 layout has other columns) ----
  if (template !== 'pre-2021') {
    const [t2From, t2To] = region('proactive', 0, lines.length);
    checkTable2(tokenize(lines, t2From, t2To), findings, cells);
  }

  // ---- table 四 ----
  const [t4From, t4To] = region('remedies', 0, lines.length);
  checkTable4(tokenize(lines, t4From, t4To), findings, cells);

  return {
    ...(year !== undefined ? { year } : {}),
    ...(unit !== undefined ? { unit } : {}),
    template,
    sections,
    findings,
    cells,
  };
}

function readCount(
  raw: string,
  cell: string,
  name: string,
  findings: CheckFinding[],
  decimal = false,
): number | undefined {
  const v = parseCellNumber(raw);
  if (!v.ok) {
    findings.push({
      kind: 'not_integer',
      cell,
      message: `${name}：值“${raw}”不是${decimal ? '数字' : '非负整数'}`,
    });
    return undefined;
  }
  if (!decimal && !Number.isInteger(v.value)) {
    findings.push({ kind: 'not_integer', cell, message: `${name}：值“${raw}”不是整数` });
    return undefined;
  }
  if (v.value < 0) {
    findings.push({ kind: 'negative', cell, message: `${name}：值${v.value}为负数` });
    return undefined;
  }
  return v.value;
}

type T2Row = keyof typeof TABLE2_LABELS.rows;
const T2_ROWS: { key: T2Row; labels: string[]; cells: { path: string; name: string }[]; decimal: boolean }[] =
  [
    {
      key: 'regulations',
      labels: ['规章'],
      cells: (['issued', 'abolished', 'in_force'] as const).map((k) => ({
        path: `table2.art20_1.regulations.${k}`,
        name: TABLE2_LABELS[k],
      })),
      decimal: false,
    },
    {
      key: 'normative_docs',
      labels: ['行政规范性文件', '规范性文件'],
      cells: (['issued', 'abolished', 'in_force'] as const).map((k) => ({
        path: `table2.art20_1.normative_docs.${k}`,
        name: TABLE2_LABELS[k],
      })),
      decimal: false,
    },
    ...(['licensing', 'penalty', 'compulsion'] as const).map((key) => ({
      key,
      labels: [TABLE2_LABELS.rows[key]],
      cells: [
        {
          path: `table2.${key === 'licensing' ? 'art20_5' : 'art20_6'}.${key}.decisions`,
          name: TABLE2_LABELS.decisions,
        },
      ],
      decimal: false,
    })),
    {
      key: 'fees',
      labels: ['行政事业性收费'],
      cells: [{ path: 'table2.art20_8.fees.amount_wan_yuan', name: TABLE2_LABELS.amount_wan_yuan }],
      decimal: true,
    },
  ];

function checkTable2(toks: readonly Tok[], findings: CheckFinding[], cells: Record<string, number>): void {
  const byLabel = new Map<string, T2Row>();
  for (const r of T2_ROWS) for (const l of r.labels) byLabel.set(l, r.key);
  const rows = readRows(
    toks,
    (norm) => byLabel.get(norm) ?? null,
    (key) => T2_ROWS.find((r) => r.key === key)?.cells.length ?? 0,
    { group: null },
  );
  for (const r of T2_ROWS) {
    const label = TABLE2_LABELS.rows[r.key];
    const parsed = rows.get(r.key);
    if (!parsed || parsed.cells.length === 0) {
      findings.push({
        kind: 'missing_row',
        cell: r.cells[0]?.path,
        message: `第二部分表格缺少「${label}」行`,
      });
      continue;
    }
    parsed.cells.forEach((tok, i) => {
      const c = r.cells[i];
      if (!c) return;
      const v = readCount(tok.text, c.path, `第二部分表格「${label}」行「${c.name}」`, findings, r.decimal);
      if (v !== undefined) cells[c.path] = v;
    });
  }
}

const T4_HEADER = new Set(
  [
    TABLE4_LABELS.reconsideration,
    TABLE4_LABELS.litigation,
    ...Object.values(TABLE4_LABELS.groups),
    ...Object.values(TABLE4_LABELS.cells),
  ].map(normalizeLabel),
);

function checkTable4(toks: readonly Tok[], findings: CheckFinding[], cells: Record<string, number>): void {
  let lastHeader = -1;
  toks.forEach((t, i) => {
    if (t !== SEP && T4_HEADER.has(t.norm)) lastHeader = i;
  });
  if (lastHeader < 0) {
    findings.push({
      kind: 'missing_row',
      cell: 'table4',
      message: '第四部分表格（行政复议、行政诉讼）未找到',
    });
    return;
  }
  const values: Token[] = [];
  for (let i = lastHeader + 1; i < toks.length && values.length < 15; i++) {
    const t = toks[i];
    if (t === SEP || t === undefined) continue;
    // A short token with a digit ("12.5", "3件") is a bad cell of the row; longer text ends the table.
    if (!parseCellNumber(t.text).ok && !(t.text.length <= 10 && /\d/.test(t.text))) break;
    values.push(t);
  }
  if (values.length < 15) {
    findings.push({
      kind: 'missing_row',
      cell: 'table4',
      message: `第四部分表格只找到${values.length}个数据单元格，应为15个`,
    });
  }
  const got = new Map<string, number>();
  values.forEach((tok, i) => {
    const g = TABLE4_GROUPS[Math.floor(i / 5)] as Table4Group;
    const c = TABLE4_CELLS[i % 5] as Table4Cell;
    const path = `table4.${g}.${c}`;
    const v = readCount(
      tok.text,
      path,
      `第四部分表格「${table4GroupLabel(g)}」「${TABLE4_LABELS.cells[c]}」`,
      findings,
    );
    if (v !== undefined) {
      got.set(`${g}.${c}`, v);
      cells[path] = v;
    }
  });
  for (const issue of checkTable4Identities((g, c) => got.get(`${g}.${c}`))) {
    findings.push({ kind: 'identity', message: issue.message, ...(issue.cell ? { cell: issue.cell } : {}) });
  }
}
