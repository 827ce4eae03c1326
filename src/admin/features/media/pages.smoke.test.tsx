// Server-side render of the media pages with seeded query data: catches pages that crash on realistic data and
// checks the office's and a liaison's buttons.
import type { ReactNode } from 'react';
import { describe, expect, it } from 'vitest';
import { eachReturns } from '../../../../test/table';
import {
  type AccountRow,
  type AnnualReportRow,
  annualReportApi,
  type Bulletin,
  type FilingRow,
  type MediaDashboard,
  mediaApi,
  newMediaApi,
  type WebsiteRow,
} from '../../../contracts/media';
import type { RoleCode } from '../../../contracts/roles';
import { ME_KEY } from '../../auth';
import { searchKey } from '../../components/SearchTable';
import { chinaYear } from '../../components/YearInput';
import { keyOf } from '../../queries';
import { expectShows, me, renderPage, type Seed } from '../../testing/smoke';
import { availabilityText } from './labels';
import AccountsPage from './pages/AccountsPage';
import AnnualReportsPage from './pages/AnnualReportsPage';
import BulletinsPage from './pages/BulletinsPage';
import FilingsPage from './pages/FilingsPage';
import MediaDashboardPage, { healthOption } from './pages/MediaDashboardPage';
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
  eachReturns(
    availabilityText,
    [
      [null, '暂无抽测'],
      [{ failed: 0, total: 0 }, '暂无抽测'],
      [{ failed: 7, total: 140 }, '95.0%（7/140 次失败）'],
      [{ failed: 0, total: 20 }, '100.0%（0/20 次失败）'],
    ],
    'availability %j reads %s',
  );

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
    expectShows(accounts, ['微信公众号', '关停', '2026-02-20']);
    expect(accounts).toMatch(/2026-03-02\s+不合格/);
    expect(accounts).toContain('发布记录');
    const filingsKey = keyOf(mediaApi.filings, { query: { page: 1, pageSize: 100, status: 'pending' } });
    const office = render('office', <FilingsPage />, [[filingsKey, { items: [filing], total: 1 }]]);
    expect(office).toContain('关停申请.pdf');
    expect(office).toMatch(/通\s*过/); // antd spaces two-character button labels
    const liaison = render('liaison', <FilingsPage />, [[filingsKey, { items: [filing], total: 1 }]]);
    expect(liaison).toContain('提交备案申请');
    expect(liaison).not.toMatch(/通\s*过/);
  });

  const bulletin: Bulletin = {
    id: 'b1',
    year: 2026,
    period: 'Q1',
    title: '关于2026年第一季度政府网站和政务新媒体检查情况的通报',
    docNumber: '潼府办〔2026〕1号',
    figures: {
      sites: { checked: 2, passed: 1, failed: 1 },
      siteVetoes: [],
      findings: [],
      accounts: { checked: 3, passed: 2, failed: 1 },
      accountVetoes: [],
      praised: [],
      criticised: ['区发展改革委'],
    },
    status: 'draft',
    createdAt: '2026-03-02T01:00:00.000Z',
    publishedAt: null,
  };
  it('检查通报: the office generates and publishes, a liaison only downloads', () => {
    const seed: Seed = [[keyOf(newMediaApi.bulletins), [bulletin]]];
    const office = render('office', <BulletinsPage />, seed);
    expectShows(office, ['潼府办〔2026〕1号', '检查2个，不合格1个', '抽查3个，不合格1个', '生成通报']);
    expect(office).toMatch(/发\s*布/);
    const liaison = render('liaison', <BulletinsPage />, seed);
    expect(liaison).not.toContain('生成通报');
    expect(liaison).toContain('下载');
  });
  const dash: MediaDashboard = {
    health: [
      {
        websiteId: 'w1',
        name: '区发改委网站',
        unitName: '区发展改革委',
        checks: [
          { asOf: '2026-02-10', verdict: '不合格', findings: 3 },
          { asOf: '2026-02-24', verdict: '合格', findings: 1 },
        ],
      },
      {
        websiteId: 'w2',
        name: '区教委网站',
        unitName: '区教委',
        checks: [{ asOf: '2026-02-17', verdict: '合格', findings: 0 }],
      },
    ],
    openByUnit: [{ unitId: 'fgw', unitName: '区发展改革委', open: 3, overdue: 1 }],
  };
  it('the dashboard: open 整改 by unit, and a health line per site with failed checks in red', () => {
    const html = render('office', <MediaDashboardPage />, [
      [keyOf(newMediaApi.dashboard, { query: {} }), dash],
    ]);
    expect(html).toContain('各单位未完成整改');
    expect(html).toContain('区发展改革委');
    const o = healthOption(dash.health) as {
      xAxis: { data: string[] };
      series: { name: string; data: unknown[] }[];
    };
    expect(o.xAxis.data).toEqual(['2026-02-10', '2026-02-17', '2026-02-24']);
    expect(o.series[0]!.data).toEqual([
      { value: 3, symbolSize: 10, itemStyle: { color: '#cf1322' } },
      null,
      1,
    ]);
    expect(o.series[1]!.data).toEqual([null, 0, null]);
  });
});

describe('年度报表 page', () => {
  // The page opens on last year (China); the seeded list is keyed by that same year.
  const year = chinaYear(1);
  const row = (over: Partial<AnnualReportRow>): AnnualReportRow => ({
    websiteId: 'w1',
    websiteName: '区发改委网站',
    url: 'http://fgw.example.gov.cn/',
    unitId: 'fgw',
    unitName: '区发展改革委',
    year,
    due: `${year + 1}-01-31`,
    id: null,
    status: 'none',
    overdue: false,
    returnReason: '',
    submittedAt: null,
    publishedAt: null,
    ...over,
  });
  it('lists each site with its state, the 1月31日 due tag, 逾期 in red, and the return reason', () => {
    const html = renderPage(<AnnualReportsPage />, [
      [ME_KEY, me('office', { username: 'zs', unitId: 'office', unitName: '信息科（政务公开科）' })],
      [
        keyOf(annualReportApi.list, { query: { year } }),
        [
          row({ overdue: true }),
          row({
            websiteId: 'w2',
            websiteName: '区教委网站',
            status: 'draft',
            returnReason: '请补充办事服务数据',
          }),
          row({ websiteId: 'w3', websiteName: '区政府门户网站', status: 'published' }),
        ],
      ],
    ]);
    expect(html.replace(/<!-- -->/g, '')).toMatch(/ant-tag-red[^>]*>逾期（截止1月31日）</);
    const text = html.replace(/<!-- -->/g, '').replace(/<[^>]+>/g, ' ');
    for (const s of ['未填报', '草稿', '已发布', '截止1月31日', '请补充办事服务数据', '导出汇总'])
      expect(text).toContain(s);
  });
});
