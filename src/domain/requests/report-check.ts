// `report check`: reads a published annual report (plain text, possibly with flattened tables, or HTML) and
// reports missing sections and rows, broken identities, bad cell values and the use of the pre-2021 template.
// Pure: the caller reads the file (a shared reader turns .docx into the same text form). REGULATIONS.md §2, §9.4.
import {
  OUTCOME_CODES,
  OUTCOME_GROUP_LABELS,
  type OutcomeGroup,
  SECTION_KEYS,
  SECTION_TITLE_ALIASES,
  SECTION_TITLES,
  type SectionKey,
  TABLE3_COLUMN_LABELS,
  TABLE3_COLUMNS,
  type Table3ColumnKey,
} from './annual-report';
import { checkTable3Identities } from './annual-report-check';
import {
  type CheckFinding,
  htmlToFlatText,
  isNumberLike,
  normalizeLabel,
  type PublishedReportCheck,
  type PublishedReportInput,
  type ReportTemplate,
  SEP,
  splitPrefix,
  tokenize,
} from './report-text';

export type {
  CheckFinding,
  FindingKind,
  PublishedReportCheck,
  PublishedReportInput,
  ReportTemplate,
} from './report-text';

import { checkTable2, checkTable4, classifyTable3, readCount, readRows, table3Label } from './report-tables';

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
