// 三同步 as a gate (issue 13 part 3): a policy marked as needing interpretation cannot pass 终审 until an
// interpretation is ready (or an exemption with a reason is recorded); major policies need the set number of forms;
// the 第一解读人 is recorded. Routes: 401, 403, 400, happy path.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BriefingView, InterpretationPlanView } from '../../src/contracts/interpretation-plan';
import { auditLog, units } from '../../src/server/db/schema';
import { type Client, setupApi, type TestApi } from '../api';

let api: TestApi;
let office: Client;
let liaison: Client;
let reviewer: Client;
let jw: Client;
let auditor: Client;

beforeAll(async () => {
  api = await setupApi();
  const fgw = (await api.tdb.database.db.select().from(units).where(eq(units.name, '区发展改革委')))[0]!.id;
  office = await api.loginAs('office');
  liaison = await api.loginAs('fgw_liaison');
  reviewer = await api.loginAs('fgw_reviewer');
  jw = await api.loginAs('jw_liaison');
  auditor = await api.loginAs('auditor');
  // One review level: the reviewer's approval is the 终审.
  expect((await office.put(`/api/disclosure/units/${fgw}/settings`, { reviewLevels: ['终审'] })).status).toBe(
    200,
  );
});
afterAll(() => api.close());

const draft = async (body: Record<string, unknown>) => (await liaison.draftItem(body)).body.data!.id;
const submit = (id: string) => liaison.post(`/api/disclosure/items/${id}/submit`, {});
const approve = (id: string) => reviewer.post(`/api/disclosure/items/${id}/approve`, {});
const planPath = (id: string) => `/api/disclosure/items/${id}/interpretation-plan`;
const publishInterpretation = async (policy: string, title: string, form: string) => {
  const id = await draft({ kind: 'interpretation', title, policyRootId: policy, interpretationForm: form });
  await submit(id);
  expect((await approve(id)).status).toBe(200);
};

describe('routes: 401, 403, 400', () => {
  it('refuses anonymous callers, roles without the permission and other units', async () => {
    const id = await draft({ title: '政策甲', needsInterpretation: true });
    const anon = api.anon();
    expect((await anon.get(planPath(id))).status).toBe(401);
    expect((await anon.put(planPath(id), {})).status).toBe(401);
    expect((await anon.put('/api/disclosure/interpretation-settings', { majorMinForms: 3 })).status).toBe(
      401,
    );
    expect((await auditor.get(planPath(id))).status).toBe(403);
    expect((await auditor.put(planPath(id), {})).status).toBe(403);
    expect((await liaison.put('/api/disclosure/interpretation-settings', { majorMinForms: 3 })).status).toBe(
      403,
    );
    expect((await anon.get('/api/disclosure/interpretation-settings')).status).toBe(401);
    expect((await auditor.get('/api/disclosure/interpretation-settings')).status).toBe(403);
    // 区教委's liaison: outside the data scope.
    expect((await jw.get(planPath(id))).status).toBe(404);
    expect((await jw.put(planPath(id), { firstInterpreter: '某人' })).status).toBe(404);
    const briefing = { kind: 'interview', title: '访谈', heldOn: '2026-03-01', policyIds: [id] };
    expect((await anon.get('/api/disclosure/briefings')).status).toBe(401);
    expect((await anon.post('/api/disclosure/briefings', briefing)).status).toBe(401);
    expect((await auditor.get('/api/disclosure/briefings')).status).toBe(403);
    expect((await auditor.post('/api/disclosure/briefings', briefing)).status).toBe(403);
    expect((await jw.post('/api/disclosure/briefings', briefing)).status).toBe(404);
  });

  it('answers 400 for a malformed id or body', async () => {
    const id = await draft({ title: '政策乙' });
    expect((await liaison.get(planPath('x'))).status).toBe(400);
    const long = await liaison.put(planPath(id), { firstInterpreter: '长'.repeat(51) });
    expect(long.status).toBe(400);
    expect(long.body.error?.message).toContain('第一解读人最多 50 字');
    expect((await office.put('/api/disclosure/interpretation-settings', { majorMinForms: 0 })).status).toBe(
      400,
    );
  });

  it('a briefing link must be http(s): a javascript: URL is refused and nothing is stored (stored XSS)', async () => {
    const id = await draft({ title: '政策丙' });
    const body = { kind: 'interview', title: '访谈', heldOn: '2026-03-01', policyIds: [id] };
    const before = (await liaison.get<unknown[]>('/api/disclosure/briefings')).body.data!.length;
    for (const url of [
      'javascript:alert(1)',
      'JavaScript://example.gov.cn/%0aalert(1)',
      'data:text/html,x',
    ]) {
      const r = await liaison.post('/api/disclosure/briefings', { ...body, url });
      expect(r.status, url).toBe(400);
      expect(r.body.error?.message, url).toContain('链接应为 http:// 或 https:// 开头的网址');
    }
    expect((await liaison.get<unknown[]>('/api/disclosure/briefings')).body.data!.length).toBe(before);
    const ok = await liaison.post('/api/disclosure/briefings', {
      ...body,
      url: 'https://www.cqtn.gov.cn/ft/1',
    });
    expect(ok.status).toBe(201);
  });
});

describe('the gate', () => {
  it('holds 终审 until an exemption with a reason is recorded (audited)', async () => {
    const id = await draft({ title: '机关内部考勤制度', needsInterpretation: true });
    await submit(id);
    const held = await approve(id);
    expect(held.status).toBe(409);
    expect(held.body.error?.message).toBe(
      '三同步：该政策需同步解读，解读稿尚未通过审核（或登记不解读的理由）',
    );
    const plan = await liaison.put<InterpretationPlanView>(planPath(id), {
      exemptionReason: '内部管理制度，无需解读',
    });
    expect(plan.status).toBe(200);
    expect(plan.body.data).toMatchObject({ allowed: true, exemptionReason: '内部管理制度，无需解读' });
    expect((await approve(id)).status).toBe(200);
    const rows = await api.tdb.database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'disclosure.interpretation.plan'));
    expect(rows.map((r) => r.objectId)).toEqual([id]);
  });

  it('a major policy needs the set number of forms and its 第一解读人', async () => {
    const id = await draft({ title: '重大产业扶持政策', needsInterpretation: true });
    await submit(id);
    await liaison.put(planPath(id), { majorPolicy: true });
    await publishInterpretation(id, '文字解读：产业扶持政策', 'text');
    await publishInterpretation(id, '图解：产业扶持政策', 'graphic');
    const view = (await liaison.get<InterpretationPlanView>(planPath(id))).body.data!;
    expect(view).toMatchObject({ minForms: 3, allowed: false });
    expect([...view.forms].sort()).toEqual(['graphic', 'text']);
    expect((await approve(id)).body.error?.message).toBe('三同步：重大政策解读形式不得少于 3 种，现有 2 种');
    // The office sets the district's minimum to 2: the forms suffice, the 第一解读人 is still missing.
    expect((await office.put('/api/disclosure/interpretation-settings', { majorMinForms: 2 })).status).toBe(
      200,
    );
    // Read back by the settings page (any user who sees items).
    expect((await liaison.get('/api/disclosure/interpretation-settings')).body.data).toEqual({
      majorMinForms: 2,
    });
    expect((await approve(id)).body.error?.message).toBe('三同步：请登记第一解读人');
    await liaison.put(planPath(id), { majorPolicy: true, firstInterpreter: '区发展改革委主任' });
    const ok = await approve(id);
    expect(ok.status).toBe(200);
    expect((ok.body.data as { status: string }).status).toBe('published');
  });

  it('counts a 新闻发布会 already held, linked to the policy, as one more form', async () => {
    const id = await draft({ title: '稳就业政策措施', needsInterpretation: true });
    await submit(id);
    await liaison.put(planPath(id), { majorPolicy: true, firstInterpreter: '区发展改革委主任' });
    await office.put('/api/disclosure/interpretation-settings', { majorMinForms: 3 });
    await publishInterpretation(id, '文字解读：稳就业', 'text');
    await publishInterpretation(id, '问答：稳就业', 'qa');
    expect((await approve(id)).body.error?.message).toBe('三同步：重大政策解读形式不得少于 3 种，现有 2 种');
    // A press conference planned after today does not count yet (the test clock is 2026-03-02).
    const later = {
      kind: 'press_conference',
      title: '稳就业新闻发布会',
      speakers: '区发展改革委主任',
      policyIds: [id],
    };
    expect((await liaison.post('/api/disclosure/briefings', { ...later, heldOn: '2026-03-10' })).status).toBe(
      201,
    );
    expect((await approve(id)).status).toBe(409);
    const held = await liaison.post<{ policyRootIds: string[] }>('/api/disclosure/briefings', {
      ...later,
      kind: 'interview',
      title: '稳就业在线访谈',
      heldOn: '2026-03-02',
    });
    expect(held.status).toBe(201);
    const view = (await liaison.get<InterpretationPlanView>(planPath(id))).body.data!;
    expect([...view.forms].sort()).toEqual(['interview', 'qa', 'text']);
    expect((await approve(id)).status).toBe(200);
    const list = (await liaison.get<BriefingView[]>(`/api/disclosure/briefings?policyId=${id}`)).body.data!;
    expect(list.map((b) => b.title)).toEqual(['稳就业新闻发布会', '稳就业在线访谈']);
    // The register names the policies it explains.
    expect(list[0]!.policies).toEqual([{ id, title: '稳就业政策措施' }]);
    // Another unit's liaison sees none of them.
    expect((await jw.get<unknown[]>('/api/disclosure/briefings')).body.data).toEqual([]);
  });

  it('lets a policy not marked as needing interpretation pass as before', async () => {
    const id = await draft({ title: '一般通知' });
    await submit(id);
    expect((await approve(id)).status).toBe(200);
  });
});
