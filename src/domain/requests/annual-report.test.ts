import { describe, expect, it } from 'vitest';
import { sampleReport } from '../../../test/fixtures/annual-reports/annual-report-sample';
import { eachReturns } from '../../../test/table';
import {
  type AnnualReport,
  APPLICANT_KINDS,
  type ApplicationForReport,
  computeTable3,
  computeTable4,
  figureScope,
  OUTCOME_CODES,
  OUTCOME_LABELS,
  publicationDeadline,
  type RemedyRecord,
  SECTION_TITLE_ALIASES,
  SECTION_TITLES,
  TABLE3_COLUMN_LABELS,
  TABLE3_COLUMNS,
  TABLE3_ROW_LABELS,
  TABLE3_ROWS,
  type Table3RowKey,
  validMonthDay,
} from './annual-report';
import { validateReport } from './annual-report-check';
import { type LayoutTable, reportLayout, table3Layout } from './annual-report-layout';
import { APPLICANT_KIND_LABELS } from './outcomes';

function clone(r: AnnualReport): AnnualReport {
  return structuredClone(r);
}

/** Expands spans into a grid and returns the width of every row (each must equal `columns`). */
function rowWidths(t: LayoutTable): number[] {
  const carry: number[] = []; // rows still covered, per grid column
  return t.rows.map((row) => {
    let col = 0;
    let width = 0;
    const next = carry.map((n) => Math.max(0, n - 1));
    for (const cell of row) {
      while ((carry[col] ?? 0) > 0) {
        col++;
        width++;
      }
      const cs = cell.colSpan ?? 1;
      for (let k = 0; k < cs; k++) next[col + k] = (cell.rowSpan ?? 1) - 1;
      col += cs;
      width += cs;
    }
    while ((carry[col] ?? 0) > 0) {
      col++;
      width++;
    }
    carry.splice(0, carry.length, ...next);
    return width;
  });
}

describe('AR-1 sections', () => {
  it('has exactly the six §2.1 titles in order, tables only in 二, 三, 四', () => {
    const layout = reportLayout(sampleReport());
    expect(layout.sections.map((s) => s.title)).toEqual([
      '一、总体情况',
      '二、主动公开政府信息情况',
      '三、收到和处理政府信息公开申请情况',
      '四、政府信息公开行政复议、行政诉讼情况',
      '五、存在的主要问题及改进情况',
      '六、其他需要报告的事项',
    ]);
    expect(layout.sections.filter((s) => s.table).map((s) => s.title[0])).toEqual(['二', '三', '四']);
    expect(layout.title).toBe('示例区人民政府2025年政府信息公开工作年度报告');
  });
  it('AR-8: accepts "五、存在问题及改进情况" as an alias but exports the official title', () => {
    expect(SECTION_TITLE_ALIASES.problems).toContain('五、存在问题及改进情况');
    expect(SECTION_TITLES.problems).toBe('五、存在的主要问题及改进情况');
  });
});

describe('AR-2 table 三 layout and labels', () => {
  const layout = table3Layout(sampleReport().table3);
  it('fills a 10-column grid in every row (3 label columns + 7 numbers)', () => {
    expect(rowWidths(layout)).toEqual(layout.rows.map(() => 10));
  });
  it('has 25 data rows of 7 numbers and no 小计', () => {
    const dataRows = layout.rows.filter((r) => r.some((c) => c.key));
    expect(dataRows).toHaveLength(25);
    for (const r of dataRows) expect(r.filter((c) => c.key)).toHaveLength(7);
    expect(layout.rows.flat().some((c) => c.text.includes('小计'))).toBe(false);
  });
  it('spans 三、本年度办理结果 over 22 rows and each group over its sub-rows', () => {
    const spans = Object.fromEntries(
      layout.rows
        .flat()
        .filter((c) => c.rowSpan)
        .map((c) => [c.text, c.rowSpan]),
    );
    expect(spans).toMatchObject({
      '三、本年度办理结果': 22,
      '（三）不予公开': 8,
      '（四）无法提供': 3,
      '（五）不予处理': 5,
      '（六）其他处理': 3,
    });
  });
  // The six applicant labels and their order are pinned in outcomes.test.ts.
  it('orders the 7 columns as §2.3: the six applicant kinds, then 总计', () => {
    expect(TABLE3_COLUMNS.map((c) => TABLE3_COLUMN_LABELS[c])).toEqual([
      ...APPLICANT_KINDS.map((k) => APPLICANT_KIND_LABELS[k]),
      '总计',
    ]);
  });
  // Labels copied from REGULATIONS.md §2.3 (the official quotes around 三安全一稳定 are Chinese “”).
  it.each<[Table3RowKey, string]>([
    ['new', '一、本年新收政府信息公开申请数量'],
    ['carried_in', '二、上年结转政府信息公开申请数量'],
    ['r1', '（一）予以公开'],
    ['r2', '（二）部分公开（区分处理的，只计这一情形，不计其他情形）'],
    ['r3_1', '1.属于国家秘密'],
    ['r3_3', '3.危及“三安全一稳定”'],
    ['r3_8', '8.属于行政查询事项'],
    ['r4_3', '3.补正后申请内容仍不明确'],
    ['r5_5', '5.要求行政机关确认或重新出具已获取信息'],
    ['r6_1', '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请'],
    ['r6_2', '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请'],
    ['r6_3', '3.其他'],
    ['r7', '（七）总计'],
    ['carried_out', '四、结转下年度继续办理'],
  ])('row %s is labelled %s', (key, label) => {
    expect(TABLE3_ROW_LABELS[key]).toBe(label);
  });
  it('has 21 outcome codes and 25 rows', () => {
    expect(OUTCOME_CODES).toHaveLength(21);
    expect(Object.keys(OUTCOME_LABELS)).toHaveLength(21);
    expect(TABLE3_ROWS).toHaveLength(25);
  });
  it('fills the 4-column table 二 and the 15-column table 四 grids', () => {
    const l = reportLayout(sampleReport());
    const t2 = l.sections[1]?.table;
    const t4 = l.sections[3]?.table;
    expect(t2 && rowWidths(t2)).toEqual(t2?.rows.map(() => 4));
    expect(t4 && rowWidths(t4)).toEqual(t4?.rows.map(() => 15));
    expect(t4?.rows[3]?.map((c) => c.text).join(',')).toBe('376,97,196,121,790,16,1,12,27,56,74,1,30,51,156');
  });
});

describe('validateReport', () => {
  it('AR-3: the S3a numbers pass with zero errors and zero warnings', () => {
    const r = sampleReport();
    expect(r.table3.new.total + r.table3.carried_in.total).toBe(14629);
    expect(r.table3.r7.total + r.table3.carried_out.total).toBe(14629);
    expect(r.table3.new.natural_person + r.table3.carried_in.natural_person).toBe(14147);
    expect(OUTCOME_CODES.reduce((s, c) => s + r.table3[c].total, 0)).toBe(13810);
    const v = validateReport(r);
    expect(v.issues).toEqual([]);
  });

  it('AR-3: 四 of 总计 changed to 818 fails naming the column and both sides', () => {
    const r = clone(sampleReport());
    r.table3.carried_out.total = 818;
    const v = validateReport(r);
    expect(v.errors.map((e) => e.message)).toContain(
      '第三部分表格「总计」列：一+二=14629，（七）总计+四=14628，不相等',
    );
    expect(v.errors.find((e) => e.rule === 'column_balance')?.cell).toBe('table3.r7.total');
  });

  type Mutation = [string, (r: AnnualReport) => void, string, string];
  it.each<Mutation>([
    [
      'AR-4 总计 ≠ six applicant columns',
      (r) => {
        r.table3.r1.total += 1;
        r.table3.r7.total += 1; // keep （七） consistent with the sub-rows so only the row sum breaks
        r.table3.carried_out.total -= 1;
      },
      'applicant_sum',
      '第三部分表格「（一）予以公开」行：六类申请人之和=6214，「总计」列=6215，不相等',
    ],
    [
      'AR-4 （七） ≠ sum of the 21 sub-rows',
      (r) => {
        r.table3.r5_2.research += 1;
        r.table3.r5_2.total += 1;
      },
      'result_sum',
      '第三部分表格「科研机构」列：（一）至（六）各项之和=5，（七）总计=4，不相等',
    ],
    [
      'AR-5 table 四 总计',
      (r) => {
        r.table4.litigation_direct.pending = 28;
      },
      'table4_total',
      '第四部分表格「行政诉讼-未经复议直接起诉」：结果维持+结果纠正+其他结果+尚未审结=57，总计=56，不相等',
    ],
    [
      'AR-6 integer cell with a decimal',
      (r) => {
        r.table2.art20_5.licensing.decisions = 5230.5;
      },
      'not_integer',
      '第二部分表格「行政许可」行「本年处理决定数量」：值“5230.5”不是整数',
    ],
    [
      'AR-6 negative fee',
      (r) => {
        r.table2.art20_8.fees.amount_wan_yuan = -1;
      },
      'negative',
      '第二部分表格「行政事业性收费」行「本年收费金额（单位：万元）」：值-1为负数',
    ],
    [
      'AR-6 negative count in table 三',
      (r) => {
        r.table3.r3_1.commercial = -1;
      },
      'negative',
      '第三部分表格「（三）不予公开-1.属于国家秘密」行「商业企业」列：值-1为负数',
    ],
  ])('%s', (_name, mutate, rule, message) => {
    const r = clone(sampleReport());
    mutate(r);
    const v = validateReport(r);
    expect(v.errors.filter((e) => e.rule === rule).map((e) => e.message)).toContain(message);
  });

  it('AR-6: the fee cell accepts decimals in 万元', () => {
    const r = clone(sampleReport());
    r.table2.art20_8.fees.amount_wan_yuan = 0.05;
    expect(validateReport(r).errors).toEqual([]);
  });

  it('§2.2 plausibility: 现行有效 vs last year only warns', () => {
    const prev = clone(sampleReport());
    prev.table2.art20_1.normative_docs.in_force = 76; // 76 + 12 - 3 = 85: plausible
    expect(validateReport(sampleReport(), { previous: { table2: prev.table2 } }).issues).toEqual([]);
    prev.table2.art20_1.normative_docs.in_force = 80; // 80 + 12 - 3 = 89 ≠ 85
    const v = validateReport(sampleReport(), { previous: { table2: prev.table2 } });
    expect(v.errors).toEqual([]);
    expect(v.warnings.map((w) => [w.rule, w.cell])).toEqual([
      ['in_force_plausibility', 'table2.art20_1.normative_docs.in_force'],
    ]);
    expect(
      validateReport(sampleReport(), {
        previous: { table2: prev.table2 },
        settings: { inForcePlausibility: 'off' },
      }).issues,
    ).toEqual([]);
  });

  it('§2.4 carry-over: last year 四 ≠ this year 二 only warns, naming the column', () => {
    const prev = clone(sampleReport());
    prev.table3.carried_out = { ...sampleReport().table3.carried_in };
    expect(validateReport(sampleReport(), { previous: { table3: prev.table3 } }).issues).toEqual([]);
    prev.table3.carried_out.legal_service = 9;
    const v = validateReport(sampleReport(), { previous: { table3: prev.table3 } });
    expect(v.errors).toEqual([]);
    expect(v.warnings.map((w) => w.message)).toEqual([
      '第三部分表格「法律服务机构」列：本年“二、上年结转”=8，上年报告“四、结转下年度继续办理”=9，不一致，请核实',
    ]);
  });

  it('warns about an empty narrative section', () => {
    const r = clone(sampleReport());
    r.problems = '  ';
    const v = validateReport(r);
    expect(v.errors).toEqual([]);
    expect(v.warnings.map((w) => w.cell)).toEqual(['section.problems']);
  });
});

describe('AR-7 publicationDeadline', () => {
  // 2025 春节 (REGULATIONS §7.2): 01-28..02-04 off, 01-26 Sun on. 2026 春节 (§7.3): 02-15..02-23 off, 02-14 Sat on.
  const off = new Set(['2025-01-28', '2025-01-29', '2025-01-30', '2025-01-31']);
  for (let d = 15; d <= 23; d++) off.add(`2026-02-${d}`);
  const on = new Set(['2025-01-26', '2026-02-14']);
  const calendar = (iso: string): boolean => {
    if (on.has(iso)) return true;
    if (off.has(iso)) return false;
    const dow = new Date(`${iso}T00:00:00Z`).getUTCDay();
    return dow !== 0 && dow !== 6;
  };
  it.each<[Parameters<typeof publicationDeadline>[0], number, string | undefined, boolean, string, string]>([
    ['department', 2025, undefined, false, '2026-01-31', '2026-01-30'], // Saturday due → warn by Friday
    ['government', 2025, undefined, false, '2026-03-31', '2026-03-31'],
    ['township', 2025, undefined, false, '2026-01-31', '2026-01-30'], // setting, default 01-31
    ['township', 2025, '02-20', false, '2026-02-20', '2026-02-20'],
    ['township', 2025, '02-20', true, '2026-02-20', '2026-02-14'], // inside 春节; 02-14 is a make-up Saturday
    ['department', 2024, undefined, true, '2025-01-31', '2025-01-27'], // 春节 starts 01-28
    ['department', 2024, undefined, false, '2025-01-31', '2025-01-31'],
  ])('%s, report year %i, township %s, calendar %s → %s / %s', (body, year, township, useCal, due, warn) => {
    expect(publicationDeadline(body, year, township, useCal ? calendar : undefined)).toEqual({
      due,
      warnFrom: warn,
    });
  });
  it('rejects a malformed township setting', () => {
    expect(() => publicationDeadline('township', 2025, '2-20')).toThrow(RangeError);
    expect(() => publicationDeadline('township', 2025, '02-30')).toThrow(RangeError);
  });
});

describe('the 镇街 deadline setting (MM-DD, a day of every year)', () => {
  eachReturns(validMonthDay, [
    ['01-31', true],
    ['02-20', true],
    ['03-31', true],
    ['12-31', true],
    ['02-28', true],
    ['02-29', false], // not every year has it
    ['02-30', false],
    ['04-31', false],
    ['13-01', false],
    ['00-10', false],
    ['2-20', false],
    ['0220', false],
    ['', false],
  ]);
});

describe('whose figures a report counts (区人民政府: its own, or the whole district by setting)', () => {
  eachReturns(
    ([body, scope]: Parameters<typeof figureScope>) => figureScope(body, scope),
    [
      [['government', 'own'], 'unit'],
      [['government', 'district'], 'tree'],
      [['department', 'own'], 'tree'],
      [['department', 'district'], 'tree'],
      [['township', 'own'], 'tree'],
      [['township', 'district'], 'tree'],
    ],
  );
});

describe('AR-9 computeTable3', () => {
  const app = (
    receivedOn: string,
    closedOn: string | null,
    outcome: ApplicationForReport['outcome'] = null,
    applicantKind: ApplicationForReport['applicantKind'] = 'natural_person',
  ): ApplicationForReport => ({ receivedOn, closedOn, outcome, applicantKind });

  it.each<[string, ApplicationForReport, Partial<Record<Table3RowKey, number>>]>([
    ['received and closed in the year', app('2025-03-02', '2025-03-20', 'r1'), { new: 1, r1: 1, r7: 1 }],
    ['received in the year, still open', app('2025-12-20', null), { new: 1, carried_out: 1 }],
    ['closed on 31 Dec is not carried over', app('2025-12-01', '2025-12-31', 'r2'), { new: 1, r2: 1, r7: 1 }],
    [
      'closed on 1 Jan next year is carried over',
      app('2025-12-01', '2026-01-01', 'r2'),
      { new: 1, carried_out: 1 },
    ],
    [
      'received last year, closed this year',
      app('2024-12-25', '2025-01-10', 'r4_1'),
      { carried_in: 1, r4_1: 1, r7: 1 },
    ],
    [
      'received last year, closed on 1 Jan',
      app('2024-12-25', '2025-01-01', 'r6_1'),
      { carried_in: 1, r6_1: 1, r7: 1 },
    ],
    ['received last year, open all year', app('2024-12-25', null), { carried_in: 1, carried_out: 1 }],
    ['received and closed last year', app('2024-06-01', '2024-12-31', 'r1'), {}],
    ['received next year', app('2026-01-02', null), {}],
  ])('%s', (_name, c, expected) => {
    const t = computeTable3([c], 2025);
    for (const row of TABLE3_ROWS) {
      expect([row, t[row].natural_person, t[row].total]).toEqual([
        row,
        expected[row] ?? 0,
        expected[row] ?? 0,
      ]);
    }
  });

  it('counts by applicant column, keeps every identity and carries 四 into next year 二', () => {
    const cases: ApplicationForReport[] = [
      app('2024-11-01', '2025-02-01', 'r3_4', 'commercial'),
      app('2024-12-30', null, null, 'legal_service'),
      app('2025-01-05', '2025-01-20', 'r1', 'research'),
      app('2025-05-05', '2025-05-30', 'r5_4', 'natural_person'),
      app('2025-12-29', null, null, 'public_interest'),
      app('2025-12-30', '2026-01-15', 'r1', 'other'),
    ];
    const t = computeTable3(cases, 2025);
    expect(t.new).toMatchObject({ research: 1, natural_person: 1, public_interest: 1, other: 1, total: 4 });
    expect(t.carried_in).toMatchObject({ commercial: 1, legal_service: 1, total: 2 });
    expect(t.r7.total).toBe(3);
    expect(t.carried_out).toMatchObject({ legal_service: 1, public_interest: 1, other: 1, total: 3 });
    const report = { ...sampleReport(), table3: t };
    expect(validateReport(report).errors).toEqual([]);
    const next = computeTable3(cases, 2026);
    expect(next.carried_in).toEqual(t.carried_out);
    expect(
      validateReport({ ...report, year: 2026, table3: next }, { previous: { table3: t } }).issues,
    ).toEqual([]);
  });

  it.each<[string, ApplicationForReport]>([
    ['closed without outcome', app('2025-03-01', '2025-03-05')],
    ['closed before received', app('2025-03-01', '2025-02-05', 'r1')],
    ['bad date', app('2025-3-1', null)],
  ])('rejects %s', (_name, c) => {
    expect(() => computeTable3([c], 2025)).toThrow(RangeError);
  });
});

describe('computeTable4', () => {
  it('counts records into the 15 cells and the totals satisfy AR-5', () => {
    const records: RemedyRecord[] = [
      { kind: 'reconsideration', result: 'upheld' },
      { kind: 'reconsideration', result: 'corrected' },
      { kind: 'reconsideration', result: 'pending' },
      { kind: 'litigation', afterReconsideration: false, result: 'other' },
      { kind: 'litigation', afterReconsideration: true, result: 'upheld' },
      { kind: 'litigation', afterReconsideration: true, result: 'upheld' },
    ];
    expect(computeTable4(records)).toEqual({
      reconsideration: { upheld: 1, corrected: 1, other: 0, pending: 1, total: 3 },
      litigation_direct: { upheld: 0, corrected: 0, other: 1, pending: 0, total: 1 },
      litigation_after_reconsideration: { upheld: 2, corrected: 0, other: 0, pending: 0, total: 2 },
    });
  });
});
