import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildPdf, type Run } from '../../../../test/pdf';
import { tableGrid } from '../../../domain/tasks/blocks';
import { parseNotice } from '../../../domain/tasks/notice';
import { DocumentError } from './errors';
import { type Line, linesToBlocks, linesToText } from './pdf';
import { cutName, headWidth, nextItem } from './pdf-bands';
import { readDocument } from './read';

// Columns of the notice's table: 序号 at 40, 工作任务 at 80, 牵头单位 at 420, 责任单位 at 520, 完成时限 at 640.
const COLUMN_X = [40, 80, 420, 520, 640];

/** One line of the table at height y: a text run for each cell that is not empty, left to right. */
const line = (y: number, cells: string[]): Run[] =>
  cells.flatMap((text, i) => (text ? [{ x: COLUMN_X[i]!, y, text }] : []));

const header = (y: number) => line(y, ['序号', '工作任务', '牵头单位', '责任单位', '完成时限']);

const notice = buildPdf([
  [
    { x: 200, y: 560, text: '关于印发2022年政务公开工作要点任务分工的通知', size: 14 },
    { x: 80, y: 530, text: '各乡镇人民政府，县政府各部门：现将任务分工印发给你们，请认真落实。' },
    ...header(500),
    ...line(480, ['1', '公开财政预算决算信息，细化到', '县财政局', '县直各部门', '2022年6月底前']),
    // The task text wraps onto a second line inside its cell.
    { x: 80, y: 466, text: '功能分类项级科目。' },
    ...line(440, ['2', '及时更新政府信息公开指南。', '县政府办公室', '', '每季度']),
  ],
  [
    ...header(560),
    ...line(540, [
      '3',
      '编制发布政府信息公开工作年度报告。',
      '县政府办公室',
      '各乡镇人民政府',
      '次年1月31日前',
    ]),
  ],
]);

// A bordered table as Word and WPS print it: cells centred in their rows, wrapped, one merged over two rows.
// Columns: 序号 36–66, 分类 66–150, 工作任务 150–330, 牵头单位 330–420, 责任单位 420–490, 完成时限 490–580.
// 10-point text: a wrapped line of the task runs to within a character or two of its cell's right side.
const EDGES = [36, 66, 150, 330, 420, 490, 580];
const at = (k: number) => (EDGES[k] ?? 0) + 4;
const cell = (k: number, y: number, text: string): Run => ({ x: at(k), y, text });
/** The table's vertical rules, from its bottom (376) to its top (520). */
const walls = (style: 'filled' | 'stroked') =>
  EDGES.map((x) => ({
    ops: style === 'filled' ? `0 g ${x - 0.25} 376 0.5 144 re f` : `0 G 0.5 w ${x} 376 m ${x} 520 l S`,
  }));
/** A rule from x0 to x1 at height y: a thin filled bar (Word) or a stroked line (WPS). */
const rule = (style: 'filled' | 'stroked', y: number, x0 = 36, x1 = 580) => ({
  ops:
    style === 'filled'
      ? `0 g ${x0} ${y - 0.25} ${x1 - x0} 0.5 re f`
      : `0 G 0.5 w ${x0} ${y} m ${x1} ${y} l S`,
});
const ruledNotice = (style: 'filled' | 'stroked') =>
  buildPdf([
    [
      { x: 160, y: 560, text: '关于印发2026年政务公开工作任务分工的通知', size: 14 },
      rule(style, 520),
      ...walls(style),
      ...['序号', '分类', '工作任务', '牵头单位', '责任单位', '完成时限'].map((t, k) => cell(k, 506, t)),
      rule(style, 500),
      // row 1 (500–460): the task and the responsible units wrap; the other cells stand centred between
      cell(2, 486, '公开区级预算、决算及“三公”经费，'),
      cell(4, 486, '区级各部门、'),
      cell(0, 479, '1'),
      cell(3, 479, '区财政局'),
      cell(5, 479, '6月底前'),
      cell(2, 472, '细化到功能分类项级科目。'),
      // an underline under part of the task's text (a link): no rule of the table, the row goes on
      rule(style, 484, 154, 290),
      cell(4, 472, '各镇街'),
      // the rule under row 1 leaves out the 分类 column: its cell "财政信息" spans rows 1 and 2, centred in row 2
      rule(style, 460, 36, 66),
      rule(style, 460, 150, 580),
      // row 2 (460–400): two unit names written one per line, without a mark between
      cell(2, 446, '推进乡镇财政预算和决算信息公开，'),
      cell(1, 446, '财政信息'),
      cell(4, 446, '各镇街'),
      cell(0, 432, '2'),
      cell(2, 432, '按规定在门户网站公开乡镇预算、'),
      cell(3, 432, '区财政局'),
      cell(4, 432, '区审计局'),
      cell(5, 432, '9月底前'),
      cell(2, 418, '决算信息。'),
      rule(style, 400),
      // row 3: its 责任单位 cell is empty (a rule above it: not merged with the cell above)
      ...['3', '教育信息', '公开义务教育招生政策。', '区教委', '', '长期坚持'].flatMap((t, k) =>
        t ? [cell(k, 385, t)] : [],
      ),
      rule(style, 376),
      { x: 80, y: 340, text: '抄送：区委办公室。' },
      { x: 340, y: 30, text: '- 1 -' },
    ],
  ]);

// pdfjs loads on first use, which is slow on a busy machine.
describe('text PDFs', { timeout: 60_000 }, () => {
  it.each(['filled', 'stroked'] as const)(
    'reads a bordered table by its rules (%s): centred and wrapped cells, a cell merged over two rows',
    async (style) => {
      const plan = parseNotice({ blocks: await readDocument(ruledNotice(style), '任务分工.pdf') });
      expect(
        plan.tasks.map((t) => [
          t.section,
          t.text,
          t.leadUnits,
          t.responsibleUnits,
          t.deadlines.map((d) => d.date ?? d.kind),
        ]),
      ).toEqual([
        [
          ['财政信息'],
          '公开区级预算、决算及“三公”经费，细化到功能分类项级科目。',
          ['区财政局'],
          ['区级各部门', '各镇街'],
          ['2026-06-30'],
        ],
        [
          ['财政信息'],
          '推进乡镇财政预算和决算信息公开，按规定在门户网站公开乡镇预算、决算信息。',
          ['区财政局'],
          ['各镇街', '区审计局'],
          ['2026-09-30'],
        ],
        [['教育信息'], '公开义务教育招生政策。', ['区教委'], [], ['continuous']],
      ]);
    },
  );

  it('rebuilds table rows from text positions: wrapped cells joined, header repeated on the next page', async () => {
    const plan = parseNotice({ blocks: await readDocument(notice, '任务分工.pdf') });
    expect(plan.year).toBe(2022);
    expect(
      plan.tasks.map((t) => [
        t.text,
        t.leadUnits,
        t.responsibleUnits,
        t.deadlines.map((d) => d.date ?? d.every),
      ]),
    ).toEqual([
      ['公开财政预算决算信息，细化到功能分类项级科目。', ['县财政局'], ['县直各部门'], ['2022-06-30']],
      // An empty cell under a filled one may be a merged cell: carried down, with a warning to check.
      ['及时更新政府信息公开指南。', ['县政府办公室'], ['县直各部门'], ['quarter']],
      ['编制发布政府信息公开工作年度报告。', ['县政府办公室'], ['各乡镇人民政府'], ['2023-01-31']],
    ]);
    expect(plan.warnings.map((w) => w.message)).toContain(
      '单元格为空，按合并单元格沿用上一行的“县直各部门”，请核对',
    );
  });

  // The rows of the table in test/fixtures/pdf/*-table.html, however it is printed.
  const PRINTED_ROWS = [
    ['财政信息', '全面公开区级预算', '区财政局', '区级各部门,各街道办事处', '2025-06-30'],
    ['财政信息', '推进街道财政预决', '区财政局', '各街道办事处', '2025-09-30'],
    ['财政信息', '公开政府债务限额', '区财政局', '', 'recurring'],
    ['教育信息', '公开义务教育招生', '区教委', '', 'recurring'],
    ['就业信息', '及时发布就业创业', '区人力社保局', '各街道办事处,区就业服务中心', 'continuous'],
    ['就业信息', '公开职业技能培训', '区人力社保局', '', '2025-12-31'],
    // (a deadline written in the task's text is read too)
    ['执法信息', '全面落实行政执法', '区司法局', '区级各行政执法部门', 'continuous,relative'],
    ['执法信息', '公开“双随机、一', '区市场监管局', '区级各行政执法部门', 'relative'],
    ['平台建设', '规范政务新媒体管', '区政府办公室', '区委网信办', 'recurring,recurring'],
    ['平台建设', '优化政府网站政策', '区司法局', '区政府办公室', '2025-10-31'],
    ['平台建设', '做好政府信息公开', '区政府办公室', '区级各部门', '2026-01-31'],
  ];
  const printedTable = async (file: string) => {
    const bytes = new Uint8Array(readFileSync(`test/fixtures/pdf/${file}`));
    const plan = parseNotice({ blocks: await readDocument(bytes, '任务分工.pdf') });
    expect([plan.title, plan.year]).toEqual(['某区2025年政务公开重点工作任务分工', 2025]);
    return plan;
  };
  const rowsOf = (plan: ReturnType<typeof parseNotice>) =>
    plan.tasks.map((t) => [
      t.section.join(),
      t.text.slice(0, 8),
      t.leadUnits.join(),
      t.responsibleUnits.join(),
      t.deadlines.map((d) => d.date ?? d.kind).join(),
    ]);

  it('reads a table printed to PDF by Chromium (test/fixtures/pdf): radicals, merged sections, repeated headers', async () => {
    // ruled-table.html printed with `chromium --headless --print-to-pdf`: three pages, the header repeated on
    // each, the 重点领域 cells merged over their rows, the text layer's fonts mapping 工 to ⼯ and 民 to ⺠.
    const plan = await printedTable('ruled-table.pdf');
    expect(rowsOf(plan)).toEqual(PRINTED_ROWS);
    // No unit carried down into a cell that the table shows empty under its own rule.
    expect(plan.warnings.filter((w) => w.message.includes('沿用'))).toEqual([]);
  });

  it.each([
    // a 三线表: rules above and below the header and under the table only; 重点领域 cells merged over their rows,
    // each group's name centred across them (over a row gap, or in a middle row with blank rows around it)
    ['three-line-table.pdf'],
    // no rules at all, each row's 重点领域 written out
    ['borderless-table.pdf'],
    // the 三线表 with its header printed once: the rows go on over two more pages under the same columns
    ['three-line-table-once.pdf'],
    // the table with no rules opened in LibreOffice Writer and printed: a narrow task column, a row cut by a page
    ['../word/borderless-table.pdf'],
    // printed with a running header and footer on every page (a browser's date and file address with "1/3"; a
    // word processor's 页眉 and page number): the table goes on below the header, a row cut by the page break joins
    ['three-line-table-once-header.pdf'],
    ['../word/borderless-table-header.pdf'],
  ])(
    'reads a table printed without vertical rules by the white space between its columns and rows: %s',
    async (file) => {
      const plan = await printedTable(file);
      expect(rowsOf(plan)).toEqual(PRINTED_ROWS);
      expect(plan.warnings.filter((w) => w.message.includes('沿用'))).toEqual([]);
    },
  );

  it('reads a long table printed without rules with one grid for all its pages, and an empty cell atop a page as empty', async () => {
    // borderless-long.html: the same 11 rows ten times (110 rows, numbers up to 110) over 28 pages, the header
    // repeated on each. Each page's white space puts the column sides a few points apart: one table, one grid.
    const plan = await printedTable('borderless-long.pdf');
    const rows = rowsOf(plan);
    expect(rows).toHaveLength(110);
    expect(rows.filter((r, i) => JSON.stringify(r) !== JSON.stringify(PRINTED_ROWS[i % 11]))).toEqual([]);
    expect(plan.warnings.filter((w) => w.message.includes('沿用'))).toEqual([]);
  });

  it('reads a prose notice printed from a browser as its text reads (seed 002: wrapped lines, running header and footer)', async () => {
    // seed-002-page.html (the seed's paragraphs as a web page) printed with `chromium --headless --print-to-pdf`:
    // four pages, each with the browser's date and title above and the file's address and "1/4" below.
    const bytes = new Uint8Array(readFileSync('test/fixtures/pdf/seed-002-page.pdf'));
    const pdf = parseNotice({ blocks: await readDocument(bytes, '工作方案.pdf') });
    const txt = parseNotice({ text: readFileSync('src/domain/tasks/fixtures/seed-002.txt', 'utf8') });
    const rows = (p: typeof pdf) =>
      p.tasks.map((t) => [
        t.section.map((s) => s.replace(/\s/g, '')),
        t.text,
        t.leadUnits,
        t.responsibleUnits,
        t.deadlines,
      ]);
    expect(pdf.tasks).toHaveLength(23);
    expect(rows(pdf)).toEqual(rows(txt));
    expect([pdf.title, pdf.date, pdf.year]).toEqual([txt.title, txt.date, txt.year]);
  });

  it('refuses a PDF of 300 pages', async () => {
    const pages = Array.from({ length: 300 }, () => [{ x: 80, y: 500, text: '第一条' }]);
    const e = await readDocument(buildPdf(pages), 'long.pdf').catch((x: unknown) => x);
    expect(e).toBeInstanceOf(DocumentError);
    expect((e as DocumentError).code).toBe('PDF_TOO_LONG');
    expect((e as DocumentError).message).toMatch(/300 页/);
  });

  it('refuses a scan (pages without a text layer) and says to use OCR', async () => {
    const e = await readDocument(buildPdf([[], []]), 'scan.pdf').catch((x: unknown) => x);
    expect((e as DocumentError).code).toBe('PDF_SCANNED');
    expect((e as DocumentError).message).toMatch(/扫描件.*OCR/);
  });
});

describe('linesToText: wrapped lines joined back into paragraphs', () => {
  // A page 500 points wide from x = 50: body lines of 10-point text end at 550 when full.
  const at = (x: number, end: number, text: string, y = 0, size = 10): Line => ({
    y,
    size,
    cells: [{ x, end, text }],
  });
  it.each<[string, Line[][], string[]]>([
    [
      'an indented paragraph over three lines, then the next one',
      [
        [
          at(70, 550, '（一）公开预算'),
          at(50, 550, '信息，细化到'),
          at(50, 300, '项级科目。'),
          at(70, 400, '（二）公开决算。'),
        ],
      ],
      ['（一）公开预算信息，细化到项级科目。', '（二）公开决算。'],
    ],
    [
      'a line that ends short ends its paragraph',
      [
        [
          at(70, 400, '一、总体要求'),
          at(50, 550, '坚持以人民为中心的发展思想，'),
          at(50, 550, '全面推进政务公开。'),
        ],
      ],
      ['一、总体要求', '坚持以人民为中心的发展思想，全面推进政务公开。'],
    ],
    [
      'a numbered line at the margin starts a paragraph of its own',
      [
        [
          at(50, 550, '1.公开预算信息，'),
          at(50, 550, '2.公开决算信息。'),
          at(50, 300, '（牵头单位：区财政局）'),
        ],
      ],
      ['1.公开预算信息，', '2.公开决算信息。（牵头单位：区财政局）'],
    ],
    [
      'a centred title in a larger size is not joined to the line below',
      [
        [
          at(120, 550, '关于印发工作要点的通知', 0, 14),
          at(50, 550, '各镇街：现将要点印发给你们。'),
          at(50, 200, '请认真贯彻落实。'),
        ],
      ],
      ['关于印发工作要点的通知', '各镇街：现将要点印发给你们。请认真贯彻落实。'],
    ],
    [
      'a paragraph runs over a page break; the page number is dropped',
      [
        [at(70, 550, '（三）做好政策解读，'), at(50, 550, '解读材料与文件'), at(290, 310, '- 1 -')],
        [at(50, 550, '同步起草、同步审签，'), at(50, 300, '同步发布。')],
      ],
      ['（三）做好政策解读，解读材料与文件同步起草、同步审签，同步发布。'],
    ],
  ])('%s', (_what, pages, expected) => {
    expect(linesToText(pages.map((lines) => ({ lines, rules: [] }))).split('\n')).toEqual(expected);
  });
});

describe('word-processor PDFs: the rules that join a row a page break cut', () => {
  it.each<[string, string, string, boolean]>([
    ['a name cut in two', '区规划自然', '资源局', true],
    ['a list cut after its comma', '区教育局、', '区应急管理局等部门（单位）', true],
    ['a list cut inside a name', '区财政局、区级', '各部门（单位），各乡镇街委。', true],
    ['two letters are no name of their own', '区政府各部门、街道办', '事处', true],
    ['"等" closes a name on the next line', '区公共资源交易中心等', '部门（单位）', true],
    ['a government and its office are one name', '区政府', '办公室', true],
    ['two whole names, one per line', '县财政局', '县市场监管局', false],
    ['a list closed by a full stop is whole', '区司法局，各乡镇街委。', '通川生态环境局、区卫健局', false],
  ])('cutName: %s', (_what, last, next, cut) => {
    expect(cutName(last, next)).toBe(cut);
  });

  it.each<[string, string, boolean]>([
    ['3．公开预算信息。', '4．公开决算信息。', true],
    ['（2）做好解读。', '（3）回应关切。', true],
    ['二、紧扣宏观政策', '三、紧扣强基础', true],
    ['（九）规范平台', '（十）加强保障', true],
    ['3．公开预算信息。', '5．公开决算信息。', false],
    ['3．公开预算信息。', '（4）公开决算信息。', false],
    ['二、紧扣宏观政策', '3．严格按照', false],
    ['公开预算信息。', '2．公开决算信息。', false],
  ])('nextItem: "%s" then "%s" → %s', (last, next, expected) => {
    expect(nextItem(last, next)).toBe(expected);
  });

  it.each<[string, number]>([
    ['区政府办公室', 10], // one letter
    ['要》，做好', 30],
    ['“谁开设、谁主办”', 20], // an opening mark stays with the letter after it
    ['2021年', 22], // a number is kept whole
  ])('headWidth("%s") at 10 pt = %d', (next, width) => {
    expect(headWidth(next, 10)).toBeCloseTo(width, 0);
  });

  // A table of four columns (section 50–100, task 100–300, lead 300–380, responsible 380–460) drawn with rules:
  // `rows` per page, each row its cells' lines; a cell written as null continues the merge above (no top rule).
  type Cells = (string[] | null)[];
  const X = [50, 100, 300, 380, 460];
  function ruledPages(pages: Cells[][]) {
    const header: Cells = [['重点领域'], ['工作任务'], ['牵头单位'], ['责任单位']];
    return pages.map((rows) => {
      const lines: Line[] = [];
      const rules: { x0: number; y0: number; x1: number; y1: number }[] = [];
      let top = 800;
      for (const row of [header, ...rows]) {
        const height = 10 + 15 * Math.max(1, ...row.map((c) => c?.length ?? 0));
        row.forEach((cell, k) => {
          const [a = 0, b = 0] = [X[k], X[k + 1]];
          if (cell !== null) rules.push({ x0: a, y0: top, x1: b, y1: top });
          (cell ?? []).forEach((text, i) => {
            const y = top - 12 - 15 * i;
            const line = lines.find((l) => l.y === y) ?? { y, size: 10, cells: [] };
            if (!lines.includes(line)) lines.push(line);
            line.cells.push({ x: a + 5, end: a + 5 + 10 * text.length, text });
          });
        });
        top -= height;
      }
      rules.push({ x0: X[0] ?? 0, y0: top, x1: X[4] ?? 0, y1: top });
      for (const x of X) rules.push({ x0: x, y0: top, x1: x, y1: 800 });
      lines.sort((p, q) => q.y - p.y);
      return { lines, rules };
    });
  }
  const rowsOf = (pages: Cells[][]) => {
    const table = linesToBlocks(ruledPages(pages)).find((b) => b.type === 'table');
    if (table?.type !== 'table') throw new Error('no table');
    const grid = tableGrid(table);
    return grid.slice(1).map((r) => r.map((c) => c?.text ?? ''));
  };

  it('a row cut in its sentence and a unit name goes on over the page; the repeated header is left out', () => {
    // 19 letters fill a line of the task column, 7 the unit columns.
    expect(
      rowsOf([
        [[['财政信息'], ['公开区级预算、决算及“三公”经费，细化'], ['区财政局'], ['区级各部门、区规划自然']]],
        [[null, ['到功能分类项级科目。'], [], ['资源局']]],
      ]),
    ).toEqual([
      [
        '财政信息',
        '公开区级预算、决算及“三公”经费，细化到功能分类项级科目。',
        '区财政局',
        '区级各部门、区规划自然资源局',
      ],
    ]);
  });

  it('a row that ended before the page did stays whole: the next page starts a row of its own', () => {
    expect(
      rowsOf([
        [[['财政信息'], ['公开区级预算。'], ['区财政局'], ['区级各部门']]],
        [[null, ['公开区级决算。'], ['区审计局'], ['区级各部门']]],
      ]),
    ).toEqual([
      ['财政信息', '公开区级预算。', '区财政局', '区级各部门'],
      ['财政信息', '公开区级决算。', '区审计局', '区级各部门'],
    ]);
  });

  it('a numbered list going on over the page joins the row; a numbered row with its own units does not', () => {
    expect(
      rowsOf([
        [[['财政信息'], ['1．公开区级预算。', '2．公开区级决算。'], ['区财政局'], ['区级各部门']]],
        [[null, ['3．公开“三公”经费。'], [], []]],
      ]),
    ).toEqual([
      ['财政信息', '1．公开区级预算。\n2．公开区级决算。\n3．公开“三公”经费。', '区财政局', '区级各部门'],
    ]);
    expect(
      rowsOf([
        [[['财政信息'], ['2．公开区级决算。'], ['区财政局'], ['区级各部门']]],
        [[null, ['3．公开“三公”经费。'], ['区财政局'], ['区级各部门']]],
      ]),
    ).toHaveLength(2);
  });
});
