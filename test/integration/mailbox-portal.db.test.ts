// Issue 11 parts 4 and 7 on the portal, as a browser without JavaScript sees it: /hdjl/xx/write (challenge, the
// limit counting accepted letters, duplicates refused, clear Chinese errors), the status by query code, the
// published letters (masked, never raw) with search — kept in the page cache and cleared by the letters' trigger —
// and /hdjl/tj counting consultations and letters from the data.
import { eq } from 'drizzle-orm';
import type { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LetterSummary } from '../../src/contracts/interaction';
import { buildApp } from '../../src/server/app';
import { units } from '../../src/server/db/schema';
import { portalMailboxes } from '../../src/server/modules/interaction';
import type { AppEnv } from '../../src/server/platform/context';
import { type ChangeListener, listenForChanges, PageCache } from '../../src/server/platform/http/page-cache';
import { putSetting } from '../../src/server/platform/settings';
import { type Client, setupApi, type TestApi } from '../api';

let api: TestApi;
let office: Client;
let fgw: Client;
let head: string;
let fgwUnit: string;
let cached: { app: Hono<AppEnv>; cache: PageCache; listener: ChangeListener };

const html = async (c: Client, url: string) => (await c.request('GET', url)).raw.text();

/** Posts the letter form like a browser: the challenge is read from the form page. */
async function writeLetter(values: Record<string, string>, ip = '203.0.113.10') {
  const c = api.anon();
  const page = await html(c, '/hdjl/xx/write');
  const token = /name="token" value="([^"]+)"/.exec(page)![1]!;
  const [, a, b] = /验证问题：(\d+) 加 (\d+) 等于几/.exec(page)!;
  const form = new FormData();
  for (const [k, v] of Object.entries({ token, answer: String(Number(a) + Number(b)), ...values }))
    form.append(k, v);
  const res = await c.request('POST', '/hdjl/xx/write', undefined, {
    form,
    headers: { 'x-forwarded-for': ip },
  });
  return { status: res.status, html: await res.raw.text() };
}

const letter = (over: Record<string, string> = {}) => ({
  mailboxId: head,
  type: 'complaint',
  subject: '李秀英反映幸福里小区路灯不亮',
  body: '我是李秀英，电话13698765432，身份证510104199002021236，住幸福里12号2栋。小区路灯坏了三个月。',
  writerName: '李秀英',
  writerPhone: '13698765432',
  consent: 'yes',
  ...over,
});

beforeAll(async () => {
  api = await setupApi({ config: { trustedProxies: ['127.0.0.1'] } });
  office = await api.loginAs('office');
  fgw = await api.loginAs('fgw_liaison');
  fgwUnit = (await api.tdb.database.db.select().from(units).where(eq(units.name, '区发展改革委')))[0]!.id;
  head = (await portalMailboxes(api.tdb.database.db)).find((m) => m.name === '区长信箱')!.id;
  const cache = new PageCache();
  const listener = await listenForChanges(api.tdb.database, () => cache.clear());
  cached = { app: buildApp(api.platform, { pageCache: cache }), cache, listener };
});
afterAll(async () => {
  await cached?.listener.stop();
  await api?.close();
});

describe('/hdjl/xx', () => {
  it('the form lists the 区长信箱 and the units; refused letters say why in Chinese', async () => {
    const page = await html(api.anon(), '/hdjl/xx/write');
    expect(page).toContain('区长信箱');
    expect(page).toContain('区发展改革委信箱');
    const empty = await writeLetter(letter({ subject: '', body: '' }), '203.0.113.1');
    expect(empty.status).toBe(400);
    expect(empty.html).toContain('请填写来信标题');
    expect(empty.html).toContain('请填写来信内容');
    const long = await writeLetter(letter({ body: '长'.repeat(10_000) }), '203.0.113.1');
    expect(long.status).toBe(400);
    expect(long.html).toContain('来信内容不超过 5000 字');
    const phone = await writeLetter(letter({ writerPhone: 'abc' }), '203.0.113.1');
    expect(phone.html).toContain('联系电话格式不正确');
    const form = new FormData();
    form.append('subject', 'x');
    const noChallenge = await api.anon().request('POST', '/hdjl/xx/write', undefined, { form });
    expect(noChallenge.status).toBe(400);
    expect(await noChallenge.raw.text()).toContain('验证问题回答不正确');
  });

  let code = '';
  it('a letter gets a case number and a query code; the same letter again is linked to it', async () => {
    const r = await writeLetter(letter());
    expect(r.status).toBe(201);
    code = /data-testid="query-code">([A-Z0-9]+)</.exec(r.html)![1]!;
    const letterNo = /编号 (XX\d{4}-\d{4})/.exec(r.html)![1]!;
    const again = await writeLetter(letter(), '203.0.113.11');
    expect(again.status).toBe(200);
    expect(again.html).toContain('信件已并入原件办理');
    expect(again.html).toContain(letterNo);
    // Knowing the phone and the text is not enough to learn the query code.
    expect(again.html).not.toContain(code);
    const st = await html(api.anon(), `/hdjl/xx/query?code=${code}`);
    expect(st).toContain('办理中');
    expect(st).not.toContain('13698765432');
    expect(await html(api.anon(), '/hdjl/xx/query?code=NOPE')).toContain('没有找到该查询码');
  });

  it('the limit counts accepted letters only', async () => {
    await putSetting(api.tdb.database.db, 'interaction.letterLimit', { perHour: 1 });
    const ip = '203.0.113.20';
    expect((await writeLetter(letter({ subject: '' }), ip)).status).toBe(400);
    expect((await writeLetter(letter({ body: '第一封', writerPhone: '13600000001' }), ip)).status).toBe(201);
    const third = await writeLetter(letter({ body: '第二封', writerPhone: '13600000002' }), ip);
    expect(third.status).toBe(429);
    expect(third.html).toContain('提交过于频繁');
    await putSetting(api.tdb.database.db, 'interaction.letterLimit', { perHour: 100 });
  });

  it('per phone number and day, from any address (SECURITY.md 39): 429 in Chinese, the next day allowed again', async () => {
    await putSetting(api.tdb.database.db, 'interaction.letterLimit', { perHour: 100, perPhonePerDay: 2 });
    const before = api.clock.now();
    api.clock.set(new Date('2026-05-11T09:00:00+08:00')); // another month than /hdjl/tj counts below
    const phone = '13655550001';
    const bodies = ['东门路灯坏了。', '西街下水道堵塞。', '南桥栏杆松动。', '北路公交站无遮雨棚。'];
    expect((await writeLetter(letter({ body: bodies[0]!, writerPhone: phone }), '203.0.113.31')).status).toBe(
      201,
    );
    // The same number written another way is the same number.
    expect(
      (await writeLetter(letter({ body: bodies[1]!, writerPhone: '+86 136-5555-0001' }), '203.0.113.32'))
        .status,
    ).toBe(201);
    const third = await writeLetter(letter({ body: bodies[2]!, writerPhone: phone }), '203.0.113.33');
    expect(third.status).toBe(429);
    expect(third.html).toContain('该电话号码今日提交次数已达上限');
    // Another number from the same address is not limited by it.
    expect(
      (await writeLetter(letter({ body: bodies[2]!, writerPhone: '13655550002' }), '203.0.113.33')).status,
    ).toBe(201);
    api.clock.advance(24 * 3600_000);
    expect((await writeLetter(letter({ body: bodies[3]!, writerPhone: phone }), '203.0.113.34')).status).toBe(
      201,
    );
    api.clock.set(before);
    await putSetting(api.tdb.database.db, 'interaction.letterLimit', { perHour: 100 });
  });

  it('routed, replied and published: shown masked, found by search, the cached page follows', async () => {
    const list = async () => (await cached.app.request('/hdjl/xx')).text();
    expect(await list()).toContain('选登来信（共 0 封）');
    // Kept once no earlier change is still arriving (a page rendered across a change is not kept).
    await expect
      .poll(
        async () => {
          await list();
          return cached.cache.size;
        },
        { timeout: 2000 },
      )
      .toBeGreaterThan(0);
    const letters = await office.get<{ items: LetterSummary[] }>(
      `/api/interaction/letters?keyword=${encodeURIComponent('三个月')}`,
    );
    const id = letters.body.data!.items[0]!.id;
    await office.post(`/api/interaction/letters/${id}/actions`, {
      action: 'transfer',
      unitId: fgwUnit,
      reason: '交办',
    });
    await fgw.post(`/api/interaction/letters/${id}/actions`, {
      action: 'reply',
      reply: '已安排维修，李秀英反映的路灯已修复。',
      repliedOn: '2026-03-02',
    });
    expect((await fgw.post(`/api/interaction/letters/${id}/publication`, { published: true })).status).toBe(
      200,
    );
    await expect.poll(list, { timeout: 2000 }).toContain('选登来信（共 1 封）');
    const shown = await list();
    for (const raw of ['李秀英', '13698765432', '510104199002021236', '幸福里12号'])
      expect(shown).not.toContain(raw);
    expect(shown).toContain('李**反映幸福里小区路灯不亮');
    expect(shown).toContain('小区路灯坏了三个月');
    const found = await html(api.anon(), `/hdjl/xx?search=${encodeURIComponent('路灯')}`);
    expect(found).toContain('选登来信（共 1 封）');
    expect(await html(api.anon(), `/hdjl/xx?search=${encodeURIComponent('李秀英')}`)).toContain(
      '选登来信（共 0 封）',
    );
    expect(await html(api.anon(), `/hdjl/xx/query?code=${code}`)).toContain('已安排维修');
  });
});

describe('/hdjl/tj', () => {
  it('counts consultations and letters of the month from the data', async () => {
    await office.post('/api/interaction/consultations', {
      channel: 'phone',
      question: '路灯维修归哪个部门管？',
      unitId: fgwUnit,
      receivedOn: '2026-03-02',
    });
    const page = await html(api.anon(), '/hdjl/tj?year=2026&month=3');
    expect(page).toContain('2026 年 3 月');
    const totals = /data-testid="totals">([^<]+(?:<!-- -->[^<]*)*)/.exec(page)?.[0] ?? page;
    expect(totals.replace(/<!-- -->/g, '')).toMatch(/咨询收到 1 件、答复 0 件/);
    expect(totals.replace(/<!-- -->/g, '')).toMatch(/来信收到 2 件、答复 1 件、按时 1 件/);
    const unitRow = /<th scope="row">区发展改革委<\/th>(.*?)<\/tr>/s.exec(page)![1]!;
    expect([...unitRow.matchAll(/<td>(\d+)<\/td>/g)].map((m) => m[1])).toEqual([
      '1',
      '0',
      '0',
      '1',
      '1',
      '1',
    ]);
    // A year out of range falls back to this year.
    expect(await html(api.anon(), '/hdjl/tj?year=1990')).toContain('逐月情况（2026 年）');
  });
});
