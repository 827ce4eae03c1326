// Per-unit 政府信息公开指南 (条例 Art. 12, issue 5 part 7): the office edits a unit's guide in the console API and the
// portal shows it at /xxgk/guide?unit=…; units without one get the generated outline.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, units } from '../../src/server/db/schema';
import { type Client, setupApi, type TestApi } from '../api';

let api: TestApi;
let office: Client;
let liaison: Client;
let jw: Client;
let fgwUnit: string;

const GUIDE = {
  classification: '本机关主动公开的政府信息按机构职能、法规文件、规划信息分类编排。\n每条信息标注索引号。',
  howToObtain: '通过区政府门户网站查阅；也可向本机关提出政府信息公开申请。',
  officeName: '区发展改革委办公室',
  address: '重庆市潼南区梓潼街道兴潼大道 1 号',
  hours: '法定工作日 9:00—12:00，14:00—17:30',
  phone: '023-44551234',
  fax: '023-44551235',
  website: 'https://www.cqstn.gov.cn/bm/fgw/',
  email: 'fgw@example.gov.cn',
};

beforeAll(async () => {
  api = await setupApi();
  fgwUnit = (await api.tdb.database.db.select().from(units).where(eq(units.name, '区发展改革委')))[0]!.id;
  office = await api.loginAs('office');
  liaison = await api.loginAs('fgw_liaison');
  jw = await api.loginAs('jw_liaison');
});
afterAll(() => api?.close());

const page = async (path: string) => {
  const r = await api.app.request(path);
  return { status: r.status, html: await r.text() };
};

describe('unit 指南', () => {
  it('falls back to the generated outline before the office edits it', async () => {
    expect((await liaison.get(`/api/disclosure/units/${fgwUnit}/guide`)).body.data).toEqual({ guide: null });
    const p = await page(`/xxgk/guide?unit=${fgwUnit}`);
    expect(p.status).toBe(200);
    expect(p.html).toContain('区发展改革委政府信息公开指南');
    expect(p.html).toContain('法定主动公开内容按条例第二十条');
    expect(p.html).not.toContain('023-44551234');
  });

  it('refuses anonymous users, the wrong role, other units and incomplete guides', async () => {
    const path = `/api/disclosure/units/${fgwUnit}/guide`;
    expect((await api.anon().put(path, { guide: GUIDE })).status).toBe(401);
    expect((await liaison.put(path, { guide: GUIDE })).status).toBe(403);
    expect((await jw.get(path)).status).toBe(404);
    const missing = await office.put(path, { guide: { ...GUIDE, phone: '' } });
    expect(missing.status).toBe(400);
    expect(JSON.stringify(missing.body.error)).toContain('联系电话');
    expect((await office.put(path, { guide: { ...GUIDE, email: 'not-an-email' } })).status).toBe(400);
    expect((await office.put('/api/disclosure/units/nope/guide', { guide: GUIDE })).status).toBe(400);
  });

  it('saves the office edit (audited) and shows every Art. 12 field on the portal page of that unit', async () => {
    const r = await office.put(`/api/disclosure/units/${fgwUnit}/guide`, { guide: GUIDE });
    expect(r.status).toBe(200);
    expect((await liaison.get(`/api/disclosure/units/${fgwUnit}/guide`)).body.data).toEqual({ guide: GUIDE });
    const logged = await api.tdb.database.db.select().from(auditLog).where(eq(auditLog.objectId, fgwUnit));
    expect(logged.map((l) => l.action)).toContain('disclosure.guide.update');

    const p = await page(`/xxgk/guide?unit=${fgwUnit}`);
    expect(p.status).toBe(200);
    for (const v of [
      '本机关主动公开的政府信息按机构职能、法规文件、规划信息分类编排。',
      '每条信息标注索引号。',
      GUIDE.howToObtain,
      GUIDE.officeName,
      GUIDE.address,
      GUIDE.hours,
      GUIDE.phone,
      GUIDE.fax,
      `href="${GUIDE.website}"`,
      `href="mailto:${GUIDE.email}"`,
    ])
      expect(p.html).toContain(v);
    expect(p.html).not.toContain('法定主动公开内容按条例第二十条');
    // The district's own guide is still the outline, and links to the unit's guide.
    const root = await page('/xxgk/guide');
    expect(root.html).toContain('法定主动公开内容按条例第二十条');
    expect(root.html).toContain(`/xxgk/guide?unit=${fgwUnit}`);
  });

  it('escapes what the office typed and answers 404 for an unknown unit', async () => {
    await office.put(`/api/disclosure/units/${fgwUnit}/guide`, {
      guide: { ...GUIDE, address: '<script>alert(1)</script>', website: 'javascript:alert(1)' },
    });
    const p = await page(`/xxgk/guide?unit=${fgwUnit}`);
    expect(p.html).not.toContain('<script>alert(1)');
    expect(p.html).not.toContain('href="javascript:');
    expect((await page('/xxgk/guide?unit=00000000-0000-0000-0000-000000000000')).status).toBe(404);
    expect((await page('/xxgk/guide?unit=x')).status).toBe(404);
  });

  it('resetting the guide brings the outline back', async () => {
    expect((await office.put(`/api/disclosure/units/${fgwUnit}/guide`, { guide: null })).status).toBe(200);
    expect((await page(`/xxgk/guide?unit=${fgwUnit}`)).html).toContain('法定主动公开内容按条例第二十条');
  });
});
