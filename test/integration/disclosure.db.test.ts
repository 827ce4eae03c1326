// Disclosure (issue 5): catalog, drafting with checks, mask, three-level review, permissions, publishing to the
// portal and search, withdrawal (404), corrections, normative counts.
import { eq, sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { strToU8, zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ColumnRow, SearchResult } from '../../src/contracts/disclosure';
import type { Finding } from '../../src/domain/review/types';
import { units } from '../../src/server/db/schema';
import { normativeDocumentCounts } from '../../src/server/modules/disclosure';
import { createUser } from '../../src/server/modules/org/users.service';
import { systemActor } from '../../src/server/platform/context';
import { type Client, setupApi, type TestApi } from '../api';
import { buildPdf } from '../pdf';

const PW = 'Review#Gongkai2';
let api: TestApi;
let liaison: Client;
let r1: Client;
let r2: Client;
let r3: Client;
let office: Client;
let jw: Client;
let fgwUnit: string;
let columns: ColumnRow[];

async function xlsxWithHiddenPhone(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('名单').addRow(['序号', '项目名称']).commit();
  wb.getWorksheet('名单')!.addRow(['1', '城区道路改造']);
  const hidden = wb.addWorksheet('联系人', { state: 'hidden' });
  hidden.addRow(['联系人', '电话']);
  hidden.addRow(['李四', '13912345678']);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

type Detail = {
  id: string;
  status: string;
  level: number;
  levelName: string | null;
  findings: Finding[];
  gate: { allowed: boolean; unresolved: Finding[] };
  history: { action: string; comment: string | null; levelName: string | null }[];
  attachments: { id: string; name: string }[];
  indexNo: string;
  bodyHtml: string;
  timeliness: { status: string; deadline: string } | null;
  missingInterpretation: boolean;
};

beforeAll(async () => {
  api = await setupApi();
  fgwUnit = (await api.tdb.database.db.select().from(units).where(eq(units.name, '区发展改革委')))[0]!.id;
  for (const [username, roles] of [
    ['fgw_r2', ['reviewer']],
    ['fgw_r3', ['reviewer']],
    ['fgw_both', ['liaison', 'reviewer']],
  ] as const) {
    await createUser(
      api.tdb.database,
      api.platform.fieldKeys,
      { dataScope: 'all', unitId: fgwUnit, roles: ['sysadmin'], id: 'x' },
      systemActor('test'),
      { username, name: username, unitId: fgwUnit, roles: [...roles], password: PW },
      api.clock.now(),
    );
  }
  liaison = await api.loginAs('fgw_liaison');
  r1 = await api.loginAs('fgw_reviewer');
  r2 = await api.loginAs('fgw_r2', PW);
  r3 = await api.loginAs('fgw_r3', PW);
  office = await api.loginAs('office');
  jw = await api.loginAs('jw_liaison');
  // The liaison's items go into 区发展改革委's own catalog.
  columns = (await office.get<ColumnRow[]>(`/api/disclosure/columns?unitId=${fgwUnit}`)).body.data!;
});
afterAll(() => api.close());

const col = (name: string) => columns.find((c) => c.name === name)!.id;

describe('catalog', () => {
  it('has the four standard columns and the Art. 20 categories', () => {
    const top = columns.filter((c) => !c.parentId).map((c) => c.name);
    expect(top).toEqual(['政府信息公开指南', '政府信息公开制度', '法定主动公开内容', '政府信息公开年报']);
    expect(columns.filter((c) => c.code?.startsWith('art20_'))).toHaveLength(15);
  });

  it('maps a notice path and creates the missing column', async () => {
    const path = '政府网站>政府信息公开>法定主动公开内容>规划信息>国民经济和社会发展规划';
    const dry = await liaison.post<{ missing: string[]; columnId: string }>(
      '/api/disclosure/columns/resolve-path',
      { path, unitId: fgwUnit },
    );
    expect(dry.status).toBe(200);
    expect(dry.body.data!.missing).toEqual(['国民经济和社会发展规划']);
    expect(dry.body.data!.columnId).toBe(col('规划信息'));
    expect(
      (await liaison.post('/api/disclosure/columns/resolve-path', { path, create: true, unitId: fgwUnit }))
        .status,
    ).toBe(403);
    const made = await office.post<{ created: number; columnId: string }>(
      '/api/disclosure/columns/resolve-path',
      { path, create: true, unitId: fgwUnit },
    );
    expect(made.body.data!.created).toBe(1);
    const again = await office.post<{ created: number; columnId: string }>(
      '/api/disclosure/columns/resolve-path',
      { path, create: true, unitId: fgwUnit },
    );
    expect(again.body.data).toMatchObject({ created: 0, columnId: made.body.data!.columnId });
  });

  it('guards the column routes', async () => {
    expect((await api.anon().get('/api/disclosure/columns')).status).toBe(401);
    expect((await liaison.post('/api/disclosure/columns', { name: '其他专项信息' })).status).toBe(403);
    expect((await office.post('/api/disclosure/columns', { name: '' })).status).toBe(400);
    const ok = await office.post<ColumnRow>('/api/disclosure/columns', { name: '其他专项信息' });
    expect(ok.status).toBe(201);
    expect((await office.post('/api/disclosure/columns', { name: '其他专项信息' })).status).toBe(409);
    expect((await office.del(`/api/disclosure/columns/${col('政府信息公开指南')}`)).status).toBe(409);
    expect((await office.del(`/api/disclosure/columns/${ok.body.data!.id}`)).status).toBe(200);
  });
});

describe('draft → checks → mask → three reviews → portal and search', () => {
  let id: string;

  it('drafts an item: 索引号, sanitised body, findings from body and the hidden sheet of an .xlsx', async () => {
    const r = await liaison.draftItem({
      title: '关于城区道路改造项目的公示',
      columnId: col('重大建设项目'),
      art20: 'art20_10',
      writtenDate: '2026-02-27',
      summary: '城区道路改造项目批准和实施情况',
      bodyHtml: '<p>项目联系人王五，联系电话 13812345678。</p><script>alert(1)</script>',
    });
    expect(r.status).toBe(201);
    id = r.body.data!.id;
    const up = await liaison.upload<{ findings: Finding[] }>(
      `/api/disclosure/items/${id}/attachments`,
      '项目名单.xlsx',
      await xlsxWithHiddenPhone(),
    );
    expect(up.status).toBe(201);
    expect(up.body.data!.findings.map((f) => [f.kind, f.text])).toContainEqual(['mobile', '13912345678']);
    const d = (await liaison.get<Detail>(`/api/disclosure/items/${id}`)).body.data!;
    expect(d.bodyHtml).not.toContain('script');
    expect(d.indexNo).toMatch(/^[0-9A-F]{8}-10-2026-00001$/);
    expect(d.gate.allowed).toBe(false);
    expect(d.findings.filter((f) => f.kind === 'mobile').map((f) => f.source)).toEqual([
      '正文',
      expect.stringContaining('项目名单.xlsx'),
    ]);
    // Art. 26: formed 2026-02-27 (Fri) + 20 working days: 02-28 is a 调休 Saturday (REGULATIONS.md §7.3), then
    // five full weeks of March less one day → 2026-03-26.
    expect(d.timeliness).toMatchObject({ status: 'pending', deadline: '2026-03-26' });
  });

  it('refuses a file that is not what its name says', async () => {
    const fake = new TextEncoder().encode('%PDF-1.4 not really a spreadsheet');
    const r = await liaison.upload(`/api/disclosure/items/${id}/attachments`, '名单.xlsx', fake);
    expect(r.status).toBe(400);
    expect(r.body.error!.message).toContain('扩展名与内容不符');
  });

  it('an attachment with external entities cannot be read, blocks, and leaks nothing', async () => {
    const { id: other } = (await liaison.draftItem({ title: '外部实体测试' })).body.data!;
    const xml =
      '<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]>' +
      '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>&x;</w:t></w:r></w:p></w:body></w:document>';
    const bytes = zipSync({
      '[Content_Types].xml': strToU8(
        '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
      ),
      'word/document.xml': strToU8(xml),
    });
    const r = await liaison.upload<{ findings: Finding[] }>(
      `/api/disclosure/items/${other}/attachments`,
      '通知.docx',
      bytes,
    );
    expect(r.status).toBe(201);
    expect(r.body.data!.findings.map((f) => [f.kind, f.blocking])).toEqual([['unreadable_attachment', true]]);
    expect(JSON.stringify(r.body)).not.toContain('root:');
  });

  it('keeps other units out and validates input', async () => {
    // Another unit's item answers like an unknown one (SECURITY.md 10).
    expect((await jw.get(`/api/disclosure/items/${id}`)).status).toBe(404);
    expect((await jw.post(`/api/disclosure/items/${id}/submit`, {})).status).toBe(404);
    expect((await liaison.post('/api/disclosure/items', { title: '' })).status).toBe(400);
    expect(
      (await liaison.post('/api/disclosure/items', { title: '日期', writtenDate: '2026-02-30' })).status,
    ).toBe(400);
    expect((await api.anon().post('/api/disclosure/items', { title: 'x' })).status).toBe(401);
  });

  it('masks every finding in one click', async () => {
    const r = await liaison.post<{ masked: number; findings: Finding[] }>(
      `/api/disclosure/items/${id}/mask`,
      {},
    );
    expect(r.status).toBe(200);
    expect(r.body.data!.findings.filter((f) => f.blocking)).toEqual([]);
    const d = (await liaison.get<Detail>(`/api/disclosure/items/${id}`)).body.data!;
    expect(d.bodyHtml).toContain('138****5678');
    expect(d.gate.allowed).toBe(true);
  });

  it('submits once; refuses a second submit; liaison cannot approve', async () => {
    expect((await liaison.post(`/api/disclosure/items/${id}/submit`, {})).status).toBe(200);
    const twice = await liaison.post(`/api/disclosure/items/${id}/submit`, {});
    expect(twice.status).toBe(409);
    expect((await liaison.post(`/api/disclosure/items/${id}/approve`, {})).status).toBe(403);
    expect((await liaison.saveItem(id, { title: '改' })).status).toBe(409);
  });

  it('three different reviewers approve; the same reviewer cannot take two levels', async () => {
    const bell = await r1.get<{ items: { title: string; link: string }[] }>('/api/notifications');
    expect(bell.body.data!.items.map((n) => n.title)).toContain('待初审：关于城区道路改造项目的公示');
    const inbox = await r1.get<{ items: { id: string }[] }>('/api/disclosure/items?inbox=1');
    expect(inbox.body.data!.items.map((i) => i.id)).toContain(id);
    expect((await r1.post(`/api/disclosure/items/${id}/approve`, { comment: '同意' })).status).toBe(200);
    const again = await r1.post(`/api/disclosure/items/${id}/approve`, {});
    expect(again.status).toBe(403);
    expect((await r2.post(`/api/disclosure/items/${id}/approve`, {})).status).toBe(200);
    const last = await r3.post<{ status: string }>(`/api/disclosure/items/${id}/approve`, {});
    expect(last.body.data!.status).toBe('published');
    const d = (await r3.get<Detail>(`/api/disclosure/items/${id}`)).body.data!;
    expect(d.history.map((h) => [h.action, h.levelName])).toEqual([
      ['create', null],
      ['mask', null],
      ['submit', null],
      ['approve', '初审'],
      ['approve', '复审'],
      ['approve', '终审'],
      ['publish', null],
    ]);
    expect(d.timeliness!.status).toBe('on_time');
  });

  it('appears on the portal with its metadata and attachment, cacheable', async () => {
    const anon = api.anon();
    const page = await anon.request('GET', `/xxgk/info/${id}`);
    expect(page.status).toBe(200);
    const html = await page.raw.text();
    expect(html).toContain('关于城区道路改造项目的公示');
    expect(html).toContain('项目名单.xlsx');
    expect(html).toContain('138****5678');
    expect(html).not.toContain('13812345678');
    const etag = page.headers.get('etag')!;
    expect(page.headers.get('last-modified')).toBeTruthy();
    const cached = await anon.request('GET', `/xxgk/info/${id}`, undefined, {
      headers: { 'if-none-match': etag },
    });
    expect(cached.status).toBe(304);
    const list = await (await anon.request('GET', `/xxgk/column/${col('重大建设项目')}`)).raw.text();
    expect(list).toContain(`/xxgk/info/${id}`);
    // Staff keep the masked attachment whole; the public downloads it without the hidden sheet (SECURITY.md 35).
    const d = (await liaison.get<Detail>(`/api/disclosure/items/${id}`)).body.data!;
    const staff = await liaison.request('GET', `/api/disclosure/attachments/${d.attachments[0]!.id}`);
    expect(staff.status).toBe(200);
    const kept = new ExcelJS.Workbook();
    await kept.xlsx.load(await staff.raw.arrayBuffer());
    expect(String(kept.getWorksheet('联系人')!.getCell('B2').value)).toBe('139****5678');
    const file = await anon.request('GET', `/xxgk/file/${d.attachments[0]!.id}`);
    expect(file.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await file.raw.arrayBuffer());
    expect(wb.worksheets.map((w) => w.name)).toEqual(['名单']);
    expect(String(wb.getWorksheet('名单')!.getCell('B2').value)).toBe('城区道路改造');
  });

  it('is found by search, highlighted', async () => {
    const r = await api.anon().request('GET', `/xxgk/search?q=${encodeURIComponent('道路改造')}`);
    const html = await r.raw.text();
    expect(html).toContain(`/xxgk/info/${id}`);
    expect(html).toContain('<mark>');
    const s = await r1.get<SearchResult>(`/api/disclosure/search?q=${encodeURIComponent('道路改造')}`);
    expect(s.body.data!.hits[0]!.id).toBe(id);
  });

  it('liaison cannot withdraw; a reviewer withdraws with a reason; the portal answers 404 without the title', async () => {
    expect((await liaison.post(`/api/disclosure/items/${id}/withdraw`, { reason: '内容有误' })).status).toBe(
      403,
    );
    expect((await r1.post(`/api/disclosure/items/${id}/withdraw`, { reason: '' })).status).toBe(400);
    expect(
      (await r1.post(`/api/disclosure/items/${id}/withdraw`, { reason: '项目调整，信息有误' })).status,
    ).toBe(200);
    const page = await api.anon().request('GET', `/xxgk/info/${id}`);
    expect(page.status).toBe(404);
    const gone = await page.raw.text();
    expect(gone).toContain('项目调整，信息有误');
    expect(gone).not.toContain('城区道路改造');
    const s = await r1.get<SearchResult>(`/api/disclosure/search?q=${encodeURIComponent('道路改造')}`);
    expect(s.body.data!.total).toBe(0);
  });
});

describe('review rules', () => {
  it('a reviewer cannot approve their own draft', async () => {
    const both = await api.loginAs('fgw_both', PW);
    const { id } = (await both.draftItem({ title: '自己起草的信息' })).body.data!;
    expect((await both.post(`/api/disclosure/items/${id}/submit`, {})).status).toBe(200);
    const r = await both.post(`/api/disclosure/items/${id}/approve`, {});
    expect(r.status).toBe(403);
    expect(r.body.error!.message).toContain('自己起草');
  });

  it('blocking findings stop the last level until a reviewer overrides with a reason and a PIA record', async () => {
    const { id } = (
      await liaison.draftItem({
        title: '困难群众救助名单',
        bodyHtml: '<p>申请人身份证号 11010519491231002X</p>',
      })
    ).body.data!;
    await liaison.post(`/api/disclosure/items/${id}/submit`, {});
    await r1.post(`/api/disclosure/items/${id}/approve`, {});
    await r2.post(`/api/disclosure/items/${id}/approve`, {});
    const blocked = await r3.post(`/api/disclosure/items/${id}/approve`, {});
    expect(blocked.status).toBe(409);
    const d = (await r3.get<Detail>(`/api/disclosure/items/${id}`)).body.data!;
    const f = d.gate.unresolved[0]!;
    const key = `${f.source ?? ''}|${f.kind}|${f.start}|${f.text}`;
    const pia = {
      purpose: '依据《社会救助暂行办法》第六十条公示救助对象，接受社会监督',
      impact: '公开身份证号可能被冒用，影响本人财产安全',
      measures: '仅公示30日，期满撤下；页面禁止搜索引擎收录',
    };
    const override = (c: Client, body: Record<string, string>) =>
      c.post(`/api/disclosure/items/${id}/override`, { key, ...body });
    expect((await override(liaison, { reason: '已征得本人同意', ...pia })).status).toBe(403);
    expect((await override(r3, { reason: '', ...pia })).status).toBe(400);
    // Each PIA field is required, with a Chinese message naming it; nothing is stored.
    for (const [field, label] of [
      ['purpose', '处理目的及依据'],
      ['impact', '对个人权益的影响及风险'],
      ['measures', '采取的保护措施'],
    ] as const) {
      const r = await override(r3, { reason: '已征得本人书面同意公开', ...pia, [field]: '  ' });
      expect(r.status).toBe(400);
      expect(r.body.error?.message).toContain(`请填写${label}`);
    }
    const db = api.tdb.database.db;
    const records = () =>
      db.execute<Record<string, unknown>>(sql`SELECT * FROM disclosure_pia_records WHERE item_id = ${id}`);
    expect((await records()).rows).toHaveLength(0);
    const ok1 = await r3.request(
      'POST',
      `/api/disclosure/items/${id}/override`,
      { key, reason: '已征得本人书面同意公开', ...pia },
      {
        headers: { 'x-request-id': 'rid-override-pia-1' },
      },
    );
    expect(ok1.status).toBe(200);
    const [rec] = (await records()).rows;
    const r3Me = (await r3.get<{ id: string; name: string }>('/api/auth/me')).body.data!;
    expect(rec).toMatchObject({
      item_title: '困难群众救助名单',
      finding_key: key.replace(f.text, f.masked),
      finding_kind: 'id_card',
      finding_masked: f.masked,
      ...pia,
      reason: '已征得本人书面同意公开',
      assessed_by: r3Me.id,
      assessed_by_name: r3Me.name,
      unit_id: fgwUnit,
    });
    expect(new Date(rec!.assessed_at as string).toISOString()).toBe(api.clock.now().toISOString());
    // The record holds no personal data: the finding is kept masked.
    expect(JSON.stringify(rec)).not.toContain('11010519491231002X');
    const [row] = (
      await db.execute<{
        action: string;
        object_id: string;
        username: string;
        detail: string;
        request_id: string;
      }>(sql`SELECT * FROM audit_log WHERE request_id = 'rid-override-pia-1'`)
    ).rows;
    expect(row).toMatchObject({ action: 'disclosure.item.override', object_id: id, username: 'fgw_r3' });
    expect(JSON.parse(row!.detail)).toEqual({
      kind: 'id_card',
      reason: '已征得本人书面同意公开',
      piaId: rec!.id,
    });
    const ok = await r3.post<{ status: string }>(`/api/disclosure/items/${id}/approve`, {});
    expect(ok.body.data!.status).toBe('published');

    // The office and the auditor read the record (and its .xlsx); a liaison gets 403, nobody signed in 401.
    for (const reader of [office, await api.loginAs('auditor')]) {
      const list = await reader.get<{ items: Record<string, unknown>[]; total: number }>(
        '/api/disclosure/pia-records?q=救助',
      );
      expect(list.status).toBe(200);
      expect(list.body.data!.items[0]).toMatchObject({
        itemId: id,
        unitName: '区发展改革委',
        findingKind: 'id_card',
        findingMasked: f.masked,
        ...pia,
        assessedByName: r3Me.name,
        assessedAt: api.clock.now().toISOString(),
      });
    }
    const exp = await office.get('/api/disclosure/pia-records/export');
    expect(exp.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await exp.raw.arrayBuffer());
    const text = JSON.stringify(wb.worksheets[0]!.getSheetValues());
    expect(text).toContain(pia.measures);
    expect(text).not.toContain('11010519491231002X');
    expect((await liaison.get('/api/disclosure/pia-records')).status).toBe(403);
    expect((await liaison.get('/api/disclosure/pia-records/export')).status).toBe(403);
    expect((await api.anon().get('/api/disclosure/pia-records')).status).toBe(401);
    expect((await api.anon().get('/api/disclosure/pia-records/export')).status).toBe(401);
  });

  it('text under a redaction box in a PDF blocks the last level, no reason releases it, the public never gets it', async () => {
    const line = { x: 100, y: 500, text: '救助对象张三身份证' };
    const box = { ops: '0 0 0 rg 138 496 24 12 re f' };
    const { id } = (await liaison.draftItem({ title: '救助对象公示（PDF 遮盖）' })).body.data!;
    const up = await liaison.upload<{ findings: Finding[] }>(
      `/api/disclosure/items/${id}/attachments`,
      '公示.pdf',
      buildPdf([[{ x: 100, y: 540, text: '公示名单' }], [line, box]]),
    );
    expect(up.status).toBe(201);
    expect(up.body.data!.findings.map((f) => [f.kind, f.text, f.source, f.blocking])).toEqual([
      ['covered_text', '张三', '附件 公示.pdf › 第2页', true],
    ]);
    await liaison.post(`/api/disclosure/items/${id}/submit`, {});
    await r1.post(`/api/disclosure/items/${id}/approve`, {});
    await r2.post(`/api/disclosure/items/${id}/approve`, {});
    expect((await r3.post(`/api/disclosure/items/${id}/approve`, {})).status).toBe(409);
    // Staff see the finding with its page; a reviewer cannot override it, whatever the reason.
    const d = (await r3.get<Detail>(`/api/disclosure/items/${id}`)).body.data!;
    const f = d.gate.unresolved[0]!;
    expect([f.kind, f.source, f.message]).toEqual([
      'covered_text',
      '附件 公示.pdf › 第2页',
      expect.stringContaining('PDF 中有被遮盖但未删除的文字'),
    ]);
    const key = `${f.source ?? ''}|${f.kind}|${f.start}|${f.text}`;
    // A complete override (reason and the PIA fields) is still refused: covered text is never released.
    const refused = await r3.post(`/api/disclosure/items/${id}/override`, {
      key,
      reason: '已核实遮盖内容',
      purpose: '公示处罚决定',
      impact: '遮盖下的文字可被复制',
      measures: '无',
    });
    expect(refused.status).toBe(400);
    expect(refused.body.error!.message).toContain('不能放行');
    expect((await r3.post(`/api/disclosure/items/${id}/approve`, {})).status).toBe(409);
    expect((await api.anon().request('GET', `/xxgk/info/${id}`)).status).toBe(404);
    expect((await api.anon().request('GET', `/xxgk/file/${d.attachments[0]!.id}`)).status).toBe(404);
    // The same box over no text blocks nothing.
    const { id: clean } = (await liaison.draftItem({ title: '遮盖框不压文字' })).body.data!;
    const ok = await liaison.upload<{ findings: Finding[] }>(
      `/api/disclosure/items/${clean}/attachments`,
      '公示.pdf',
      buildPdf([[line, { ops: '0 0 0 rg 400 496 24 12 re f' }]]),
    );
    expect(ok.body.data!.findings).toEqual([]);
  });

  it('return needs a comment and sends the item back to the author', async () => {
    const { id } = (await liaison.draftItem({ title: '退回测试' })).body.data!;
    await liaison.post(`/api/disclosure/items/${id}/submit`, {});
    expect((await r1.post(`/api/disclosure/items/${id}/return`, {})).status).toBe(400);
    const r = await r1.post<{ status: string }>(`/api/disclosure/items/${id}/return`, {
      comment: '请补充依据',
    });
    expect(r.body.data!.status).toBe('returned');
    expect((await liaison.saveItem(id, { title: '退回测试（已修改）' })).status).toBe(200);
  });

  it('scheduled publishing waits for its time', async () => {
    const { id } = (
      await liaison.draftItem({
        title: '定时发布测试',
        publishAt: '2026-03-05T09:00:00+08:00',
      })
    ).body.data!;
    await liaison.post(`/api/disclosure/items/${id}/submit`, {});
    for (const r of [r1, r2]) await r.post(`/api/disclosure/items/${id}/approve`, {});
    expect(
      (await r3.post<{ status: string }>(`/api/disclosure/items/${id}/approve`, {})).body.data!.status,
    ).toBe('scheduled');
    expect((await api.anon().request('GET', `/xxgk/info/${id}`)).status).toBe(404);
    const { publishDue } = await import('../../src/server/modules/disclosure/publishing');
    expect(await publishDue(api.platform, new Date('2026-03-05T08:59:00+08:00'))).toBe(0);
    expect(await publishDue(api.platform, new Date('2026-03-05T09:00:00+08:00'))).toBe(1);
    expect((await api.anon().request('GET', `/xxgk/info/${id}`)).status).toBe(200);
  });

  it('a correction is a new version that replaces the old one when published', async () => {
    const { id } = (await liaison.draftItem({ title: '更正前标题' })).body.data!;
    await liaison.post(`/api/disclosure/items/${id}/submit`, {});
    for (const r of [r1, r2, r3]) await r.post(`/api/disclosure/items/${id}/approve`, {});
    const c = await liaison.post<{ id: string }>(`/api/disclosure/items/${id}/correct`, {});
    expect(c.status).toBe(201);
    const v2 = c.body.data!.id;
    expect((await liaison.post(`/api/disclosure/items/${id}/correct`, {})).status).toBe(409);
    await liaison.saveItem(v2, { title: '更正后标题' });
    await liaison.post(`/api/disclosure/items/${v2}/submit`, {});
    for (const r of [r1, r2, r3]) await r.post(`/api/disclosure/items/${v2}/approve`, {});
    const old = await (await api.anon().request('GET', `/xxgk/info/${id}`)).raw.text();
    expect(old).toContain(`/xxgk/info/${v2}`);
    expect(old).toContain('本信息已更正');
  });
});

describe('normative documents and interpretations', () => {
  it('counts issued, repealed and in force for table 二, and lists them on the portal query', async () => {
    const mk = async (body: Record<string, unknown>) => {
      const { id } = (
        await office.draftItem({
          kind: 'normative',
          unitId: fgwUnit,
          ...body,
        })
      ).body.data!;
      await office.post(`/api/disclosure/items/${id}/submit`, {});
      for (const r of [r1, r2, r3]) await r.post(`/api/disclosure/items/${id}/approve`, {});
      return id;
    };
    const current = await mk({
      title: '关于印发产业扶持办法的通知',
      docNumber: '潼发改规〔2025〕1号',
      writtenDate: '2025-03-01',
    });
    const old = await mk({
      title: '旧办法',
      writtenDate: '2023-01-10',
      validity: 'repealed',
      repealedDate: '2025-06-01',
      repealedById: current,
    });
    const oldPage = await (await api.anon().request('GET', `/xxgk/info/${old}`)).raw.text();
    expect(oldPage).toContain('废止本文件的文件');
    expect(oldPage).toContain(`/xxgk/info/${current}`);
    expect(oldPage).toContain('废止');
    await mk({ title: '到期办法', writtenDate: '2024-01-10', expiryDate: '2025-12-31' });
    expect(await normativeDocumentCounts(api.tdb.database.db, 2025, fgwUnit)).toEqual({
      issued: 1,
      repealed: 1,
      inForce: 2,
    });
    expect(await normativeDocumentCounts(api.tdb.database.db, 2026, fgwUnit)).toEqual({
      issued: 0,
      repealed: 0,
      inForce: 1,
    });
    const page = await (await api.anon().request('GET', '/xxgk/gfxwj?validity=expired')).raw.text();
    expect(page).toContain('到期办法');
    expect(page).not.toContain('产业扶持办法');
    const counts = await office.get('/api/disclosure/normative-counts?year=2025');
    expect(counts.status).toBe(200);
    // The annual report of the unit starts with these counts in table 二 (until the office edits it).
    const report = await office.get<{ report: { table2: { art20_1: { normative_docs: unknown } } } }>(
      `/api/reports/${fgwUnit}/2025`,
    );
    expect(report.body.data!.report.table2.art20_1.normative_docs).toEqual({
      issued: 1,
      abolished: 1,
      in_force: 2,
    });
    expect((await liaison.get('/api/disclosure/normative-counts?year=2025')).status).toBe(403);
    expect((await office.get('/api/disclosure/normative-counts?year=abc')).status).toBe(400);
  });

  it('links an interpretation to its policy both ways; the policy passes 终审 only with it ready (三同步)', async () => {
    const { id: policy } = (
      await liaison.draftItem({
        title: '乡村振兴补贴政策',
        needsInterpretation: true,
      })
    ).body.data!;
    await liaison.post(`/api/disclosure/items/${policy}/submit`, {});
    for (const r of [r1, r2]) await r.post(`/api/disclosure/items/${policy}/approve`, {});
    // 终审 is held back (issue 13 part 3) until the interpretation has passed its own review.
    const held = await r3.post(`/api/disclosure/items/${policy}/approve`, {});
    expect(held.status).toBe(409);
    expect(held.body.error?.message).toContain('三同步');
    const { id: interp } = (
      await liaison.draftItem({
        kind: 'interpretation',
        title: '图解：乡村振兴补贴政策',
        policyRootId: policy,
        interpretationForm: 'graphic',
      })
    ).body.data!;
    await liaison.post(`/api/disclosure/items/${interp}/submit`, {});
    for (const r of [r1, r2, r3]) await r.post(`/api/disclosure/items/${interp}/approve`, {});
    await liaison.put(`/api/disclosure/items/${policy}/interpretation-plan`, {
      firstInterpreter: '区发展改革委主任',
    });
    expect((await r3.post(`/api/disclosure/items/${policy}/approve`, {})).status).toBe(200);
    expect(
      (await liaison.get<Detail>(`/api/disclosure/items/${policy}`)).body.data!.missingInterpretation,
    ).toBe(false);
    const html = await (await api.anon().request('GET', `/xxgk/info/${policy}`)).raw.text();
    expect(html).toContain('图解：乡村振兴补贴政策');
    const back = await (await api.anon().request('GET', `/xxgk/info/${interp}`)).raw.text();
    expect(back).toContain(`/xxgk/info/${policy}`);
  });
});

describe('search ranking and suggestions', () => {
  it('ranks a title hit above a body-only hit and suggests a misspelled unit name', async () => {
    const pub = async (title: string, bodyHtml: string) => {
      const { id } = (await liaison.draftItem({ title, bodyHtml })).body.data!;
      await liaison.post(`/api/disclosure/items/${id}/submit`, {});
      for (const r of [r1, r2, r3]) await r.post(`/api/disclosure/items/${id}/approve`, {});
      return id;
    };
    const bodyOnly = await pub('关于春季工作安排的通知', '<p>做好春季森林防火和秸秆禁烧工作。</p>');
    const inTitle = await pub('森林防火工作方案', '<p>各镇街按方案执行。</p>');
    const s = (await r1.get<SearchResult>(`/api/disclosure/search?q=${encodeURIComponent('森林防火')}`)).body
      .data!;
    expect(s.hits.map((h) => h.id)).toEqual([inTitle, bodyOnly]);
    const typo = (
      await r1.get<SearchResult>(`/api/disclosure/search?q=${encodeURIComponent('区发展改革局')}`)
    ).body.data!;
    expect(typo.suggestions).toContain('区发展改革委');
    expect((await r1.get('/api/disclosure/search?q=')).status).toBe(400);
  });

  it('a complete reindex (gongkai search reindex) rebuilds every published item and only those', async () => {
    const { reindexAll } = await import('../../src/server/modules/disclosure');
    const db = api.tdb.database.db;
    await db.execute(sql`DELETE FROM disclosure_search`);
    // A stale row of an item that is no longer published is removed.
    await db.execute(sql`INSERT INTO disclosure_search (item_id, unit_id, kind, published_at, grams, words)
      SELECT id, unit_id, kind, now(), '{1}', ''::tsvector FROM disclosure_items WHERE status <> 'published' LIMIT 1`);
    const n = await reindexAll(api.tdb.database);
    const published = await db.execute<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM disclosure_items WHERE status = 'published'`,
    );
    expect(n).toBe(published.rows[0]!.n);
    const indexed = await db.execute<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM disclosure_search s JOIN disclosure_items i ON i.id = s.item_id WHERE i.status = 'published'`,
    );
    expect(indexed.rows[0]!.n).toBe(n);
    const all = await db.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM disclosure_search`);
    expect(all.rows[0]!.n).toBe(n);
    const s = (await r1.get<SearchResult>(`/api/disclosure/search?q=${encodeURIComponent('森林防火')}`)).body
      .data!;
    expect(s.total).toBe(2);
  });

  it('statistics per unit and column', async () => {
    const s = await office.get<{ byUnit: { unitName: string; n: number }[] }>(
      '/api/disclosure/stats?year=2026',
    );
    expect(s.status).toBe(200);
    expect(s.body.data!.byUnit.find((u) => u.unitName === '区发展改革委')!.n).toBeGreaterThan(3);
    expect((await liaison.get('/api/disclosure/stats?year=2026')).status).toBe(403);
  });
});

describe('portal pages', () => {
  it.each([
    '/xxgk/zn',
    '/xxgk/zd',
    '/xxgk/fdzdgknr',
    '/xxgk/nb',
    '/xxgk/gfxwj',
    '/xxgk/guide',
    '/xxgk/search?q=规划',
  ])('%s answers 200', async (path) => {
    expect((await api.anon().request('GET', path)).status).toBe(200);
  });
  it('unknown item is 404', async () => {
    expect((await api.anon().request('GET', '/xxgk/info/00000000-0000-0000-0000-000000000000')).status).toBe(
      404,
    );
    expect((await api.anon().request('GET', '/xxgk/info/not-an-id')).status).toBe(404);
  });
});
