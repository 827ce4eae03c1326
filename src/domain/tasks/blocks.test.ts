import { describe, expect, it } from 'vitest';
import { blocksToText, type TableBlock, tableGrid, textToBlocks } from './blocks';

function table(text: string): TableBlock {
  const t = textToBlocks(text).find((b) => b.type === 'table');
  if (t?.type !== 'table') throw new Error('no table');
  return t;
}

describe('textToBlocks: the seeds’ flattened Word form', () => {
  it('makes one row per blank-line group, one cell per tab line, continuation lines inside the cell', () => {
    const t = table(
      '标题\n\n\t工作任务\n\t牵头单位\n\n\t1．第一条\n2．第二条\n\t区财政局\n\n\t\n\t区税务局\n',
    );
    expect(t.rows.map((r) => r.map((c) => c.text))).toEqual([
      ['工作任务', '牵头单位'],
      ['1．第一条\n2．第二条', '区财政局'],
      ['', '区税务局'],
    ]);
    expect(t.emptyMayBeMerged).toBe(true);
    expect(t.rows[1]?.[0]?.line).toBe(6);
  });

  it('joins a row split by an empty paragraph inside a cell (seed 001)', () => {
    const t = table('\tA\n\tB\n\tC\n\n\t一、章\n\n\t（一）节\n\t内容\n\n\tx\n\ty\n\tz\n');
    expect(t.rows.map((r) => r.length)).toEqual([3, 3, 3]);
    expect(t.rows[1]?.map((c) => c.text)).toEqual(['一、章', '（一）节', '内容']);
  });

  it('ends the table at a paragraph after a blank line', () => {
    const blocks = textToBlocks('\tA\n\tB\n\n\tc\n\td\n\n\n抄送：县委办公室\n');
    expect(blocks.map((b) => b.type)).toEqual(['table', 'p']);
    expect(blocks[1]).toMatchObject({ type: 'p', text: '抄送：县委办公室', line: 8 });
  });
});

describe('textToBlocks: rows copied with fewer cells (layout test)', () => {
  const rows = (text: string) => table(text).rows.map((r) => r.map((c) => c.text));
  it.each<[string, string, string[][]]>([
    [
      'a leading tab is an empty first cell (a merged section cell), not the seeds’ one-cell-a-line form',
      '工作任务\t具体要求\t责任单位\n一、公开\t公开预算。\t区财政局\n\t公开决算。\t区财政局',
      [
        ['工作任务', '具体要求', '责任单位'],
        ['一、公开', '公开预算。', '区财政局'],
        ['', '公开决算。', '区财政局'],
      ],
    ],
    [
      'a table of two columns starts at its header (tabs)',
      '工作任务\t责任单位\n公开预算。\t区财政局\n公开决算。\t区审计局',
      [
        ['工作任务', '责任单位'],
        ['公开预算。', '区财政局'],
        ['公开决算。', '区审计局'],
      ],
    ],
    [
      'a table of two columns starts at its header (one pipe)',
      '工作任务 | 责任单位\n公开预算。 | 区财政局\n公开决算。 | 区审计局',
      [
        ['工作任务', '责任单位'],
        ['公开预算。', '区财政局'],
        ['公开决算。', '区审计局'],
      ],
    ],
    [
      'a heading across the table and a row whose other cells are merged above stay in the table',
      '工作任务\t责任单位\t完成时限\n一、重点领域\n公开预算。\t区财政局\t年底前\n公开决算。\n公开债务。\t区财政局\t年底前',
      [
        ['工作任务', '责任单位', '完成时限'],
        ['一、重点领域'],
        ['公开预算。', '区财政局', '年底前'],
        ['公开决算。'],
        ['公开债务。', '区财政局', '年底前'],
      ],
    ],
  ])('%s', (_, text, expected) => {
    expect(rows(text)).toEqual(expected);
  });

  it('three heading levels across the table between the header and the first row', () => {
    expect(
      rows('序号\t贯彻举措\t牵头单位\n一、公开\n(一)重点领域\n1.营商环境:\n1\t公开预算。\t区财政局'),
    ).toEqual([
      ['序号', '贯彻举措', '牵头单位'],
      ['一、公开'],
      ['(一)重点领域'],
      ['1.营商环境:'],
      ['1', '公开预算。', '区财政局'],
    ]);
  });

  it('a line after the last row is not part of the table', () => {
    const blocks = textToBlocks(
      '工作任务\t责任单位\t完成时限\n公开预算。\t区财政局\t年底前\n扫一扫在手机打开当前页',
    );
    expect(blocks.map((b) => b.type)).toEqual(['table', 'p']);
  });

  it('a one-cell-a-line table may have two columns', () => {
    expect(rows('任务内容\n\n责任科室\n\n地区生产总值增长8%以上。\n\n区发改局牵头')).toEqual([
      ['任务内容', '责任科室'],
      ['地区生产总值增长8%以上。', '区发改局牵头'],
    ]);
  });
});

describe('textToBlocks: one row per line (web page copies)', () => {
  it.each([
    ['tabs', '首页 > 政务公开\n序号\t工作任务\t责任单位\n1\t公开预算\t区财政局\n2\t\t区税务局\n扫一扫'],
    [
      'pipes',
      '首页 > 政务公开\n| 序号 | 工作任务 | 责任单位 |\n|---|---|---|\n| 1 | 公开预算 | 区财政局 |\n| 2 |  | 区税务局 |\n扫一扫',
    ],
  ])('%s', (_name, text) => {
    const blocks = textToBlocks(text);
    expect(blocks.map((b) => b.type)).toEqual(['p', 'table', 'p']);
    const t = blocks[1] as TableBlock;
    expect(t.rows.map((r) => r.map((c) => c.text))).toEqual([
      ['序号', '工作任务', '责任单位'],
      ['1', '公开预算', '区财政局'],
      ['2', '', '区税务局'],
    ]);
  });

  it('does not take one navigation line with pipes for a table', () => {
    expect(textToBlocks('首页 | 政务公开 | 通知公告\n正文').map((b) => b.type)).toEqual(['p', 'p']);
  });
});

describe('tableGrid and blocksToText', () => {
  const merged: TableBlock = {
    type: 'table',
    rows: [
      [
        { text: 'A', row: 0, col: 0, colSpan: 2, rowSpan: 2 },
        { text: 'B', row: 0, col: 2, colSpan: 1, rowSpan: 1 },
      ],
      [
        { text: '', row: 1, col: 0, colSpan: 2, rowSpan: 1, mergedFrom: { row: 0, col: 0 } },
        { text: 'C', row: 1, col: 2, colSpan: 1, rowSpan: 1 },
      ],
    ],
  };
  it('maps every covered grid position to the merge origin', () => {
    const g = tableGrid(merged);
    expect(g.map((r) => r.map((c) => c?.text))).toEqual([
      ['A', 'A', 'B'],
      ['A', 'A', 'C'],
    ]);
  });
  it('lists paragraphs and each merged cell once', () => {
    expect(blocksToText([{ type: 'p', text: '标题' }, merged])).toBe('标题\nA\nB\nC');
  });
});
