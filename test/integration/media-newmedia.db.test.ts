// Issue 12 parts 3, 5 and 7: 政务新媒体 posts (entered, imported all-or-nothing after a preview), 抽查 with
// screenshot evidence and the 14-day veto at its edge, the 检查通报 .docx read back (figures, 文号 from settings),
// its publication, and the dashboard — each route 401/403/400/happy, unit-scoped. The clock is 2026-03-02 (China).
import { eq } from 'drizzle-orm';
import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  Bulletin,
  MediaDashboard,
  PostImportPreview,
  PostRow,
  SpotCheck,
  WebsiteRow,
} from '../../src/contracts/media';
import {
  auditLog,
  mediaAccounts,
  mediaRectifications,
  mediaSiteChecks,
  mediaWebsites,
  units,
} from '../../src/server/db/schema';
import { writeTable } from '../../src/server/platform/xlsx';
import { type Client, setupApi, type TestApi } from '../api';

const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 73, 72, 68, 82]);

let api: TestApi;
let office: Client;
let fgw: Client;
let jw: Client;
let leader: Client;
let fgwAccount: string;
let jwAccount: string;

beforeAll(async () => {
  api = await setupApi();
  office = await api.loginAs('office');
  fgw = await api.loginAs('fgw_liaison');
  jw = await api.loginAs('jw_liaison');
  leader = await api.loginAs('leader');
  const db = api.tdb.database.db;
  const unitId = async (name: string) => (await db.select().from(units).where(eq(units.name, name)))[0]!.id;
  const fgwUnit = await unitId('区发展改革委');
  const jwUnit = await unitId('区教委');
  const [a, b] = await db
    .insert(mediaAccounts)
    .values([
      { unitId: fgwUnit, platform: 'wechat', name: '柳塘发改', accountId: 'gh_fgw' },
      { unitId: jwUnit, platform: 'weibo', name: '教育潼南', accountId: 'wb_jw' },
    ])
    .returning();
  fgwAccount = a!.id;
  jwAccount = b!.id;
  // Two sites checked in 2026 Q1: 区发改委 不合格 (home page stale, two broken links), 区教委 合格.
  const [s1, s2] = await db
    .insert(mediaWebsites)
    .values([
      {
        unitId: fgwUnit,
        name: '区发改委网站',
        url: 'http://fgw.example.gov.cn/',
        urlKey: 'fgw.example.gov.cn',
      },
      { unitId: jwUnit, name: '区教委网站', url: 'http://jw.example.gov.cn/', urlKey: 'jw.example.gov.cn' },
    ])
    .returning();
  const broken = (n: number) => ({
    kind: 'broken_link' as const,
    page: 'http://fgw.example.gov.cn/',
    target: `http://fgw.example.gov.cn/gone${n}.html`,
    detail: '404',
  });
  const [c1] = await db
    .insert(mediaSiteChecks)
    .values([
      {
        websiteId: s1!.id,
        asOf: '2026-02-10',
        trigger: 'manual',
        verdict: '不合格',
        pages: 10,
        vetoes: [
          { rule: 'home_not_updated', detail: '首页最新信息发布于2026-01-01，超过14天未更新' },
          { rule: 'unreachable', detail: '抽测140次，7次无法访问（5.0%）' },
        ],
        findings: [broken(1), broken(2)],
        // MON-1: 7 of 140 samples failed = 5 %, the veto's edge.
        availability: { failed: 7, total: 140 },
      },
      {
        websiteId: s2!.id,
        asOf: '2026-02-11',
        trigger: 'manual',
        verdict: '合格',
        pages: 8,
        vetoes: [],
        findings: [],
        availability: { failed: 2, total: 140 },
      },
      // Outside Q1: not counted in the Q1 通报.
      {
        websiteId: s2!.id,
        asOf: '2025-12-20',
        trigger: 'manual',
        verdict: '不合格',
        pages: 8,
        vetoes: [],
        findings: [],
      },
    ])
    .returning();
  await db.insert(mediaRectifications).values([
    {
      websiteId: s1!.id,
      unitId: fgwUnit,
      findingKey: 'k1',
      finding: broken(1),
      openedByCheckId: c1!.id,
      dueDate: '2026-02-20',
    },
    {
      websiteId: s1!.id,
      unitId: fgwUnit,
      findingKey: 'k2',
      finding: broken(2),
      openedByCheckId: c1!.id,
      dueDate: '2026-03-09',
    },
  ]);
});
afterAll(() => api.close());

const postsPath = (id: string) => `/api/media/accounts/${id}/posts`;
const POST_HEAD = ['文章标题', '群发时间', '阅读数', '原文链接'];

describe('posts: entered by the account’s unit', () => {
  it('401 without a session, 403 without the permission or for another unit', async () => {
    expect((await api.anon().get(postsPath(fgwAccount))).status).toBe(401);
    const body = { title: '区发改委召开会议', publishedOn: '2026-02-16' };
    expect((await leader.post(postsPath(fgwAccount), body)).status).toBe(403);
    expect((await jw.post(postsPath(fgwAccount), body)).status).toBe(404);
    expect((await jw.get(postsPath(fgwAccount))).status).toBe(404);
  });

  it('400 for an empty title, a bad date or a date after today', async () => {
    expect((await fgw.post(postsPath(fgwAccount), { title: '', publishedOn: '2026-02-16' })).status).toBe(
      400,
    );
    expect((await fgw.post(postsPath(fgwAccount), { title: 'a', publishedOn: '2026-02-30' })).status).toBe(
      400,
    );
    const late = await fgw.post(postsPath(fgwAccount), { title: 'a', publishedOn: '2026-03-03' });
    expect(late.status).toBe(400);
    expect(late.body.error!.message).toBe('发布时间2026-03-03晚于今天');
  });

  it('records a post (201, audited); the same day and title again is a conflict', async () => {
    const body = { title: '区发改委召开会议', publishedOn: '2026-02-16', reads: 120 };
    const r = await fgw.post<PostRow>(postsPath(fgwAccount), body);
    expect(r.status).toBe(201);
    expect(r.body.data).toMatchObject({ ...body, url: '', source: 'manual' });
    expect((await fgw.post(postsPath(fgwAccount), body)).status).toBe(409);
    const audits = await api.tdb.database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'media.post.create'));
    expect(audits).toHaveLength(1);
  });
});

describe('posts: the platform’s exported list (.xlsx), preview then all-or-nothing', () => {
  const file = (rows: string[][]) => writeTable('发布记录', POST_HEAD, rows);
  const good = () =>
    file([
      ['区发改委召开会议', '2026-02-16 18:30', '120', ''],
      ['价格监测周报', '2026-02-10 09:00', '10万+', 'https://mp.weixin.qq.com/s/x'],
      ['春节供应通知', '2026年2月1日', '', ''],
    ]);

  it('401 and 403 (no permission, another unit)', async () => {
    expect(
      (await api.anon().upload(`${postsPath(fgwAccount)}/import/preview`, 'p.xlsx', await good())).status,
    ).toBe(401);
    expect((await leader.upload(`${postsPath(fgwAccount)}/import`, 'p.xlsx', await good())).status).toBe(403);
    expect((await jw.upload(`${postsPath(fgwAccount)}/import/preview`, 'p.xlsx', await good())).status).toBe(
      404,
    );
  });

  it('the preview names the columns found and the posts already recorded', async () => {
    const r = await fgw.upload<PostImportPreview>(
      `${postsPath(fgwAccount)}/import/preview`,
      'p.xlsx',
      await good(),
    );
    expect(r.status).toBe(200);
    expect(r.body.data!.columns).toEqual({
      title: '文章标题',
      publishedAt: '群发时间',
      reads: '阅读数',
      url: '原文链接',
    });
    expect(r.body.data!.errors).toEqual([]);
    expect(r.body.data!.rows.map((x) => [x.publishedOn, x.reads, x.existing])).toEqual([
      ['2026-02-16', 120, true],
      ['2026-02-10', 100000, false],
      ['2026-02-01', null, false],
    ]);
  });

  it('400 with every problem named by row, and nothing imported', async () => {
    const bad = await file([
      ['价格监测周报', '2026-02-10', '5', ''],
      ['', '2026-02-11', '', ''],
      ['未来的稿件', '2026-03-05', '', ''],
    ]);
    const r = await fgw.upload(`${postsPath(fgwAccount)}/import`, 'p.xlsx', bad);
    expect(r.status).toBe(400);
    expect(r.body.error!.message).toContain('文件有 2 处问题，未导入任何内容');
    const list = await fgw.get<{ total: number }>(postsPath(fgwAccount));
    expect(list.body.data!.total).toBe(1);
  });

  it('imports the new posts and skips the one already recorded', async () => {
    const r = await fgw.upload(`${postsPath(fgwAccount)}/import`, 'p.xlsx', await good());
    expect(r.status).toBe(200);
    expect(r.body.data).toEqual({ created: 2, skipped: 1 });
    const list = await fgw.get<{ items: PostRow[]; total: number }>(postsPath(fgwAccount));
    expect(list.body.data!.items.map((p) => [p.publishedOn, p.source])).toEqual([
      ['2026-02-16', 'manual'],
      ['2026-02-10', 'import'],
      ['2026-02-01', 'import'],
    ]);
  });
});

describe('抽查 with screenshot evidence', () => {
  const spotPath = (id: string) => `/api/media/accounts/${id}/spot-checks`;
  let shot: string;

  it('401 and 403: the office checks, a liaison may not', async () => {
    expect((await api.anon().upload('/api/media/evidence', 's.png', PNG)).status).toBe(401);
    expect((await fgw.upload('/api/media/evidence', 's.png', PNG)).status).toBe(403);
    expect(
      (await fgw.post(spotPath(fgwAccount), { interactionWorks: true, evidenceFileIds: [] })).status,
    ).toBe(403);
  });

  it('400: a screenshot is required, and its type is checked by content', async () => {
    const r = await office.post(spotPath(fgwAccount), { interactionWorks: true, evidenceFileIds: [] });
    expect(r.status).toBe(400);
    expect(JSON.stringify(r.body.error)).toContain('请上传至少一张截图作为抽查证据');
    const fake = await office.upload(
      '/api/media/evidence',
      's.png',
      new TextEncoder().encode('not an image'),
    );
    expect(fake.status).toBe(400);
  });

  it('the 14-day edge on both sides, and the interaction veto', async () => {
    const u = await office.upload<{ fileId: string }>('/api/media/evidence', '截图.png', PNG);
    expect(u.status).toBe(200);
    shot = u.body.data!.fileId;
    const ok = await office.post<SpotCheck>(spotPath(fgwAccount), {
      interactionWorks: true,
      note: '留言功能可用',
      evidenceFileIds: [shot],
    });
    expect(ok.status).toBe(201);
    expect(ok.body.data).toMatchObject({
      checkedOn: '2026-03-02',
      lastPost: '2026-02-16',
      verdict: '合格',
      vetoes: [],
      evidence: [{ fileId: shot, name: '截图.png' }],
    });
    // The other edge: a post on 2026-02-15 is fresh on 2026-03-01 and stale on 2026-03-02.
    expect(
      (await office.post(postsPath(jwAccount), { title: '开学通知', publishedOn: '2026-02-15' })).status,
    ).toBe(201);
    const spot = async (checkedOn: string, interactionWorks: boolean) => {
      const u = await office.upload<{ fileId: string }>('/api/media/evidence', `截图${checkedOn}.png`, PNG);
      const r = await office.post<SpotCheck>(spotPath(jwAccount), {
        checkedOn,
        interactionWorks,
        evidenceFileIds: [u.body.data!.fileId],
      });
      expect(r.status).toBe(201);
      return r.body.data!;
    };
    expect(await spot('2026-03-01', true)).toMatchObject({ verdict: '合格', lastPost: '2026-02-15' });
    const stale = await spot('2026-03-02', false);
    expect(stale.verdict).toBe('不合格');
    expect(stale.vetoes.map((v) => v.rule)).toEqual(['not_updated', 'no_interaction']);
    expect(stale.vetoes[0]!.detail).toBe('最近一次发布于2026-02-15，检查前14天内未更新');
    const future = await office.post(spotPath(jwAccount), {
      checkedOn: '2026-03-03',
      interactionWorks: true,
      evidenceFileIds: [shot],
    });
    expect(future.status).toBe(400);
  });

  it('the records and their screenshots are unit-scoped', async () => {
    expect((await fgw.get<SpotCheck[]>(spotPath(fgwAccount))).body.data!.map((s) => s.verdict)).toEqual([
      '合格',
    ]);
    expect((await jw.get(spotPath(fgwAccount))).status).toBe(404);
    expect((await fgw.request('GET', `/api/media/evidence/${shot}`)).status).toBe(200);
    expect((await jw.request('GET', `/api/media/evidence/${shot}`)).status).toBe(404);
    const accounts = await office.get<{
      items: { name: string; lastPost: string | null; lastSpotCheck: unknown }[];
    }>('/api/media/accounts');
    expect(accounts.body.data!.items.find((a) => a.name === '柳塘发改')).toMatchObject({
      lastPost: '2026-02-16',
      lastSpotCheck: { checkedOn: '2026-03-02', verdict: '合格' },
    });
  });
});

describe('检查通报 .docx', () => {
  let first: Bulletin;
  const docText = async (c: Client, id: string) => {
    const r = await c.request('GET', `/api/media/bulletins/${id}/file`);
    expect(r.status).toBe(200);
    const xml = new TextDecoder().decode(
      unzipSync(new Uint8Array(await r.raw.arrayBuffer()))['word/document.xml'],
    );
    // The text of the runs, without the markup between them.
    return xml.replace(/<[^>]+>/g, '');
  };

  it('401, 403 for a liaison, 400 for a bad period', async () => {
    expect((await api.anon().post('/api/media/bulletins', { year: 2026, period: 'Q1' })).status).toBe(401);
    expect((await fgw.post('/api/media/bulletins', { year: 2026, period: 'Q1' })).status).toBe(403);
    expect((await office.post('/api/media/bulletins', { year: 2026, period: 'Q5' })).status).toBe(400);
  });

  it('Q1: figures, praise and criticism, and the 文号 from the settings, read back from the file', async () => {
    await office.put('/api/tasks/settings', { reminderDaysBefore: 5, bulletinAgencyCode: '潼府办' });
    const r = await office.post<Bulletin>('/api/media/bulletins', { year: 2026, period: 'Q1' });
    expect(r.status).toBe(201);
    first = r.body.data!;
    expect(first).toMatchObject({ status: 'draft', docNumber: '潼府办〔2026〕1号' });
    expect(first.figures).toMatchObject({
      sites: { checked: 2, passed: 1, failed: 1 },
      accounts: { checked: 2, passed: 1, failed: 1 },
      praised: [],
      criticised: ['区发展改革委', '区教委'],
    });
    const text = await docText(office, first.id);
    expect(text).toContain('关于2026年第一季度政府网站和政务新媒体检查情况的通报');
    expect(text).toContain('潼府办〔2026〕1号');
    expect(text).toContain('共检查政府网站 2 个，合格 1 个，不合格 1 个');
    expect(text).toContain('抽查政务新媒体账号 2 个，合格 1 个，不合格 1 个');
    expect(text).toContain('首页不更新1个');
    // MON-1 availability: per site probes, failures, share and veto (7/140 = 5 % vetoes, 2/140 = 1.4 % does not).
    expect(first.figures.availability).toEqual([
      { unitName: '区发展改革委', name: '区发改委网站', probes: 140, failures: 7, share: 5, veto: true },
      { unitName: '区教委', name: '区教委网站', probes: 140, failures: 2, share: 1.4, veto: false },
    ]);
    expect(text).toContain('抽测网站 2 个，其中 1 个触发“站点无法访问”单项否决');
    expect(text).toContain('区发展改革委“区发改委网站”抽测140次、失败7次（5%），否决');
    expect(text).toContain('区教委“区教委网站”抽测140次、失败2次（1.4%）');
    expect(text).toContain('140次/失败7次（5%，否决）');
    expect(text).toContain('链接不可用2处');
    expect(text).toContain('内容不更新1个、未提供有效互动功能1个');
    expect(text).toContain('区教委“教育潼南”：内容不更新');
    expect(text).toContain('区发展改革委、区教委等 2 个单位');
    expect(text).toContain('区发展改革委“区发改委网站”：首页不更新');
    expect(text).toContain('潼南区人民政府办公室');
    expect(text).not.toMatch(/〔\d{4}〕\s*号/);
  });

  it('the next 通报 takes the next number; a half-year one counts only its period', async () => {
    const r = await office.post<Bulletin>('/api/media/bulletins', { year: 2025, period: 'H2' });
    expect(r.body.data).toMatchObject({ docNumber: '潼府办〔2026〕2号' });
    expect(r.body.data!.figures.sites).toEqual({ checked: 1, passed: 0, failed: 1 });
    expect(r.body.data!.figures.availability).toEqual([]);
    const text = await docText(office, r.body.data!.id);
    expect(text).toContain('2025年下半年');
  });

  it('publish: 403 for a liaison, then published once (409 again)', async () => {
    expect((await fgw.post(`/api/media/bulletins/${first.id}/publish`)).status).toBe(403);
    const r = await office.post<Bulletin>(`/api/media/bulletins/${first.id}/publish`);
    expect(r.status).toBe(200);
    expect(r.body.data!.status).toBe('published');
    expect((await office.post(`/api/media/bulletins/${first.id}/publish`)).status).toBe(409);
  });

  it('the portal lists the published 通报 only, with its .docx to download', async () => {
    const page = await api.anon().request('GET', '/xxgk/wzjc');
    expect(page.status).toBe(200);
    const html = await page.raw.text();
    expect(html).toContain('关于2026年第一季度政府网站和政务新媒体检查情况的通报');
    expect(html).toContain('潼府办〔2026〕1号');
    expect(html).not.toContain('2025年下半年');
    const file = await api.anon().request('GET', `/xxgk/wzjc/${first.id}.docx`);
    expect(file.status).toBe(200);
    expect(file.raw.headers.get('content-disposition')).toContain('.docx');
    const drafts = (await office.get<Bulletin[]>('/api/media/bulletins')).body.data!;
    const draft = drafts.find((b) => b.status === 'draft')!;
    expect((await api.anon().request('GET', `/xxgk/wzjc/${draft.id}.docx`)).status).toBe(404);
    // A liaison sees the published 通报 only, never a draft naming every unit before release.
    const forLiaison = (await fgw.get<Bulletin[]>('/api/media/bulletins')).body.data!;
    expect(forLiaison.map((b) => b.id)).toEqual([first.id]);
    expect((await fgw.request('GET', `/api/media/bulletins/${draft.id}/file`)).status).toBe(404);
    expect((await fgw.request('GET', `/api/media/bulletins/${first.id}/file`)).status).toBe(200);
  });
});

describe('dashboard: site health and open 整改 by unit', () => {
  it('401, 403 without the register permission, 400 for a bad date', async () => {
    expect((await api.anon().get('/api/media/dashboard')).status).toBe(401);
    const secadmin = await api.loginAs('secadmin');
    expect((await secadmin.get('/api/media/dashboard')).status).toBe(403);
    expect((await office.get('/api/media/dashboard?from=2026-13-01')).status).toBe(400);
  });

  it('checks in the window per site; open and overdue 整改 per unit; a liaison sees its unit only', async () => {
    const r = await office.get<MediaDashboard>('/api/media/dashboard?from=2026-01-01&to=2026-03-02');
    expect(r.status).toBe(200);
    expect(r.body.data!.health.map((h) => [h.name, h.checks])).toEqual([
      ['区发改委网站', [{ asOf: '2026-02-10', verdict: '不合格', findings: 2 }]],
      ['区教委网站', [{ asOf: '2026-02-11', verdict: '合格', findings: 0 }]],
    ]);
    expect(r.body.data!.openByUnit).toMatchObject([{ unitName: '区发展改革委', open: 2, overdue: 1 }]);
    // The register shows the same: the latest check and the open 整改 of each site.
    const sites = await office.get<{ items: WebsiteRow[] }>('/api/media/websites');
    expect(sites.body.data!.items.find((w) => w.name === '区发改委网站')).toMatchObject({
      lastCheck: { asOf: '2026-02-10', verdict: '不合格', findings: 2 },
      openRectifications: 2,
    });
    const own = await jw.get<MediaDashboard>('/api/media/dashboard');
    expect(own.body.data!.health.map((h) => h.name)).toEqual(['区教委网站']);
    expect(own.body.data!.openByUnit).toEqual([]);
  });
});
