// 规范性文件清理, stale citations and 合法性审核/备案审查 (issue 13 part 5), through the demo district's 三审.
// The test clock stands at 2026-03-02 09:00 (Beijing).
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  Campaign,
  CampaignDetail,
  LegalRow,
  MarkRow,
  StaleCitation,
} from '../../src/contracts/normative';
import { auditLog, disclosureItems, units } from '../../src/server/db/schema';
import { type Client, setupApi, type TestApi } from '../api';

let api: TestApi;
const as: Record<string, Client> = {};
let fgwUnit: string;
const base = '/api/disclosure/normative';

/** Drafted by the fgw liaison, taken through 初审, 复审 and 终审. */
async function published(body: Record<string, unknown>): Promise<string> {
  const r = await as.fgw_liaison!.draftItem({
    bodyHtml: '<p>正文。</p>',
    ...body,
  });
  if (r.status !== 201) throw new Error(JSON.stringify(r.body));
  const id = r.body.data!.id;
  await as.fgw_liaison!.post(`/api/disclosure/items/${id}/submit`, {});
  for (const u of ['fgw_reviewer', 'office_reviewer', 'leader'])
    await as[u]!.post(`/api/disclosure/items/${id}/approve`, { comment: '同意' });
  const [row] = await api.tdb.database.db.select().from(disclosureItems).where(eq(disclosureItems.id, id));
  if (row?.status !== 'published') throw new Error(`not published: ${row?.status}`);
  return id;
}

let keep: string;
let repeal: string;
let citing: string;
beforeAll(async () => {
  api = await setupApi();
  for (const u of [
    'fgw_liaison',
    'fgw_reviewer',
    'office_reviewer',
    'leader',
    'office',
    'jw_liaison',
    'auditor',
  ])
    as[u] = await api.loginAs(u);
  fgwUnit = (await api.tdb.database.db.select().from(units).where(eq(units.name, '区发展改革委')))[0]!.id;
  keep = await published({
    kind: 'normative',
    title: '产业扶持资金管理办法',
    docNumber: '潼发改规〔2024〕1号',
    writtenDate: '2024-03-01',
  });
  repeal = await published({
    kind: 'normative',
    title: '粮食收购补贴实施细则',
    docNumber: '潼发改规〔2023〕2号',
    writtenDate: '2023-05-01',
  });
  citing = await published({
    title: '关于申报粮食收购补贴的通知',
    bodyHtml: '<p>根据《粮食收购补贴实施细则》（潼发改规[2023]2号），现将申报事项通知如下。</p>',
  });
}, 120_000);
afterAll(() => api.close());

describe('清理 campaign', () => {
  let campaign: Campaign;

  it('401, 403, 400 and the office starts the year’s campaign over the documents in force', async () => {
    expect((await api.anon().get(`${base}/campaigns`)).status).toBe(401);
    expect((await as.auditor!.get(`${base}/campaigns`)).status).toBe(403);
    expect(
      (await as.fgw_liaison!.post(`${base}/campaigns`, { year: 2026, dueDate: '2026-04-30' })).status,
    ).toBe(403);
    expect((await as.office!.post(`${base}/campaigns`, { year: 2026, dueDate: '2026-02-30' })).status).toBe(
      400,
    );
    expect((await as.office!.post(`${base}/campaigns`, { year: 2026, dueDate: '2026-03-01' })).status).toBe(
      400,
    );
    const r = await as.office!.post<Campaign>(`${base}/campaigns`, { year: 2026, dueDate: '2026-04-30' });
    expect(r.status).toBe(201);
    campaign = r.body.data!;
    expect(campaign).toMatchObject({
      title: '2026年行政规范性文件清理',
      status: 'open',
      total: 2,
      marked: 0,
    });
    expect((await as.office!.post(`${base}/campaigns`, { year: 2026, dueDate: '2026-04-30' })).status).toBe(
      409,
    );
  });

  it('a unit marks its own documents; another unit sees none and may not mark; a repeal needs a reason', async () => {
    const other = await as.jw_liaison!.get<CampaignDetail>(`${base}/campaigns/${campaign.id}`);
    expect(other.body.data!.marks).toEqual([]);
    const mine = (await as.fgw_liaison!.get<CampaignDetail>(`${base}/campaigns/${campaign.id}`)).body.data!;
    expect(mine.units).toEqual([{ unitId: fgwUnit, unitName: '区发展改革委', total: 2, marked: 0 }]);
    const byTitle = new Map(mine.marks.map((m) => [m.title, m]));
    const rep = byTitle.get('粮食收购补贴实施细则')!;
    const url = (m: MarkRow) => `${base}/campaigns/${campaign.id}/marks/${m.id}`;
    expect(
      (await as.jw_liaison!.put(url(rep), { decision: 'repeal', reason: '上位政策已调整' })).status,
    ).toBe(404);
    const noReason = await as.fgw_liaison!.put(url(rep), { decision: 'repeal' });
    expect(noReason.status).toBe(400);
    expect(noReason.body.error?.message).toBe('标记为“废止”须说明理由');
    const ok = await as.fgw_liaison!.put<MarkRow>(url(rep), { decision: 'repeal', reason: '上位政策已调整' });
    expect(ok.body.data).toMatchObject({ decision: 'repeal', reason: '上位政策已调整' });
    const audits = await api.tdb.database.db.select().from(auditLog).where(eq(auditLog.objectId, rep.id));
    expect(audits.map((a) => a.action)).toEqual(['disclosure.normative.mark']);
  });

  it('cannot publish while a document is unmarked; once all are marked, the 废止 one is repealed that day', async () => {
    const unmarked = await as.office!.post(`${base}/campaigns/${campaign.id}/publish`);
    expect(unmarked.status).toBe(400);
    expect(unmarked.body.error?.message).toContain('还有 1 件文件未标记清理意见（区发展改革委）');
    const d = (await as.fgw_liaison!.get<CampaignDetail>(`${base}/campaigns/${campaign.id}`)).body.data!;
    const k = d.marks.find((m) => m.itemId === keep)!;
    expect(
      (await as.fgw_liaison!.put(`${base}/campaigns/${campaign.id}/marks/${k.id}`, { decision: 'keep' }))
        .status,
    ).toBe(200);
    expect((await as.fgw_liaison!.post(`${base}/campaigns/${campaign.id}/publish`)).status).toBe(403);
    const pub = await as.office!.post<Campaign>(`${base}/campaigns/${campaign.id}/publish`);
    expect(pub.body.data).toMatchObject({ status: 'published', publishedOn: '2026-03-02', marked: 2 });
    const [row] = await api.tdb.database.db
      .select()
      .from(disclosureItems)
      .where(eq(disclosureItems.id, repeal));
    expect(row).toMatchObject({ validity: 'repealed', repealedDate: '2026-03-02' });
    const after = await as.fgw_liaison!.put(`${base}/campaigns/${campaign.id}/marks/${k.id}`, {
      decision: 'amend',
      reason: 'x',
    });
    expect(after.status).toBe(409);
  });

  it('the portal shows the result by decision, with the reasons', async () => {
    const list = await (await api.anon().request('GET', '/xxgk/gfxwj/ql')).raw.text();
    expect(list).toContain('/xxgk/gfxwj/ql/2026');
    const page = await (await api.anon().request('GET', '/xxgk/gfxwj/ql/2026')).raw.text();
    expect(page).toContain('继续有效（1 件）');
    expect(page).toContain('废止（1 件）');
    expect(page).toContain('上位政策已调整');
    expect((await api.anon().request('GET', '/xxgk/gfxwj/ql/2025')).status).toBe(404);
  });
});

describe('stale citations', () => {
  it('flags the published notice that cites the repealed 细则, for its unit only', async () => {
    const r = await as.fgw_liaison!.get<StaleCitation[]>(`${base}/stale-citations`);
    expect(r.body.data).toEqual([
      {
        itemId: citing,
        title: '关于申报粮食收购补贴的通知',
        kind: 'general',
        unitName: '区发展改革委',
        cited: [
          {
            itemId: repeal,
            title: '粮食收购补贴实施细则',
            docNumber: '潼发改规〔2023〕2号',
            validity: 'repealed',
          },
        ],
      },
    ]);
    expect((await as.jw_liaison!.get<StaleCitation[]>(`${base}/stale-citations`)).body.data).toEqual([]);
  });
});

describe('合法性审核 and 备案审查', () => {
  it('records the review and the filing of a document of the unit; dates in order; audited', async () => {
    const rows = (await as.fgw_liaison!.get<LegalRow[]>(`${base}/legal`)).body.data!;
    const doc = rows.find((r) => r.itemId === keep)!;
    expect(doc).toMatchObject({ legalityReviewedOn: null, filingNumber: null });
    const body = {
      legalityReviewedOn: '2024-02-20',
      legalityOpinion: '司法局审核通过',
      filingNumber: '潼人大备〔2024〕5号',
      filedOn: '2024-03-10',
    };
    expect((await as.jw_liaison!.put(`${base}/legal/${doc.rootId}`, body)).status).toBe(404);
    expect(
      (await as.fgw_liaison!.put(`${base}/legal/${doc.rootId}`, { ...body, filedOn: '2024-01-01' })).status,
    ).toBe(400);
    expect((await as.fgw_liaison!.put(`${base}/legal/${doc.rootId}`, body)).status).toBe(200);
    const again = (await as.office!.get<LegalRow[]>(`${base}/legal`)).body.data!.find(
      (r) => r.itemId === keep,
    )!;
    expect(again).toMatchObject(body);
  });
});
