// Issue 12 part 1: the 政府网站工作年度报表 of 2025 (due 2026-01-31; the clock is 2026-03-02, China). The figures
// computed from seeded platform data of 区发展改革委 and 区教委 are checked against hand-counted numbers — a 部门网站
// counts its 主办单位 only, the 政府门户网站 the whole district —; every route answers 401/403/400 and its happy
// path; a liaison of another unit gets 404; the report goes draft → submitted → returned → submitted → published,
// each write audited; the published report is frozen, shown on the portal and exported as .xlsx.
import { and, eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AnnualReport, AnnualReportRow } from '../../src/contracts/media';
import {
  auditLog,
  decisionComments,
  decisionDrafts,
  disclosureBriefings,
  disclosureColumns,
  disclosureItems,
  letters,
  mailboxes,
  mediaAccounts,
  mediaPosts,
  mediaRectifications,
  mediaSiteChecks,
  mediaWebsites,
  opinionEvents,
  units,
  users,
} from '../../src/server/db/schema';
import { type Client, setupApi, type TestApi } from '../api';

let api: TestApi;
let office: Client;
let fgw: Client;
let jw: Client;
let leader: Client;
let auditor: Client;
let fgwSite: string;
let jwSite: string;
let portalSite: string;
let fgwWechat: string;
const path = (site: string, year: number | string = 2025) =>
  `/api/media/websites/${site}/annual-reports/${year}`;

beforeAll(async () => {
  api = await setupApi();
  office = await api.loginAs('office');
  fgw = await api.loginAs('fgw_liaison');
  jw = await api.loginAs('jw_liaison');
  leader = await api.loginAs('leader');
  auditor = await api.loginAs('auditor');
  const db = api.tdb.database.db;
  const unitId = async (name: string) => (await db.select().from(units).where(eq(units.name, name)))[0]!.id;
  const fgwUnit = await unitId('区发展改革委');
  const jwUnit = await unitId('区教委');
  const root = (await db.select().from(units).where(eq(units.kind, 'government')))[0]!.id;
  const staff = (await db.select().from(users).where(eq(users.username, 'office')))[0]!.id;

  const [s1, s2, s3] = await db
    .insert(mediaWebsites)
    .values([
      {
        unitId: fgwUnit,
        name: '区发改委网站',
        url: 'http://fgw.example.gov.cn/',
        urlKey: 'fgw.example.gov.cn',
        siteCode: '5001520001',
        icp: '渝ICP备00000001号',
        psb: '渝公网安备50022302000001号',
        sponsor: '区发展改革委',
      },
      { unitId: jwUnit, name: '区教委网站', url: 'http://jw.example.gov.cn/', urlKey: 'jw.example.gov.cn' },
      {
        unitId: root,
        name: '区政府门户网站',
        url: 'http://www.example.gov.cn/',
        urlKey: 'www.example.gov.cn',
      },
    ])
    .returning();
  fgwSite = s1!.id;
  jwSite = s2!.id;
  portalSite = s3!.id;

  // 政务新媒体: 区发改委's running account (3 posts in 2025, 1 in 2024) and a 注销 one (left out); 区教委's.
  const [wx, , jwb] = await db
    .insert(mediaAccounts)
    .values([
      { unitId: fgwUnit, platform: 'wechat', name: '柳塘发改', accountId: 'gh_fgw' },
      { unitId: fgwUnit, platform: 'weibo', name: '旧账号', accountId: 'wb_old', status: 'cancelled' },
      { unitId: jwUnit, platform: 'weibo', name: '教育潼南', accountId: 'wb_jw' },
    ])
    .returning();
  fgwWechat = wx!.id;
  const post = (accountId: string, publishedOn: string, title: string) => ({
    accountId,
    publishedOn,
    title,
    source: 'manual' as const,
  });
  await db
    .insert(mediaPosts)
    .values([
      post(wx!.id, '2025-01-03', 'a'),
      post(wx!.id, '2025-06-30', 'b'),
      post(wx!.id, '2025-12-31', 'c'),
      post(wx!.id, '2024-12-31', 'old'),
      post(jwb!.id, '2025-05-05', 'jw'),
    ]);

  // 主动公开: 区发改委 工作动态 (dynamic) 2 in 2025 + 1 in 2024, 政策文件 1 in 2025 + 1 draft, 解读 2 (文字, 图解);
  // 区教委 教育要闻 (dynamic) 1 in 2025.
  const [dyn, pol, jwNews] = await db
    .insert(disclosureColumns)
    .values([
      { unitId: fgwUnit, name: '工作动态' },
      { unitId: fgwUnit, name: '政策文件' },
      { unitId: jwUnit, name: '教育要闻' },
    ])
    .returning();
  let n = 0;
  const item = (
    unit: string,
    columnId: string | null,
    publishDate: string,
    extra: Partial<typeof disclosureItems.$inferInsert> = {},
  ) => {
    n++;
    const id = crypto.randomUUID();
    return {
      id,
      rootId: id,
      unitId: unit,
      columnId,
      title: `信息${n}`,
      indexNo: `TEST-2025-${String(n).padStart(4, '0')}`,
      publishDate,
      status: 'published' as const,
      createdBy: staff,
      ...extra,
    };
  };
  await db
    .insert(disclosureItems)
    .values([
      item(fgwUnit, dyn!.id, '2025-02-01'),
      item(fgwUnit, dyn!.id, '2025-12-31', { status: 'superseded' }),
      item(fgwUnit, dyn!.id, '2024-12-31'),
      item(fgwUnit, pol!.id, '2025-07-01'),
      item(fgwUnit, pol!.id, '2025-07-02', { status: 'draft' }),
      item(fgwUnit, pol!.id, '2025-08-01', { kind: 'interpretation', interpretationForm: 'text' }),
      item(fgwUnit, null, '2025-08-02', { kind: 'interpretation', interpretationForm: 'graphic' }),
      item(jwUnit, jwNews!.id, '2025-03-03'),
    ]);

  // 信箱: 区发改委 received 3 in 2025 (replied after 4 and 3 days, one of them published; one open) and 1 in 2024;
  // 区教委 1 in 2025 replied after 10 days.
  const [box] = await db
    .insert(mailboxes)
    .values({ kind: 'unit', name: '测试信箱', unitId: fgwUnit })
    .returning();
  let l = 0;
  const letter = (
    unit: string,
    receivedOn: string,
    repliedOn: string | null,
    published = false,
  ): typeof letters.$inferInsert => {
    l++;
    return {
      letterNo: `XX-T-${l}`,
      queryCode: `Q${l}`,
      mailboxId: box!.id,
      type: 'consult',
      subject: '来信',
      body: '内容',
      unitId: unit,
      status: repliedOn ? 'replied' : 'open',
      receivedOn,
      replyDue: '2026-12-31',
      repliedOn,
      published,
    };
  };
  await db
    .insert(letters)
    .values([
      letter(fgwUnit, '2025-03-01', '2025-03-05', true),
      letter(fgwUnit, '2025-05-10', '2025-05-13'),
      letter(fgwUnit, '2025-12-30', null),
      letter(fgwUnit, '2024-12-30', '2025-01-02'),
      letter(jwUnit, '2025-04-01', '2025-04-11'),
    ]);

  // 舆情: 区发改委 one responded in 2025 (China date), one responded 2026-01-01 China (2025-12-31 UTC), one open.
  const opinion = (no: string, respondedAt: string | null) => ({
    eventNo: no,
    source: '网络',
    summary: '舆情',
    level: 'general' as const,
    unitId: fgwUnit,
    foundAt: new Date('2025-06-01T08:00:00+08:00'),
    responseDue: new Date('2025-06-04T08:00:00+08:00'),
    status: respondedAt ? ('responded' as const) : ('open' as const),
    respondedAt: respondedAt ? new Date(respondedAt) : null,
  });
  await db
    .insert(opinionEvents)
    .values([
      opinion('YQ-T-1', '2025-06-02T10:00:00+08:00'),
      opinion('YQ-T-2', '2026-01-01T01:00:00+08:00'),
      opinion('YQ-T-3', null),
    ]);

  // 征集调查: 区发改委 one draft opened in 2025 with 2 comments, its 采纳情况 published in 2025; one never opened.
  const draft = (title: string, extra: Partial<typeof decisionDrafts.$inferInsert>) => ({
    unitId: fgwUnit,
    title,
    background: 'b',
    basis: 'b',
    explanation: 'e',
    draftText: 't',
    commentDays: 30,
    ...extra,
  });
  const [opened] = await db
    .insert(decisionDrafts)
    .values([
      draft('征求意见稿', {
        status: 'adopted',
        openedOn: '2025-04-01',
        periodEnd: '2025-05-01',
        adoptionPublishedOn: '2025-06-01',
      }),
      draft('未公开的草案', {}),
    ])
    .returning();
  await db.insert(decisionComments).values([
    { draftId: opened!.id, publicText: '意见一', status: 'shown' },
    { draftId: opened!.id, publicText: '意见二', status: 'hidden' },
  ]);

  // 在线访谈: one interview in 2025 (a 新闻发布会 is not counted).
  await db.insert(disclosureBriefings).values([
    { kind: 'interview', title: '访谈', heldOn: '2025-09-09', unitId: fgwUnit, createdBy: staff },
    { kind: 'press_conference', title: '发布会', heldOn: '2025-09-10', unitId: fgwUnit, createdBy: staff },
  ]);

  // 安全防护: the 区发改委 site's 整改 opened in 2025 (2, one closed) and in 2024 (1, closed: not counted).
  const [check] = await db
    .insert(mediaSiteChecks)
    .values({
      websiteId: fgwSite,
      asOf: '2025-05-01',
      trigger: 'manual',
      verdict: '不合格',
      pages: 3,
      vetoes: [],
      findings: [],
    })
    .returning();
  const finding = { kind: 'broken_link' as const, page: 'http://fgw.example.gov.cn/', detail: '404' };
  const rect = (key: string, openedAt: string, status: 'open' | 'closed') => ({
    websiteId: fgwSite,
    unitId: fgwUnit,
    findingKey: key,
    finding,
    openedByCheckId: check!.id,
    dueDate: '2025-06-01',
    status,
    openedAt: new Date(openedAt),
  });
  await db
    .insert(mediaRectifications)
    .values([
      rect('a', '2025-05-01T10:00:00+08:00', 'closed'),
      rect('b', '2025-05-01T10:00:00+08:00', 'open'),
      rect('c', '2024-11-01T10:00:00+08:00', 'closed'),
    ]);
});
afterAll(() => api.close());

const fieldOf = (r: AnnualReport, key: string) => r.fields.find((f) => f.key === key)!;
const usedOf = (r: AnnualReport) => Object.fromEntries(r.fields.map((f) => [f.key, f.value]));

describe('GET /api/media/annual-reports (each site of the year)', () => {
  it('401 without a session, 403 without the register permission, 400 for a bad year', async () => {
    expect((await api.anon().get('/api/media/annual-reports?year=2025')).status).toBe(401);
    expect((await auditor.get('/api/media/annual-reports?year=2025')).status).toBe(403);
    expect((await office.get('/api/media/annual-reports?year=abc')).status).toBe(400);
    expect((await office.get('/api/media/annual-reports?year=1999')).status).toBe(400);
  });

  it('lists every site with its due day (2026-01-31) and overdue state; a liaison sees its own unit’s', async () => {
    const all = (await office.get<AnnualReportRow[]>('/api/media/annual-reports?year=2025')).body.data!;
    expect(all.map((r) => r.websiteName).sort()).toEqual(
      ['区发改委网站', '区政府门户网站', '区教委网站'].sort(),
    );
    for (const r of all) {
      expect(r.due).toBe('2026-01-31');
      expect(r.status).toBe('none');
      expect(r.overdue).toBe(true);
    }
    // 2026's report is due 2027-01-31: not overdue on 2026-03-02.
    const next = (await office.get<AnnualReportRow[]>('/api/media/annual-reports?year=2026')).body.data!;
    expect(next.every((r) => r.due === '2027-01-31' && !r.overdue)).toBe(true);
    const mine = (await fgw.get<AnnualReportRow[]>('/api/media/annual-reports?year=2025')).body.data!;
    expect(mine.map((r) => r.websiteId)).toEqual([fgwSite]);
  });
});

describe('GET one report: the computed figures', () => {
  it('401, 403, 400 for a bad year, 404 for another unit’s site or a missing one', async () => {
    expect((await api.anon().get(path(fgwSite))).status).toBe(401);
    expect((await auditor.get(path(fgwSite))).status).toBe(403);
    expect((await fgw.get(path(fgwSite, 'x'))).status).toBe(400);
    expect((await jw.get(path(fgwSite))).status).toBe(404);
    expect((await fgw.get(path('00000000-0000-4000-8000-000000000000'))).status).toBe(404);
  });

  it('a 部门网站 counts its 主办单位’s records of the year, each value with its source', async () => {
    const r = (await fgw.get<AnnualReport>(path(fgwSite))).body.data!;
    const computed = Object.fromEntries(
      r.fields.filter((f) => f.computed).map((f) => [f.key, f.computed!.value]),
    );
    expect(computed).toEqual({
      siteName: '区发改委网站',
      siteUrl: 'http://fgw.example.gov.cn/',
      sponsor: '区发展改革委',
      siteType: '部门网站',
      siteCode: '5001520001',
      icp: '渝ICP备00000001号',
      psb: '渝公网安备50022302000001号',
      fillerUnit: '区发展改革委',
      // 2 工作动态 + 1 政策文件 + 2 解读 published in 2025 (one 工作动态 since superseded; the draft and 2024 left out).
      publishTotal: 5,
      publishCatalog: 5,
      publishNews: 2,
      interpretTotal: 2,
      interpretMaterials: 1,
      interpretProducts: 1,
      hotResponses: 1,
      lettersReceived: 3,
      lettersClosed: 2,
      // (4 + 3) / 2 calendar days.
      lettersAvgDays: 3.5,
      lettersPublic: 1,
      surveys: 1,
      surveyOpinions: 2,
      surveyResults: 1,
      interviews: 1,
      securityFound: 2,
      securityFixed: 1,
      hasNewMedia: true,
    });
    expect(fieldOf(r, 'publishCatalog').computed!.source).toBe('平台数据：本单位信息公开目录已发布信息');
    expect(fieldOf(r, 'lettersAvgDays').computed!.source).toContain('自然日');
    expect(fieldOf(r, 'visits').computed).toBeNull();
    expect(r.accounts).toEqual([
      { accountId: fgwWechat, platform: '微信公众号', name: '柳塘发改', posts: 3, followers: null },
    ]);
    expect(r.status).toBe('none');
    expect(r.frozen).toBe(false);
  });

  it('a 政府门户网站 counts the whole district', async () => {
    const r = (await office.get<AnnualReport>(path(portalSite))).body.data!;
    const used = usedOf(r);
    expect(used.siteType).toBe('政府门户网站');
    expect(used.publishTotal).toBe(6);
    expect(used.publishNews).toBe(3);
    expect(used.lettersReceived).toBe(4);
    expect(used.lettersClosed).toBe(3);
    // (4 + 3 + 10) / 3 = 5.67 → 5.7.
    expect(used.lettersAvgDays).toBe(5.7);
    // The portal site's own 整改 (none) and its 主办单位's accounts (none).
    expect(used.securityFound).toBe(0);
    expect(used.hasNewMedia).toBe(false);
    expect(r.accounts).toEqual([]);
  });
});

describe('PUT one report: the hand-filled values', () => {
  it('401, 403 for a role without 填报, 404 for another unit’s site', async () => {
    expect((await api.anon().put(path(fgwSite), { values: {} })).status).toBe(401);
    expect((await leader.put(path(fgwSite), { values: { visits: 1 } })).status).toBe(403);
    expect((await jw.put(path(fgwSite), { values: { visits: 1 } })).status).toBe(404);
  });

  it('400 with a Chinese message: a negative count, a bad kind, 办结 over 收到, 办件 not adding up', async () => {
    const bad = async (body: unknown) => {
      const r = await fgw.put(path(fgwSite), body);
      expect(r.status).toBe(400);
      return r.body.error!.message;
    };
    expect(await bad({ values: { visits: -1 } })).toBe('网站总访问量不能为负数');
    expect(await bad({ values: { lettersAvgDays: 2.25 } })).toBe('平均办理时间最多保留一位小数');
    expect(await bad({ values: { serviceCatalog: '是' } })).toBe('是否发布服务事项目录应为“是”或“否”');
    // The computed 收到留言数量 is 3.
    expect(await bad({ values: { lettersClosed: 4 } })).toBe('办结留言数量不能大于收到留言数量');
    expect(await bad({ values: { casesTotal: 10, casesPersons: 3, casesEntities: 3 } })).toBe(
      '自然人办件量与法人办件量之和应等于办件量总数',
    );
    expect(await bad({ values: {}, followers: { [fgwWechat]: -5 } })).toBe('关注量/订阅数应为非负整数');
    expect(await bad({ values: { visits: 'many' } })).toBe('网站总访问量应为整数');
    const rows = await api.tdb.database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'media.annualReport.save'));
    expect(rows).toHaveLength(0);
  });

  it('saves (audited); a hand-filled value is used over the computed one, which is kept', async () => {
    const r = await fgw.put<AnnualReport>(path(fgwSite), {
      values: { visits: 12000, visitors: 3400, serviceCatalog: true, lettersReceived: 4, head: '李明' },
      followers: { [fgwWechat]: 5200 },
    });
    expect(r.status).toBe(200);
    const rep = r.body.data!;
    expect(rep.status).toBe('draft');
    expect(fieldOf(rep, 'lettersReceived')).toMatchObject({ manual: 4, value: 4 });
    expect(fieldOf(rep, 'lettersReceived').computed!.value).toBe(3);
    expect(fieldOf(rep, 'visits').value).toBe(12000);
    expect(rep.accounts[0]!.followers).toBe(5200);
    const rows = await api.tdb.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'media.annualReport.save'), eq(auditLog.objectId, rep.id!)));
    expect(rows).toHaveLength(1);
  });
});

describe('submit, return, publish', () => {
  it('401 and 403 by role; 404 for another unit’s site', async () => {
    expect((await api.anon().post(`${path(fgwSite)}/submit`)).status).toBe(401);
    expect((await leader.post(`${path(fgwSite)}/submit`)).status).toBe(403);
    expect((await jw.post(`${path(fgwSite)}/submit`)).status).toBe(404);
    expect((await fgw.post(`${path(fgwSite)}/return`, { reason: 'x' })).status).toBe(403);
    expect((await fgw.post(`${path(fgwSite)}/publish`)).status).toBe(403);
    expect((await api.anon().post(`${path(fgwSite)}/publish`)).status).toBe(401);
  });

  it('publishing or returning an unsubmitted report is a conflict; 400 for a return without a reason', async () => {
    expect((await office.post(`${path(fgwSite)}/publish`)).status).toBe(409);
    expect((await office.post(`${path(fgwSite)}/return`, { reason: '补充' })).status).toBe(409);
    const r = await office.post(`${path(fgwSite)}/return`, { reason: ' ' });
    expect(r.status).toBe(400);
    expect(r.body.error!.message).toContain('退回理由');
  });

  it('submit freezes the figures; the office returns it with a reason; resubmitted, it is published', async () => {
    const sub = (await fgw.post<AnnualReport>(`${path(fgwSite)}/submit`)).body.data!;
    expect(sub).toMatchObject({ status: 'submitted', frozen: true, computedAsOf: '2026-03-02' });
    expect((await fgw.put(path(fgwSite), { values: { visits: 1 } })).status).toBe(409);
    const ret = await office.post<AnnualReport>(`${path(fgwSite)}/return`, { reason: '请补充办事服务数据' });
    expect(ret.body.data).toMatchObject({
      status: 'draft',
      returnReason: '请补充办事服务数据',
      frozen: false,
    });
    expect(
      (
        await fgw.put<AnnualReport>(path(fgwSite), {
          values: { visits: 12500, lettersReceived: 4, serviceItems: 80 },
        })
      ).status,
    ).toBe(200);
    expect((await fgw.post(`${path(fgwSite)}/submit`)).status).toBe(200);
    const pub = await office.post<AnnualReport>(`${path(fgwSite)}/publish`);
    expect(pub.status).toBe(200);
    expect(pub.body.data!.status).toBe('published');
    expect(pub.body.data!.publishedAt).not.toBeNull();
    const db = api.tdb.database.db;
    for (const action of ['submit', 'return', 'publish']) {
      const rows = await db
        .select()
        .from(auditLog)
        .where(eq(auditLog.action, `media.annualReport.${action}`));
      expect(rows.length).toBeGreaterThan(0);
    }
  });

  it('a published report is final and frozen: no save, return or publish again; new records change nothing', async () => {
    expect((await fgw.put(path(fgwSite), { values: { visits: 1 } })).status).toBe(409);
    expect((await office.post(`${path(fgwSite)}/return`, { reason: '重开' })).status).toBe(409);
    expect((await office.post(`${path(fgwSite)}/publish`)).status).toBe(409);
    expect((await fgw.post(`${path(fgwSite)}/submit`)).status).toBe(409);
    await api.tdb.database.db
      .insert(mediaPosts)
      .values({ accountId: fgwWechat, publishedOn: '2025-11-11', title: 'late', source: 'manual' });
    const r = (await fgw.get<AnnualReport>(path(fgwSite))).body.data!;
    expect(r.accounts[0]!.posts).toBe(3);
    expect(r.overdue).toBe(false);
    const list = (await office.get<AnnualReportRow[]>('/api/media/annual-reports?year=2025')).body.data!;
    expect(list.find((x) => x.websiteId === fgwSite)).toMatchObject({ status: 'published', overdue: false });
  });

  it('the portal lists the published report and shows its values in a table', async () => {
    const list = await api.anon().request('GET', '/xxgk/wzndbb');
    expect(list.status).toBe(200);
    const html = await list.raw.text();
    expect(html).toContain('区发改委网站');
    expect(html).not.toContain('区教委网站');
    const id = (await fgw.get<AnnualReport>(path(fgwSite))).body.data!.id!;
    const page = await api.anon().request('GET', `/xxgk/wzndbb/${id}`);
    expect(page.status).toBe(200);
    const text = await page.raw.text();
    expect(text).toContain('2025年度');
    expect(text).toMatch(/网站总访问量（次）<\/th><td>12500</);
    expect(text).toMatch(/收到留言数量（条）<\/th><td>4</);
    expect(text).toMatch(/柳塘发改/);
    // A draft is not public.
    const draft = await jw.put<AnnualReport>(path(jwSite), { values: { visits: 5 } });
    expect((await api.anon().request('GET', `/xxgk/wzndbb/${draft.body.data!.id}`)).status).toBe(404);
  });
});

describe('exports (.xlsx)', () => {
  const open = async (bytes: ArrayBuffer) => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes);
    return wb.worksheets[0]!;
  };

  it('401, 403, 404 for another unit’s site', async () => {
    expect((await api.anon().get(`${path(fgwSite)}/export`)).status).toBe(401);
    expect((await auditor.get(`${path(fgwSite)}/export`)).status).toBe(403);
    expect((await jw.get(`${path(fgwSite)}/export`)).status).toBe(404);
    expect((await office.get(`${path(fgwSite, 'abc')}/export`)).status).toBe(400);
    expect((await auditor.get('/api/media/annual-reports/export?year=2025')).status).toBe(403);
    expect((await office.get('/api/media/annual-reports/export?year=abc')).status).toBe(400);
  });

  it('one report in the national layout: groups, then 指标/数值 rows; the download is audited', async () => {
    const r = await fgw.request('GET', `${path(fgwSite)}/export`);
    expect(r.status).toBe(200);
    const ws = await open(await r.raw.arrayBuffer());
    const rows = new Map<string, string>();
    ws.eachRow((row) => rows.set(String(row.getCell(1).value), String(row.getCell(2).value ?? '')));
    expect(String(ws.getRow(1).getCell(1).value)).toBe('政府网站工作年度报表（2025年度）');
    expect(rows.get('指标')).toBe('数值');
    expect(rows.has('信息发布')).toBe(true);
    expect(rows.get('网站名称')).toBe('区发改委网站');
    expect(rows.get('网站总访问量（次）')).toBe('12500');
    expect(rows.get('    其中：办结留言数量（条）')).toBe('2');
    // Saved again after the return without it: not filled.
    expect(rows.get('是否发布服务事项目录')).toBe('');
    expect(rows.get('微信公众号“柳塘发改”：信息发布量（条）')).toBe('3');
    const audits = await api.tdb.database.db.select().from(auditLog).where(eq(auditLog.action, 'export'));
    expect(audits.some((a) => JSON.stringify(a.detail).includes('年度报表'))).toBe(true);
  });

  it('the summary of the year: one row a site in scope', async () => {
    const r = await office.request('GET', '/api/media/annual-reports/export?year=2025');
    expect(r.status).toBe(200);
    const ws = await open(await r.raw.arrayBuffer());
    const header = (ws.getRow(1).values as unknown[]).slice(1).map(String);
    expect(header.slice(0, 4)).toEqual(['网站名称', '主办单位', '状态', '截止日期']);
    const bySite = new Map<string, unknown[]>();
    ws.eachRow((row, i) => {
      if (i > 1) bySite.set(String(row.getCell(1).value), (row.values as unknown[]).slice(1));
    });
    expect([...bySite.keys()].sort()).toEqual(['区发改委网站', '区政府门户网站', '区教委网站'].sort());
    const fgwRow = bySite.get('区发改委网站')!;
    expect(fgwRow[2]).toBe('已发布');
    expect(fgwRow[header.indexOf('网站总访问量（次）')]).toBe(12500);
    expect(bySite.get('区政府门户网站')![2]).toBe('未填报（逾期）');
    const mine = await fgw.request('GET', '/api/media/annual-reports/export?year=2025');
    const mineWs = await open(await mine.raw.arrayBuffer());
    expect(mineWs.rowCount).toBe(2);
  });
});
