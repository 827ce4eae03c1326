// 办事指南 key elements (19号 服务不实用): 事项名称、设定依据、申请条件、办理材料、办理地点、办理时间、联系电话、办理流程,
// with the usual synonyms. A guide missing 4 or more element types is incomplete.

export const GUIDE_ELEMENTS: { element: string; labels: string[] }[] = [
  { element: '事项名称', labels: ['事项名称', '服务名称', '项目名称', '办理事项', '事项'] },
  { element: '设定依据', labels: ['设定依据', '法律依据', '办理依据', '政策依据', '实施依据', '依据'] },
  {
    element: '申请条件',
    labels: ['申请条件', '受理条件', '办理条件', '申报条件', '准入条件', '申办条件', '服务对象', '适用对象'],
  },
  {
    element: '办理材料',
    labels: ['办理材料', '申请材料', '申报材料', '所需材料', '提交材料', '材料清单', '需要材料', '申请资料'],
  },
  {
    element: '办理地点',
    labels: ['办理地点', '受理地点', '办公地点', '办理地址', '服务地点', '窗口地址', '地点'],
  },
  { element: '办理时间', labels: ['办理时间', '受理时间', '办公时间', '工作时间', '服务时间', '窗口时间'] },
  {
    element: '联系电话',
    labels: ['联系电话', '咨询电话', '咨询方式', '联系方式', '监督电话', '投诉电话', '电话'],
  },
  {
    element: '办理流程',
    labels: ['办理流程', '办理程序', '办事流程', '受理流程', '申请流程', '流程', '办理步骤'],
  },
];

const norm = (s: string) => s.replace(/[\s　:：【】[\]（）()]/g, '');

/** Which elements appear as labels: a field label, or a line that starts with the label. */
export function guideElementsPresent(labels: readonly string[], lines: readonly string[]): Set<string> {
  const found = new Set<string>();
  const heads = [
    ...labels.map(norm),
    // "一、申请条件" or "申请条件：…" at the start of a line.
    ...lines.map((l) => norm(l.replace(/^[（(]?[一二三四五六七八九十\d]+[)）、.．]\s*/, '')).slice(0, 12)),
  ];
  for (const { element, labels: names } of GUIDE_ELEMENTS)
    if (
      heads.some((h) =>
        names.some((n) => h === n || (n.length >= 4 && h.startsWith(n)) || h.startsWith(`${n}`)),
      )
    )
      found.add(element);
  return found;
}

export function missingGuideElements(present: Set<string>): string[] {
  return GUIDE_ELEMENTS.map((g) => g.element).filter((e) => !present.has(e));
}
