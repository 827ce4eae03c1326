// SECURITY.md 14 and 31: an anonymous crawler finds nothing of a draft or of a withdrawn item — not its page, its
// attachment, its title in the portal search, a column list or the home page — and a published attachment is
// served as a download (Content-Disposition: attachment with an RFC 6266 filename*, nosniff).
import { eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ColumnRow } from '../../src/contracts/disclosure';
import { units } from '../../src/server/db/schema';
import { createUser } from '../../src/server/modules/org/users.service';
import { systemActor } from '../../src/server/platform/context';
import { type Client, setupApi, type TestApi } from '../api';

const PW = 'Review#Gongkai2';
const TITLE = '关于桐梓湾片区排水管网改造的公示';
const WORD = '桐梓湾片区';
let api: TestApi;
let liaison: Client;
let reviewers: Client[];
let id: string;
let attachmentId: string;
let columnId: string;

async function cleanSheet(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('名单');
  ws.addRow(['序号', '路段']);
  ws.addRow(['1', '桐梓湾一路']);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/** Every place an anonymous visitor could meet the item, and whether the item shows there. */
async function crawl(): Promise<Record<string, number | boolean>> {
  const anon = api.anon();
  const text = async (path: string) => (await anon.request('GET', path)).raw.text();
  const link = `/xxgk/info/${id}`;
  return {
    page: (await anon.request('GET', link)).status,
    file: (await anon.request('GET', `/xxgk/file/${attachmentId}`)).status,
    inSearch: (await text(`/xxgk/search?q=${encodeURIComponent(WORD)}`)).includes(link),
    inColumn: (await text(`/xxgk/column/${columnId}`)).includes(link),
    onHome: (await text('/')).includes(link),
    titleOnPage: (await text(link)).includes(WORD),
  };
}

beforeAll(async () => {
  api = await setupApi();
  const [fgw] = await api.tdb.database.db.select().from(units).where(eq(units.name, '区发展改革委'));
  for (const username of ['crawl_r2', 'crawl_r3']) {
    await createUser(
      api.tdb.database,
      api.platform.fieldKeys,
      { dataScope: 'all', unitId: fgw!.id, roles: ['sysadmin'], id: 'x' },
      systemActor('test'),
      { username, name: username, unitId: fgw!.id, roles: ['reviewer'], password: PW },
      api.clock.now(),
    );
  }
  liaison = await api.loginAs('fgw_liaison');
  reviewers = [
    await api.loginAs('fgw_reviewer'),
    await api.loginAs('crawl_r2', PW),
    await api.loginAs('crawl_r3', PW),
  ];
  const office = await api.loginAs('office');
  const columns = (await office.get<ColumnRow[]>(`/api/disclosure/columns?unitId=${fgw!.id}`)).body.data!;
  columnId = columns.find((c) => c.name === '重大建设项目')!.id;
});
afterAll(() => api.close());

describe('an anonymous crawler', () => {
  it('finds nothing of a draft, its attachment included', async () => {
    const r = await liaison.draftItem({
      title: TITLE,
      columnId,
      art20: 'art20_10',
      writtenDate: '2026-03-02',
      summary: `${WORD}排水管网改造项目`,
      bodyHtml: `<p>${WORD}排水管网改造项目批准和实施情况。</p>`,
    });
    expect(r.status).toBe(201);
    id = r.body.data!.id;
    const up = await liaison.upload<{ id: string }>(
      `/api/disclosure/items/${id}/attachments`,
      '路段名单.xlsx',
      await cleanSheet(),
    );
    expect(up.status).toBe(201);
    const d = await liaison.get<{ attachments: { id: string }[] }>(`/api/disclosure/items/${id}`);
    attachmentId = d.body.data!.attachments[0]!.id;
    expect(await crawl()).toEqual({
      page: 404,
      file: 404,
      inSearch: false,
      inColumn: false,
      onHome: false,
      titleOnPage: false,
    });
    // Submitted but not yet through the last review: still nothing.
    expect((await liaison.post(`/api/disclosure/items/${id}/submit`, {})).status).toBe(200);
    expect((await reviewers[0]!.post(`/api/disclosure/items/${id}/approve`, {})).status).toBe(200);
    expect(await crawl()).toMatchObject({ page: 404, file: 404, inSearch: false, inColumn: false });
  });

  it('finds the published item, and its attachment is served as a download', async () => {
    expect((await reviewers[1]!.post(`/api/disclosure/items/${id}/approve`, {})).status).toBe(200);
    const last = await reviewers[2]!.post<{ status: string }>(`/api/disclosure/items/${id}/approve`, {});
    expect(last.body.data!.status).toBe('published');
    expect(await crawl()).toMatchObject({
      page: 200,
      file: 200,
      inSearch: true,
      inColumn: true,
      titleOnPage: true,
    });
    const file = await api.anon().request('GET', `/xxgk/file/${attachmentId}`);
    const disposition = file.headers.get('content-disposition') ?? '';
    expect(disposition).toMatch(/^attachment;/);
    expect(disposition).toContain(`filename*=UTF-8''${encodeURIComponent('路段名单.xlsx')}`);
    expect(file.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('finds nothing of it once withdrawn: 404 everywhere, gone from search, lists and the home page', async () => {
    expect(
      (await reviewers[0]!.post(`/api/disclosure/items/${id}/withdraw`, { reason: '项目调整' })).status,
    ).toBe(200);
    expect(await crawl()).toEqual({
      page: 404,
      file: 404,
      inSearch: false,
      inColumn: false,
      onHome: false,
      titleOnPage: false,
    });
  });
});
