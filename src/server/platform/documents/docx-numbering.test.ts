// Word's automatic numbering written back in front of its paragraphs: a notice typed with Word's lists reads as
// the one typed by hand.
import { AlignmentType, Document, LevelFormat, Packer, Paragraph, Table, TableCell, TableRow } from 'docx';
import { describe, expect, it } from 'vitest';
import { eachReturns } from '../../../../test/table';
import type { TableBlock } from '../../../domain/tasks/blocks';
import { parseNotice } from '../../../domain/tasks/notice';
import { readDocx } from './docx';
import { formatCounter, hanNumber } from './docx-numbering';

describe('hanNumber', () => {
  eachReturns(hanNumber, [
    [1, '一'],
    [10, '十'],
    [11, '十一'],
    [20, '二十'],
    [35, '三十五'],
    [100, '一百'],
    [105, '一百零五'],
    [110, '一百一十'],
  ]);
});

describe('formatCounter', () => {
  eachReturns(
    ([format, n]: readonly [string, number]) => formatCounter(format, n),
    [
      [['decimal', 3], '3'],
      [['chineseCounting', 12], '十二'],
      [['chineseCountingThousand', 4], '四'],
      [['ideographTraditional', 2], '乙'],
      [['decimalEnclosedCircle', 3], '③'],
      [['decimalFullWidth', 12], '１２'],
      [['upperLetter', 28], 'BB'],
      [['lowerRoman', 4], 'iv'],
      [['bullet', 1], null],
    ],
    '%j → %s',
  );
});

const LEVELS = [
  { level: 0, format: LevelFormat.CHINESE_COUNTING, text: '%1、', alignment: AlignmentType.LEFT },
  { level: 1, format: LevelFormat.CHINESE_COUNTING, text: '（%2）', alignment: AlignmentType.LEFT },
  { level: 2, format: LevelFormat.DECIMAL, text: '%3.', alignment: AlignmentType.LEFT },
];
const listed = (text: string, level: number) =>
  new Paragraph({ text, numbering: { reference: 'plan', level } });

describe('readDocx with automatic numbering', () => {
  it("writes each paragraph's label as Word draws it, levels counted in order and restarted under a new item", async () => {
    const doc = new Document({
      numbering: { config: [{ reference: 'plan', levels: LEVELS }] },
      sections: [
        {
          children: [
            new Paragraph({ text: '2022年政务公开工作要点' }),
            listed('推进决策公开', 0),
            listed('做好规范性文件公开工作，集中公开现行有效的文件。（牵头单位：区司法局）', 1),
            listed('做好政策解读工作，提高解读质量。（牵头单位：区政府办公室；责任单位：各镇街）', 1),
            listed('加强重点领域信息公开', 0),
            listed('公开年度预算和决算。（牵头单位：区财政局）', 1),
            listed('预算公开到项级科目。', 2),
            listed('决算同步公开。', 2),
          ],
        },
      ],
    });
    const blocks = readDocx(new Uint8Array(await Packer.toBuffer(doc)));
    expect(blocks.map((b) => (b.type === 'p' ? b.text.slice(0, 8) : ''))).toEqual([
      '2022年政务公',
      '一、推进决策公开',
      '（一）做好规范性',
      '（二）做好政策解',
      '二、加强重点领域',
      '（一）公开年度预',
      '1.预算公开到项',
      '2.决算同步公开',
    ]);
    // The same notice typed by hand reads the same.
    const read = (plan: ReturnType<typeof parseNotice>) =>
      plan.tasks.map((t) => [t.section, t.text, t.leadUnits, t.responsibleUnits]);
    const typed = blocks.map((b) => (b.type === 'p' ? b.text : '')).join('\n');
    const plan = parseNotice({ blocks }, { year: 2022 });
    expect(read(plan)).toEqual(read(parseNotice({ text: typed }, { year: 2022 })));
    expect(plan.tasks.slice(0, 3).map((t) => [t.section, t.leadUnits])).toEqual([
      [['一、推进决策公开'], ['区司法局']],
      [['一、推进决策公开'], ['区政府办公室']],
      [['二、加强重点领域信息公开'], ['区财政局']],
    ]);
  });

  it('numbers the measures inside a table cell', async () => {
    const cell = (children: Paragraph[]) => new TableCell({ children });
    const doc = new Document({
      numbering: { config: [{ reference: 'plan', levels: LEVELS }] },
      sections: [
        {
          children: [
            new Table({
              rows: [
                new TableRow({
                  children: ['工作任务', '责任单位', '完成时限'].map((t) => cell([new Paragraph(t)])),
                }),
                new TableRow({
                  children: [
                    cell([listed('公开预算到项级科目。', 2), listed('决算同步公开。', 2)]),
                    cell([new Paragraph('区财政局')]),
                    cell([new Paragraph('2022年6月底前')]),
                  ],
                }),
              ],
            }),
          ],
        },
      ],
    });
    const blocks = readDocx(new Uint8Array(await Packer.toBuffer(doc)));
    expect((blocks[0] as TableBlock).rows[1]?.[0]?.text).toBe('1.公开预算到项级科目。\n2.决算同步公开。');
    expect(parseNotice({ blocks }, { year: 2022 }).tasks[0]?.measures).toHaveLength(2);
  });
});
