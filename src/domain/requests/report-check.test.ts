import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { sampleReport } from '../../../test/fixtures/annual-reports/annual-report-sample';
import { eachEquals } from '../../../test/table';
import { TABLE3_COLUMNS } from './annual-report';
import { renderLayoutHtml, renderReportText, reportLayout } from './annual-report-layout';
import { type CheckFinding, checkPublishedReport } from './report-check';
import { htmlToFlatText, parseCellNumber } from './report-text';

const fixture = (name: string): string =>
  readFileSync(new URL(`../../../test/fixtures/annual-reports/${name}`, import.meta.url), 'utf8');
const check = (name: string) =>
  checkPublishedReport({ kind: name.endsWith('.html') ? 'html' : 'text', content: fixture(name) });
const brief = (f: CheckFinding[]) => f.map((x) => [x.kind, x.cell, x.message]);

const ALL_SECTIONS = ['overview', 'proactive', 'applications', 'remedies', 'problems', 'other'];

describe('balanced 2021-format reports', () => {
  it.each(['annual-report-balanced.txt', 'annual-report-balanced.html'])(
    '%s passes with zero findings',
    (name) => {
      const r = check(name);
      expect(r.findings).toEqual([]);
      expect(r.template).toBe('2021');
      expect(r.sections).toEqual(ALL_SECTIONS);
      expect(r.year).toBe(2025);
      expect(r.unit).toBe('示例区人民政府');
      // The S3a test vector (REGULATIONS §2.4, §2.5) is read back from the tables.
      expect(r.cells).toMatchObject({
        'table3.new.total': 14069,
        'table3.carried_in.total': 560,
        'table3.r7.total': 13810,
        'table3.carried_out.total': 819,
        'table3.new.natural_person': 13612,
        'table3.carried_in.natural_person': 535,
        'table3.r7.natural_person': 13364,
        'table3.carried_out.natural_person': 783,
        'table4.reconsideration.total': 790,
        'table4.litigation_direct.total': 56,
        'table4.litigation_after_reconsideration.total': 156,
        'table4.litigation_after_reconsideration.pending': 51,
        'table2.art20_8.fees.amount_wan_yuan': 12.35,
        'table2.art20_1.normative_docs.in_force': 85,
        'table3.r3_1.commercial': 0, // a blank (&nbsp;) cell in the HTML version
      });
      expect(Object.keys(r.cells)).toHaveLength(25 * 7 + 10 + 15);
    },
  );

  it('AR-8: accepts "五、存在问题及改进情况" as section 五', () => {
    const r = check('annual-report-alias-section5.txt');
    expect(r.findings).toEqual([]);
    expect(r.sections).toEqual(ALL_SECTIONS);
  });
});

describe('broken variants yield the specific finding naming the cell', () => {
  const cellChanged = [
    ['identity', 'table3.r7.total', '第三部分表格「总计」列：一+二=14629，（七）总计+四=14628，不相等'],
    [
      'identity',
      'table3.carried_out.total',
      '第三部分表格「四、结转下年度继续办理」行：六类申请人之和=819，「总计」列=818，不相等',
    ],
  ];
  it.each<[string, (string | undefined)[][]]>([
    ['annual-report-broken-cell.txt', cellChanged],
    ['annual-report-broken-cell.html', cellChanged],
    [
      'annual-report-broken-row.txt',
      [['missing_row', 'table3.r5_3', '第三部分表格缺少「（五）不予处理-3.要求提供公开出版物」行']],
    ],
    [
      'annual-report-broken-section.txt',
      [['missing_section', 'section.other', '缺少「六、其他需要报告的事项」部分']],
    ],
    [
      'annual-report-broken-table4.txt',
      [
        [
          'identity',
          'table4.reconsideration.total',
          '第四部分表格「行政复议」：结果维持+结果纠正+其他结果+尚未审结=790，总计=791，不相等',
        ],
      ],
    ],
  ])('%s', (name, expected) => {
    const r = check(name);
    expect(brief(r.findings)).toEqual(expected);
    expect(r.template).toBe('2021');
  });

  it('recognises the pre-2021 (2019 trial) template and says so', () => {
    const r = check('annual-report-old-template.txt');
    expect(r.template).toBe('pre-2021');
    expect(r.year).toBe(2023);
    expect(r.findings.map((f) => f.kind)).toEqual(['wrong_template']);
    expect(r.findings[0]?.message).toContain('国办公开办函〔2019〕60号');
    expect(r.findings[0]?.message).toContain('本年新制作数量');
    expect(r.findings[0]?.message).toContain('（六）其他处理未分项');
    // （六） as one row still balances （七）.
    expect(r.cells['table3.r6.total']).toBe(300 + 5 + 236 + 5 + 10 + 10 + 5);
  });

  it('does not blame a 2019 report for using the format of its own time', () => {
    const content = fixture('annual-report-old-template.txt').replace(
      '2023年政府信息公开',
      '2019年政府信息公开',
    );
    const r = checkPublishedReport({ kind: 'text', content });
    expect(r.template).toBe('pre-2021');
    expect(r.year).toBe(2019);
    expect(r.findings).toEqual([]);
  });

  const balanced = fixture('annual-report-balanced.txt');
  it.each<[string, string, string, string]>([
    [
      '-3',
      'negative',
      'table3.r3_1.natural_person',
      '第三部分表格「（三）不予公开-1.属于国家秘密」行「自然人」列：值-3为负数',
    ],
    [
      '2.5',
      'not_integer',
      'table3.r3_1.natural_person',
      '第三部分表格「（三）不予公开-1.属于国家秘密」行「自然人」列：值“2.5”不是整数',
    ],
    [
      '三',
      'not_integer',
      'table3.r3_1.natural_person',
      '第三部分表格「（三）不予公开-1.属于国家秘密」行「自然人」列：值“三”不是非负整数',
    ],
  ])('cell value %s → %s', (value, kind, cell, message) => {
    const content = balanced.replace('\t1.属于国家秘密\n\t3\n', `\t1.属于国家秘密\n\t${value}\n`);
    expect(content).not.toBe(balanced);
    // The bad cell is left out of the identities, so it is the only finding.
    expect(brief(checkPublishedReport({ kind: 'text', content }).findings)).toEqual([[kind, cell, message]]);
  });

  it('reports a missing table 四 and a missing table 二 row', () => {
    const content = balanced
      .replace('\t行政强制\n\t96\n', '')
      .replace(
        /四、政府信息公开行政复议、行政诉讼情况[\s\S]*?五、/,
        '四、政府信息公开行政复议、行政诉讼情况\n本年无。\n五、',
      );
    expect(brief(checkPublishedReport({ kind: 'text', content }).findings)).toEqual([
      ['missing_row', 'table2.art20_6.compulsion.decisions', '第二部分表格缺少「行政强制」行'],
      ['missing_row', 'table4', '第四部分表格（行政复议、行政诉讼）未找到'],
    ]);
  });
});

describe('other published forms', () => {
  it('round-trips the report rendered as flattened text and as HTML', () => {
    const report = sampleReport();
    for (const input of [
      { kind: 'text' as const, content: renderReportText(report) },
      { kind: 'html' as const, content: renderLayoutHtml(reportLayout(report)) },
    ]) {
      const r = checkPublishedReport(input);
      expect(r.findings).toEqual([]);
      expect(r.template).toBe('2021');
      expect(r.cells['table3.r5_4.natural_person']).toBe(report.table3.r5_4.natural_person);
      expect(r.cells['table4.litigation_direct.pending']).toBe(27);
    }
  });

  it('reads rows whose cells are separated by spaces on one line', () => {
    const layout = reportLayout(sampleReport());
    const lines = [layout.title];
    for (const s of layout.sections) {
      lines.push(s.title, ...s.paragraphs);
      if (s.table) for (const row of s.table.rows) lines.push(row.map((c) => c.text).join(' '));
    }
    const r = checkPublishedReport({ kind: 'text', content: lines.join('\n') });
    expect(r.findings).toEqual([]);
    expect(r.cells['table3.carried_out.total']).toBe(819);
    expect(r.cells['table2.art20_5.licensing.decisions']).toBe(5230);
  });

  it('reads one cell per line without blank lines between rows', () => {
    const content = fixture('annual-report-balanced.txt').replace(/\n\n+/g, '\n');
    const r = checkPublishedReport({ kind: 'text', content });
    expect(r.findings).toEqual([]);
    expect(r.cells['table3.r6_3.natural_person']).toBe(236);
  });

  it('flags and drops a 小计 column that the official table does not have', () => {
    const report = sampleReport();
    const layout = reportLayout(report);
    const lines = [layout.title];
    for (const s of layout.sections) {
      lines.push(s.title, ...s.paragraphs);
      if (!s.table) continue;
      for (const row of s.table.rows) {
        const texts = row.map((c) => c.text);
        if (s.key === 'applications') {
          const firstValue = row.findIndex((c) => c.key);
          if (firstValue >= 0) {
            const orgs = row
              .slice(firstValue + 1, firstValue + 6)
              .reduce((sum, c) => sum + Number(c.text), 0);
            texts.splice(firstValue + 6, 0, String(orgs));
          } else if (texts.includes('法律服务机构')) texts.push('小计');
        }
        lines.push(texts.join(' '));
      }
    }
    const r = checkPublishedReport({ kind: 'text', content: lines.join('\n') });
    expect(r.findings.map((f) => [f.kind, f.cell])).toEqual([['wrong_template', 'table3']]);
    expect(r.findings[0]?.message).toContain('「小计」列');
    expect(r.cells['table3.new.total']).toBe(14069);
    expect(r.cells['table3.new.other']).toBe(50);
  });

  it('flags a subtotal row for （三）不予公开', () => {
    const t = sampleReport().table3;
    const codes = ['r3_1', 'r3_2', 'r3_3', 'r3_4', 'r3_5', 'r3_6', 'r3_7', 'r3_8'] as const;
    const sums = TABLE3_COLUMNS.map((c) => codes.reduce((s, code) => s + t[code][c], 0));
    const content = renderReportText(sampleReport()).replace(
      '\t（三）不予公开\n',
      `\t（三）不予公开\n${sums.map((v) => `\t${v}\n`).join('')}\n`,
    );
    const r = checkPublishedReport({ kind: 'text', content });
    expect(brief(r.findings)).toEqual([
      ['wrong_template', 'table3', '第三部分表格含有官方格式没有的小计行：（三）不予公开'],
    ]);
  });

  it('ignores row phrases in the narrative before the table', () => {
    const content = fixture('annual-report-balanced.txt').replace(
      '三、收到和处理政府信息公开申请情况\n',
      '三、收到和处理政府信息公开申请情况\n本年度涉及国家秘密 2 件，重复申请 9 件。\n',
    );
    const r = checkPublishedReport({ kind: 'text', content });
    expect(r.findings).toEqual([]);
    expect(r.cells['table3.r3_1.natural_person']).toBe(3);
  });

  it('reads Markdown-style tables with half-width quotes and spaced labels', () => {
    const text = renderReportText(sampleReport())
      .replace('3.危及“三安全一稳定”', '3. 危及"三安全一稳定"')
      .replace('（一）予以公开', '(一)予以公开');
    const r = checkPublishedReport({ kind: 'text', content: text });
    expect(r.findings).toEqual([]);
  });

  it.each<[string, number | undefined, string | undefined]>([
    ['宿迁市 2025 年政府信息公开工作年度报告', 2025, '宿迁市'],
    ['北京市朝阳区人民政府2024年度政府信息公开工作年度报告', 2024, '北京市朝阳区人民政府'],
    ['2023年政府信息公开工作年度报告', 2023, undefined],
    ['示例区教育局政府信息公开工作年度报告（2024年度）', 2024, undefined],
    ['工作总结', undefined, undefined],
  ])('title %s → year %s, unit %s', (title, year, unit) => {
    const r = checkPublishedReport({ kind: 'text', content: `${title}\n一、总体情况\n` });
    expect([r.year, r.unit]).toEqual([year, unit]);
  });

  eachEquals(
    parseCellNumber,
    [
      ['1,234', { ok: true, value: 1234, blank: false }],
      ['１２', { ok: true, value: 12, blank: false }],
      ['', { ok: true, value: 0, blank: true }],
      ['—', { ok: true, value: 0, blank: true }],
      ['−5', { ok: true, value: -5, blank: false }],
      ['12件', { ok: false, raw: '12件' }],
    ],
    'parseCellNumber(%j)',
  );

  it('flattens HTML cells one per line with entity decoding and row breaks', () => {
    const html =
      '<p>标题&nbsp;一</p><table><tr><td rowspan="2"><p>甲</p></td><td>1&#48;</td><td>&nbsp;</td></tr><tr><td>&ldquo;乙&rdquo;</td></tr></table><p>尾</p>';
    expect(htmlToFlatText(html)).toBe('标题 一\n\n\t甲\n\t10\n\t\n\n\t“乙”\n\n尾');
  });
});
