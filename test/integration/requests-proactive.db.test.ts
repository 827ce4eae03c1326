// 依申请转主动公开 (SECURITY.md 36): an answered application's reply becomes public only as a de-identified copy,
// reviewed as a disclosure item. The applicant's name, ID number, phone, e-mail and address are seeded into the
// case and its reply, then searched for everywhere the public (and the search index) can reach.
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseDetail } from '../../src/contracts/requests';
import { auditLog, units } from '../../src/server/db/schema';
import { type Client, setupApi, type TestApi } from '../api';
import { staffCaseBody } from '../unit-records';

const person = {
  kind: 'natural_person',
  name: '欧阳建国',
  idType: 'id_card',
  idNumber: '11010519491231002X',
  phone: '13912345678',
  email: 'oyjg@example.com',
  address: '北京市东城区槐树胡同8号院3单元',
};
const SECRETS = [person.name, person.idNumber, person.phone, person.email, '槐树胡同', '13912345678'];
const reply = [
  `${person.name}：`,
  `你于2026年3月2日提出的政府信息公开申请收悉。你留的电话为${person.phone}，身份证号${person.idNumber}，邮箱${person.email}，地址${person.address}。`,
  '经查，2025年区发展改革委重大项目清单共12个项目，清单见下表，予以公开。',
].join('\n');

let api: TestApi;
let fgw: Client;
let jw: Client;
let reviewer: Client;
let caseId: string;
let itemId: string;

const act = (id: string, body: Record<string, unknown>) =>
  fgw.post<CaseDetail>(`/api/requests/cases/${id}/actions`, body);
const proactive = (c: Client, id: string, body: Record<string, unknown> = { art20: 'art20_10' }) =>
  c.post<{ itemId: string }>(`/api/requests/cases/${id}/proactive`, body);

beforeAll(async () => {
  api = await setupApi();
  const fgwUnit = (await api.tdb.database.db.select().from(units).where(eq(units.name, '区发展改革委')))[0]!
    .id;
  fgw = await api.loginAs('fgw_liaison');
  jw = await api.loginAs('jw_liaison');
  reviewer = await api.loginAs('fgw_reviewer');
  const office = await api.loginAs('office');
  // One review level, so that one reviewer publishes.
  expect(
    (await office.put(`/api/disclosure/units/${fgwUnit}/settings`, { reviewLevels: ['终审'] })).status,
  ).toBe(200);
  const r = await fgw.post<{ id: string }>('/api/requests/cases', {
    ...staffCaseBody(fgwUnit),
    applicant: person,
  });
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  caseId = r.body.data!.id;
});
afterAll(() => api.close());

describe('依申请转主动公开: the published reply is de-identified', () => {
  it('refuses an open case, a bad category and another unit’s case; nothing is stored', async () => {
    const open = await proactive(fgw, caseId);
    expect(open.status).toBe(400);
    expect(open.body.error!.message).toContain('尚未答复办结');
    expect((await proactive(fgw, caseId, { art20: 'x' })).status).toBe(400);
    expect((await proactive(jw, caseId)).status).toBe(404);
    const audits = await api.tdb.database.db.select().from(auditLog).where(eq(auditLog.objectId, caseId));
    expect(audits.map((a) => a.action)).not.toContain('requests.case.proactive');
  });

  it('from the answered case, a draft item holding only the masked copy; audited; once', async () => {
    const r = await act(caseId, {
      action: 'reply',
      date: '2026-03-02',
      outcome: 'r1',
      legalBasis: 'art36_1',
      replyText: reply,
    });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body.data!.status).toBe('closed');
    const made = await proactive(fgw, caseId);
    expect(made.status, JSON.stringify(made.body)).toBe(201);
    itemId = made.body.data!.itemId;
    expect((await proactive(fgw, caseId)).status).toBe(409);
    const d = await fgw.get<{ title: string; bodyHtml: string; status: string }>(
      `/api/disclosure/items/${itemId}`,
    );
    expect(d.body.data!.status).toBe('draft');
    expect(d.body.data!.title).toBe('关于2025年区发展改革委重大项目清单的公开信息（依申请转主动公开）');
    expect(d.body.data!.bodyHtml).toContain('欧**');
    expect(d.body.data!.bodyHtml).toContain('清单见下表，予以公开');
    for (const s of SECRETS) expect(JSON.stringify(d.body)).not.toContain(s);
    const c = await fgw.get<CaseDetail>(`/api/requests/cases/${caseId}`);
    expect(JSON.stringify(c.body.data!.timeline)).toContain('依申请转主动公开');
    const audits = await api.tdb.database.db.select().from(auditLog).where(eq(auditLog.objectId, caseId));
    expect(audits.map((a) => a.action)).toContain('requests.case.proactive');
  });

  it('reviewed and published: no seeded personal data on the portal, in JSON, the search index or search', async () => {
    expect((await fgw.post(`/api/disclosure/items/${itemId}/submit`, {})).status).toBe(200);
    const ok = await reviewer.post<{ status: string }>(`/api/disclosure/items/${itemId}/approve`, {});
    expect(ok.body.data!.status).toBe('published');
    const anon = api.anon();
    const pages = [`/xxgk/info/${itemId}`, '/xxgk', `/xxgk/search?q=${encodeURIComponent('重大项目清单')}`];
    const texts = await Promise.all(pages.map(async (p) => (await anon.request('GET', p)).raw.text()));
    expect(texts[0]).toContain('予以公开');
    expect(texts[2]).toContain(`/xxgk/info/${itemId}`);
    for (const [i, html] of texts.entries())
      for (const s of SECRETS) expect(html, `${pages[i]} ${s}`).not.toContain(s);
    // A search for any of them finds nothing (the page only repeats the query).
    for (const s of SECRETS) {
      const html = await (await anon.request('GET', `/xxgk/search?q=${encodeURIComponent(s)}`)).raw.text();
      expect(html, s).toContain('没有找到包含');
      expect(html).not.toContain(`/xxgk/info/${itemId}`);
    }
    const json = await fgw.get(`/api/disclosure/search?q=${encodeURIComponent('重大项目清单')}`);
    expect(JSON.stringify(json.body)).toContain(itemId);
    for (const s of SECRETS) {
      expect(JSON.stringify(json.body)).not.toContain(s);
      const hit = await fgw.get(`/api/disclosure/search?q=${encodeURIComponent(s)}`);
      expect(JSON.stringify(hit.body)).not.toContain(itemId);
    }
    const index = JSON.stringify(
      (
        await api.tdb.database.db.execute(
          sql`SELECT s.words::text, i.title, i.body_html, i.body_text FROM disclosure_search s JOIN disclosure_items i ON i.id = s.item_id WHERE s.item_id = ${itemId}`,
        )
      ).rows,
    );
    expect(index).toContain('予以公开');
    for (const s of SECRETS) expect(index).not.toContain(s);
  });
});
