// Server-side render of the media pages with seeded query data: catches pages that crash on realistic data and
// checks the office's and a liaison's buttons.
import type { ReactNode } from 'react';
import { describe, expect, it } from 'vitest';
import { type AccountRow, type FilingRow, mediaApi, type WebsiteRow } from '../../../contracts/media';
import type { RoleCode } from '../../../contracts/roles';
import { ME_KEY } from '../../auth';
import { searchKey } from '../../components/SearchTable';
import { keyOf } from '../../queries';
import { me, renderPage, type Seed } from '../../testing/smoke';
import AccountsPage from './pages/AccountsPage';
import FilingsPage from './pages/FilingsPage';
import WebsitesPage from './pages/WebsitesPage';

function render(role: RoleCode, node: ReactNode, seed: Seed): string {
  return renderPage(node, [
    [ME_KEY, me(role, { username: 'zs', unitId: 'fgw', unitName: '区发展改革委' })],
    ...seed,
  ]).replace(/<[^>]+>/g, ' ');
}

const site: WebsiteRow = {
  id: 'w1',
  unitId: 'fgw',
  unitName: '区发展改革委',
  name: '区发改委网站',
  url: 'http://fgw.example.gov.cn/',
  siteCode: '5001030001',
  icp: '渝ICP备1号',
  psb: '',
  sponsor: '区发展改革委',
  operator: '',
  status: 'running',
  lastCheck: { id: 'c1', asOf: '2026-03-02', verdict: '不合格', findings: 3 },
  openRectifications: 2,
};
const account: AccountRow = {
  id: 'a1',
  unitId: 'fgw',
  unitName: '区发展改革委',
  platform: 'wechat',
  name: '柳塘发改',
  accountId: 'gh_1',
  sponsor: '',
  maintainer: '区融媒体中心',
  status: 'closed',
  lastPost: '2026-02-20',
  lastSpotCheck: { checkedOn: '2026-03-02', verdict: '不合格' },
};
const filing: FilingRow = {
  id: 'f1',
  kind: 'close',
  target: 'account',
  targetId: 'a1',
  targetName: '柳塘发改',
  unitId: 'fgw',
  unitName: '区发展改革委',
  payload: {},
  note: '',
  scan: { fileId: 'x', name: '关停申请.pdf' },
  status: 'pending',
  reviewNote: '',
  createdAt: '2026-03-02T01:00:00.000Z',
  reviewedAt: null,
};
const page = { page: 1, pageSize: 20 };

describe('media pages render', () => {
  it('the register shows the last check, open 整改 and the import for the office only', () => {
    const seed: [readonly unknown[], unknown][] = [
      [searchKey(mediaApi.websites, page), { items: [site], total: 1 }],
    ];
    const office = render('office', <WebsitesPage />, seed);
    expect(office).toContain('区发改委网站');
    expect(office).toMatch(/2026-03-02\s+不合格/);
    expect(office).toContain('导入登记册');
    expect(render('liaison', <WebsitesPage />, seed)).not.toContain('导入登记册');
  });
  it('accounts and filings', () => {
    const accounts = render('liaison', <AccountsPage />, [
      [searchKey(mediaApi.accounts, page), { items: [account], total: 1 }],
    ]);
    expect(accounts).toContain('微信公众号');
    expect(accounts).toContain('关停');
    const filingsKey = keyOf(mediaApi.filings, { query: { page: 1, pageSize: 100, status: 'pending' } });
    const office = render('office', <FilingsPage />, [[filingsKey, { items: [filing], total: 1 }]]);
    expect(office).toContain('关停申请.pdf');
    expect(office).toMatch(/通\s*过/); // antd spaces two-character button labels
    const liaison = render('liaison', <FilingsPage />, [[filingsKey, { items: [filing], total: 1 }]]);
    expect(liaison).toContain('提交备案申请');
    expect(liaison).not.toMatch(/通\s*过/);
  });
});
