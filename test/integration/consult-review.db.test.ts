// Issue 11 part 1 "reply review when the unit requires it" for consultations, and part 7's sensitive-word and
// personal-data checks before a citizen's question goes public in the Q&A base. 401/403/400/happy path of
// POST /api/interaction/consultations/:id/review; unit scope; a late approval recorded late; the answer hidden from
// the citizen until approved; the to-do group.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  ConsultDetail,
  ConsultSummary,
  MailboxInfo,
  QaEntryInfo,
} from '../../src/contracts/interaction';
import type { TodoGroup } from '../../src/contracts/todo';
import { auditLog, qaEntries, units } from '../../src/server/db/schema';
import { consultationByCode } from '../../src/server/modules/interaction';
import { type Client, setupApi, type TestApi } from '../api';

let api: TestApi;
let office: Client;
let fgw: Client;
let fgwReviewer: Client;
let jw: Client;
let auditor: Client;
let fgwUnit: string;
let jwUnit: string;

const FAKE = '00000000-0000-4000-8000-000000000000';
const unitId = async (name: string) =>
  (await api.tdb.database.db.select().from(units).where(eq(units.name, name)))[0]!.id;

const register = async (c: Client, over: Record<string, unknown> = {}) => {
  const r = await c.post<{ id: string; queryCode: string }>('/api/interaction/consultations', {
    channel: 'phone',
    question: '小微企业申请技术改造补贴需要哪些材料？',
    unitId: fgwUnit,
    askerName: '王小明',
    receivedOn: '2026-03-02',
    ...over,
  });
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  return r.body.data!;
};
const act = (c: Client, id: string, body: Record<string, unknown>) =>
  c.post<ConsultDetail>(`/api/interaction/consultations/${id}/actions`, body);
const review = (c: Client, id: string, body: unknown) =>
  c.post<ConsultDetail>(`/api/interaction/consultations/${id}/review`, body);
const answer = (c: Client, id: string, text = '需提交申请表和营业执照') =>
  act(c, id, { action: 'answer', answer: text, answeredOn: '2026-03-02' });

async function setReview(unit: string, reviewRequired: boolean) {
  const boxes = await office.get<MailboxInfo[]>('/api/interaction/mailboxes');
  const box = boxes.body.data!.find((b) => b.unitId === unit && b.kind === 'unit')!;
  const r = await office.put(`/api/interaction/mailboxes/${box.id}`, { reviewRequired, enabled: true });
  expect(r.status).toBe(200);
}

beforeAll(async () => {
  api = await setupApi();
  office = await api.loginAs('office');
  fgw = await api.loginAs('fgw_liaison');
  fgwReviewer = await api.loginAs('fgw_reviewer');
  jw = await api.loginAs('jw_liaison');
  auditor = await api.loginAs('auditor');
  fgwUnit = await unitId('区发展改革委');
  jwUnit = await unitId('区教委');
  await setReview(fgwUnit, true);
  await setReview(jwUnit, true);
});
afterAll(() => api.close());

describe('reply review of consultations', () => {
  it('401 without a session; 403 for a handler without the review permission and for the auditor', async () => {
    const { id } = await register(fgw);
    await answer(fgw, id);
    expect((await review(api.anon(), id, { action: 'approve' })).status).toBe(401);
    expect((await review(fgw, id, { action: 'approve' })).status).toBe(403);
    expect((await review(auditor, id, { action: 'approve' })).status).toBe(403);
  });

  it.each([
    [{ action: 'publish' }, /审核结论无效/],
    [{ action: 'return' }, /退回理由/],
    [{ action: 'return', note: '' }, /退回理由/],
  ])('400 %o', async (body, msg) => {
    const { id } = await register(fgw);
    await answer(fgw, id);
    const r = await review(fgwReviewer, id, body);
    expect(r.status).toBe(400);
    expect(JSON.stringify(r.body.error)).toMatch(msg);
  });

  it('400 when no answer waits for review; 404 for an unknown consultation', async () => {
    const { id } = await register(fgw);
    const r = await review(fgwReviewer, id, { action: 'approve' });
    expect(r.status).toBe(400);
    expect(r.body.error!.message).toMatch(/当前状态不能审核通过/);
    expect((await review(fgwReviewer, FAKE, { action: 'approve' })).status).toBe(404);
  });

  it('the answer waits for review, hidden from the citizen; returned with a note; approved it goes out', async () => {
    const { id, queryCode } = await register(fgw);
    const a = await answer(fgw, id, '请携带申请表');
    expect(a.status).toBe(200);
    expect(a.body.data).toMatchObject({
      status: 'open',
      reviewing: true,
      answer: '请携带申请表',
      answeredOn: null,
      allowedActions: ['approve', 'return'],
    });
    // The handler cannot answer again or transfer while it waits.
    expect((await answer(fgw, id, '再答一次')).status).toBe(400);
    const db = api.tdb.database.db;
    expect(await consultationByCode(db, api.clock, queryCode)).toMatchObject({
      status: 'open',
      statusLabel: '办理中',
      answer: null,
    });
    const waiting = await fgwReviewer.get<{ items: ConsultSummary[] }>(
      '/api/interaction/consultations?reviewing=true',
    );
    expect(waiting.body.data!.items.map((i) => i.id)).toContain(id);
    const todo = await fgwReviewer.get<{ groups: TodoGroup[] }>('/api/todo');
    const group = todo.body.data!.groups.find((g) => g.kind === 'interaction.consultReview');
    expect(group?.items.map((i) => i.link)).toContain(`/interaction/consultations/${id}`);

    const back = await review(fgwReviewer, id, { action: 'return', note: '请补充政策依据' });
    expect(back.status).toBe(200);
    expect(back.body.data).toMatchObject({ status: 'open', reviewing: false, answer: null });
    expect(back.body.data!.history.at(-1)).toMatchObject({
      text: '答复退回修改：请补充政策依据',
      draft: '请携带申请表',
    });

    await answer(fgw, id, '请携带申请表，依据《技术改造补贴办法》第五条');
    const ok = await review(fgwReviewer, id, { action: 'approve', note: '同意' });
    expect(ok.status).toBe(200);
    expect(ok.body.data).toMatchObject({
      status: 'answered',
      reviewing: false,
      answeredOn: '2026-03-02',
      onTime: true,
      allowedActions: ['close', 'add_to_base'],
    });
    expect(await consultationByCode(db, api.clock, queryCode)).toMatchObject({
      status: 'answered',
      answer: '请携带申请表，依据《技术改造补贴办法》第五条',
      canRate: true,
    });
    const audits = await db.select().from(auditLog).where(eq(auditLog.objectId, id));
    expect(audits.map((x) => x.action)).toEqual(
      expect.arrayContaining(['interaction.consult.return', 'interaction.consult.approve']),
    );
  });

  it('a late approval is recorded as late (the answer date is the approval date)', async () => {
    // Received 02-20: due 02-28; drafted and approved today 03-02.
    const { id } = await register(fgw, { receivedOn: '2026-02-20' });
    const a = await answer(fgw, id);
    expect(a.body.data).toMatchObject({ reviewing: true, overdue: true });
    const ok = await review(fgwReviewer, id, { action: 'approve' });
    expect(ok.body.data).toMatchObject({ status: 'answered', onTime: false, answeredOn: '2026-03-02' });
    expect(ok.body.data!.history.at(-1)!.text).toMatch(/记为逾期答复/);
  });

  it('unit scope: a unit reviewer cannot review another unit’s consultation', async () => {
    const { id } = await register(office, { unitId: jwUnit });
    await answer(jw, id);
    expect((await review(fgwReviewer, id, { action: 'approve' })).status).toBe(404);
    const ok = await review(office, id, { action: 'approve' });
    expect(ok.status).toBe(200);
  });

  it('a unit without review answers directly', async () => {
    await setReview(fgwUnit, false);
    const { id } = await register(fgw);
    const a = await answer(fgw, id);
    expect(a.body.data).toMatchObject({ status: 'answered', reviewing: false, onTime: true });
    await setReview(fgwUnit, true);
  });
});

describe('what goes public in the Q&A base', () => {
  async function answered(question: string) {
    const { id } = await register(fgw, { question, askerName: '刘晓红' });
    await answer(fgw, id, '到区政务服务中心窗口办理。');
    await review(fgwReviewer, id, { action: 'approve' });
    return id;
  }

  it('adding a consultation with a sensitive word is refused with the reason', async () => {
    const id = await answered('哪里可以代开发票？');
    const r = await act(fgw, id, {
      action: 'add_to_base',
      question: '哪里可以代开发票？',
      answer: '到区政务服务中心窗口办理。',
    });
    expect(r.status).toBe(400);
    expect(r.body.error!.message).toBe('问题含有敏感词“代开发票”，不能公开到问答库');
  });

  it('personal data in the question is masked in the base entry (the asker’s name too)', async () => {
    const id = await answered('我是刘晓红，电话13812345678，想问创业补贴怎么申请？');
    const r = await act(fgw, id, {
      action: 'add_to_base',
      question: '我是刘晓红，电话13812345678，想问创业补贴怎么申请？',
      answer: '到区政务服务中心窗口办理。',
    });
    expect(r.status).toBe(200);
    const [entry] = await api.tdb.database.db
      .select()
      .from(qaEntries)
      .where(eq(qaEntries.id, r.body.data!.qaEntryId!));
    expect(entry!.question).toBe('我是刘**，电话138****5678，想问创业补贴怎么申请？');
  });

  it('approving an entry for the portal refuses a sensitive word and masks personal data', async () => {
    const bad = await fgw.post<QaEntryInfo>('/api/interaction/qa', {
      question: '办证刻章去哪里？',
      answer: '请到公安窗口。',
      unitId: fgwUnit,
    });
    const refused = await office.post(`/api/interaction/qa/${bad.body.data!.id}/review`, {
      decision: 'approve',
    });
    expect(refused.status).toBe(400);
    expect(refused.body.error!.message).toMatch(/问题含有敏感词“办证刻章”/);

    const pii = await fgw.post<QaEntryInfo>('/api/interaction/qa', {
      question: '身份证110101199003071234丢了，补贴还能领吗？',
      answer: '可以，先补办身份证。',
      unitId: fgwUnit,
    });
    const ok = await office.post<QaEntryInfo>(`/api/interaction/qa/${pii.body.data!.id}/review`, {
      decision: 'approve',
    });
    expect(ok.status).toBe(200);
    expect(ok.body.data).toMatchObject({
      status: 'published',
      question: '身份证11*************234丢了，补贴还能领吗？',
    });
  });
});
