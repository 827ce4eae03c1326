// Requirement 40's idempotent submissions: every public form (依申请, 信箱, 咨询, 意见征集) is rendered with a
// hidden one-time request id (`rid`), and an API client may send an Idempotency-Key header. The same form posted
// again — one after the other or both at once — answers the same record (number and query code) and creates nothing
// new: no second case, letter, question, comment, file or audit row. Another id is another submission; an id is the
// user's own on the API.
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { units } from '../../src/server/db/schema';
import { portalMailboxes } from '../../src/server/modules/interaction';
import { type Client, setupApi, type TestApi } from '../api';
import { ok, staffCaseBody, unitRecords } from '../unit-records';

let api: TestApi;
let fgw: string;

beforeAll(async () => {
  api = await setupApi({ config: { trustedProxies: ['127.0.0.1'] } });
  fgw = (await api.tdb.database.db.select().from(units).where(eq(units.name, '区发展改革委')))[0]!.id;
});
afterAll(() => api?.close());

const count = async (table: string) =>
  (await api.tdb.database.db.execute<{ n: number }>(sql.raw(`SELECT count(*)::int AS n FROM ${table}`)))
    .rows[0]!.n;
const counts = async () => ({
  cases: await count('request_cases'),
  letters: await count('interaction_letters'),
  consultations: await count('interaction_consultations'),
  comments: await count('decision_comments'),
  files: await count('files'),
  audit: await count('audit_log'),
});

/** A form page read like a browser: the challenge answered, its hidden fields (token, rid) kept. */
async function filledForm(path: string, values: Record<string, string>, ip: string) {
  const c = api.anon();
  const page = await (
    await c.request('GET', path, undefined, { headers: { 'x-forwarded-for': ip } })
  ).raw.text();
  const token = /name="token" value="([^"]+)"/.exec(page)![1]!;
  const rid = /name="rid" value="([^"]+)"/.exec(page)?.[1];
  const [, a, b] = /验证问题：(\d+) 加 (\d+) 等于几/.exec(page)!;
  const fields: Record<string, string> = { token, answer: String(Number(a) + Number(b)), ...values };
  if (rid) fields.rid = rid;
  const post = async (over: Record<string, string> = {}) => {
    const form = new FormData();
    for (const [k, v] of Object.entries({ ...fields, ...over })) form.append(k, v);
    const res = await c.request('POST', path, undefined, { form, headers: { 'x-forwarded-for': ip } });
    return { status: res.status, html: await res.raw.text() };
  };
  return { rid, post };
}

const codeOf = (html: string) => /data-testid="query-code">([A-Z0-9]+)</.exec(html)?.[1];

describe('依申请公开 portal form', () => {
  const application = {
    kind: 'natural_person',
    name: '王五',
    idType: 'id_card',
    idNumber: '11010519491231002X',
    phone: '13900139000',
    description: '重复提交验证：2025年项目审批情况',
    deliveryForm: 'paper',
    deliveryChannel: 'mail',
  };

  it('the form carries a one-time request id; the same form posted twice is one case, answered twice', async () => {
    const f = await filledForm('/ysqgk/apply', { unitId: fgw, ...application }, '203.0.113.21');
    expect(f.rid).toMatch(/^[A-Za-z0-9_-]{16,64}$/);
    const before = await counts();
    const first = await f.post();
    expect(first.status, first.html.slice(0, 300)).toBe(201);
    const afterFirst = await counts();
    expect(afterFirst.cases - before.cases).toBe(1);
    const again = await f.post();
    expect(again.status).toBe(200);
    expect(codeOf(again.html)).toBe(codeOf(first.html));
    const caseNo = /申请编号 ([\d-]+)/.exec(first.html)![1];
    expect(again.html).toContain(`申请编号 ${caseNo}`);
    // Nothing at all is written the second time: no case, no file, no audit row.
    expect(await counts()).toEqual(afterFirst);
  });

  it('two posts of one form at the same moment make one case; both answers name it', async () => {
    const f = await filledForm(
      '/ysqgk/apply',
      { unitId: fgw, ...application, description: '并发重复提交验证' },
      '203.0.113.22',
    );
    const before = await counts();
    const [a, b] = await Promise.all([f.post(), f.post()]);
    for (const r of [a, b]) expect([200, 201]).toContain(r.status);
    expect(codeOf(a.html)).toBeDefined();
    expect(codeOf(a.html)).toBe(codeOf(b.html));
    expect((await counts()).cases - before.cases).toBe(1);
  });

  it('a new form (another id) is another submission; a form without an id still submits', async () => {
    const before = await counts();
    const one = await filledForm(
      '/ysqgk/apply',
      { unitId: fgw, ...application, description: '另一份申请甲' },
      '203.0.113.23',
    );
    const two = await filledForm(
      '/ysqgk/apply',
      { unitId: fgw, ...application, description: '另一份申请乙' },
      '203.0.113.23',
    );
    const r1 = await one.post();
    const r2 = await two.post({ rid: '' });
    expect([r1.status, r2.status]).toEqual([201, 201]);
    expect(codeOf(r1.html)).not.toBe(codeOf(r2.html));
    expect((await counts()).cases - before.cases).toBe(2);
  });
});

describe('信箱 portal form', () => {
  it('the same letter form posted twice is one letter with one number and query code', async () => {
    const head = (await portalMailboxes(api.tdb.database.db)).find((m) => m.name === '区长信箱')!.id;
    const f = await filledForm(
      '/hdjl/xx/write',
      {
        mailboxId: head,
        type: 'suggestion',
        subject: '重复提交验证：建议增设公交站',
        body: '建议在幸福里小区门口增设一个公交站。',
        writerName: '李秀英',
        writerPhone: '13698765432',
      },
      '203.0.113.31',
    );
    expect(f.rid).toBeDefined();
    const before = await counts();
    const first = await f.post();
    expect(first.status, first.html.slice(0, 300)).toBe(201);
    const afterFirst = await counts();
    // Without the id the same letter would be refused as a duplicate (400); with it the retry sees its letter.
    const again = await f.post();
    expect(again.status).toBe(200);
    expect(codeOf(again.html)).toBe(codeOf(first.html));
    const no = /编号 (XX[\d-]+)/.exec(first.html)![1];
    expect(again.html).toContain(no);
    expect((await counts()).letters - before.letters).toBe(1);
    expect((await counts()).audit).toBe(afterFirst.audit);
  });
});

describe('咨询 and 意见征集 portal forms', () => {
  it('the same question posted twice is one consultation with one query code', async () => {
    const question = '重复提交验证：技改补贴何时发放？';
    const f = await filledForm(
      `/hdjl/zxwd/ask?question=${encodeURIComponent(question)}`,
      { question, unitId: fgw, askerName: '李四' },
      '203.0.113.41',
    );
    const before = await counts();
    const post = () => f.post();
    const first = await post();
    expect(first.status, first.html.slice(0, 300)).toBe(201);
    const afterFirst = await counts();
    expect(afterFirst.consultations - before.consultations).toBe(1);
    const again = await post();
    expect(again.status).toBe(200);
    expect(codeOf(again.html)).toBe(codeOf(first.html));
    expect(await counts()).toEqual(afterFirst);
  });

  it('the same comment posted twice on a draft is one comment', async () => {
    const staff = await api.loginAs('fgw_liaison');
    const { decision } = await unitRecords(staff, await api.loginAs('office'), fgw);
    await ok(staff.post(`/api/disclosure/decisions/${decision.id}/open`, { commentDays: 33 }), 'open');
    const f = await filledForm(
      `/hdjl/zj/${decision.id}`,
      { authorName: '王五', text: '重复提交验证：建议票价分时段调整。' },
      '203.0.113.42',
    );
    const before = await counts();
    const first = await f.post();
    expect(first.status, first.html.slice(0, 300)).toBe(201);
    const afterFirst = await counts();
    expect(afterFirst.comments - before.comments).toBe(1);
    const again = await f.post();
    expect(again.status).toBe(200);
    expect(again.html).toContain('意见已提交');
    expect(await counts()).toEqual(afterFirst);
  });
});

describe('API: Idempotency-Key', () => {
  const register = (c: Client, key: string | null, body = staffCaseBody(fgw)) =>
    c.request<{ id: string; caseNo: string; queryCode: string }>('POST', '/api/requests/cases', body, {
      headers: key ? { 'idempotency-key': key } : {},
    });

  it('a retried registration with the same key returns the same case and stores nothing new', async () => {
    const liaison = await api.loginAs('fgw_liaison');
    const before = await counts();
    const first = await ok(register(liaison, 'retry-key-0001-abcdef'), 'register');
    const afterFirst = await counts();
    expect(afterFirst.cases - before.cases).toBe(1);
    const again = await register(liaison, 'retry-key-0001-abcdef');
    expect(again.status).toBe(201);
    expect(again.body.data).toMatchObject({ id: first.id, caseNo: first.caseNo, queryCode: first.queryCode });
    expect(await counts()).toEqual(afterFirst);
    // Without a key each post is a registration of its own.
    const plain = await ok(register(liaison, null), 'plain');
    expect(plain.id).not.toBe(first.id);
  });

  it('the key is the user’s own: another user with the same key registers a case of their own', async () => {
    const mine = await ok(register(await api.loginAs('fgw_liaison'), 'shared-key-0002-abcdef'), 'mine');
    const office = await ok(register(await api.loginAs('office'), 'shared-key-0002-abcdef'), 'office');
    expect(office.id).not.toBe(mine.id);
  });

  it('a refused registration does not use the key up: the corrected retry registers', async () => {
    const liaison = await api.loginAs('fgw_liaison');
    const bad = await register(liaison, 'fix-and-retry-0003-abc', { ...staffCaseBody(fgw), handedInOn: '' });
    expect(bad.status).toBe(400);
    const good = await register(liaison, 'fix-and-retry-0003-abc');
    expect(good.status).toBe(201);
  });
});
