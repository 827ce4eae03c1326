// SECURITY.md 11: a "forbidden fields" scanner over every public response. Known personal data goes in through
// the real routes (an application on the portal and one registered by staff, a letter with its writer's name,
// phone and ID number, a consultation with the asker's contact, a hotline call), each record lives its public
// life (answered, replied, published), then an anonymous crawler walks the portal from `/` and the known pages,
// runs the searches with the seeded values, opens every status page by query code and the public JSON endpoints,
// and no response may carry a seeded value or any valid 18-digit ID number.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseDetail } from '../../src/contracts/requests';
import { checkIdCardNumber } from '../../src/domain/requests/identity';
import { units } from '../../src/server/db/schema';
import { portalMailboxes } from '../../src/server/modules/interaction';
import { routeRegistry } from '../../src/server/platform/http/route';
import { type Client, setupApi, type TestApi } from '../api';
import { applyOnPortal } from '../portal-apply';
import { ok, staffCaseBody } from '../unit-records';

// Seeded personal data: names, phones, ID numbers (valid check digits) and addresses.
const CASE = {
  name: '周志强',
  idNumber: '110105197803042138',
  phone: '13911223344',
  address: '潼南区桂林街道新华路88号3单元502',
};
const APPLICANT = {
  name: '吴桂兰',
  idNumber: '500223199208154573',
  phone: '13622334455',
  address: '潼南区梓潼街道兴潼大道17号',
};
const WRITER = { name: '李秀英', phone: '13698765432', idNumber: '510104198506122134' };
const ASKER = { name: '赵丽华', contact: '13512345678' };
const CALLER = { name: '孙建国', phone: '13787654321' };
const SEEDED = [
  ...Object.values(CASE),
  ...Object.values(APPLICANT),
  ...Object.values(WRITER),
  ...Object.values(ASKER),
  ...Object.values(CALLER),
];

/** Pages the crawler opens besides those it finds linked. */
const KNOWN = [
  '/',
  '/xxgk',
  '/xxgk/units',
  '/xxgk/ml',
  '/xxgk/search',
  '/ysqgk',
  '/hdjl',
  '/hdjl/xx',
  '/hdjl/zxwd',
];
/** Search pages, each run with every seeded value. */
const SEARCHES = ['/xxgk/search?q=', '/hdjl/xx?search=', '/hdjl/zxwd?search='];
const MAX_PAGES = 1500;

let api: TestApi;
/** Every public response: its URL and its body as text. */
const seen = new Map<string, string>();
const codes: { status: string; code: string }[] = [];
/** Whether the crawler ran out of links (rather than into MAX_PAGES). */
let crawlComplete = false;

const pageOf = async (anon: Client, url: string) => {
  const r = await anon.request('GET', url);
  // A JSON answer is already read (parsed) by the client.
  return r.headers.get('content-type')?.includes('json') ? JSON.stringify(r.body) : r.raw.text();
};

/** Fills a portal form like a browser: the token and the challenge are read from the form page. */
async function postForm(anon: Client, formUrl: string, action: string, values: Record<string, string>) {
  const page = await pageOf(anon, formUrl);
  const token = /name="token" value="([^"]+)"/.exec(page)![1]!;
  const [, a, b] = /验证问题：(\d+) 加 (\d+) 等于几/.exec(page)!;
  const form = new FormData();
  for (const [k, v] of Object.entries({ token, answer: String(Number(a) + Number(b)), ...values }))
    form.append(k, v);
  const res = await anon.request('POST', action, undefined, { form });
  const html = await res.raw.text();
  if (res.status >= 300) throw new Error(`${action}: ${res.status}`);
  return /data-testid="query-code">([A-Z0-9]+)</.exec(html)![1]!;
}

/** The valid 18-digit ID numbers in a text (check digit and birth date right). */
const validIdNumbers = (text: string) =>
  [...text.matchAll(/(?<!\d)\d{17}[\dXx](?!\d)/g)]
    .map((m) => m[0])
    .filter((id) => checkIdCardNumber(id) === null);

const count = (text: string, v: string) => text.split(v).length - 1;

beforeAll(async () => {
  api = await setupApi();
  const db = api.tdb.database.db;
  const fgwUnit = (await db.select().from(units).where(eq(units.name, '区发展改革委')))[0]!.id;
  const office = await api.loginAs('office');
  const fgw = await api.loginAs('fgw_liaison');

  // 依申请公开: one registered by staff and answered, one applied for on the portal (waiting).
  const staffCase = await ok(
    fgw.post<{ id: string }>('/api/requests/cases', {
      ...staffCaseBody(fgwUnit),
      applicant: { kind: 'natural_person', idType: 'id_card', ...CASE },
    }),
    'case',
  );
  await ok(
    fgw.post(`/api/requests/cases/${staffCase.id}/actions`, {
      action: 'reply',
      date: '2026-03-02',
      outcome: 'r1',
      legalBasis: 'art36_1',
    }),
    'case reply',
  );
  const detail = await ok(fgw.get<CaseDetail>(`/api/requests/cases/${staffCase.id}`), 'case detail');
  expect(detail.status).toBe('closed');
  codes.push({ status: '/ysqgk/query?code=', code: detail.queryCode });
  const applied = await applyOnPortal(api.anon(), {
    unitId: fgwUnit,
    kind: 'natural_person',
    idType: 'id_card',
    ...APPLICANT,
    description: '2025年区发展改革委重大项目审批结果',
    deliveryForm: 'electronic',
    deliveryChannel: 'email',
  });
  expect(applied.status).toBe(201);
  codes.push({
    status: '/ysqgk/query?code=',
    code: /data-testid="query-code">([A-Z0-9]+)</.exec(applied.html)![1]!,
  });

  // A letter with the writer's data in its fields and in its body: replied and published (选登).
  const head = (await portalMailboxes(db)).find((m) => m.name === '区长信箱')!.id;
  const letterCode = await postForm(api.anon(), '/hdjl/xx/write', '/hdjl/xx/write', {
    mailboxId: head,
    type: 'complaint',
    subject: '反映幸福里小区路灯不亮',
    body: `我是${WRITER.name}，电话${WRITER.phone}，身份证${WRITER.idNumber}，住幸福里12号2栋。小区路灯坏了三个月。`,
    writerName: WRITER.name,
    writerPhone: WRITER.phone,
    writerIdNo: WRITER.idNumber,
    consent: 'yes',
  });
  codes.push({ status: '/hdjl/xx/query?code=', code: letterCode });
  const letters = await ok(
    office.get<{ items: { id: string }[] }>('/api/interaction/letters?keyword=路灯'),
    'letters',
  );
  const letterId = letters.items[0]!.id;
  await ok(
    office.post(`/api/interaction/letters/${letterId}/actions`, {
      action: 'transfer',
      unitId: fgwUnit,
      reason: '交办',
    }),
    'letter transfer',
  );
  await ok(
    fgw.post(`/api/interaction/letters/${letterId}/actions`, {
      action: 'reply',
      reply: '已安排维修，小区路灯已修复。',
      repliedOn: '2026-03-02',
    }),
    'letter reply',
  );
  await ok(
    fgw.post(`/api/interaction/letters/${letterId}/publication`, { published: true }),
    'letter publication',
  );

  // A consultation on the portal with the asker's name and contact, answered by the unit.
  const question = '小微企业技术改造补贴什么时候发放？';
  const askUrl = `/hdjl/zxwd/ask?question=${encodeURIComponent(question)}`;
  const consultCode = await postForm(api.anon(), askUrl, '/hdjl/zxwd/ask', {
    question,
    unitId: fgwUnit,
    askerName: ASKER.name,
    askerContact: ASKER.contact,
  });
  codes.push({ status: '/hdjl/zxwd/query?code=', code: consultCode });
  const consults = await ok(
    fgw.get<{ items: { id: string; question: string }[] }>('/api/interaction/consultations'),
    'consultations',
  );
  await ok(
    fgw.post(
      `/api/interaction/consultations/${consults.items.find((c) => c.question === question)!.id}/actions`,
      {
        action: 'answer',
        answer: '补贴于项目验收后 30 个工作日内拨付。',
        answeredOn: '2026-03-02',
      },
    ),
    'consultation answer',
  );

  // A hotline call with the caller's name and phone, answered on the line.
  await ok(
    fgw.post('/api/interaction/calls', {
      channel: 'local',
      calledAt: '2026-03-02T08:30:00+08:00',
      callerName: CALLER.name,
      callerPhone: CALLER.phone,
      question: '小微企业技术改造补贴什么时候开始申报？',
      answer: '3 月底发布申报通知',
      unitId: fgwUnit,
    }),
    'call',
  );

  // The crawl: known pages and everything linked from them, breadth first.
  const anon = api.anon();
  const queue = [...KNOWN];
  while (queue.length && seen.size < MAX_PAGES) {
    const url = queue.shift()!;
    if (seen.has(url)) continue;
    const text = await pageOf(anon, url);
    seen.set(url, text);
    for (const m of text.matchAll(/href="(\/[^"#]*)"/g)) {
      const link = m[1]!.replaceAll('&amp;', '&');
      // The accessibility switches only set a cookie and send the visitor back.
      if (/^\/(admin|api|static)\b|^\/favicon|^\/xxgk\/a11y\?/.test(link) || seen.has(link)) continue;
      queue.push(link);
    }
  }
  crawlComplete = queue.every((u) => seen.has(u));
  // Public JSON endpoints: every GET the registry marks public, without path parameters.
  for (const r of routeRegistry.filter(
    (x) => x.auth === 'public' && x.method === 'get' && !x.path.includes(':'),
  ))
    seen.set(r.path, await pageOf(anon, r.path));
  seen.set('/api/health', await pageOf(anon, '/api/health'));
  for (const { status, code } of codes) seen.set(`${status}${code}`, await pageOf(anon, `${status}${code}`));
}, 60_000);
afterAll(() => api.close());

describe('no public response carries personal data', () => {
  it('the crawl reached the records in their public life', () => {
    const all = [...seen.values()].join('\n');
    expect(crawlComplete).toBe(true);
    expect(seen.size).toBeGreaterThan(30);
    expect(all).toContain('反映幸福里小区路灯不亮'); // the published letter
    expect(all).toContain('补贴于项目验收后 30 个工作日内拨付。'); // the consultation's answer, by code
    expect([...seen.keys()].some((u) => u.startsWith('/hdjl/xx/query?code='))).toBe(true);
  });

  it('no page, list, status page or JSON endpoint shows a seeded value or a valid ID number', () => {
    const leaks: string[] = [];
    for (const [url, text] of seen) {
      for (const v of SEEDED) if (text.includes(v)) leaks.push(`${url}: ${v}`);
      for (const id of validIdNumbers(text)) leaks.push(`${url}: ID ${id}`);
    }
    expect(leaks).toEqual([]);
  });

  it('searching for a seeded value finds nothing more than the query itself', async () => {
    const anon = api.anon();
    const leaks: string[] = [];
    for (const base of SEARCHES) {
      // How often the page echoes a query that matches nothing: the search box, the heading.
      const inert = 'QZXQZXQ';
      const echo = count(await pageOf(anon, `${base}${inert}`), inert);
      for (const v of SEEDED) {
        const text = await pageOf(anon, `${base}${encodeURIComponent(v)}`);
        if (count(text, v) > echo) leaks.push(`${base}${v}: ${count(text, v)} > ${echo}`);
        const others = SEEDED.filter((o) => o !== v && text.includes(o));
        if (others.length) leaks.push(`${base}${v}: ${others.join()}`);
        for (const id of validIdNumbers(text.split(v).join(''))) leaks.push(`${base}${v}: ID ${id}`);
      }
    }
    expect(leaks).toEqual([]);
  });
});
