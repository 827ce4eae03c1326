// The crawler and the whole check against a fixture site served here, with faults and decoys: an endless calendar,
// a redirect to another host, a host that never answers, a GBK page without any charset, a 50 MB page, robots.txt.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkSite, type SiteCheckResult } from '../site-check';
import { decodeHtml } from './fetch';

const GBK_TYPO = Buffer.from('b6d4b6acbcbeb9a4d7f7bdf8d0d0c1cbb2bfcaeea3acc8b7b1a3b0b2c8aba1a3', 'hex'); // …部暑…
const GBK_DATE = Buffer.from('b7a2b2bcc8d5c6daa3ba32303236c4ea3131d4c23230c8d5', 'hex'); // 发布日期：2026年11月20日

let site: http.Server;
let hang: http.Server;
let base: string;
let hangBase: string;
const requests: { host: string; path: string }[] = [];
let active = 0;
let maxActive = 0;
let bigBytes = 0;

const FOOT =
  '<div class="foot"><p>主办单位：示例县人民政府办公室　联系电话：0571-1234567</p><p>网站标识码：3300000001　浙ICP备12345678号</p></div>';
const page = (column: string, body: string) =>
  `<!DOCTYPE html><html><head><meta charset="utf-8"><meta name="ColumnName" content="${column}"><title>${column}</title></head><body><div class="menu"><a href="/">首页</a><a href="/news/">工作动态</a><a href="/notice/">通知公告</a><a href="/cal/2026/11/">活动日历</a></div>${body}${FOOT}</body></html>`;

function route(
  path: string,
): { status: number; type?: string; body?: string | Buffer; location?: string } | 'big' {
  if (path === '/robots.txt')
    return { status: 200, type: 'text/plain', body: 'User-agent: *\nDisallow: /private/\n' };
  if (path === '/entry.html')
    return {
      status: 200,
      body: '<html><head><meta http-equiv="refresh" content="0; url=/"></head><body>跳转中</body></html>',
    };
  if (path === '/')
    return {
      status: 200,
      body: page(
        '首页',
        `<ul><li><span>2026-11-25</span><a href="/news/a.html">县里召开工作会议</a></li></ul>
         <p><a href="/missing.html">专题</a> <a href="/away">旧栏目</a> <a href="/private/x.html">内部</a>
         <a href="/gbk/">乡镇新闻</a> <a href="/big">大页面</a> <a href="${hangBase}/">不应答</a> <a href="http://localhost:9/">本机未监听端口</a>
         <a href="https://www.example.invalid/">外部网站</a> <a href="mailto:a@b.cn">邮件</a> <a href="javascript:void(0)">脚本</a></p>`,
      ),
    };
  if (path === '/news/')
    return {
      status: 200,
      body: page(
        '工作动态',
        '<ul><li><span>2026-10-01</span><a href="a.html">县里召开工作会议</a></li></ul>',
      ),
    };
  if (path === '/news/a.html')
    return {
      status: 200,
      body: page('工作动态', '<h1>县里召开工作会议</h1><p>发布日期：2026-10-01</p><p>会议做为重点。</p>'),
    };
  if (path === '/notice/') return { status: 200, body: page('通知公告', '<ul></ul><p>暂无信息</p>') };
  if (path === '/away') return { status: 302, location: `http://localhost:${new URL(base).port}/elsewhere` };
  if (path === '/gbk/')
    return {
      status: 200,
      type: 'text/html',
      body: Buffer.concat([
        Buffer.from('<html><body><h1>GBK</h1><p>'),
        GBK_DATE,
        Buffer.from('</p><p>'),
        GBK_TYPO,
        Buffer.from(`</p>${FOOT}</body></html>`),
      ]),
    };
  if (path === '/big') return 'big';
  const cal = /^\/cal\/(\d+)\/(\d+)\/$/.exec(path);
  if (cal) {
    const m = Number(cal[2]);
    return {
      status: 200,
      body: page(
        '活动日历',
        `<p><a href="/cal/${cal[1]}/${m - 1}/">上月</a> <a href="/cal/${cal[1]}/${m + 1}/">下月</a></p>`,
      ),
    };
  }
  return { status: 404, body: 'not found' };
}

beforeAll(async () => {
  site = http.createServer((req, res) => {
    active++;
    maxActive = Math.max(maxActive, active);
    res.on('close', () => active--);
    requests.push({ host: String(req.headers.host), path: req.url ?? '' });
    const r = route(req.url ?? '/');
    if (r === 'big') {
      // 50 MB, written as the client reads: the checker must stop reading long before the end.
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      const chunk = Buffer.alloc(64 * 1024, 'a');
      const pump = () => {
        while (bigBytes < 50 * 1024 * 1024 && !res.destroyed) {
          bigBytes += chunk.length;
          if (!res.write(chunk)) return void res.once('drain', pump);
        }
        res.end();
      };
      return pump();
    }
    res.writeHead(r.status, {
      ...(r.type !== undefined || r.status < 300
        ? { 'content-type': r.type ?? 'text/html; charset=utf-8' }
        : {}),
      ...(r.location ? { location: r.location } : {}),
    });
    res.end(r.body);
  });
  hang = http.createServer(() => {}); // accepts, never answers
  await new Promise<void>((r) => site.listen(0, '127.0.0.1', r));
  await new Promise<void>((r) => hang.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(site.address() as AddressInfo).port}`;
  hangBase = `http://127.0.0.1:${(hang.address() as AddressInfo).port}`;
});
afterAll(async () => {
  hang.closeAllConnections();
  site.closeAllConnections();
  await new Promise<void>((r) => hang.close(() => r()));
  await new Promise<void>((r) => site.close(() => r()));
});

describe('crawl + check of a fixture site', () => {
  let report: SiteCheckResult;
  let elapsed = 0;
  beforeAll(async () => {
    const t0 = performance.now();
    report = await checkSite(`${base}/`, {
      asOf: '2026-12-01',
      trustStartHost: true,
      maxPages: 40,
      maxPerShape: 8,
      timeoutMs: 1500,
      externalTimeoutMs: 500,
      maxBytes: 256 * 1024,
    });
    elapsed = performance.now() - t0;
  }, 30_000);
  const kinds = (k: string) => report.findings.filter((f) => f.kind === k);

  it('stays bounded: page cap, calendar shape cap, ≤ 4 requests at a time, time', () => {
    expect(report.pages).toBeLessThanOrEqual(40);
    expect(requests.filter((r) => r.path.startsWith('/cal/')).length).toBeLessThanOrEqual(8);
    expect(maxActive).toBeLessThanOrEqual(4);
    expect(elapsed).toBeLessThan(15_000);
  });
  it('reads only part of a 50 MB page', () => {
    expect(bigBytes).toBeLessThan(10 * 1024 * 1024);
  });
  it('obeys robots.txt and never follows a redirect to another host', () => {
    expect(requests.some((r) => r.path.startsWith('/private/'))).toBe(false);
    expect(requests.some((r) => r.host.startsWith('localhost'))).toBe(false);
  });
  it('broken links: the 404 and a closed loopback port — not the silent host, the external one, the redirect or mailto', () => {
    expect(kinds('broken_link').map((f) => f.target)).toEqual([
      `${base}/missing.html`,
      'http://localhost:9/',
    ]);
  });
  it('decodes a GBK page without any charset and finds its typo and date', () => {
    expect(
      kinds('typo')
        .map((f) => [new URL(f.page).pathname, f.text])
        .sort(),
    ).toEqual([
      ['/gbk/', '部暑'],
      ['/news/a.html', '做为'],
    ]);
  });
  it('stale and blank columns, identity, verdict', () => {
    expect(kinds('stale_column').map((f) => f.column)).toEqual(['工作动态']);
    expect(kinds('blank_column').map((f) => f.column)).toEqual(['通知公告']);
    expect(kinds('missing_identity').map((f) => f.text)).toEqual(['公安机关备案号']);
    expect(report.verdict).toBe('合格'); // home updated 2026-11-25; 1 stale, 1 blank: below the vetoes
    expect(report.vetoes).toEqual([]);
  });
});

describe('a start page that redirects by meta refresh', () => {
  it('checks the page it points to as the home page', async () => {
    const r = await checkSite(`${base}/entry.html`, {
      asOf: '2026-12-01',
      trustStartHost: true,
      maxPages: 5,
      timeoutMs: 1500,
    });
    expect(r.vetoes.map((v) => v.rule)).not.toContain('home_not_updated'); // the real home has a 2026-11-25 item
    expect(r.pages).toBeGreaterThan(1);
  }, 20_000);
});

describe('unreachable site', () => {
  it('is 不合格 with the unreachable veto, in bounded time', async () => {
    const r = await checkSite(`${hangBase}/`, { asOf: '2026-12-01', trustStartHost: true, timeoutMs: 300 });
    expect(r.verdict).toBe('不合格');
    expect(r.vetoes.map((v) => v.rule)).toEqual(['unreachable']);
    expect(r.pages).toBe(0);
  });
  it('refuses a private address unless trusted or allowed', async () => {
    const r = await checkSite(`${base}/`, { asOf: '2026-12-01', timeoutMs: 300 });
    expect(r.vetoes.map((v) => v.rule)).toEqual(['unreachable']);
  });
});

describe('decodeHtml', () => {
  it.each([
    [Buffer.concat([Buffer.from('<p>'), GBK_DATE]), '', '发布日期'],
    [Buffer.concat([Buffer.from('<meta charset="gb2312"><p>'), GBK_DATE]), '', '发布日期'],
    [Buffer.concat([Buffer.from('<p>'), GBK_DATE]), 'text/html; charset=GBK', '发布日期'],
    [Buffer.from('<p>发布日期</p>'), 'text/html', '发布日期'],
  ])('%#', (body, type, want) => expect(decodeHtml(body, type)).toContain(want));
});
