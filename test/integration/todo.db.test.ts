// The to-do centre (issue 15 part 6): every role's 待办 with counts and deadlines, from each module's face, in the
// user's scope — a liaison sees only their unit's; unconfirmed online applications come first.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TodoGroup, TodoKind } from '../../src/contracts/todo';
import { units } from '../../src/server/db/schema';
import { type Client, setupApi, type TestApi } from '../api';
import { applyOnPortal } from '../portal-apply';

type Todo = { total: number; groups: TodoGroup[] };
let api: TestApi;
const as: Record<string, Client> = {};
const unit: Record<string, string> = {};

const todo = async (c: Client) => {
  const r = await c.get<Todo>('/api/todo');
  expect(r.status).toBe(200);
  return r.body.data!;
};
const counts = (t: Todo) =>
  Object.fromEntries(t.groups.map((g) => [g.kind, g.count])) as Record<TodoKind, number>;

const person = {
  kind: 'natural_person',
  name: '王五',
  idType: 'id_card',
  idNumber: '11010519491231002X',
  phone: '13900139000',
};

beforeAll(async () => {
  api = await setupApi();
  for (const n of ['区发展改革委', '区教委'])
    unit[n] = (await api.tdb.database.db.select().from(units).where(eq(units.name, n)))[0]!.id;
  for (const u of ['office', 'fgw_liaison', 'jw_liaison', 'fgw_reviewer', 'leader', 'auditor'])
    as[u] = await api.loginAs(u);
  // Two online applications (one per unit), waiting for confirmation.
  for (const [n, d] of [
    ['区发展改革委', '重大项目审批清单'],
    ['区教委', '学校布局调整方案'],
  ] as const) {
    const r = await applyOnPortal(api.anon(), {
      unitId: unit[n]!,
      ...person,
      description: d,
      deliveryForm: 'electronic',
      deliveryChannel: 'email',
      email: 'a@example.com',
    });
    expect(r.status, r.html.slice(0, 400)).toBe(201);
  }
  // A case registered at the counter by the fgw liaison, then an extension requested (the leader approves).
  const reg = await as.fgw_liaison!.post<{ id: string }>('/api/requests/cases', {
    unitId: unit.区发展改革委,
    applicant: person,
    description: '区级政府投资项目资金拨付明细',
    deliveryForm: 'electronic',
    deliveryChannel: 'email',
    channel: 'in_person',
    handedInOn: '2026-03-02',
  });
  expect(reg.status, JSON.stringify(reg.body)).toBe(201);
  const ext = await as.fgw_liaison!.post(`/api/requests/cases/${reg.body.data!.id}/actions`, {
    action: 'extend',
    days: 10,
    reason: '需调取多年档案',
  });
  expect(ext.status, JSON.stringify(ext.body)).toBe(200);
  // An item submitted for review by the fgw liaison.
  const item = await as.fgw_liaison!.draftItem({
    title: '待办测试：区发展改革委通知',
    bodyHtml: '<p>正文。</p>',
  });
  expect((await as.fgw_liaison!.post(`/api/disclosure/items/${item.body.data!.id}/submit`, {})).status).toBe(
    200,
  );
});
afterAll(() => api?.close());

describe('GET /api/todo', () => {
  it('401 without a session', async () => {
    expect((await api.anon().get('/api/todo')).status).toBe(401);
  });

  it('400 never: it takes no input, extra query parameters are ignored', async () => {
    expect((await as.office!.get('/api/todo?x=1')).status).toBe(200);
  });

  it('403 never, but a role that acts on nothing (auditor) gets an empty list', async () => {
    expect(await todo(as.auditor!)).toEqual({ total: 0, groups: [] });
  });

  it('office: every unit, unconfirmed applications first', async () => {
    const t = await todo(as.office!);
    expect(t.groups[0]!.kind).toBe('requests.unconfirmed');
    const c = counts(t);
    expect(c['requests.unconfirmed']).toBe(2);
    expect(c['requests.extension']).toBe(1);
    expect(c['disclosure.returned']).toBe(0);
    // Not a reviewer: no review group.
    expect(c['disclosure.review']).toBeUndefined();
    expect(t.total).toBe(t.groups.reduce((n, g) => n + g.count, 0));
    const ext = t.groups.find((g) => g.kind === 'requests.extension')!;
    expect(ext.label).toBe('待审批的延期答复');
    expect(ext.items[0]!.due).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('liaison: only their own unit', async () => {
    const fgw = counts(await todo(as.fgw_liaison!));
    expect(fgw['requests.unconfirmed']).toBe(1);
    const jw = await todo(as.jw_liaison!);
    expect(counts(jw)['requests.unconfirmed']).toBe(1);
    const titles = jw.groups.flatMap((g) => g.items.map((i) => i.title)).join();
    expect(titles).toContain('学校布局调整方案');
    expect(titles).not.toContain('重大项目审批清单');
    // A liaison does not approve extensions or review items.
    expect(counts(jw)['requests.extension']).toBeUndefined();
    expect(counts(jw)['disclosure.review']).toBeUndefined();
  });

  it('reviewer: the item waiting at their level; not the requests they cannot handle', async () => {
    const t = await todo(as.fgw_reviewer!);
    const c = counts(t);
    expect(c['disclosure.review']).toBe(1);
    expect(c['requests.unconfirmed']).toBeUndefined();
    const g = t.groups.find((x) => x.kind === 'disclosure.review')!;
    expect(g.items[0]!.title).toBe('待办测试：区发展改革委通知');
    expect(g.items[0]!.link).toMatch(/^\/disclosure\/items\//);
    expect(g.link).toBe('/disclosure/inbox');
  });

  it('leader: extension approvals and the review level', async () => {
    const c = counts(await todo(as.leader!));
    expect(c['requests.extension']).toBe(1);
    expect(c['tasks.extension']).toBe(0);
    expect(c['disclosure.review']).toBe(1);
    expect(c['requests.unconfirmed']).toBeUndefined();
  });

  it('cases near their due date appear and turn overdue as the clock passes the reply date', async () => {
    const before = (await todo(as.office!)).groups.find((g) => g.kind === 'requests.due')!;
    expect(before.count).toBe(0);
    // Past the (extended or not) reply date: the case is overdue.
    api.clock.set(new Date('2026-05-06T10:00:00+08:00'));
    const office = await api.loginAs('office');
    const after = (await todo(office)).groups.find((g) => g.kind === 'requests.due')!;
    expect(after.count).toBe(1);
    expect(after.overdue).toBe(1);
    expect(after.items[0]!.overdue).toBe(true);
    // …and not for the other unit's liaison.
    const jw = await api.loginAs('jw_liaison');
    expect((await todo(jw)).groups.find((g) => g.kind === 'requests.due')!.count).toBe(0);
  });
});
