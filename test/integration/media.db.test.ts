// Issue 12 parts 1–4: the register (import all-or-nothing with duplicate URLs), filings with the signed scan
// (refused without it, unit scope, office review changes the register), website checks on demand against a site
// served here, and the 整改 round trip (finding → task in the unit's ledger → re-check closes both).
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FilingRow, Rectification, SiteCheck, WebsiteRow } from '../../src/contracts/media';
import { auditLog, mediaWebsites, taskAssignments, units } from '../../src/server/db/schema';
import { sitesDue } from '../../src/server/modules/media/checks';
import { registeredJobs } from '../../src/server/platform/jobs/scheduler';
import { writeTable } from '../../src/server/platform/xlsx';
import { type Client, setupApi, type TestApi } from '../api';

const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 73, 72, 68, 82]);
const HEAD = ['网站名称', '网址', '主办单位', '网站标识码', 'ICP备案号', '公安机关备案号', '承办单位'];

let api: TestApi;
let office: Client;
let fgw: Client;
let jw: Client;
let fgwUnit: string;
let site: http.Server;
let siteUrl: string;
let fixed = false;

beforeAll(async () => {
  site = http.createServer((req, res) => {
    const foot =
      '<p>主办单位：区发展改革委 联系电话：023-1234567 网站标识码：5001030001 渝ICP备123号 渝公网安备456号</p>';
    if (req.url === '/')
      return res
        .writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
        .end(
          `<html><body><ul><li><span>2026-03-01</span><a href="/a.html">通知</a></li></ul><a href="${fixed ? '/a.html' : '/gone.html'}">专题</a>${foot}</body></html>`,
        );
    if (req.url === '/a.html')
      return res
        .writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
        .end(`<html><body><h1>通知</h1><p>发布日期：2026-03-01</p>${foot}</body></html>`);
    res.writeHead(404).end();
  });
  await new Promise<void>((r) => site.listen(0, '127.0.0.1', r));
  siteUrl = `http://127.0.0.1:${(site.address() as AddressInfo).port}/`;
  api = await setupApi({ config: { linkProbePrivate: true } });
  office = await api.loginAs('office');
  fgw = await api.loginAs('fgw_liaison');
  jw = await api.loginAs('jw_liaison');
  fgwUnit = (await api.tdb.database.db.select().from(units).where(eq(units.name, '区发展改革委')))[0]!.id;
});
afterAll(async () => {
  await api.close();
  site.closeAllConnections();
  await new Promise<void>((r) => site.close(() => r()));
});

const sheet = (rows: string[][]) => writeTable('网站', HEAD, rows);
const websites = async (c: Client) =>
  (await c.get<{ items: WebsiteRow[] }>('/api/media/websites')).body.data!.items;

describe('register import (.xlsx, all-or-nothing)', () => {
  it('401 without a session, 403 for a liaison', async () => {
    expect((await api.anon().get('/api/media/websites')).status).toBe(401);
    const r = await fgw.upload('/api/media/websites/import', '网站.xlsx', await sheet([]));
    expect(r.status).toBe(403);
  });

  it('400 on duplicate URLs (in the file or the register) and imports nothing', async () => {
    const r = await office.upload(
      '/api/media/websites/import',
      '网站.xlsx',
      await sheet([
        ['区发改委网站', 'http://fgw.example.gov.cn/', '区发展改革委', '', '', '', ''],
        ['区发改委网站（旧）', 'https://www.FGW.example.gov.cn/index.html', '区发展改革委', '', '', '', ''],
        ['区教委网站', 'http://jw.example.gov.cn/', '不存在的单位', '', '', '', ''],
      ]),
    );
    expect(r.status).toBe(400);
    expect(r.body.error!.message).toContain('第3行：网址与第2行重复');
    expect(r.body.error!.message).toContain('第4行：主办单位“不存在的单位”不在单位列表中');
    expect(await websites(office)).toEqual([]);
  });

  it('imports a clean sheet with an audit row; a liaison sees only their unit', async () => {
    const r = await office.upload<{ imported: number }>(
      '/api/media/websites/import',
      '网站.xlsx',
      await sheet([
        [
          '区发改委网站',
          siteUrl,
          '区发展改革委',
          '5001030001',
          '渝ICP备123号',
          '渝公网安备456号',
          '区大数据中心',
        ],
        ['区教委网站', 'http://jw.example.gov.cn/', '区教委', '', '', '', ''],
      ]),
    );
    expect(r.status).toBe(200);
    expect(r.body.data).toEqual({ imported: 2 });
    expect((await websites(office)).map((w) => w.name).sort()).toEqual(['区发改委网站', '区教委网站']);
    expect((await websites(fgw)).map((w) => w.name)).toEqual(['区发改委网站']);
    const again = await office.upload(
      '/api/media/websites/import',
      '网站.xlsx',
      await sheet([['重复', siteUrl, '区发展改革委', '', '', '', '']]),
    );
    expect(again.status).toBe(400);
    expect(again.body.error!.message).toContain('网址已在登记册中（区发改委网站）');
    const rows = await api.tdb.database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'media.websites.import'));
    expect(rows).toHaveLength(1);
  });
});

describe('filings: 开设/变更/关停/注销 with the signed scan, reviewed by the office', () => {
  let scan: string;
  const account = {
    platform: 'wechat',
    name: '柳塘发改',
    accountId: 'gh_123',
    sponsor: '区发展改革委',
    maintainer: '区融媒体中心',
  };

  it('a filing without the scan is refused (400) in Chinese', async () => {
    const r = await fgw.post('/api/media/filings', {
      kind: 'open',
      target: 'account',
      unitId: fgwUnit,
      account,
    });
    expect(r.status).toBe(400);
    expect(JSON.stringify(r.body.error)).toContain('请上传主要负责人签字并加盖公章的申请扫描件');
  });

  it('upload the scan, file 开设 for the own unit; another unit is 404', async () => {
    const u = await fgw.upload<{ fileId: string }>('/api/media/scans', '申请.png', PNG);
    expect(u.status).toBe(200);
    scan = u.body.data!.fileId;
    const other = await jw.post('/api/media/filings', {
      kind: 'open',
      target: 'account',
      unitId: fgwUnit,
      account,
      scanFileId: scan,
    });
    expect(other.status).toBe(404);
    const r = await fgw.post<FilingRow>('/api/media/filings', {
      kind: 'open',
      target: 'account',
      unitId: fgwUnit,
      account,
      scanFileId: scan,
    });
    expect(r.status).toBe(200);
    expect(r.body.data).toMatchObject({
      status: 'pending',
      kind: 'open',
      targetName: '柳塘发改',
      scan: { name: '申请.png' },
    });
  });

  it('a liaison cannot review (403); the office approves and the account is registered', async () => {
    const list = (await office.get<{ items: FilingRow[] }>('/api/media/filings?status=pending')).body.data!
      .items;
    expect(list).toHaveLength(1);
    const id = list[0]!.id;
    expect((await fgw.post(`/api/media/filings/${id}/review`, { decision: 'approve' })).status).toBe(403);
    expect((await office.post(`/api/media/filings/${id}/review`, { decision: 'reject' })).status).toBe(400); // reason needed
    const r = await office.post<FilingRow>(`/api/media/filings/${id}/review`, { decision: 'approve' });
    expect(r.status).toBe(200);
    expect(r.body.data!.status).toBe('approved');
    const accounts = (await fgw.get<{ items: { id: string; status: string }[] }>('/api/media/accounts')).body
      .data!.items;
    expect(accounts).toMatchObject([{ name: '柳塘发改', status: 'running' }]);
    expect((await office.post(`/api/media/filings/${id}/review`, { decision: 'approve' })).status).toBe(409);
  });

  it('关停 then 注销 change the status; 关停 twice is refused', async () => {
    const acc = (await fgw.get<{ items: { id: string }[] }>('/api/media/accounts')).body.data!.items[0]!;
    for (const kind of ['close', 'cancel'] as const) {
      const f = await fgw.post<FilingRow>('/api/media/filings', {
        kind,
        target: 'account',
        targetId: acc.id,
        scanFileId: scan,
      });
      expect(f.status).toBe(200);
      expect(
        (await office.post(`/api/media/filings/${f.body.data!.id}/review`, { decision: 'approve' })).status,
      ).toBe(200);
    }
    const after = (await fgw.get<{ items: { status: string }[] }>('/api/media/accounts')).body.data!
      .items[0]!;
    expect(after.status).toBe('cancelled');
    const again = await fgw.post('/api/media/filings', {
      kind: 'close',
      target: 'account',
      targetId: acc.id,
      scanFileId: scan,
    });
    expect(again.status).toBe(400);
    expect(again.body.error!.message).toBe('该渠道已注销，不能再办理备案');
  });
});

describe('website check and the 整改 round trip', () => {
  it('403 for a liaison to run a check; 400 for a bad as-of date', async () => {
    const w = (await websites(fgw))[0]!;
    expect((await fgw.post(`/api/media/websites/${w.id}/check`, {})).status).toBe(403);
    expect((await office.post(`/api/media/websites/${w.id}/check`, { asOf: '2026-02-30' })).status).toBe(400);
  });

  it('finding → 整改 task in the unit’s ledger (5 working days) → fixed → re-check closes both', async () => {
    const db = api.tdb.database.db;
    const [w] = await db.select().from(mediaWebsites).where(eq(mediaWebsites.url, siteUrl));
    const first = await office.post<SiteCheck>(`/api/media/websites/${w!.id}/check`, { asOf: '2026-03-02' });
    expect(first.status).toBe(200);
    expect(first.body.data!.findings.map((f) => [f.kind, f.target])).toEqual([
      ['broken_link', `${siteUrl}gone.html`],
    ]);
    expect(first.body.data!.verdict).toBe('合格');
    const open = (await fgw.get<Rectification[]>(`/api/media/websites/${w!.id}/rectifications`)).body.data!;
    expect(open).toMatchObject([{ status: 'open', dueDate: '2026-03-09' }]); // 2026-03-02 (Mon) + 5 working days
    const [task] = await db
      .select()
      .from(taskAssignments)
      .where(eq(taskAssignments.id, open[0]!.taskAssignmentId!));
    expect(task).toMatchObject({ unitId: fgwUnit, state: 'not_started', dueDate: '2026-03-09' });

    // The same fault again opens nothing new.
    await office.post(`/api/media/websites/${w!.id}/check`, { asOf: '2026-03-02' });
    expect(
      (await office.get<Rectification[]>(`/api/media/websites/${w!.id}/rectifications`)).body.data,
    ).toHaveLength(1);

    fixed = true;
    const re = await office.post<SiteCheck>(`/api/media/websites/${w!.id}/check`, { asOf: '2026-03-03' });
    expect(re.body.data!.findings).toEqual([]);
    const after = (await office.get<Rectification[]>(`/api/media/websites/${w!.id}/rectifications`)).body
      .data!;
    expect(after).toMatchObject([{ status: 'closed' }]);
    const [closed] = await db
      .select()
      .from(taskAssignments)
      .where(eq(taskAssignments.id, open[0]!.taskAssignmentId!));
    expect(closed!.state).toBe('closed');
    const checks = (await fgw.get<SiteCheck[]>(`/api/media/websites/${w!.id}/checks`)).body.data!;
    expect(checks).toHaveLength(3);
    const audits = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'media.site.check'), eq(auditLog.objectId, w!.id)));
    expect(audits).toHaveLength(3);
  });

  it('a liaison of another unit cannot read the site’s checks (404, as for an unknown site)', async () => {
    const w = (await websites(fgw))[0]!;
    expect((await jw.get(`/api/media/websites/${w.id}/checks`)).status).toBe(404);
  });
});

describe('scheduled checks', () => {
  it('the weekly job is registered and picks the sites not checked within 7 days, never-checked first', async () => {
    expect(registeredJobs().map((j) => j.name)).toContain('media.site-checks');
    const db = api.tdb.database.db;
    const all = await db.select().from(mediaWebsites);
    const name = (id: string) => all.find((w) => w.id === id)!.name;
    // The checks above were stored at the real time of the run: a week later both sites are due again.
    const now = new Date();
    expect((await sitesDue(api.tdb.database, now, 7, 10)).map((s) => name(s.id))).toEqual(['区教委网站']);
    const later = new Date(now.getTime() + 8 * 86_400_000);
    expect((await sitesDue(api.tdb.database, later, 7, 10)).map((s) => name(s.id))).toEqual([
      '区教委网站',
      '区发改委网站',
    ]);
    expect(await sitesDue(api.tdb.database, later, 7, 1)).toHaveLength(1);
  });
});
