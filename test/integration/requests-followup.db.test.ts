// Issue 4 follow-up: staff register an incomplete application that goes to 补正 (REGULATIONS §1.2 APP-1,
// 条例第二十九条、第三十条), and the extension is requested by the clerk and decided in the system by a user
// holding requests:extension:approve (工作机构负责人, 条例第三十三条第二款).
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Paged } from '../../src/contracts/api';
import type { CaseDetail } from '../../src/contracts/requests';
import { requestCases, rolePermissions, units } from '../../src/server/db/schema';
import { blocksToText, readDocx } from '../../src/server/platform/documents';
import { type Client, setupApi, type TestApi } from '../api';

let api: TestApi;
let fgw: Client;
let fgwUnit: string;

const person = {
  kind: 'natural_person',
  name: '李四',
  idType: 'id_card',
  idNumber: '11010519491231002X',
  phone: '13800138001',
};

async function unitId(name: string): Promise<string> {
  return (await api.tdb.database.db.select().from(units).where(eq(units.name, name)))[0]!.id;
}

async function register(over: Record<string, unknown>): Promise<string> {
  const r = await fgw.post<{ id: string }>('/api/requests/cases', {
    unitId: fgwUnit,
    applicant: person,
    description: '区发展改革委2025年度项目审批目录',
    deliveryForm: 'paper',
    deliveryChannel: 'mail',
    channel: 'in_person',
    handedInOn: '2026-03-02',
    ...over,
  });
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  return r.body.data!.id;
}

const act = (c: Client, id: string, body: Record<string, unknown>) =>
  c.post<CaseDetail>(`/api/requests/cases/${id}/actions`, body);
const decide = (c: Client, id: string, body: Record<string, unknown>) =>
  c.post<CaseDetail>(`/api/requests/cases/${id}/extension-decision`, body);

beforeAll(async () => {
  api = await setupApi();
  api.clock.set(new Date('2026-03-02T10:00:00+08:00'));
  fgw = await api.loginAs('fgw_liaison');
  fgwUnit = await unitId('区发展改革委');
});
afterAll(() => api.close());

describe('APP-1: an incomplete application registered by staff goes to 补正', () => {
  let id: string;
  it('registers a letter without description and delivery channel; correction notice due 2026-03-11', async () => {
    const r = await fgw.post<{
      id: string;
      intake: { route: string; missing: string[] };
      correctionNoticeDue: string | null;
    }>('/api/requests/cases', {
      unitId: fgwUnit,
      applicant: person,
      description: '',
      deliveryForm: 'paper',
      deliveryChannel: null,
      channel: 'in_person',
      handedInOn: '2026-03-02',
    });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    id = r.body.data!.id;
    expect(r.body.data!.intake.route).toBe('correction');
    expect(r.body.data!.intake.missing).toEqual(['info_description', 'delivery_channel']);
    // Received 2026-03-02 (a Monday, no March holiday): 7 working days → 03-03 … 03-11 (条例第三十条).
    expect(r.body.data!.correctionNoticeDue).toBe('2026-03-11');
    const d = (await fgw.get<CaseDetail>(`/api/requests/cases/${id}`)).body.data!;
    expect(d.status).toBe('running');
    expect(d.intake.route).toBe('correction');
    expect(d.hints.join('\n')).toContain('补正告知应于 2026-03-11 前发出');
    expect(d.hints.join('\n')).toContain('获取信息的方式、途径');
    expect(d.allowedActions).toContain('request_correction');
    expect(d.dueDates.correctionNoticeDue).toBe('2026-03-11');
  });

  it('a complete application is accepted as before (no intake hint)', async () => {
    const r = await fgw.post<{ intake: { route: string }; correctionNoticeDue: string | null }>(
      '/api/requests/cases',
      {
        unitId: fgwUnit,
        applicant: person,
        description: '完整的申请：区重大项目清单',
        deliveryForm: 'paper',
        deliveryChannel: 'mail',
        channel: 'in_person',
        handedInOn: '2026-03-02',
      },
    );
    expect(r.status).toBe(201);
    expect(r.body.data!.intake.route).toBe('accept');
    expect(r.body.data!.correctionNoticeDue).toBeNull();
  });

  it('no reply before the correction; the corrected application must supply the missing items', async () => {
    const reply = await act(fgw, id, {
      action: 'reply',
      date: '2026-03-02',
      outcome: 'r1',
      legalBasis: 'art36_1',
    });
    expect(reply.status).toBe(400);
    expect(reply.body.error!.message).toContain('应先一次性告知补正');
    // No text given: the notice lists the items missing at registration.
    const asked = await act(fgw, id, { action: 'request_correction', date: '2026-03-02' });
    expect(asked.status, JSON.stringify(asked.body)).toBe(200);
    const letter = await fgw.post<{ id: string }>(`/api/requests/cases/${id}/letters`, {
      kind: 'correction',
      date: '2026-03-02',
    });
    expect(letter.status, JSON.stringify(letter.body)).toBe(201);
    const f = await fgw.request('GET', `/api/requests/letters/${letter.body.data!.id}/download`);
    const text = blocksToText(readDocx(new Uint8Array(await f.raw.arrayBuffer())));
    expect(text).toContain('申请公开的政府信息的名称、文号或者便于查询的其他特征性描述');
    expect(text).toContain('获取信息的方式、途径');
    const before = (await api.tdb.database.db.select().from(requestCases).where(eq(requestCases.id, id)))[0]!;
    const still = await act(fgw, id, {
      action: 'receive_correction',
      date: '2026-03-02',
      description: '项目审批目录',
    });
    expect(still.status).toBe(400);
    expect(still.body.error!.message).toContain('仍不完整');
    const after = (await api.tdb.database.db.select().from(requestCases).where(eq(requestCases.id, id)))[0]!;
    expect(after.timeline.length).toBe(before.timeline.length);
    expect(after.description).toBe('');

    const ok = await act(fgw, id, {
      action: 'receive_correction',
      date: '2026-03-02',
      description: '区发展改革委2025年度项目审批目录',
      deliveryChannel: 'email',
    });
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    expect(ok.body.data!.status).toBe('running');
    expect(ok.body.data!.intake.route).toBe('accept');
    // Corrected 2026-03-02: the clock restarts (APP-8) → 20 working days → 2026-03-30.
    expect(ok.body.data!.replyDue).toBe('2026-03-30');
    expect(ok.body.data!.deliveryChannel).toBe('email');
    const r = await act(fgw, id, {
      action: 'reply',
      date: '2026-03-02',
      outcome: 'r1',
      legalBasis: 'art36_1',
    });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
  });

  it('an application without any contact cannot be registered (nothing stored)', async () => {
    const n = (await api.tdb.database.db.select().from(requestCases)).length;
    const r = await fgw.post('/api/requests/cases', {
      unitId: fgwUnit,
      applicant: { ...person, phone: '' },
      channel: 'in_person',
      handedInOn: '2026-03-02',
    });
    expect(r.status).toBe(400);
    expect((await api.tdb.database.db.select().from(requestCases)).length).toBe(n);
  });
});

describe('Art. 33 ¶2: the extension is approved in the system', () => {
  let id: string;
  let leader: Client;
  beforeAll(async () => {
    id = await register({ description: '延期审批：区级政府投资项目资金拨付明细' });
    leader = await api.loginAs('leader');
  });

  it('401 without a session; 403 for roles without the permission', async () => {
    expect((await decide(api.anon(), id, { decision: 'approve', notifiedOn: '2026-03-02' })).status).toBe(
      401,
    );
    const auditor = await api.loginAs('auditor');
    expect((await decide(auditor, id, { decision: 'approve', notifiedOn: '2026-03-02' })).status).toBe(403);
    expect((await decide(fgw, id, { decision: 'approve', notifiedOn: '2026-03-02' })).status).toBe(403);
    // The leader only reads cases: he cannot file the request himself.
    expect((await act(leader, id, { action: 'extend', days: 5, reason: '数量大' })).status).toBe(403);
  });

  it('400: nothing pending, a bad decision, approval without a notice date or with an impossible one', async () => {
    const none = await decide(leader, id, { decision: 'approve', notifiedOn: '2026-03-02' });
    expect(none.status).toBe(400);
    expect(none.body.error!.message).toContain('没有待审批');
    expect((await act(fgw, id, { action: 'extend', days: 10, reason: '需调取多年档案' })).status).toBe(200);
    const again = await act(fgw, id, { action: 'extend', days: 3, reason: '再次申请' });
    expect(again.status).toBe(400);
    expect(again.body.error!.message).toContain('待审批');
    expect((await decide(leader, id, { decision: 'maybe', notifiedOn: '2026-03-02' })).status).toBe(400);
    const noDate = await decide(leader, id, { decision: 'approve' });
    expect(noDate.status).toBe(400);
    expect(noDate.body.error!.message).toContain('告知申请人的日期');
    expect((await decide(leader, id, { decision: 'approve', notifiedOn: '2026-02-30' })).status).toBe(400);
    const future = await decide(leader, id, { decision: 'approve', notifiedOn: '2026-03-05' });
    expect(future.status).toBe(400);
    expect(future.body.error!.message).toContain('晚于今天');
    const d = (await fgw.get<CaseDetail>(`/api/requests/cases/${id}`)).body.data!;
    expect(d.replyDue).toBe('2026-03-30');
    expect(d.extensionRequest?.status).toBe('pending');
  });

  it('the approvers are notified and find the case in their queue', async () => {
    const bell = await leader.get<{ title: string; link: string | null }[]>('/api/notifications');
    expect(bell.status).toBe(200);
    expect(JSON.stringify(bell.body.data)).toContain(`/admin/requests/cases/${id}`);
    const q = await leader.get<Paged<{ id: string }>>('/api/requests/cases?status=extension_pending');
    expect(q.status).toBe(200);
    expect(q.body.data!.items.map((c) => c.id)).toEqual([id]);
    // A clerk of another unit is not told.
    const jw = await api.loginAs('jw_liaison');
    expect(JSON.stringify((await jw.get('/api/notifications')).body)).not.toContain(id);
  });

  it('a rejection leaves the clock alone and lets the clerk ask again', async () => {
    const r = await decide(leader, id, { decision: 'reject', comment: '理由不充分' });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body.data!.extensionRequest).toMatchObject({ status: 'rejected', decidedBy: '谢子清' });
    expect(r.body.data!.replyDue).toBe('2026-03-30');
    const letter = await fgw.post(`/api/requests/cases/${id}/letters`, {
      kind: 'extension',
      date: '2026-03-02',
    });
    expect(letter.status).toBe(400);
    expect(
      (await act(fgw, id, { action: 'extend', days: 10, reason: '需调取2015年以来的档案' })).status,
    ).toBe(200);
  });

  it('403 for an approver of another unit', async () => {
    const admin = await api.loginAs('secadmin');
    const [liaison] = await api.tdb.database.db
      .select()
      .from(rolePermissions)
      .where(eq(rolePermissions.roleCode, 'liaison'));
    const put = await admin.put('/api/org/roles/liaison', {
      permissions: [...liaison!.permissions, 'requests:extension:approve'],
    });
    expect(put.status, JSON.stringify(put.body)).toBe(200);
    const jw = await api.loginAs('jw_liaison');
    expect((await decide(jw, id, { decision: 'approve', notifiedOn: '2026-03-02' })).status).toBe(404);
    await admin.put('/api/org/roles/liaison', { permissions: liaison!.permissions });
  });

  it('the approval moves the due date by 10 working days and the notice letter names the approver', async () => {
    const r = await decide(leader, id, { decision: 'approve', notifiedOn: '2026-03-02', comment: '同意' });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    // 2026-03-30 + 10 working days: 03-31, 04-01..03, (清明 04-04..06 off), 04-07..10, 04-13, 04-14.
    expect(r.body.data!.replyDue).toBe('2026-04-14');
    expect(r.body.data!.extensionRequest).toMatchObject({ status: 'approved', decidedBy: '谢子清' });
    expect(r.body.data!.timeline.map((t) => t.text).join('\n')).toContain('经 谢子清 批准');
    const l = await fgw.post<{ id: string }>(`/api/requests/cases/${id}/letters`, {
      kind: 'extension',
      date: '2026-03-02',
    });
    expect(l.status, JSON.stringify(l.body)).toBe(201);
    const f = await fgw.request('GET', `/api/requests/letters/${l.body.data!.id}/download`);
    const t = blocksToText(readDocx(new Uint8Array(await f.raw.arrayBuffer())));
    expect(t).toMatch(/负责人（谢子清）同意.*延长10个工作日/s);
    const second = await act(fgw, id, { action: 'extend', days: 1, reason: '再延' });
    expect(second.status).toBe(400);
    expect(second.body.error!.message).toContain('只能一次');
  });
});
