// Every combination of the common ways a prose item or a table row names its units and deadline, read the same:
// labels × unit lists × separators × brackets, the unlabelled "X牵头，Y配合" styles as a bracket or a closing
// sentence, and task tables under each header wording. What one probe of these grids found: a bracket
// "（X牵头；Y配合）" or "（牵头单位：X；配合单位：各镇街）" cut as a closing sentence, losing its units.

import { describe, expect, it } from 'vitest';
import type { Deadline } from './deadlines';
import { parseNotice } from './notice';

const dueOf = (d: Deadline) =>
  d.kind === 'date' ? d.date : d.kind === 'recurring' ? `recurring:${d.every}` : d.kind;

const LISTS = [
  ['区财政局'],
  ['区财政局', '区审计局'],
  ['各镇街'],
  ['区发展改革委', '各镇街'],
  ['区级各部门'],
  ['各乡镇（街道）'],
];
const BRACKETS: [string, string][] = [
  ['（', '）'],
  ['(', ')'],
  ['〔', '〕'],
];
const TASK = '做好政策文件解读工作，提高解读质量。';

/** Reads each case and returns the ones read otherwise, with what was read: all failures at once. */
function misread(cases: { text: string; want: unknown }[], read: (text: string) => unknown) {
  return cases
    .map((c) => ({ text: c.text, got: read(c.text), want: c.want }))
    .filter((c) => JSON.stringify(c.got) !== JSON.stringify(c.want));
}

/** Each task read: its text, lead and responsible units and deadlines; its sections first when asked. */
const taskRows = (text: string, withSections = false) =>
  parseNotice({ text }, { year: 2022 }).tasks.map((t) => [
    ...(withSections ? [t.section.join(' / ')] : []),
    t.text,
    t.leadUnits,
    t.responsibleUnits,
    t.deadlines.map(dueOf),
  ]);

const prose = (line: string) =>
  parseNotice({ text: `一、推进决策公开\n（一）加强政策解读\n${line}` }, { year: 2022 }).tasks.map((t) => [
    t.leadUnits,
    t.responsibleUnits,
    t.deadlines.map(dueOf),
  ]);

describe('prose: every label, list, separator and bracket', () => {
  it('reads "（牵头单位：A；责任单位：B；完成时限：…）" whatever the words and marks', () => {
    const cases = [];
    for (const lead of ['牵头单位', '牵头部门', '主责单位'])
      for (const resp of ['责任单位', '配合单位', '协同单位', '负责单位'])
        for (const a of LISTS)
          for (const b of LISTS)
            for (const sep of ['；', '，', ';'])
              for (const [o, c] of BRACKETS)
                for (const due of ['', `${sep}完成时限：2022年底前`])
                  cases.push({
                    text: `${TASK}${o}${lead}：${a.join('、')}${sep}${resp}：${b.join('、')}${due}${c}`,
                    want: [[a, b, due ? ['2022-12-31'] : []]],
                  });
    expect(misread(cases, prose)).toEqual([]);
  });

  it('reads "X牵头，Y配合" and its kin, in a bracket or as the closing sentence', () => {
    const forms: [string, (a: string, b: string) => string, (a: string[], b: string[]) => unknown][] = [
      ['牵头配合', (a, b) => `${a}牵头，${b}配合`, (a, b) => [a, b]],
      ['按职责分工负责', (a, b) => `${a}牵头，${b}按职责分工负责`, (a, b) => [a, b]],
      ['参与', (a, b) => `${a}牵头，${b}参与`, (a, b) => [a, b]],
      ['负责', (a) => `${a}负责`, (a) => [[], a]],
      ['负责落实', (a) => `${a}负责落实`, (a) => [[], a]],
    ];
    const cases = [];
    for (const [, say, roles] of forms)
      for (const a of LISTS)
        for (const b of LISTS.filter((l) => l !== a))
          for (const sep of ['，', ',', '；'])
            for (const [o, c] of [...BRACKETS, ['', '。'] as [string, string]]) {
              const [lead, resp] = roles(a, b) as [string[], string[]];
              cases.push({
                text: `${TASK}${o}${say(a.join('、'), b.join('、')).replace('，', sep)}${c}`,
                want: [[lead, resp, []]],
              });
            }
    expect(misread(cases, prose)).toEqual([]);
  });
});

describe('prose: the deadline in the annotation, however it is labelled and wherever it stands', () => {
  it.each([
    ['（牵头单位：区司法局）（完成时限：2022年6月底前）', ['区司法局'], [], ['2022-06-30']],
    ['（牵头单位：区司法局；完成时间：2022年6月底前）', ['区司法局'], [], ['2022-06-30']],
    ['（牵头单位：区司法局；时间节点：2022年6月底前）', ['区司法局'], [], ['2022-06-30']],
    ['（牵头单位：区司法局，截止时间：2022年6月底前）', ['区司法局'], [], ['2022-06-30']],
    [
      '（完成时限：2022年6月底前；牵头单位：区司法局；责任单位：各镇街）',
      ['区司法局'],
      ['各镇街'],
      ['2022-06-30'],
    ],
    ['（责任单位：区司法局  完成时限：2022年6月底前）', [], ['区司法局'], ['2022-06-30']],
    // labels in 【】 after the sentence, without a bracket round them
    [
      '【牵头单位】区司法局【责任单位】各镇街【完成时限】2022年6月底前',
      ['区司法局'],
      ['各镇街'],
      ['2022-06-30'],
    ],
    // labels a bracket may use besides 单位/部门 ones: 主办 leads, 承办 and 责任主体 are responsible
    [
      '（主办单位：区司法局；承办单位：各镇街；完成时限：2022年6月底前）',
      ['区司法局'],
      ['各镇街'],
      ['2022-06-30'],
    ],
    ['（责任主体：各镇街；完成时限：2022年6月底前）', [], ['各镇街'], ['2022-06-30']],
    ['（承办单位：区司法局，2022年6月底前）', [], ['区司法局'], ['2022-06-30']],
    [
      '（牵头单位：区司法局；责任单位：各镇街；完成时限：长期坚持）',
      ['区司法局'],
      ['各镇街'],
      ['continuous'],
    ],
  ])('%s', (annotation, lead, responsible, due) => {
    expect(prose(`做好规范性文件公开工作。${annotation}`)).toEqual([[lead, responsible, due]]);
  });
});

describe('prose: where the units stand, under each numbering style', () => {
  const ITEMS = [
    '公开年度预算和决算信息，细化到功能分类项级科目。',
    '做好政策文件解读工作，提高解读质量和实效。',
    '推进重大建设项目批准和实施领域信息公开工作。',
  ];
  const number = (style: string, k: number) =>
    style === 'chinese' ? `（${'一二三'[k]}）` : style === 'arabic' ? `${k + 1}.` : `（${k + 1}）`;
  it("reads each item's units: a bracket, label lines, units first, a closing sentence, a group line", () => {
    const cases = [];
    for (const style of ['chinese', 'arabic', 'bracketed'])
      for (const place of ['bracket', 'label lines', 'units first', 'sentence', 'group line'])
        for (const k of [0, 1, 2, 3]) {
          // A bracket on its own line after "（三）…" belongs to that item (a notice writes an item's annotation
          // on the next line): the group line is for items numbered 1. 2. 3.
          if (place === 'group line' && style === 'chinese') continue;
          const a = LISTS[k]!.join('、');
          const b = LISTS[(k + 2) % 6]!.join('、');
          const lines = ['2022年政务公开工作要点', '一、加强重点领域信息公开'];
          ITEMS.forEach((item, i) => {
            const n = number(style, i);
            if (place === 'bracket') lines.push(`${n}${item}（牵头单位：${a}；责任单位：${b}）`);
            else if (place === 'label lines') lines.push(`${n}${item}`, `牵头单位：${a}`, `责任单位：${b}`);
            else if (place === 'units first') lines.push(`${n}${a}牵头，${b}配合：${item}`);
            else if (place === 'sentence') lines.push(`${n}${item}${a}牵头，${b}配合。`);
            else lines.push(`${n}${item}`);
          });
          if (place === 'group line') lines.push(`（牵头单位：${a}；责任单位：${b}）`);
          lines.push('二、强化组织保障', '各单位要高度重视，认真落实。');
          cases.push({ text: lines.join('\n'), want: ITEMS.map(() => [LISTS[k], LISTS[(k + 2) % 6]]) });
        }
    const units = (text: string) =>
      parseNotice({ text }, { year: 2022 }).tasks.map((t) => [t.leadUnits, t.responsibleUnits]);
    expect(misread(cases, units)).toEqual([]);
  });
});

describe('tables: every header wording, with and without a row number and a lead column', () => {
  it('reads the rows under each header', () => {
    const ROWS: [string, string, string][] = [
      ['公开年度预算和决算信息。', '2022年6月底前', '2022-06-30'],
      ['做好政策文件解读工作，提高解读质量', '每季度', 'recurring:quarter'],
      ['推进重大建设项目批准和实施领域信息公开。', '持续推进', 'continuous'],
    ];
    const cases = [];
    for (const task of ['工作任务', '重点任务', '具体措施', '工作重点', '公开内容'])
      for (const lead of ['牵头单位', '主责部门', null])
        for (const resp of ['责任单位', '配合单位', '协同单位'])
          for (const due of ['完成时限', '截止时间', '时间安排'])
            for (const sep of ['\t', ' | '])
              for (const seq of [false, true]) {
                const header = [...(seq ? ['序号'] : []), task, ...(lead ? [lead] : []), resp, due];
                const rows = ROWS.map(([text, deadline], k) =>
                  [
                    ...(seq ? [String(k + 1)] : []),
                    text,
                    ...(lead ? [LISTS[k]!.join('、')] : []),
                    LISTS[k + 3]!.join('、'),
                    deadline,
                  ].join(sep),
                );
                cases.push({
                  text: ['关于印发2022年政务公开工作要点任务分工的通知', header.join(sep), ...rows].join(
                    '\n',
                  ),
                  want: ROWS.map(([text, , d], k) => [text, lead ? LISTS[k] : [], LISTS[k + 3], [d]]),
                });
              }
    expect(misread(cases, (text) => taskRows(text))).toEqual([]);
  });
});

describe('tables: the less common header wordings, and a 目标 column beside the task column', () => {
  it('reads the rows under each header', () => {
    const ROWS: [string, string, string][] = [
      ['公开年度预算和决算信息。', '2022年6月底前', '2022-06-30'],
      ['做好政策文件解读工作，提高解读质量', '每两个月', 'recurring:year'],
    ];
    const cases = [];
    for (const task of ['工作目标', '工作项目', '要点', '具体工作', '工作任务|工作目标'])
      for (const resp of ['责任县直单位', '责任处（室）', '实施主体', '相关单位', '归口部门'])
        for (const due of ['时间', '期限', '时间进度'])
          for (const sep of ['\t', ' | ']) {
            const columns = task.split('|');
            const header = [...columns, resp, due];
            // the 目标 column beside a task column holds a target the task is read without
            const rows = ROWS.map(([text, deadline], k) =>
              [
                text,
                ...(columns.length > 1 ? ['群众满意度提升'] : []),
                LISTS[k + 3]!.join('、'),
                deadline,
              ].join(sep),
            );
            cases.push({
              text: ['关于印发2022年政务公开工作要点任务分工的通知', header.join(sep), ...rows].join('\n'),
              want: ROWS.map(([text, , d], k) => [text, [], LISTS[k + 3], [d]]),
            });
          }
    expect(misread(cases, (text) => taskRows(text))).toEqual([]);
  });
});

describe('tables: a 序号 in Chinese numerals, a 备注 or leaders column, a year alone, units first', () => {
  const A = '公开年度预算和决算信息。';
  const B = '做好政策解读工作，提高解读质量。';
  // [header, row A, row B, what each row reads as: text, lead, responsible, deadlines]
  const CASES: [string, string, string, unknown[]][] = [
    [
      '序号\t工作任务\t责任单位\t完成时限',
      `一\t${A}\t区财政局\t年底前`,
      `二\t${B}\t区发改委\t持续推进`,
      [
        [A, [], ['区财政局'], ['2022-12-31']],
        [B, [], ['区发改委'], ['continuous']],
      ],
    ],
    [
      '序号\t工作任务\t责任单位\t完成时限\t备注',
      `1\t${A}\t区财政局\t2022年6月底前\t按季度报送进展`,
      `2\t${B}\t区发改委\t持续推进\t`,
      [
        [A, [], ['区财政局'], ['2022-06-30']],
        [B, [], ['区发改委'], ['continuous']],
      ],
    ],
    [
      '序号\t工作任务\t牵头领导\t牵头单位\t责任单位\t完成时限',
      `1\t${A}\t张三\t区财政局\t区审计局\t2022年6月底前`,
      `2\t${B}\t李四\t区发改委\t各镇街\t持续推进`,
      [
        [A, ['区财政局'], ['区审计局'], ['2022-06-30']],
        [B, ['区发改委'], ['各镇街'], ['continuous']],
      ],
    ],
    [
      '序号\t工作任务\t责任单位\t完成时限',
      `1\t${A}\t区财政局\t2022年`,
      `2\t${B}\t区发改委\t2022年度`,
      [
        [A, [], ['区财政局'], ['2022-12-31']],
        [B, [], ['区发改委'], ['2022-12-31']],
      ],
    ],
    [
      '责任单位\t工作任务\t完成时限',
      `区财政局\t${A}\t2022年6月底前`,
      `区发改委\t${B}\t持续推进`,
      [
        [A, [], ['区财政局'], ['2022-06-30']],
        [B, [], ['区发改委'], ['continuous']],
      ],
    ],
    [
      '| 序号 | 工作任务 | 责任单位 | 完成时限 |\n|:---:|---|---|---|',
      `| 1 | ${A} | 区财政局 | 2022年6月底前 |`,
      `| 2 | ${B} | 区发改委 | 持续推进 |`,
      [
        [A, [], ['区财政局'], ['2022-06-30']],
        [B, [], ['区发改委'], ['continuous']],
      ],
    ],
  ];
  it('reads each table’s two rows', () => {
    const cases = CASES.map(([header, a, b, want]) => ({
      text: ['关于印发2022年政务公开工作要点任务分工的通知', header, a, b].join('\n'),
      // no row is a section of its own: each is a task with no heading above it
      want: want.map((row) => ['', ...(row as unknown[])]),
    }));
    expect(misread(cases, (text) => taskRows(text, true))).toEqual([]);
  });
});

describe('annotations in the other ways notices write them', () => {
  const FIN = ['区财政局'];
  const BOTH = ['区财政局', '区审计局'];
  const JUNE = ['2022-06-30'];
  // [the item as written, lead, responsible, deadlines]
  const CASES: [string, string[], string[], string[]][] = [
    ['1.公开预算决算信息。（区财政局）', [], FIN, []],
    ['1.公开预算决算信息。（区财政局、区审计局）', [], BOTH, []],
    ['1.公开预算决算信息。（区财政局 区审计局）', [], BOTH, []],
    ['1.公开预算决算信息。（区财政局，2022年6月底前）', [], FIN, JUNE],
    ['1.公开预算决算信息。【牵头单位：区财政局】', FIN, [], []],
    ['1.公开预算决算信息。[责任单位：区财政局]', [], FIN, []],
    ['1.【区财政局】公开预算决算信息。', [], FIN, []],
    ['1.公开预算决算信息。责任单位：区财政局。完成时限：2022年6月底前。', [], FIN, JUNE],
    ['1.公开预算决算信息。 责任单位：区财政局', [], FIN, []],
    ['1.公开预算决算信息（责任单位：区财政局，2022年6月底前完成）。', [], FIN, JUNE],
    ['1.公开预算决算信息。\n责任单位：区财政局\n完成时限：2022年6月底前', [], FIN, JUNE],
    ['1.公开预算决算信息。（责任单位：区财政局）\n完成时限：2022年6月底前', [], FIN, JUNE],
    ['1.公开预算决算信息。（责任单位：区财政局 责任人：张三）', [], FIN, []],
    ['1.公开预算决算信息。（责任部门：区财政局 时间：6月底前）', [], FIN, JUNE],
    ['1.公开预算决算信息。（牵头：区财政局；配合：区审计局）', FIN, ['区审计局'], []],
    ['1.公开预算决算信息。（由区财政局负责）', [], FIN, []],
    ['1.公开预算决算信息。（归口部门：区财政局；协助单位：区审计局）', [], BOTH, []],
    ['1.公开预算决算信息。（责任：区财政局）', [], FIN, []],
    ['1.公开预算决算信息。由区财政局牵头负责。', FIN, [], []],
    ['1.公开预算决算信息。（区财政局负责，区审计局、区统计局配合）', FIN, ['区审计局', '区统计局'], []],
    ['1.公开预算决算信息。（区审计局配合，区财政局负责落实）', FIN, ['区审计局'], []],
    ['1.公开预算决算信息。（区财政局、区审计局按职责分工负责）', [], BOTH, []],
    // the units in the item's own sentence: "由X牵头，Y配合，…" before or after its words
    ['1.由区财政局牵头，区审计局配合，公开预算决算信息。', FIN, ['区审计局'], []],
    ['1.公开预算决算信息，由区财政局负责，区审计局配合。', FIN, ['区审计局'], []],
    ['1.由区财政局负责，公开预算决算信息。', [], FIN, []],
    ['1.公开预算决算信息。（责任单位：区财政局）（2022年6月底前）', [], FIN, JUNE],
    ['1.公开预算决算信息。（区财政局 2022年6月底前）', [], FIN, JUNE],
  ];
  const read = (item: string) =>
    taskRows(
      `关于印发2022年政务公开工作要点任务分工的通知\n一、推进决策公开\n（一）加强政策解读\n${item}\n2.做好政策解读工作，提高解读质量。（责任单位：区发改委）`,
    );
  it('reads each as the same item with its units and deadline', () => {
    const cases = CASES.map(([text, lead, resp, due]) => ({
      text,
      want: [
        ['1.公开预算决算信息。', lead, resp, due],
        ['2.做好政策解读工作，提高解读质量。', [], ['区发改委'], []],
      ],
    }));
    expect(misread(cases, read)).toEqual([]);
  });
  it('reads items written one after another in a paragraph ("一是…；二是…"), each with its bracket', () => {
    const text =
      '关于印发2022年政务公开工作要点任务分工的通知\n一、推进决策公开\n一是公开预算决算信息（区财政局负责）；二是做好政策解读工作（区发改委负责）。';
    expect(parseNotice({ text }, { year: 2022 }).tasks.map((t) => [t.text, t.responsibleUnits])).toEqual([
      ['一是公开预算决算信息', FIN],
      ['二是做好政策解读工作', ['区发改委']],
    ]);
  });
  it('reads items joined by 、 or ， after their brackets: the joining mark is no part of the next item', () => {
    const text =
      '关于印发2023年政务公开工作要点的通知\n一、加强主动公开\n（一）做好重大战略信息公开。推进产业升级。（牵头单位：区发改委；责任单位：各街道）、打造区域消费中心（牵头单位：区商务局）、积极引导市场预期。（责任单位：区财政局），深化国有企业改革行动。（责任单位：区国资中心）';
    expect(
      parseNotice({ text }, { year: 2023 }).tasks.map((t) => [t.text, t.leadUnits, t.responsibleUnits]),
    ).toEqual([
      ['推进产业升级。', ['区发改委'], ['各街道']],
      ['打造区域消费中心', ['区商务局'], []],
      ['积极引导市场预期。', [], FIN],
      ['深化国有企业改革行动。', [], ['区国资中心']],
    ]);
  });
  it('gives a numbered item without units the units its sentence starts with ("2.区发展改革委要…"), with a warning', () => {
    const text = [
      '关于印发2026年政务公开工作要点的通知',
      '一、加强主动公开',
      '1.做好财政预决算公开工作。（责任单位：区财政局）',
      '2.区发展改革委要加强重大建设项目信息公开。',
      '3.区教委负责做好义务教育招生信息公开。',
      '4.区政府办公室、区司法局牵头清理规范性文件。',
      '5.各部门要加强政策解读。',
      '二、加强解读',
      '6.区商务委要做好消费政策解读。',
      '7.做好回应关切工作。',
      '以上工作由区财政局牵头，区审计局配合。',
      '三、保障措施',
      '区政府办公室将定期通报各单位工作进展情况。',
    ].join('\n');
    const plan = parseNotice({ text }, { year: 2026 });
    expect(plan.tasks.map((t) => [t.text.slice(0, 6), t.leadUnits, t.responsibleUnits])).toEqual([
      ['1.做好财政', [], FIN],
      ['2.区发展改', [], ['区发展改革委']],
      ['3.区教委负', [], ['区教委']],
      ['4.区政府办', ['区政府办公室', '区司法局'], []],
      // "各部门要…" says what everyone must do: no unit taken, the officer decides
      ['5.各部门要', [], []],
      // a group's unit line below its items wins over the subject
      ['6.区商务委', FIN, ['区审计局']],
      ['7.做好回应', FIN, ['区审计局']],
      // an unnumbered paragraph is no unit's task
      ['区政府办公室', [], []],
    ]);
    const said = (ref: string) => plan.warnings.filter((w) => w.ref === ref).map((w) => w.message);
    expect(said('T002')).toEqual(['单位取自条目的主语“区发展改革委要”，请核对']);
    expect(said('T005')).toEqual(['未写明牵头单位或责任单位']);
  });
  it('reads "以上工作由X牵头，Y配合。" below a group as the units of its items', () => {
    const text =
      '关于印发2022年政务公开工作要点任务分工的通知\n一、推进决策公开\n1.公开年度预算和决算信息，细化到项级科目。\n2.做好政策解读工作，提高解读质量。\n以上工作由区财政局牵头，区审计局配合。\n二、加强解读\n3.做好回应关切工作。（责任单位：区发改委）';
    expect(
      parseNotice({ text }, { year: 2022 }).tasks.map((t) => [t.section, t.leadUnits, t.responsibleUnits]),
    ).toEqual([
      [['一、推进决策公开'], FIN, ['区审计局']],
      [['一、推进决策公开'], FIN, ['区审计局']],
      [['二、加强解读'], [], ['区发改委']],
    ]);
  });
  it('gives a section heading’s bracketed units to the items under it, its subsections’ too', () => {
    const text =
      '关于印发2022年政务公开工作要点任务分工的通知\n一、推进决策公开（牵头单位：区财政局）\n1.公开年度预算和决算信息，细化到项级科目。\n2.做好政策解读工作，提高解读质量。\n二、加强解读（牵头单位：区发改委）\n（一）回应关切\n1.做好回应关切工作。\n2.开展政策吹风。（责任单位：区政府办）';
    expect(
      parseNotice({ text }, { year: 2022 }).tasks.map((t) => [t.section, t.leadUnits, t.responsibleUnits]),
    ).toEqual([
      [['一、推进决策公开'], FIN, []],
      [['一、推进决策公开'], FIN, []],
      [['二、加强解读', '（一）回应关切'], ['区发改委'], []],
      [['二、加强解读', '（一）回应关切'], [], ['区政府办']],
    ]);
  });
  it('keeps short sub-items under an item with its units in that item’s text', () => {
    const text =
      '关于印发2022年政务公开工作要点任务分工的通知\n一、推进决策公开\n1.完善应急预案体系（牵头单位：区应急局）\n（1）修订预案。\n（2）开展演练。\n2.做好政策解读工作，提高解读质量。（责任单位：区发改委）';
    expect(parseNotice({ text }, { year: 2022 }).tasks.map((t) => [t.text, t.leadUnits])).toEqual([
      ['1.完善应急预案体系\n（1）修订预案。\n（2）开展演练。', ['区应急局']],
      ['2.做好政策解读工作，提高解读质量。', []],
    ]);
  });
  it('reads "第一部分 …" as the section above "一、…"', () => {
    const text =
      '关于印发2022年政务公开工作要点任务分工的通知\n第一部分 推进决策公开\n一、公开年度预算和决算信息，细化到项级科目。（责任单位：区财政局）\n第二部分 加强解读\n一、做好回应关切工作。（责任单位：区发改委）';
    expect(parseNotice({ text }, { year: 2022 }).tasks.map((t) => t.section)).toEqual([
      ['第一部分 推进决策公开'],
      ['第二部分 加强解读'],
    ]);
  });
  it('reads labels after a comma at the end of the item’s line', () => {
    expect(read('1.公开预算决算信息，责任单位：区财政局，完成时限：2022年6月底前')[0]).toEqual([
      '1.公开预算决算信息，',
      [],
      FIN,
      JUNE,
    ]);
  });
  it('reads a bracket of whole names right after the text, without a full stop', () => {
    expect(read('1.公开预算决算信息（区财政局，2022年6月底前）')[0]).toEqual([
      '1.公开预算决算信息',
      [],
      FIN,
      JUNE,
    ]);
  });
  it('leaves the bracket of a name inside the text, and a name’s own bracket on a unit line', () => {
    expect(read('1.做好各乡镇（街道）政务公开专区建设。（责任单位：各乡镇（街道））')[0]?.[0]).toBe(
      '1.做好各乡镇（街道）政务公开专区建设。',
    );
    expect(read('1.公开预算决算信息。\n责任单位：区文旅股(行政审批服务股)')).toEqual([
      ['1.公开预算决算信息。', [], ['区文旅股(行政审批服务股)'], []],
      ['2.做好政策解读工作，提高解读质量。', [], ['区发改委'], []],
    ]);
  });
});

describe('text copied from a PDF: every paragraph broken at the page width', () => {
  const PARAGRAPHS = [
    '重庆市潼南区人民政府办公室关于印发2022年潼南区政务公开工作要点任务分工的通知',
    '各镇人民政府、街道办事处，区政府各部门：',
    '现将任务分工印发给你们，请认真贯彻落实。',
    '重庆市潼南区人民政府办公室',
    '2022年3月1日',
    '一、推进决策公开',
    '（一）做好规范性文件公开工作，集中公开现行有效的规范性文件，及时更新规范性文件目录，方便群众查询。（牵头单位：区司法局；责任单位：各镇街、区级各部门）',
    '（二）做好政策解读工作，坚持政策文件与解读材料同步起草、同步审签、同步发布，提高解读质量。（牵头单位：区政府办公室）',
    '二、加强重点领域信息公开',
    '（一）公开年度预算和决算信息，细化到功能分类项级科目，2022年6月底前完成。（牵头单位：区财政局；责任单位：区级各部门）',
  ];
  /** Breaks a paragraph where a page of `width` columns would (a Chinese character two columns, a digit one). */
  const wrap = (paragraph: string, width: number) => {
    const out: string[] = [];
    let line = '';
    let used = 0;
    for (const ch of paragraph) {
      const w = ch.charCodeAt(0) > 0xff ? 2 : 1;
      if (used + w > width) {
        out.push(line);
        line = '';
        used = 0;
      }
      line += ch;
      used += w;
    }
    return [...out, line].join('\n');
  };
  const read = (text: string) => {
    const plan = parseNotice({ text });
    return [
      plan.title,
      plan.date,
      ...plan.tasks.map((t) => [t.section, t.text, t.leadUnits, t.responsibleUnits, t.deadlines.map(dueOf)]),
    ];
  };

  it.each([40, 44, 48, 52, 56, 60, 66, 72, 80, 90, 100])(
    'reads as the unbroken text at %i columns, a page number between',
    (width) => {
      const text = PARAGRAPHS.map((p) => wrap(p, width))
        .join('\n')
        .replace('（二）做好政策', '— 2 —\n（二）做好政策');
      expect(read(text)).toEqual(read(PARAGRAPHS.join('\n')));
    },
  );
});
