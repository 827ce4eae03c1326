// The bounded, polite crawl of one site (issue 12 part 2): the start URL's own host only, robots.txt obeyed, at most
// 4 requests at a time, a timeout per request and for the whole crawl, a page cap, a size cap per page, at most 5
// redirects (never followed to another host), and a cap per URL shape so endless calendar or search pages cannot
// eat the page budget. Links are then probed: on the site's host a 404/5xx or a refused port is broken; an external
// host is broken only when it answers 404/410/5xx — one that cannot be reached is "not checked".
import {
  type PageModel,
  pageKey,
  parseRobots,
  type RobotsRules,
  robotsAllows,
} from '../../../../domain/media';
import { extractPage } from './extract';
import { decodeHtml, type FetchResult, fetchOnce } from './fetch';

export interface CrawlOptions {
  maxPages: number;
  /** Private/loopback addresses allowed for every host (the link-probe setting). */
  allowPrivate: boolean;
  /** Private addresses allowed for the start URL's own host name (the operator named it on the command line). */
  trustStartHost: boolean;
  concurrency: number;
  timeoutMs: number;
  externalTimeoutMs: number;
  maxBytes: number;
  maxRedirects: number;
  maxPerShape: number;
  maxExternalProbes: number;
  deadlineMs: number;
}

export const DEFAULT_CRAWL: CrawlOptions = {
  maxPages: 300,
  allowPrivate: false,
  trustStartHost: false,
  concurrency: 4,
  timeoutMs: 15_000,
  externalTimeoutMs: 5_000,
  maxBytes: 5 * 1024 * 1024,
  maxRedirects: 5,
  maxPerShape: 60,
  maxExternalProbes: 100,
  deadlineMs: 5 * 60_000,
};

export interface CrawlResult {
  home: string;
  reachable: boolean;
  pages: PageModel[];
  brokenLinks: { page: string; target: string; detail: string }[];
  notes: string[];
}

const NOT_HTML =
  /\.(pdf|docx?|xlsx?|pptx?|wps|et|ofd|zip|rar|7z|gz|jpe?g|png|gif|bmp|webp|svg|ico|mp[34]|avi|flv|wmv|mov|swf|exe|apk|txt|xml|css|js|json)$/i;

/** Digits replaced, so /cal/2026/11/ and /cal/2026/10/ (and ?page=3, ?page=4) share one shape. */
export function urlShape(u: URL): string {
  const q = [...u.searchParams.keys()].sort().join('&');
  return `${u.pathname.replace(/\d+/g, '#')}?${q}`;
}

const META_REFRESH =
  /<meta[^>]+http-equiv\s*=\s*["']?refresh["']?[^>]*content\s*=\s*["']?\s*\d*\s*;?\s*url\s*=\s*['"]?([^'">\s;]+)/i;

export function isLoopback(hostname: string): boolean {
  const h = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  return h === 'localhost' || h === '::1' || /^127\.\d+\.\d+\.\d+$/.test(h);
}

class Limiter {
  private active = 0;
  private readonly waiting: (() => void)[] = [];
  constructor(private readonly max: number) {}
  async run<T>(fn: () => Promise<T>): Promise<T> {
    if (this.active >= this.max) await new Promise<void>((r) => this.waiting.push(r));
    this.active++;
    try {
      return await fn();
    } finally {
      this.active--;
      this.waiting.shift()?.();
    }
  }
}

type Final = { url: URL; res: FetchResult; offHost?: boolean };

export async function crawlSite(start: string, o: Partial<CrawlOptions> = {}): Promise<CrawlResult> {
  const opts = { ...DEFAULT_CRAWL, ...o };
  const deadline = Date.now() + opts.deadlineMs;
  const limiter = new Limiter(Math.min(4, Math.max(1, opts.concurrency)));
  const notes: string[] = [];
  let startUrl: URL;
  try {
    startUrl = new URL(start);
    if (startUrl.protocol !== 'http:' && startUrl.protocol !== 'https:') throw new Error();
  } catch {
    throw new Error(`网址无效：${start}`);
  }
  let siteHost = startUrl.host;
  const hostName = () => siteHost.replace(/:\d+$/, '');
  // A site on a loopback address: its other loopback ports are the same machine, reachable like the site itself.
  const loopbackSite = isLoopback(startUrl.hostname);
  const nearby = (u: URL) => u.hostname === startUrl.hostname || (loopbackSite && isLoopback(u.hostname));
  const privateOk = (u: URL) => opts.allowPrivate || (opts.trustStartHost && nearby(u));
  const get = (u: URL, method: 'GET' | 'HEAD', timeoutMs: number) =>
    limiter.run(() =>
      fetchOnce(u, {
        allowPrivate: privateOk(u),
        timeoutMs: Math.max(1, Math.min(timeoutMs, deadline - Date.now())),
        maxBytes: method === 'HEAD' ? 0 : opts.maxBytes,
        method,
      }),
    );
  /** Follows redirects on the site's host; stops (offHost) at a redirect to another host. */
  const follow = async (
    u: URL,
    method: 'GET' | 'HEAD',
    timeoutMs: number,
    sameHostOnly: boolean,
  ): Promise<Final> => {
    let url = u;
    for (let hop = 0; ; hop++) {
      const res = await get(url, method, timeoutMs);
      if (!res.ok || res.status < 300 || res.status >= 400 || !res.location) return { url, res };
      if (hop >= opts.maxRedirects) return { url, res: { ok: false, error: 'failed' } };
      let next: URL;
      try {
        next = new URL(res.location, url);
      } catch {
        return { url, res: { ok: false, error: 'failed' } };
      }
      if (sameHostOnly && next.host !== siteHost) return { url: next, res, offHost: true };
      url = next;
    }
  };

  // The start page: one redirect to the same name with or without "www." or to https is the site itself.
  let first = await follow(startUrl, 'GET', opts.timeoutMs, false);
  if (!first.res.ok) first = await follow(startUrl, 'GET', opts.timeoutMs, false); // one retry
  const bare = (h: string) => h.replace(/^www\./, '').replace(/:\d+$/, '');
  if (first.res.ok && first.res.status < 400 && bare(first.url.host) === bare(startUrl.host))
    siteHost = first.url.host;
  // A start page that only redirects by <meta http-equiv="refresh"> (portal entry pages do): its target on the same
  // host is the home page.
  if (first.res.ok && first.res.status < 400 && first.url.host === siteHost) {
    const m = META_REFRESH.exec(decodeHtml(first.res.body.subarray(0, 8192), first.res.contentType));
    const target = m ? new URL(m[1]!, first.url) : undefined;
    if (target && target.host === siteHost && target.href !== first.url.href) {
      const next = await follow(target, 'GET', opts.timeoutMs, true);
      if (next.res.ok && next.res.status < 400 && !next.offHost) first = next;
    }
  }
  const home = first.url.host === siteHost ? first.url.href : startUrl.href;
  if (!first.res.ok || first.res.status >= 400) {
    notes.push(`首页无法访问：${first.res.ok ? `HTTP ${first.res.status}` : first.res.error}`);
    return { home, reachable: false, pages: [], brokenLinks: [], notes };
  }

  let robots: RobotsRules = { rules: [] };
  const rb = await follow(new URL('/robots.txt', home), 'GET', opts.timeoutMs, true);
  if (rb.res.ok && rb.res.status === 200 && !rb.offHost)
    robots = parseRobots(decodeHtml(rb.res.body, rb.res.contentType));
  const delayMs = Math.min(2, robots.crawlDelaySec ?? 0) * 1000;

  const pages: PageModel[] = [];
  const status = new Map<string, { code?: number; error?: string; final: string }>(); // by pageKey
  const referrer = new Map<string, string>(); // link key → first page linking to it
  const linkUrl = new Map<string, string>();
  const seen = new Set<string>([pageKey(home)]);
  const shapes = new Map<string, number>();
  let queue: string[] = [home];
  let capped = 0;
  const endless = new Set<string>();
  const onSite = (u: URL) => u.host === siteHost;

  const visit = async (href: string) => {
    if (Date.now() > deadline) return;
    const r = href === home ? first : await follow(new URL(href), 'GET', opts.timeoutMs, true);
    if (delayMs) await new Promise((res) => setTimeout(res, delayMs));
    const key = pageKey(href);
    if (r.offHost) return void status.set(key, { code: 200, final: r.url.href }); // left the site: not ours to judge
    if (!r.res.ok) return void status.set(key, { error: r.res.error, final: r.url.href });
    status.set(key, { code: r.res.status, final: r.url.href });
    if (r.res.status >= 400 || !/html|xml|^$/i.test(r.res.contentType) || !onSite(r.url)) return;
    if (r.res.truncated)
      notes.push(`页面超过${Math.round(opts.maxBytes / 1048576)}MB，只读取了前面部分：${href}`);
    const page = extractPage(decodeHtml(r.res.body, r.res.contentType), r.url.href);
    pages.push(page);
    for (const l of page.links) {
      const k = pageKey(l.href);
      if (!referrer.has(k)) {
        referrer.set(k, page.url);
        linkUrl.set(k, l.href);
      }
      if (seen.has(k)) continue;
      const u = new URL(l.href);
      if (!onSite(u) || NOT_HTML.test(u.pathname) || !robotsAllows(robots, u.pathname + u.search)) continue;
      const shape = urlShape(u);
      const n = shapes.get(shape) ?? 0;
      if (n >= opts.maxPerShape) {
        endless.add(k); // beyond the shape's cap: neither crawled nor probed
        continue;
      }
      if (seen.size >= opts.maxPages) {
        capped++;
        continue;
      }
      shapes.set(shape, n + 1);
      seen.add(k);
      queue.push(l.href);
    }
  };
  while (queue.length && Date.now() < deadline) {
    const batch = queue;
    queue = [];
    await Promise.all(batch.map(visit));
  }
  if (queue.length || Date.now() >= deadline) notes.push('检查时间用尽，部分页面未读取');
  if (capped) notes.push(`达到页面上限${opts.maxPages}页，其余页面未读取`);

  // Links not crawled: probe them (HEAD, then GET when HEAD is refused by the server).
  const brokenLinks: CrawlResult['brokenLinks'] = [];
  let external = 0;
  await Promise.all(
    [...referrer].map(async ([k, page]) => {
      const href = linkUrl.get(k)!;
      const u = new URL(href);
      const sameName = u.hostname === hostName() || nearby(u);
      if (!sameName && !onSite(u)) {
        if (external >= opts.maxExternalProbes) return;
        external++;
      }
      if (endless.has(k) || (onSite(u) && !robotsAllows(robots, u.pathname + u.search))) return;
      let s = status.get(k);
      if (!s && Date.now() < deadline) {
        const timeout = sameName ? opts.timeoutMs : opts.externalTimeoutMs;
        let r = await follow(u, 'HEAD', timeout, false);
        if (r.res.ok && (r.res.status === 405 || r.res.status === 501 || r.res.status === 403))
          r = await follow(u, 'GET', timeout, false);
        s = r.res.ok ? { code: r.res.status, final: r.url.href } : { error: r.res.error, final: r.url.href };
        status.set(k, s);
      }
      if (!s) return;
      const broken =
        s.code !== undefined
          ? s.code === 404 || s.code === 410 || s.code >= 500
          : sameName && s.error === 'refused';
      if (broken)
        brokenLinks.push({
          page,
          target: href,
          detail: s.code !== undefined ? `链接返回HTTP ${s.code}` : '链接所在端口拒绝连接',
        });
    }),
  );
  brokenLinks.sort((a, b) => a.target.localeCompare(b.target));
  return { home, reachable: true, pages, brokenLinks, notes };
}
