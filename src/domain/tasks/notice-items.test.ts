// A plan that names no units, read by its numbered items when the officer asks (ParseNoticeOptions.items).

import { describe, expect, it } from 'vitest';
import { parseNotice } from './notice';

const PLAN = [
  '关于印发2026年某市政务公开工作要点的通知',
  '各县（区）人民政府，市政府各部门：',
  '《2026年某市政务公开工作要点》已经市政府同意，现印发给你们，请结合实际认真贯彻落实。',
  '一、加强组织领导。各地各部门要把政务公开摆上重要位置。',
  '某市人民政府办公室',
  '2026年3月2日',
  '（此件公开发布）',
  '2026年某市政务公开工作要点',
  '为进一步深化政务公开，制定本要点。',
  '一、总体要求',
  '（一）指导思想',
  '坚持以人民为中心的发展思想。',
  '（二）工作目标',
  '到2026年底，政务公开工作机制更加完善。',
  '二、围绕经济发展深化公开',
  '（一）加强重大战略信息公开',
  '1.聚焦落实战略部署加强公开。围绕重点产业链发布权威信息。',
  '2.做好统计数据发布解读，每季度发布经济运行情况。',
  '（二）加强财政预决算公开',
  '各部门预决算在批复后20日内公开。',
  '推进财政资金直达基层信息公开。',
  '三、强化保障措施',
  '（一）加强培训指导',
  '年内组织政务公开业务培训不少于2次。',
  '附件：政务公开工作联系人名单',
  '1.张三 市政府办公室',
].join('\n');

describe('numbered items as tasks (a plan without units)', () => {
  it('by itself the plan gives no task: no unit is named anywhere', () => {
    expect(parseNotice({ text: PLAN }).tasks).toEqual([]);
  });

  it('reads the deepest items under the plan title, with their headings and the paragraphs under them', () => {
    // An item's own number is its place under its heading (the section path keeps the heading): not in its text.
    const plan = parseNotice({ text: PLAN }, { items: true });
    expect(plan.tasks.map((t) => [t.section, t.text.split('\n'), t.leadUnits, t.responsibleUnits])).toEqual([
      [
        ['二、围绕经济发展深化公开', '（一）加强重大战略信息公开'],
        ['聚焦落实战略部署加强公开。围绕重点产业链发布权威信息。'],
        [],
        [],
      ],
      [
        ['二、围绕经济发展深化公开', '（一）加强重大战略信息公开'],
        ['做好统计数据发布解读，每季度发布经济运行情况。'],
        [],
        [],
      ],
      [
        ['二、围绕经济发展深化公开'],
        ['加强财政预决算公开', '各部门预决算在批复后20日内公开。', '推进财政资金直达基层信息公开。'],
        [],
        [],
      ],
      [['三、强化保障措施'], ['加强培训指导', '年内组织政务公开业务培训不少于2次。'], [], []],
    ]);
    // Deadlines are read from the items' text as usual; a text without numbering has no measures.
    expect(plan.tasks[1]?.deadlines.map((d) => d.kind)).toEqual(['recurring']);
    expect(plan.tasks.map((t) => t.measures)).toEqual([[], [], [], []]);
    expect(plan.warnings.at(-1)?.message).toMatch(/^已按编号条目读出 4 项任务.*请逐项填写牵头单位或责任单位/);
    expect(plan.warnings.filter((w) => w.message === '未写明牵头单位或责任单位')).toHaveLength(4);
  });

  it('a plan signed at its end (no cover letter) is read from its first heading', () => {
    const text = [
      '一、深化政策解读',
      '1.做好政策文件解读。',
      '2.开展政策吹风会。',
      '某区人民政府办公室',
      '2026年3月2日',
    ].join('\n');
    expect(parseNotice({ text }, { items: true, year: 2026 }).tasks.map((t) => t.text)).toEqual([
      '做好政策文件解读。',
      '开展政策吹风会。',
    ]);
  });

  it('a text without numbered items says what was looked for', () => {
    const plan = parseNotice({ text: '请各单位于本周五前报送材料。' }, { items: true, year: 2026 });
    expect(plan.tasks).toEqual([]);
    expect(plan.warnings.at(-1)?.message).toBe('未找到编号条目（“一、”“（一）”“1.”等），未读出任务');
  });
});
