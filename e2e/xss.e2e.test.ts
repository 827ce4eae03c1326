// Stored XSS (SECURITY row 21): the corpus in test/fixtures/xss-payloads.json is saved through the text fields a
// citizen fills on the portal (依申请 application, 信箱 letter, consultation, comment on a draft decision) and those
// staff fill in the console that reach a page (information item title and body, Q&A entry, unit name and aliases,
// work-plan and task text, draft decision, 考核 indicator names and manual-score 依据, the 整改 progress of a website
// check, and a test site's page titles and links through the website checker), then every page that shows them is opened in Chromium with JavaScript
// on. On each page: it came with the CSP, no dialog opened, the canary `window.__xss` that every payload would set
// stays undefined, the browser reported no Content-Security-Policy violation (a violation would mean live script reached the page and
// only the CSP stopped it), the DOM holds no live vector (event-handler attribute, javascript:/data: URL, inline or
// foreign script, srcdoc), and the text fields show each payload as the very text that was typed.
// Portal forms are filled in the browser (the form re-rendered after a wrong answer is checked too); console data
// are written through the API over HTTP (test/api.ts Client), where the browser is not the point.
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { and, eq, inArray } from 'drizzle-orm';
import type { Hono } from 'hono';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportPreview } from '../src/contracts/tasks';
import { websiteKey } from '../src/domain/media/registry';
import { mediaWebsites, units, users } from '../src/server/db/schema';
import type { AppEnv } from '../src/server/platform/context';
import { Client } from '../test/api';
import { commitBodyOf } from '../test/commit-body';
import { consoleLogin, DEMO_PASSWORD, type E2E, startE2E } from './harness';

const CORPUS = JSON.parse(
  fs.readFileSync(path.resolve(__dirname, '../test/fixtures/xss-payloads.json'), 'utf8'),
) as { payloads: { name: string; payload: string }[] };
const ALL = CORPUS.payloads.map((p) => p.payload);

/** The payloads joined by `sep` into pieces of at most `max` characters (a field's limit), each after `prefix`. */
function pieces(max: number, sep: string, prefix = ''): string[] {
  const out: string[] = [];
  let cur = prefix;
  for (const p of ALL) {
    const next = cur === prefix ? `${prefix}${p}` : `${cur}${sep}${p}`;
    if (next.length > max) {
      out.push(cur);
      cur = `${prefix}${p}`;
    } else cur = next;
  }
  out.push(cur);
  return out;
}
/** The payloads a text holds whole. */
const within = (text: string) => ALL.filter((p) => text.includes(p));
const escapeHtml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

let e: E2E;
let fgwUnit = '';
const as: Record<string, Client> = {};

/** test/api.ts's client, sent over HTTP to the running server (it calls `app.request(path, init)`). */
function overHttp(): Client {
  const app = { request: (p: string, init: RequestInit) => fetch(`${e.base}${p}`, init) };
  return new Client(app as unknown as Hono<AppEnv>);
}

const STAFF = ['office', 'fgw_liaison', 'fgw_reviewer', 'office_reviewer', 'leader'];

beforeAll(async () => {
  // linkProbePrivate: the website checker crawls a test site served on 127.0.0.1 (the 网站检查 case).
  e = await startE2E({ demo: true, config: { linkProbe: false, linkProbePrivate: true } });
  const db = e.server.db.database.db;
  await db.update(users).set({ mustChangePassword: false }).where(inArray(users.username, STAFF));
  fgwUnit = (await db.select().from(units).where(eq(units.name, '区发展改革委')))[0]!.id;
  for (const u of STAFF) {
    const c = overHttp();
    const r = await c.login(u, DEMO_PASSWORD);
    if (r.status !== 200) throw new Error(`login ${u}: ${JSON.stringify(r.body)}`);
    as[u] = c;
  }
});
afterAll(async () => {
  for (const w of sessions.values()) await w.close();
  await e?.close();
});

interface Watched {
  page: Page;
  dialogs: string[];
  csp: string[];
  close(): Promise<void>;
}

const sessions = new Map<string, Watched>();

/** One signed-in console page per account, kept for the whole file (the console loads once per account). */
async function signedIn(user: string): Promise<Watched> {
  let w = sessions.get(user);
  if (!w) {
    w = await watched(user);
    sessions.set(user, w);
  }
  return w;
}

/** A fresh browser context (JavaScript on) recording dialogs and CSP violations; optionally signed in. */
async function watched(user?: string): Promise<Watched> {
  const ctx = await e.browser.newContext();
  // Runs before the page's own scripts (injected by the browser, so the page's CSP does not apply to it).
  await ctx.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (ev) =>
      console.error(
        `CSP violation: ${ev.effectiveDirective} ${ev.blockedURI} ${ev.sample} at ${ev.sourceFile}:${ev.lineNumber}:${ev.columnNumber}`,
      ),
    );
  });
  const page = await ctx.newPage();
  const w: Watched = { page, dialogs: [], csp: [], close: () => ctx.close() };
  page.on('dialog', (d) => {
    w.dialogs.push(`${d.type()}: ${d.message()}`);
    void d.dismiss();
  });
  page.on('console', (m) => {
    if (/Content Security Policy|CSP violation/i.test(m.text())) w.csp.push(m.text());
  });
  // Every page the browser opens carries the CSP (script-src 'self' alone: no inline script, no eval).
  page.on('response', (r) => {
    if (!r.request().isNavigationRequest() || r.request().frame() !== page.mainFrame()) return;
    const policy = r.headers()['content-security-policy'] ?? '';
    if (!/(^|; )script-src 'self'(;|$)/.test(policy)) w.csp.push(`${r.url()}: CSP「${policy}」`);
  });
  if (user) {
    await consoleLogin(page, e.base, user, DEMO_PASSWORD);
    await page.waitForURL((u) => u.pathname.startsWith('/admin') && !u.pathname.endsWith('/login'));
  }
  return w;
}

/** What of the page could run script: event-handler attributes, script URLs, srcdoc, inline or foreign scripts. */
function liveVectors(): string[] {
  const found: string[] = [];
  const URL_ATTRS = ['href', 'src', 'action', 'formaction', 'xlink:href', 'data', 'background', 'poster'];
  for (const el of Array.from(document.querySelectorAll('*'))) {
    const tag = el.tagName.toLowerCase();
    for (const a of Array.from(el.attributes)) {
      const name = a.name.toLowerCase();
      // biome-ignore lint/suspicious/noControlCharactersInRegex: browsers ignore control characters in a scheme
      const value = a.value.replace(/[\s\u0000-\u001f]/g, '').toLowerCase();
      if (name.startsWith('on')) found.push(`<${tag} ${name}>`);
      if (name === 'srcdoc') found.push(`<${tag} srcdoc>`);
      if (URL_ATTRS.includes(name) && /^(javascript|vbscript|data:text\/html)/.test(value))
        found.push(`<${tag} ${name}=${value.slice(0, 40)}>`);
      if (name === 'style' && /expression\(|javascript:/.test(value)) found.push(`<${tag} style=${value}>`);
      if (tag === 'meta' && name === 'http-equiv' && value === 'refresh') found.push('<meta refresh>');
    }
    if (tag === 'script') {
      const src = el.getAttribute('src');
      if (!src) found.push('<script> inline');
      else if (new URL(src, location.href).origin !== location.origin) found.push(`<script src=${src}>`);
    }
    if (tag === 'iframe' || tag === 'object' || tag === 'embed' || tag === 'base') found.push(`<${tag}>`);
  }
  return found;
}

/**
 * Asserts the page is inert and, when given, shows every one of `texts` as text (waited for: console pages
 * render after their API calls).
 */
async function expectInert(w: Watched, where: string, texts: string[] = []): Promise<void> {
  const { page } = w;
  if (texts.length > 0)
    await expect
      .poll(
        async () => {
          const shown = (await page.locator('body').textContent()) ?? '';
          return texts.filter((t) => !shown.includes(t));
        },
        { message: `${where}: text not shown as typed` },
      )
      .toEqual([]);
  await page.waitForLoadState('load');
  // One more frame, so that load-time handlers (onerror of a broken image, autofocus) have had their turn.
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => r(null))));
  expect(await page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss), where).toBeUndefined();
  expect(await page.evaluate(liveVectors), where).toEqual([]);
  expect(w.dialogs, where).toEqual([]);
  expect(w.csp, where).toEqual([]);
}

async function answerChallenge(page: Page, id: string, right = true) {
  const label = (await page.locator(`label[for="${id}"]`).textContent()) ?? '';
  const [, a, b] = /(\d+) 加 (\d+)/.exec(label)!;
  await page.locator(`#${id}`).fill(String(Number(a) + Number(b) + (right ? 0 : 1)));
}

describe('[PORTAL] what citizens type', () => {
  it('依申请: the form re-rendered after a wrong answer, then the case in the console', async () => {
    const name = pieces(100, ' ')[0]!;
    const address = pieces(200, ' ')[0]!;
    const purpose = pieces(500, ' ')[0]!;
    const description = ALL.join('\n');
    const w = await watched();
    const { page } = w;
    await page.goto(`${e.base}/ysqgk/apply`);
    await page.getByLabel('受理机关').selectOption({ label: '区发展改革委' });
    await page.getByLabel('姓名或者名称').fill(name);
    await page.getByLabel('证件号码').fill('11010519491231002X');
    await page.getByLabel('联系电话').fill('13900139000');
    await page.getByLabel('通信地址').fill(address);
    await page.getByLabel(/所需政府信息的名称/).fill(description);
    await page.getByLabel(/申请用途/).fill(purpose);
    await answerChallenge(page, 'f-answer', false);
    await page.getByRole('button', { name: '提交申请' }).click();
    await page.getByRole('alert').first().waitFor();
    await expectInert(w, '/ysqgk/apply re-rendered');
    expect(await page.getByLabel('姓名或者名称').inputValue()).toBe(name);
    expect(await page.getByLabel(/所需政府信息的名称/).inputValue()).toBe(description);
    expect(await page.getByLabel('通信地址').inputValue()).toBe(address);
    expect(await page.getByLabel(/申请用途/).inputValue()).toBe(purpose);
    await answerChallenge(page, 'f-answer');
    await page.getByRole('button', { name: '提交申请' }).click();
    const code = (await page.getByTestId('query-code').textContent()) ?? '';
    expect(code).toMatch(/^[A-Z0-9]{12}$/);
    await expectInert(w, '/ysqgk/apply accepted');
    await page.goto(`${e.base}/ysqgk/query?code=${code}`);
    await expectInert(w, '/ysqgk/query');
    await w.close();

    const staff = await signedIn('fgw_liaison');
    await staff.page.goto(`${e.base}/admin/requests/cases`);
    await expectInert(staff, 'console case list', [ALL[0]!]);
    await staff.page.locator('.ant-table-row', { hasText: ALL[0]! }).getByRole('link').first().click();
    await staff.page.getByTestId('case-detail-page').waitFor();
    // The detail shows the applicant's name and the description (not the address or the purpose).
    await expectInert(staff, 'console case detail', [name, ...ALL]);
  });

  it('信箱: the letter form, the status page and the console list and drawer', async () => {
    const subject = pieces(100, ' ')[0]!;
    const body = ALL.join('\n');
    const w = await watched();
    const { page } = w;
    await page.goto(`${e.base}/hdjl/xx/write`);
    await page.getByLabel(/^信箱/).selectOption({ label: '区长信箱' });
    await page.getByLabel(/来信类型/).selectOption({ label: '求助' });
    await page.getByLabel(/^标题/).fill(subject);
    await page.getByLabel(/来信内容/).fill(body);
    await page.getByLabel(/^姓名/).fill(ALL[0]!);
    await page.getByLabel(/联系电话/).fill('13512348765');
    await answerChallenge(page, 'f-answer', false);
    await page.getByRole('button', { name: '提交信件' }).click();
    await page.getByRole('alert').first().waitFor();
    await expectInert(w, '/hdjl/xx/write re-rendered');
    expect(await page.getByLabel(/来信内容/).inputValue()).toBe(body);
    await answerChallenge(page, 'f-answer');
    await page.getByRole('button', { name: '提交信件' }).click();
    const code = (await page.getByTestId('query-code').textContent()) ?? '';
    expect(code).toMatch(/^[A-Z0-9]{12}$/);
    await page.goto(`${e.base}/hdjl/xx/query?code=${code}`);
    await expectInert(w, '/hdjl/xx/query', [subject]);
    await w.close();

    const staff = await signedIn('office');
    await staff.page.goto(`${e.base}/admin/interaction/letters`);
    await expectInert(staff, 'console letters', within(subject));
    await staff.page.locator('.ant-table-row', { hasText: ALL[0]! }).getByRole('button').first().click();
    await staff.page.getByTestId('letter-drawer').waitFor();
    await expectInert(staff, 'console letter drawer', [subject, ...ALL]);
  });

  it('政策咨询: the check-first page, the answer page and the console ledger and page', async () => {
    // On several lines: 先查一查 posts it (as a query parameter its line breaks were refused, found by this test).
    const question = pieces(480, '\n')[0]!;
    const w = await watched();
    const { page } = w;
    await page.goto(`${e.base}/hdjl/zxwd/ask`);
    await page.getByLabel('您的问题').fill(question);
    await page.getByRole('button', { name: '先查一查' }).click();
    await page.getByLabel(/咨询的单位/).waitFor();
    await expectInert(w, '/hdjl/zxwd/ask suggestions');
    await page.getByLabel(/咨询的单位/).selectOption({ label: '区发展改革委' });
    await page.locator('#f-name').fill(ALL[1]!);
    await answerChallenge(page, 'f-answer');
    await page.getByRole('button', { name: '提交咨询' }).click();
    const code = (await page.getByTestId('query-code').textContent()) ?? '';
    expect(code).toMatch(/^[A-Z0-9]{12}$/);
    await page.goto(`${e.base}/hdjl/zxwd/query?code=${code}`);
    await expectInert(w, '/hdjl/zxwd/query', within(question));
    await w.close();

    const staff = await signedIn('fgw_liaison');
    await staff.page.goto(`${e.base}/admin/interaction/consultations`);
    await expectInert(staff, 'console consultations', [ALL[0]!]);
    await staff.page.locator('.ant-table-row', { hasText: ALL[0]! }).getByRole('link').first().click();
    await staff.page.getByTestId('consultation-page').waitFor();
    await expectInert(staff, 'console consultation', within(question));
  });
});

describe('[CONSOLE → PORTAL] what staff type', () => {
  it('重大行政决策: the draft on the portal, a citizen’s comment, the console list and drawer', async () => {
    const title = pieces(200, ' ')[0]!;
    const text = ALL.join('\n');
    const liaison = as.fgw_liaison!;
    const d = await liaison.post<{ id: string }>('/api/disclosure/decisions', {
      unitId: fgwUnit,
      title,
      background: text,
      basis: text,
      explanation: text,
      draftText: text,
      channels: pieces(1000, ' ')[0],
    });
    expect(d.status, JSON.stringify(d.body)).toBe(201);
    expect((await liaison.post(`/api/disclosure/decisions/${d.body.data!.id}/open`, {})).status).toBe(200);

    const w = await watched();
    const { page } = w;
    await page.goto(`${e.base}/hdjl/zj`);
    await expectInert(w, '/hdjl/zj', [title]);
    await page.getByRole('link', { name: title }).click();
    await expectInert(w, 'draft page', [title, ...ALL]);
    const comment = ALL.join('\n');
    await page.getByLabel('姓名（选填）').fill(ALL[2]!.slice(0, 50));
    await page.getByLabel('意见内容（必填）').fill(comment);
    await answerChallenge(page, 'c-answer');
    await page.getByRole('button', { name: '提交意见' }).click();
    await page.getByTestId('comment-notice').waitFor();
    expect(await page.getByTestId('comment-notice').textContent()).toContain('已提交并显示');
    await expectInert(w, 'draft page after the comment', [...ALL, ALL[2]!.slice(0, 50)]);
    await w.close();

    const staff = await signedIn('fgw_liaison');
    await staff.page.goto(`${e.base}/admin/disclosure/decisions`);
    await expectInert(staff, 'console decisions', [title]);
    await staff.page.getByTestId('decisions-table').getByTestId('decision-detail').first().click();
    await staff.page.getByTestId('decision-detail-drawer').waitFor();
    await expectInert(staff, 'console decision drawer', ALL);
  });

  it('信息发布: titles and bodies on the item pages, search, lists and the console editor', async () => {
    const titles = pieces(200, ' ', '语料测试：');
    // The body as an editor would send it: each payload once as typed text (escaped), once as raw HTML that the
    // server's allow-list must defuse.
    const bodyHtml = ALL.map((p) => `<p>${escapeHtml(p)}</p>${p}`).join('');
    const ids: string[] = [];
    for (const title of titles) {
      const r = await as.fgw_liaison!.draftItem<{ id: string }>({ title, bodyHtml });
      expect(r.status, JSON.stringify(r.body)).toBe(201);
      const id = r.body.data!.id;
      expect((await as.fgw_liaison!.post(`/api/disclosure/items/${id}/submit`, {})).status).toBe(200);
      for (const u of ['fgw_reviewer', 'office_reviewer', 'leader']) {
        const a = await as[u]!.post(`/api/disclosure/items/${id}/approve`, { comment: '同意' });
        expect(a.status, `${u}: ${JSON.stringify(a.body)}`).toBe(200);
      }
      ids.push(id);
    }

    const w = await watched();
    for (const [k, id] of ids.entries()) {
      await w.page.goto(`${e.base}/xxgk/info/${id}`);
      await expectInert(w, `/xxgk/info (${k})`, [titles[k]!, ...ALL]);
    }
    await w.page.goto(`${e.base}/xxgk/search?q=${encodeURIComponent('语料测试')}`);
    await expectInert(w, '/xxgk/search', titles);
    await w.page.goto(`${e.base}/xxgk/unit/${fgwUnit}`);
    await expectInert(w, '/xxgk/unit');
    await w.page.goto(`${e.base}/`);
    await expectInert(w, 'home page');
    await w.close();

    const staff = await signedIn('fgw_liaison');
    await staff.page.goto(`${e.base}/admin/disclosure/items`);
    await expectInert(staff, 'console items', titles);
    await staff.page.goto(`${e.base}/admin/disclosure/items/${ids[0]}`);
    await expectInert(staff, 'console editor', ALL);
  });

  it('问答库: entries on the portal base and in the console', async () => {
    const questions = pieces(500, ' ', '语料问答：');
    const answer = ALL.join('\n');
    for (const question of questions) {
      const r = await as.office!.post<{ id: string }>('/api/interaction/qa', {
        question,
        answer,
        unitId: fgwUnit,
        topic: ALL[3]!.slice(0, 50),
        keywords: ALL.filter((p) => p.length <= 30).slice(0, 20),
      });
      expect(r.status, JSON.stringify(r.body)).toBe(201);
      const ok = await as.office!.post(`/api/interaction/qa/${r.body.data!.id}/review`, {
        decision: 'approve',
      });
      expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    }
    const w = await watched();
    await w.page.goto(`${e.base}/hdjl/zxwd?unitId=${fgwUnit}`);
    await expectInert(w, '/hdjl/zxwd', questions);
    await w.page.goto(`${e.base}/hdjl/zxwd/ask?question=${encodeURIComponent(questions[0]!)}`);
    await expectInert(w, '/hdjl/zxwd/ask with a matching question');
    await w.close();

    const staff = await signedIn('office');
    await staff.page.goto(`${e.base}/admin/interaction/qa`);
    await expectInert(staff, 'console Q&A', within(questions[0]!));
  });

  it('单位: names and aliases in the portal lists, the forms’ unit choices and the console', async () => {
    const db = e.server.db.database.db;
    const district = (await db.select().from(units).where(eq(units.kind, 'government')))[0]!;
    const names = ALL.filter((p) => p.trim().length >= 2 && p.length <= 60);
    const aliases = names
      .filter((n) => n.length <= 58)
      .slice(0, 20)
      .map((n) => `别名${n}`);
    for (const [k, name] of names.entries()) {
      const r = await as.office!.post('/api/org/units', {
        name,
        kind: 'department',
        parentId: district.id,
        aliases: k === 0 ? aliases : [],
        sort: 9000 + k,
      });
      expect(r.status, `${name}: ${JSON.stringify(r.body)}`).toBe(201);
    }
    const created = await db
      .select()
      .from(units)
      .where(and(eq(units.parentId, district.id), inArray(units.name, names)));
    expect(created).toHaveLength(names.length);

    const w = await watched();
    await w.page.goto(`${e.base}/xxgk/units`);
    await expectInert(w, '/xxgk/units', names);
    await w.page.goto(`${e.base}/xxgk/unit/${created[0]!.id}`);
    await expectInert(w, '/xxgk/unit', [created[0]!.name]);
    for (const form of ['/ysqgk/apply', '/xxgk/guide', '/hdjl/zxwd']) {
      await w.page.goto(`${e.base}${form}`);
      await expectInert(w, form);
    }
    await w.close();

    const staff = await signedIn('office');
    await staff.page.goto(`${e.base}/admin/org/units`);
    // The payload is the search keyword too (名称或别名): the unit with the aliases is the one row found.
    await staff.page.getByTestId('search-keyword').fill(names[0]!);
    await staff.page.getByTestId('search-submit').click();
    await expectInert(staff, 'console units', [names[0]!, ...aliases]);
  });

  it('任务分工: a plan whose title and task text are the corpus, in both ledgers', async () => {
    const office = as.office!;
    const notice = [
      '关于印发2026年政务公开工作要点任务分工的通知',
      '工作任务 | 具体要求 | 牵头单位 | 责任单位 | 完成时限 |',
      '一、深化政策解读 | 1.做好重要政策文件解读。 | 区发展改革委 | | 2026年6月底前 |',
    ].join('\n');
    const p = await office.post<ImportPreview>('/api/tasks/import/preview-text', { text: notice });
    expect(p.status, JSON.stringify(p.body)).toBe(200);
    const body = commitBodyOf(p.body.data!);
    const title = pieces(300, ' ')[0]!;
    body.title = title;
    body.tasks = body.tasks.map((t) => ({ ...t, text: ALL.join('\n'), measures: ALL }));
    const c = await office.post('/api/tasks/import/commit', body);
    expect(c.status, JSON.stringify(c.body)).toBe(201);

    const staff = await signedIn('office');
    await staff.page.goto(`${e.base}/admin/tasks/by-task`);
    await expectInert(staff, 'console ledger by task', [ALL[0]!]);
    await staff.page.goto(`${e.base}/admin/tasks/ledger`);
    await expectInert(staff, 'console ledger', [ALL[0]!]);
  });
});

describe('[CONSOLE → PORTAL] the other ledgers staff fill', () => {
  it('执法公示, 公开承诺, 舆情 and 来电: the portal lists and the console ledgers', async () => {
    const liaison = as.fgw_liaison!;
    const office = as.office!;
    const long = pieces(2000, '\n');
    const post = async (c: Client, path: string, body: Record<string, unknown>) => {
      const r = await c.post<{ id: string }>(path, body);
      expect(r.status, `${path}: ${JSON.stringify(r.body)}`).toBe(201);
      return r.body.data!.id;
    };
    // 执法公示: party, document number, conclusion and basis; published, so on the portal.
    const parties = pieces(200, ' ');
    for (const [k, partyName] of parties.entries()) {
      const id = await post(liaison, '/api/disclosure/enforcement', {
        unitId: fgwUnit,
        kind: 'penalty',
        docNumber: pieces(100, ' ')[k] ?? ALL[0]!,
        partyType: 'organization',
        partyName,
        decisionDate: '2026-02-26',
        conclusion: ALL.join('\n'),
        basis: pieces(2000, '\n')[0],
      });
      expect((await liaison.post(`/api/disclosure/enforcement/${id}/publish`, {})).status).toBe(200);
    }
    // 公开承诺 with progress (public on /hdjl/cn), 舆情 with a response, 来电 with an answer.
    for (const [k, content] of long.entries()) {
      const id = await post(liaison, '/api/interaction/commitments', {
        content,
        place: pieces(200, ' ')[k] ?? ALL[0]!,
        unitId: fgwUnit,
        promisedOn: '2026-02-02',
        dueOn: '2026-12-31',
      });
      await post(liaison, `/api/interaction/commitments/${id}/progress`, { on: '2026-02-03', text: content });
      await post(office, '/api/interaction/opinions', {
        source: pieces(200, ' ')[k] ?? ALL[0]!,
        summary: content,
        level: 'general',
        unitId: fgwUnit,
        foundAt: '2026-02-01T08:00:00+08:00',
      });
      await post(liaison, '/api/interaction/calls', {
        channel: 'local',
        calledAt: '2026-02-02T08:30:00+08:00',
        callerName: pieces(50, ' ')[k] ?? ALL[0]!,
        callerPhone: '13800138000',
        question: content,
        answer: content,
        unitId: fgwUnit,
      });
    }

    const w = await watched();
    await w.page.goto(`${e.base}/xxgk/zfgs`);
    await expectInert(w, '/xxgk/zfgs', [ALL[0]!]);
    await w.page.goto(`${e.base}/hdjl/cn`);
    await expectInert(w, '/hdjl/cn', [ALL[0]!]);
    await w.close();

    const staff = await signedIn('fgw_liaison');
    for (const [path, where] of [
      ['/admin/disclosure/enforcement', 'console 执法公示'],
      ['/admin/interaction/commitments', 'console 公开承诺'],
      ['/admin/interaction/calls', 'console 来电'],
    ]) {
      await staff.page.goto(`${e.base}${path}`);
      await expectInert(staff, where!, [ALL[0]!]);
    }
    const o = await signedIn('office');
    await o.page.goto(`${e.base}/admin/interaction/opinions`);
    await expectInert(o, 'console 舆情', [ALL[0]!]);
  });

  it('user names: the console user list, the header of the signed-in user and a draft waiting in 待办', async () => {
    const db = e.server.db.database.db;
    const names = ALL.filter((p) => p.trim().length > 0 && p.trim() === p && p.length <= 30);
    for (const [k, name] of names.entries()) {
      const r = await as.office!.post('/api/org/users', {
        username: `xss_${k}`,
        name,
        unitId: fgwUnit,
        roles: ['liaison'],
        password: DEMO_PASSWORD,
      });
      expect(r.status, `${name}: ${JSON.stringify(r.body)}`).toBe(201);
    }
    await db.update(users).set({ mustChangePassword: false }).where(eq(users.username, 'xss_0'));
    const staff = await signedIn('office');
    await staff.page.goto(`${e.base}/admin/org/users`);
    await staff.page.getByTestId('search-keyword').fill('xss_');
    await staff.page.getByTestId('search-submit').click();
    await expectInert(staff, 'console users', [names[0]!]);

    // xss_0 signs in (its name in the header) and drafts an item whose title waits in the reviewer's 待办.
    const self = await signedIn('xss_0');
    await expectInert(self, 'console header of xss_0', [names[0]!]);
    const c = overHttp();
    expect((await c.login('xss_0', DEMO_PASSWORD)).status).toBe(200);
    const title = pieces(200, ' ', '待办语料：')[0]!;
    const d = await c.draftItem<{ id: string }>({ title });
    expect(d.status, JSON.stringify(d.body)).toBe(201);
    expect((await c.post(`/api/disclosure/items/${d.body.data!.id}/submit`, {})).status).toBe(200);
    const reviewer = await signedIn('fgw_reviewer');
    await reviewer.page.goto(`${e.base}/admin/`);
    await reviewer.page.getByTestId('home-todo').waitFor();
    await expectInert(reviewer, 'console 待办', [within(title)[0]!]);
  });

  it('网站与新媒体 filings and the register; 年报 text on /xxgk/nb and in the console editor', async () => {
    const liaison = as.fgw_liaison!;
    const office = as.office!;
    const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 73, 72, 68, 82]);
    const scan = await liaison.upload<{ fileId: string }>('/api/media/scans', '申请.png', PNG);
    expect(scan.status, JSON.stringify(scan.body)).toBe(200);
    const names = pieces(100, ' ');
    const note = pieces(2000, '\n')[0]!;
    for (const [k, name] of names.entries()) {
      for (const target of ['website', 'account'] as const) {
        const f = await liaison.post<{ id: string }>('/api/media/filings', {
          kind: 'open',
          target,
          unitId: fgwUnit,
          ...(target === 'website'
            ? {
                website: {
                  name,
                  url: `https://xss${k}.example.gov.cn/`,
                  sponsor: name,
                  operator: name,
                  icp: ALL[k]!.slice(0, 60),
                  psb: ALL[k + 1]!.slice(0, 60),
                  siteCode: '',
                },
              }
            : {
                account: {
                  platform: 'wechat',
                  name,
                  accountId: `gh_xss_${k}`,
                  sponsor: name,
                  maintainer: name,
                },
              }),
          note,
          scanFileId: scan.body.data!.fileId,
        });
        expect(f.status, JSON.stringify(f.body)).toBe(200);
        const r = await office.post(`/api/media/filings/${f.body.data!.id}/review`, {
          decision: 'approve',
          note: pieces(2000, '\n')[0],
        });
        expect(r.status, JSON.stringify(r.body)).toBe(200);
      }
    }
    // One left pending: the filings page lists those waiting for review.
    const pending = await liaison.post('/api/media/filings', {
      kind: 'open',
      target: 'account',
      unitId: fgwUnit,
      account: { platform: 'weibo', name: names[0], accountId: 'xss_pending', sponsor: '', maintainer: '' },
      note,
      scanFileId: scan.body.data!.fileId,
    });
    expect(pending.status, JSON.stringify(pending.body)).toBe(200);
    // 年报: the three text parts, published (a past year) to /xxgk/nb.
    const text = ALL.join('\n');
    const saved = await liaison.put(`/api/reports/${fgwUnit}/2024`, {
      table2: {
        art20_1: {
          regulations: { issued: 0, abolished: 0, in_force: 0 },
          normative_docs: { issued: 0, abolished: 0, in_force: 0 },
        },
        art20_5: { licensing: { decisions: 0 } },
        art20_6: { penalty: { decisions: 0 }, compulsion: { decisions: 0 } },
        art20_8: { fees: { amount_wan_yuan: 0 } },
      },
      overview: text,
      problems: text,
      otherMatters: text,
    });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    const pub = await office.post(`/api/reports/${fgwUnit}/2024/publish`, {});
    expect(pub.status, JSON.stringify(pub.body)).toBe(200);

    const w = await watched();
    await w.page.goto(`${e.base}/xxgk/nb`);
    await expectInert(w, '/xxgk/nb');
    await w.page.locator('a[href^="/xxgk/nb/"]', { hasText: '区发展改革委2024' }).first().click();
    await expectInert(w, '/xxgk/nb/:id', ALL);
    await w.close();

    const staff = await signedIn('office');
    for (const [path, where] of [
      ['/admin/media/websites', 'console 网站'],
      ['/admin/media/accounts', 'console 新媒体'],
      ['/admin/media/filings', 'console 备案'],
    ])
      for (const name of names.slice(0, 1)) {
        await staff.page.goto(`${e.base}${path}`);
        await expectInert(staff, where!, within(name).slice(0, 1));
      }
    const own = await signedIn('fgw_liaison');
    await own.page.goto(`${e.base}/admin/reports/${fgwUnit}/2024`);
    await expectInert(own, 'console 年报 editor', [ALL[0]!]);
  });

  it('规范性文件清理: the campaign title and the reasons, on the published result and in the console', async () => {
    const office = as.office!;
    // A normative document in force, published through the three reviews.
    const doc = await as.fgw_liaison!.draftItem<{ id: string }>({
      kind: 'normative',
      title: pieces(200, ' ', '规范性文件语料：')[0]!,
      docNumber: '潼发改规〔2025〕1号',
      writtenDate: '2025-03-01',
    });
    expect(doc.status, JSON.stringify(doc.body)).toBe(201);
    expect((await as.fgw_liaison!.post(`/api/disclosure/items/${doc.body.data!.id}/submit`, {})).status).toBe(
      200,
    );
    for (const u of ['fgw_reviewer', 'office_reviewer', 'leader']) {
      const a = await as[u]!.post(`/api/disclosure/items/${doc.body.data!.id}/approve`, {});
      expect(a.status, `${u}: ${JSON.stringify(a.body)}`).toBe(200);
    }
    const title = pieces(100, ' ')[0]!;
    const c = await office.post<{ id: string }>('/api/disclosure/normative/campaigns', {
      year: 2025,
      title,
      // The file runs on the real clock: a due date no today can pass.
      dueDate: '2099-12-31',
    });
    expect(c.status, JSON.stringify(c.body)).toBe(201);
    const id = c.body.data!.id;
    const d = await office.get<{ marks: { id: string }[] }>(`/api/disclosure/normative/campaigns/${id}`);
    const reasons = pieces(500, ' ');
    // Each document in force gets a corpus reason (需修改 keeps it in force).
    expect(d.body.data!.marks.length).toBeGreaterThan(0);
    for (const [k, m] of d.body.data!.marks.entries()) {
      const r = await office.put(`/api/disclosure/normative/campaigns/${id}/marks/${m.id}`, {
        decision: 'amend',
        reason: reasons[k % reasons.length],
      });
      expect(r.status, JSON.stringify(r.body)).toBe(200);
    }
    expect((await office.post(`/api/disclosure/normative/campaigns/${id}/publish`, {})).status).toBe(200);
    const shown = reasons.slice(0, d.body.data!.marks.length).flatMap(within);

    const w = await watched();
    await w.page.goto(`${e.base}/xxgk/gfxwj/ql`);
    await expectInert(w, '/xxgk/gfxwj/ql', within(title));
    await w.page.goto(`${e.base}/xxgk/gfxwj/ql/2025`);
    await expectInert(w, '/xxgk/gfxwj/ql/2025', [...within(title), ...shown]);
    await w.close();

    const staff = await signedIn('office');
    await staff.page.goto(`${e.base}/admin/disclosure/normative-review`);
    await expectInert(staff, 'console 清理', within(title));
  });

  it('政府网站工作年度报表: the hand-filled text fields in the console drawer', async () => {
    const liaison = as.fgw_liaison!;
    const office = as.office!;
    const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 73, 72, 68, 82]);
    const scan = await liaison.upload<{ fileId: string }>('/api/media/scans', '申请.png', PNG);
    const f = await liaison.post<{ id: string }>('/api/media/filings', {
      kind: 'open',
      target: 'website',
      unitId: fgwUnit,
      website: {
        name: '语料网站',
        url: 'https://xss-report.example.gov.cn/',
        siteCode: '',
        icp: '',
        psb: '',
        sponsor: '',
        operator: '',
      },
      scanFileId: scan.body.data!.fileId,
    });
    expect(f.status, JSON.stringify(f.body)).toBe(200);
    expect(
      (await office.post(`/api/media/filings/${f.body.data!.id}/review`, { decision: 'approve' })).status,
    ).toBe(200);
    const sites = await office.get<{ items: { id: string; name: string }[] }>(
      '/api/media/websites?pageSize=200',
    );
    const site = sites.body.data!.items.find((x) => x.name === '语料网站')!;
    const keys = [
      'searchService',
      'multilingual',
      'accessibility',
      'personalised',
      'innovationOther',
      'head',
      'auditor',
      'filler',
    ];
    const texts = pieces(200, ' ');
    expect(texts.length).toBeLessThanOrEqual(keys.length);
    const values = Object.fromEntries(texts.map((t, k) => [keys[k]!, t]));
    const saved = await liaison.put(`/api/media/websites/${site.id}/annual-reports/2024`, { values });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);

    const staff = await signedIn('fgw_liaison');
    await staff.page.goto(`${e.base}/admin/media/annual-reports`);
    await staff.page.getByTestId('media-annual-reports-page').waitFor();
    const year = staff.page
      .locator('input[data-testid="annual-report-year"], [data-testid="annual-report-year"] input')
      .first();
    await year.fill('2024');
    await year.press('Enter');
    await year.blur();
    await staff.page
      .getByTestId('annual-reports-table')
      .locator('tr', { hasText: '语料网站' })
      .getByRole('button', { name: /语料网站/ })
      .click();
    const drawer = staff.page.getByTestId('annual-report-drawer');
    await drawer.waitFor();
    // Typed text sits in the inputs: each shows what was saved, exactly.
    for (const [k, t] of texts.entries())
      await expect
        .poll(() =>
          drawer
            .locator(
              `input[data-testid="report-field-${keys[k]}"], [data-testid="report-field-${keys[k]}"] input, [data-testid="report-field-${keys[k]}"] textarea, textarea[data-testid="report-field-${keys[k]}"]`,
            )
            .first()
            .inputValue(),
        )
        .toBe(t);
    await expectInert(staff, 'console 年度报表 drawer');
  });
});

describe('[CONSOLE → PORTAL] 考核 and the website checks', () => {
  it('考核: indicator names and a manual score’s 依据 typed in the console, in the console pages and on /xxgk/khpg', async () => {
    const office = as.office!;
    const key = { year: 2025, unitKind: 'department' as const };
    // One manual indicator per payload that fits a name (60), the last one's weight makes 100.
    const named = ALL.filter((p) => p.length <= 60);
    const indicators = [
      ...named.map((name, k) => ({
        code: `M${k + 1}`,
        category: '语料指标',
        name,
        weight: 2,
        method: 'manual' as const,
        source: null,
        criteria: name,
      })),
      {
        code: 'Z1',
        category: '语料指标',
        name: '其他',
        weight: 100 - 2 * named.length,
        method: 'manual' as const,
        source: null,
        criteria: pieces(500, ' ')[0]!,
      },
    ];
    const put = await office.put('/api/assessment/plan', { ...key, indicators });
    expect(put.status, JSON.stringify(put.body)).toBe(200);
    expect((await office.post('/api/assessment/plan/freeze', key)).status).toBe(200);

    // The 依据 typed into the scoring dialog (an autoSize textarea, measured by antd through a style it sets).
    const evidence = ALL.join('\n');
    const staff = await signedIn('office');
    const { page } = staff;
    const pickYear = async () => {
      const year = page
        .locator('input[data-testid="assess-year"], [data-testid="assess-year"] input')
        .first();
      await year.fill('2025');
      await year.press('Enter');
      await year.blur();
    };
    await page.goto(`${e.base}/admin/assessment/scoring`);
    await page.getByTestId('assess-scoring-page').waitFor();
    await pickYear();
    const row = page.getByTestId('assess-scoring-page').locator('tr', { hasText: '区发展改革委' }).first();
    await row
      .getByRole('button', { name: /评\s*分/ })
      .first()
      .click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('得分').fill('1');
    await dialog.getByLabel('评分依据').fill(evidence);
    await dialog.getByLabel('评分人').fill('语料评分人');
    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    await page.getByText('评分已保存').waitFor();
    await expectInert(staff, 'console 考核评分', named);
    const scores = await office.get<{ code: string; unitId: string; evidence: string }[]>(
      `/api/assessment/scores?year=2025&unitKind=department`,
    );
    expect(scores.body.data!.find((x) => x.unitId === fgwUnit && x.code === 'M1')?.evidence).toBe(evidence);
    // Opened again, the dialog holds the 依据 exactly as typed.
    await row
      .getByRole('button', { name: /评\s*分/ })
      .first()
      .click();
    await expect.poll(() => page.getByRole('dialog').getByLabel('评分依据').inputValue()).toBe(evidence);
    await page
      .getByRole('dialog')
      .getByRole('button', { name: /取\s*消/ })
      .click();
    await expectInert(staff, 'console 考核评分 dialog');

    await page.goto(`${e.base}/admin/assessment/tree`);
    await page.getByTestId('assess-tree-page').waitFor();
    await pickYear();
    await expectInert(staff, 'console 指标体系', named);

    // The ranking's drill-down: every indicator's name and the score's 依据 (the 计分依据 column).
    await page.goto(`${e.base}/admin/assessment/ranking`);
    await page.getByTestId('assess-ranking-page').waitFor();
    await pickYear();
    const ranked = page.getByTestId('assess-ranking').locator('tr', { hasText: '区发展改革委' }).first();
    await ranked.locator('button[aria-label]').first().click();
    await expectInert(staff, 'console 考核排名 drill-down', [...named, ...ALL]);

    expect((await office.post('/api/assessment/publish', key)).status).toBe(200);
    const w = await watched();
    await w.page.goto(`${e.base}/xxgk/khpg?year=2025`);
    await expectInert(w, '/xxgk/khpg', named);
    await w.close();
  });

  it('网站检查: a site whose titles and links are the corpus; the findings, the 整改 and its progress typed by staff', async () => {
    // A test site: the home page links every column by a payload; each column page is titled by its payloads
    // (title, the ColumnName meta of 政府网站 templates, h1) and has nothing in it, so each is a 空白栏目 finding
    // and a 整改 item whose text holds the payloads. Links with script URLs are there too (the crawler skips them).
    const groups = pieces(400, ' ');
    const column = (k: number) =>
      `<html><head><title>${escapeHtml(groups[k]!)}</title><meta name="ColumnName" content="${escapeHtml(groups[k]!)}"></head>` +
      `<body><h1>${escapeHtml(groups[k]!)}</h1><p>第${k + 1}个栏目暂无信息</p></body></html>`;
    const home =
      '<html><head><title>语料测试网站</title></head><body><ul>' +
      ALL.map(
        (p, k) =>
          `<li><a href="/c${groups.findIndex((g) => g.includes(p))}/">${escapeHtml(p)}</a> 2026-0${1 + (k % 9)}-01</li>`,
      ).join('') +
      ALL.filter((p) => /^\s*(javascript|data):/i.test(p))
        .map((p) => `<li><a href="${escapeHtml(p)}">${escapeHtml(p)}</a></li>`)
        .join('') +
      '</ul></body></html>';
    const site = http.createServer((req, res) => {
      const m = /^\/c(\d+)\/$/.exec(req.url ?? '');
      const body = req.url === '/' ? home : m && groups[Number(m[1])] ? column(Number(m[1])) : null;
      if (body === null) return res.writeHead(404).end();
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(body);
    });
    await new Promise<void>((r) => site.listen(0, '127.0.0.1', r));
    try {
      const url = `http://127.0.0.1:${(site.address() as AddressInfo).port}/`;
      const [registered] = await e.server.db.database.db
        .insert(mediaWebsites)
        .values({ unitId: fgwUnit, name: '语料检查网站', url, urlKey: websiteKey(url)! })
        .returning();
      const office = as.office!;
      const run = await office.post<{ findings: { kind: string; detail: string }[] }>(
        `/api/media/websites/${registered!.id}/check`,
        {},
      );
      expect(run.status, JSON.stringify(run.body)).toBe(200);
      const blank = run.body.data!.findings.filter((f) => f.kind === 'blank_column');
      // Every payload reached a finding as text, exactly.
      expect(blank.flatMap((f) => within(f.detail)).sort()).toEqual([...ALL].sort());
      const rect = await office.get<{ taskAssignmentId: string | null; finding: { detail: string } }[]>(
        `/api/media/websites/${registered!.id}/rectifications`,
      );
      const item = rect.body.data!.find((r) => within(r.finding.detail).length > 0)!;
      expect(item.taskAssignmentId).toBeTruthy();
      // The unit's liaison reports the 整改 progress: the corpus as typed text.
      const progress = ALL.join('\n');
      const rep = await as.fgw_liaison!.post(`/api/tasks/assignments/${item.taskAssignmentId}/reports`, {
        text: progress,
      });
      expect(rep.status, JSON.stringify(rep.body)).toBe(201);

      const staff = await signedIn('office');
      await staff.page.goto(`${e.base}/admin/media/websites`);
      await staff.page.getByRole('button', { name: '检查 语料检查网站' }).click();
      const drawer = staff.page.getByTestId('check-drawer');
      await drawer.getByTestId('findings-table').waitFor();
      // What the drawer's first pages of findings and 整改 show: the payloads of those rows.
      const firstFindings = run.body.data!.findings.slice(0, 20).flatMap((f) => within(f.detail));
      const firstRect = rect.body.data!.slice(0, 10).flatMap((r) => within(r.finding.detail));
      expect(firstFindings.length).toBeGreaterThan(0);
      expect(firstRect.length).toBeGreaterThan(0);
      await expectInert(staff, 'console 网站检查 drawer', [...firstFindings, ...firstRect]);
      await staff.page.goto(`${e.base}/admin/media/dashboard`);
      await staff.page.getByTestId('open-rectifications-table').waitFor();
      await expectInert(staff, 'console 健康与整改');

      const own = await signedIn('fgw_liaison');
      await own.page.goto(`${e.base}/admin/tasks/ledger?assignment=${item.taskAssignmentId}`);
      await expectInert(own, 'console 整改 task and its progress', [...within(item.finding.detail), ...ALL]);
    } finally {
      site.closeAllConnections();
      await new Promise<void>((r) => site.close(() => r()));
    }
  });
});
