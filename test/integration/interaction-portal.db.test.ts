// Issue 11 part 7 (/hdjl/zxwd) as a citizen's browser sees it, without JavaScript: only reviewed entries are
// public; "先查一查" shows the base's confident answers before anything is sent; a question is submitted with the
// challenge and gets a query code; the limit counts accepted questions; the answer is read and rated by code.
import fs from 'node:fs';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConsultSummary } from '../../src/contracts/interaction';
import { parseCsv } from '../../src/domain/interaction/matching';
import { units } from '../../src/server/db/schema';
import { putSetting } from '../../src/server/platform/settings';
import { type Client, setupApi, type TestApi } from '../api';

let api: TestApi;
let office: Client;
let fgw: Client;
let fgwUnit: string;

const KB = path.resolve(__dirname, '../fixtures/qa/gongjijin/kb.csv');

/** The fixture base with its units replaced by a demo unit (the demo district has no 公积金中心). */
function kbCsv(): Uint8Array {
  const rows = parseCsv(fs.readFileSync(KB, 'utf8'));
  const q = (s: string) => (/[",\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s);
  const out = rows.map((r, i) => (i === 0 ? r : [r[0]!, r[1]!, '区发展改革委', r[3] ?? '']));
  return new TextEncoder().encode(out.map((r) => r.map(q).join(',')).join('\n'));
}

const html = async (c: Client, url: string) => (await c.request('GET', url)).raw.text();

/** Posts the ask form like a browser: the challenge is read from the page of the "先查一查" step. */
async function ask(
  c: Client,
  question: string,
  values: Record<string, string>,
  headers?: Record<string, string>,
) {
  // The form follows any checked question; the posted question is the one that counts.
  const page = await html(c, `/hdjl/zxwd/ask?question=${encodeURIComponent('补贴')}`);
  const token = /name="token" value="([^"]+)"/.exec(page)![1]!;
  const [, a, b] = /验证问题：(\d+) 加 (\d+) 等于几/.exec(page)!;
  const form = new FormData();
  for (const [k, v] of Object.entries({ token, answer: String(Number(a) + Number(b)), question, ...values }))
    form.append(k, v);
  const res = await c.request('POST', '/hdjl/zxwd/ask', undefined, { form, headers });
  return { status: res.status, html: await res.raw.text() };
}

beforeAll(async () => {
  // Behind a trusted proxy, so each test can ask from its own address.
  api = await setupApi({ config: { trustedProxies: ['127.0.0.1'] } });
  office = await api.loginAs('office');
  fgw = await api.loginAs('fgw_liaison');
  fgwUnit = (await api.tdb.database.db.select().from(units).where(eq(units.name, '区发展改革委')))[0]!.id;
  const imported = await office.upload<{ created: number }>('/api/interaction/qa/import', 'kb.csv', kbCsv());
  expect(imported.body.data).toEqual({ created: 15 });
});
afterAll(() => api.close());

describe('/hdjl/zxwd', () => {
  it('the hub links the pages; the base shows only reviewed entries', async () => {
    const hub = await html(api.anon(), '/hdjl');
    expect(hub).toContain('href="/hdjl/zxwd/ask"');
    expect(await html(api.anon(), '/hdjl/zxwd')).toContain('问答（共 0 条）');
    const pending = await office.get<{ items: { id: string }[] }>(
      '/api/interaction/qa?status=pending&pageSize=100',
    );
    for (const e of pending.body.data!.items)
      expect((await office.post(`/api/interaction/qa/${e.id}/review`, { decision: 'approve' })).status).toBe(
        200,
      );
    const all = await html(api.anon(), '/hdjl/zxwd');
    expect(all).toContain('问答（共 15 条）');
    expect(all).toContain('区发展改革委（15）');
    const found = await html(api.anon(), `/hdjl/zxwd?search=${encodeURIComponent('租房 提取')}`);
    expect(found.indexOf('租房可以提取住房公积金吗')).toBeGreaterThan(0);
  });

  it('先查一查 shows a confident answer for a paraphrase, and none for a question the base does not answer', async () => {
    const hit = await html(
      api.anon(),
      `/hdjl/zxwd/ask?question=${encodeURIComponent('租的房子 公积金每年能取好多钱')}`,
    );
    expect(hit).toContain('data-testid="suggestions"');
    expect(hit).toContain('租房可以提取住房公积金吗，一年能取多少？');
    expect(hit).toContain('仍要咨询');
    const miss = await html(
      api.anon(),
      `/hdjl/zxwd/ask?question=${encodeURIComponent('幼儿园什么时候开始报名？')}`,
    );
    expect(miss).toContain('data-testid="no-suggestion"');
    expect(await html(api.anon(), '/hdjl/zxwd/ask')).not.toContain('提交咨询</button>');
  });

  it('先查一查 posts the question, so one typed on several lines is answered (a GET would be refused for its line breaks)', async () => {
    const question = '租的房子\r\n公积金每年能取好多钱';
    const asGet = await api.anon().get(`/hdjl/zxwd/ask?question=${encodeURIComponent(question)}`);
    expect(asGet.status).toBe(400);
    const form = new FormData();
    form.append('question', question);
    const res = await api.anon().request('POST', '/hdjl/zxwd/check', undefined, { form });
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const page = await res.raw.text();
    expect(page).toContain('租房可以提取住房公积金吗，一年能取多少？');
    expect(page).toContain('<input type="hidden" name="question" value="租的房子\r\n公积金每年能取好多钱"');
    expect(page).toContain('action="/hdjl/zxwd/check"');
    const foreign = await api.anon().request('POST', '/hdjl/zxwd/check', undefined, {
      form,
      headers: { origin: 'https://evil.example', host: 'gongkai.example' },
    });
    expect(foreign.status).toBe(403);
  });

  it('refuses an empty, a 10,000-character, an unrouted or a cross-site question, and a wrong challenge', async () => {
    const anon = api.anon();
    expect((await ask(anon, '', { unitId: fgwUnit })).status).toBe(400);
    const long = await ask(anon, '问'.repeat(10_000), { unitId: fgwUnit });
    expect(long.status).toBe(400);
    expect(long.html).toContain('不超过 500 字');
    expect((await ask(anon, '补贴怎么申请？', { unitId: '' })).html).toContain('请选择咨询的单位');
    const xs = await ask(
      anon,
      '补贴怎么申请？',
      { unitId: fgwUnit },
      { origin: 'https://evil.example', host: 'gongkai.example' },
    );
    expect(xs.status).toBe(403);
    const form = new FormData();
    for (const [k, v] of Object.entries({ token: '1.x', answer: '3', question: '补贴？', unitId: fgwUnit }))
      form.append(k, v);
    const wrong = await anon.request('POST', '/hdjl/zxwd/ask', undefined, { form });
    expect(wrong.status).toBe(400);
  });

  it('a question gets a code; the unit answers; the citizen reads it by code and rates it once', async () => {
    const anon = api.anon();
    const r = await ask(anon, '技术改造补贴什么时候发放？', {
      unitId: fgwUnit,
      askerName: '李四',
      askerContact: '13900139000',
    });
    expect(r.status).toBe(201);
    const code = /data-testid="query-code">([A-Z0-9]+)</.exec(r.html)![1]!;
    expect(r.html).toContain('2026-03-09');
    const waiting = await html(anon, `/hdjl/zxwd/query?code=${code}`);
    expect(waiting).toContain('办理中');
    expect(waiting).not.toContain('提交评价');
    const list = await fgw.get<{ items: { id: string; question: string }[] }>(
      '/api/interaction/consultations',
    );
    const id = list.body.data!.items.find((i) => i.question === '技术改造补贴什么时候发放？')!.id;
    await fgw.post(`/api/interaction/consultations/${id}/actions`, {
      action: 'answer',
      answer: '补贴于项目验收后 30 个工作日内拨付。',
      answeredOn: '2026-03-02',
    });
    const answered = await html(anon, `/hdjl/zxwd/query?code=${code.toLowerCase()}`);
    expect(answered).toContain('补贴于项目验收后 30 个工作日内拨付。');
    expect(answered).not.toMatch(/李四|13900139000/);
    const rate = (satisfaction: string) => {
      const f = new FormData();
      f.append('code', code);
      f.append('satisfaction', satisfaction);
      return anon.request('POST', '/hdjl/zxwd/rate', undefined, { form: f });
    };
    expect((await rate('great')).status).toBe(400);
    const ok = await rate('satisfied');
    expect(ok.status).toBe(200);
    expect(await ok.raw.text()).toContain('感谢您的评价');
    expect((await rate('basic')).status).toBe(400);
  });

  it('the limit counts accepted questions only', async () => {
    await api.tdb.database.db.transaction((tx) => putSetting(tx, 'interaction.portalLimit', { perHour: 1 }));
    const anon = api.anon();
    const headers = { 'x-forwarded-for': '203.0.113.9' };
    // Refused questions cost nothing…
    expect((await ask(anon, '', { unitId: fgwUnit }, headers)).status).toBe(400);
    expect((await ask(anon, '第一个问题：补贴标准？', { unitId: fgwUnit }, headers)).status).toBe(201);
    // …the second accepted one within the hour is refused.
    const second = await ask(anon, '第二个问题：申报时间？', { unitId: fgwUnit }, headers);
    expect(second.status).toBe(429);
    expect(second.html).toContain('提交过于频繁');
  });

  it('per phone number and day when the contact is a phone (SECURITY.md 39); other contacts are not', async () => {
    await api.tdb.database.db.transaction((tx) =>
      putSetting(tx, 'interaction.portalLimit', { perHour: 100, perPhonePerDay: 1 }),
    );
    const from = (n: number) => ({ 'x-forwarded-for': `203.0.113.${40 + n}` });
    const anon = api.anon();
    const phone = { unitId: fgwUnit, askerContact: '139 0000 7777' };
    expect((await ask(anon, '补贴发放时间是什么时候？', phone, from(1))).status).toBe(201);
    const again = await ask(anon, '申报材料有哪些要求？', { ...phone, askerContact: '13900007777' }, from(2));
    expect(again.status).toBe(429);
    expect(again.html).toContain('该电话号码今日提交次数已达上限');
    const mail = { unitId: fgwUnit, askerContact: 'someone@example.cn' };
    expect((await ask(anon, '补贴标准是多少？', mail, from(3))).status).toBe(201);
    expect((await ask(anon, '补贴标准如何计算？', mail, from(4))).status).toBe(201);
    api.clock.advance(24 * 3600_000);
    expect((await ask(anon, '申报材料有哪些要求？', phone, from(5))).status).toBe(201);
    api.clock.advance(-24 * 3600_000);
  });

  it('a question with a sensitive word (padded, full-width) is taken and flagged for manual review in the list', async () => {
    const headers = { 'x-forwarded-for': '203.0.113.60' };
    const r = await ask(api.anon(), '有人在小区门口办 证·刻＊章，怎么举报？', { unitId: fgwUnit }, headers);
    expect(r.status).toBe(201);
    const list = await office.get<{ items: ConsultSummary[] }>(
      `/api/interaction/consultations?keyword=${encodeURIComponent('怎么举报')}`,
    );
    expect(list.body.data!.items.map((c) => c.sensitiveWords)).toEqual([['办证刻章']]);
  });
});
