import { describe, expect, it } from 'vitest';
import type { TableBlock } from '../../../domain/tasks/blocks';
import { parseNotice } from '../../../domain/tasks/notice';
import { readHtmlTables } from './html';

const page = `<!DOCTYPE html><html><head><title>x</title><style>p{}</style><script>var a='<table>';</script></head><body>
<div class="nav">您当前的位置: 首页 &gt; 政务公开</div>
<table class="layout"><tr><td>
  <h1>关于印发2021年政务公开工作要点任务分工的通知</h1>
  <p>2021年6月4日</p>
  <table border="1">
    <thead><tr><th colspan="2">工作任务</th><th>牵头单位</th><th>责任单位</th></tr></thead>
    <tbody>
      <tr><td rowspan="2">一、深化公开</td><td>1．公开预算。<br>2．公开决算（公开路径：政府网站&gt;财政预决算）。</td><td rowspan="2">区财政局</td><td>区级各部门</td></tr>
      <tr><td>及时公开债务信息。</td><td>区政府有关部门</td></tr>
    </tbody>
  </table>
</td></tr></table>
<p>扫一扫在手机打开当前页</p>
</body></html>`;

describe('readHtmlTables', () => {
  it('places rowspan/colspan on an exact grid and reads layout tables as flow', () => {
    const blocks = readHtmlTables(page);
    expect(blocks.filter((b) => b.type === 'p').map((b) => (b.type === 'p' ? b.text : ''))).toEqual([
      '您当前的位置: 首页 > 政务公开',
      '关于印发2021年政务公开工作要点任务分工的通知',
      '2021年6月4日',
      '扫一扫在手机打开当前页',
    ]);
    const t = blocks.find((b) => b.type === 'table') as TableBlock;
    expect(
      t.rows.map((r) =>
        r.map((c) =>
          c.mergedFrom ? `^${c.mergedFrom.row},${c.mergedFrom.col}` : `${c.text}@${c.col}+${c.colSpan}`,
        ),
      ),
    ).toEqual([
      ['工作任务@0+2', '牵头单位@2+1', '责任单位@3+1'],
      [
        '一、深化公开@0+1',
        '1．公开预算。\n2．公开决算（公开路径：政府网站>财政预决算）。@1+1',
        '区财政局@2+1',
        '区级各部门@3+1',
      ],
      ['^1,0', '及时公开债务信息。@1+1', '^1,2', '区政府有关部门@3+1'],
    ]);
  });

  it('feeds the notice parser', () => {
    const plan = parseNotice({ blocks: readHtmlTables(page) });
    expect(plan.date).toBe('2021-06-04');
    expect(plan.tasks.map((t) => [t.section, t.measures.length, t.leadUnits, t.responsibleUnits])).toEqual([
      [['一、深化公开'], 2, ['区财政局'], ['区级各部门']],
      [['一、深化公开'], 0, ['区财政局'], ['区政府有关部门']],
    ]);
    expect(plan.tasks[0]?.disclosurePaths).toEqual([['政府网站', '财政预决算']]);
    expect(plan.warnings).toEqual([]);
  });

  it.each([
    [
      '责任单位 over 牵头单位 | 配合单位',
      '<td colspan="2">责任单位</td>',
      '<td>牵头单位</td><td>配合单位</td>',
    ],
    ['责任分工 over 牵头 | 配合', '<td colspan="2">责任分工</td>', '<td>牵头</td><td>配合</td>'],
  ])('reads a header of two rows: %s', (_name, parent, labels) => {
    const html = `<table>
      <tr><td rowspan="2">序号</td><td rowspan="2">工作任务</td>${parent}<td rowspan="2">完成时限</td></tr>
      <tr>${labels}</tr>
      <tr><td>1</td><td>做好规范性文件公开工作。</td><td>区司法局</td><td>各镇街</td><td>2022年6月底前</td></tr>
      <tr><td>2</td><td>做好政策解读工作。</td><td>区政府办公室</td><td>区级各部门</td><td>持续推进</td></tr>
    </table>`;
    const plan = parseNotice({ blocks: readHtmlTables(html) }, { year: 2022 });
    expect(plan.tasks.map((t) => [t.text, t.leadUnits, t.responsibleUnits])).toEqual([
      ['做好规范性文件公开工作。', ['区司法局'], ['各镇街']],
      ['做好政策解读工作。', ['区政府办公室'], ['区级各部门']],
    ]);
    expect(plan.warnings).toEqual([]);
  });

  it('reads 工作任务 spanning its 重点任务 | 具体措施 columns as the section and the task', () => {
    const html = `<table>
      <tr><td rowspan="2">序号</td><td colspan="2">工作任务</td><td rowspan="2">责任单位</td><td rowspan="2">完成时限</td></tr>
      <tr><td>重点任务</td><td>具体措施</td></tr>
      <tr><td>1</td><td>一、推进决策公开</td><td>做好规范性文件公开工作。</td><td>区司法局</td><td>2022年6月底前</td></tr>
    </table>`;
    const plan = parseNotice({ blocks: readHtmlTables(html) }, { year: 2022 });
    expect(plan.tasks.map((t) => [t.section, t.text, t.responsibleUnits])).toEqual([
      [['一、推进决策公开'], '做好规范性文件公开工作。', ['区司法局']],
    ]);
  });

  it('a spanning header cell over a first data row of short cells is still a one-row header', () => {
    const html = `<table>
      <tr><td>序号</td><td colspan="2">工作任务</td><td>责任单位</td><td>完成时限</td></tr>
      <tr><td>1</td><td>一、推进公开</td><td>公开预算</td><td>区财政局</td><td>年底前</td></tr>
      <tr><td>2</td><td></td><td>公开决算</td><td>区财政局</td><td>年底前</td></tr>
    </table>`;
    const plan = parseNotice({ blocks: readHtmlTables(html) }, { year: 2022 });
    expect(plan.tasks.map((t) => [t.section, t.text])).toEqual([
      [['一、推进公开'], '公开预算'],
      [['一、推进公开'], '公开决算'],
    ]);
  });

  it('a heading row across the table starts a new group: the empty section cells below it continue nothing', () => {
    const html = `<table border="1">
      <tr><td>序号</td><td>重点任务</td><td>具体措施</td><td>牵头单位</td><td>完成时限</td></tr>
      <tr><td>1</td><td rowspan="2">一、推进决策公开</td><td>做好规范性文件公开工作。</td><td rowspan="2">区司法局</td><td>2022年6月底前</td></tr>
      <tr><td>2</td><td>做好政策解读工作。</td><td>持续推进</td></tr>
      <tr><td colspan="5">二、加强重点领域公开</td></tr>
      <tr><td>3</td><td></td><td>公开年度预算。</td><td>区财政局</td><td>9月底前</td></tr>
    </table>`;
    const plan = parseNotice({ blocks: readHtmlTables(html) }, { year: 2022 });
    expect(plan.tasks.map((t) => [t.section, t.leadUnits])).toEqual([
      [['一、推进决策公开'], ['区司法局']],
      [['一、推进决策公开'], ['区司法局']],
      [['二、加强重点领域公开'], ['区财政局']],
    ]);
  });
});
