// SECURITY.md 21: the portal's CSP allows no inline style (style-src 'self'), so no portal page may carry a
// `style` attribute or a <style> element — the browser would refuse them and the page would lose its layout. An
// anonymous crawler with both 适老化 modes on (大字, 高对比度: classes on <html>) walks the portal of the demo
// district with its sample content from `/` and every route without parameters, and also renders the forms as a
// refused post shows them, the pages after a submission and the status pages by query code. Every page type the
// portal registers must have been rendered (a new page type fails here until it is reached), and every HTML
// answer is parsed: no style attribute on any element, no <style> element, the stylesheet linked, the CSP strict.
import { type DefaultTreeAdapterMap, parse } from 'parse5';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DirectoryPreview } from '../../src/contracts/directory';
import { A11Y_COOKIE } from '../../src/portal/a11y';
import { portalMailboxes } from '../../src/server/modules/interaction';
import { type Client, setupApi, type TestApi } from '../api';
import { directoryXlsx } from '../fixtures/directory-xlsx';

let api: TestApi;
/** Every HTML answer: the path asked, its status and its body. */
const pages: { path: string; status: number; html: string; csp: string }[] = [];

type Node = DefaultTreeAdapterMap['node'];

/** Each `style` attribute and <style> element of a parsed page, as `<tag style=…>` / `<style>`. */
function inlineStyles(html: string): string[] {
  const found: string[] = [];
  const walk = (n: Node) => {
    if ('tagName' in n) {
      if (n.tagName === 'style') found.push('<style>');
      for (const a of n.attrs) if (a.name === 'style') found.push(`<${n.tagName} style="${a.value}">`);
      if ('content' in n) walk(n.content);
    }
    if ('childNodes' in n) for (const c of n.childNodes) walk(c);
  };
  walk(parse(html));
  return found;
}

async function render(client: Client, method: 'GET' | 'POST', path: string, form?: FormData) {
  const r = await client.request(method, path, undefined, form ? { form } : {});
  if (!(r.headers.get('content-type') ?? '').includes('text/html')) return null;
  const html = await r.raw.text();
  pages.push({ path, status: r.status, html, csp: r.headers.get('content-security-policy') ?? '' });
  return html;
}

/** Posts a portal form as a browser would: the token and the challenge are read from the form page. */
async function submit(client: Client, formPath: string, action: string, values: Record<string, string>) {
  const formPage = await render(client, 'GET', formPath);
  const token = /name="token" value="([^"]+)"/.exec(formPage!)![1]!;
  const [, a, b] = /验证问题：(\d+) 加 (\d+) 等于几/.exec(formPage!)!;
  const form = new FormData();
  for (const [k, v] of Object.entries({ token, answer: String(Number(a) + Number(b)), ...values }))
    form.append(k, v);
  const html = (await render(client, 'POST', action, form)) ?? '';
  return /data-testid="query-code">([A-Z0-9]+)</.exec(html)?.[1];
}

/** The portal's GET routes that answer with an HTML page (files, redirects and the console are not pages). */
const NOT_PAGES = new Set([
  '/favicon.svg',
  '/favicon.ico',
  '/static/portal.css',
  '/xxgk/a11y',
  '/xxgk/file/:id',
  '/xxgk/wzjc/:file',
  '/hdjl/cn/:id/files/:fileId',
  '/admin',
  '/admin/*',
]);
const pageRoutes = () =>
  [
    ...new Set(
      api.app.routes
        .filter((r) => r.method === 'GET' && !r.path.startsWith('/api') && !NOT_PAGES.has(r.path))
        .map((r) => r.path),
    ),
  ].sort();
const patternOf = (route: string) => new RegExp(`^${route.replace(/:[^/]+/g, '[^/]+')}$`);

beforeAll(async () => {
  api = await setupApi({ config: { demoContent: true } });
  const visitor = api.anon();
  for (const mode of ['large', 'contrast'])
    expect((await visitor.request('GET', `/xxgk/a11y?mode=${mode}&back=/`)).status).toBe(303);
  expect(decodeURIComponent(visitor.cookies.get(A11Y_COOKIE)!)).toBe('large,contrast');

  // Submissions and their status pages.
  const fgwUnit = /<option value="([^"]+)"[^>]*>区发展改革委</.exec(
    (await render(visitor, 'GET', '/ysqgk/apply'))!,
  )![1]!;
  const caseCode = await submit(visitor, '/ysqgk/apply', '/ysqgk/apply', {
    unitId: fgwUnit,
    kind: 'natural_person',
    idType: 'id_card',
    name: '吴桂兰',
    idNumber: '500223199208154573',
    phone: '13622334455',
    address: '潼南区梓潼街道兴潼大道17号',
    description: '2025年区发展改革委重大项目审批结果',
    deliveryForm: 'electronic',
    deliveryChannel: 'email',
  });
  const head = (await portalMailboxes(api.tdb.database.db)).find((m) => m.name === '区长信箱')!.id;
  const letterCode = await submit(visitor, '/hdjl/xx/write', '/hdjl/xx/write', {
    mailboxId: head,
    type: 'complaint',
    subject: '反映幸福里小区路灯不亮',
    body: '小区路灯坏了三个月。',
    writerName: '李秀英',
    writerPhone: '13698765432',
    consent: 'yes',
  });
  // The ask form after 先查一查 (the question carried in the address).
  const question = '小微企业申请技术改造补贴需要哪些材料？';
  const askCode = await submit(
    visitor,
    `/hdjl/zxwd/ask?question=${encodeURIComponent(question)}`,
    '/hdjl/zxwd/ask',
    {
      unitId: fgwUnit,
      question,
      askerName: '赵丽华',
      askerContact: '13512345678',
    },
  );
  expect([caseCode, letterCode, askCode].every(Boolean), 'three query codes').toBe(true);
  await render(visitor, 'GET', `/ysqgk/query?code=${caseCode}`);
  await render(visitor, 'GET', `/hdjl/xx/query?code=${letterCode}`);
  await render(visitor, 'GET', `/hdjl/zxwd/query?code=${askCode}`);
  // The forms re-rendered with their errors (an empty post), and 先查一查's answer.
  for (const action of ['/ysqgk/apply', '/hdjl/xx/write', '/hdjl/zxwd/ask', '/hdjl/zxwd/rate'])
    await render(visitor, 'POST', action, new FormData());
  const check = new FormData();
  check.append('question', '技术改造补贴怎么申报？');
  await render(visitor, 'POST', '/hdjl/zxwd/check', check);

  // Records behind the page types the demo content does not have: a draft decision open for comments, a 清理
  // campaign's published result, a published 年报 and a 标准目录.
  const office = await api.loginAs('office');
  const fgw = await api.loginAs('fgw_liaison');
  const must = async (r: Promise<{ status: number; body: unknown }>, what: string) => {
    const res = await r;
    if (res.status >= 300) throw new Error(`${what}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body as { data?: { id: string } & Record<string, unknown> };
  };
  const decision = await must(
    fgw.post('/api/disclosure/decisions', {
      unitId: fgwUnit,
      title: '关于调整城区公交票价的决定（征求意见稿）',
      background: '城区公交票价十年未调整。',
      basis: '《价格法》',
      explanation: '拟将基础票价由1元调整为2元。',
      draftText: '第一条 城区公交基础票价调整为2元。',
    }),
    'decision',
  );
  await must(office.post(`/api/disclosure/decisions/${decision.data!.id}/open`, {}), 'decision open');
  const campaign = await must(
    office.post('/api/disclosure/normative/campaigns', {
      year: 2025,
      title: '2025年规范性文件清理',
      dueDate: '2099-12-31',
    }),
    'campaign',
  );
  const marks = await office.get<{ marks: { id: string }[] }>(
    `/api/disclosure/normative/campaigns/${campaign.data!.id}`,
  );
  for (const m of marks.body.data!.marks)
    await must(
      office.put(`/api/disclosure/normative/campaigns/${campaign.data!.id}/marks/${m.id}`, {
        decision: 'amend',
        reason: '部分条款需修改',
      }),
      'mark',
    );
  await must(
    office.post(`/api/disclosure/normative/campaigns/${campaign.data!.id}/publish`, {}),
    'campaign publish',
  );
  await must(
    fgw.put(`/api/reports/${fgwUnit}/2024`, {
      table2: {
        art20_1: {
          regulations: { issued: 0, abolished: 0, in_force: 0 },
          normative_docs: { issued: 0, abolished: 0, in_force: 0 },
        },
        art20_5: { licensing: { decisions: 0 } },
        art20_6: { penalty: { decisions: 0 }, compulsion: { decisions: 0 } },
        art20_8: { fees: { amount_wan_yuan: 0 } },
      },
      overview: '总体情况。',
      problems: '存在的问题。',
      otherMatters: '其他事项。',
    }),
    '年报',
  );
  await must(office.post(`/api/reports/${fgwUnit}/2024/publish`, {}), '年报 publish');
  const directory = (
    await office.upload<DirectoryPreview>(
      '/api/disclosure/directory/preview',
      '标准目录.xlsx',
      await directoryXlsx(),
    )
  ).body.data!;
  await must(
    office.post('/api/disclosure/directory/commit', {
      title: '潼南区社会救助领域标准目录',
      rows: directory.rows.map(({ due: _d, units: _u, errors: _e, warnings: _w, ...r }) => r),
      notApplicable: directory.notApplicable,
    }),
    '标准目录',
  );

  // The crawl: every route without parameters, then every same-site link found, to the end of the links.
  const queue = [...new Set(['/', ...pageRoutes().filter((r) => !r.includes(':'))])];
  const seen = new Set(queue);
  while (queue.length > 0 && seen.size < 1500) {
    const path = queue.shift()!;
    const html = await render(visitor, 'GET', path);
    if (!html) continue;
    for (const [, href] of html.matchAll(/href="(\/[^"#]*)"/g)) {
      const link = href!.replace(/&amp;/g, '&');
      if (/^\/(admin|api|static)\b|^\/xxgk\/a11y/.test(link) || seen.has(link)) continue;
      seen.add(link);
      queue.push(link);
    }
  }
}, 300_000);
afterAll(() => api?.close());

describe('the portal renders no inline style (SECURITY.md 21)', () => {
  it('every page type was rendered', () => {
    const rendered = pages.filter((p) => p.status === 200).map((p) => p.path.split('?')[0]!);
    const missing = pageRoutes().filter((route) => !rendered.some((path) => patternOf(route).test(path)));
    expect(missing).toEqual([]);
    expect(pages.length).toBeGreaterThan(100);
  });

  it('no page has a style attribute or a <style> element; each links portal.css under a CSP without inline style', () => {
    const bad = pages.flatMap((p) => inlineStyles(p.html).map((s) => `${p.path}: ${s}`));
    expect(bad).toEqual([]);
    for (const p of pages) {
      expect(p.html, p.path).toContain('<link rel="stylesheet" href="/static/portal.css"');
      expect(p.html, p.path).toContain('<html lang="zh-CN" class="gk-large gk-contrast">');
      expect(p.csp, p.path).toMatch(/(^|; )style-src 'self'(;|$)/);
    }
  });

  it('the detector finds what it looks for', () => {
    expect(inlineStyles('<p style="color:red">x</p><style>p{}</style><svg><rect style="x"/></svg>')).toEqual([
      '<p style="color:red">',
      '<style>',
      '<rect style="x">',
    ]);
  });
});
