// Table-driven: every layout of a task table and every prose style the parser reads, each as an officer
// would paste it, with the tasks, units and deadlines expected.

import { describe, expect, it } from 'vitest';
import type { DocBlock } from './blocks';
import type { Deadline } from './deadlines';
import { parseNotice } from './notice';
import { cleanPageText } from './page-text';

const dueOf = (d: Deadline) =>
  d.kind === 'date' ? d.date : d.kind === 'recurring' ? `recurring:${d.every}` : d.kind;

type Expected = [text: string, lead: string[], responsible: string[], due: string[]][];

const read = (text: string, year = 2022) => {
  const plan = parseNotice({ text }, { year });
  return plan.tasks.map((t) => [t.text, t.leadUnits, t.responsibleUnits, t.deadlines.map(dueOf)]);
};

const lines = (...l: string[]) => l.join('\n');

/** A Word or Excel table of these cells' texts, no cell merged (as readDocx gives it). */
const wordTable = (texts: string[][]): DocBlock => ({
  type: 'table',
  rows: texts.map((cells, r) => cells.map((text, col) => ({ text, row: r, col, colSpan: 1, rowSpan: 1 }))),
});

describe('tables, whatever their layout', () => {
  it.each<[string, string, Expected]>([
    [
      'cells run together when copied: a header of glued labels, rows "headings + task。+ units + deadline"',
      lines(
        '工作要求具体任务具体要求责任科室完成时限其他',
        '一、优化政务公开基础(一)深化规章集中公开。1. 完善规章库建设，及时做好规章动态更新。办公室、政策法规科常态化开展',
        '2. 建成本部门行政规范性文件库，2022 年11月底前集中公开。政策法规科2022年12月底前',
        '这一行是正文，不是表格的一行',
      ),
      [
        ['1. 完善规章库建设，及时做好规章动态更新。', [], ['办公室', '政策法规科'], ['continuous']],
        [
          '2. 建成本部门行政规范性文件库，2022 年11月底前集中公开。',
          [],
          ['政策法规科'],
          ['2022-12-31', '2022-11-30'],
        ],
      ],
    ],
    [
      'cells one per line, separated by "|" lines, no column for the row number',
      lines(
        '工作任务',
        '|',
        '具体要求',
        '|',
        '责任科室',
        '|',
        '时限要求',
        '|',
        '做好政策解读',
        '|',
        '1',
        '|',
        '及时解读本部门出台的政策文件。',
        '|',
        '办公室',
        '|',
        '年底前',
        '|',
        '2',
        '|',
        '回应社会关切。',
        '|',
        '各科室',
        '|',
        '持续推进',
        '|',
      ),
      [
        ['及时解读本部门出台的政策文件。', [], ['办公室'], ['2022-12-31']],
        ['回应社会关切。', [], ['各科室'], ['continuous']],
      ],
    ],
    [
      'cells one per line ending in "|", rows ended by "||" lines, status and remark columns',
      lines(
        '工作任务 |',
        '具体要求 |',
        '责任单位 |',
        '完成情况 |',
        '备注 |',
        '||',
        '1.规范性文件公开 |',
        '清理并公开现行有效的规范性文件目录。 |',
        '区司法局 |',
        '推进中 |',
        '11月底前完成 |',
        '||',
      ),
      [['清理并公开现行有效的规范性文件目录。', [], ['区司法局'], ['2022-11-30']]],
    ],
    [
      'one row per line with tabs',
      lines(
        '序号\t工作措施\t责任主体\t完成时间',
        '1\t公开年度预算。\t区财政局\t2022年6月底前',
        '2\t公开政府债务信息。\t区财政局\t每季度',
      ),
      [
        ['公开年度预算。', [], ['区财政局'], ['2022-06-30']],
        ['公开政府债务信息。', [], ['区财政局'], ['recurring:quarter']],
      ],
    ],
    [
      'rows copied from Excel or WPS: a cell with line breaks or quotes comes in double quotes',
      lines(
        '序号\t工作任务\t牵头单位\t责任单位\t完成时限',
        '1\t"做好规范性文件公开工作。\n1.全面清理。\n2.公布目录。"\t区司法局\t"各镇街\n区级各部门"\t2022年6月底前',
        '2\t"做好政策解读工作，提高""解读""质量。"\t区政府办公室\t区级各部门\t持续推进',
        '3\t"免申即享"政策清单公开。\t区财政局\t各镇街\t年底前',
      ),
      [
        [
          '做好规范性文件公开工作。\n1.全面清理。\n2.公布目录。',
          ['区司法局'],
          ['各镇街', '区级各部门'],
          ['2022-06-30'],
        ],
        ['做好政策解读工作，提高"解读"质量。', ['区政府办公室'], ['区级各部门'], ['continuous']],
        ['"免申即享"政策清单公开。', ['区财政局'], ['各镇街'], ['2022-12-31']],
      ],
    ],
    [
      'full-width digits, as typed in some Word notices ("１", "２０２２年６月底前")',
      lines(
        '序号\t工作任务\t责任单位\t完成时限',
        '１\t公开年度预算。\t区财政局\t２０２２年６月底前',
        '２\t公开政府债务信息。\t区财政局\t２０２２年１１月',
      ),
      [
        ['公开年度预算。', [], ['区财政局'], ['2022-06-30']],
        ['公开政府债务信息。', [], ['区财政局'], ['2022-11-30']],
      ],
    ],
    [
      'headers in other words: 工作重点 / 主责部门 / 协同单位 / 截止时间',
      lines(
        '序号\t工作重点\t主责部门\t协同单位\t截止时间',
        '1\t公开年度预算。\t区财政局\t各镇街\t2022年6月底前',
        '2\t公开政府债务信息。\t区财政局\t区审计局\t每季度',
      ),
      [
        ['公开年度预算。', ['区财政局'], ['各镇街'], ['2022-06-30']],
        ['公开政府债务信息。', ['区财政局'], ['区审计局'], ['recurring:quarter']],
      ],
    ],
    [
      'pipe rows whose group cell appears on the group’s first row only (cells shift left)',
      lines(
        '工作任务 | 具体任务 | 责任部门 |',
        '一、财政信息公开。 | 1.公开部门预算。 | 财务科 |',
        '2.公开部门决算。 | 财务科 | |',
      ),
      [
        ['1.公开部门预算。', [], ['财务科'], []],
        ['2.公开部门决算。', [], ['财务科'], []],
      ],
    ],
    [
      'aligned pipe rows: an empty unit cell continues the merged cell above',
      lines(
        '| 序号 | 贯彻举措 | 牵头单位 | 配合单位 | 完成时限 |',
        '| 1 | 公开规划。 | 区发改委 | 区规自局 | 全年 |',
        '| 2 | 公开规划调整。 | 区发改委 | | 全年 |',
      ),
      [
        ['公开规划。', ['区发改委'], ['区规自局'], ['continuous']],
        ['公开规划调整。', ['区发改委'], ['区规自局'], ['continuous']],
      ],
    ],
    [
      'a unit cell that says who leads: "X牵头，Y配合", "X会同Y", "…等按职责分工落实"',
      lines(
        '工作任务 | 责任单位 | 时限要求 |',
        '1.做好政策解读。 | 区政府办牵头，区司法局配合 | 长期坚持 |',
        '2.做好疫情信息发布。 | 宣传科会办公室 | 12月 |',
        '3.做好执法信息公开。 | 执法一科、执法二科等按职责分工落实 | 常态化 |',
      ),
      [
        ['1.做好政策解读。', ['区政府办'], ['区司法局'], ['continuous']],
        ['2.做好疫情信息发布。', ['宣传科'], ['办公室'], ['2022-12-31']],
        ['3.做好执法信息公开。', [], ['执法一科', '执法二科'], ['continuous']],
      ],
    ],
    [
      'several tables in one notice, header repeated on the second',
      lines(
        '工作任务 | 责任单位 |',
        '1.公开预算。 | 区财政局 |',
        '',
        '附表二',
        '',
        '工作任务 | 责任单位 |',
        '1.公开决算。 | 区财政局 |',
      ),
      [
        ['1.公开预算。', [], ['区财政局'], []],
        ['1.公开决算。', [], ['区财政局'], []],
      ],
    ],
    [
      'cells one per line without any separator, header label broken over two lines',
      lines(
        '目标',
        '任务',
        '主要内容',
        '责任单位',
        '一、助力稳增长',
        '（一）加强预期引导',
        '及时宣传解读经济政策。',
        '区发改委牵头落实',
        '按月公开财政收支情况。',
        '区财政局牵头落实',
      ),
      [
        ['及时宣传解读经济政策。', ['区发改委'], [], []],
        ['按月公开财政收支情况。', ['区财政局'], [], ['recurring:month']],
      ],
    ],
    [
      'cells one per line, the task column headed with a word of the table’s own',
      lines(
        '领域',
        '实施要点',
        '责任单位',
        '完成时限',
        '政策解读',
        '做好重要政策文件的解读工作。',
        '区发改委、区财政局',
        '年内',
        '公开发布财政预决算信息。',
        '区财政局',
        '2022年6月底前',
      ),
      [
        ['做好重要政策文件的解读工作。', [], ['区发改委', '区财政局'], ['2022-12-31']],
        ['公开发布财政预决算信息。', [], ['区财政局'], ['2022-06-30']],
      ],
    ],
    [
      'cells one per line each followed by a blank line, a header of labels of its own',
      lines(
        '板块',
        '',
        '推进路径',
        '',
        '牵头单位',
        '',
        '政策解读',
        '',
        '做好重要政策文件的解读工作。',
        '',
        '区发改委',
        '',
      ),
      [['做好重要政策文件的解读工作。', ['区发改委'], [], []]],
    ],
    [
      'rows copied by a browser: two titles across the table under the header',
      lines(
        '|工作任务|责任单位|',
        '|加大主动公开力度|',
        '|深入推进民生保障信息公开|',
        '|公开义务教育招生方案。|区教委|',
        '|加强政策解读|',
        '|做好重要政策文件的解读工作。|区发改委|',
      ),
      [
        ['公开义务教育招生方案。', [], ['区教委'], []],
        ['做好重要政策文件的解读工作。', [], ['区发改委'], []],
      ],
    ],
    [
      // (the short row right before a row with its own units stays a title, as one title alone is)
      'rows copied by a browser: a short row under a row with units continues its merged unit cell',
      lines(
        '|具体要求|责任主体|',
        '|行政审批项目取消、下放信息公开|省编办牵头，省直各部门配合|',
        '|权力清单信息公开|',
        '|行政审批事项信息公开|',
        '|财政预算、决算公开。|省财政厅牵头|',
      ),
      [
        ['行政审批项目取消、下放信息公开', ['省编办'], ['省直各部门'], []],
        ['权力清单信息公开', ['省编办'], ['省直各部门'], []],
        ['财政预算、决算公开。', ['省财政厅'], [], []],
      ],
    ],
    [
      'a deadline column headed with a word of the table’s own, every cell kept',
      lines(
        '工作任务 | 责任单位 | 推进节奏',
        '做好重要政策文件的解读工作。 | 区发改委 | 2022年6月底前',
        '公开发布财政预决算信息。 | 区财政局 | 持续推进',
      ),
      [
        ['做好重要政策文件的解读工作。', [], ['区发改委'], ['2022-06-30']],
        ['公开发布财政预决算信息。', [], ['区财政局'], ['continuous']],
      ],
    ],
    [
      'a deadline column headed with a word of the table’s own, merged cells left out by the copy',
      lines(
        '|工作任务|牵头单位|配合单位|工作节点|',
        '|做好重要政策文件的解读工作。|区发改委|区财政局|2022年6月底前|',
        '|公开发布财政预决算信息。|区财政局|区审计局|',
        '|公开审计结果。|区审计局|/|持续推进|',
      ),
      [
        ['做好重要政策文件的解读工作。', ['区发改委'], ['区财政局'], ['2022-06-30']],
        ['公开发布财政预决算信息。', ['区财政局'], ['区审计局'], ['2022-06-30']],
        ['公开审计结果。', ['区审计局'], [], ['continuous']],
      ],
    ],
    [
      'cells one per line, a deadline column headed with a word of the table’s own',
      lines(
        '工作任务',
        '责任单位',
        '推进节奏',
        '做好重要政策文件的解读工作。',
        '区发改委',
        '2022年6月底前',
        '公开发布财政预决算信息。',
        '区财政局',
        '持续推进',
      ),
      [
        ['做好重要政策文件的解读工作。', [], ['区发改委'], ['2022-06-30']],
        ['公开发布财政预决算信息。', [], ['区财政局'], ['continuous']],
      ],
    ],
    [
      'cells one per line right under the signature, a deadline column headed with a word of the table’s own',
      lines(
        '区政府办公室',
        '2022年3月1日',
        '领域',
        '工作任务',
        '责任单位',
        '推进节奏',
        '政策解读',
        '做好重要政策文件的解读工作。',
        '区发改委',
        '2022年6月底前',
      ),
      [['做好重要政策文件的解读工作。', [], ['区发改委'], ['2022-06-30']]],
    ],
    [
      'cells one per line without a deadline column: a short first cell after the units is the first row’s',
      lines(
        '重点工作',
        '工作任务',
        '责任单位',
        '政策解读',
        '做好重要政策文件的解读工作。',
        '区发改委',
        '公开发布财政预决算信息。',
        '区财政局',
      ),
      [
        ['做好重要政策文件的解读工作。', [], ['区发改委'], []],
        ['公开发布财政预决算信息。', [], ['区财政局'], []],
      ],
    ],
    [
      'copied rows under a header that names one unit column: the unnamed one of unit names is the lead’s',
      lines(
        '工作任务\t主抓\t配合\t完成时限',
        '做好重要政策文件的解读工作。\t区发改委\t区财政局\t2022年6月底前',
        '公开发布财政预决算信息。\t区财政局\t各部门\t持续推进',
      ),
      [
        ['做好重要政策文件的解读工作。', ['区发改委'], ['区财政局'], ['2022-06-30']],
        ['公开发布财政预决算信息。', ['区财政局'], ['各部门'], ['continuous']],
      ],
    ],
    [
      'a unit cell that also says when: the deadline is the row’s, not part of a unit’s name',
      lines(
        '工作任务\t责任单位',
        '做好重要政策文件的解读工作。\t区发改委（2022年6月底前完成）',
        '公开发布财政预决算信息。\t区财政局，年底前',
      ),
      [
        ['做好重要政策文件的解读工作。', [], ['区发改委'], ['2022-06-30']],
        ['公开发布财政预决算信息。', [], ['区财政局'], ['2022-12-31']],
      ],
    ],
    [
      'a table without a unit column, its task cells naming their units in brackets',
      lines(
        '序号\t工作任务\t完成时限',
        '1\t做好重要政策文件的解读工作。（责任单位：区发改委）\t2022年6月底前',
        '2\t公开发布财政预决算信息。（牵头单位：区财政局；责任单位：各部门）\t年底前',
      ),
      [
        ['做好重要政策文件的解读工作。', [], ['区发改委'], ['2022-06-30']],
        ['公开发布财政预决算信息。', ['区财政局'], ['各部门'], ['2022-12-31']],
      ],
    ],
    [
      'rows of a two-column table copied with a tab after the row number: the number numbers the item',
      lines(
        '序号\t工作内容',
        '1\t做好重要政策文件的解读工作。责任单位：区发改委。',
        '2\t公开发布财政预决算信息。责任单位：区财政局。',
      ),
      [
        ['1.做好重要政策文件的解读工作。', [], ['区发改委'], []],
        ['2.公开发布财政预决算信息。', [], ['区财政局'], []],
      ],
    ],
    [
      'a deadline the parser does not know, in the deadline column of a complete row, is no task',
      lines(
        '工作任务\t责任单位\t完成时限',
        '做好重要政策文件的解读工作。\t区发改委\t视情况',
        '公开发布财政预决算信息。\t区财政局\t2022年6月底前',
      ),
      [
        ['做好重要政策文件的解读工作。', [], ['区发改委'], []],
        ['公开发布财政预决算信息。', [], ['区财政局'], ['2022-06-30']],
      ],
    ],
  ])('%s', (_name, text, expected) => {
    expect(read(text)).toEqual(expected);
  });

  it('cells one per line under the signature: the signature and its date are no labels, the 领域 cell a section', () => {
    const plan = parseNotice({
      text: lines(
        '某区2022年任务分工',
        '区政府办公室',
        '2022年3月1日',
        '领域',
        '工作任务',
        '责任单位',
        '推进节奏',
        '政策解读',
        '做好重要政策文件的解读工作。',
        '区发改委',
        '2022年6月底前',
      ),
    });
    expect([plan.date, plan.tasks.map((t) => t.section)]).toEqual(['2022-03-01', [['政策解读']]]);
  });

  it('keeps numbered items inside a cell as the task’s measures', () => {
    const plan = parseNotice(
      {
        text: lines(
          '工作任务 | 具体要求 | 责任单位 |',
          '1.规范性文件 | 1.全面清理。2.公布目录。 | 区司法局 |',
        ),
      },
      { year: 2022 },
    );
    expect(plan.tasks[0]?.section).toEqual(['1.规范性文件']);
    expect(plan.tasks[0]?.text).toBe('1.全面清理。2.公布目录。');
  });
});

describe('prose, in every common style', () => {
  it.each<[string, string, Expected]>([
    [
      'labels with 部门/科室/处室: "(牵头部门：…)", "(牵头科室：…；责任科室：…)"',
      lines(
        '一、推进决策公开',
        '做好规范性文件公开工作，集中显示现行有效的规范性文件。（牵头部门：法规处）',
        '做好市场主体培育信息公开，助力营商环境持续优化。（牵头科室：登记注册科；责任科室：局机关科室、执法支队）',
      ),
      [
        ['做好规范性文件公开工作，集中显示现行有效的规范性文件。', ['法规处'], [], []],
        ['做好市场主体培育信息公开，助力营商环境持续优化。', ['登记注册科'], ['局机关科室', '执法支队'], []],
      ],
    ],
    [
      'labels in other words: "(负责单位：…)", "(承担单位：…；落实部门：…)"; a group after a second label',
      lines(
        '一、推进决策公开',
        '做好规范性文件公开工作，集中显示现行有效的规范性文件。（负责单位：区司法局）',
        '做好重大项目信息公开，按季度更新进展情况。（承担单位：区发展改革委；落实部门：各镇街）',
        // a second label whose list is one group: the bracket stays whole (it was cut as a closing sentence)
        '做好惠企政策集中发布工作。（牵头单位：区经济信息委；配合单位：各镇街）',
      ),
      [
        ['做好规范性文件公开工作，集中显示现行有效的规范性文件。', [], ['区司法局'], []],
        ['做好重大项目信息公开，按季度更新进展情况。', [], ['区发展改革委', '各镇街'], ['recurring:quarter']],
        ['做好惠企政策集中发布工作。', ['区经济信息委'], ['各镇街'], []],
      ],
    ],
    [
      'a numbered line with its own "牵头单位：" and "责任单位：" lines under it is the task',
      lines(
        '一、主要预期目标',
        '',
        '1.地区生产总值增长6%左右。',
        '',
        '牵头单位:区发改局',
        '',
        '责任单位:开发区,各街道、区直各部门',
        '',
        '2.一般公共预算收入增长8%左右。',
        '',
        '牵头单位:区财政局',
      ),
      [
        ['1.地区生产总值增长6%左右。', ['区发改局'], ['开发区', '各街道', '区直各部门'], []],
        ['2.一般公共预算收入增长8%左右。', ['区财政局'], [], []],
      ],
    ],
    [
      'a group\'s "牵头单位：" and "责任单位：" lines together give both to its items',
      lines(
        '一、做好政策解读',
        '1.及时解读本部门出台的政策文件，回应社会关切。',
        '2.做好政策咨询服务，解答企业和群众的咨询。',
        '牵头单位：区政府办',
        '责任单位：区级各部门',
      ),
      [
        ['1.及时解读本部门出台的政策文件，回应社会关切。', ['区政府办'], ['区级各部门'], []],
        ['2.做好政策咨询服务，解答企业和群众的咨询。', ['区政府办'], ['区级各部门'], []],
      ],
    ],
    [
      '"(牵头单位：…；责任单位：…)" after each item',
      lines('一、重点工作', '1.公开重大项目批准信息。（牵头单位：区发改委；责任单位：区级各部门）'),
      [['1.公开重大项目批准信息。', ['区发改委'], ['区级各部门'], []]],
    ],
    [
      '"(X牵头，Y配合)" and "(X负责)"',
      lines(
        '一、重点工作',
        '1.公开财政预算。（区财政局牵头，区级各部门配合）',
        '2.公开审计结果。（区审计局负责）',
        '3.公开统计信息。——区统计局牵头，各街道配合',
      ),
      [
        ['1.公开财政预算。', ['区财政局'], ['区级各部门'], []],
        ['2.公开审计结果。', [], ['区审计局'], []],
        // a unit statement after a dash: the dash is no part of the name
        ['3.公开统计信息。', ['区统计局'], ['各街道'], []],
      ],
    ],
    [
      '"(责任单位：…)" and "各部门按职责分工负责"',
      lines(
        '一、重点工作',
        '1.做好政策解读。（责任单位：区政府办）',
        '2.做好依申请公开。（各部门按职责分工负责）',
      ),
      [
        ['1.做好政策解读。', [], ['区政府办'], []],
        ['2.做好依申请公开。', [], ['各部门'], []],
      ],
    ],
    [
      'several items in one paragraph, each followed by its units',
      lines(
        '一、重点工作',
        '（一）做好重点领域公开。公开重大项目信息。（区发改委负责落实）公开环境质量信息。（区生态环境局、区水利局分别负责落实）',
      ),
      [
        ['公开重大项目信息。', [], ['区发改委'], []],
        ['公开环境质量信息。', [], ['区生态环境局', '区水利局'], []],
      ],
    ],
    [
      'one unit line for a whole heading group',
      lines(
        '一、重点工作',
        '（一）政策解读',
        '1.解读重要政策文件，年内完成。',
        '2.开展政策吹风会，每季度至少1次。',
        '牵头单位：区政府办；责任单位：区级各部门',
      ),
      [
        ['1.解读重要政策文件，年内完成。', ['区政府办'], ['区级各部门'], ['2022-12-31']],
        ['2.开展政策吹风会，每季度至少1次。', ['区政府办'], ['区级各部门'], ['recurring:quarter']],
      ],
    ],
    [
      'a short numbered item, its unit line below it',
      lines('一、重点工作', '1.推进政策解读。加强解读。', '责任单位：区发改委'),
      [['1.推进政策解读。加强解读。', [], ['区发改委'], []]],
    ],
    [
      'labels in 【】 on lines of their own under the item',
      lines(
        '一、重点工作',
        '1.推进政策解读。',
        '【责任单位】区发改委会同区财政局等部门',
        '【完成时限】2022年6月底前',
      ),
      [['1.推进政策解读。', ['区发改委'], ['区财政局等部门'], ['2022-06-30']]],
    ],
    [
      '"此项工作由X负责" closing the item',
      lines('一、重点工作', '1.推进政策解读，提升解读质量。此项工作由区发改委负责。'),
      [['1.推进政策解读，提升解读质量。', [], ['区发改委'], []]],
    ],
    [
      'mixed full- and half-width punctuation',
      lines('一、重点工作', '1.公开预算信息,2022年6月底前完成。(牵头单位:区财政局;责任单位：区级各部门)'),
      [['1.公开预算信息,2022年6月底前完成。', ['区财政局'], ['区级各部门'], ['2022-06-30']]],
    ],
  ])('%s', (_name, text, expected) => {
    expect(read(text)).toEqual(expected);
  });
});

describe('deadlines in every common form', () => {
  it.each<[string, string[]]>([
    ['2022年6月底前', ['2022-06-30']],
    ['每季度', ['recurring:quarter']],
    ['持续推进', ['continuous']],
    ['长期坚持', ['continuous']],
    ['年内', ['2022-12-31']],
    ['12月', ['2022-12-31']],
    ['全年', ['continuous']],
    ['2021年8月前', ['2021-08-31']],
  ])('%s', (cell, due) => {
    expect(
      read(lines('工作任务 | 责任单位 | 完成时限 |', `1.公开信息。 | 区政府办 | ${cell} |`))[0]?.[3],
    ).toEqual(due);
  });

  it('"印发后3个月内" is dated from the notice’s date, or stays 待定 with a warning', () => {
    const table = lines('工作任务 | 责任单位 | 完成时限 |', '1.建立公开目录。 | 区政府办 | 印发后3个月内 |');
    const dated = parseNotice({
      text: lines('关于印发2022年政务公开工作要点任务分工的通知', '2022年3月15日', table),
    });
    expect(dated.tasks[0]?.deadlines).toEqual([
      { kind: 'relative', date: '2022-06-15', raw: '印发后3个月内' },
    ]);
    const undated = parseNotice({ text: table }, { year: 2022 });
    expect(undated.tasks[0]?.deadlines[0]?.date).toBeUndefined();
    expect(undated.warnings.map((w) => w.message).join()).toMatch(/从通知印发之日起算.*待定/);
  });
});

describe('pages saved with their site', () => {
  it('drops navigation, the metadata block, share buttons, footers and spam; keeps 成文日期 and 文号', () => {
    const page = lines(
      '首页 > 政务公开 > 政策文件',
      '索引号',
      '',
      '113715250044422281/2021-26757114',
      '',
      '发布机构',
      '',
      '某县政府',
      '',
      '成文日期',
      '',
      '2021-06-28',
      '',
      '发文字号',
      '',
      '某政办发〔2021〕9号',
      '365bet体育登陆网址2021年任务分工',
      '字号：大 中 小 打印 关闭',
      '工作任务 | 责任单位 |',
      '1.公开预算。 | 县财政局 |',
      '版权所有：某县人民政府 网站标识码：1234567890',
    );
    const plan = parseNotice({ text: page });
    expect(plan.date).toBe('2021-06-28');
    expect(plan.docNumber).toBe('某政办发〔2021〕9号');
    expect(plan.tasks.map((t) => t.text)).toEqual(['1.公开预算。']);
  });

  it('drops the link list under the article: "相关链接" is no unit of the last row', () => {
    const page = lines(
      '工作任务',
      '责任单位',
      '公开预算信息。',
      '区财政局',
      '相关链接',
      '上一篇：关于…的通知',
    );
    expect(read(page)).toEqual([['公开预算信息。', [], ['区财政局'], []]]);
  });

  it.each<[string, string, string]>([
    // a site's column name in 【】 before the title goes; the title stays
    [
      'column tag',
      '【政务公开任务分工】某县残联2024年政务公开重点工作任务分工',
      '某县残联2024年政务公开重点工作任务分工',
    ],
    ['buttons in 【】 stay chrome', '【打印】【关闭】', ''],
    ['font buttons stay chrome', '【字体：大 中 小】', ''],
    // "?" in front of text is indentation lost in the page's encoding
    ['lost spaces', '? ?二、重点任务', '二、重点任务'],
    ['lost spaces before a number', '??1.公开预算。', '1.公开预算。'],
    ['a question inside text stays', '是否公开?是', '是否公开?是'],
  ])('%s', (_what, line, kept) => {
    expect(cleanPageText(line)).toBe(kept);
  });

  it('reads the title behind a column tag and the heading behind lost spaces', () => {
    const page = lines(
      '【政务公开任务分工】某县残联2024年政务公开重点工作任务分工',
      '一、总体要求',
      '以习近平新时代中国特色社会主义思想为指导,认真落实上级相关要求,持续提升政务公开质量。',
      '? ?二、重点任务',
      '(一)做好预算公开。及时公开部门预算、决算。(责任科室:财务科)',
    );
    const plan = parseNotice({ text: page });
    expect(plan.year).toBe(2024);
    expect(plan.tasks.map((t) => t.responsibleUnits)).toEqual([['财务科']]);
  });

  it('reads a table copied with a blank line after every cell, numbered items sharing one merged unit cell', () => {
    const page = lines(
      '某局2021年政务公开工作要点分工方案',
      '',
      '工作任务',
      '',
      '具体要求',
      '',
      '落实科室(部门)',
      '',
      '做好规划公开',
      '',
      '1.主动公开本部门规划原文和解读。',
      '',
      '各科室按职责分工落实',
      '',
      '做好执法信息公开',
      '',
      '2.主动公开市场准入负面清单。',
      '',
      '3.及时公开定点机构名单。',
      '',
      '法规科、执法队按职责分工落实',
    );
    const plan = parseNotice({ text: page });
    expect(plan.tasks.map((t) => [t.text, t.responsibleUnits])).toEqual([
      ['1.主动公开本部门规划原文和解读。', ['各科室']],
      ['2.主动公开市场准入负面清单。', ['法规科', '执法队']],
      ['3.及时公开定点机构名单。', ['法规科', '执法队']],
    ]);
    expect(plan.tasks.map((t) => t.section)).toEqual([
      ['做好规划公开'],
      ['做好执法信息公开'],
      ['做好执法信息公开'],
    ]);
    expect(plan.warnings.map((w) => w.message)).toContain(
      '该项与上一项共用一个责任单位单元格（合并单元格），请核对',
    );
  });
});

describe('third round (2026-12-05): 政府工作报告 task lists', () => {
  it.each<[string, string, Expected]>([
    [
      '"牵头责任单位:" and "协同责任单位:" lines under a numbered target, a 牵头负责领导 (a person) above them',
      lines(
        '一、确保完成全年主要预期目标',
        '1. 地区生产总值增长8%以上。',
        '牵头负责领导:金力。',
        '牵头责任单位:市发展改革委。',
        '协同责任单位:市经信局、开发区管委会等,各县、市、区政府。',
        '2. 财政收入增长8%左右。',
        '牵头负责领导:金力。',
        '牵头责任单位:市财政局。',
        '协同责任单位:市税务局。',
      ),
      [
        [
          '1. 地区生产总值增长8%以上。',
          ['市发展改革委'],
          ['市经信局', '开发区管委会', '各县、市、区政府'],
          [],
        ],
        ['2. 财政收入增长8%左右。', ['市财政局'], ['市税务局'], []],
      ],
    ],
    [
      '"(首位单位为牵头单位,下同)": the first unit of every list leads',
      lines(
        '一、县长牵头重点工作',
        '1.全县生产总值增长7.5%左右;一般公共预算收入增长8.5%。',
        '责任单位:县发改局(首位单位为牵头单位,下同)、县财政局、县税务局',
        '2.落实党政机关过紧日子的要求,努力降低行政运行成本。',
        '责任单位:县财政局',
      ),
      [
        ['1.全县生产总值增长7.5%左右;一般公共预算收入增长8.5%。', ['县发改局'], ['县财政局', '县税务局'], []],
        ['2.落实党政机关过紧日子的要求,努力降低行政运行成本。', ['县财政局'], [], []],
      ],
    ],
    [
      'a section heading with a comma; each item closed by its own "责任单位:" line (not carried to the next)',
      lines(
        '一、抓好常态化疫情防控,全面恢复生产生活秩序',
        '1.坚持总体防控策略,完善常态化疫情防控举措。',
        '责任单位:市卫生健康委等,各县(市、区)政府',
        '2.坚持必要的人员管控和健康监测措施,引导群众做好自我防护。',
        '责任单位:市疫情防控指挥部办公室',
      ),
      [
        ['1.坚持总体防控策略,完善常态化疫情防控举措。', [], ['市卫生健康委', '各县(市、区)政府'], []],
        ['2.坚持必要的人员管控和健康监测措施,引导群众做好自我防护。', [], ['市疫情防控指挥部办公室'], []],
      ],
    ],
  ])('%s', (_name, text, expected) => {
    expect(read(text)).toEqual(expected);
  });

  it('reads sub-items "(1)…(4)" closed by one "(责任单位:…)" line as the measures of their numbered item', () => {
    const plan = parseNotice(
      {
        text: lines(
          '(一)“一案三制”建设',
          '1.完善应急预案体系',
          '(1)加强应急预案管理,规范应急预案编制、审批工作。',
          '(2)推进政府及其部门应急预案“精编化”,及时修订完善现有应急预案。',
          '(责任单位:市直各有关单位、各县(市、区)人民政府)',
          '2.健全应急管理体制',
          '(1)深入推进市、县、乡三级政府应急管理办事机构建设,落实应急管理专职领导和人员编制。',
          '(2)加强公安、民政、卫生等专项预案牵头部门的应急机构建设,强化应急值守。',
          '(责任单位:市应急管理局)',
        ),
      },
      { year: 2017 },
    );
    expect(plan.tasks.map((t) => [t.section, t.measures.length, t.responsibleUnits])).toEqual([
      [['(一)“一案三制”建设'], 2, ['市直各有关单位', '各县(市、区)人民政府']],
      [['(一)“一案三制”建设'], 2, ['市应急管理局']],
    ]);
    expect(plan.tasks[0]?.text.startsWith('1.完善应急预案体系')).toBe(true);
    expect(plan.warnings).toEqual([]);
  });

  it('splits a page whose line breaks were lost at its numbered items and unit labels', () => {
    const page =
      '各镇人民政府: 《重点工作责任分解》已经县政府讨论确定,现印发给你们,请认真贯彻执行。 县人民政府办公室 2022年4月18日 (此件公开发布) 重点工作责任分解 一、县长牵头重点工作 1.全县生产总值增长7.5%左右,收入倍差进一步缩小。 责任单位:县发改局、县财政局 2.落实党政机关过紧日子的要求,努力降低行政运行成本。 责任单位:县财政局';
    expect(cleanPageText(page).split('\n')).toEqual([
      '各镇人民政府: 《重点工作责任分解》已经县政府讨论确定,现印发给你们,请认真贯彻执行。 县人民政府办公室 2022年4月18日 (此件公开发布) 重点工作责任分解',
      '一、县长牵头重点工作',
      '1.全县生产总值增长7.5%左右,收入倍差进一步缩小。',
      '责任单位:县发改局、县财政局',
      '2.落实党政机关过紧日子的要求,努力降低行政运行成本。',
      '责任单位:县财政局',
    ]);
    expect(read(page).map((t) => t[2])).toEqual([['县发改局', '县财政局'], ['县财政局']]);
  });

  it('takes the year from the 文号 when neither a dated title nor a 成文日期 gives it', () => {
    const plan = parseNotice({
      text: lines(
        '许政 [2020] 20号',
        '1.坚持总体防控策略,完善常态化疫情防控举措。（责任单位：市卫生健康委）',
      ),
    });
    expect(plan.year).toBe(2020);
  });

  it('reads a header label spaced out letter by letter in a one-cell-per-line table', () => {
    const plan = parseNotice({
      text: lines(
        '序号',
        '',
        '主 要 工 作 任 务',
        '',
        '责任单位',
        '',
        '1',
        '',
        '地区生产总值增长6%左右。',
        '',
        '市发展改革委',
      ),
    });
    expect(plan.tasks.map((t) => [t.text, t.responsibleUnits])).toEqual([
      ['地区生产总值增长6%左右。', ['市发展改革委']],
    ]);
  });
});

describe('fourth round (2026-12-05)', () => {
  it.each<[string, string, Expected]>([
    [
      '"〔责任单位：…按职责分工负责。说明…，下同。〕": 六角括号, the sentence after the list is a note',
      lines(
        '一、深化现代流通市场化改革',
        '(一)加强市场体系建设。推进高标准市场体系建设,全面融入全国统一大市场。〔责任单位:省发展改革委、商务厅按职责分工负责。具体任务均涉及相关市(州)人民政府,不再做分工,下同。〕',
        '(二)优化市场准入环境。实施“证照分离”改革全覆盖。〔责任单位:省市场监管局〕',
      ),
      [
        [
          '(一)加强市场体系建设。推进高标准市场体系建设,全面融入全国统一大市场。',
          [],
          ['省发展改革委', '商务厅'],
          [],
        ],
        ['(二)优化市场准入环境。实施“证照分离”改革全覆盖。', [], ['省市场监管局'], []],
      ],
    ],
    [
      '"(除标注“分别牵头”外,列第一位为牵头或汇总单位,下同)" and "X、Y分别牵头"; a short target line closed by its unit line before a longer item',
      lines(
        '一、主要预期目标',
        '1.生产总值增长6%以上,高质量前提下能快则快。',
        '责任单位:市发改委',
        '2.固定资产投资增长10%。',
        '责任单位:市发改委、市经信局、市科技局(除标注“分别牵头”外,列第一位为牵头或汇总单位,下同)',
        '3.城乡居民收入增速保持全省领先、农民收入增速快于城镇居民。',
        '责任单位:市人力社保局、市农业农村局分别牵头',
      ),
      [
        ['1.生产总值增长6%以上,高质量前提下能快则快。', ['市发改委'], [], []],
        ['2.固定资产投资增长10%。', ['市发改委'], ['市经信局', '市科技局'], []],
        [
          '3.城乡居民收入增速保持全省领先、农民收入增速快于城镇居民。',
          ['市人力社保局', '市农业农村局'],
          [],
          [],
        ],
      ],
    ],
    [
      'a table with a "分管县领导" column: its names are neither task text nor units',
      lines(
        '序号 |',
        '目标与任务 |',
        '分 管 县领导 |',
        '牵头责任单位 |',
        '责任单位 |',
        '80 |',
        '加大普惠性托育供给,新增托位数400个以上。 |',
        '俞 悦 |',
        '县教育局 |',
        '县各有关单位 |',
        '81 |',
        '保障芜职院现代物流智造学院秋季开学。 |',
        '陆 明俞 悦 |',
        '县教育局 |',
        '县各有关单位 |',
      ),
      [
        ['加大普惠性托育供给,新增托位数400个以上。', ['县教育局'], ['县各有关单位'], []],
        ['保障芜职院现代物流智造学院秋季开学。', ['县教育局'], ['县各有关单位'], []],
      ],
    ],
  ])('%s', (_name, text, expected) => {
    expect(read(text)).toEqual(expected);
  });
});

describe('fifth round (2026-12-06)', () => {
  it.each<[string, string, Expected]>([
    [
      '"(X、Y牵头;A,各州、市人民政府按照职责分工负责)": 按照职责分工负责 as 按职责分工负责, 各州、市 as one name',
      lines(
        '一、深化重点领域信息公开',
        '(一)推进各类规划主动公开。县级以上政府及其部门要公开本地“十四五”规划纲要。(省政府办公厅、省发展改革委牵头;省直有关部门,各州、市人民政府按照职责分工负责)',
        '(二)加强涉及市场主体的信息公开。持续推进反垄断执法信息公开工作。(省直有关部门,各州、市人民政府按照职责分工负责)',
      ),
      [
        [
          '(一)推进各类规划主动公开。县级以上政府及其部门要公开本地“十四五”规划纲要。',
          ['省政府办公厅', '省发展改革委'],
          ['省直有关部门', '各州、市人民政府'],
          [],
        ],
        [
          '(二)加强涉及市场主体的信息公开。持续推进反垄断执法信息公开工作。',
          [],
          ['省直有关部门', '各州、市人民政府'],
          ['continuous'],
        ],
      ],
    ],
    [
      '"〔牵头单位:X,责任单位:…,县直、驻县有关单位〕": 县直 shares the noun of the name after it',
      lines(
        '(一)加强用权公开',
        '1.推进权责清单公开。动态调整并及时公开部门权责清单。〔牵头单位:县行政审批局,责任单位:各乡镇人民政府,县直、驻县有关单位〕',
        '2.推进机构职能目录公开。全面公开机构职能信息。〔牵头单位:县政府办,责任单位:市直、驻市单位〕',
      ),
      [
        [
          '1.推进权责清单公开。动态调整并及时公开部门权责清单。',
          ['县行政审批局'],
          ['各乡镇人民政府', '县直、驻县有关单位'],
          ['continuous'],
        ],
        ['2.推进机构职能目录公开。全面公开机构职能信息。', ['县政府办'], ['市直、驻市单位'], []],
      ],
    ],
  ])('%s', (_name, text, expected) => {
    expect(read(text)).toEqual(expected);
  });
});

describe('sixth round (2026-12-06)', () => {
  it.each<[string, string, Expected]>([
    [
      'a table with 牵头 and 责任 columns whose merged cells are left out: "| ||" continues both, a row with one unit cell continues the lead',
      lines(
        '工 作 任 务 |',
        '牵头单位 |',
        '责 任 单 位 |',
        '一、推进重点领域信息公开 | ||',
        '1.权力清单信息公开 |',
        '市编办 |',
        '市直各部门,各县(市、区)、高新区 |',
        '2.权责事项动态调整信息公开 | ||',
        '3.财政预算公开 |',
        '市财政局 |',
        '市直各部门 |',
        '4.政府采购信息公开 |',
        '各县(市、区)、高新区 | |',
      ),
      [
        ['1.权力清单信息公开', ['市编办'], ['市直各部门', '各县(市、区)', '高新区'], []],
        ['2.权责事项动态调整信息公开', ['市编办'], ['市直各部门', '各县(市、区)', '高新区'], []],
        ['3.财政预算公开', ['市财政局'], ['市直各部门'], []],
        ['4.政府采购信息公开', ['市财政局'], ['各县(市、区)', '高新区'], []],
      ],
    ],
    [
      'an assessment table (一级指标…三级指标 / 责任科室、单位), a blank line after every cell, scores, a cell broken at a page break',
      lines(
        '一级指标',
        '',
        '二级指标',
        '',
        '三级指标',
        '',
        '责任科室、单位',
        '',
        ' ',
        '',
        '政策解读',
        '',
        '8',
        '',
        '解读材料',
        '',
        '0.5',
        '',
        '是否按“三同步”要求发布解读材料(1',
        '',
        '办公室',
        '',
        ' ',
        '',
        '是否对重要政策开展多元化解读,包括图解、视频、问答等形式的解读材料及其与政策文件的关联发',
        '',
        '布情况(1',
        '',
        '办公室',
        '',
        '政策法规科',
      ),
      [
        ['是否按“三同步”要求发布解读材料(1', [], ['办公室'], []],
        [
          '是否对重要政策开展多元化解读,包括图解、视频、问答等形式的解读材料及其与政策文件的关联发布情况(1',
          [],
          ['办公室', '政策法规科'],
          [],
        ],
      ],
    ],
    [
      '"〔…按照职能分别落实〕" and "(各市〔州〕、县〔市、区〕政府,…)": who does the work, without labels',
      lines(
        '一、强化基础信息公开',
        '(一)做好规划公开。各地各部门要主动公开规划纲要,对内容变化的信息要及时公开。〔各县(市)区人民政府,市政府各部门(单位)按照职能分别落实〕',
        '(二)加强权责清单公开。更新调整权责清单并按照要求公开。(各市〔州〕、县〔市、区〕政府,省政府各部门按照职能分别落实)',
      ),
      [
        [
          '(一)做好规划公开。各地各部门要主动公开规划纲要,对内容变化的信息要及时公开。',
          [],
          ['各县(市)区人民政府', '市政府各部门(单位)'],
          ['continuous'],
        ],
        [
          '(二)加强权责清单公开。更新调整权责清单并按照要求公开。',
          [],
          ['各市〔州〕、县〔市、区〕政府', '省政府各部门'],
          [],
        ],
      ],
    ],
    [
      '"逗号前为牵头单位,多个牵头单位的按职责分别牵头,下同": the note holds for the lists after it',
      lines(
        '一、强化重点领域信息公开',
        '(一)加强稳增长信息公开。发布重点项目实施情况。(责任单位:市发展改革委、市经济和信息化局,各区县政府。逗号前为牵头单位,多个牵头单位的按职责分别牵头,下同)',
        '(二)加强调结构信息公开。发布产业发展配套政策。(责任单位:市经济和信息化局,各区县政府、高新区管委会)',
      ),
      [
        [
          '(一)加强稳增长信息公开。发布重点项目实施情况。',
          ['市发展改革委', '市经济和信息化局'],
          ['各区县政府'],
          [],
        ],
        [
          '(二)加强调结构信息公开。发布产业发展配套政策。',
          ['市经济和信息化局'],
          ['各区县政府', '高新区管委会'],
          [],
        ],
      ],
    ],
    [
      'a blank-line table whose unit cell says "X牵头,Y按职能分工落实"; a date in the text besides the 完成时限 cell',
      lines(
        '工作任务',
        '',
        '具体措施',
        '',
        '责任单位',
        '',
        '完成时限',
        '',
        '(一)推进规范性文件集中公开',
        '',
        '1.建设本地区行政规范性文件库,实现集中统一公开。',
        '',
        '各县(区)人民政府',
        '',
        '2022年底前',
        '',
        '2.市直各单位2022年9月底前建成本部门文件库。',
        '',
        '市政府办公室牵头,市直其他单位按职能分工落实',
        '',
        '2022年底前',
      ),
      [
        ['1.建设本地区行政规范性文件库,实现集中统一公开。', [], ['各县(区)人民政府'], ['2022-12-31']],
        [
          '2.市直各单位2022年9月底前建成本部门文件库。',
          ['市政府办公室'],
          ['市直其他单位'],
          ['2022-12-31', '2022-09-30'],
        ],
      ],
    ],
  ])('%s', (_name, text, expected) => {
    expect(read(text)).toEqual(expected);
  });

  it.each<[string, string[]]>([
    // the issuer after a full stop, a date at the start or the end of a line: the signature block's lost breaks
    [
      '各区县人民政府,市政府各部门: 现将《分工方案》印发给你们,请认真贯彻执行。 某某市人民政府办公室',
      ['各区县人民政府,市政府各部门: 现将《分工方案》印发给你们,请认真贯彻执行。', '某某市人民政府办公室'],
    ],
    [
      '2022年4月28日 某某市2022年政务公开重点工作任务分工方案',
      ['2022年4月28日', '某某市2022年政务公开重点工作任务分工方案'],
    ],
    ['(此件公开发布) 2021年6月25日', ['(此件公开发布)', '2021年6月25日']],
    // a date inside a sentence is not a signature
    ['请于2022年4月28日 前报送。', ['请于2022年4月28日 前报送。']],
    // numbered items and an annotation in a bracket on one long line: split before each item
    [
      '为落实政务公开工作部署,推动重点领域信息公开和政府信息资源管理,深化基层政务公开,加强平台载体建设,强化机制保障,结合实际,制定本分工方案。 一、强化重点领域信息公开 (一)加强稳增长信息公开。及时发布重点项目实施情况。(责任单位:市发展改革委,各区县政府)',
      [
        '为落实政务公开工作部署,推动重点领域信息公开和政府信息资源管理,深化基层政务公开,加强平台载体建设,强化机制保障,结合实际,制定本分工方案。',
        '一、强化重点领域信息公开',
        '(一)加强稳增长信息公开。及时发布重点项目实施情况。(责任单位:市发展改革委,各区县政府)',
      ],
    ],
  ])('splits a line that lost its breaks: %s', (line, expected) => {
    expect(cleanPageText(line).split('\n')).toEqual(expected);
  });

  it('reads the title, issuer and date of a page whose signature block lost its line breaks', () => {
    const plan = parseNotice(
      {
        text: lines(
          '某府办函〔2022〕21号',
          '各区县人民政府,市政府各部门: 现将《某某市2022年政务公开重点工作任务分工方案》印发给你们,请认真贯彻执行。 某某市人民政府办公室',
          '2022年4月28日 某某市2022年政务公开重点工作任务分工方案',
          '(一)加强稳增长信息公开。及时发布重点项目实施情况。(责任单位:市发展改革委,各区县政府)',
        ),
      },
      {},
    );
    expect([plan.title, plan.issuer, plan.date, plan.year]).toEqual([
      '某某市2022年政务公开重点工作任务分工方案',
      '某某市人民政府办公室',
      '2022-04-28',
      2022,
    ]);
  });
});

describe('layouts rendered from the gold files (2026-12-06)', () => {
  it.each<[string, string, Expected]>([
    [
      'a "/" cell says none: no lead, no deadline, and the "/" below continues nothing',
      lines(
        '工作任务 | 牵头单位 | 责任单位 | 完成时限',
        '公开预算信息。 | 区财政局 | 各部门 | 2022年6月底前',
        '公开决算信息。 | / | 区审计局 | /',
      ),
      [
        ['公开预算信息。', ['区财政局'], ['各部门'], ['2022-06-30']],
        ['公开决算信息。', [], ['区审计局'], []],
      ],
    ],
    [
      'in a row copied without its merged cells, a "/" closing the row is the deadline’s; the units continue',
      lines(
        '工作任务',
        '责任单位',
        '完成时限',
        '公开预算信息。',
        '区财政局',
        '2022年6月底前',
        '公开决算信息。',
        '/',
      ),
      [
        ['公开预算信息。', [], ['区财政局'], ['2022-06-30']],
        ['公开决算信息。', [], ['区财政局'], []],
      ],
    ],
    [
      'a short text row followed by a row with its own units is a group title across the table',
      lines(
        '任务内容\t责任主体\t完成时间',
        '深入推进民生保障信息公开',
        '加强重大传染病防控信息发布。\t区卫健局\t全年',
        '加强生态环保信息公开\t区生态环境局\t全年',
      ),
      [
        ['加强重大传染病防控信息发布。', [], ['区卫健局'], ['continuous']],
        ['加强生态环保信息公开', [], ['区生态环境局'], ['continuous']],
      ],
    ],
    [
      'a one-row stream table that mentions 任务 and 牵头 is not a repeated header',
      lines(
        '工作任务',
        '',
        '责任单位',
        '',
        '（三）狠抓任务落实。',
        '',
        '落实工作经费，配齐配强专职工作人员。',
        '',
        '区教委牵头，区教委配合',
      ),
      [['落实工作经费，配齐配强专职工作人员。', ['区教委'], ['区教委'], []]],
    ],
  ])('%s', (_, text, expected) => {
    expect(read(text)).toEqual(expected);
  });

  it.each<[string, string, Expected]>([
    [
      'a closing sentence naming the units: "A、B负责。", "A牵头，B配合。"',
      lines(
        '一、深化重点领域信息公开',
        '1.公开预算信息，做好解读。区财政局、区审计局负责。',
        '2.公开重大项目信息。2022年6月底前完成。区发改委牵头，各街道配合。',
      ),
      [
        ['1.公开预算信息，做好解读。', [], ['区财政局', '区审计局'], []],
        ['2.公开重大项目信息。2022年6月底前完成。', ['区发改委'], ['各街道'], ['2022-06-30']],
      ],
    ],
    [
      'units before a numbered item: "1.区发改委：…", a unit with a bracket',
      lines(
        '一、深化重点领域信息公开',
        '1.区发改委：公开重大项目信息，做好解读。',
        '2.规划信息处(爱卫办)：做好爱国卫生运动的信息发布工作。',
      ),
      [
        ['1.公开重大项目信息，做好解读。', [], ['区发改委'], []],
        ['2.做好爱国卫生运动的信息发布工作。', [], ['规划信息处(爱卫办)'], []],
      ],
    ],
    [
      'short numbered items with nothing under them under a group unit line',
      lines(
        '一、经济指标',
        '责任单位：区发展和改革局',
        '1.地区生产总值增长7%以上。',
        '2.固定资产投资增长10%以上。',
        '二、财政指标',
        '1.一般公共预算收入增长8%左右。',
        '牵头单位：区财政局',
      ),
      [
        ['1.地区生产总值增长7%以上。', [], ['区发展和改革局'], []],
        ['2.固定资产投资增长10%以上。', [], ['区发展和改革局'], []],
        ['1.一般公共预算收入增长8%左右。', ['区财政局'], [], []],
      ],
    ],
    [
      'unnumbered headings between items and unit lines',
      lines(
        '加大主动公开力度',
        '深入推进民生保障信息公开',
        '1.加强重大传染病防控、改善群众就医体验等信息发布。',
        '责任单位：区卫健局',
        '切实提高群众关切回应实效',
        '责任单位：区政府办公室',
        '1.优化完善群众诉求办理回应管理制度，健全评价机制。',
      ),
      [
        ['1.加强重大传染病防控、改善群众就医体验等信息发布。', [], ['区卫健局'], []],
        ['1.优化完善群众诉求办理回应管理制度，健全评价机制。', [], ['区政府办公室'], []],
      ],
    ],
  ])('prose: %s', (_, text, expected) => {
    expect(read(text)).toEqual(expected);
  });

  it('a .docx row whose one cell spans the table is a heading over the rows below, not a task', () => {
    const cell = (text: string, row: number, col: number, colSpan = 1) => ({
      text,
      row,
      col,
      colSpan,
      rowSpan: 1,
    });
    const plan = parseNotice(
      {
        blocks: [
          {
            type: 'table',
            rows: [
              [cell('工作任务', 0, 0), cell('责任单位', 0, 1), cell('完成时限', 0, 2)],
              [cell('一、深化重点领域信息公开', 1, 0, 3)],
              [cell('公开预算信息。', 2, 0), cell('区财政局', 2, 1), cell('年底前', 2, 2)],
            ],
          },
        ],
      },
      { year: 2022 },
    );
    expect(plan.tasks.map((t) => [t.section, t.text, t.responsibleUnits])).toEqual([
      [['一、深化重点领域信息公开'], '公开预算信息。', ['区财政局']],
    ]);
  });

  it.each([
    [
      'numbered in the task cell',
      [
        ['工作任务', '责任单位', '完成时限'],
        ['一、深化重点领域信息公开', '', ''],
        ['公开预算信息。', '区财政局', '年底前'],
        ['（一）政策解读', '', ''],
        ['做好解读。', '区发改委', '持续推进'],
      ],
      [['一、深化重点领域信息公开'], ['一、深化重点领域信息公开', '（一）政策解读']],
    ],
    [
      'under a 序号 in Chinese numerals',
      [
        ['序号', '工作任务', '责任单位', '完成时限'],
        ['一', '深化重点领域信息公开', '', ''],
        ['1', '公开预算信息。', '区财政局', '年底前'],
        ['二', '政策解读', '', ''],
        ['2', '做好解读。', '区发改委', '持续推进'],
      ],
      [['深化重点领域信息公开'], ['政策解读']],
    ],
    [
      'a short title without a number above a row with its units',
      [
        ['序号', '工作任务', '责任单位', '完成时限'],
        ['', '深化重点领域信息公开', '', ''],
        ['1', '公开预算信息。', '区财政局', '年底前'],
        ['2', '做好解读。', '区发改委', '持续推进'],
      ],
      [['深化重点领域信息公开'], ['深化重点领域信息公开']],
    ],
  ])(
    'a Word or Excel row with a heading in its task cell, the row not merged (%s), is a heading',
    (_what, texts, sections) => {
      const plan = parseNotice({ blocks: [wordTable(texts)] }, { year: 2022 });
      expect(plan.tasks.map((t) => [t.section, t.text, t.responsibleUnits])).toEqual([
        [sections[0], '公开预算信息。', ['区财政局']],
        [sections[1], '做好解读。', ['区发改委']],
      ]);
      expect(plan.warnings).toEqual([]);
    },
  );

  it('a .docx column of units that supervise (督办单位) is not placed by its cells', () => {
    const texts = [
      ['工作任务', '责任单位', '督办单位', '完成时限'],
      ['公开预算信息。', '区财政局', '区政府督查室', '年底前'],
    ];
    const plan = parseNotice({ blocks: [wordTable(texts)] }, { year: 2022 });
    expect(plan.tasks.map((t) => [t.leadUnits, t.responsibleUnits])).toEqual([[[], ['区财政局']]]);
  });

  it.each(['视情况', '另行通知', '待定'])(
    'one cell a line: an undated 完成时限 ("%s") is the row\'s, unread, not the next row\'s title',
    (due) => {
      const text = [
        '2023年政务公开工作要点任务分工',
        ...['序号', '工作任务', '责任单位', '完成时限'],
        ...['1', '推进政策解读，提升解读质量。', '区发改委', '6月底前'],
        ...['2', '做好预算决算公开工作。', '区财政局', due],
        ...['3', '做好重大项目信息公开。', '区住建委', '持续推进'],
      ].join('\n');
      const plan = parseNotice({ text }, { year: 2023 });
      expect(plan.tasks.map((t) => [t.section, t.deadlines.map((d) => d.raw)])).toEqual([
        [[], ['6月底前']],
        [[], []],
        [[], ['持续推进']],
      ]);
      expect(plan.warnings.map((w) => w.message)).toEqual([`无法识别的完成时限“${due}”`]);
    },
  );

  it.each([
    ['tabs, 督查部门 after an unnamed deadline column', '\t', '督查部门'],
    ['pipes, 督办单位', ' | ', '督办单位'],
    ['tabs, 考核科室', '\t', '考核科室'],
  ])(
    'a copied table with a column of units that oversee (%s): they are no units of the task',
    (_w, sep, label) => {
      const text = [
        '2023年政务公开工作要点任务分工',
        ['序号', '工作任务', '责任单位', '推进节奏', label].join(sep),
        ['1', '推进政策解读，提升解读质量。', '区发改委', '6月底前', '区政府办公室'].join(sep),
        ['2', '做好预算决算公开工作。', '区财政局', '年底前', '区政府办公室'].join(sep),
      ].join('\n');
      const plan = parseNotice({ text }, { year: 2023 });
      expect(plan.tasks.map((t) => [t.text, t.responsibleUnits, t.deadlines.map((d) => d.raw)])).toEqual([
        ['推进政策解读，提升解读质量。', ['区发改委'], ['6月底前']],
        ['做好预算决算公开工作。', ['区财政局'], ['年底前']],
      ]);
    },
  );

  it('a .docx row that names no unit stays a task when it is no heading', () => {
    const texts = [
      ['工作任务', '责任单位', '完成时限'],
      ['公开预算信息。', '区财政局', '年底前'],
      ['做好政策解读工作，提升解读质量。', '', ''],
    ];
    const plan = parseNotice({ blocks: [wordTable(texts)] }, { year: 2022 });
    expect(plan.tasks.map((t) => t.text)).toEqual(['公开预算信息。', '做好政策解读工作，提升解读质量。']);
    expect(plan.warnings.map((w) => w.message)).toEqual(['未写明牵头单位或责任单位']);
  });

  it('a .docx header naming the task and one unit column: the unnamed columns are placed by their cells', () => {
    const plan = parseNotice(
      {
        blocks: [
          wordTable([
            ['工作任务', '主抓', '配合', '推进节奏', '督导领导'],
            ['公开预算信息。', '区财政局', '各部门', '2022年6月底前', '张三'],
            ['公开审计结果。', '区审计局', '/', '持续推进', '李四'],
          ]),
        ],
      },
      { year: 2022 },
    );
    expect(plan.tasks.map((t) => [t.text, t.leadUnits, t.responsibleUnits, t.deadlines.map(dueOf)])).toEqual([
      ['公开预算信息。', ['区财政局'], ['各部门'], ['2022-06-30']],
      ['公开审计结果。', ['区审计局'], [], ['continuous']],
    ]);
  });

  it('an addressee line before the letter is not a unit-first item', () => {
    const plan = parseNotice(
      { text: '各镇人民政府：现将《重点工作责任分解》印发给你们，请认真贯彻执行。' },
      { year: 2022 },
    );
    expect(plan.tasks).toEqual([]);
  });
});

describe('seventh round (2026-12-06)', () => {
  it.each<[string, string, Expected]>([
    [
      'a copied header broken after a cell ("… | 具体要求" / "| 责任单位 |"); a row showing only its text continues the unit cell above; "X牵头,Y配合;各镇参照落实"',
      lines(
        '工作任务 | 具体要求',
        '| 责任单位 |',
        '一、推进预算公开。 | 1.公开本级预算和部门预算。 | 区财政局牵头,区直各部门配合;各镇参照落实 |',
        '2.公开政府债务限额和余额信息。 |',
        '3.及时公开补贴发放信息。 | 区民政局;各镇 |',
      ),
      [
        ['1.公开本级预算和部门预算。', ['区财政局'], ['区直各部门', '各镇'], []],
        ['2.公开政府债务限额和余额信息。', ['区财政局'], ['区直各部门', '各镇'], []],
        ['3.及时公开补贴发放信息。', [], ['区民政局', '各镇'], ['continuous']],
      ],
    ],
    [
      '"X主办、Y协办"; "其他科室及下属单位" is two units; a reference note in brackets is not part of a name',
      lines(
        '工作任务 | 具体要求 | 责任科室 |',
        '一、做好疫情信息发布 | 1.开设专栏发布防控信息。 | 局应急办主办、各工作专班协办 |',
        '2.更新规划信息。 | 办公室牵头,其他科室及下属单位配合 | |',
        '3.公开执法信息。 | 执法科、区有关单位(见附件2,下同) | |',
      ),
      [
        ['1.开设专栏发布防控信息。', ['局应急办'], ['各工作专班'], []],
        ['2.更新规划信息。', ['办公室'], ['其他科室', '下属单位'], []],
        ['3.公开执法信息。', [], ['执法科', '区有关单位'], []],
      ],
    ],
    [
      'a unit cell of sentences: "X牵头…工作,Y具体落实;Z负责做好…工作"',
      lines(
        '工作任务 |',
        '具体要求 |',
        '责任单位 |',
        '||',
        '规范性文件 |',
        '做好规范性文件集中公开工作。 |',
        '县司法局牵头县级规范性文件公开工作,各制定主体具体落实;各成员单位负责做好本单位文件公开工作 |',
        '及时更新文件有效性标注。 |',
        '||||',
      ),
      [
        ['做好规范性文件集中公开工作。', ['县司法局'], ['各制定主体', '各成员单位'], []],
        ['及时更新文件有效性标注。', ['县司法局'], ['各制定主体', '各成员单位'], []],
      ],
    ],
    [
      'cells on their own lines: a sentence followed by another text without units between is a task whose unit cell is merged with the one above',
      lines(
        '工作任务',
        '',
        '具体要求',
        '',
        '责任股室',
        '',
        '一、做好财政信息公开。',
        '',
        '公开单位预算、决算。',
        '',
        '办公室、各股室',
        '',
        '公开政府债务限额和余额信息。',
        '',
        '公开惠民资金发放信息。',
        '',
        '二、做好网站信息公开。',
        '',
        '更新网站概况信息。',
        '',
        '办公室',
      ),
      [
        ['公开单位预算、决算。', [], ['办公室', '各股室'], []],
        ['公开政府债务限额和余额信息。', [], ['办公室', '各股室'], []],
        ['公开惠民资金发放信息。', [], ['办公室', '各股室'], []],
        ['更新网站概况信息。', [], ['办公室'], []],
      ],
    ],
    [
      'cells on their own lines: a short first task after a complete header is not a header label',
      lines(
        '具体要求',
        '责任单位',
        '完成时间',
        '公开执法信息',
        '局法规科',
        '/',
        '公开预算决算信息。',
        '局财务科',
        '/',
      ),
      [
        ['公开执法信息', [], ['局法规科'], []],
        ['公开预算决算信息。', [], ['局财务科'], []],
      ],
    ],
    [
      'a row whose "/" cells stand in the first unit columns: the unit column it leaves out is merged with the one above',
      lines(
        '任务内容',
        '',
        '牵头单位',
        '',
        '责任单位',
        '',
        '完成时限',
        '',
        '公开政策解读材料。',
        '',
        '/',
        '',
        '局主办科室',
        '',
        '/',
        '',
        '做好政策咨询答复。',
        '',
        '/',
        '',
        '/',
      ),
      [
        ['公开政策解读材料。', [], ['局主办科室'], []],
        ['做好政策咨询答复。', [], ['局主办科室'], []],
      ],
    ],
    [
      'prose: "各区、县〔市〕政府办公室" is one name; a title\'s period "(2021—2025年)" starts the plan\'s year',
      lines(
        '某市人民政府办公室关于贯彻落实政务公开五年行动计划(2021—2025年)的通知',
        '二、工作任务',
        '(一)夯实主动公开基础。不断扩大公开范围。(市政府各部门,各区、县〔市〕政府办公室负责)',
      ),
      [['(一)夯实主动公开基础。不断扩大公开范围。', [], ['市政府各部门', '各区、县〔市〕政府办公室'], []]],
    ],
  ])('%s', (_name, text, expected) => {
    expect(read(text)).toEqual(expected);
  });

  it('reads the plan year from the first year of a period in the title', () => {
    const plan = parseNotice({
      text: lines(
        '某市人民政府办公室关于贯彻落实政务公开五年行动计划(2021—2025年)的通知',
        '(一)夯实主动公开基础。不断扩大公开范围。(市政府各部门负责)',
      ),
    });
    expect(plan.year).toBe(2021);
  });
});

describe('eighth round (2026-12-06)', () => {
  it.each<[string, string, Expected]>([
    [
      'cells on their own lines with a blank line after each, header "工作要求 / 一级要点 / 二级要点 / 责任单位", blank cells as a lone space',
      lines(
        '某镇2023年政务公开工作要点分工方案',
        '',
        ' ',
        '',
        '工作要求',
        '',
        '一级要点',
        '',
        '二级要点',
        '',
        '责任单位',
        '',
        '一、做好决策公开',
        '',
        '(一)公开重大决策事项。',
        '',
        '1.编制并公开年度重大行政决策事项目录。',
        '',
        '党政办',
        '',
        '2.做好决策草案意见征集。',
        '',
        '各有关单位',
        '',
        '3.公开决策执行情况。',
        '',
        '党政办牵头,各村(社区)配合,各有关单位按职能分工落实',
      ),
      [
        ['1.编制并公开年度重大行政决策事项目录。', [], ['党政办'], []],
        ['2.做好决策草案意见征集。', [], ['各有关单位'], []],
        ['3.公开决策执行情况。', ['党政办'], ['各村(社区)', '各有关单位'], []],
      ],
    ],
  ])('%s', (_name, text, expected) => {
    expect(read(text)).toEqual(expected);
  });

  it('reads a plan titled "…的具体措施" when the page has no 关于 title', () => {
    const plan = parseNotice({
      text: lines(
        '各乡镇人民政府,县直各单位:',
        '2023年6月30日',
        '优化营商环境的具体措施',
        '(一)深化政务服务标准化建设。公开办事指南。(牵头单位:县行政审批局,责任单位:县直各有关单位)',
      ),
    });
    expect(plan.title).toBe('优化营商环境的具体措施');
  });
});
