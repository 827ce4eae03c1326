import { describe, expect, it } from 'vitest';
import { eachEquals } from '../../../test/table';
import type { Cell, DocBlock, TableBlock } from './blocks';
import { parseNotice, splitMeasures } from './notice';

/** A flattened-text table in the seeds' form: rows of cells, '' for an empty (merged) cell. */
function flat(rows: string[][]): string {
  return rows.map((r) => r.map((c) => `\t${c}`).join('\n')).join('\n\n');
}

/** A notice titled "<year>年任务分工" holding one flattened-text table of `rows`, parsed. */
const parseTable = (year: number, rows: string[][]) =>
  parseNotice({ text: `${year}年任务分工\n\n${flat(rows)}\n` });

/** An exact table (as from .docx): cells with optional vertical merges given as [row, col] of the origin. */
function exact(rows: (string | { merged: [number, number] })[][]): TableBlock {
  const out: Cell[][] = rows.map((r, ri) =>
    r.map((c, ci) =>
      typeof c === 'string'
        ? { text: c, row: ri, col: ci, colSpan: 1, rowSpan: 1 }
        : {
            text: '',
            row: ri,
            col: ci,
            colSpan: 1,
            rowSpan: 1,
            mergedFrom: { row: c.merged[0], col: c.merged[1] },
          },
    ),
  );
  return { type: 'table', rows: out };
}

describe('task tables: header variants and column layouts', () => {
  it.each<[string, string[][], { lead: string[]; resp: string[]; deadlines: string[] }]>([
    [
      '工作任务 / 贯彻举措 / 牵头单位 / 责任单位',
      [
        ['工作任务', '贯彻举措', '牵头单位', '责任单位'],
        ['一、深化公开', '公开预算信息。', '区财政局', '区级各部门'],
      ],
      { lead: ['区财政局'], resp: ['区级各部门'], deadlines: [] },
    ],
    [
      '序号 / 工作任务 / 重点工作任务 / 责任单位 / 完成时限',
      [
        ['序号', '工作任务', '重点工作任务', '责任单位', '完成时限'],
        ['1', '加大主动公开力度', '公开办理结果。', '区级各部门（单位），各乡镇街委。', '8月31日'],
      ],
      { lead: [], resp: ['区级各部门（单位）', '各乡镇街委'], deadlines: ['2023-08-31'] },
    ],
    [
      'deadline column before the unit column',
      [
        ['序号', '重点任务', '完成时限', '责任单位'],
        ['1', '更新政府信息公开指南。', '6月底前', '区政府办公室'],
      ],
      { lead: [], resp: ['区政府办公室'], deadlines: ['2023-06-30'] },
    ],
    [
      'one unit column with "X牵头，Y配合"',
      [
        ['序号', '工作任务', '责任单位', '完成时间'],
        ['1', '编制政务公开标准目录。', '区政府办公室牵头，各镇街配合', '三季度前'],
      ],
      { lead: ['区政府办公室'], resp: ['各镇街'], deadlines: ['2023-09-30'] },
    ],
  ])('%s', (_name, rows, want) => {
    const plan = parseNotice({ text: `2023年工作要点分工\n\n${flat(rows)}\n` });
    expect(plan.tasks).toHaveLength(1);
    const t = plan.tasks[0];
    expect(t?.leadUnits).toEqual(want.lead);
    expect(t?.responsibleUnits).toEqual(want.resp);
    expect(t?.deadlines.map((d) => d.date)).toEqual(want.deadlines);
  });

  it('aligns a header with fewer cells than the rows: the task column spans the section columns', () => {
    const plan = parseTable(2021, [
      ['工作任务', '贯彻举措', '牵头单位', '责任单位'],
      ['一、章', '（一）节', '1．措施甲。\n2．措施乙。', '区财政局', '区级各部门'],
      ['', '', '措施丙。', '', '区税务局'],
    ]);
    expect(plan.tasks.map((t) => [t.section, t.measures, t.leadUnits, t.responsibleUnits])).toEqual([
      [['一、章', '（一）节'], ['措施甲。', '措施乙。'], ['区财政局'], ['区级各部门']],
      [['一、章', '（一）节'], [], ['区财政局'], ['区税务局']],
    ]);
    // The empty lead cell of flattened text is taken from the row above, and the user is told.
    expect(plan.warnings).toEqual([
      { ref: 'T002', source: '表1第3行（文本第15行）', message: expect.stringContaining('区财政局') },
    ]);
  });

  it('skips header rows repeated at page breaks and keeps the first form of a restated section', () => {
    const plan = parseTable(2021, [
      ['工作任务', '贯彻举措', '牵头单位', '责任单位'],
      ['一、章', '（二）完善平台', '甲。', '区政府办公室', '区级各部门'],
      ['工作任务', '贯彻举措', '牵头单位', '责任单位'],
      ['一、章', '（二）完善平台。', '乙。', '区政府办公室', '区级各部门'],
      ['', '（三）新节', '丙。', '区财政局', '区级各部门'],
    ]);
    expect(plan.tasks.map((t) => [t.text, t.section])).toEqual([
      ['甲。', ['一、章', '（二）完善平台']],
      ['乙。', ['一、章', '（二）完善平台']],
      ['丙。', ['一、章', '（三）新节']],
    ]);
  });

  it('resets the lower section when a higher one changes', () => {
    const plan = parseTable(2020, [
      ['重点任务', '贯彻举措', '牵头单位', '责任单位'],
      ['一、甲章', '（一）甲节', '甲。', '区甲局', '区级各部门'],
      ['二、乙章', '', '乙。', '区乙局', '区级各部门'],
    ]);
    expect(plan.tasks[1]?.section).toEqual(['二、乙章']);
  });

  it('keeps a truly empty unit cell of an exact table empty and warns', () => {
    const blocks: DocBlock[] = [
      { type: 'p', text: '2020年任务分工' },
      exact([
        ['工作任务', '贯彻举措', '牵头单位', '责任单位'],
        ['一、章', '甲。', '县司法局', '县政府各部门'],
        [{ merged: [1, 0] }, '乙。', '', ''],
      ]),
    ];
    const plan = parseNotice({ blocks });
    expect(plan.tasks[1]).toMatchObject({ section: ['一、章'], leadUnits: [], responsibleUnits: [] });
    expect(plan.warnings).toEqual([{ ref: 'T002', source: '表1第3行', message: '未写明牵头单位或责任单位' }]);
  });

  it('reads a vertically merged unit cell of an exact table without a warning', () => {
    const plan = parseNotice({
      blocks: [
        exact([
          ['工作任务', '贯彻举措', '牵头单位', '责任单位'],
          ['一、章', '甲。', '区网信办', '区卫生健康委'],
          [{ merged: [1, 0] }, '乙。', { merged: [1, 2] }, '区教委'],
        ]),
      ],
      ...{},
    });
    expect(plan.tasks.map((t) => t.leadUnits)).toEqual([['区网信办'], ['区网信办']]);
    expect(plan.warnings.filter((w) => w.ref !== '')).toEqual([]);
  });

  it('gives the units of rows under one merged measure cell to that one task', () => {
    const plan = parseNotice({
      blocks: [
        exact([
          ['工作任务', '贯彻举措', '牵头单位', '责任单位'],
          ['一、章', '甲。', '区甲局', '区乙局'],
          [{ merged: [1, 0] }, { merged: [1, 1] }, { merged: [1, 2] }, '区丙局'],
        ]),
      ],
    });
    expect(plan.tasks).toHaveLength(1);
    expect(plan.tasks[0]?.responsibleUnits).toEqual(['区乙局', '区丙局']);
  });

  it('continues a table split into two tables without a repeated header', () => {
    const head = exact([
      ['工作任务', '贯彻举措', '牵头单位', '责任单位'],
      ['一、章', '甲。', '区甲局', '区级各部门'],
    ]);
    const tail = exact([['', '乙。', '区乙局', '区级各部门']]);
    const plan = parseNotice({ blocks: [head, tail] });
    expect(plan.tasks.map((t) => [t.text, t.section, t.source])).toEqual([
      ['甲。', ['一、章'], '表1第2行'],
      ['乙。', ['一、章'], '表2第1行'],
    ]);
  });

  it('reads a tab-copied row with an empty section cell in place (its deadline counted from an event)', () => {
    const text = [
      '2023年任务分工',
      '序号\t工作任务\t具体措施\t责任科室\t完成时限',
      '1\t推进环境信息公开\t按时公开环境质量信息\t监测科\t每月',
      '2\t\t及时公开建设项目环评审批信息\t行政审批科\t受理后及时公开',
    ].join('\n');
    expect(parseNotice({ text }).tasks.map((t) => [t.text, t.responsibleUnits, t.deadlines[0]?.raw])).toEqual(
      [
        ['按时公开环境质量信息', ['监测科'], '每月'],
        ['及时公开建设项目环评审批信息', ['行政审批科'], '及时公开'],
      ],
    );
  });

  it('never drops an unknown unit name', () => {
    const t = parseTable(2021, [
      ['工作任务', '贯彻举措', '牵头单位', '责任单位'],
      ['一、章', '甲。', '区不存在局', '某某专班、区政府有关部门'],
    ]).tasks[0];
    expect(t?.leadUnits).toEqual(['区不存在局']);
    expect(t?.responsibleUnits).toEqual(['某某专班', '区政府有关部门']);
  });
});

describe('prose plans', () => {
  const prose = [
    '2019年某区政务公开工作方案',
    '一、切实做好政务公开工作',
    '(一)深化重点领域信息公开',
    '1.深化营商环境信息公开:',
    '(1)做好企业开办方面的公开工作。(牵头单位:区发展改革委、区市场监管局)',
    '(2)及时公开就业政策。（责任单位：各镇人民政府、街道办事处）',
    '(3)公开征地信息。（牵头单位：区规划自然资源局，责任单位：各镇街）',
    '(4)编制公开目录。(牵头单位:区政府办公室;完成时限:2019年10月底前)',
    '二、切实规范政府网站和政务新媒体管理',
    '区政府办公室是主管单位，负责统筹规划。(牵头单位:区政府办公室,责任单位:各单位)',
    '(一)开设注销。政务新媒体开设、变更、注销均要备案。',
    '(二)内容保障。微博每周更新不少于3次。',
    '三、保障措施',
    '(一)加强组织领导。区政府办公室具体负责组织协调工作。',
    '扫一扫在手机打开当前页',
  ].join('\n');

  it('reads annotated items in full-width and ASCII brackets, with sections', () => {
    const plan = parseNotice({ text: prose });
    expect(plan.year).toBe(2019);
    expect(plan.tasks.map((t) => [t.section.length, t.leadUnits, t.responsibleUnits])).toEqual([
      [3, ['区发展改革委', '区市场监管局'], []],
      [3, [], ['各镇人民政府', '街道办事处']],
      [3, ['区规划自然资源局'], ['各镇街']],
      [3, ['区政府办公室'], []],
      [1, ['区政府办公室'], ['各单位']],
      [1, [], []],
    ]);
    expect(plan.tasks[0]?.section).toEqual([
      '一、切实做好政务公开工作',
      '(一)深化重点领域信息公开',
      '1.深化营商环境信息公开:',
    ]);
    // The annotation is not part of the text.
    expect(plan.tasks[0]?.text).toBe('(1)做好企业开办方面的公开工作。');
  });

  it('keeps brackets inside an annotation with the unit name', () => {
    const plan = parseNotice({
      text: '2020年方案\n一、培训\n(1)组织学法培训。（牵头单位：县委组织部（县公务员局），责任单位：县委党校（巫山行政学院））',
    });
    expect(plan.tasks[0]).toMatchObject({
      text: '(1)组织学法培训。',
      leadUnits: ['县委组织部（县公务员局）'],
      responsibleUnits: ['县委党校（巫山行政学院）'],
    });
  });

  it('does not take the cover letter’s numbered paragraphs for tasks', () => {
    const text = [
      '关于印发2021年工作方案的通知',
      '一、提高政治站位。各单位要高度重视，切实加强组织领导，确保工作落实。',
      '二、强化工作落实。各单位要明确责任，按时完成任务。',
      '2021年工作方案',
      '一、深化公开',
      '(一)公开预算。(牵头单位:区财政局)',
    ].join('\n');
    expect(parseNotice({ text }).tasks.map((t) => [t.section, t.text])).toEqual([
      [['一、深化公开'], '(一)公开预算。'],
    ]);
  });

  it('reads "(…完成时限:…)" and deadlines in the text', () => {
    const plan = parseNotice({ text: prose });
    expect(plan.tasks[3]?.deadlines).toEqual([{ kind: 'date', date: '2019-10-31', raw: '2019年10月底前' }]);
    expect(plan.tasks[1]?.deadlines).toEqual([{ kind: 'continuous', raw: '及时公开' }]);
  });

  it('makes the numbered paragraphs under an annotated section paragraph its measures', () => {
    const t = parseNotice({ text: prose }).tasks[4];
    expect(t?.measures).toEqual([
      '开设注销。政务新媒体开设、变更、注销均要备案。',
      '内容保障。微博每周更新不少于3次。',
    ]);
    expect(t?.deadlines).toEqual([{ kind: 'recurring', every: 'week', times: 3, raw: '每周更新不少于3次' }]);
  });

  it('ends the plan at the distribution lines (抄送)', () => {
    const plan = parseNotice({
      text: `${prose}\n抄送：区委办公室，区人大常委会办公室，区政协办公室。\n某区人民政府办公室　2019年3月1日印发`,
    });
    expect(plan.tasks).toHaveLength(6);
  });

  it('keeps an item without units as a task with a warning, and ignores page furniture', () => {
    const plan = parseNotice({ text: prose });
    expect(plan.tasks).toHaveLength(6);
    expect(plan.tasks[5]?.section).toEqual(['三、保障措施']);
    expect(plan.warnings.map((w) => [w.ref, w.message])).toEqual([['T006', '未写明牵头单位或责任单位']]);
  });
});

describe('measures', () => {
  eachEquals(
    splitMeasures,
    [
      ['1．甲。\n2．乙。', ['甲。', '乙。']],
      ['1.甲。\n2．乙。', ['甲。', '乙。']],
      [
        '1．政府网站。\n（1）子项一。\n（2）子项二。\n2．政务新媒体。',
        ['政府网站。\n（1）子项一。\n（2）子项二。', '政务新媒体。'],
      ],
      ['没有编号的一段话。', []],
      // list numbers lost in conversion: the "." lines still separate the items
      [
        '加强服务。\n. \n建立制度。\n. \n. \n提供咨询。\n. \n3．依托信箱。\n4．依托大厅。',
        ['加强服务。', '建立制度。', '提供咨询。', '依托信箱。', '依托大厅。'],
      ],
    ],
    '%j',
  );
});

describe('metadata', () => {
  it('reads title over two lines, issuer, document number and the signature date', () => {
    const text = [
      '巫山府办发〔2020〕63号',
      '巫山县人民政府办公室',
      '关于印发贯彻落实市政府办公厅2020年',
      '政务公开工作要点任务分工的通知',
      '各乡镇人民政府：',
      '巫山县人民政府办公室　　　',
      '2020年8月24日　　　　',
    ].join('\n\n');
    const plan = parseNotice({ text });
    expect({ ...plan, tasks: undefined, warnings: undefined }).toEqual({
      title: '巫山县人民政府办公室关于印发贯彻落实市政府办公厅2020年政务公开工作要点任务分工的通知',
      issuer: '巫山县人民政府办公室',
      docNumber: '巫山府办发〔2020〕63号',
      date: '2020-08-24',
      year: 2020,
      tasks: undefined,
      warnings: undefined,
    });
  });

  it.each([
    ['巫山府办发【2020】63号', '2020年8月24日', '巫山府办发【2020】63号', '2020-08-24'],
    ['巫山府办发﹝2020﹞63号', '二〇二〇年八月二十四日', '巫山府办发﹝2020﹞63号', '2020-08-24'],
    ['巫山府办发〔2020〕63号', '二○二○年十二月一日', '巫山府办发〔2020〕63号', '2020-12-01'],
    ['巫山府办发〔2020〕63号', '2020年2月30日', '巫山府办发〔2020〕63号', null],
  ])('reads the 文号 %s and the 成文日期 %s', (number, signed, docNumber, date) => {
    const text = [
      number,
      '巫山县人民政府办公室关于印发2020年政务公开工作要点任务分工的通知',
      '巫山县人民政府办公室',
      signed,
    ].join('\n\n');
    const plan = parseNotice({ text });
    expect([plan.docNumber, plan.date]).toEqual([docNumber, date]);
  });

  it.each([
    ['某局2023年政务公开工作安排', 2023],
    ['某县2025年政务公开重点工作', 2025],
    ['2024年度政府信息公开工作台账', 2024],
  ])('reads the year of a plan titled without 关于 or 要点: %s', (title, year) => {
    const text = `${title}\n${flat([
      ['工作内容', '责任部门', '进度安排'],
      ['公开本部门年度工作计划和总结。', '办公室', '10月底前'],
    ])}\n`;
    const plan = parseNotice({ text });
    expect([plan.year, plan.tasks[0]?.deadlines[0]?.date]).toEqual([year, `${year}-10-31`]);
  });

  it('lets --year override the year of the notice, for dates without a year', () => {
    const text = `2021年任务分工\n\n${flat([
      ['工作任务', '责任单位', '完成时限'],
      ['甲。', '区甲局', '10月底前'],
    ])}\n`;
    expect(parseNotice({ text }, { year: 2022 }).tasks[0]?.deadlines[0]?.date).toBe('2022-10-31');
  });

  it.each([
    ['2022年12月28日', 2023, true],
    ['2022年12月15日', 2023, true],
    ['2022年12月14日', 2022, false],
    ['2022年11月30日', 2022, false],
    ['2023年3月1日', 2023, false],
  ])(
    'a title without a year, signed %s: the plan of %i (late December: the coming year, with a warning)',
    (signed, year, warned) => {
      const text = [
        '关于印发政务公开工作要点的通知',
        '各镇人民政府，区政府各部门：',
        '现将要点印发给你们，请认真贯彻落实。',
        '某区人民政府办公室',
        signed,
        '一、重点工作',
        '1.推进政策解读，提升解读质量。（责任单位：区发改委；完成时限：6月底前）',
      ].join('\n');
      const plan = parseNotice({ text });
      expect([plan.year, plan.tasks[0]?.deadlines[0]?.date]).toEqual([year, `${year}-06-30`]);
      // the warning names the day it was signed, not a part of the month the rule does not use
      expect(plan.warnings.some((w) => w.message.includes(`通知成文于${signed}`))).toBe(warned);
      // the officer's year stands, without the warning
      expect(
        parseNotice({ text }, { year: 2022 }).warnings.some((w) => w.message.includes('通知成文于')),
      ).toBe(false);
    },
  );

  it('warns when the year cannot be found', () => {
    const plan = parseNotice({
      text: flat([
        ['工作任务', '责任单位'],
        ['甲。', '区甲局'],
      ]),
    });
    expect(plan.year).toBeNull();
    expect(plan.warnings[0]?.message).toContain('--year');
  });
});

describe('bad input', () => {
  it('explains a table without a recognisable header', () => {
    const plan = parseNotice({
      text: `2021年\n\n${flat([
        ['姓名', '电话'],
        ['张三', '123'],
      ])}\n`,
    });
    expect(plan.tasks).toEqual([]);
    expect(plan.warnings.at(-1)?.message).toContain('没有可识别的表头');
  });

  it('explains a text with no tasks at all', () => {
    const plan = parseNotice({ text: '2021年\n一段与任务无关的文字。' });
    expect(plan.tasks).toEqual([]);
    expect(plan.warnings.at(-1)?.message).toContain('未读出任何任务');
  });

  it('stays bounded on a very long notice (a 300-page table)', () => {
    const rows = [['工作任务', '贯彻举措', '牵头单位', '责任单位']];
    for (let i = 0; i < 6000; i++) {
      rows.push([
        i % 50 === 0 ? `${i}、章` : '',
        `1．第${i}项措施，在2021年6月底前完成（公开路径：政府网站>栏目${i}）。\n2．每季度报送。`,
        '区政府办公室',
        '区级各部门、各镇街',
      ]);
    }
    const text = `2021年任务分工\n\n${flat(rows)}\n`;
    const start = performance.now();
    const plan = parseNotice({ text }, { maxTasks: 5000 });
    const ms = performance.now() - start;
    expect(plan.tasks).toHaveLength(5000);
    expect(plan.warnings.some((w) => w.message.includes('超过 5000'))).toBe(true);
    expect(ms).toBeLessThan(10_000);
  });
});
