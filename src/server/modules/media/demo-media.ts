// Demo rows of website supervision (the demo district's 政务新媒体 page, 检查通报 and 考核 are not empty): two
// accounts with posts and a 抽查, two websites with one check each in `year` (one 合格, one 不合格 with its MON-1
// sampling). Small, fixed, written once (setting `demo.mediaSeeded`). The hosts are under .example (never resolve).
// Then `year`'s 政府网站工作年度报表 of the 区发展改革委 demo site, published (setting `demo.mediaReportSeeded`: a
// district seeded before the reports existed gets it too).
import { and, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import {
  mediaAccounts,
  mediaAnnualReports,
  mediaPosts,
  mediaSiteChecks,
  mediaSpotChecks,
  mediaWebsites,
} from '../../db/schema/media';
import { getSetting, putSetting } from '../../platform/settings';
import { findUnitByName } from '../org';
import { computeFigures } from './annual-reports';

export async function seedMediaDemo(db: DbOrTx, year: number): Promise<number> {
  if (await getSetting<boolean>(db, 'demo.mediaSeeded')) return 0;
  const fgw = await findUnitByName(db, '区发展改革委');
  const jw = await findUnitByName(db, '区教委');
  if (!fgw || !jw) return 0;
  const created = new Date(`${year}-01-05T09:00:00+08:00`);
  const [wx, wb] = await db
    .insert(mediaAccounts)
    .values([
      {
        unitId: fgw.id,
        platform: 'wechat',
        name: '潼南发改（示例）',
        accountId: 'gh_demo_fgw',
        sponsor: '区发展改革委',
        createdAt: created,
      },
      {
        unitId: jw.id,
        platform: 'weibo',
        name: '潼南教育（示例）',
        accountId: 'wb_demo_jw',
        sponsor: '区教委',
        createdAt: created,
      },
    ])
    .onConflictDoNothing()
    .returning();
  if (!wx || !wb) return 0;
  const post = (accountId: string, day: string, title: string, reads: number) => ({
    accountId,
    title: `（示例）${title}`,
    publishedOn: `${year}-${day}`,
    reads,
    source: 'manual' as const,
  });
  await db
    .insert(mediaPosts)
    .values([
      post(wx.id, '06-10', '上半年重点项目投资进展', 1260),
      post(wx.id, '11-18', '价格监测周报', 840),
      post(wx.id, '12-22', '年度投资计划执行情况解读', 2130),
      post(wb.id, '09-01', '秋季学期开学安排', 5120),
      post(wb.id, '11-02', '学位安排说明', 3390),
    ]);
  await db.insert(mediaSpotChecks).values({
    accountId: wx.id,
    unitId: fgw.id,
    checkedOn: `${year}-06-15`,
    lastPost: `${year}-06-10`,
    interactionWorks: true,
    verdict: '合格',
    vetoes: [],
    note: '（示例）留言功能正常',
  });
  const [s1, s2] = await db
    .insert(mediaWebsites)
    .values([
      {
        unitId: fgw.id,
        name: '区发展改革委网站（示例）',
        url: 'https://fgw.tongnan.example/',
        urlKey: 'fgw.tongnan.example',
        sponsor: '区发展改革委',
        createdAt: created,
      },
      {
        unitId: jw.id,
        name: '区教委网站（示例）',
        url: 'https://jw.tongnan.example/',
        urlKey: 'jw.tongnan.example',
        sponsor: '区教委',
        createdAt: created,
      },
    ])
    .returning();
  await db.insert(mediaSiteChecks).values([
    {
      websiteId: s1!.id,
      asOf: `${year}-10-15`,
      trigger: 'manual',
      verdict: '合格',
      pages: 42,
      vetoes: [],
      findings: [],
      notes: ['（示例）检查结果'],
      availability: { failed: 1, total: 140 },
    },
    {
      websiteId: s2!.id,
      asOf: `${year}-10-15`,
      trigger: 'manual',
      verdict: '不合格',
      pages: 37,
      vetoes: [
        { rule: 'unreachable', detail: '抽测140次，9次无法访问（6.4%）' },
        { rule: 'home_not_updated', detail: `首页最新信息发布于${year}-09-20，超过14天未更新` },
      ],
      findings: [],
      notes: ['（示例）检查结果'],
      availability: { failed: 9, total: 140 },
    },
  ]);
  await putSetting(db, 'demo.mediaSeeded', true);
  return 2;
}

/** `year`'s report of the 区发展改革委 demo site, submitted and published on 1月20日 of the next year (or `now`). */
export async function seedAnnualReportDemo(db: DbOrTx, year: number, now: Date): Promise<number> {
  if (await getSetting<boolean>(db, 'demo.mediaReportSeeded')) return 0;
  const [site] = await db.select().from(mediaWebsites).where(eq(mediaWebsites.urlKey, 'fgw.tongnan.example'));
  if (!site) return 0;
  const [existing] = await db
    .select({ id: mediaAnnualReports.id })
    .from(mediaAnnualReports)
    .where(and(eq(mediaAnnualReports.websiteId, site.id), eq(mediaAnnualReports.year, year)));
  if (!existing) {
    const due = new Date(`${year + 1}-01-20T10:00:00+08:00`);
    const at = due < now ? due : now;
    const computed = await computeFigures(db, site, year, `${year + 1}-01-20`);
    const [wechat] = computed.accounts;
    await db.insert(mediaAnnualReports).values({
      websiteId: site.id,
      year,
      status: 'published',
      manual: {
        values: {
          visitors: 18_640,
          visits: 52_310,
          topicsKept: 3,
          topicsNew: 1,
          serviceCatalog: true,
          unifiedPlatform: true,
          smartQa: false,
          securityChecks: 4,
          securityWarning: true,
          securityDrill: true,
          securityOwner: true,
          searchService: '是',
          multilingual: '否',
          accessibility: '是',
          personalised: '否',
          head: '（示例）王主任',
          auditor: '（示例）李科长',
          filler: '（示例）李明',
          phone: '023-00000000',
          filledOn: `${year + 1}-01-20`,
        },
        followers: wechat ? { [wechat.accountId]: 12_800 } : {},
      },
      computed,
      submittedAt: at,
      publishedAt: at,
      createdAt: at,
      updatedAt: at,
    });
  }
  await putSetting(db, 'demo.mediaReportSeeded', true);
  return 1;
}
