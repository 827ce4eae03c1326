import type { ReactNode } from 'react';
import { Route, Routes } from 'react-router';
import { describe, expect, it } from 'vitest';
import { briefingApi, interpretationPlanApi } from '../../../contracts/interpretation-plan';
import type { RoleCode } from '../../../contracts/roles';
import { ME_KEY } from '../../auth';
import { keyOf } from '../../queries';
import { me, renderPage, seededClient, text } from '../../testing/smoke';
import BriefingsPage from './pages/BriefingsPage';
import CatalogPage from './pages/CatalogPage';
import ItemEditPage from './pages/ItemEditPage';
import SettingsPage from './pages/SettingsPage';
import { columnsKey, itemKey, taskPathsKey, unitGuideKey } from './queries';
import type { ItemDetail } from './shared';

const ID = '11111111-1111-1111-1111-111111111111';

const detail: ItemDetail = {
  id: ID,
  rootId: ID,
  version: 1,
  kind: 'general',
  title: '补贴名单公示',
  indexNo: 'ABCDEF12-00-2026-00001',
  status: 'in_review',
  level: 2,
  unitId: 'fgw',
  unitName: '区发展改革委',
  columnId: null,
  docNumber: null,
  writtenDate: '2026-02-27',
  formedDate: '2026-02-27',
  publishDate: null,
  publishAt: null,
  topic: null,
  art20: null,
  summary: '',
  bodyHtml: '<p>联系电话 13812345678</p>',
  createdBy: 'u-author',
  approvedBy: ['u-r1'],
  withdrawReason: null,
  validity: null,
  effectiveDate: null,
  expiryDate: null,
  repealedDate: null,
  repealedById: null,
  replacedById: null,
  policyRootId: null,
  interpretationForm: null,
  needsInterpretation: false,
  updatedAt: '2026-03-02T01:00:00.000Z',
  timeliness: { status: 'pending', deadline: '2026-03-26' },
  findings: [
    {
      kind: 'mobile',
      text: '13812345678',
      start: 5,
      end: 16,
      masked: '138****5678',
      blocking: true,
      message: '疑似手机号码',
      source: '正文',
    },
  ],
  overrides: [],
  attachments: [
    {
      id: 'a1',
      name: '名单.xlsx',
      size: 4096,
      mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    },
  ],
  history: [
    {
      id: 'h1',
      action: 'approve',
      levelName: '初审',
      userName: '王芳',
      comment: '同意',
      at: '2026-03-02T01:00:00.000Z',
    },
  ],
  versions: [{ id: ID, version: 1, status: 'in_review' }],
  levels: ['初审', '复审', '终审'],
  levelName: '复审',
  gate: { allowed: false, unresolved: [] },
  interpretations: [],
  policy: null,
  missingInterpretation: false,
  validityNow: null,
};

function render(node: ReactNode, role: RoleCode, path: string): string {
  const qc = seededClient([
    [ME_KEY, me(role, { id: 'u-me', username: 'x', unitId: 'fgw', unitName: '区发展改革委' })],
  ]);
  qc.setQueryData(itemKey(ID), detail);
  qc.setQueryData(keyOf(interpretationPlanApi.getSettings), { majorMinForms: 4 });
  qc.setQueryData(keyOf(briefingApi.listBriefings, { query: {} }), [
    {
      id: 'b1',
      kind: 'press_conference',
      title: '稳就业政策措施新闻发布会',
      heldOn: '2026-03-02',
      unitId: 'fgw',
      speakers: '区发展改革委主任',
      url: null,
      policyRootIds: [ID],
      policies: [{ id: ID, title: '稳就业政策措施' }],
    },
  ]);
  qc.setQueryData(unitGuideKey('fgw'), {
    guide: {
      classification: '按机构职能分类',
      howToObtain: '门户网站查阅',
      officeName: '区发展改革委办公室',
      address: '兴潼大道 1 号',
      hours: '工作日 9:00—17:30',
      phone: '023-44551234',
      fax: '',
      website: '',
      email: '',
    },
  });
  // The office opens the district government's catalog ('root'); a liaison and the item editor the unit's own.
  qc.setQueryData(columnsKey(null), [
    { id: 'r1', unitId: 'gov', parentId: null, name: '政府信息公开指南', code: 'zn', sort: 0, itemCount: 0 },
  ]);
  qc.setQueryData(columnsKey('fgw'), [
    {
      id: 'c1',
      unitId: 'fgw',
      parentId: null,
      name: '法定主动公开内容',
      code: 'fdzdgknr',
      sort: 0,
      itemCount: 3,
    },
    { id: 'c2', unitId: 'fgw', parentId: 'c1', name: '规划信息', code: 'art20_3', sort: 0, itemCount: 1 },
  ]);
  const taskPaths = [
    {
      path: '法定主动公开内容>规划信息>国民经济和社会发展规划',
      segments: ['法定主动公开内容', '规划信息', '国民经济和社会发展规划'],
      missing: ['国民经济和社会发展规划'],
      columnId: null,
      tasks: [{ ref: '3', text: '公开发展规划', plan: '2026年政务公开工作任务分工', isLead: true }],
    },
  ];
  qc.setQueryData(taskPathsKey(null), taskPaths);
  qc.setQueryData(taskPathsKey('fgw'), taskPaths);
  return renderPage(
    <Routes>
      <Route path="/disclosure/items/:id" element={node} />
      <Route path="/disclosure/catalog" element={node} />
      <Route path="/disclosure/settings" element={node} />
      <Route path="/disclosure/briefings" element={node} />
    </Routes>,
    qc,
    path,
  );
}

describe('ItemEditPage', () => {
  it.each<[RoleCode, boolean]>([
    ['reviewer', true],
    ['liaison', false],
  ])('%s: approve button shown = %s; findings and gate always shown', (role, approve) => {
    const html = render(<ItemEditPage />, role, `/disclosure/items/${ID}`);
    expect(html).toContain('data-testid="checks-panel"');
    expect(html).toContain('data-testid="gate-blocked"');
    expect(text(html)).toContain('13812345678');
    expect(text(html)).toContain('138****5678');
    expect(html.includes('data-testid="item-approve"')).toBe(approve);
    if (approve) expect(text(html)).toContain('复审通过');
    expect(text(html)).toContain('应于 2026-03-26 前公开');
  });
});

describe('CatalogPage', () => {
  it("shows a unit's tree, its tasks' paths and the path mapper; only the office can edit", () => {
    const office = render(<CatalogPage />, 'office', '/disclosure/catalog');
    expect(office).toContain('data-testid="column-add"');
    expect(office).toContain('data-testid="task-paths-create-all"');
    // The office starts at the district government's catalog…
    expect(text(office)).toContain('政府信息公开指南');
    expect(text(office)).not.toContain('规划信息 (1)');
    const liaison = render(<CatalogPage />, 'liaison', '/disclosure/catalog');
    // …a liaison at their own unit's.
    expect(text(liaison)).toContain('规划信息 (1)');
    expect(text(liaison)).toContain('法定主动公开内容 › 规划信息 › 国民经济和社会发展规划');
    expect(liaison).not.toContain('data-testid="column-add"');
    expect(liaison).not.toContain('data-testid="task-paths-create-all"');
    expect(liaison).toContain('data-testid="path-input"');
  });
});

describe('SettingsPage', () => {
  it("shows the unit's saved 指南 (Art. 12 fields) in the editor, with a link to its portal page", () => {
    const html = render(<SettingsPage />, 'office', '/disclosure/settings');
    expect(html).toContain('data-testid="guide-form"');
    for (const v of ['区发展改革委办公室', '兴潼大道 1 号', '023-44551234'])
      expect(html).toContain(`value="${v}"`);
    expect(html).toContain('href="/xxgk/guide?unit=fgw"');
    for (const label of ['工作机构名称', '办公地址', '办公时间', '联系电话', '传真', '网址', '电子邮箱'])
      expect(text(html)).toContain(label);
  });
});

describe('SettingsPage: 三同步', () => {
  it('shows the minimum number of interpretation forms of a major policy, editable', () => {
    const html = render(<SettingsPage />, 'office', '/disclosure/settings');
    expect(html).toContain('data-testid="interpretation-settings"');
    expect(text(html)).toContain('重大政策解读形式不得少于（种）');
    expect(html).toContain('value="4"');
  });
});

describe('BriefingsPage', () => {
  it('lists 新闻发布会/访谈 with the policies they explain; a liaison may register one', () => {
    const html = render(<BriefingsPage />, 'liaison', '/disclosure/briefings');
    expect(text(html)).toContain('稳就业政策措施新闻发布会');
    expect(text(html)).toContain('新闻发布会');
    expect(html).toContain(`href="/disclosure/items/${ID}"`);
    expect(html).toContain('data-testid="briefing-create"');
  });

  it('is read-only for a role that cannot create items', () => {
    const html = render(<BriefingsPage />, 'reviewer', '/disclosure/briefings');
    expect(text(html)).toContain('稳就业政策措施');
    expect(html).not.toContain('data-testid="briefing-create"');
  });
});
